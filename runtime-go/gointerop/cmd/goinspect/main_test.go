package main

import (
	"go/importer"
	"go/token"
	"reflect"
	"strings"
	"testing"
)

func TestInspect(t *testing.T) {
	imp := importer.ForCompiler(token.NewFileSet(), "gc", nil)
	http := inspect(imp, "net/http")
	if http.Error != "" {
		t.Fatal(http.Error)
	}
	for name, want := range map[string]Member{
		"ListenAndServe":  {Kind: "func", Type: "func(addr string, handler net/http.Handler) error"},
		"StatusSeeOther":  {Kind: "const", Untyped: "int", Value: "303", Type: "untyped int"},
		"DefaultServeMux": {Kind: "var", Type: "*net/http.ServeMux"},
		"Header":          {Kind: "type", Type: "net/http.Header"},
	} {
		if got := http.Members[name]; got != want {
			t.Errorf("net/http.%s = %+v, want %+v", name, got, want)
		}
	}
	if _, ok := http.Members["redirectHandler"]; ok {
		t.Error("unexported member listed")
	}
	if !reflect.DeepEqual(http.Adapters, [][2]string{{"Handler", "HandlerFunc"}}) {
		t.Errorf("adapters = %v", http.Adapters)
	}
	if m := inspect(imp, "math").Members["MaxUint64"]; m.Value != "18446744073709551615" || m.Untyped != "int" {
		t.Errorf("math.MaxUint64 = %+v", m)
	}
	if m := inspect(imp, "sync/atomic").Members["Pointer"]; m.Kind != "generic" {
		t.Errorf("atomic.Pointer = %+v", m)
	}
	for path, want := range map[string]string{
		"internal/cpu": "is internal",
		"unsafe":       "has no values",
		"no/such/pkg":  "not in the Go toolchain's standard library",
	} {
		if got := inspect(imp, path).Error; !strings.Contains(got, want) {
			t.Errorf("inspect(%s).Error = %q, want it to contain %q", path, got, want)
		}
	}
}
