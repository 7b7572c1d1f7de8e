package py

// XRange is xrange(start, stop, step): a lazy sequence of ints.
type XRange struct {
	start, step int64
	n           int
}

// XRangeType is `xrange`.
var XRangeType = newBuiltinType("xrange", nil)

// Type implements Object.
func (x *XRange) Type() *Type { return XRangeType }

// Len implements len().
func (x *XRange) Len(f *Frame) (int, *BaseException) { return x.n, nil }

// GetItem implements indexing.
func (x *XRange) GetItem(f *Frame, key Object) (Object, *BaseException) {
	if _, ok := key.(*Slice); ok {
		return nil, NewTypeError("sequence index must be integer, not 'slice'")
	}
	i, err := IndexInt(f, key, "sequence index must be integer, not ")
	if err != nil {
		return nil, err
	}
	if i < 0 {
		i += x.n
	}
	if i < 0 || i >= x.n {
		return nil, NewIndexError("xrange object index out of range")
	}
	return NewInt(x.start + int64(i)*x.step), nil
}

// Repr mirrors xrange(1, 10, 2).
func (x *XRange) Repr(f *Frame) (string, *BaseException) {
	last := x.start + int64(x.n)*x.step
	switch {
	case x.start == 0 && x.step == 1:
		return "xrange(" + itoa(int(last)) + ")", nil
	case x.step == 1:
		return "xrange(" + itoa(int(x.start)) + ", " + itoa(int(last)) + ")", nil
	}
	return "xrange(" + itoa(int(x.start)) + ", " + itoa(int(last)) + ", " + itoa(int(x.step)) + ")", nil
}

// Iter yields the ints lazily.
func (x *XRange) Iter(f *Frame) (Object, *BaseException) {
	return &xrangeIter{next: x.start, step: x.step, left: x.n}, nil
}

// Contains tests membership by iteration semantics (ints fast).
func (x *XRange) Contains(f *Frame, v Object) (bool, *BaseException) {
	if iv, ok := v.(*Int); ok {
		d := iv.v - x.start
		if x.step > 0 && (d < 0 || d >= int64(x.n)*x.step) || x.step < 0 && (d > 0 || d <= int64(x.n)*x.step) {
			return false, nil
		}
		return d%x.step == 0, nil
	}
	return iterContains(f, x, v)
}

type xrangeIter struct {
	next, step int64
	left       int
}

var (
	xrangeIterType  = newBuiltinType("rangeiterator", nil)
	listRevIterType = newBuiltinType("listreverseiterator", nil)
)

func (it *xrangeIter) Type() *Type                            { return xrangeIterType }
func (it *xrangeIter) Iter(f *Frame) (Object, *BaseException) { return it, nil }
func (it *xrangeIter) Next(f *Frame) (Object, *BaseException) {
	if it.left <= 0 {
		return nil, nil
	}
	v := it.next
	it.next += it.step
	it.left--
	return newIntF(f, v), nil
}

// Enumerate is enumerate(iterable, start).
type Enumerate struct {
	it Object
	i  int64
}

// EnumerateType is `enumerate`.
var EnumerateType = newBuiltinType("enumerate", nil)

// Type implements Object.
func (e *Enumerate) Type() *Type { return EnumerateType }

// Iter returns itself.
func (e *Enumerate) Iter(f *Frame) (Object, *BaseException) { return e, nil }

// Next yields (index, value).
func (e *Enumerate) Next(f *Frame) (Object, *BaseException) {
	v, err := Next(f, e.it)
	if err != nil || v == nil {
		return nil, err
	}
	i := e.i
	e.i++
	return NewTuple(NewInt(i), v), nil
}

// Reversed is reversed(seq).
type Reversed struct {
	seq Object
	i   int
}

// ReversedType is `reversed`.
var ReversedType = newBuiltinType("reversed", nil)

// Type implements Object.
func (r *Reversed) Type() *Type { return ReversedType }

// Iter returns itself.
func (r *Reversed) Iter(f *Frame) (Object, *BaseException) { return r, nil }

// Next walks the sequence backwards.
func (r *Reversed) Next(f *Frame) (Object, *BaseException) {
	if r.i < 0 {
		return nil, nil
	}
	v, err := GetItem(f, r.seq, NewInt(int64(r.i)))
	r.i--
	if err != nil {
		if err.IsInstance(IndexErrorType) || err.IsInstance(StopIterationType) {
			r.i = -1
			return nil, nil
		}
		return nil, err
	}
	return v, nil
}

func init() {
	XRangeType.final = true
	XRangeType.newFn = func(f *Frame, t *Type, args []Object, kw Kwargs) (Object, *BaseException) {
		if len(kw) > 0 {
			return nil, NewTypeError("xrange() does not take keyword arguments")
		}
		if err := UnpackArgs("xrange", args, nil, 1, 3); err != nil {
			return nil, err
		}
		for _, a := range args {
			if _, ok := a.(*Float); ok {
				return nil, NewTypeError("integer argument expected, got float")
			}
		}
		start, stop, step, err := rangeArgs(f, "xrange", args)
		if err != nil {
			return nil, err
		}
		return &XRange{start: start, step: step, n: rangeLen(start, stop, step)}, nil
	}
	EnumerateType.newFn = func(f *Frame, t *Type, args []Object, kw Kwargs) (Object, *BaseException) {
		var a [2]Object
		if err := ParseArgs("enumerate", args, kw, []string{"sequence", "start"}, 1, a[:]); err != nil {
			return nil, err
		}
		it, err := Iter(f, a[0])
		if err != nil {
			return nil, err
		}
		e := &Enumerate{it: it}
		if a[1] != nil {
			n, err := IndexInt(f, a[1], "an integer is required")
			if err != nil {
				return nil, err
			}
			e.i = int64(n)
		}
		return e, nil
	}
	ReversedType.newFn = func(f *Frame, t *Type, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := UnpackArgs("reversed", args, kw, 1, 1); err != nil {
			return nil, err
		}
		seq := args[0]
		if inst, ok := seq.(*Instance); ok {
			if r, found, err := callSpecial(f, inst, "__reversed__"); found || err != nil {
				return r, err
			}
		}
		switch v := seq.(type) {
		case *List:
			elems := v.Snapshot()
			out := make([]Object, len(elems))
			for i, e := range elems {
				out[len(elems)-1-i] = e
			}
			return &seqIter{seq: NewTuple(out...), elems: out, typ: listRevIterType}, nil
		case *XRange:
			last := v.start + int64(v.n-1)*v.step
			return &xrangeIter{next: last, step: -v.step, left: v.n}, nil
		}
		if _, ok := seq.(ItemGetter); !ok {
			return nil, NewTypeError("argument to reversed() must be a sequence")
		}
		n, err := Len(f, seq)
		if err != nil {
			return nil, NewTypeError("argument to reversed() must be a sequence")
		}
		return &Reversed{seq: seq, i: n - 1}, nil
	}
}

var _ Iterator = (*Enumerate)(nil)
var _ Iterator = (*Reversed)(nil)
var _ ItemGetter = (*XRange)(nil)

// iterator types expose next() and __iter__() as methods, as in CPython.
func init() {
	for _, t := range []*Type{listIterType, listRevIterType, seqIterType, tupleIterType, bytearrayIterType, dictIterTypes[0],
		dictIterTypes[1], dictIterTypes[2], setIterType, xrangeIterType, callIterType, EnumerateType,
		ReversedType, FileType} {
		t.def("next", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
			if err := NoArgs("next", args, kw); err != nil {
				return nil, err
			}
			v, err := Next(f, self)
			if err != nil {
				return nil, err
			}
			if v == nil {
				return nil, NewExceptionArgs(StopIterationType)
			}
			return v, nil
		})
		t.def("__iter__", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
			return self, nil
		})
	}
}
