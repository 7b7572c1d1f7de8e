package gointerop

import (
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

type base struct{ ID int }

type outer struct {
	base
	*point
	Name string
}

var config = outer{Name: "cfg"}

func init() {
	registerAll("gointerop/wrapped", map[string]Member{
		"Outer":  TypeOf[outer](),
		"Config": Var(&config),
		"Header": TypeOf[http.Header](),
		"Names":  Func(func() []string { return []string{"b", "a"} }),
		"Fail":   Func(func() (int, error) { return 0, io.ErrUnexpectedEOF }),
	})
}

func TestWrappedValues(t *testing.T) {
	f := py.NewRootFrame()
	get := func(o py.Object, name string) string {
		v, err := py.GetAttr(f, o, name)
		if err != nil {
			return err.Error()
		}
		return repr(t, f, v)
	}
	// Promoted fields are attributes; one behind a nil embedded pointer is an AttributeError.
	o, err := py.Call(f, member(t, f, "__go__.gointerop.wrapped", "Outer"), nil, py.Kwargs{{Name: "ID", Value: i(5)}})
	if err != nil {
		t.Fatal(err)
	}
	if got := get(o, "ID"); got != "5" {
		t.Errorf("outer.ID = %s", got)
	}
	if got := get(o, "X"); got != "AttributeError: Go gointerop.outer.X is promoted through a nil embedded pointer" {
		t.Errorf("outer.X = %s", got)
	}
	// A struct variable is wrapped in place: a field store reaches the Go variable.
	c := member(t, f, "__go__.gointerop.wrapped", "Config")
	if err := py.SetAttr(f, c, "Name", s("changed")); err != nil {
		t.Fatal(err)
	}
	if config.Name != "changed" {
		t.Errorf("config.Name = %q after a Python store", config.Name)
	}
	// A named map type stays a Go value with its methods, len, indexing and iteration.
	h, err := py.Call(f, member(t, f, "__go__.gointerop.wrapped", "Header"), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, kv := range [][2]string{{"b-key", "2"}, {"a-key", "1"}} {
		if _, err := py.CallMethod(f, h, "Set", []py.Object{s(kv[0]), s(kv[1])}, nil); err != nil {
			t.Fatal(err)
		}
	}
	n, _ := py.Len(f, h)
	item, _ := py.GetItem(f, h, s("A-Key"))
	_, missing := py.GetItem(f, h, s("nope"))
	keys, _ := py.Call(f, py.ListType, []py.Object{h}, nil)
	if n != 2 || repr(t, f, item) != "['1']" || missing == nil || !missing.IsInstance(py.KeyErrorType) || repr(t, f, keys) != "['A-Key', 'B-Key']" {
		t.Errorf("header: len %d, item %v, missing %v, keys %v", n, item, missing, keys)
	}
	if err := py.SetItem(f, h, s("C-Key"), py.NewList(s("3"))); err != nil {
		t.Fatal(err)
	}
	got := goValue(h).Interface().(http.Header)
	if strings.Join(got["C-Key"], ",") != "3" {
		t.Errorf("header store: %v", got)
	}
	for _, c := range []struct {
		o    py.Object
		want bool
	}{{h, true}, {o, true}, {member(t, f, "__go__.gointerop.wrapped", "Config"), true}} {
		if got, err := py.IsTrue(f, c.o); err != nil || got != c.want {
			t.Errorf("bool(%s) = %v, %v", repr(t, f, c.o), got, err)
		}
	}
	empty, _ := py.Call(f, member(t, f, "__go__.gointerop.wrapped", "Header"), nil, nil)
	if got, _ := py.IsTrue(f, empty); got {
		t.Error("bool(Header()) is True for an empty map")
	}
	if py.IsCallable(h) {
		t.Error("a wrapped Go map is callable")
	}
	// Equality of comparable Go values, identity otherwise.
	ids := []py.Object{}
	for range 2 {
		b, err := py.Call(f, member(t, f, "__go__.gointerop.wrapped", "Outer"), nil, py.Kwargs{{Name: "Name", Value: s("n")}})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, b)
	}
	if eq, err := py.CompareBool(f, py.EQ, ids[0], ids[1]); err != nil || !eq {
		t.Errorf("equal structs compare %v, %v", eq, err)
	}
	// Equal Go values are one dict key; a map is unhashable.
	d := py.NewDict()
	for _, k := range ids {
		if err := d.SetItem(f, k, py.True); err != nil {
			t.Fatal(err)
		}
	}
	if n, _ := py.Len(f, d); n != 1 {
		t.Errorf("two equal Go structs made %d dict keys", n)
	}
	if _, err := py.Hash(f, h); err == nil || err.Error() != "TypeError: unhashable type: 'Header'" {
		t.Errorf("hash(Header) = %v", err)
	}
	// An unnamed slice result is a Python list.
	if got := call(t, "__go__.gointerop.wrapped", "Names"); got != "['b', 'a']" {
		t.Errorf("Names() = %s", got)
	}
	// GoError carries the Go error value as its `error` attribute.
	_, e := py.Call(f, member(t, f, "__go__.gointerop.wrapped", "Fail"), nil, nil)
	if e == nil || !e.IsInstance(GoErrorType) {
		t.Fatalf("Fail() raised %v", e)
	}
	ev, err := py.GetAttr(f, e, "error")
	if err != nil {
		t.Fatal(err)
	}
	if goErr, ok := goValue(ev).Interface().(error); !ok || !errors.Is(goErr, io.ErrUnexpectedEOF) {
		t.Errorf("GoError.error = %v", ev)
	}
}
