// Package imp is CPython 2.7's imp module over the runtime's import
// machinery. Every importable module is compiled into the program (a
// transpiled Python module or a native Go one), so "finding" a module
// means looking it up in the module registry, and "loading" one runs its
// compiled body; source or bytecode files that were not transpiled into
// the program cannot be loaded (ImportError says so).
//
// Members:
//
//	SEARCH_ERROR PY_SOURCE PY_COMPILED C_EXTENSION PY_RESOURCE
//	PKG_DIRECTORY C_BUILTIN PY_FROZEN PY_CODERESOURCE IMP_HOOK   constants
//	get_suffixes()            CPython's Linux suffix table
//	get_magic()               2.7's bytecode magic '\x03\xf3\r\n'
//	new_module(name)          an empty module
//	acquire_lock release_lock lock_held   the reentrant import lock
//	is_builtin(name)          -1 for sys/__builtin__, 1 for native modules, else 0
//	is_frozen init_frozen get_frozen_object   no frozen modules exist
//	init_builtin(name)        imports a native module (None if unknown)
//	find_module(name[, path]) (file or None, pathname, (suffix, mode, type))
//	load_module(name, file, pathname, description)
//	load_source load_compiled load_package   load a compiled-in module by name
//	load_dynamic              ImportError: no shared libraries
//	reload(module)            the builtin reload
//	NullImporter              the path hook for non-directories
package imp

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/grumpy-audit/grumpy-audit/runtime-go/modules/internal/native"
	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

// The module type codes of imp.h.
const (
	searchError    = 0
	pySource       = 1
	pyCompiled     = 2
	cExtension     = 3
	pyResource     = 4
	pkgDirectory   = 5
	cBuiltin       = 6
	pyFrozen       = 7
	pyCodeResource = 8
	impHook        = 9
)

var nullImporterType *py.Type

type nullImporter struct{}

func (nullImporter) Type() *py.Type { return nullImporterType }

func init() {
	nullImporterType = native.NewType(native.TypeSpec{Name: "NullImporter", Module: "imp",
		Doc: "Path hook that finds nothing, for entries that are not directories.",
		New: func(f *py.Frame, t *py.Type, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			if err := native.NoKw("NullImporter()", kw); err != nil {
				return nil, err
			}
			out := make([]py.Object, 1)
			if err := native.ParseTuple("NullImporter", args, []string{"path"}, 1, out); err != nil {
				return nil, err
			}
			p, err := strArg(f, "NullImporter", out[0])
			if err != nil {
				return nil, err
			}
			if p == "" {
				return nil, py.NewException(py.ImportErrorType, "empty pathname")
			}
			if st, e := os.Stat(p); e == nil && st.IsDir() {
				return nil, py.NewException(py.ImportErrorType, "existing directory")
			}
			return native.Wrap(t, nullImporterType, nullImporter{}), nil
		},
		Methods: map[string]native.Method{
			"find_module": func(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
				if err := native.NoKwArgs("find_module", kw); err != nil {
					return nil, err
				}
				out := make([]py.Object, 2)
				if err := native.ParseTuple("find_module", args, []string{"fullname", "path"}, 1, out); err != nil {
					return nil, err
				}
				return py.None, nil
			},
		}})
	native.Register("imp", "Access to the import machinery: finding, loading and reloading modules.", func() []native.Member {
		return []native.Member{
			native.V("SEARCH_ERROR", py.NewInt(searchError)),
			native.V("PY_SOURCE", py.NewInt(pySource)),
			native.V("PY_COMPILED", py.NewInt(pyCompiled)),
			native.V("C_EXTENSION", py.NewInt(cExtension)),
			native.V("PY_RESOURCE", py.NewInt(pyResource)),
			native.V("PKG_DIRECTORY", py.NewInt(pkgDirectory)),
			native.V("C_BUILTIN", py.NewInt(cBuiltin)),
			native.V("PY_FROZEN", py.NewInt(pyFrozen)),
			native.V("PY_CODERESOURCE", py.NewInt(pyCodeResource)),
			native.V("IMP_HOOK", py.NewInt(impHook)),
			native.V("NullImporter", nullImporterType),
			native.F("get_suffixes", getSuffixes),
			native.F("get_magic", func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
				if err := py.NoArgs("get_magic", args, kw); err != nil {
					return nil, err
				}
				return py.NewStr("\x03\xf3\r\n"), nil
			}),
			native.F("new_module", newModule),
			native.F("acquire_lock", func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
				if err := py.NoArgs("acquire_lock", args, kw); err != nil {
					return nil, err
				}
				py.ImportLockAcquire(f)
				return py.None, nil
			}),
			native.F("release_lock", func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
				if err := py.NoArgs("release_lock", args, kw); err != nil {
					return nil, err
				}
				if !py.ImportLockRelease(f) {
					return nil, py.NewException(py.RuntimeErrorType, "not holding the import lock")
				}
				return py.None, nil
			}),
			native.F("lock_held", func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
				if err := py.NoArgs("lock_held", args, kw); err != nil {
					return nil, err
				}
				return py.NewBool(py.ImportLockHeld()), nil
			}),
			native.F("is_builtin", nameFn("is_builtin", func(f *py.Frame, name string) (py.Object, *py.BaseException) {
				switch {
				case name == "sys" || name == "__builtin__":
					return py.NewInt(-1), nil
				case isNative(name):
					return py.NewInt(1), nil
				}
				return py.NewInt(0), nil
			})),
			native.F("is_frozen", nameFn("is_frozen", func(f *py.Frame, name string) (py.Object, *py.BaseException) {
				return py.False, nil
			})),
			native.F("init_frozen", nameFn("init_frozen", func(f *py.Frame, name string) (py.Object, *py.BaseException) {
				return py.None, nil
			})),
			native.F("get_frozen_object", nameFn("get_frozen_object", func(f *py.Frame, name string) (py.Object, *py.BaseException) {
				return nil, py.NewException(py.ImportErrorType, "No such frozen object named "+name)
			})),
			native.F("init_builtin", nameFn("init_builtin", func(f *py.Frame, name string) (py.Object, *py.BaseException) {
				if name != "sys" && name != "__builtin__" && !isNative(name) {
					return py.None, nil
				}
				return py.ImportModule(f, name)
			})),
			native.F("find_module", findModule),
			native.F("load_module", loadModule),
			native.F("load_source", loadByName("load_source", pySource)),
			native.F("load_compiled", loadByName("load_compiled", pyCompiled)),
			native.F("load_package", loadByName("load_package", pkgDirectory)),
			native.F("load_dynamic", loadByName("load_dynamic", cExtension)),
			native.F("reload", func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
				return py.Call(f, py.Builtins.GetStr("reload"), args, kw)
			}),
		}
	})
}

// strArg is the "s" format unit: a str (unicode is encoded as ASCII).
func strArg(f *py.Frame, fname string, o py.Object) (string, *py.BaseException) {
	switch v := o.(type) {
	case *py.Str:
		return v.Value(), nil
	case *py.Unicode:
		e, err := py.Encode(f, v.Runes(), "ascii", "strict")
		if err != nil {
			return "", err
		}
		return e.(*py.Str).Value(), nil
	}
	return "", py.NewTypeError(fname + "() argument 1 must be string, not " + o.Type().Name())
}

// nameFn wraps a function of one string argument ("s:name").
func nameFn(fname string, fn func(f *py.Frame, name string) (py.Object, *py.BaseException)) native.Func {
	return func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		if err := native.NoKwArgs(fname, kw); err != nil {
			return nil, err
		}
		out := make([]py.Object, 1)
		if err := native.ParseTuple(fname, args, []string{"name"}, 1, out); err != nil {
			return nil, err
		}
		name, err := strArg(f, fname, out[0])
		if err != nil {
			return nil, err
		}
		return fn(f, name)
	}
}

// isNative reports a registered module without source: a Go module.
func isNative(name string) bool {
	file, _, ok := py.LookupModule(name)
	return ok && file == ""
}

func getSuffixes(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.NoArgs("get_suffixes", args, kw); err != nil {
		return nil, err
	}
	row := func(suffix, mode string, kind int64) py.Object {
		return py.NewTuple(py.NewStr(suffix), py.NewStr(mode), py.NewInt(kind))
	}
	return py.NewList(row(".so", "rb", cExtension), row("module.so", "rb", cExtension),
		row(".py", "U", pySource), row(".pyc", "rb", pyCompiled)), nil
}

func newModule(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := native.NoKwArgs("new_module", kw); err != nil {
		return nil, err
	}
	out := make([]py.Object, 1)
	if err := native.ParseTuple("new_module", args, []string{"name"}, 1, out); err != nil {
		return nil, err
	}
	name, err := strArg(f, "new_module", out[0])
	if err != nil {
		return nil, err
	}
	m := py.NewModule(name)
	m.Dict().SetStr("__package__", py.None)
	return m, nil
}

// description is find_module's (suffix, mode, type) triple.
func description(suffix, mode string, kind int64) py.Object {
	return py.NewTuple(py.NewStr(suffix), py.NewStr(mode), py.NewInt(kind))
}

// found builds find_module's answer for a registered module.
func found(f *py.Frame, name, file string, isPkg bool) (py.Object, *py.BaseException) {
	switch {
	case file == "":
		return py.NewTuple(py.None, py.NewStr(name), description("", "", cBuiltin)), nil
	case isPkg:
		return py.NewTuple(py.None, py.NewStr(filepath.Dir(file)), description("", "", pkgDirectory)), nil
	}
	// CPython hands back the open source file; the compiled-in module may
	// have no source at run time, in which case the file is None.
	var fobj py.Object = py.None
	if fh, err := py.OpenFile(f, file, "U"); err == nil {
		fobj = fh
	}
	return py.NewTuple(fobj, py.NewStr(file), description(".py", "U", pySource)), nil
}

func findModule(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := native.NoKwArgs("find_module", kw); err != nil {
		return nil, err
	}
	out := make([]py.Object, 2)
	if err := native.ParseTuple("find_module", args, []string{"name", "path"}, 1, out); err != nil {
		return nil, err
	}
	name, err := strArg(f, "find_module", out[0])
	if err != nil {
		return nil, err
	}
	notFound := py.NewException(py.ImportErrorType, "No module named "+name)
	if out[1] == nil || out[1] == py.None {
		if name == "sys" || name == "__builtin__" {
			return found(f, name, "", false)
		}
		file, isPkg, ok := py.LookupModule(name)
		if !ok {
			return nil, notFound
		}
		return found(f, name, file, isPkg)
	}
	// A search path: the module is the registered one whose source sat in
	// one of its directories (as name.py or name/__init__.py).
	dirs, err := py.ToSlice(f, out[1])
	if err != nil {
		return nil, err
	}
	var modules []string
	for _, m := range py.RegisteredModules() {
		if m == name || strings.HasSuffix(m, "."+name) {
			modules = append(modules, m)
		}
	}
	for _, d := range dirs {
		ds, ok := d.(*py.Str)
		if !ok {
			continue
		}
		dir := filepath.Clean(ds.Value())
		for _, m := range modules {
			file, isPkg, _ := py.LookupModule(m)
			if file == "" {
				continue
			}
			want := filepath.Join(dir, name+".py")
			if isPkg {
				want = filepath.Join(dir, name, "__init__.py")
			}
			if filepath.Clean(file) == want || (!filepath.IsAbs(file) && strings.HasSuffix(want, string(filepath.Separator)+filepath.Clean(file))) {
				return found(f, m, file, isPkg)
			}
		}
	}
	return nil, notFound
}

// load imports the compiled-in module name; one already imported is
// re-executed (reloaded) as CPython's load_module does, except native
// modules, which are initialised once.
func load(f *py.Frame, name string, kind int64) (py.Object, *py.BaseException) {
	switch kind {
	case pySource, pyCompiled, pkgDirectory, cBuiltin, pyFrozen, cExtension:
	default:
		return nil, py.NewException(py.ImportErrorType, "Don't know how to import "+name+" (type code "+native.Itoa(int(kind))+")")
	}
	if kind == cExtension {
		return nil, py.NewException(py.ImportErrorType, "No module named "+name+" (shared libraries cannot be loaded by a transpiled program)")
	}
	if name == "sys" || name == "__builtin__" {
		return py.ImportModule(f, name)
	}
	file, _, ok := py.LookupModule(name)
	if !ok {
		if kind == cBuiltin {
			return nil, py.NewException(py.ImportErrorType, "Purported builtin module "+name+" not found")
		}
		return nil, py.NewException(py.ImportErrorType, "No module named "+name+" (only modules transpiled into the program can be loaded)")
	}
	if m := py.SysModules.GetStr(name); m != nil && m != py.None && file != "" {
		return py.Call(f, py.Builtins.GetStr("reload"), []py.Object{m}, nil)
	}
	return py.ImportModule(f, name)
}

func loadModule(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := native.NoKwArgs("load_module", kw); err != nil {
		return nil, err
	}
	out := make([]py.Object, 4)
	if err := native.ParseTuple("load_module", args, []string{"name", "file", "pathname", "description"}, 4, out); err != nil {
		return nil, err
	}
	name, err := strArg(f, "load_module", out[0])
	if err != nil {
		return nil, err
	}
	desc, ok := out[3].(*py.Tuple)
	if !ok || len(desc.Elems()) != 3 {
		return nil, py.NewTypeError("load_module() argument 4 must be tuple, not " + out[3].Type().Name())
	}
	kind, err := native.Int(f, desc.Elems()[2])
	if err != nil {
		return nil, err
	}
	return load(f, name, int64(kind))
}

// loadByName is load_source/load_compiled/load_package/load_dynamic
// (name, pathname[, file]).
func loadByName(fname string, kind int64) native.Func {
	return func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		if err := native.NoKwArgs(fname, kw); err != nil {
			return nil, err
		}
		out := make([]py.Object, 3)
		required := 2
		names := []string{"name", "pathname", "file"}
		if kind == pkgDirectory {
			names = names[:2]
			out = out[:2]
		}
		if err := native.ParseTuple(fname, args, names, required, out); err != nil {
			return nil, err
		}
		name, err := strArg(f, fname, out[0])
		if err != nil {
			return nil, err
		}
		return load(f, name, kind)
	}
}
