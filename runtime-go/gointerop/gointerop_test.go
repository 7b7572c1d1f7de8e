package gointerop

import (
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

type point struct {
	X, Y   int
	Label  string
	hidden int
}

func (p *point) Move(dx, dy int) { p.X += dx; p.Y += dy }
func (p point) Sum() int         { return p.X + p.Y + p.hidden }

type greeter interface{ Greet(name string) string }
type greeterFunc func(name string) string

func (g greeterFunc) Greet(name string) string { return g(name) }

var counter = 7

func init() {
	Adapter[greeter, greeterFunc]()
	registerAll("strings", map[string]Member{
		"ToUpper": Func(strings.ToUpper), "Fields": Func(strings.Fields), "Repeat": Func(strings.Repeat),
		"Cut": Func(strings.Cut), "Map": Func(strings.Map), "Builder": TypeOf[strings.Builder](),
	})
	registerAll("strconv", map[string]Member{"Atoi": Func(strconv.Atoi), "IntSize": Const(strconv.IntSize)})
	registerAll("path/filepath", map[string]Member{"Join": Func(filepath.Join)})
	registerAll("math", map[string]Member{"MaxUint64": BigConst("18446744073709551615"), "Pi": Const(math.Pi)})
	registerAll("gointerop/test", map[string]Member{
		"Int8":  Func(func(x int8) int8 { return x }),
		"Uint":  Func(func(x uint) uint { return x }),
		"Max64": Func(func() uint64 { return math.MaxUint64 }),
		"Sum": Func(func(m map[string]int) int {
			s := 0
			for _, v := range m {
				s += v
			}
			return s
		}),
		"Bytes":   Func(func(b []byte) []byte { return append(b, '!') }),
		"Any":     Func(func(v any) string { return fmt.Sprintf("%T %v", v, v) }),
		"Point":   TypeOf[point](),
		"Greet":   Func(func(g greeter) string { return g.Greet("go") }),
		"Fail":    Func(func(cb func() error) error { return cb() }),
		"Counter": Var(&counter),
		"Floats": Func(func(xs []float64) float64 {
			t := 0.0
			for _, x := range xs {
				t += x
			}
			return t
		}),
		"Float32":  Func(func(x float32) float32 { return x }),
		"Copy":     Func(func() point { return point{X: 1} }),
		"NilPoint": Func(func() *point { return nil }),
		"Pair":     Func(func() (int, string) { return 1, "a" }),
		"NilError": Func(func() (int, error) { return 3, nil }),
		"Wrapped":  Func(func() error { return fmt.Errorf("wrapped: %w", io.EOF) }),
	})
}

func member(t *testing.T, f *py.Frame, mod, name string) py.Object {
	t.Helper()
	m, err := py.ImportModule(f, mod)
	if err != nil {
		t.Fatalf("import %s: %v", mod, err)
	}
	v, err := py.GetAttr(f, m, name)
	if err != nil {
		t.Fatalf("%s.%s: %v", mod, name, err)
	}
	return v
}

func repr(t *testing.T, f *py.Frame, o py.Object) string {
	t.Helper()
	r, err := py.Repr(f, o)
	if err != nil {
		t.Fatalf("repr: %v", err)
	}
	return r.Value()
}

// call returns repr(result) or "Type: message" of the exception.
func call(t *testing.T, mod, name string, args ...py.Object) string {
	t.Helper()
	f := py.NewRootFrame()
	r, err := py.Call(f, member(t, f, mod, name), args, nil)
	if err != nil {
		return err.Error()
	}
	return repr(t, f, r)
}

func s(x string) py.Object { return py.NewStr(x) }
func i(x int64) py.Object  { return py.NewInt(x) }

func TestCalls(t *testing.T) {
	cases := []struct {
		got, want string
	}{
		{call(t, "__go__.strings", "ToUpper", s("abc")), "'ABC'"},
		{call(t, "__go__.strings", "ToUpper", py.NewUnicode("é")), "'\\xc3\\x89'"},
		{call(t, "__go__.strings", "Fields", s(" a b  c ")), "['a', 'b', 'c']"},
		{call(t, "__go__.strings", "Cut", s("k=v"), s("=")), "('k', 'v', True)"},
		{call(t, "__go__.strings", "ToUpper"), "TypeError: strings.ToUpper() takes exactly 1 argument (0 given)"},
		{call(t, "__go__.strings", "ToUpper", i(1)), "TypeError: strings.ToUpper() argument 1: cannot convert Python int to Go string"},
		{call(t, "__go__.strings", "Repeat", s("ab"), i(-1)), "__go__.GoError: Go panic in strings.Repeat: strings: negative Repeat count"},
		{call(t, "__go__.strconv", "Atoi", s("42")), "42"},
		{call(t, "__go__.strconv", "Atoi", s("x")), "__go__.GoError: strconv.Atoi: parsing \"x\": invalid syntax"},
		{call(t, "__go__.path.filepath", "Join", s("a"), s("b"), s("c")), "'a/b/c'"},
		{call(t, "__go__.path.filepath", "Join"), "''"},
		{call(t, "__go__.gointerop.test", "Int8", i(127)), "127"},
		{call(t, "__go__.gointerop.test", "Int8", i(128)), "OverflowError: gointerop/test.Int8() argument 1: Python int too large to convert to Go int8"},
		{call(t, "__go__.gointerop.test", "Uint", i(-1)), "OverflowError: gointerop/test.Uint() argument 1: can't convert negative value to Go uint"},
		{call(t, "__go__.gointerop.test", "Uint", py.NewLongFromString("18446744073709551616")), "OverflowError: gointerop/test.Uint() argument 1: Python int too large to convert to Go uint"},
		{call(t, "__go__.gointerop.test", "Max64"), "18446744073709551615L"},
		{call(t, "__go__.gointerop.test", "Bytes", s("hi")), "'hi!'"},
		{call(t, "__go__.gointerop.test", "Bytes", bytearray(t, "ba")), "'ba!'"},
		{call(t, "__go__.gointerop.test", "Bytes", py.NewList(i(104), i(256))), "OverflowError: gointerop/test.Bytes() argument 1: Python int too large to convert to Go uint8"},
		{call(t, "__go__.gointerop.test", "Floats", py.NewList(i(1), py.NewFloat(0.5))), "1.5"},
		{call(t, "__go__.gointerop.test", "Floats", s("ab")), "TypeError: gointerop/test.Floats() argument 1: cannot convert Python str to Go []float64"},
		{call(t, "__go__.gointerop.test", "Any", py.NewList(i(1), s("x"), py.None, py.True)), "'[]interface {} [1 x <nil> true]'"},
		{call(t, "__go__.gointerop.test", "Pair"), "(1, 'a')"},
		{call(t, "__go__.gointerop.test", "Float32", py.NewFloat(0.5)), "0.5"},
		{call(t, "__go__.gointerop.test", "Float32", py.NewFloat(1e300)), "OverflowError: gointerop/test.Float32() argument 1: Python float too large to convert to Go float32"},
		{call(t, "__go__.gointerop.test", "Float32", py.NewFloat(math.Inf(-1))), "-inf"},
		{call(t, "__go__.gointerop.test", "Any", py.NewException(py.ValueErrorType, "v")), "'*py.BaseException ValueError: v'"},
		{call(t, "__go__.gointerop.test", "NilError"), "3"},
		{call(t, "__go__.gointerop.test", "Wrapped"), "__go__.GoError: wrapped: EOF"},
		{call(t, "__go__.gointerop.test", "Greet", s("x")), "TypeError: gointerop/test.Greet() argument 1: Python str does not implement Go gointerop.greeter"},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("got %s, want %s", c.got, c.want)
		}
	}
	f := py.NewRootFrame()
	d := py.NewDict()
	d.SetItem(f, s("a"), i(2))
	d.SetItem(f, s("b"), i(5))
	if got := call(t, "__go__.gointerop.test", "Sum", d); got != "7" {
		t.Errorf("Sum(dict) = %s", got)
	}
}

func TestValues(t *testing.T) {
	f := py.NewRootFrame()
	for _, c := range []struct{ mod, name, want string }{
		{"__go__.math", "MaxUint64", "18446744073709551615L"},
		{"__go__.math", "Pi", "3.141592653589793"},
		{"__go__.strconv", "IntSize", "64"},
		{"__go__.gointerop.test", "Counter", "7"},
	} {
		if got := repr(t, f, member(t, f, c.mod, c.name)); got != c.want {
			t.Errorf("%s.%s = %s, want %s", c.mod, c.name, got, c.want)
		}
	}
	goMod, err := py.ImportModule(f, "__go__")
	if err != nil {
		t.Fatal(err)
	}
	ge, err := py.GetAttr(f, goMod, "GoError")
	if err != nil || ge != GoErrorType {
		t.Fatalf("__go__.GoError = %v, %v", ge, err)
	}
}

func TestTypes(t *testing.T) {
	f := py.NewRootFrame()
	builder := member(t, f, "__go__.strings", "Builder")
	if got := repr(t, f, builder); got != "<type '__go__.strings.Builder'>" {
		t.Errorf("repr(Builder) = %s", got)
	}
	b, err := py.Call(f, builder, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"ab", "cd"} {
		if _, err := py.CallMethod(f, b, "WriteString", []py.Object{s(w)}, nil); err != nil {
			t.Fatal(err)
		}
	}
	if r, err := py.CallMethod(f, b, "String", nil, nil); err != nil || repr(t, f, r) != "'abcd'" {
		t.Errorf("b.String() = %v, %v", r, err)
	}
	if n, err := py.Len(f, b); err == nil {
		t.Errorf("len(Builder) should fail, got %d", n)
	}

	pt := member(t, f, "__go__.gointerop.test", "Point")
	p, err := py.Call(f, pt, nil, py.Kwargs{{Name: "X", Value: i(1)}, {Name: "Y", Value: i(2)}, {Name: "Label", Value: s("p")}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := py.CallMethod(f, p, "Move", []py.Object{i(10), i(20)}, nil); err != nil {
		t.Fatal(err)
	}
	if err := py.SetAttr(f, p, "Label", s("q")); err != nil {
		t.Fatal(err)
	}
	x, _ := py.GetAttr(f, p, "X")
	label, _ := py.GetAttr(f, p, "Label")
	sum, err := py.CallMethod(f, p, "Sum", nil, nil)
	if err != nil || repr(t, f, x) != "11" || repr(t, f, label) != "'q'" || repr(t, f, sum) != "33" {
		t.Errorf("point: X=%v Label=%v Sum=%v err=%v", x, label, sum, err)
	}
	if _, err := py.GetAttr(f, p, "hidden"); err == nil {
		t.Error("unexported field is visible")
	}
	if _, err := py.Call(f, pt, nil, py.Kwargs{{Name: "Z", Value: i(1)}}); err == nil || !strings.Contains(err.Error(), "has no exported field 'Z'") {
		t.Errorf("Point(Z=1): %v", err)
	}
	// A struct returned by value is a copy: reading works, pointer-receiver methods do not.
	cp, err := py.Call(f, member(t, f, "__go__.gointerop.test", "Copy"), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sum, err := py.CallMethod(f, cp, "Sum", nil, nil); err != nil || repr(t, f, sum) != "1" {
		t.Errorf("copy.Sum() = %v, %v", sum, err)
	}
	if _, err := py.CallMethod(f, cp, "Move", []py.Object{i(1), i(1)}, nil); err == nil || err.Error() != "TypeError: Go method gointerop.point.Move has a pointer receiver; this value is a copy (make it by calling the type)" {
		t.Errorf("copy.Move(): %v", err)
	}
	// A nil *point result is None.
	if got := call(t, "__go__.gointerop.test", "NilPoint"); got != "None" {
		t.Errorf("NilPoint() = %s", got)
	}
	// A dict converts to a struct field by field.
	d := py.NewDict()
	d.SetItem(f, s("X"), i(4))
	q, err := py.Call(f, pt, []py.Object{d}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if x, _ := py.GetAttr(f, q, "X"); repr(t, f, x) != "4" {
		t.Errorf("Point({'X': 4}).X = %v", x)
	}
}

func TestCallbacks(t *testing.T) {
	f := py.NewRootFrame()
	var mu sync.Mutex
	calls := 0
	rot := py.NewBuiltinFunction("rot", func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		mu.Lock()
		calls++
		mu.Unlock()
		return py.Add(f, args[0], i(1))
	})
	if got := call(t, "__go__.strings", "Map", rot, s("HAL")); got != "'IBM'" {
		t.Errorf("Map(rot, 'HAL') = %s", got)
	}
	// The adapter lets a callable stand for a one-method interface.
	greet := py.NewBuiltinFunction("greet", func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		return py.Add(f, s("hello "), args[0])
	})
	if got := call(t, "__go__.gointerop.test", "Greet", greet); got != "'hello go'" {
		t.Errorf("Greet(callable) = %s", got)
	}
	// A Python exception raised in a callback comes back unchanged through the Go error result.
	boom := py.NewException(py.ValueErrorType, "boom")
	raiser := py.NewBuiltinFunction("raiser", func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		return nil, boom
	})
	_, err := py.Call(f, member(t, f, "__go__.gointerop.test", "Fail"), []py.Object{raiser}, nil)
	if err != boom {
		t.Errorf("Fail(raiser) raised %v, want the callback's own exception", err)
	}
	// Callbacks run on Go's goroutines: a real HTTP server calls one concurrently.
	handlerFunc := TypeFor(reflect_TypeOf_HandlerFunc)
	h, err := py.Call(f, handlerFunc, []py.Object{py.NewBuiltinFunction("h", func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		if _, err := py.CallMethod(f, args[0], "WriteHeader", []py.Object{i(418)}, nil); err != nil {
			return nil, err
		}
		return rot.Call(f, []py.Object{i(0)}, nil)
	})}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !py.IsCallable(h) {
		t.Error("a wrapped Go func is not callable")
	}
	srv := httptest.NewServer(goValue(h).Interface().(http.Handler))
	defer srv.Close()
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			resp, err := http.Get(srv.URL)
			if err != nil {
				errs <- err
				return
			}
			resp.Body.Close()
			if resp.StatusCode != 418 {
				errs <- errors.New("status " + resp.Status)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if calls != 3+8 {
		t.Errorf("callback ran %d times, want 11", calls)
	}
}

var reflect_TypeOf_HandlerFunc = reflectTypeFor[http.HandlerFunc]()

func registerAll(goPath string, members map[string]Member) {
	for n, m := range members {
		Register(goPath, n, m)
	}
}

func TestCallbackRaises(t *testing.T) {
	f := py.NewRootFrame()
	calls := 0
	boom := py.NewException(py.ValueErrorType, "boom")
	raiser := py.NewBuiltinFunction("raiser", func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		calls++
		return nil, boom
	})
	// A synchronous callback's exception is raised by the Go call it was passed to, and the
	// callback is not called again once it raised.
	_, err := py.Call(f, member(t, f, "__go__.strings", "Map"), []py.Object{raiser, s("abc")}, nil)
	if err != boom || calls != 1 {
		t.Errorf("Map(raiser) raised %v after %d calls, want boom after 1", err, calls)
	}
	// On another goroutine (net/http) the exception is printed and the handler keeps serving.
	r, w, perr := os.Pipe()
	if perr != nil {
		t.Fatal(perr)
	}
	saved := os.Stderr
	os.Stderr = w
	defer func() { os.Stderr = saved }()
	h, err := py.Call(f, TypeFor(reflect_TypeOf_HandlerFunc), []py.Object{raiser}, nil)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(goValue(h).Interface().(http.Handler))
	for range 2 {
		resp, err := http.Get(srv.URL)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
	}
	srv.Close()
	os.Stderr = saved
	w.Close()
	out, _ := io.ReadAll(r)
	if calls != 3 || strings.Count(string(out), "ValueError: boom\n") != 2 || !strings.Contains(string(out), "Unhandled exception in Python callback called from Go http.HandlerFunc") {
		t.Errorf("calls %d, stderr %q", calls, out)
	}
}

func bytearray(t *testing.T, v string) py.Object {
	t.Helper()
	f := py.NewRootFrame()
	b, err := py.Call(f, py.ByteArrayType, []py.Object{s(v)}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
