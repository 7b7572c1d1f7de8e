// Package golden runs a module's testdata/cases.txt against the Go module
// and compares each result with testdata/expected.txt, which CPython 2.7
// produced through modules/gen_expected.py.
//
// A case is a tiny subset of Python: statements separated by " ;; ", each
// `name = expr` or `expr`; expressions are literals (int, long, float,
// complex, str, unicode, tuple, list, dict, None/True/False), names,
// attribute access, calls with keyword arguments, subscripts and slices,
// unary minus/plus/~, and the binary operators + - * / // % ** & | ^ << >>
// and comparisons == != < <= > >=. That keeps the cases readable as Python
// while the Go side needs no transpiler.
package golden

import (
	"bufio"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

var addrRe = regexp.MustCompile(`0x[0-9a-fA-F]+`)

// Run evaluates every case of dir/expected.txt and reports mismatches.
// Cases listed in dir/known_differences.txt (one case per line) are known
// not to match CPython yet: they are logged, and fail only if they start
// to match, so the list stays true.
func Run(t *testing.T, dir string) {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(dir, "cases.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var module string
	var imports []string
	for _, line := range strings.Split(string(src), "\n") {
		if strings.HasPrefix(line, "# module:") {
			module = strings.TrimSpace(line[len("# module:"):])
		}
		if strings.HasPrefix(line, "# imports:") {
			imports = strings.Fields(line[len("# imports:"):])
		}
	}
	known := map[string]bool{}
	if kd, err := os.ReadFile(filepath.Join(dir, "known_differences.txt")); err == nil {
		for _, line := range strings.Split(string(kd), "\n") {
			if line != "" && !strings.HasPrefix(line, "#") {
				known[line] = true
			}
		}
	}
	fp, err := os.Open(filepath.Join(dir, "expected.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer fp.Close()
	sc := bufio.NewScanner(fp)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	n, fails := 0, 0
	for sc.Scan() {
		line := sc.Text()
		i := strings.LastIndex(line, "\t")
		if i < 0 {
			t.Fatalf("malformed expected line %q", line)
		}
		code, want := line[:i], line[i+1:]
		got := Eval(module, imports, code)
		n++
		if known[code] {
			if got == want {
				t.Errorf("%s now matches CPython: remove it from known_differences.txt", code)
			} else {
				t.Logf("known difference: %s\n   got: %s\n  want: %s", code, got, want)
			}
			continue
		}
		if got != want {
			fails++
			t.Errorf("%s\n   got: %s\n  want: %s", code, got, want)
		}
	}
	if n == 0 {
		t.Fatal("no cases in " + dir)
	}
	t.Logf("%d cases, %d failures", n, fails)
}

// Eval runs one case and formats its result like gen_expected.py.
func Eval(module string, imports []string, code string) (out string) {
	f := py.NewRootFrame()
	env := &env{vars: map[string]py.Object{}}
	m, err := py.ImportModule(f, module)
	if err != nil {
		return format(f, nil, err)
	}
	env.module = m
	// `from m import *` runs after `import m`, so a member named like the
	// module (time.time) wins
	if _, err := py.GetAttr(f, m, module); err != nil || strings.HasPrefix(module, "_") {
		env.vars[module] = m
	}
	for _, name := range imports {
		im, err := py.ImportModule(f, name)
		if err != nil {
			return format(f, nil, err)
		}
		env.vars[name] = im
	}
	parts := strings.Split(code, " ;; ")
	var v py.Object
	for _, st := range parts {
		p := &parser{src: st, env: env, f: f}
		v, err = p.statement()
		if err != nil {
			return format(f, nil, err)
		}
	}
	return format(f, v, nil)
}

func format(f *py.Frame, v py.Object, err *py.BaseException) string {
	var s string
	if err != nil {
		msg := ""
		if so, e2 := py.ToStr(f, err); e2 == nil {
			msg = so.Value()
		}
		s = "!" + err.Type().Name() + ": " + msg
	} else {
		r, e2 := py.Repr(f, v)
		if e2 != nil {
			return format(f, nil, e2)
		}
		s = r.Value()
	}
	s = addrRe.ReplaceAllString(s, "0x?")
	return strings.ReplaceAll(s, "\n", `\n`)
}
