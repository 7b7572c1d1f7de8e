package py

import (
	"strings"
	"sync"
)

// ByteArray is the mutable bytearray. Construction, len, indexing, repr,
// append/extend and str() are implemented; other methods raise
// NotImplementedError naming themselves.
type ByteArray struct {
	mu sync.Mutex
	b  []byte
}

// ByteArrayType is `bytearray`; BufferType is `buffer` (buffer.go).
var (
	ByteArrayType = newBuiltinType("bytearray", nil)
	BufferType    = newBuiltinType("buffer", nil)
)

// Type implements Object.
func (b *ByteArray) Type() *Type { return ByteArrayType }

// Len implements len().
func (b *ByteArray) Len(f *Frame) (int, *BaseException) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.b), nil
}

// Repr mirrors bytearray(b'...').
func (b *ByteArray) Repr(f *Frame) (string, *BaseException) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return "bytearray(b" + strRepr(string(b.b)) + ")", nil
}

// Str is the raw bytes.
func (b *ByteArray) Str(f *Frame) (Object, *BaseException) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return NewStr(string(b.b)), nil
}

// GetItem returns an int (or a bytearray for slices).
func (b *ByteArray) GetItem(f *Frame, key Object) (Object, *BaseException) {
	b.mu.Lock()
	s := NewStr(string(b.b))
	b.mu.Unlock()
	r, err := s.GetItem(f, key)
	if err != nil {
		if err.IsInstance(IndexErrorType) {
			return nil, NewIndexError("bytearray index out of range")
		}
		return nil, err
	}
	if _, ok := key.(*Slice); ok {
		return &ByteArray{b: []byte(r.(*Str).s)}, nil
	}
	return NewInt(int64(r.(*Str).s[0])), nil
}

// SetItem stores one byte.
func (b *ByteArray) SetItem(f *Frame, key, v Object) *BaseException {
	if sl, ok := key.(*Slice); ok {
		return b.setSlice(f, sl, v)
	}
	i, err := IndexInt(f, key, "bytearray indices must be integers")
	if err != nil {
		return err
	}
	var n int
	if s, ok := v.(*Str); ok {
		if len(s.s) != 1 {
			return NewValueError("string must be of size 1")
		}
		n = int(s.s[0])
	} else if n, err = IndexInt(f, v, "an integer or string of size 1 is required"); err != nil {
		return err
	}
	if n < 0 || n > 255 {
		return NewValueError("byte must be in range(0, 256)")
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if i < 0 {
		i += len(b.b)
	}
	if i < 0 || i >= len(b.b) {
		return NewIndexError("bytearray index out of range")
	}
	b.b[i] = byte(n)
	return nil
}

// RichCompare compares bytes with str and bytearray.
func (b *ByteArray) RichCompare(f *Frame, op CmpOp, y Object) (Object, *BaseException) {
	b.mu.Lock()
	s := NewStr(string(b.b))
	b.mu.Unlock()
	switch o := y.(type) {
	case *Str:
		return s.RichCompare(f, op, o)
	case *ByteArray:
		o.mu.Lock()
		os := NewStr(string(o.b))
		o.mu.Unlock()
		return s.RichCompare(f, op, os)
	}
	return NotImplemented, nil
}

// Iter yields ints.
func (b *ByteArray) Iter(f *Frame) (Object, *BaseException) { return &seqIter{seq: b}, nil }

func init() {
	ByteArrayType.newFn = func(f *Frame, t *Type, args []Object, kw Kwargs) (Object, *BaseException) {
		var a [3]Object
		if err := ParseArgs("bytearray", args, kw, []string{"source", "encoding", "errors"}, 0, a[:]); err != nil {
			return nil, err
		}
		ba := &ByteArray{}
		switch v := a[0].(type) {
		case nil:
		case *Str:
			ba.b = []byte(v.s)
		case *Unicode:
			if a[1] == nil {
				return nil, NewTypeError("unicode argument without an encoding")
			}
			e, err := Encode(f, v.r, optStr(a[1], "ascii"), optStr(a[2], "strict"))
			if err != nil {
				return nil, err
			}
			ba.b = []byte(e.(*Str).s)
		case *Int:
			if v.v < 0 {
				return nil, NewValueError("negative count")
			}
			ba.b = make([]byte, v.v)
		default:
			items, err := ToSlice(f, v)
			if err != nil {
				return nil, err
			}
			for _, it := range items {
				n, err := IndexInt(f, it, "an integer or string of size 1 is required")
				if err != nil {
					return nil, err
				}
				if n < 0 || n > 255 {
					return nil, NewValueError("byte must be in range(0, 256)")
				}
				ba.b = append(ba.b, byte(n))
			}
		}
		return ba, nil
	}
	ByteArrayType.def("append", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := OneArg("append", args, kw); err != nil {
			return nil, err
		}
		n, err := IndexInt(f, args[0], "an integer or string of size 1 is required")
		if err != nil {
			return nil, err
		}
		if n < 0 || n > 255 {
			return nil, NewValueError("byte must be in range(0, 256)")
		}
		ba := baseOf(self).(*ByteArray)
		ba.mu.Lock()
		ba.b = append(ba.b, byte(n))
		ba.mu.Unlock()
		return None, nil
	})
	ByteArrayType.def("extend", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := OneArg("extend", args, kw); err != nil {
			return nil, err
		}
		nb, err := Call(f, ByteArrayType, args, nil)
		if err != nil {
			return nil, err
		}
		ba := baseOf(self).(*ByteArray)
		ba.mu.Lock()
		ba.b = append(ba.b, nb.(*ByteArray).b...)
		ba.mu.Unlock()
		return None, nil
	})
	ByteArrayType.def("decode", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		ba := baseOf(self).(*ByteArray)
		ba.mu.Lock()
		s := NewStr(string(ba.b))
		ba.mu.Unlock()
		return CallMethod(f, s, "decode", args, kw)
	})
}

// Hash: bytearrays are unhashable.
func (b *ByteArray) Hash(f *Frame) (int64, *BaseException) {
	return 0, NewTypeError("unhashable type: 'bytearray'")
}

func (b *ByteArray) snapshot() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return string(b.b)
}

// Binary implements + and * (results are bytearrays).
func (b *ByteArray) Binary(f *Frame, op Op, y Object, side Side) (Object, *BaseException) {
	s := NewStr(b.snapshot())
	var other Object = y
	if o, ok := y.(*ByteArray); ok {
		other = NewStr(o.snapshot())
	}
	if op == OpAdd {
		o, ok := other.(*Str)
		if !ok {
			return NotImplemented, nil
		}
		if side == Right {
			// str + bytearray is a bytearray too
			return &ByteArray{b: []byte(o.s + s.s)}, nil
		}
	}
	r, err := s.Binary(f, op, other, side)
	if err != nil || r == NotImplemented {
		return r, err
	}
	return strToByteArray(r), nil
}

// Contains implements `in` (ints and byte strings).
func (b *ByteArray) Contains(f *Frame, x Object) (bool, *BaseException) {
	s := b.snapshot()
	switch v := x.(type) {
	case *Int:
		if v.v < 0 || v.v > 255 {
			return false, NewValueError("byte must be in range(0, 256)")
		}
		return strings.IndexByte(s, byte(v.v)) >= 0, nil
	case *Str:
		return strings.Contains(s, v.s), nil
	case *ByteArray:
		return strings.Contains(s, v.snapshot()), nil
	}
	return false, NewTypeError("an integer or string of size 1 is required")
}

func strToByteArray(r Object) Object {
	switch v := r.(type) {
	case *Str:
		return &ByteArray{b: []byte(v.s)}
	case *List:
		out := make([]Object, len(v.elems))
		for i, e := range v.elems {
			out[i] = strToByteArray(e)
		}
		return NewList(out...)
	case *Tuple:
		out := make([]Object, len(v.elems))
		for i, e := range v.elems {
			out[i] = strToByteArray(e)
		}
		return NewTuple(out...)
	}
	return r
}

// initByteArrayStrMethods gives bytearray str's methods, converting
// arguments and results (called from zinit.go, after str's methods exist).
func initByteArrayStrMethods() {
	keep := map[string]bool{"append": true, "extend": true, "decode": true, "__init__": true, "format": true,
		"__format__": true, "__getnewargs__": true, "encode": true}
	keys, vals := StrType.dict.Entries()
	for i, k := range keys {
		name := k.(*Str).s
		m, ok := vals[i].(*BuiltinMethod)
		if !ok || keep[name] || strings.HasPrefix(name, "__") || ByteArrayType.dict.getStr(name) != nil {
			continue
		}
		inner := m.fn
		returnsBytes := !strings.HasPrefix(name, "is") && name != "find" && name != "rfind" && name != "index" &&
			name != "rindex" && name != "count" && name != "startswith" && name != "endswith"
		ByteArrayType.def(name, func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
			conv := make([]Object, len(args))
			for j, a := range args {
				conv[j] = a
				if ba, ok := a.(*ByteArray); ok {
					conv[j] = NewStr(ba.snapshot())
				}
			}
			r, err := inner(f, NewStr(baseOf(self).(*ByteArray).snapshot()), conv, kw)
			if err != nil || !returnsBytes {
				return r, err
			}
			return strToByteArray(r), nil
		})
	}
	ByteArrayType.def("reverse", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		ba := baseOf(self).(*ByteArray)
		ba.mu.Lock()
		for i, j := 0, len(ba.b)-1; i < j; i, j = i+1, j-1 {
			ba.b[i], ba.b[j] = ba.b[j], ba.b[i]
		}
		ba.mu.Unlock()
		return None, nil
	})
	ByteArrayType.def("pop", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		ba := baseOf(self).(*ByteArray)
		ba.mu.Lock()
		defer ba.mu.Unlock()
		if len(ba.b) == 0 {
			return nil, NewIndexError("pop from empty bytearray")
		}
		v := ba.b[len(ba.b)-1]
		ba.b = ba.b[:len(ba.b)-1]
		return NewInt(int64(v)), nil
	})
}

// DelItem deletes a byte or a slice.
func (b *ByteArray) DelItem(f *Frame, key Object) *BaseException {
	b.mu.Lock()
	n := len(b.b)
	b.mu.Unlock()
	if sl, ok := key.(*Slice); ok {
		start, _, step, cnt, err := sl.indices(f, n)
		if err != nil {
			return err
		}
		del := map[int]bool{}
		for i, j := 0, start; i < cnt; i, j = i+1, j+step {
			del[j] = true
		}
		b.mu.Lock()
		out := b.b[:0:0]
		for i, c := range b.b {
			if !del[i] {
				out = append(out, c)
			}
		}
		b.b = out
		b.mu.Unlock()
		return nil
	}
	i, err := IndexInt(f, key, "bytearray indices must be integers")
	if err != nil {
		return err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if i < 0 {
		i += len(b.b)
	}
	if i < 0 || i >= len(b.b) {
		return NewIndexError("bytearray index out of range")
	}
	b.b = append(b.b[:i:i], b.b[i+1:]...)
	return nil
}

func init() {
	ByteArrayType.def("insert", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if len(args) != 2 || len(kw) > 0 {
			return nil, NewTypeError("insert() takes exactly 2 arguments (" + itoa(len(args)) + " given)")
		}
		i, err := IndexInt(f, args[0], "an integer is required")
		if err != nil {
			return nil, err
		}
		v, err := IndexInt(f, args[1], "an integer or string of size 1 is required")
		if err != nil {
			return nil, err
		}
		if v < 0 || v > 255 {
			return nil, NewValueError("byte must be in range(0, 256)")
		}
		ba := baseOf(self).(*ByteArray)
		ba.mu.Lock()
		defer ba.mu.Unlock()
		n := len(ba.b)
		if i < 0 {
			i += n
			if i < 0 {
				i = 0
			}
		}
		if i > n {
			i = n
		}
		ba.b = append(ba.b, 0)
		copy(ba.b[i+1:], ba.b[i:])
		ba.b[i] = byte(v)
		return None, nil
	})
}

// setSlice implements b[i:j] = iterable-of-bytes (and extended slices).
func (b *ByteArray) setSlice(f *Frame, sl *Slice, v Object) *BaseException {
	var src []byte
	switch x := v.(type) {
	case *Str:
		src = []byte(x.s)
	case *ByteArray:
		src = []byte(x.snapshot())
	default:
		nb, err := Call1(f, ByteArrayType, v)
		if err != nil {
			return err
		}
		src = nb.(*ByteArray).b
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	start, stop, step, n, err := sl.indices(f, len(b.b))
	if err != nil {
		return err
	}
	if step == 1 {
		if stop < start {
			stop = start
		}
		out := make([]byte, 0, len(b.b)-(stop-start)+len(src))
		out = append(append(append(out, b.b[:start]...), src...), b.b[stop:]...)
		b.b = out
		return nil
	}
	if len(src) != n {
		return NewValueError("attempt to assign bytes of size " + itoa(len(src)) + " to extended slice of size " + itoa(n))
	}
	for i, j := 0, start; i < n; i, j = i+1, j+step {
		b.b[j] = src[i]
	}
	return nil
}
