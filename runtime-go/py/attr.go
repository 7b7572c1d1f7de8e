package py

// GetAttr is o.name.
func GetAttr(f *Frame, o Object, name string) (Object, *BaseException) {
	if g, ok := o.(AttrGetter); ok {
		return g.GetAttr(f, name)
	}
	return genericGetAttr(f, o, name)
}

// genericGetAttr is object.__getattribute__ for Go-implemented values.
func genericGetAttr(f *Frame, o Object, name string) (Object, *BaseException) {
	t := o.Type()
	d := t.lookup(name)
	if d != nil && isDataDescr(d) {
		return descrGet(f, d, o, t)
	}
	if dh, ok := o.(DictHolder); ok {
		if dd := dh.Dict(); dd != nil {
			if v := dd.getStr(name); v != nil {
				return v, nil
			}
		}
	}
	if d != nil {
		return descrGet(f, d, o, t)
	}
	return specialAttr(f, o, name)
}

// genericGetAttrNoDict is the lookup for values without a __dict__.
func genericGetAttrNoDict(f *Frame, o Object, name string) (Object, *BaseException) {
	t := o.Type()
	if d := t.lookup(name); d != nil {
		return descrGet(f, d, o, t)
	}
	return specialAttr(f, o, name)
}

func specialAttr(f *Frame, o Object, name string) (Object, *BaseException) {
	switch name {
	case "__class__":
		return o.Type(), nil
	case "__doc__":
		return None, nil
	case "__call__":
		// Every Go-implemented callable has tp_call, which CPython shows as a method-wrapper
		// (hmac tells a hashlib constructor from a module by hasattr(x, '__call__')).
		if c, ok := o.(Caller); ok {
			return &methodWrapper{name: "__call__", self: o, call: c.Call}, nil
		}
	}
	return nil, attributeError(o, name)
}

func attributeError(o Object, name string) *BaseException {
	switch v := o.(type) {
	case *Type:
		return NewAttributeError("type object '" + v.name + "' has no attribute '" + name + "'")
	case *ClassicInstance:
		return NewAttributeError(v.class.name + " instance has no attribute '" + name + "'")
	case *Class:
		return NewAttributeError("class " + v.name + " has no attribute '" + name + "'")
	}
	return NewAttributeError("'" + o.Type().tpName() + "' object has no attribute '" + name + "'")
}

// SetAttr is o.name = v.
func SetAttr(f *Frame, o Object, name string, v Object) *BaseException {
	if s, ok := o.(AttrSetter); ok {
		return s.SetAttr(f, name, v)
	}
	return genericSetAttr(f, o, name, v)
}

// DelAttr is del o.name.
func DelAttr(f *Frame, o Object, name string) *BaseException {
	return SetAttr(f, o, name, nil)
}

func genericSetAttr(f *Frame, o Object, name string, v Object) *BaseException {
	t := o.Type()
	if d := t.lookup(name); d != nil && isDataDescr(d) {
		return descrSet(f, d, o, v)
	}
	if dh, ok := o.(DictHolder); ok {
		if dd := dh.Dict(); dd != nil {
			if v == nil {
				if !dd.delStr(name) {
					return attributeError(o, name)
				}
				return nil
			}
			dd.setStr(name, v)
			return nil
		}
	}
	if t.lookup(name) != nil {
		return NewAttributeError("'" + t.name + "' object attribute '" + name + "' is read-only")
	}
	return NewAttributeError("'" + t.name + "' object has no attribute '" + name + "'")
}

// HasAttr is hasattr(o, name) (2.7 swallows every Exception).
func HasAttr(f *Frame, o Object, name string) bool {
	_, err := GetAttr(f, o, name)
	return err == nil
}

// GetAttr on a type: the metatype's data descriptors, then the MRO
// (binding descriptors with obj=nil), then the metatype's attributes.
func (t *Type) GetAttr(f *Frame, name string) (Object, *BaseException) {
	meta := t.Type()
	md := meta.lookup(name)
	if md != nil && isDataDescr(md) && meta != TypeType {
		return descrGet(f, md, t, meta)
	}
	switch name {
	case "__name__", "__module__", "__dict__", "__bases__", "__base__", "__mro__", "__class__":
		return t.typeAttr(f, name, md, meta)
	case "__doc__":
		if d := t.Dict().getStr("__doc__"); d != nil {
			return d, nil
		}
		return None, nil
	}
	if v := t.lookup(name); v != nil {
		return descrGet(f, v, nil, t)
	}
	return t.typeAttr(f, name, md, meta)
}

func (t *Type) typeAttr(f *Frame, name string, md Object, meta *Type) (Object, *BaseException) {
	switch name {
	case "__name__":
		return NewStr(t.name), nil
	case "__module__":
		if !t.builtin {
			if m := t.Dict().getStr("__module__"); m != nil {
				return m, nil
			}
		}
		if t.module == "" {
			return NewStr("__builtin__"), nil
		}
		return NewStr(t.module), nil
	case "__dict__":
		return t.Dict(), nil
	case "__bases__":
		bs := make([]Object, len(t.bases))
		for i, b := range t.bases {
			bs[i] = b
		}
		return NewTuple(bs...), nil
	case "__base__":
		if len(t.bases) == 0 {
			return None, nil
		}
		return t.bases[0], nil
	case "__mro__":
		ms := make([]Object, len(t.mro))
		for i, m := range t.mro {
			ms[i] = m
		}
		return NewTuple(ms...), nil
	case "__class__":
		return meta, nil
	case "__doc__":
		return None, nil
	}
	if md != nil {
		return descrGet(f, md, t, meta)
	}
	return nil, attributeError(t, name)
}

// SetAttr on a type stores into the class dict (built-ins are frozen).
func (t *Type) SetAttr(f *Frame, name string, v Object) *BaseException {
	if t.builtin || t.native {
		return NewTypeError("can't set attributes of built-in/extension type '" + t.tpName() + "'")
	}
	meta := t.Type()
	if md := meta.lookup(name); md != nil && isDataDescr(md) && meta != TypeType {
		return descrSet(f, md, t, v)
	}
	switch name {
	case "__name__":
		s, ok := v.(*Str)
		if !ok {
			return NewTypeError("can only assign string to " + t.name + ".__name__, not '" + typeNameForError(v) + "'")
		}
		t.name = s.s
		return nil
	case "__dict__":
		return NewAttributeError("attribute '__dict__' of 'type' objects is not writable")
	case "__abstractmethods__":
		// What abc.ABCMeta sets: a non-empty value makes object.__new__ refuse the class.
		abstract := false
		if v != nil {
			var err *BaseException
			if abstract, err = IsTrue(f, v); err != nil {
				return err
			}
		}
		t.abstract = abstract
	}
	if v == nil && (t.dict == nil || t.dict.getStr(name) == nil) {
		return attributeError(t, name)
	}
	t.setAttrRaw(name, v)
	return nil
}

func init() {
	o := ObjectType
	o.newFn = objectNew
	o.def("__init__", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if len(args) > 0 || len(kw) > 0 {
			t := self.Type()
			initOverridden := t.lookup("__init__") != objectInit
			newOverridden := t.lookup("__new__") != objectNewEntry
			if !(initOverridden && newOverridden) && (initOverridden || !newOverridden) {
				return nil, NewTypeError("object.__init__() takes no parameters")
			}
		}
		return None, nil
	})
	objectInit = o.dict.getStr("__init__")
	objectNewEntry = &staticNew{t: ObjectType}
	o.dict.setStr("__new__", objectNewEntry)
	o.def("__repr__", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		return NewStr(defaultRepr(self)), nil
	})
	o.def("__str__", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		r, err := Repr(f, self)
		return r, err
	})
	o.def("__hash__", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		return NewInt(idHash(self)), nil
	})
	o.def("__getattribute__", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := OneArg("__getattribute__", args, kw); err != nil {
			return nil, err
		}
		name, ok := args[0].(*Str)
		if !ok {
			return nil, NewTypeError("attribute name must be string, not '" + args[0].Type().tpName() + "'")
		}
		if inst, ok := self.(*Instance); ok {
			return inst.getAttrGeneric(f, name.s)
		}
		return genericGetAttr(f, self, name.s)
	})
	// object.__subclasshook__: the classmethod ABCMeta.__subclasscheck__
	// calls first; NotImplemented means "use the normal mechanism"
	o.ensureDict()
	o.dict.setStr("__subclasshook__", NewClassMethod(NewBuiltinFunction("__subclasshook__", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		return NotImplemented, nil
	})))
	o.def("__setattr__", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := UnpackArgs("__setattr__", args, kw, 2, 2); err != nil {
			return nil, err
		}
		name, ok := args[0].(*Str)
		if !ok {
			return nil, NewTypeError("attribute name must be string, not '" + args[0].Type().tpName() + "'")
		}
		switch o := self.(type) {
		case *Instance:
			return None, o.setAttrGeneric(f, name.s, args[1])
		case *BaseException:
			return None, o.setAttrGeneric(f, name.s, args[1])
		}
		return None, genericSetAttr(f, self, name.s, args[1])
	})
	o.def("__delattr__", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := OneArg("__delattr__", args, kw); err != nil {
			return nil, err
		}
		name, ok := args[0].(*Str)
		if !ok {
			return nil, NewTypeError("attribute name must be string, not '" + args[0].Type().tpName() + "'")
		}
		switch o := self.(type) {
		case *Instance:
			return None, o.setAttrGeneric(f, name.s, nil)
		case *BaseException:
			return None, o.setAttrGeneric(f, name.s, nil)
		}
		return None, genericSetAttr(f, self, name.s, nil)
	})
	TypeType.newFn = typeNew
}

var objectNewEntry Object

// typeNew is type(name, bases, dict) and metaclass instantiation.
func typeNew(f *Frame, meta *Type, args []Object, kw Kwargs) (Object, *BaseException) {
	if len(args) == 1 && meta == TypeType {
		return args[0].Type(), nil
	}
	if len(args) != 3 {
		return nil, NewTypeError("type() takes 1 or 3 arguments")
	}
	name, ok := args[0].(*Str)
	if !ok {
		return nil, NewTypeError("type() argument 1 must be string, not " + args[0].Type().tpName())
	}
	bt, ok := args[1].(*Tuple)
	if !ok {
		return nil, NewTypeError("type() argument 2 must be tuple, not " + args[1].Type().tpName())
	}
	d, ok := args[2].(*Dict)
	if !ok {
		return nil, NewTypeError("type() argument 3 must be dict, not " + args[2].Type().tpName())
	}
	var bases []*Type
	for _, b := range bt.elems {
		switch bb := b.(type) {
		case *Type:
			bases = append(bases, bb)
		case *Class:
			// classic bases mixed into a new-style class are ignored
			// for layout; their attributes are still found via the dict
			// copy below.
			keys, vals := bb.dict.Entries()
			for i, k := range keys {
				if ks, ok := k.(*Str); ok && d.getStr(ks.s) == nil {
					d.setStr(ks.s, vals[i])
				}
			}
		default:
			return nil, NewTypeError("Error when calling the metaclass bases\n    bases must be types")
		}
	}
	// type_new's "winner": the most derived metaclass among meta and the
	// bases' metaclasses builds the class (class C(native, ABCBase) gets
	// ABCMeta although its first base's metaclass is type)
	winner := meta
	for _, b := range bases {
		bm := b.Type()
		switch {
		case winner.IsSubtype(bm):
		case bm.IsSubtype(winner):
			winner = bm
		default:
			return nil, NewTypeError("Error when calling the metaclass bases\n    metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases")
		}
	}
	if winner != meta {
		if _, custom := winner.lookup("__new__").(*StaticMethod); custom {
			return Call(f, winner, args, kw)
		}
		meta = winner
	}
	nd := d.Copy(f)
	t, err := NewClass(f, meta, name.s, bases, nd)
	if err != nil {
		return nil, err
	}
	return t, nil
}
