package py

import (
	"os"
	"sort"
	"strings"
	"sync"
)

// SysModule is the `sys` module, built natively because the runtime
// itself depends on it (stdout, modules, exc_info).
var SysModule = NewModule("sys")

// BuiltinModule is `__builtin__`.
var BuiltinModule = &Module{name: "__builtin__", dict: Builtins}

// exitStatus parsing happens in RunMain; sys.exit just raises.
func init() {
	d := SysModule.dict
	d.setStr("modules", SysModules)
	d.setStr("stdout", Stdout)
	d.setStr("stderr", Stderr)
	d.setStr("stdin", Stdin)
	d.setStr("__stdout__", Stdout)
	d.setStr("__stderr__", Stderr)
	d.setStr("__stdin__", Stdin)
	d.setStr("argv", NewList(NewStr("")))
	d.setStr("path", NewList(NewStr("")))
	d.setStr("maxint", NewInt(1<<63-1))
	d.setStr("maxsize", NewInt(1<<63-1))
	d.setStr("maxunicode", NewInt(0x10ffff))
	d.setStr("version", NewStr("2.7.18 (grumpy-audit Go runtime)"))
	d.setStr("hexversion", NewInt(0x020712f0))
	// site.py installs the copyright() helper from it; this runtime's own notice
	d.setStr("copyright", NewStr("Copyright (c) the grumpy-audit authors."))
	d.setStr("platform", NewStr("linux2"))
	d.setStr("byteorder", NewStr("little"))
	d.setStr("builtin_module_names", NewTuple(NewStr("__builtin__"), NewStr("sys")))
	d.setStr("warnoptions", NewList())
	d.setStr("dont_write_bytecode", True)
	d.setStr("py3kwarning", False)
	d.setStr("subversion", NewTuple(NewStr("CPython"), emptyStr, emptyStr))
	d.setStr("prefix", NewStr("/usr"))
	d.setStr("exec_prefix", NewStr("/usr"))
	d.setStr("float_repr_style", NewStr("short"))
	d.setStr("meta_path", NewList())
	d.setStr("path_hooks", NewList())
	d.setStr("path_importer_cache", NewDict())
	exe, _ := os.Executable()
	d.setStr("executable", NewStr(exe))
	fn := func(name string, body func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException)) {
		b := NewBuiltinFunction(name, body)
		b.module = "sys"
		d.setStr(name, b)
	}
	fn("exit", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := UnpackArgs("exit", args, kw, 0, 1); err != nil {
			return nil, err
		}
		if len(args) == 0 {
			return nil, NewExceptionArgs(SystemExitType)
		}
		return nil, NewExceptionArgs(SystemExitType, args[0])
	})
	fn("exc_info", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := NoArgs("exc_info", args, kw); err != nil {
			return nil, err
		}
		e := f.ExcInfo()
		if e == nil {
			return NewTuple(None, None, None), nil
		}
		return NewTuple(e.ExcType(), e.Value(), e.TracebackObject()), nil
	})
	fn("exc_clear", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		for fr := f; fr != nil; fr = fr.Back {
			fr.exc = nil
		}
		return None, nil
	})
	// Tracing and profiling hooks need per-line events the generated code
	// does not produce. Turning them off is what a Go program always is;
	// turning them on is the analyzer's dynamic-trace blocker.
	for _, name := range []string{"settrace", "setprofile"} {
		fn(name, offOnlyHook("sys", name))
	}
	for _, name := range []string{"gettrace", "getprofile"} {
		name := name
		fn(name, func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
			if err := UnpackArgs(name, args, kw, 0, 0); err != nil {
				return nil, err
			}
			return None, nil
		})
	}
	fn("getrecursionlimit", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		return NewInt(int64(recursionLimit)), nil
	})
	fn("setrecursionlimit", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := OneArg("setrecursionlimit", args, kw); err != nil {
			return nil, err
		}
		n, err := IndexInt(f, args[0], "an integer is required")
		if err != nil {
			return nil, err
		}
		if n <= 0 {
			return nil, NewValueError("recursion limit must be positive")
		}
		recursionLimit = n
		return None, nil
	})
	fn("getdefaultencoding", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		return NewStr(defaultEncoding), nil
	})
	fn("getfilesystemencoding", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		return NewStr("UTF-8"), nil
	})
	fn("getrefcount", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		return NewInt(2), nil
	})
	fn("getsizeof", sysGetsizeof)
	fn("_getframe", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		depth := 0
		if len(args) > 0 {
			n, err := IndexInt(f, args[0], "an integer is required")
			if err != nil {
				return nil, err
			}
			depth = n
		}
		fr := f
		for i := 0; i < depth && fr != nil; i++ {
			fr = fr.Back
		}
		if fr == nil {
			return nil, NewValueError("call stack is not deep enough")
		}
		return frameView(fr), nil
	})
	SysModules.setStr("sys", SysModule)
	SysModules.setStr("__builtin__", BuiltinModule)
}

var startupOnce sync.Once

// startup finishes sys once every package's init() has run: native modules register themselves
// in init(), after this package's own, so sys.builtin_module_names (which os.py reads to pick
// posix) can only be filled in when a program starts.
func startup() {
	startupOnce.Do(func() {
		registryMu.Lock()
		var names []string
		for name, spec := range registry {
			if spec.Filename == "" && !strings.Contains(name, ".") {
				names = append(names, name)
			}
		}
		registryMu.Unlock()
		names = append(names, "__builtin__", "sys")
		sort.Strings(names)
		elems := make([]Object, 0, len(names))
		for i, n := range names {
			if i > 0 && n == names[i-1] {
				continue
			}
			elems = append(elems, NewStr(n))
		}
		SysModule.dict.setStr("builtin_module_names", NewTuple(elems...))
	})
}

// offOnlyHook is settrace/setprofile of sys or threading: the generated
// code makes no per-line events, so a hook can only be turned off; turning
// one on is the analyzer's dynamic-trace blocker.
func offOnlyHook(module, name string) func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
	return func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := OneArg(name, args, kw); err != nil {
			return nil, err
		}
		if args[0] != None {
			return nil, NewNotImplemented(module+"."+name+"() with a function", "dynamic-trace")
		}
		return None, nil
	}
}
