package py

// object.__reduce_ex__ and object.__reduce__, the protocol copy and pickle
// use for instances of classes, as CPython 2.7's typeobject.c has them:
// protocol 2 builds (copy_reg.__newobj__, (cls,) + __getnewargs__(), state,
// listitems, dictitems); protocols 0 and 1 give what copy_reg._reduce_ex
// would. Built-in types whose contents live in Go (set,
// frozenset, bytearray, xrange) define __reduce__ as CPython's do, so the
// generic path never copies them empty.

var objectReduce *BuiltinMethod

func init() {
	ObjectType.def("__reduce_ex__", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		proto, err := protoArg(f, "__reduce_ex__", args, kw)
		if err != nil {
			return nil, err
		}
		// A class that overrides __reduce__ decides alone.
		if r := self.Type().lookup("__reduce__"); r != nil && r != Object(objectReduce) {
			if reduce, err := GetAttr(f, self, "__reduce__"); err == nil {
				return Call(f, reduce, nil, nil)
			}
		}
		return commonReduce(f, self, proto)
	})
	ObjectType.def("__reduce__", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		proto, err := protoArg(f, "__reduce__", args, kw)
		if err != nil {
			return nil, err
		}
		return commonReduce(f, self, proto)
	})
	objectReduce = ObjectType.dict.getStr("__reduce__").(*BuiltinMethod)

	setReduce := func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := NoArgs("__reduce__", args, kw); err != nil {
			return nil, err
		}
		elems := BaseOf(self).(*Set).Elems()
		return NewTuple(self.Type(), NewTuple(NewList(elems...)), instanceDictOrNone(self)), nil
	}
	SetType.def("__reduce__", setReduce)
	FrozenSetType.def("__reduce__", setReduce)
	ByteArrayType.def("__reduce__", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := NoArgs("__reduce__", args, kw); err != nil {
			return nil, err
		}
		b := BaseOf(self).(*ByteArray)
		b.mu.Lock()
		rs := make([]rune, len(b.b))
		for i, c := range b.b {
			rs[i] = rune(c)
		}
		b.mu.Unlock()
		return NewTuple(self.Type(), NewTuple(NewUnicodeRunes(rs), NewStr("latin-1")), instanceDictOrNone(self)), nil
	})
	XRangeType.def("__reduce__", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := NoArgs("__reduce__", args, kw); err != nil {
			return nil, err
		}
		x := self.(*XRange)
		return NewTuple(XRangeType, NewTuple(NewInt(x.start), NewInt(x.start+int64(x.n)*x.step), NewInt(x.step))), nil
	})
}

func protoArg(f *Frame, name string, args []Object, kw Kwargs) (int, *BaseException) {
	if err := UnpackArgs(name, args, kw, 0, 1); err != nil {
		return 0, err
	}
	if len(args) == 0 {
		return 0, nil
	}
	return IndexInt(f, args[0], "an integer is required")
}

// instanceDictOrNone is a subclass instance's __dict__, else None.
func instanceDictOrNone(o Object) Object {
	if dh, ok := o.(DictHolder); ok {
		if d := dh.Dict(); d != nil {
			return d
		}
	}
	return None
}

func commonReduce(f *Frame, self Object, proto int) (Object, *BaseException) {
	if proto >= 2 {
		return reduce2(f, self)
	}
	return reduceEx01(f, self)
}

// reduceEx01 is copy_reg._reduce_ex for protocols 0 and 1, computed here: it
// finds the first built-in class of the object's MRO by its flags, which are
// the runtime's own knowledge (a class built for a native module counts as
// built-in, as its C original does).
func reduceEx01(f *Frame, self Object) (Object, *BaseException) {
	cls := self.Type()
	base := ObjectType
	for _, b := range cls.mro {
		if b.builtin || b.native {
			base = b
			break
		}
	}
	state := Object(None)
	if base != ObjectType {
		if base == cls {
			return nil, NewTypeError("can't pickle " + base.name + " objects")
		}
		var err *BaseException
		if state, err = Call(f, base, []Object{self}, nil); err != nil {
			return nil, err
		}
	}
	copyreg, err := ImportModule(f, "copy_reg")
	if err != nil {
		return nil, err
	}
	reconstructor, err := GetAttr(f, copyreg, "_reconstructor")
	if err != nil {
		return nil, err
	}
	args := NewTuple(cls, base, state)
	var dict Object
	if getstate, err := GetAttr(f, self, "__getstate__"); err == nil {
		if dict, err = Call(f, getstate, nil, nil); err != nil {
			return nil, err
		}
	} else {
		if !ExceptionMatches(f, err, AttributeErrorType) {
			return nil, err
		}
		if slots, err := GetAttr(f, self, "__slots__"); err == nil {
			if t, err := IsTrue(f, slots); err != nil || t {
				if err != nil {
					return nil, err
				}
				return nil, NewTypeError("a class that defines __slots__ without defining __getstate__ cannot be pickled")
			}
		}
		if dict, err = GetAttr(f, self, "__dict__"); err != nil {
			dict = None
		}
	}
	if t, err := IsTrue(f, dict); err != nil {
		return nil, err
	} else if t {
		return NewTuple(reconstructor, args, dict), nil
	}
	return NewTuple(reconstructor, args), nil
}

// reduce2 is typeobject.c's reduce_2. Like CPython, it treats any failure to
// get __getnewargs__, __getstate__ or __dict__ as their absence.
func reduce2(f *Frame, obj Object) (Object, *BaseException) {
	cls, err := GetAttr(f, obj, "__class__")
	if err != nil {
		return nil, err
	}
	args := Object(emptyTuple)
	if getnewargs, err := GetAttr(f, obj, "__getnewargs__"); err == nil {
		if args, err = Call(f, getnewargs, nil, nil); err != nil {
			return nil, err
		}
		if _, ok := args.(*Tuple); !ok {
			return nil, NewTypeError("__getnewargs__ should return a tuple, not '" + args.Type().tpName() + "'")
		}
	}
	var state Object
	if getstate, err := GetAttr(f, obj, "__getstate__"); err == nil {
		if state, err = Call(f, getstate, nil, nil); err != nil {
			return nil, err
		}
	} else {
		if state, err = GetAttr(f, obj, "__dict__"); err != nil {
			state = None
		}
		names, err := slotNamesOf(f, cls)
		if err != nil {
			return nil, err
		}
		if l, ok := names.(*List); ok {
			slots := NewDict()
			n := 0
			for _, name := range l.Snapshot() {
				s, ok := name.(*Str)
				if !ok {
					continue
				}
				if v, err := GetAttr(f, obj, s.Value()); err == nil {
					if err := slots.SetItem(f, name, v); err != nil {
						return nil, err
					}
					n++
				}
			}
			if n > 0 {
				state = NewTuple(state, slots)
			}
		}
	}
	listitems, dictitems := Object(None), Object(None)
	if _, ok := BaseOf(obj).(*List); ok {
		if listitems, err = Iter(f, obj); err != nil {
			return nil, err
		}
	}
	if _, ok := BaseOf(obj).(*Dict); ok {
		if dictitems, err = CallMethod(f, obj, "iteritems", nil, nil); err != nil {
			return nil, err
		}
	}
	copyreg, err := ImportModule(f, "copy_reg")
	if err != nil {
		return nil, err
	}
	newobj, err := GetAttr(f, copyreg, "__newobj__")
	if err != nil {
		return nil, err
	}
	args2 := append([]Object{cls}, args.(*Tuple).elems...)
	return NewTuple(newobj, NewTuple(args2...), state, listitems, dictitems), nil
}

// slotNamesOf is cls.__dict__['__slotnames__'] when it is a list, else
// copy_reg._slotnames(cls) (a list, or None).
func slotNamesOf(f *Frame, cls Object) (Object, *BaseException) {
	if t, ok := cls.(*Type); ok {
		if l, ok := t.Dict().getStr("__slotnames__").(*List); ok {
			return l, nil
		}
	}
	copyreg, err := ImportModule(f, "copy_reg")
	if err != nil {
		return nil, err
	}
	names, err := CallMethod(f, copyreg, "_slotnames", []Object{cls}, nil)
	if err != nil {
		return nil, err
	}
	if _, ok := names.(*List); !ok && names != None {
		return nil, NewTypeError("copy_reg._slotnames didn't return a list or None")
	}
	return names, nil
}
