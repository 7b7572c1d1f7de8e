package gointerop

import (
	"os"
	"reflect"
	"strconv"
	"sync"

	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

// callGo calls the Go function fn (named who in messages) with Python
// arguments: fixed parameters in order, extra positional arguments for a
// variadic tail. Results: none → None, one → it, several → a tuple; a
// trailing error result is dropped, or raised as GoError when non-nil.
func callGo(f *py.Frame, who string, fn reflect.Value, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if len(kw) > 0 {
		return nil, py.NewTypeError(who + "() takes no keyword arguments (Go functions have positional parameters only)")
	}
	t := fn.Type()
	fixed := t.NumIn()
	if t.IsVariadic() {
		fixed--
		if len(args) < fixed {
			return nil, py.NewTypeError(who + "() takes at least " + strconv.Itoa(fixed) + " argument" + plural(fixed) + " (" + strconv.Itoa(len(args)) + " given)")
		}
	} else if len(args) != fixed {
		return nil, py.NewTypeError(who + "() takes exactly " + strconv.Itoa(fixed) + " argument" + plural(fixed) + " (" + strconv.Itoa(len(args)) + " given)")
	}
	in := make([]reflect.Value, len(args))
	for i, a := range args {
		pt := t.In(min(i, t.NumIn()-1))
		if i >= fixed && t.IsVariadic() {
			pt = pt.Elem()
		}
		v, err := toGo(f, a, pt)
		if err != nil {
			return nil, argError(who, i, err)
		}
		in[i] = v
	}
	out, perr := protectedCall(who, fn, in)
	if perr != nil {
		return nil, perr
	}
	return results(t, out)
}

// argError prefixes a conversion error with the argument's position.
func argError(who string, i int, err *py.BaseException) *py.BaseException {
	msg, _ := py.ToStr(nil, err)
	text := who + "() argument " + strconv.Itoa(i+1) + ": "
	if msg != nil {
		text += msg.Value()
	}
	if err.IsInstance(py.OverflowErrorType) {
		return py.NewOverflowError(text)
	}
	if err.IsInstance(py.ValueErrorType) {
		return py.NewValueError(text)
	}
	return py.NewTypeError(text)
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// protectedCall turns a Go panic in foreign code into GoError.
func protectedCall(who string, fn reflect.Value, in []reflect.Value) (out []reflect.Value, err *py.BaseException) {
	defer func() {
		if r := recover(); r != nil {
			err = panicError(who, r)
		}
	}()
	return fn.Call(in), nil
}

func results(t reflect.Type, out []reflect.Value) (py.Object, *py.BaseException) {
	if n := t.NumOut(); n > 0 && t.Out(n-1) == errorType {
		if e := out[n-1]; !e.IsNil() {
			return nil, raiseGoError(e.Interface().(error))
		}
		out = out[:n-1]
	}
	switch len(out) {
	case 0:
		return py.None, nil
	case 1:
		return fromGo(out[0]), nil
	}
	items := make([]py.Object, len(out))
	for i, v := range out {
		items[i] = fromGo(v)
	}
	return py.NewTuple(items...), nil
}

// makeFunc builds a Go func of type t that calls the Python callable c.
// Go may call it on any goroutine, so each call gets its own root frame
// (a new Python thread, as for a threading.Thread). A Python exception
// becomes the trailing error result when t has one; otherwise its
// traceback is printed to stderr, as for an exception ending a thread,
// and the zero results are returned.
func makeFunc(c py.Object, t reflect.Type) reflect.Value {
	return reflect.MakeFunc(t, func(in []reflect.Value) []reflect.Value {
		f := py.NewRootFrame()
		args := make([]py.Object, len(in))
		for i, v := range in {
			args[i] = fromGo(v)
		}
		r, err := py.Call(f, c, args, nil)
		var out []reflect.Value
		if err == nil {
			out, err = callbackResults(f, r, t)
		}
		if err == nil {
			return out
		}
		zeros := make([]reflect.Value, t.NumOut())
		for i := range zeros {
			zeros[i] = reflect.Zero(t.Out(i))
		}
		if n := t.NumOut(); n > 0 && t.Out(n-1) == errorType {
			zeros[n-1] = reflect.ValueOf(&err).Elem().Convert(errorType)
			return zeros
		}
		os.Stderr.WriteString("Unhandled exception in Python callback called from Go " + t.String() + ":\n" + py.FormatTraceback(f, err))
		return zeros
	})
}

// callbackResults converts a Python callback's return value to t's
// results: nothing, one value, or a tuple of them (the error slot, when
// present, is nil and needs no Python value).
func callbackResults(f *py.Frame, r py.Object, t reflect.Type) ([]reflect.Value, *py.BaseException) {
	n := t.NumOut()
	want := n
	if n > 0 && t.Out(n-1) == errorType {
		want--
	}
	out := make([]reflect.Value, n)
	var vals []py.Object
	switch want {
	case 0:
	case 1:
		vals = []py.Object{r}
	default:
		items, err := py.Unpack(f, r, want)
		if err != nil {
			return nil, err
		}
		vals = items
	}
	for i, v := range vals {
		g, err := toGo(f, v, t.Out(i))
		if err != nil {
			return nil, err
		}
		out[i] = g
	}
	if want < n {
		out[n-1] = reflect.Zero(errorType)
	}
	return out, nil
}

var (
	adaptersMu sync.RWMutex
	adapters   = map[reflect.Type]reflect.Type{}
)

// Adapter records that the func type F implements the one-method
// interface I (net/http's HandlerFunc and Handler), so a Python callable
// passed where I is expected becomes an F. The transpiler registers the
// adapters of every Go package a program imports.
func Adapter[I any, F any]() {
	it, ft := reflect.TypeFor[I](), reflect.TypeFor[F]()
	if it.Kind() != reflect.Interface || ft.Kind() != reflect.Func || !ft.Implements(it) {
		panic("gointerop.Adapter: " + ft.String() + " does not implement " + it.String())
	}
	adaptersMu.Lock()
	adapters[it] = ft
	adaptersMu.Unlock()
}

func adapterFor(t reflect.Type) (reflect.Type, bool) {
	adaptersMu.RLock()
	defer adaptersMu.RUnlock()
	ft, ok := adapters[t]
	return ft, ok
}
