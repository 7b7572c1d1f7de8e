package py

// Method is Python 2's instancemethod: bound (self set) or unbound (self
// nil, with CPython's first-argument type check).
type Method struct {
	fn    Object
	self  Object
	class Object
}

// MethodType is `instancemethod`.
var MethodType = newBuiltinType("instancemethod", nil)

// NewMethod binds fn to self (self nil = unbound method of class).
func NewMethod(fn, self, class Object) *Method { return &Method{fn: fn, self: self, class: class} }

// Type implements Object.
func (m *Method) Type() *Type { return MethodType }

func (m *Method) fnName() string {
	if fn, ok := m.fn.(*Function); ok {
		return fn.name
	}
	n, err := GetAttr(nil, m.fn, "__name__")
	if err == nil {
		if s, ok := n.(*Str); ok {
			return s.s
		}
	}
	return "?"
}

func className(c Object) string {
	switch t := c.(type) {
	case *Type:
		return t.name
	case *Class:
		return t.name
	}
	return "?"
}

// Repr mirrors <bound method C.f of <...>> and <unbound method C.f>.
func (m *Method) Repr(f *Frame) (string, *BaseException) {
	if m.self == nil {
		return "<unbound method " + className(m.class) + "." + m.fnName() + ">", nil
	}
	r, err := Repr(f, m.self)
	if err != nil {
		return "", err
	}
	return "<bound method " + className(m.class) + "." + m.fnName() + " of " + r.s + ">", nil
}

// Call implements Caller.
func (m *Method) Call(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
	if m.self != nil {
		if fn, ok := m.fn.(*Function); ok {
			return fn.invoke(f, m.self, args, kw)
		}
		all := make([]Object, 0, len(args)+1)
		return Call(f, m.fn, append(append(all, m.self), args...), kw)
	}
	ok := false
	if len(args) > 0 {
		ok = isInstanceOfClass(args[0], m.class)
	}
	if !ok {
		got := "nothing"
		if len(args) > 0 {
			got = instanceDescription(args[0])
		}
		return nil, NewTypeError("unbound method " + m.fnName() + "() must be called with " + className(m.class) + " instance as first argument (got " + got + " instead)")
	}
	return Call(f, m.fn, args, kw)
}

func instanceDescription(o Object) string {
	if ci, ok := o.(*ClassicInstance); ok {
		return ci.class.name + " instance"
	}
	return o.Type().name + " instance"
}

func isInstanceOfClass(o Object, cls Object) bool {
	switch c := cls.(type) {
	case *Type:
		return o.Type().IsSubtype(c)
	case *Class:
		if ci, ok := o.(*ClassicInstance); ok {
			return ci.class.isSubclass(c)
		}
	}
	return false
}

// DescrGet: an unbound method found on a class stays as is.
func (m *Method) DescrGet(f *Frame, obj Object, t *Type) (Object, *BaseException) {
	if m.self != nil || obj == nil {
		return m, nil
	}
	return &Method{fn: m.fn, self: obj, class: m.class}, nil
}

// GetAttr exposes im_func/im_self/im_class and the function's attributes.
func (m *Method) GetAttr(f *Frame, name string) (Object, *BaseException) {
	switch name {
	case "im_func", "__func__":
		return m.fn, nil
	case "im_self", "__self__":
		if m.self == nil {
			return None, nil
		}
		return m.self, nil
	case "im_class":
		return m.class, nil
	}
	return GetAttr(f, m.fn, name)
}

// StaticMethod is staticmethod(fn).
type StaticMethod struct{ fn Object }

// StaticMethodType is `staticmethod`.
var StaticMethodType = newBuiltinType("staticmethod", nil)

// NewStaticMethod wraps fn.
func NewStaticMethod(fn Object) *StaticMethod { return &StaticMethod{fn: fn} }

// Type implements Object.
func (s *StaticMethod) Type() *Type { return StaticMethodType }

// GetAttr gives __func__, the wrapped callable.
func (s *StaticMethod) GetAttr(f *Frame, name string) (Object, *BaseException) {
	if name == "__func__" {
		return s.fn, nil
	}
	return genericGetAttrNoDict(f, s, name)
}

// DescrGet returns the plain function.
func (s *StaticMethod) DescrGet(f *Frame, obj Object, t *Type) (Object, *BaseException) {
	return s.fn, nil
}

// ClassMethod is classmethod(fn).
type ClassMethod struct{ fn Object }

// ClassMethodType is `classmethod`.
var ClassMethodType = newBuiltinType("classmethod", nil)

// NewClassMethod wraps fn.
func NewClassMethod(fn Object) *ClassMethod { return &ClassMethod{fn: fn} }

// Type implements Object.
func (c *ClassMethod) Type() *Type { return ClassMethodType }

// GetAttr gives __func__, the wrapped callable.
func (c *ClassMethod) GetAttr(f *Frame, name string) (Object, *BaseException) {
	if name == "__func__" {
		return c.fn, nil
	}
	return genericGetAttrNoDict(f, c, name)
}

// DescrGet binds to the class.
func (c *ClassMethod) DescrGet(f *Frame, obj Object, t *Type) (Object, *BaseException) {
	var cls Object = t
	if t == nil {
		cls = obj.Type()
	}
	if bm, ok := c.fn.(*BuiltinMethod); ok {
		return &BoundBuiltin{m: bm, self: cls}, nil
	}
	return &Method{fn: c.fn, self: cls, class: cls.Type()}, nil
}

// Property is property(fget, fset, fdel, doc).
type Property struct {
	fget, fset, fdel, doc Object
}

// PropertyType is `property`.
var PropertyType = newBuiltinType("property", nil)

// Type implements Object.
func (p *Property) Type() *Type { return PropertyType }

// DescrGet calls fget.
func (p *Property) DescrGet(f *Frame, obj Object, t *Type) (Object, *BaseException) {
	if obj == nil {
		return p, nil
	}
	if p.fget == nil || p.fget == None {
		return nil, NewAttributeError("unreadable attribute")
	}
	return Call(f, p.fget, []Object{obj}, nil)
}

// DescrSet calls fset or fdel.
func (p *Property) DescrSet(f *Frame, obj Object, v Object) *BaseException {
	if v == nil {
		if p.fdel == nil || p.fdel == None {
			return NewAttributeError("can't delete attribute")
		}
		_, err := Call(f, p.fdel, []Object{obj}, nil)
		return err
	}
	if p.fset == nil || p.fset == None {
		return NewAttributeError("can't set attribute")
	}
	_, err := Call(f, p.fset, []Object{obj, v}, nil)
	return err
}

// GetAttr exposes fget/fset/fdel and the getter/setter/deleter copies.
func (p *Property) GetAttr(f *Frame, name string) (Object, *BaseException) {
	orNone := func(o Object) Object {
		if o == nil {
			return None
		}
		return o
	}
	switch name {
	case "fget":
		return orNone(p.fget), nil
	case "fset":
		return orNone(p.fset), nil
	case "fdel":
		return orNone(p.fdel), nil
	case "__doc__":
		if p.doc == nil && p.fget != nil && p.fget != None {
			d, err := GetAttr(f, p.fget, "__doc__")
			if err == nil {
				return d, nil
			}
		}
		return orNone(p.doc), nil
	case "getter", "setter", "deleter":
		return NewBuiltinFunction(name, func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
			if err := OneArg(name, args, kw); err != nil {
				return nil, err
			}
			np := *p
			switch name {
			case "getter":
				np.fget = args[0]
			case "setter":
				np.fset = args[0]
			default:
				np.fdel = args[0]
			}
			return &np, nil
		}), nil
	}
	return genericGetAttrNoDict(f, p, name)
}

// slotDescr gives access to one __slots__ entry.
type slotDescr struct {
	name  string
	idx   int
	owner *Type
}

var memberDescrType = newBuiltinType("member_descriptor", nil)

func (s *slotDescr) Type() *Type { return memberDescrType }
func (s *slotDescr) DescrGet(f *Frame, obj Object, t *Type) (Object, *BaseException) {
	if obj == nil {
		return s, nil
	}
	inst, ok := obj.(*Instance)
	if !ok || s.idx >= len(inst.slots) {
		return nil, NewTypeError("descriptor '" + s.name + "' for '" + s.owner.name + "' objects doesn't apply to '" + obj.Type().tpName() + "' object")
	}
	inst.mu.Lock()
	v := inst.slots[s.idx]
	inst.mu.Unlock()
	if v == nil {
		return nil, NewAttributeError(s.name)
	}
	return v, nil
}
func (s *slotDescr) DescrSet(f *Frame, obj Object, v Object) *BaseException {
	inst, ok := obj.(*Instance)
	if !ok || s.idx >= len(inst.slots) {
		return NewTypeError("descriptor '" + s.name + "' for '" + s.owner.name + "' objects doesn't apply to '" + obj.Type().tpName() + "' object")
	}
	inst.mu.Lock()
	defer inst.mu.Unlock()
	if v == nil && inst.slots[s.idx] == nil {
		return NewAttributeError(s.name)
	}
	inst.slots[s.idx] = v
	return nil
}

// isDataDescr reports whether d defines __set__ (Go or user class).
func isDataDescr(d Object) bool {
	switch v := d.(type) {
	case *Instance:
		if userLookup(v.typ, "__set__") != nil || userLookup(v.typ, "__delete__") != nil {
			return true
		}
		_, ok := v.base.(DescrSetter) // a subclass of property
		return ok
	case DescrSetter:
		return true
	}
	return false
}

// descrGet applies __get__ (Go or user-defined) if d has one.
func descrGet(f *Frame, d Object, obj Object, t *Type) (Object, *BaseException) {
	switch v := d.(type) {
	case *Instance:
		if g := userLookup(v.typ, "__get__"); g != nil {
			var o Object = None
			if obj != nil {
				o = obj
			}
			var tt Object = None
			if t != nil {
				tt = t
			}
			return callDescr(f, g, v, v.typ, []Object{o, tt}, nil)
		}
		// A subclass of property, staticmethod or classmethod binds as its base does.
		if b, ok := v.base.(DescrGetter); ok {
			if _, isProp := b.(*Property); isProp && obj == nil {
				return d, nil // a property read from the class is itself
			}
			return b.DescrGet(f, obj, t)
		}
		return d, nil
	case DescrGetter:
		return v.DescrGet(f, obj, t)
	}
	return d, nil
}

func descrSet(f *Frame, d Object, obj Object, v Object) *BaseException {
	switch dd := d.(type) {
	case *Instance:
		name := "__set__"
		args := []Object{obj, v}
		if v == nil {
			name, args = "__delete__", []Object{obj}
		}
		if userLookup(dd.typ, name) == nil {
			if b, ok := dd.base.(DescrSetter); ok {
				return b.DescrSet(f, obj, v)
			}
		}
		_, _, err := callSpecial(f, dd, name, args...)
		return err
	case DescrSetter:
		return dd.DescrSet(f, obj, v)
	}
	return NewAttributeError("can't set attribute")
}

// Super is super(type, obj).
type Super struct {
	typ *Type
	obj Object
	// objType is the type whose MRO is searched (obj's type or obj itself)
	objType *Type
}

// SuperType is `super`.
var SuperType = newBuiltinType("super", nil)

// Type implements Object.
func (s *Super) Type() *Type { return SuperType }

// GetAttr searches the MRO after typ.
func (s *Super) GetAttr(f *Frame, name string) (Object, *BaseException) {
	if s.objType != nil && name != "__class__" {
		mro := s.objType.mro
		i := 0
		for i < len(mro) && mro[i] != s.typ {
			i++
		}
		for i++; i < len(mro); i++ {
			if mro[i].dict == nil {
				continue
			}
			if v := mro[i].dict.getStr(name); v != nil {
				var obj Object = s.obj
				if s.obj == Object(s.objType) {
					obj = nil
				}
				return descrGet(f, v, obj, s.objType)
			}
		}
	}
	return genericGetAttrNoDict(f, s, name)
}

// Repr mirrors <super: <class 'C'>, <C object>>.
func (s *Super) Repr(f *Frame) (string, *BaseException) {
	if s.obj == nil {
		return "<super: <class '" + s.typ.name + "'>, NULL>", nil
	}
	return "<super: <class '" + s.typ.name + "'>, <" + s.objType.name + " object>>", nil
}

func init() {
	SuperType.newFn = func(f *Frame, t *Type, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := UnpackArgs("super", args, kw, 1, 2); err != nil {
			return nil, err
		}
		typ, ok := args[0].(*Type)
		if !ok {
			return nil, NewTypeError("must be type, not " + args[0].Type().tpName())
		}
		s := &Super{typ: typ}
		if len(args) == 2 && args[1] != None {
			s.obj = args[1]
			if ot, ok := args[1].(*Type); ok && ot.IsSubtype(typ) {
				s.objType = ot
			} else if args[1].Type().IsSubtype(typ) {
				s.objType = args[1].Type()
			} else {
				return nil, NewTypeError("super(type, obj): obj must be an instance or subtype of type")
			}
		}
		return s, nil
	}
	PropertyType.newFn = func(f *Frame, t *Type, args []Object, kw Kwargs) (Object, *BaseException) {
		var a [4]Object
		if err := ParseArgs("property", args, kw, []string{"fget", "fset", "fdel", "doc"}, 0, a[:]); err != nil {
			return nil, err
		}
		p := &Property{fget: a[0], fset: a[1], fdel: a[2], doc: a[3]}
		if t != PropertyType {
			return newInstanceWithBase(t, p), nil
		}
		return p, nil
	}
	StaticMethodType.newFn = func(f *Frame, t *Type, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := UnpackArgs("staticmethod", args, kw, 1, 1); err != nil {
			return nil, err
		}
		if t != StaticMethodType {
			return newInstanceWithBase(t, &StaticMethod{fn: args[0]}), nil
		}
		return &StaticMethod{fn: args[0]}, nil
	}
	// instancemethod(function, instance[, class]), as types.MethodType: an instance of None
	// makes an unbound method, which needs its class.
	MethodType.newFn = func(f *Frame, t *Type, args []Object, kw Kwargs) (Object, *BaseException) {
		if len(kw) > 0 {
			return nil, NewTypeError("instancemethod does not take keyword arguments")
		}
		if err := UnpackArgs("instancemethod", args, nil, 2, 3); err != nil {
			return nil, err
		}
		if !IsCallable(args[0]) {
			return nil, NewTypeError("first argument must be callable")
		}
		var class Object
		if len(args) == 3 {
			class = args[2]
		}
		if args[1] == None {
			if class == nil {
				return nil, NewTypeError("unbound methods must have non-NULL im_class")
			}
			return NewMethod(args[0], nil, class), nil
		}
		return NewMethod(args[0], args[1], class), nil
	}
	ClassMethodType.newFn = func(f *Frame, t *Type, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := UnpackArgs("classmethod", args, kw, 1, 1); err != nil {
			return nil, err
		}
		if !IsCallable(args[0]) {
			return nil, NewTypeError("'" + args[0].Type().tpName() + "' object is not callable")
		}
		if t != ClassMethodType {
			return newInstanceWithBase(t, &ClassMethod{fn: args[0]}), nil
		}
		return &ClassMethod{fn: args[0]}, nil
	}
}

var _ Caller = (*Method)(nil)
var _ DescrGetter = (*StaticMethod)(nil)
var _ DescrGetter = (*ClassMethod)(nil)
var _ DescrSetter = (*Property)(nil)
var _ DescrSetter = (*slotDescr)(nil)
var _ AttrGetter = (*Super)(nil)

func init() {
	getter := func(t *Type) {
		t.def("__get__", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
			if err := UnpackArgs("__get__", args, kw, 1, 2); err != nil {
				return nil, err
			}
			obj := args[0]
			if obj == None {
				obj = nil
			}
			var typ *Type
			if len(args) == 2 {
				typ, _ = args[1].(*Type)
			}
			if typ == nil && obj != nil {
				typ = obj.Type()
			}
			return descrGet(f, self, obj, typ)
		})
	}
	for _, t := range []*Type{FunctionType, StaticMethodType, ClassMethodType, PropertyType, MethodType} {
		getter(t)
	}
	PropertyType.def("__set__", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := UnpackArgs("__set__", args, kw, 2, 2); err != nil {
			return nil, err
		}
		return None, self.(*Property).DescrSet(f, args[0], args[1])
	})
	PropertyType.def("__delete__", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := OneArg("__delete__", args, kw); err != nil {
			return nil, err
		}
		return None, self.(*Property).DescrSet(f, args[0], nil)
	})
	TypeType.def("__call__", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		t, ok := self.(*Type)
		if !ok {
			return nil, NewTypeError("descriptor '__call__' requires a 'type' object")
		}
		return t.callDefault(f, args, kw)
	})
	TypeType.def("__init__", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if len(args) != 1 && len(args) != 3 {
			return nil, NewTypeError("type.__init__() takes 1 or 3 arguments")
		}
		return None, nil
	})
	TypeType.def("__subclasses__", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := NoArgs("__subclasses__", args, kw); err != nil {
			return nil, err
		}
		subclassesMu.Lock()
		subs := append([]*Type(nil), subclassesOf[self.(*Type)]...)
		subclassesMu.Unlock()
		out := make([]Object, len(subs))
		for i, s := range subs {
			out[i] = s
		}
		return NewList(out...), nil
	})
	TypeType.def("mro", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		t := self.(*Type)
		out := make([]Object, len(t.mro))
		for i, m := range t.mro {
			out[i] = m
		}
		return NewList(out...), nil
	})
}
