package py

import "strings"

// Tuple is Python's immutable tuple. The empty tuple is a singleton, as in
// CPython. hash() is tuplehash of 2.7.
type Tuple struct {
	elems []Object
}

// TupleType is `tuple`.
var TupleType = newBuiltinType("tuple", nil)

var emptyTuple = &Tuple{}

// NewTuple makes a tuple of elems (the slice is kept, not copied).
func NewTuple(elems ...Object) *Tuple {
	if len(elems) == 0 {
		return emptyTuple
	}
	return &Tuple{elems: elems}
}

// Type implements Object.
func (t *Tuple) Type() *Type { return TupleType }

// Elems exposes the elements (do not mutate).
func (t *Tuple) Elems() []Object { return t.elems }

// Len implements len().
func (t *Tuple) Len(f *Frame) (int, *BaseException) { return len(t.elems), nil }

// Truth implements bool().
func (t *Tuple) Truth(f *Frame) (bool, *BaseException) { return len(t.elems) != 0, nil }

// Repr implements repr(): (1,) for singletons.
func (t *Tuple) Repr(f *Frame) (string, *BaseException) {
	if len(t.elems) == 0 {
		return "()", nil
	}
	if !reprEnter(f, t) {
		return "(...)", nil
	}
	defer reprLeave(f, t)
	var b strings.Builder
	b.WriteByte('(')
	for i, e := range t.elems {
		if i > 0 {
			b.WriteString(", ")
		}
		r, err := Repr(f, e)
		if err != nil {
			return "", err
		}
		b.WriteString(r.s)
	}
	if len(t.elems) == 1 {
		b.WriteByte(',')
	}
	b.WriteByte(')')
	return b.String(), nil
}

// Hash implements tuplehash.
func (t *Tuple) Hash(f *Frame) (int64, *BaseException) {
	x := int64(0x345678)
	mult := int64(1000003)
	n := len(t.elems)
	for i, e := range t.elems {
		y, err := Hash(f, e)
		if err != nil {
			return 0, err
		}
		x = (x ^ y) * mult
		rem := int64(n - 1 - i)
		mult += 82520 + rem + rem
	}
	x += 97531
	if x == -1 {
		x = -2
	}
	return x, nil
}

// GetItem implements t[i] and t[i:j:k].
func (t *Tuple) GetItem(f *Frame, key Object) (Object, *BaseException) {
	if sl, ok := key.(*Slice); ok {
		start, stop, step, n, err := sl.indices(f, len(t.elems))
		if err != nil {
			return nil, err
		}
		if step == 1 {
			if start == 0 && stop == len(t.elems) {
				return t, nil
			}
			return NewTuple(t.elems[start:stop:stop]...), nil
		}
		out := make([]Object, n)
		for i, j := 0, start; i < n; i, j = i+1, j+step {
			out[i] = t.elems[j]
		}
		return NewTuple(out...), nil
	}
	i, err := IndexInt(f, key, "tuple indices must be integers, not ")
	if err != nil {
		return nil, err
	}
	if i < 0 {
		i += len(t.elems)
	}
	if i < 0 || i >= len(t.elems) {
		return nil, NewIndexError("tuple index out of range")
	}
	return t.elems[i], nil
}

// Contains implements `in`.
func (t *Tuple) Contains(f *Frame, x Object) (bool, *BaseException) {
	return seqContains(f, t.elems, x)
}

func seqContains(f *Frame, elems []Object, x Object) (bool, *BaseException) {
	for _, e := range elems {
		if e == x {
			return true, nil
		}
		eq, err := Eq(f, e, x)
		if err != nil {
			return false, err
		}
		if eq {
			return true, nil
		}
	}
	return false, nil
}

// Iter implements iter().
func (t *Tuple) Iter(f *Frame) (Object, *BaseException) { return &seqIter{seq: t, elems: t.elems}, nil }

// Binary implements + and *.
func (t *Tuple) Binary(f *Frame, op Op, y Object, side Side) (Object, *BaseException) {
	switch op {
	case OpAdd:
		if o, ok := BaseOf(y).(*Tuple); ok && side == Left {
			out := make([]Object, 0, len(t.elems)+len(o.elems))
			return NewTuple(append(append(out, t.elems...), o.elems...)...), nil
		}
	case OpMul:
		n, ok, err := repeatCount(f, y)
		if err != nil {
			return nil, err
		}
		if ok {
			if n <= 0 {
				return emptyTuple, nil
			}
			if n == 1 {
				return t, nil
			}
			out := make([]Object, 0, len(t.elems)*n)
			for i := 0; i < n; i++ {
				out = append(out, t.elems...)
			}
			return NewTuple(out...), nil
		}
	}
	return NotImplemented, nil
}

// RichCompare compares lexicographically.
func (t *Tuple) RichCompare(f *Frame, op CmpOp, y Object) (Object, *BaseException) {
	o, ok := y.(*Tuple)
	if !ok {
		return NotImplemented, nil
	}
	return seqCompare(f, op, t.elems, o.elems)
}

// seqCompare is the shared list/tuple rich comparison.
func seqCompare(f *Frame, op CmpOp, a, b []Object) (Object, *BaseException) {
	if (op == EQ || op == NE) && len(a) != len(b) {
		return NewBool(op == NE), nil
	}
	i := 0
	for ; i < len(a) && i < len(b); i++ {
		if a[i] == b[i] {
			continue
		}
		eq, err := Eq(f, a[i], b[i])
		if err != nil {
			return nil, err
		}
		if !eq {
			break
		}
	}
	if i >= len(a) || i >= len(b) {
		return NewBool(cmpResult(op, cmp3(int64(len(a)), int64(len(b))))), nil
	}
	if op == EQ {
		return False, nil
	}
	if op == NE {
		return True, nil
	}
	return Compare(f, op, a[i], b[i])
}

func init() {
	TupleType.newFn = func(f *Frame, t *Type, args []Object, kw Kwargs) (Object, *BaseException) {
		var a [1]Object
		if err := ParseArgs("tuple", args, kw, []string{"sequence"}, 0, a[:]); err != nil {
			return nil, err
		}
		var tup *Tuple
		if a[0] == nil {
			tup = emptyTuple
		} else {
			var err *BaseException
			tup, err = TupleOf(f, a[0])
			if err != nil {
				return nil, err
			}
		}
		if t == TupleType {
			return tup, nil
		}
		return newInstanceWithBase(t, &Tuple{elems: tup.elems}), nil
	}
	TupleType.def("index", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := UnpackArgs("index", args, kw, 1, 3); err != nil {
			return nil, err
		}
		t := baseOf(self).(*Tuple)
		start, end, err := sliceIndices(f, len(t.elems), args[1:])
		if err != nil {
			return nil, err
		}
		for i := start; i < end && i < len(t.elems); i++ {
			eq, err := Eq(f, t.elems[i], args[0])
			if err != nil {
				return nil, err
			}
			if eq {
				return NewInt(int64(i)), nil
			}
		}
		return nil, NewValueError("tuple.index(x): x not in tuple")
	})
	TupleType.def("count", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := OneArg("count", args, kw); err != nil {
			return nil, err
		}
		t := baseOf(self).(*Tuple)
		n := 0
		for _, e := range t.elems {
			eq, err := Eq(f, e, args[0])
			if err != nil {
				return nil, err
			}
			if eq {
				n++
			}
		}
		return NewInt(int64(n)), nil
	})
}

var _ Hasher = (*Tuple)(nil)
var _ ItemGetter = (*Tuple)(nil)
var _ Iterabler = (*Tuple)(nil)
