// Package native is the shared scaffolding of the native stdlib modules:
// the member table a module registers from, Go-defined types with method
// and attribute descriptors, and the argument converters whose TypeError
// texts match CPython's PyArg_Parse* conversions.
//
// Argument *counting* and keyword binding go through py.ParseArgs /
// py.UnpackArgs (the runtime's one helper); this package only adds the
// per-argument conversions ("a float is required", "an integer is
// required") that CPython's format units perform.
//
// Types are py built-in types (py.NewBuiltinType) described by one
// TypeSpec table each; see types.go.
package native

import (
	"math/big"
	"sort"
	"strconv"

	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

// Func is a module-level native function.
type Func func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException)

// Member is one row of a module's member table: a function (Fn) or a
// value (Value).
type Member struct {
	Name  string
	Fn    Func
	Value py.Object
	// Float1 optionally computes Fn's result for one float argument
	// without boxing (see py.BuiltinFunction.SetFloat1).
	Float1 func(x float64) (float64, bool)
}

// F is a function member.
func F(name string, fn Func) Member { return Member{Name: name, Fn: fn} }

// V is a value member.
func V(name string, v py.Object) Member { return Member{Name: name, Value: v} }

var registered = map[string][]string{}

// Register makes the module importable under name with exactly the
// members of the table (built lazily so module state is per import).
func Register(name, doc string, table func() []Member) {
	names := []string{}
	for _, m := range table() {
		names = append(names, m.Name)
	}
	sort.Strings(names)
	registered[name] = names
	py.RegisterModule(py.ModuleSpec{Name: name, Init: func(f *py.Frame, m *py.Module) *py.BaseException {
		d := m.Dict()
		if doc != "" {
			d.SetStr("__doc__", py.NewStr(doc))
		}
		for _, mem := range table() {
			if mem.Fn != nil {
				bf := py.NewBuiltinFunctionIn(name, mem.Name, mem.Fn)
				if mem.Float1 != nil {
					bf.SetFloat1(mem.Float1)
				}
				d.SetStr(mem.Name, bf)
			} else {
				d.SetStr(mem.Name, mem.Value)
			}
		}
		return nil
	}})
}

// Members lists a registered module's member names (sorted), for tests.
func Members(module string) []string { return registered[module] }

// ParseKw is PyArg_ParseTupleAndKeywords: py.ParseArgs binds positional
// and keyword arguments (and says "takes at most N arguments"), and a
// missing required one is reported the way CPython 2.7's vgetargskeywords
// does, "Required argument 'x' (pos 1) not found", never "takes exactly".
func ParseKw(fname string, args []py.Object, kw py.Kwargs, names []string, required int, out []py.Object) *py.BaseException {
	if err := py.ParseArgs(fname, args, kw, names, 0, out); err != nil {
		return err
	}
	for i := 0; i < required; i++ {
		if out[i] == nil {
			return py.NewTypeError("Required argument '" + names[i] + "' (pos " + strconv.Itoa(i+1) + ") not found")
		}
	}
	return nil
}

// ParseTuple is PyArg_ParseTuple for positional-only functions: names
// give the slots, the first required of them mandatory, with CPython's
// "f() takes exactly 2 arguments (1 given)" / "at least" / "at most".
// Keyword arguments must be rejected by the caller (NoKwArgs).
func ParseTuple(fname string, args []py.Object, names []string, required int, out []py.Object) *py.BaseException {
	n := len(names)
	if len(args) < required || len(args) > n {
		word, want := "exactly", required
		if required != n {
			if len(args) < required {
				word = "at least"
			} else {
				word, want = "at most", n
			}
		}
		s := "s"
		if want == 1 {
			s = ""
		}
		return py.NewTypeError(fname + "() takes " + word + " " + strconv.Itoa(want) + " argument" + s + " (" + strconv.Itoa(len(args)) + " given)")
	}
	for i := range out {
		out[i] = nil
	}
	copy(out, args)
	return nil
}

// Float converts like PyFloat_AsDouble: int, long, float, or __float__.
func Float(f *py.Frame, o py.Object) (float64, *py.BaseException) {
	switch v := o.(type) {
	case *py.Float:
		return v.Value(), nil
	case *py.Int:
		return float64(v.Value()), nil
	case *py.Str, *py.Unicode:
		return 0, py.NewTypeError("a float is required")
	}
	r, err := py.ToFloat(f, o)
	if err != nil {
		if err.IsInstance(py.TypeErrorType) {
			return 0, py.NewTypeError("a float is required")
		}
		return 0, err
	}
	if fl, ok := r.(*py.Float); ok {
		return fl.Value(), nil
	}
	return 0, py.NewTypeError("nb_float should return float object")
}

// Int converts an int/long argument to a Go int ("an integer is required"),
// raising OverflowError like CPython's "i"/"n" format units when too big.
func Int(f *py.Frame, o py.Object) (int, *py.BaseException) {
	switch v := o.(type) {
	case *py.Int:
		return int(v.Value()), nil
	case *py.Long:
		if !v.Big().IsInt64() {
			return 0, py.NewOverflowError("Python int too large to convert to C long")
		}
		return int(v.Big().Int64()), nil
	case *py.Float:
		return 0, py.NewTypeError("integer argument expected, got float")
	}
	if b, ok := py.IndexBig(f, o); ok {
		if !b.IsInt64() {
			return 0, py.NewOverflowError("Python int too large to convert to C long")
		}
		return int(b.Int64()), nil
	}
	return 0, py.NewTypeError("an integer is required")
}

// Big returns an int/long (or __index__) as a big.Int.
func Big(f *py.Frame, o py.Object) (*big.Int, bool) {
	switch v := o.(type) {
	case *py.Int:
		return big.NewInt(v.Value()), true
	case *py.Long:
		return v.Big(), true
	}
	return py.IndexBig(f, o)
}

// Integer makes an int when it fits, else a long.
func Integer(b *big.Int) py.Object {
	if b.IsInt64() {
		return py.NewInt(b.Int64())
	}
	return py.NewLong(new(big.Int).Set(b))
}

// Bytes accepts a str (or a read-only buffer-like str subclass) argument.
func Bytes(o py.Object, fname string) (string, *py.BaseException) {
	if s, ok := o.(*py.Str); ok {
		return s.Value(), nil
	}
	return "", py.NewTypeError(fname + " must be string or read-only buffer, not " + o.Type().Name())
}

// Truth is bool(o).
func Truth(f *py.Frame, o py.Object) (bool, *py.BaseException) { return py.IsTrue(f, o) }

// Itoa is strconv.Itoa, here so modules need not import strconv for messages.
func Itoa(n int) string { return strconv.Itoa(n) }

// NewExceptionClass creates a module's exception class, e.g. struct.error
// (CPython's PyErr_NewException: a class, repr <class 'struct.error'>).
func NewExceptionClass(module, name string, base *py.Type) *py.Type {
	d := py.NewDict()
	d.SetStr("__module__", py.NewStr(module))
	t, err := py.NewClass(nil, nil, name, []*py.Type{base}, d)
	if err != nil {
		panic("native.NewExceptionClass " + name + ": " + err.Error())
	}
	return t
}

// EnvError builds IOError/OSError(errno, strerror[, filename]) through the
// type's constructor, which moves the filename out of args as CPython's
// EnvironmentError does (py.NewExceptionArgs would keep three args).
func EnvError(t *py.Type, errno int, msg string, filename py.Object) *py.BaseException {
	args := []py.Object{py.NewInt(int64(errno)), py.NewStr(msg)}
	if filename != nil {
		args = append(args, filename)
	}
	e, err := py.Call(py.NewRootFrame(), t, args, nil)
	if err != nil {
		return err
	}
	if be, ok := e.(*py.BaseException); ok {
		return be
	}
	return py.NewExceptionArgs(t, args...)
}
