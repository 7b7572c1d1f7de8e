package py

import (
	"sort"
	"strings"
)

// Helpers requested by the transpiler and the native-module packages
// (see NEEDS.md). They only compose the core operations.

// RunFrame pushes a frame for code (same globals), runs body in it and
// records the traceback entry if it fails. Used for class bodies and
// set/dict comprehensions.
func RunFrame(f *Frame, code *Code, body func(f *Frame) (Object, *BaseException)) (Object, *BaseException) {
	nf := NewFrame(f, code, f.Globals)
	r, err := body(nf)
	if err != nil {
		err.addTraceback(nf)
		return nil, err
	}
	return r, nil
}

// WithEnter starts a with statement: it looks up __exit__ first, then
// calls __enter__, as CPython 2.7's SETUP_WITH does.
func WithEnter(f *Frame, mgr Object) (exit Object, value Object, err *BaseException) {
	exit, err = specialMethod(f, mgr, "__exit__")
	if err != nil {
		return nil, nil, err
	}
	enter, err := specialMethod(f, mgr, "__enter__")
	if err != nil {
		return nil, nil, err
	}
	value, err = Call(f, enter, nil, nil)
	if err != nil {
		return nil, nil, err
	}
	return exit, value, nil
}

// specialMethod looks a with-protocol method up on the type (instance
// attributes for classic instances), raising AttributeError(name).
func specialMethod(f *Frame, o Object, name string) (Object, *BaseException) {
	switch v := o.(type) {
	case *ClassicInstance:
		m, err := v.method(f, name)
		if err != nil {
			return nil, err
		}
		if m == nil {
			return nil, NewAttributeError(name)
		}
		return m, nil
	}
	t := o.Type()
	d := t.lookup(name)
	if d == nil {
		return nil, NewAttributeError(name)
	}
	return descrGet(f, d, o, t)
}

// WithExit finishes a with statement: exit(None, None, None) when exc is
// nil, else exit(type, value, traceback); suppress reports a true result
// (the exception is then swallowed).
func WithExit(f *Frame, exit Object, exc *BaseException) (suppress bool, err *BaseException) {
	if exc == nil {
		_, err := Call(f, exit, []Object{None, None, None}, nil)
		return false, err
	}
	r, err := Call(f, exit, []Object{exc.ExcType(), exc.Value(), exc.TracebackObject()}, nil)
	if err != nil {
		return false, err
	}
	return IsTrue(f, r)
}

// NewSetFrom builds a set display {a, b, c} (BUILD_SET order).
func NewSetFrom(f *Frame, items []Object) (Object, *BaseException) {
	s := NewSet()
	for _, it := range items {
		if err := s.Add(f, it); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// DelClassName is `del x` in a class body.
func DelClassName(f *Frame, ns *Dict, name *Str) *BaseException {
	if !ns.delStr(name.s) {
		return NewNameError("name '" + name.s + "' is not defined")
	}
	return nil
}

// NewBuiltinType makes a Go-implemented type for native modules: repr
// <type 'module.name'>, subclassable unless made final.
func NewBuiltinType(name, module string, base *Type) *Type {
	t := newBuiltinType(name, base)
	t.module = module
	t.native = true
	if base != nil && base.basic != nil {
		t.basic = t
	}
	return t
}

// MarkNative makes a class built for a native module's type (a class so that
// its special methods dispatch as a user class's do, e.g. defaultdict's
// __missing__) show as that module's built-in type: repr <type 'module.name'>,
// "module.name" in error messages, and no attribute assignment.
func (t *Type) MarkNative() {
	t.native = true
}

// Def adds a Go method to a type's dict (a method descriptor).
func (t *Type) Def(name string, fn func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException)) {
	t.def(name, fn)
	typeVersion.Add(1)
}

// SetNew sets the type's __new__ implementation (t may be a subclass;
// build a subclass instance with NewInstanceWithBase in that case).
func (t *Type) SetNew(fn func(f *Frame, t *Type, args []Object, kw Kwargs) (Object, *BaseException)) {
	t.newFn = fn
	t.ensureDict()
	t.dict.setStr("__new__", &staticNew{t: t})
	typeVersion.Add(1)
}

// SetFinal forbids subclassing (like bool).
func (t *Type) SetFinal() { t.final = true }

// NewInstanceWithBase makes an instance of user subclass t whose
// built-in part is base (what a native __new__ returns for subclasses).
func NewInstanceWithBase(t *Type, base Object) Object { return newInstanceWithBase(t, base) }

// BaseOf returns the built-in value behind a user subclass instance (or
// o itself).
func BaseOf(o Object) Object { return baseOf(o) }

// NewGetSet makes a computed attribute (set may be nil for read-only).
func NewGetSet(name string, get func(f *Frame, o Object) (Object, *BaseException), set func(f *Frame, o Object, v Object) *BaseException) *GetSet {
	return &GetSet{name: name, get: get, set: set}
}

// NewBuiltinFunctionIn is NewBuiltinFunction with __module__ set.
func NewBuiltinFunctionIn(module, name string, fn func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException)) *BuiltinFunction {
	b := NewBuiltinFunction(name, fn)
	b.module = module
	return b
}

// GenericGetAttr is object.__getattribute__ (type MRO, descriptors,
// instance __dict__) for native objects that override a few attributes.
func GenericGetAttr(f *Frame, o Object, name string) (Object, *BaseException) {
	if inst, ok := o.(*Instance); ok {
		return inst.getAttrGeneric(f, name)
	}
	return genericGetAttr(f, o, name)
}

// GenericSetAttr is object.__setattr__.
func GenericSetAttr(f *Frame, o Object, name string, v Object) *BaseException {
	if inst, ok := o.(*Instance); ok {
		return inst.setAttrGeneric(f, name, v)
	}
	return genericSetAttr(f, o, name, v)
}

// AttributeErrorFor builds CPython's "'T' object has no attribute 'x'".
func AttributeErrorFor(o Object, name string) *BaseException { return attributeError(o, name) }

// SetHasDict marks a native type whose instances carry a __dict__: the
// Go value implements DictHolder (generic attribute lookup and stores
// then use that dict), and user subclasses get one as well.
func (t *Type) SetHasDict() { t.hasDict = true }

// NewEnvironmentError builds IOError/OSError/EnvironmentError(errno,
// strerror, filename) as CPython does: args keeps two items and filename
// is an attribute (omitted when filename is nil).
func NewEnvironmentError(t *Type, errno int, strerror string, filename Object) *BaseException {
	e := NewExceptionArgs(t, NewInt(int64(errno)), NewStr(strerror))
	if filename != nil {
		e.Dict().setStr("filename", filename)
	}
	return e
}

// builtinModuleNames is sys.builtin_module_names: the native modules
// (registered without a source file), sorted, as CPython lists its
// compiled-in modules.
func builtinModuleNames() *Tuple {
	names := map[string]bool{"__builtin__": true, "sys": true}
	registryMu.Lock()
	for n, s := range registry {
		if s.Filename == "" && !strings.Contains(n, ".") {
			names[n] = true
		}
	}
	registryMu.Unlock()
	var out []string
	for n := range names {
		out = append(out, n)
	}
	sort.Strings(out)
	items := make([]Object, len(out))
	for i, n := range out {
		items[i] = NewStr(n)
	}
	return NewTuple(items...)
}
