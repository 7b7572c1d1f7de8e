package gointerop

import (
	"math/big"
	"reflect"
	"sort"
	"strings"
	"sync"

	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

// Member is one Go package member as the Python module exposes it; load
// runs when the module is imported (so a Var is read then, after every Go
// package initialised).
type Member struct {
	load func(module, name string) py.Object
}

// Func wraps a Go function value.
func Func(fn any) Member {
	v := reflect.ValueOf(fn)
	if v.Kind() != reflect.Func {
		panic("gointerop.Func: not a func: " + v.Type().String()) // generated code is wrong
	}
	return Member{load: func(module, name string) py.Object {
		who := strings.ReplaceAll(strings.TrimPrefix(module, "__go__."), ".", "/") + "." + name
		return py.NewBuiltinFunctionIn(module, name, func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			return callGo(f, who, v, args, kw)
		})
	}}
}

// Var exposes the package variable *ptr, read at import time. A variable
// of a wrapped kind (pointer, struct, slice...) is wrapped addressably, so
// field stores reach the Go variable itself.
func Var(ptr any) Member {
	p := reflect.ValueOf(ptr)
	if p.Kind() != reflect.Pointer {
		panic("gointerop.Var: not a pointer: " + p.Type().String())
	}
	return Member{load: func(string, string) py.Object {
		v := p.Elem()
		switch v.Kind() {
		case reflect.Struct, reflect.Array:
			return wrap(v)
		}
		return fromGo(v)
	}}
}

// Const exposes a constant (typed, or untyped with its default type).
func Const(v any) Member {
	return Member{load: func(string, string) py.Object { return fromGo(reflect.ValueOf(v)) }}
}

// BigConst exposes an untyped integer constant that fits no Go integer
// type (the transpiler passes its exact decimal value).
func BigConst(decimal string) Member {
	n, ok := new(big.Int).SetString(decimal, 10)
	if !ok {
		panic("gointerop.BigConst: not a decimal integer: " + decimal)
	}
	return Member{load: func(string, string) py.Object {
		if n.IsInt64() {
			return py.NewInt(n.Int64())
		}
		return py.NewLong(n)
	}}
}

// TypeOf exposes the Go type T as a callable Python type.
func TypeOf[T any]() Member {
	t := reflect.TypeFor[T]()
	return Member{load: func(string, string) py.Object { return TypeFor(t) }}
}

type goPackage struct {
	members map[string]Member
}

var (
	pkgMu    sync.Mutex
	packages = map[string]*goPackage{} // by Python module name
)

// ModuleName is the Python name of Go package goPath: "net/http" is
// "__go__.net.http".
func ModuleName(goPath string) string {
	return "__go__." + strings.ReplaceAll(goPath, "/", ".")
}

func init() {
	pkgMu.Lock()
	ensurePackage("__go__")
	pkgMu.Unlock()
}

// RegisterPackage makes the module of Go package goPath importable, and
// its parents (`__go__`, `__go__.net`) as packages, since the import
// machinery imports those first.
func RegisterPackage(goPath string) {
	pkgMu.Lock()
	defer pkgMu.Unlock()
	registerPackage(goPath)
}

func registerPackage(goPath string) string {
	name := ModuleName(goPath)
	parts := strings.Split(name, ".")
	for i := 1; i <= len(parts); i++ {
		ensurePackage(strings.Join(parts[:i], "."))
	}
	return name
}

// Register adds member name to the module of Go package goPath. Several
// generated packages may register the same Go package; the module holds
// the union of their members.
func Register(goPath, name string, m Member) {
	pkgMu.Lock()
	defer pkgMu.Unlock()
	packages[registerPackage(goPath)].members[name] = m
}

// ensurePackage registers the module name once (pkgMu held).
func ensurePackage(name string) {
	if _, ok := packages[name]; ok {
		return
	}
	pkg := &goPackage{members: map[string]Member{}}
	packages[name] = pkg
	py.RegisterModule(py.ModuleSpec{Name: name, IsPackage: true, Init: func(f *py.Frame, m *py.Module) *py.BaseException {
		pkgMu.Lock()
		names := make([]string, 0, len(pkg.members))
		for n := range pkg.members {
			names = append(names, n)
		}
		sort.Strings(names)
		members := make([]Member, len(names))
		for i, n := range names {
			members[i] = pkg.members[n]
		}
		pkgMu.Unlock()
		for i, n := range names {
			m.Dict().SetStr(n, members[i].load(name, n))
		}
		if name == "__go__" {
			m.Dict().SetStr("GoError", GoErrorType)
		}
		return nil
	}})
}
