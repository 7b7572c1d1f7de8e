package gointerop

import (
	"os"
	"reflect"
	"runtime"
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
	// Callbacks converted for this call report their exceptions to it (see makeFunc).
	sc := &callScope{}
	in := make([]reflect.Value, len(args))
	for i, a := range args {
		pt := t.In(min(i, t.NumIn()-1))
		if i >= fixed && t.IsVariadic() {
			pt = pt.Elem()
		}
		v, err := toGo(f, a, pt, sc)
		if err != nil {
			return nil, argError(who, i, err)
		}
		in[i] = v
	}
	out, perr := protectedCall(who, fn, in)
	if cbErr := sc.finish(); cbErr != nil {
		return nil, cbErr
	}
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

// callScope collects the first exception raised by a Python callback
// while the Go call it was passed to is still running, so that call
// raises it on return, as a Python caller of a Python function would see.
// Only callbacks on the calling goroutine count: one that Go runs
// elsewhere (net/http serving a request) is independent of the call.
type callScope struct {
	mu   sync.Mutex
	gid  uint64 // the calling goroutine
	done bool
	err  *py.BaseException
}

// arm records the calling goroutine; makeFunc calls it while the call
// converts its arguments, so calls without callbacks never pay for goid.
func (s *callScope) arm() {
	if s != nil && s.gid == 0 {
		s.gid = goid()
	}
}

// sync reports whether the callback runs inside the call, on its goroutine.
func (s *callScope) sync() bool {
	return s != nil && s.gid != 0 && goid() == s.gid
}

// failed reports whether a callback of this call already raised.
func (s *callScope) failed() bool {
	if !s.sync() {
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return !s.done && s.err != nil
}

// record keeps err for the running call; false when no call is waiting
// (another goroutine, or the callback outlived the call).
func (s *callScope) record(err *py.BaseException) bool {
	if !s.sync() {
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.done {
		return false
	}
	if s.err == nil {
		s.err = err
	}
	return true
}

// finish ends the call and returns the exception to raise, if any.
func (s *callScope) finish() *py.BaseException {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.done = true
	return s.err
}

// makeFunc builds a Go func of type t that calls the Python callable c.
// Go may call it on any goroutine, so each call gets its own root frame
// (a new Python thread, as for a threading.Thread). When the callback
// raises:
//   - with a trailing error result in t, the exception is that error;
//   - else, while the Go call it was passed to (sc) runs, that call
//     raises it on return, and later callbacks of the call are skipped;
//   - else its traceback is printed to stderr, as for an exception ending
//     a thread.
//
// In the last two cases Go gets zero results.
func makeFunc(c py.Object, t reflect.Type, sc *callScope) reflect.Value {
	sc.arm()
	// Go may run it on another goroutine while this one runs Python.
	py.EnableThreads()
	hasErr := t.NumOut() > 0 && t.Out(t.NumOut()-1) == errorType
	zeros := func() []reflect.Value {
		z := make([]reflect.Value, t.NumOut())
		for i := range z {
			z[i] = reflect.Zero(t.Out(i))
		}
		return z
	}
	return reflect.MakeFunc(t, func(in []reflect.Value) []reflect.Value {
		if !hasErr && sc.failed() {
			return zeros()
		}
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
		z := zeros()
		if hasErr {
			z[len(z)-1] = reflect.ValueOf(&err).Elem().Convert(errorType)
			return z
		}
		if !sc.record(err) {
			os.Stderr.WriteString("Unhandled exception in Python callback called from Go " + t.String() + ":\n" + py.FormatTraceback(f, err))
		}
		return z
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
		g, err := toGo(f, v, t.Out(i), nil)
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

// goid is the current goroutine's id, read from its stack header
// ("goroutine 7 [running]:"); Go has no API for it, and only callback
// paths need it.
func goid() uint64 {
	var buf [64]byte
	b := buf[:runtime.Stack(buf[:], false)]
	b = b[len("goroutine "):]
	var id uint64
	for _, c := range b {
		if c < '0' || c > '9' {
			break
		}
		id = id*10 + uint64(c-'0')
	}
	return id
}
