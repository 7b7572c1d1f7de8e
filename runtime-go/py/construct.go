package py

// Calling a plain class. `Vec(x, y)` for a class whose construction is
// nothing but object.__new__ followed by a Python __init__ taking exactly
// those positional arguments skips type.__call__'s general path (the
// argument slice, the __new__ search, the descriptor binding): the
// instance is made directly and __init__ runs in a recycled frame, as
// CallMethod2 runs a method. Everything else (a metaclass, a __new__ of
// its own or of a built-in base, __init__ with defaults or *args) takes
// the general path.

// plainInit returns t's __init__ when calling t with nargs positional
// arguments can take the direct path, else nil.
func (t *Type) plainInit(nargs int) *Function {
	if t.builtin || t.meta != nil {
		return nil
	}
	if newm := t.lookupStr(sNew); newm != nil {
		if _, ok := newm.(*staticNew); !ok {
			return nil
		}
	}
	for _, m := range t.mro {
		if m.newFn != nil && m != ObjectType {
			return nil
		}
	}
	init, ok := t.lookupStr(sInit).(*Function)
	if !ok || init.nparams != nargs+1 || len(init.params) != nargs+1 {
		return nil
	}
	return init
}

// constructPlain runs init(obj, args...); the arguments are already in
// the frame's argument buffer after self's slot.
func constructPlain(obj Object, init *Function, fr *Frame, n int) (Object, *BaseException) {
	fr.argBuf[0] = obj
	r, err := init.run(fr, fr.argBuf[:n+1])
	if err != nil {
		return nil, err
	}
	if r != None {
		return nil, NewTypeError("__init__() should return None, not '" + r.Type().tpName() + "'")
	}
	return obj, nil
}

// plainStart does what newPlain1 to newPlain3 share: object.__new__ itself
// (as type.__call__ would call it), then __init__'s frame, whose argument
// buffer the caller fills. init == nil means "take the general path".
func plainStart(f *Frame, t *Type, n int) (obj Object, init *Function, fr *Frame, err *BaseException) {
	init = t.plainInit(n)
	if init == nil {
		return nil, nil, nil, nil
	}
	if obj, err = objectNew(f, t, nil, nil); err != nil {
		return nil, init, nil, err
	}
	fr, err = init.newFrame(f)
	return obj, init, fr, err
}

// newPlain1 to newPlain3 are t(a...) on the direct path; ok=false means
// "take the general path".
func newPlain1(f *Frame, t *Type, a Object) (Object, bool, *BaseException) {
	obj, init, fr, err := plainStart(f, t, 1)
	if init == nil || err != nil {
		return nil, init != nil, err
	}
	fr.argBuf[1] = a
	r, err := constructPlain(obj, init, fr, 1)
	return r, true, err
}

func newPlain2(f *Frame, t *Type, a, b Object) (Object, bool, *BaseException) {
	obj, init, fr, err := plainStart(f, t, 2)
	if init == nil || err != nil {
		return nil, init != nil, err
	}
	fr.argBuf[1], fr.argBuf[2] = a, b
	r, err := constructPlain(obj, init, fr, 2)
	return r, true, err
}

func newPlain3(f *Frame, t *Type, a, b, c Object) (Object, bool, *BaseException) {
	obj, init, fr, err := plainStart(f, t, 3)
	if init == nil || err != nil {
		return nil, init != nil, err
	}
	fr.argBuf[1], fr.argBuf[2], fr.argBuf[3] = a, b, c
	r, err := constructPlain(obj, init, fr, 3)
	return r, true, err
}
