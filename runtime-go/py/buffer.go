package py

import (
	"encoding/binary"
	"strings"
)

// Buffer is Python 2's read-only buffer(object[, offset[, size]]): a view
// of a str, unicode, bytearray or another buffer. Indexing and slicing give
// str; + concatenates to str; equal contents compare equal between buffers
// only; the hash is the str hash of the contents.
//
// Deliberate difference: the view copies the exporter's bytes when read
// rather than pinning its memory, so a bytearray resized afterwards shows
// its new contents clipped to the view, as CPython does for bytearrays.
type Buffer struct {
	obj          Object
	offset, size int // size -1: to the end
}

// Type implements Object.
func (b *Buffer) Type() *Type { return BufferType }

// bufferData is the bytes an object exports through the buffer interface
// (CPython's bf_getreadbuffer): unicode exports its UCS-4 storage.
func bufferData(o Object) (string, bool) {
	switch v := baseOf(o).(type) {
	case *Str:
		return v.s, true
	case *ByteArray:
		return v.snapshot(), true
	case *Buffer:
		return v.bytes(), true
	case *Unicode:
		out := make([]byte, 4*len(v.r))
		for i, r := range v.r {
			binary.LittleEndian.PutUint32(out[4*i:], uint32(r))
		}
		return string(out), true
	}
	return "", false
}

func (b *Buffer) bytes() string {
	s, _ := bufferData(b.obj)
	if b.offset >= len(s) {
		return ""
	}
	s = s[b.offset:]
	if b.size >= 0 && b.size < len(s) {
		s = s[:b.size]
	}
	return s
}

func (b *Buffer) asStr() *Str { return NewStr(b.bytes()) }

// Len implements len().
func (b *Buffer) Len(f *Frame) (int, *BaseException) { return len(b.bytes()), nil }

// Truth implements bool().
func (b *Buffer) Truth(f *Frame) (bool, *BaseException) { return len(b.bytes()) > 0, nil }

// Repr mirrors <read-only buffer for 0x..., size -1, offset 0 at 0x...>.
func (b *Buffer) Repr(f *Frame) (string, *BaseException) {
	return "<read-only buffer for " + addrOf(b.obj) + ", size " + itoa(b.size) + ", offset " + itoa(b.offset) + " at " + addrOf(b) + ">", nil
}

// Str is the viewed bytes.
func (b *Buffer) Str(f *Frame) (Object, *BaseException) { return b.asStr(), nil }

// Hash is the str hash of the contents.
func (b *Buffer) Hash(f *Frame) (int64, *BaseException) { return b.asStr().hash(), nil }

// GetItem gives a one-character str, or a str for slices.
func (b *Buffer) GetItem(f *Frame, key Object) (Object, *BaseException) {
	r, err := b.asStr().GetItem(f, key)
	if err != nil && err.IsInstance(IndexErrorType) {
		return nil, NewIndexError("buffer index out of range")
	}
	return r, err
}

// SetItem: buffers made by buffer() are read-only.
func (b *Buffer) SetItem(f *Frame, key, v Object) *BaseException {
	return NewTypeError("buffer is read-only")
}

// RichCompare compares contents with other buffers; other types order by
// Python 2's default rules.
func (b *Buffer) RichCompare(f *Frame, op CmpOp, y Object) (Object, *BaseException) {
	o, ok := y.(*Buffer)
	if !ok {
		return NotImplemented, nil
	}
	return NewBool(cmpResult(op, strings.Compare(b.bytes(), o.bytes()))), nil
}

// Binary implements buffer + buffer-like and buffer * n, giving str.
func (b *Buffer) Binary(f *Frame, op Op, y Object, side Side) (Object, *BaseException) {
	if side == Right {
		return NotImplemented, nil
	}
	switch op {
	case OpAdd:
		s, ok := bufferData(y)
		if !ok {
			return NotImplemented, nil
		}
		return NewStr(b.bytes() + s), nil
	case OpMul:
		return b.asStr().Binary(f, op, y, side)
	}
	return NotImplemented, nil
}

// Iter yields one-character strs, through the sequence protocol.
func (b *Buffer) Iter(f *Frame) (Object, *BaseException) { return &seqIter{seq: b}, nil }

func init() {
	BufferType.newFn = func(f *Frame, t *Type, args []Object, kw Kwargs) (Object, *BaseException) {
		var a [3]Object
		if err := ParseArgs("buffer", args, kw, []string{"object", "offset", "size"}, 1, a[:]); err != nil {
			return nil, err
		}
		if _, ok := bufferData(a[0]); !ok {
			return nil, NewTypeError("buffer object expected")
		}
		b := &Buffer{obj: a[0], size: -1}
		if a[1] != nil {
			n, err := IndexInt(f, a[1], "an integer is required")
			if err != nil {
				return nil, err
			}
			if n < 0 {
				return nil, NewValueError("offset must be zero or positive")
			}
			b.offset = n
		}
		if a[2] != nil {
			n, err := IndexInt(f, a[2], "an integer is required")
			if err != nil {
				return nil, err
			}
			if n < -1 {
				return nil, NewValueError("size must be zero or positive")
			}
			b.size = n
		}
		// A buffer of a buffer views the same object, offsets added up.
		if inner, ok := baseOf(a[0]).(*Buffer); ok {
			b.obj = inner.obj
			b.offset += inner.offset
			if inner.size >= 0 {
				left := inner.size - (b.offset - inner.offset)
				if left < 0 {
					left = 0
				}
				if b.size < 0 || b.size > left {
					b.size = left
				}
			}
		}
		return b, nil
	}
}
