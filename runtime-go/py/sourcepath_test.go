package py

import (
	"os"
	"path/filepath"
	"testing"
)

// A transpiled module's file follows the sys.path entry (or parent
// __path__) it is found under, as CPython's import records it.
func TestLocateSourceFollowsSysPath(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "pkg"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"pkg/__init__.py", "pkg/mod.py", "top.py"} {
		if err := os.WriteFile(filepath.Join(dir, f), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	saved := SysModule.dict.getStr("path")
	defer SysModule.dict.setStr("path", saved)

	SysModule.dict.setStr("path", NewList(NewStr("/nonexistent"), NewStr(dir)))
	if got := locateSource(&ModuleSpec{Name: "top", Filename: "top.py"}); got != dir+"/top.py" {
		t.Errorf("top: %q", got)
	}
	pkg := &ModuleSpec{Name: "pkg", Filename: "pkg/__init__.py", IsPackage: true}
	if got := locateSource(pkg); got != dir+"/pkg/__init__.py" {
		t.Errorf("pkg: %q", got)
	}
	// a submodule is searched in its package's __path__, not in sys.path
	m := NewModule("pkg")
	m.dict.setStr("__path__", NewList(NewStr("elsewhere")))
	SysModules.setStr("pkg", m)
	defer SysModules.delStr("pkg")
	if got := locateSource(&ModuleSpec{Name: "pkg.mod", Filename: "pkg/mod.py"}); got != "pkg/mod.py" {
		t.Errorf("pkg.mod without its file under __path__ keeps the compiled path: %q", got)
	}
	m.dict.setStr("__path__", NewList(NewStr(dir+"/pkg")))
	if got := locateSource(&ModuleSpec{Name: "pkg.mod", Filename: "pkg/mod.py"}); got != dir+"/pkg/mod.py" {
		t.Errorf("pkg.mod: %q", got)
	}
	// absolute (stdlib) and native specs are left alone
	if got := locateSource(&ModuleSpec{Name: "os", Filename: "/lib/os.py"}); got != "/lib/os.py" {
		t.Errorf("stdlib: %q", got)
	}
}

func TestRelocateCodes(t *testing.T) {
	c := NewCode("f", "reloc_test/m.py", nil)
	relocateCodes("reloc_test/m.py", "/abs/reloc_test/m.py")
	if c.Filename != "/abs/reloc_test/m.py" {
		t.Errorf("code filename %q", c.Filename)
	}
}

func TestInitialSysPath(t *testing.T) {
	if got := initialSysPath("x/prog.py", true).Snapshot()[0].(*Str).s; got != "" {
		t.Errorf("-m: sys.path[0] = %q", got)
	}
	dir := t.TempDir()
	script := filepath.Join(dir, "prog.py")
	if err := os.WriteFile(script, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	real, _ := filepath.EvalSymlinks(dir)
	if got := initialSysPath(script, false).Snapshot()[0].(*Str).s; got != real {
		t.Errorf("script: sys.path[0] = %q, want %q", got, real)
	}
}
