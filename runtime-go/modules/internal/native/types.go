package native

import (
	"fmt"

	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

// Method is a Go method of a native type; self is the receiver.
type Method func(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException)

// TypeSpec describes a native type: its qualified name, constructor and
// methods/attributes in one table each.
type TypeSpec struct {
	Name   string // e.g. "deque"
	Module string // e.g. "collections": the type is named "collections.deque"
	Doc    string
	Bases  []*py.Type
	// New is tp_new: t is the type being instantiated (maybe a subclass).
	New     func(f *py.Frame, t *py.Type, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException)
	Methods map[string]Method
	// Getters are read-only (or, with Setters, writable) attributes.
	Getters map[string]func(f *py.Frame, self py.Object) (py.Object, *py.BaseException)
	Setters map[string]func(f *py.Frame, self py.Object, v py.Object) *py.BaseException
	Values  map[string]py.Object // class attributes
}

// NewType builds the type from its spec.
func NewType(spec TypeSpec) *py.Type {
	d := py.NewDict()
	// CPython's tp_name is "collections.deque", and error messages print
	// all of it ("object of type 'itertools.repeat' has no len()"), so the
	// dotted name is the type's name here. Until py splits a dotted name
	// into __module__/__name__ like CPython, __name__ shows the whole of it.
	name := spec.Name
	if spec.Module != "" {
		name = spec.Module + "." + spec.Name
	}
	d.SetStr("__module__", py.NewStr("__builtin__"))
	if spec.Doc != "" {
		d.SetStr("__doc__", py.NewStr(spec.Doc))
	}
	t0 := &typeRef{}
	for name, m := range spec.Methods {
		d.SetStr(name, &methodDescr{name: name, owner: t0, fn: m})
	}
	for name, g := range spec.Getters {
		d.SetStr(name, &getSetDescr{name: name, owner: t0, get: g, set: spec.Setters[name]})
	}
	for name, v := range spec.Values {
		d.SetStr(name, v)
	}
	if spec.New != nil {
		d.SetStr("__new__", &newDescr{owner: t0, fn: spec.New})
	}
	t, err := py.NewClass(nil, nil, name, spec.Bases, d)
	if err != nil {
		panic("native.NewType " + spec.Name + ": " + err.Error())
	}
	t0.t = t
	return t
}

// typeRef lets descriptors name their owner before it exists.
type typeRef struct{ t *py.Type }

var descrType = NewType(TypeSpec{Name: "method_descriptor"})
var boundType = NewType(TypeSpec{Name: "builtin_function_or_method"})
var getSetType = NewType(TypeSpec{Name: "getset_descriptor"})

// methodDescr binds like CPython's method_descriptor.
type methodDescr struct {
	name  string
	owner *typeRef
	fn    Method
}

func (m *methodDescr) Type() *py.Type { return descrType }

func (m *methodDescr) Repr(f *py.Frame) (string, *py.BaseException) {
	return "<method '" + m.name + "' of '" + m.owner.t.Name() + "' objects>", nil
}

func (m *methodDescr) DescrGet(f *py.Frame, obj py.Object, t *py.Type) (py.Object, *py.BaseException) {
	if obj == nil {
		return m, nil
	}
	return &boundMethod{m: m, self: obj}, nil
}

// Call is the unbound form: deque.append(d, x).
func (m *methodDescr) Call(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	tn := m.owner.t.Name()
	if len(args) == 0 {
		return nil, py.NewTypeError("descriptor '" + m.name + "' of '" + tn + "' object needs an argument")
	}
	if !args[0].Type().IsSubtype(m.owner.t) {
		return nil, py.NewTypeError("descriptor '" + m.name + "' requires a '" + tn + "' object but received a '" + args[0].Type().Name() + "'")
	}
	return m.fn(f, args[0], args[1:], kw)
}

type boundMethod struct {
	m    *methodDescr
	self py.Object
}

func (b *boundMethod) Type() *py.Type { return boundType }

func (b *boundMethod) Call(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	return b.m.fn(f, b.self, args, kw)
}

func (b *boundMethod) Repr(f *py.Frame) (string, *py.BaseException) {
	return fmt.Sprintf("<built-in method %s of %s object at 0x%x>", b.m.name, b.self.Type().Name(), py.ID(b.self)), nil
}

type newDescr struct {
	owner *typeRef
	fn    func(f *py.Frame, t *py.Type, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException)
}

func (n *newDescr) Type() *py.Type { return boundType }

func (n *newDescr) Repr(f *py.Frame) (string, *py.BaseException) {
	return "<built-in method __new__ of type object at 0x" + fmt.Sprintf("%x", py.ID(n.owner.t)) + ">", nil
}

// Call is T.__new__(S, ...): S must be a subtype of T.
func (n *newDescr) Call(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	tn := n.owner.t.Name()
	if len(args) < 1 {
		return nil, py.NewTypeError(tn + ".__new__(): not enough arguments")
	}
	sub, ok := args[0].(*py.Type)
	if !ok {
		return nil, py.NewTypeError(tn + ".__new__(X): X is not a type object (" + args[0].Type().Name() + ")")
	}
	if !sub.IsSubtype(n.owner.t) {
		return nil, py.NewTypeError(tn + ".__new__(" + sub.Name() + "): " + sub.Name() + " is not a subtype of " + tn)
	}
	return n.fn(f, sub, args[1:], kw)
}

type getSetDescr struct {
	name  string
	owner *typeRef
	get   func(f *py.Frame, self py.Object) (py.Object, *py.BaseException)
	set   func(f *py.Frame, self py.Object, v py.Object) *py.BaseException
}

func (g *getSetDescr) Type() *py.Type { return getSetType }

func (g *getSetDescr) Repr(f *py.Frame) (string, *py.BaseException) {
	return "<attribute '" + g.name + "' of '" + g.owner.t.Name() + "' objects>", nil
}

func (g *getSetDescr) DescrGet(f *py.Frame, obj py.Object, t *py.Type) (py.Object, *py.BaseException) {
	if obj == nil {
		return g, nil
	}
	return g.get(f, obj)
}

func (g *getSetDescr) DescrSet(f *py.Frame, obj py.Object, v py.Object) *py.BaseException {
	if g.set == nil {
		return py.NewAttributeError("attribute '" + g.name + "' of '" + g.owner.t.Name() + "' objects is not writable")
	}
	return g.set(f, obj, v)
}

var (
	_ py.DescrGetter = (*methodDescr)(nil)
	_ py.Caller      = (*methodDescr)(nil)
	_ py.Caller      = (*boundMethod)(nil)
	_ py.Caller      = (*newDescr)(nil)
	_ py.DescrSetter = (*getSetDescr)(nil)
)

// Addr formats an object's address the way CPython's reprs do.
func Addr(o py.Object) string { return fmt.Sprintf("0x%x", py.ID(o)) }

// NoKw rejects keyword arguments: "count() does not take keyword arguments"
// is the wording of CPython's _PyArg_NoKeywords.
func NoKw(name string, kw py.Kwargs) *py.BaseException {
	if len(kw) > 0 {
		return py.NewTypeError(name + " does not take keyword arguments")
	}
	return nil
}

// SelfIter is the shared __iter__ of iterator types.
func SelfIter(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.NoArgs("__iter__", args, kw); err != nil {
		return nil, err
	}
	return self, nil
}

// NextMethod is the shared `next` method of iterator types: it calls the
// Go Next and turns exhaustion into StopIteration.
func NextMethod(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.NoArgs("next", args, kw); err != nil {
		return nil, err
	}
	v, err := self.(py.Iterator).Next(f)
	if err != nil {
		return nil, err
	}
	if v == nil {
		return nil, py.NewExceptionArgs(py.StopIterationType)
	}
	return v, nil
}
