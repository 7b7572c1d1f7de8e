package py

// Slice is the slice object (start:stop:step); absent parts are None.
type Slice struct {
	start, stop, step Object
}

// SliceType is `slice`.
var SliceType = newBuiltinType("slice", nil)

// NewSlice builds a slice; nil parts become None.
func NewSlice(start, stop, step Object) *Slice {
	if start == nil {
		start = None
	}
	if stop == nil {
		stop = None
	}
	if step == nil {
		step = None
	}
	return &Slice{start, stop, step}
}

// Type implements Object.
func (s *Slice) Type() *Type { return SliceType }

// Repr mirrors slice(1, None, None).
func (s *Slice) Repr(f *Frame) (string, *BaseException) {
	a, err := Repr(f, s.start)
	if err != nil {
		return "", err
	}
	b, err := Repr(f, s.stop)
	if err != nil {
		return "", err
	}
	c, err := Repr(f, s.step)
	if err != nil {
		return "", err
	}
	return "slice(" + a.s + ", " + b.s + ", " + c.s + ")", nil
}

// indices is PySlice_GetIndicesEx: clamped start, stop, step and length.
func (s *Slice) indices(f *Frame, length int) (start, stop, step, n int, err *BaseException) {
	const msg = "slice indices must be integers or None or have an __index__ method"
	step = 1
	if s.step != None {
		step, err = IndexInt(f, s.step, msg)
		if err != nil {
			return
		}
		if step == 0 {
			err = NewValueError("slice step cannot be zero")
			return
		}
	}
	defStart, defStop := 0, length
	if step < 0 {
		defStart, defStop = length-1, -1
	}
	clamp := func(o Object, def int) (int, *BaseException) {
		if o == None {
			return def, nil
		}
		v, err := IndexInt(f, o, msg)
		if err != nil {
			return 0, err
		}
		if v < 0 {
			v += length
			if v < 0 {
				if step < 0 {
					v = -1
				} else {
					v = 0
				}
			}
		} else if v >= length {
			if step < 0 {
				v = length - 1
			} else {
				v = length
			}
		}
		return v, nil
	}
	if start, err = clamp(s.start, defStart); err != nil {
		return
	}
	if stop, err = clamp(s.stop, defStop); err != nil {
		return
	}
	switch {
	case step < 0 && stop >= start, step > 0 && start >= stop:
		n = 0
	case step < 0:
		n = (stop-start+1)/step + 1
	default:
		n = (stop-start-1)/step + 1
	}
	if step == 1 && stop < start {
		stop = start
	}
	return
}

// GetAttr exposes start, stop, step and indices().
func (s *Slice) GetAttr(f *Frame, name string) (Object, *BaseException) {
	switch name {
	case "start":
		return s.start, nil
	case "stop":
		return s.stop, nil
	case "step":
		return s.step, nil
	case "indices":
		return NewBuiltinFunction("indices", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
			if err := OneArg("indices", args, kw); err != nil {
				return nil, err
			}
			n, err := IndexInt(f, args[0], "an integer is required")
			if err != nil {
				return nil, err
			}
			a, b, c, _, err := s.indices(f, n)
			if err != nil {
				return nil, err
			}
			return NewTuple(NewInt(int64(a)), NewInt(int64(b)), NewInt(int64(c))), nil
		}), nil
	}
	return genericGetAttrNoDict(f, s, name)
}

// RichCompare compares as the tuple (start, stop, step).
func (s *Slice) RichCompare(f *Frame, op CmpOp, y Object) (Object, *BaseException) {
	o, ok := y.(*Slice)
	if !ok {
		return NotImplemented, nil
	}
	return seqCompare(f, op, []Object{s.start, s.stop, s.step}, []Object{o.start, o.stop, o.step})
}

// Hash: slices are unhashable.
func (s *Slice) Hash(f *Frame) (int64, *BaseException) {
	return 0, NewTypeError("unhashable type")
}

func init() {
	SliceType.final = true
	SliceType.newFn = func(f *Frame, t *Type, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := UnpackArgs("slice", args, kw, 1, 3); err != nil {
			return nil, err
		}
		switch len(args) {
		case 1:
			return NewSlice(nil, args[0], nil), nil
		case 2:
			return NewSlice(args[0], args[1], nil), nil
		}
		return NewSlice(args[0], args[1], args[2]), nil
	}
}
