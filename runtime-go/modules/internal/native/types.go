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

// NewType builds a built-in type (repr <type 'collections.deque'>) from
// its spec. Methods and attributes receive the native value even when
// called on an instance of a user subclass (py.BaseOf unwraps it), and
// New must wrap its value with py.NewInstanceWithBase when t is a
// subclass (see Wrap).
func NewType(spec TypeSpec) *py.Type {
	// py prints tp_name ("itertools.repeat") in errors for native types
	var base *py.Type
	if len(spec.Bases) > 0 {
		base = spec.Bases[0]
	}
	t := py.NewBuiltinType(spec.Name, spec.Module, base)
	fill(t, spec)
	return t
}

// NewHeapType builds the type as a class (py.NewClass), for the few
// native types whose special methods must be found the way a user class's
// are: defaultdict's __missing__ is dispatched only for non-built-in dict
// subclasses. It still shows as the module's built-in type (MarkNative).
func NewHeapType(spec TypeSpec) *py.Type {
	d := py.NewDict()
	module := spec.Module
	if module == "" {
		module = "__builtin__"
	}
	d.SetStr("__module__", py.NewStr(module))
	t, err := py.NewClass(nil, nil, spec.Name, spec.Bases, d)
	if err != nil {
		panic("native.NewHeapType " + spec.Name + ": " + err.Error())
	}
	t.MarkNative()
	fill(t, spec)
	return t
}

func fill(t *py.Type, spec TypeSpec) {
	if spec.Doc != "" {
		t.Dict().SetStr("__doc__", py.NewStr(spec.Doc))
	}
	for name, m := range spec.Methods {
		m := m
		t.Def(name, func(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			return m(f, py.BaseOf(self), args, kw)
		})
	}
	for name, g := range spec.Getters {
		g := g
		var set func(f *py.Frame, o py.Object, v py.Object) *py.BaseException
		if s := spec.Setters[name]; s != nil {
			set = func(f *py.Frame, o py.Object, v py.Object) *py.BaseException { return s(f, py.BaseOf(o), v) }
		}
		t.Dict().SetStr(name, py.NewGetSet(name, func(f *py.Frame, o py.Object) (py.Object, *py.BaseException) {
			return g(f, py.BaseOf(o))
		}, set))
	}
	for name, v := range spec.Values {
		t.Dict().SetStr(name, v)
	}
	if spec.New != nil {
		t.SetNew(spec.New)
	}
}

// Wrap returns v as an instance of t: v itself for the native type, an
// instance of the user subclass t with v as its built-in part otherwise.
func Wrap(t, native *py.Type, v py.Object) py.Object {
	if t == native {
		return v
	}
	return py.NewInstanceWithBase(t, v)
}

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

// NoKwArgs rejects keyword arguments of a METH_VARARGS function:
// "pack() takes no keyword arguments" (fname without the parentheses).
func NoKwArgs(fname string, kw py.Kwargs) *py.BaseException {
	if len(kw) > 0 {
		return py.NewTypeError(fname + "() takes no keyword arguments")
	}
	return nil
}
