package py

// BuiltinMethod is a Go-implemented method living in a built-in type's
// __dict__ (CPython's method_descriptor / wrapper_descriptor). Accessed
// through an instance it binds to a *BoundBuiltin; CallMethod calls it
// without binding.
type BuiltinMethod struct {
	name  string
	owner *Type
	fn    func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException)
	doc   string
}

// BuiltinMethodType is `method_descriptor`.
var BuiltinMethodType = newBuiltinType("method_descriptor", nil)

// BoundBuiltinType is `builtin_function_or_method`.
var BoundBuiltinType = staticNewType

// Type implements Object.
func (m *BuiltinMethod) Type() *Type { return BuiltinMethodType }

// Repr mirrors <method 'append' of 'list' objects>.
func (m *BuiltinMethod) Repr(f *Frame) (string, *BaseException) {
	return "<method '" + m.name + "' of '" + m.owner.name + "' objects>", nil
}

// DescrGet binds to obj.
func (m *BuiltinMethod) DescrGet(f *Frame, obj Object, t *Type) (Object, *BaseException) {
	if obj == nil {
		return m, nil
	}
	return &BoundBuiltin{m: m, self: obj}, nil
}

// Call calls the unbound descriptor: the first arg is self.
func (m *BuiltinMethod) Call(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
	if len(args) == 0 {
		return nil, NewTypeError("descriptor '" + m.name + "' of '" + m.owner.name + "' object needs an argument")
	}
	if !args[0].Type().IsSubtype(m.owner) {
		return nil, NewTypeError("descriptor '" + m.name + "' requires a '" + m.owner.tpName() + "' object but received a '" + args[0].Type().tpName() + "'")
	}
	return m.fn(f, args[0], args[1:], kw)
}

// BoundBuiltin is a built-in method bound to its receiver.
type BoundBuiltin struct {
	m    *BuiltinMethod
	self Object
}

// Type implements Object.
func (b *BoundBuiltin) Type() *Type { return BoundBuiltinType }

// Call implements Caller.
func (b *BoundBuiltin) Call(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
	return b.m.fn(f, b.self, args, kw)
}

// GetAttr gives __self__, __name__, __module__ and __doc__ as CPython's bound C methods do.
func (b *BoundBuiltin) GetAttr(f *Frame, name string) (Object, *BaseException) {
	switch name {
	case "__self__":
		return b.self, nil
	case "__name__":
		return NewStr(b.m.name), nil
	case "__module__":
		return None, nil
	case "__doc__":
		return docOrNone(b.m.doc), nil
	}
	return genericGetAttrNoDict(f, b, name)
}

// GetAttr gives __name__, __objclass__ and __doc__ as CPython's method descriptors do.
func (m *BuiltinMethod) GetAttr(f *Frame, name string) (Object, *BaseException) {
	switch name {
	case "__name__":
		return NewStr(m.name), nil
	case "__objclass__":
		return m.owner, nil
	case "__doc__":
		return docOrNone(m.doc), nil
	}
	return genericGetAttrNoDict(f, m, name)
}

func docOrNone(doc string) Object {
	if doc == "" {
		return None
	}
	return NewStr(doc)
}

// Repr mirrors <built-in method append of list object at 0x...>.
func (b *BoundBuiltin) Repr(f *Frame) (string, *BaseException) {
	return "<built-in method " + b.m.name + " of " + b.self.Type().name + " object at " + addrOf(b.self) + ">", nil
}

// BuiltinFunction is a module-level Go function (len, math.sqrt...).
type BuiltinFunction struct {
	name   string
	module string
	fn     func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException)
	self   Object
	doc    string
	// float1, when set, computes a one-float-argument call unboxed
	// (CallMethodNum1); ok false means "take the ordinary call" (which
	// then raises, or handles the argument exactly).
	float1 func(x float64) (r float64, ok bool)
}

// SetFloat1 gives b an unboxed path for a single int or float argument.
// fn must agree with b's ordinary call whenever it reports ok.
func (b *BuiltinFunction) SetFloat1(fn func(x float64) (float64, bool)) { b.float1 = fn }

// NewBuiltinFunction wraps fn as a Python callable named name.
func NewBuiltinFunction(name string, fn func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException)) *BuiltinFunction {
	return &BuiltinFunction{name: name, fn: fn}
}

// Type implements Object.
func (b *BuiltinFunction) Type() *Type { return BoundBuiltinType }

// Call implements Caller.
func (b *BuiltinFunction) Call(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
	return b.fn(f, args, kw)
}

// Repr mirrors <built-in function len>.
func (b *BuiltinFunction) Repr(f *Frame) (string, *BaseException) {
	return "<built-in function " + b.name + ">", nil
}

// GetAttr gives __name__ and __module__.
func (b *BuiltinFunction) GetAttr(f *Frame, name string) (Object, *BaseException) {
	switch name {
	case "__name__":
		return NewStr(b.name), nil
	case "__module__":
		if b.module == "" {
			return None, nil
		}
		return NewStr(b.module), nil
	case "__doc__":
		return docOrNone(b.doc), nil
	case "__self__":
		if b.self == nil {
			return None, nil
		}
		return b.self, nil
	}
	return genericGetAttrNoDict(f, b, name)
}

// methodWrapper is CPython's method-wrapper: a slot of a Go-implemented
// object (its __call__) bound to it.
type methodWrapper struct {
	name string
	self Object
	call func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException)
}

var methodWrapperType = newBuiltinType("method-wrapper", nil)

func (w *methodWrapper) Type() *Type { return methodWrapperType }

func (w *methodWrapper) Call(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
	return w.call(f, args, kw)
}

func (w *methodWrapper) Repr(f *Frame) (string, *BaseException) {
	return "<method-wrapper '" + w.name + "' of " + w.self.Type().tpName() + " object at " + addrOf(w.self) + ">", nil
}

func (w *methodWrapper) GetAttr(f *Frame, name string) (Object, *BaseException) {
	switch name {
	case "__self__":
		return w.self, nil
	case "__name__":
		return NewStr(w.name), nil
	}
	return genericGetAttrNoDict(f, w, name)
}

// def adds a Go method to a built-in type's dict.
func (t *Type) def(name string, fn func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException)) {
	t.ensureDict()
	t.dict.setStr(name, &BuiltinMethod{name: name, owner: t, fn: fn})
}

var _ Caller = (*BuiltinMethod)(nil)
var _ DescrGetter = (*BuiltinMethod)(nil)
var _ Caller = (*BoundBuiltin)(nil)
var _ Caller = (*BuiltinFunction)(nil)
