// Command goinspect describes the exported members of Go packages for the
// transpiler's `from __go__.<path> import …`: what each name is (func,
// var, const, type), whether it is generic, exact values of untyped
// constants, and which func types adapt which one-method interfaces. It
// reads compiler export data (go/importer), so it answers for exactly the
// Go toolchain that will build the program.
//
// Usage: goinspect PKGPATH... prints one JSON object keyed by path.
package main

import (
	"encoding/json"
	"go/constant"
	"go/importer"
	"go/token"
	"go/types"
	"os"
	"sort"
	"strings"
)

// Member is one exported name. Kind is func, var, const, type, generic
// (a generic func or type, which needs instantiation) or other.
type Member struct {
	Kind string `json:"kind"`
	// Untyped is the kind of an untyped constant (int, float, complex,
	// rune, string, bool); Value is its exact value (decimal for ints).
	Untyped string `json:"untyped,omitempty"`
	Value   string `json:"value,omitempty"`
	// Type is the Go type, for messages.
	Type string `json:"type"`
}

// Package is what the transpiler needs about one Go package.
type Package struct {
	Error   string            `json:"error,omitempty"`
	Name    string            `json:"name,omitempty"`
	Members map[string]Member `json:"members,omitempty"`
	// Adapters pairs [interface, func type]: the func type implements the
	// one-method interface (http.Handler, http.HandlerFunc).
	Adapters [][2]string `json:"adapters,omitempty"`
}

func main() {
	imp := importer.ForCompiler(token.NewFileSet(), "gc", nil)
	out := map[string]Package{}
	for _, path := range os.Args[1:] {
		out[path] = inspect(imp, path)
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", " ")
	if err := enc.Encode(out); err != nil {
		os.Stderr.WriteString(err.Error() + "\n")
		os.Exit(1)
	}
}

func inspect(imp types.Importer, path string) Package {
	for _, seg := range strings.Split(path, "/") {
		if seg == "internal" {
			return Package{Error: "Go package " + path + " is internal and cannot be imported"}
		}
	}
	if path == "unsafe" || path == "C" {
		return Package{Error: "Go package " + path + " has no values to import"}
	}
	pkg, err := imp.Import(path)
	if err != nil {
		if strings.Contains(err.Error(), "cannot find package") {
			return Package{Error: "Go package " + path + " is not in the Go toolchain's standard library (the generated Go module has no other dependencies)"}
		}
		msg, _, _ := strings.Cut(err.Error(), "\n")
		return Package{Error: "cannot import Go package " + path + ": " + msg}
	}
	p := Package{Name: pkg.Name(), Members: map[string]Member{}}
	scope := pkg.Scope()
	var ifaces, funcTypes []*types.TypeName
	for _, name := range scope.Names() {
		obj := scope.Lookup(name)
		if !obj.Exported() {
			continue
		}
		m := Member{Type: obj.Type().String()}
		switch o := obj.(type) {
		case *types.Func:
			m.Kind = "func"
			if o.Type().(*types.Signature).TypeParams().Len() > 0 {
				m.Kind = "generic"
			}
		case *types.Var:
			m.Kind = "var"
		case *types.Const:
			m.Kind = "const"
			if b, ok := o.Type().(*types.Basic); ok && b.Info()&types.IsUntyped != 0 {
				m.Untyped, m.Value = untyped(b, o.Val())
			}
		case *types.TypeName:
			m.Kind = "type"
			if n, ok := o.Type().(*types.Named); ok && n.TypeParams().Len() > 0 {
				m.Kind = "generic"
				break
			}
			if it, ok := o.Type().Underlying().(*types.Interface); ok && it.NumMethods() == 1 {
				ifaces = append(ifaces, o)
			}
			if _, ok := o.Type().Underlying().(*types.Signature); ok {
				funcTypes = append(funcTypes, o)
			}
		default:
			m.Kind = "other"
		}
		p.Members[name] = m
	}
	for _, it := range ifaces {
		for _, ft := range funcTypes {
			if types.Implements(ft.Type(), it.Type().Underlying().(*types.Interface)) {
				p.Adapters = append(p.Adapters, [2]string{it.Name(), ft.Name()})
				break
			}
		}
	}
	sort.Slice(p.Adapters, func(i, j int) bool { return p.Adapters[i][0] < p.Adapters[j][0] })
	return p
}

func untyped(b *types.Basic, v constant.Value) (kind, value string) {
	switch b.Kind() {
	case types.UntypedInt:
		return "int", v.ExactString()
	case types.UntypedRune:
		return "rune", v.ExactString()
	case types.UntypedFloat:
		return "float", v.String()
	case types.UntypedComplex:
		return "complex", v.String()
	case types.UntypedString:
		return "string", ""
	case types.UntypedBool:
		return "bool", ""
	}
	return "nil", ""
}
