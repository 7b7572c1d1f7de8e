package py

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// CPython records a module's file as the path it was found under: a
// sys.path entry (or the parent package's __path__) joined with the
// module's name, so the same module prints as "pkg/mod.py" when found
// through '' and as "/abs/pkg/mod.py" when found through an absolute
// entry (a script's directory, unittest discovery's top-level dir).
// Transpiled modules carry the path relative to their source root; at
// import they are re-pointed at the path CPython would have used, when the
// source file is there to be found. Without the source tree (a deployed
// binary) the compiled path stays.

var (
	codesMu     sync.Mutex
	codesByFile = map[string][]*Code{} // compiled relative filename -> its code objects
)

func isRelativeSource(filename string) bool {
	return filename != "" && filename[0] != '/' && filename[0] != '<'
}

func registerCode(c *Code) {
	codesMu.Lock()
	codesByFile[c.Filename] = append(codesByFile[c.Filename], c)
	codesMu.Unlock()
}

// relocateCodes points the code objects compiled for file `from` at `to`.
// It runs under the import lock, before the module body runs.
func relocateCodes(from, to string) {
	if from == to || !isRelativeSource(from) {
		return
	}
	codesMu.Lock()
	for _, c := range codesByFile[from] {
		c.Filename = to
	}
	codesMu.Unlock()
}

// locateSource is the file CPython would load spec from: searched in the
// parent package's __path__ or in sys.path, like the import machinery.
func locateSource(spec *ModuleSpec) string {
	if !isRelativeSource(spec.Filename) {
		return spec.Filename
	}
	name, tail := spec.Name, spec.Name
	var dirs []Object
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		tail = name[i+1:]
		if parent, ok := SysModules.getStr(name[:i]).(*Module); ok {
			if l, ok := parent.dict.getStr("__path__").(*List); ok {
				dirs = l.Snapshot()
			}
		}
	} else if l, ok := SysModule.dict.getStr("path").(*List); ok {
		dirs = l.Snapshot()
	}
	if spec.IsPackage {
		tail += "/__init__.py"
	} else {
		tail += ".py"
	}
	for _, d := range dirs {
		dir, ok := d.(*Str)
		if !ok {
			continue
		}
		cand := tail
		if dir.s != "" {
			cand = strings.TrimSuffix(dir.s, "/") + "/" + tail
		}
		if st, err := os.Stat(cand); err == nil && st.Mode().IsRegular() {
			return cand
		}
	}
	return spec.Filename
}

// absSource is filename made absolute, if the file is there.
func absSource(filename string) (string, bool) {
	if !isRelativeSource(filename) {
		return filename, false
	}
	abs, err := filepath.Abs(filename)
	if err != nil {
		return filename, false
	}
	if st, err := os.Stat(abs); err != nil || !st.Mode().IsRegular() {
		return filename, false
	}
	return abs, true
}

// initialSysPath is sys.path at start-up: ” under -m, else the script's
// directory, made absolute through realpath as CPython 2.7 does; then the
// PYTHONPATH entries.
func initialSysPath(argv0 string, moduleMode bool) *List {
	first := ""
	if !moduleMode {
		if real, err := filepath.EvalSymlinks(argv0); err == nil {
			if abs, err := filepath.Abs(real); err == nil {
				first = filepath.Dir(abs)
			}
		} else if i := strings.LastIndexByte(argv0, '/'); i >= 0 {
			first = argv0[:i]
		}
	}
	elems := []Object{NewStr(first)}
	for _, p := range filepath.SplitList(os.Getenv("PYTHONPATH")) {
		if p != "" {
			elems = append(elems, NewStr(p))
		}
	}
	return NewList(elems...)
}

// addRunpyFrames puts runpy's frames above the module's, as the traceback
// of an uncaught exception under `python2.7 -m` shows them.
func addRunpyFrames(e *BaseException) {
	e.tb = append(e.tb,
		stdlibFrame("runpy.py", "_run_code", 72),
		stdlibFrame("runpy.py", "_run_module_as_main", 174))
}

// stdlibFrame is a traceback entry for a line of CPython 2.7.18's own Lib
// code that the native runtime stands in for.
func stdlibFrame(file, function string, line int) tbEntry {
	return tbEntry{code: &Code{Name: function, Filename: StdlibDir + "/" + file}, line: line}
}
