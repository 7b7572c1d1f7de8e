package py

import (
	"os"
	"runtime/debug"
	"runtime/pprof"
	"strings"
)

// RunMain runs the registered module entry as __main__ the way
// `python2.7 entry.py args...` does, and returns the process exit status:
// sys.argv is [script, args...] (script from GRUMPY_ARGV0 when set, else
// the module's filename); an uncaught exception prints its traceback to
// stderr and gives 1; SystemExit(None) gives 0, SystemExit(int) that int,
// any other SystemExit value is printed to stderr and gives 1. stdout is
// flushed last. Generated main() calls os.Exit(py.RunMain("pkg.mod")).
func RunMain(entry string) int {
	return runMain(entry, os.Args[1:], false)
}

// RunImport imports one module the way `python2.7 -c 'import name'` would, for import checks:
// 0 on success; else the exception (without traceback) on stderr and 1.
func RunImport(name string) int {
	startup()
	f := NewRootFrame()
	err := preloadSite(f)
	if err == nil {
		_, err = ImportModule(f, name)
	}
	status := 0
	if err != nil {
		if err.classic == nil && err.typ.IsSubtype(SystemExitType) {
			status = systemExitStatus(f, err)
		} else {
			flushStdout()
			writeStderr(f, FormatExceptionOnly(f, err))
			status = 1
		}
	}
	waitForThreads()
	flushOpenFiles()
	flushStdFiles()
	return status
}

// preloadSite imports os when the program contains it, as CPython's
// site.py does before any program runs: posixpath and genericpath rely
// on os being imported first to get through their import cycle with it.
// Like a failing site import under CPython, a failure is reported on one
// line and the program still runs (it meets the error again if it
// imports os itself).
func preloadSite(f *Frame) *BaseException {
	if lookupSpec("os") == nil {
		return nil
	}
	if _, err := ImportModule(f, "os"); err != nil {
		os.Stderr.WriteString("'import site' failed; use -v for traceback\n")
	}
	return nil
}

// StdlibDir is the CPython 2.7 Lib the program was transpiled against
// (set by the generated main when one was found). Tracebacks use it to show
// the stdlib frames CPython has above the program's: runpy's under
// RunModuleAsMain, threading's above a thread's run.
var StdlibDir string

// RunModuleAsMain runs entry like `python2.7 -m entry args...`: sys.path[0]
// is ”, a package runs its __main__ submodule, and the module's file is
// absolute, as runpy makes it.
func RunModuleAsMain(entry string, args []string) int {
	return runMain(entry, args, true)
}

func runMain(entry string, args []string, moduleMode bool) int {
	if os.Getenv("GOGC") == "" {
		// Python programs allocate many short-lived small objects; a
		// larger heap target trades memory for ~25% less GC CPU.
		debug.SetGCPercent(400)
	}
	if path := os.Getenv("GRUMPY_CPUPROFILE"); path != "" {
		// a developer hook for profiling generated programs with pprof
		if pf, err := os.Create(path); err == nil && pprof.StartCPUProfile(pf) == nil {
			defer func() { pprof.StopCPUProfile(); pf.Close() }()
		}
	}
	installSignalHandlers()
	startup()
	spec := lookupSpec(entry)
	if spec == nil {
		os.Stderr.WriteString("grumpy-audit: no module named " + entry + "\n")
		return 2
	}
	if spec.IsPackage {
		// like `python2.7 -m pkg`: the package's __main__ submodule runs
		if spec = lookupSpec(entry + ".__main__"); spec == nil {
			os.Stderr.WriteString("grumpy-audit: no module named " + entry + ".__main__; '" + entry + "' is a package and cannot be directly executed\n")
			return 2
		}
		entry += ".__main__"
	}
	argv0 := os.Getenv("GRUMPY_ARGV0")
	if argv0 == "" {
		argv0 = spec.Filename
	}
	argv := []Object{NewStr(argv0)}
	for _, a := range args {
		argv = append(argv, NewStr(a))
	}
	SysModule.dict.setStr("argv", NewList(argv...))
	if spec.Filename != "" {
		SysModule.dict.setStr("path", initialSysPath(argv0, moduleMode))
	}
	mainFile := spec.Filename
	if moduleMode {
		if abs, ok := absSource(spec.Filename); ok {
			mainFile = abs
		}
	}
	SysModule.dict.setStr("builtin_module_names", builtinModuleNames())
	root := &Frame{Code: runtimeRootCode, thread: mainThread}
	err := preloadSite(root)
	if i := strings.LastIndexByte(entry, '.'); i >= 0 && err == nil {
		// like `python -m pkg.mod`: the parent packages are imported first
		_, err = ImportModule(root, entry[:i])
	}
	if err == nil {
		_, err = runModuleFrom(root, spec, "__main__", mainFile)
	}
	status := 0
	if err != nil {
		if moduleMode && StdlibDir != "" {
			addRunpyFrames(err)
		}
		status = handleUncaught(root, err)
	}
	waitForThreads()
	flushLine(root)
	if st, exited := callExitFunc(root); exited {
		status = st
	}
	finalizeAtExit(root)
	flushOpenFiles()
	flushStdFiles()
	return status
}

// flushLine finishes a line left open by `print x,`, as CPython's
// Py_FlushLine does at exit.
func flushLine(f *Frame) {
	if out := SysModule.dict.getStr("stdout"); out != nil {
		if ss, _ := getSoftspace(f, out); ss {
			_ = fileWrite(f, out, NewStr("\n"))
			_ = setSoftspace(f, out, false)
		}
	}
}

// callExitFunc runs sys.exitfunc (atexit.py installs it) as CPython's
// call_sys_exitfunc does: removed from sys first, its errors printed after
// "Error in sys.exitfunc:", and a SystemExit from it setting the exit
// status (exited reports that).
func callExitFunc(f *Frame) (status int, exited bool) {
	fn := SysModule.dict.getStr("exitfunc")
	if fn == nil {
		return 0, false
	}
	SysModule.dict.delStr("exitfunc")
	_, err := Call(f, fn, nil, nil)
	defer flushLine(f)
	if err == nil {
		return 0, false
	}
	if err.classic == nil && err.typ.IsSubtype(SystemExitType) {
		return systemExitStatus(f, err), true
	}
	flushStdout()
	writeStderr(f, "Error in sys.exitfunc:\n")
	handleUncaught(f, err)
	return 0, false
}

// handleUncaught prints an uncaught exception like PyErr_PrintEx and
// returns the exit status.
func handleUncaught(f *Frame, err *BaseException) int {
	if err.classic == nil && err.typ.IsSubtype(SystemExitType) {
		return systemExitStatus(f, err)
	}
	flushStdout()
	hook := SysModule.dict.getStr("excepthook")
	if hook != nil && hook != SysModule.dict.getStr("__excepthook__") {
		// a user-installed sys.excepthook prints the exception instead
		if _, herr := Call(f, hook, []Object{err.ExcType(), err.Value(), err.TracebackObject()}, nil); herr == nil {
			return 1
		}
	}
	writeStderr(f, FormatTraceback(f, err))
	return 1
}

func systemExitStatus(f *Frame, err *BaseException) int {
	var code Object = None
	if len(err.args.elems) == 1 {
		code = err.args.elems[0]
	} else if len(err.args.elems) > 1 {
		code = err.args
	}
	switch c := code.(type) {
	case *NoneObject:
		return 0
	case *Int:
		return int(c.v)
	}
	s, serr := ToStr(f, code)
	flushStdout()
	if serr == nil {
		writeStderr(f, s.s+"\n")
	}
	return 1
}

func flushStdout() {
	if out, ok := SysModule.dict.getStr("stdout").(*File); ok {
		out.Flush()
	}
	Stdout.Flush()
}

func flushStdFiles() {
	flushStdout()
	Stderr.Flush()
}

// writeStderr writes to sys.stderr (falling back to the process stderr).
func writeStderr(f *Frame, s string) {
	if e, ok := SysModule.dict.getStr("stderr").(*File); ok {
		e.WriteString(s)
		e.Flush()
		return
	}
	if e := SysModule.dict.getStr("stderr"); e != nil {
		if fileWrite(f, e, NewStr(s)) == nil {
			return
		}
	}
	Stderr.WriteString(s)
	Stderr.Flush()
}

// RedirectStdFiles points sys.stdout and sys.stderr at the given files
// (for tests and embedding) and returns a function restoring them.
func RedirectStdFiles(stdout, stderr *os.File) func() {
	oldOut, oldErr := SysModule.dict.getStr("stdout"), SysModule.dict.getStr("stderr")
	SysModule.dict.setStr("stdout", NewFileFromOS(stdout, "<stdout>", "w"))
	e := NewFileFromOS(stderr, "<stderr>", "w")
	e.unbuf = true
	SysModule.dict.setStr("stderr", e)
	return func() {
		flushStdout()
		SysModule.dict.setStr("stdout", oldOut)
		SysModule.dict.setStr("stderr", oldErr)
	}
}
