package all

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

const prefix = "github.com/grumpy-audit/grumpy-audit/runtime-go/modules/"

// TestEveryModuleIsLinked checks that all.go imports every module package,
// that each package registers its module, and that each has its CPython
// golden cases.
func TestEveryModuleIsLinked(t *testing.T) {
	file, err := parser.ParseFile(token.NewFileSet(), "all.go", nil, parser.ImportsOnly)
	if err != nil {
		t.Fatal(err)
	}
	imported := map[string]bool{}
	for _, imp := range file.Imports {
		p, _ := strconv.Unquote(imp.Path.Value)
		imported[p] = true
	}
	entries, err := os.ReadDir("..")
	if err != nil {
		t.Fatal(err)
	}
	registered := map[string]bool{}
	for _, name := range py.RegisteredModules() {
		registered[name] = true
	}
	n := 0
	for _, e := range entries {
		if !e.IsDir() || e.Name() == "all" || e.Name() == "internal" {
			continue
		}
		n++
		dir := e.Name()
		if !imported[prefix+dir] {
			t.Errorf("modules/all does not import modules/%s", dir)
		}
		// Go ignores directories starting with "_", so _sre lives in sre/.
		if !registered[dir] && !registered["_"+dir] {
			t.Errorf("modules/%s registers neither %q nor %q", dir, dir, "_"+dir)
		}
		// A module built on a stdlib module written in Python (cPickle on pickle.py) cannot run
		// here: it names the conformance programs that test it instead.
		if _, err := os.Stat(filepath.Join("..", dir, "testdata", "conformance.txt")); err == nil {
			continue
		}
		for _, f := range []string{"cases.txt", "expected.txt"} {
			if _, err := os.Stat(filepath.Join("..", dir, "testdata", f)); err != nil {
				t.Errorf("modules/%s has no testdata/%s", dir, f)
			}
		}
	}
	if n == 0 {
		t.Fatal("no module directories found")
	}
}
