package py

import (
	"math/big"
	"strings"
)

// MemoryView is Python 2.7's memoryview over the new buffer interface,
// which str and bytearray export (unicode does not): one-dimensional,
// format 'B'. Items read as one-character strs; a view of a bytearray is
// writable in place, with the same size.
//
// Deliberate difference: CPython forbids resizing a bytearray while a view
// of it is alive (BufferError) and frees the export when the view's
// refcount drops; Go's collector gives no such moment, so resizing is
// allowed and the view sees the bytearray's current bytes.
type MemoryView struct {
	obj      Object // *Str or *ByteArray
	start, n int
}

// MemoryViewType is `memoryview`.
var MemoryViewType = newBuiltinType("memoryview", nil)

// Type implements Object.
func (m *MemoryView) Type() *Type { return MemoryViewType }

func (m *MemoryView) bytes() string {
	s, _ := bufferData(m.obj)
	end := m.start + m.n
	if end > len(s) {
		end = len(s)
	}
	if m.start >= end {
		return ""
	}
	return s[m.start:end]
}

func (m *MemoryView) readonly() bool {
	_, ok := baseOf(m.obj).(*ByteArray)
	return !ok
}

// Len implements len().
func (m *MemoryView) Len(f *Frame) (int, *BaseException) { return m.n, nil }

// Truth implements bool().
func (m *MemoryView) Truth(f *Frame) (bool, *BaseException) { return m.n > 0, nil }

// Repr mirrors <memory at 0x...>; str() is the same.
func (m *MemoryView) Repr(f *Frame) (string, *BaseException) {
	return "<memory at " + addrOf(m) + ">", nil
}

// Hash: memoryviews are unhashable in 2.7.
func (m *MemoryView) Hash(f *Frame) (int64, *BaseException) {
	return 0, NewTypeError("unhashable type: 'memoryview'")
}

func (m *MemoryView) index(f *Frame, key Object) (int, *BaseException) {
	i, err := IndexInt(f, key, "")
	if err != nil {
		if err.IsInstance(TypeErrorType) {
			return 0, NewTypeError("cannot index memory using \"" + typeNameForError(key) + "\"")
		}
		return 0, err
	}
	if i < 0 {
		i += m.n
	}
	if i < 0 || i >= m.n {
		return 0, NewIndexError("index out of bounds")
	}
	return i, nil
}

// sliceBounds resolves a step-1 slice; other steps are not implemented in 2.7.
func (m *MemoryView) sliceBounds(f *Frame, sl *Slice) (int, int, *BaseException) {
	start, _, step, n, err := sl.indices(f, m.n)
	if err != nil {
		return 0, 0, err
	}
	if step != 1 {
		return 0, 0, NewException(NotImplementedErrorType, "")
	}
	return start, n, nil
}

// GetItem gives a one-character str, or a memoryview for slices.
func (m *MemoryView) GetItem(f *Frame, key Object) (Object, *BaseException) {
	if sl, ok := key.(*Slice); ok {
		start, n, err := m.sliceBounds(f, sl)
		if err != nil {
			return nil, err
		}
		return &MemoryView{obj: m.obj, start: m.start + start, n: n}, nil
	}
	i, err := m.index(f, key)
	if err != nil {
		return nil, err
	}
	return NewStr(m.bytes()[i : i+1]), nil
}

// SetItem writes into a bytearray's bytes, never changing the size.
func (m *MemoryView) SetItem(f *Frame, key, v Object) *BaseException {
	if m.readonly() {
		return NewTypeError("cannot modify read-only memory")
	}
	start, n := 0, 1
	if sl, ok := key.(*Slice); ok {
		var err *BaseException
		if start, n, err = m.sliceBounds(f, sl); err != nil {
			return err
		}
	} else {
		i, err := m.index(f, key)
		if err != nil {
			return err
		}
		start = i
	}
	data, ok := bufferData(v)
	if mv, isView := baseOf(v).(*MemoryView); isView {
		data, ok = mv.bytes(), true
	}
	if !ok || isUnicode(v) {
		return NewTypeError("'" + typeNameForError(v) + "' does not have the buffer interface")
	}
	if len(data) != n {
		return NewValueError("cannot modify size of memoryview object")
	}
	ba := baseOf(m.obj).(*ByteArray)
	ba.mu.Lock()
	defer ba.mu.Unlock()
	if m.start+start+n > len(ba.b) {
		return NewIndexError("index out of bounds")
	}
	copy(ba.b[m.start+start:], data)
	return nil
}

// DelItem: a view cannot change its exporter's size.
func (m *MemoryView) DelItem(f *Frame, key Object) *BaseException {
	return NewTypeError("cannot delete memory")
}

func isUnicode(o Object) bool {
	_, ok := baseOf(o).(*Unicode)
	return ok
}

// RichCompare: == and != compare bytes with any new-style buffer exporter;
// other comparisons fall back to Python 2's default ordering.
func (m *MemoryView) RichCompare(f *Frame, op CmpOp, y Object) (Object, *BaseException) {
	if op != EQ && op != NE {
		return NotImplemented, nil
	}
	var other string
	switch v := baseOf(y).(type) {
	case *MemoryView:
		other = v.bytes()
	case *Str, *ByteArray:
		other, _ = bufferData(v)
	default:
		return NewBool(op == NE), nil
	}
	return NewBool((m.bytes() == other) == (op == EQ)), nil
}

// Iter iterates through the sequence protocol, as 2.7 does.
func (m *MemoryView) Iter(f *Frame) (Object, *BaseException) { return &seqIter{seq: m}, nil }

// Contains compares items (one-character strs) by ==.
func (m *MemoryView) Contains(f *Frame, x Object) (bool, *BaseException) {
	if s, ok := x.(*Str); ok {
		return len(s.s) == 1 && strings.Contains(m.bytes(), s.s), nil
	}
	return iterContains(f, m, x)
}

func selfView(o Object) *MemoryView { return baseOf(o).(*MemoryView) }

func init() {
	MemoryViewType.newFn = func(f *Frame, t *Type, args []Object, kw Kwargs) (Object, *BaseException) {
		var a [1]Object
		if err := ParseArgs("memoryview", args, kw, []string{"object"}, 1, a[:]); err != nil {
			return nil, err
		}
		switch v := baseOf(a[0]).(type) {
		case *Str, *ByteArray, *Buffer:
			s, _ := bufferData(v)
			return &MemoryView{obj: v, n: len(s)}, nil
		case *MemoryView:
			return &MemoryView{obj: v.obj, start: v.start, n: v.n}, nil
		}
		return nil, NewTypeError("cannot make memory view because object does not have the buffer interface")
	}
	MemoryViewType.def("tobytes", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := UnpackArgs("tobytes", args, kw, 0, 0); err != nil {
			return nil, err
		}
		return NewStr(selfView(self).bytes()), nil
	})
	MemoryViewType.def("tolist", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := UnpackArgs("tolist", args, kw, 0, 0); err != nil {
			return nil, err
		}
		s := selfView(self).bytes()
		out := make([]Object, len(s))
		for i := 0; i < len(s); i++ {
			out[i] = NewInt(int64(s[i]))
		}
		return NewList(out...), nil
	})
	getter := func(name string, get func(m *MemoryView) Object) {
		MemoryViewType.dict.setStr(name, &GetSet{name: name, get: func(f *Frame, o Object) (Object, *BaseException) {
			return get(selfView(o)), nil
		}})
	}
	getter("format", func(*MemoryView) Object { return NewStr("B") })
	getter("itemsize", func(*MemoryView) Object { return NewLong(big.NewInt(1)) })
	getter("ndim", func(*MemoryView) Object { return NewLong(big.NewInt(1)) })
	// 2.7 returns these sizes as longs (PyLong_FromSsize_t).
	getter("shape", func(m *MemoryView) Object { return NewTuple(NewLong(big.NewInt(int64(m.n)))) })
	getter("strides", func(*MemoryView) Object { return NewTuple(NewLong(big.NewInt(1))) })
	getter("suboffsets", func(*MemoryView) Object { return None })
	getter("readonly", func(m *MemoryView) Object { return NewBool(m.readonly()) })
}
