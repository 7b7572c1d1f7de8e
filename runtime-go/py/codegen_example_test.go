// This file is the hand-written reference for what the transpiler emits
// for testdata/codegen/example.py (see CODEGEN.md). The test runs it as
// __main__ and compares stdout, stderr and the exit status with the
// goldens CPython 2.7 produced (testdata/gen_goldens.py).

package py_test

import (
	"os"
	"path/filepath"
	"testing"

	py "github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

// ---- generated code starts here (module "example") ----

const exampleFile = "example.py"

var exampleLines = []string{
	"import sys",
	"",
	"def greet(name, greeting=\"Hello\"):",
	"    return \"%s, %s!\" % (greeting, name)",
	"",
	"class Counter(object):",
	"    def __init__(self, start=0):",
	"        self.n = start",
	"",
	"    def incr(self, by=1):",
	"        self.n += by",
	"        return self.n",
	"",
	"def main():",
	"    c = Counter(10)",
	"    total = 0",
	"    for i in range(5):",
	"        total += c.incr(i)",
	"    print greet(\"world\"), total",
	"    print greet(\"Go\", greeting=\"Hi\"),",
	"    print c.n",
	"    d = {'a': 1, 'b': 2.5}",
	"    try:",
	"        d['c']",
	"    except KeyError as e:",
	"        print \"missing\", e, d",
	"    print len(sys.argv) > 0",
	"    return c",
	"",
	"c = main()",
	"c.incr(\"x\")",
}

var (
	exCodeGreet   = py.NewCode("greet", exampleFile, exampleLines)
	exCodeCounter = py.NewCode("Counter", exampleFile, exampleLines)
	exCodeInit    = py.NewCode("__init__", exampleFile, exampleLines)
	exCodeIncr    = py.NewCode("incr", exampleFile, exampleLines)
	exCodeMain    = py.NewCode("main", exampleFile, exampleLines)

	exNameSys      = py.NewStr("sys")
	exNameGreet    = py.NewStr("greet")
	exNameCounter  = py.NewStr("Counter")
	exNameObject   = py.NewStr("object")
	exNameInit     = py.NewStr("__init__")
	exNameIncr     = py.NewStr("incr")
	exNameMain     = py.NewStr("main")
	exNameRange    = py.NewStr("range")
	exNameKeyError = py.NewStr("KeyError")
	exNameLen      = py.NewStr("len")
	exNameC        = py.NewStr("c")

	exStrHello   = py.NewStr("Hello")
	exStrFmt     = py.NewStr("%s, %s!")
	exStrWorld   = py.NewStr("world")
	exStrGo      = py.NewStr("Go")
	exStrHi      = py.NewStr("Hi")
	exStrA       = py.NewStr("a")
	exStrB       = py.NewStr("b")
	exStrCKey    = py.NewStr("c")
	exStrMissing = py.NewStr("missing")
	exStrX       = py.NewStr("x")
	exFloat2_5   = py.NewFloat(2.5)
)

func init() {
	py.RegisterModule(py.ModuleSpec{Name: "example", Filename: exampleFile, Lines: exampleLines, Init: exampleModule})
}

func exampleModule(f *py.Frame, m *py.Module) *py.BaseException {
	// import sys
	f.Line = 1
	mod, err := py.Import(f, "sys", nil)
	if err != nil {
		return err
	}
	py.StoreGlobal(f, exNameSys, mod)

	// def greet(name, greeting="Hello"):
	f.Line = 3
	py.StoreGlobal(f, exNameGreet, py.NewFunction(py.FuncSpec{
		Name: "greet", Code: exCodeGreet, Params: []string{"name", "greeting"},
		Defaults: []py.Object{exStrHello},
	}, f.Globals, exGreet))

	// class Counter(object):
	f.Line = 6
	base, err := py.LoadName(f, exNameObject)
	if err != nil {
		return err
	}
	ns := py.NewDict()
	if err := py.RunClassBody(f, exCodeCounter, ns, exCounterBody); err != nil {
		return err
	}
	cls, err := py.BuildClass(f, "Counter", []py.Object{base}, ns)
	if err != nil {
		return err
	}
	py.StoreGlobal(f, exNameCounter, cls)

	// def main():
	f.Line = 14
	py.StoreGlobal(f, exNameMain, py.NewFunction(py.FuncSpec{Name: "main", Code: exCodeMain}, f.Globals, exMain))

	// c = main()
	f.Line = 30
	fn, err := py.LoadName(f, exNameMain)
	if err != nil {
		return err
	}
	r, err := py.Call0(f, fn)
	if err != nil {
		return err
	}
	py.StoreGlobal(f, exNameC, r)

	// c.incr("x")
	f.Line = 31
	c, err := py.LoadName(f, exNameC)
	if err != nil {
		return err
	}
	if _, err := py.CallMethod(f, c, "incr", []py.Object{exStrX}, nil); err != nil {
		return err
	}
	return nil
}

func exGreet(f *py.Frame, args []py.Object) (py.Object, *py.BaseException) {
	name, greeting := args[0], args[1]
	f.Line = 4
	return py.Mod(f, exStrFmt, py.NewTuple(greeting, name))
}

func exCounterBody(f *py.Frame, ns *py.Dict) *py.BaseException {
	f.Line = 7
	if err := ns.SetItem(f, exNameInit, py.NewFunction(py.FuncSpec{
		Name: "__init__", Code: exCodeInit, Params: []string{"self", "start"},
		Defaults: []py.Object{py.NewInt(0)},
	}, f.Globals, exInit)); err != nil {
		return err
	}
	f.Line = 10
	return ns.SetItem(f, exNameIncr, py.NewFunction(py.FuncSpec{
		Name: "incr", Code: exCodeIncr, Params: []string{"self", "by"},
		Defaults: []py.Object{py.NewInt(1)},
	}, f.Globals, exIncr))
}

func exInit(f *py.Frame, args []py.Object) (py.Object, *py.BaseException) {
	self, start := args[0], args[1]
	f.Line = 8
	if err := py.SetAttr(f, self, "n", start); err != nil {
		return nil, err
	}
	return py.None, nil
}

func exIncr(f *py.Frame, args []py.Object) (py.Object, *py.BaseException) {
	self, by := args[0], args[1]
	f.Line = 11
	n, err := py.GetAttr(f, self, "n")
	if err != nil {
		return nil, err
	}
	n, err = py.IAdd(f, n, by)
	if err != nil {
		return nil, err
	}
	if err := py.SetAttr(f, self, "n", n); err != nil {
		return nil, err
	}
	f.Line = 12
	return py.GetAttr(f, self, "n")
}

func exMain(f *py.Frame, args []py.Object) (py.Object, *py.BaseException) {
	var c, total, i, d, e py.Object
	_ = e
	// c = Counter(10)
	f.Line = 15
	cls, err := py.LoadGlobal(f, exNameCounter)
	if err != nil {
		return nil, err
	}
	if c, err = py.Call1(f, cls, py.NewInt(10)); err != nil {
		return nil, err
	}
	f.Line = 16
	total = py.NewInt(0)
	// for i in range(5):
	f.Line = 17
	rng, err := py.LoadGlobal(f, exNameRange)
	if err != nil {
		return nil, err
	}
	seq, err := py.Call1(f, rng, py.NewInt(5))
	if err != nil {
		return nil, err
	}
	it, err := py.Iter(f, seq)
	if err != nil {
		return nil, err
	}
	for {
		f.Line = 17
		v, err := py.Next(f, it)
		if err != nil {
			return nil, err
		}
		if v == nil {
			break
		}
		i = v
		f.Line = 18
		r, err := py.CallMethod(f, c, "incr", []py.Object{i}, nil)
		if err != nil {
			return nil, err
		}
		if total, err = py.IAdd(f, total, r); err != nil {
			return nil, err
		}
	}
	// print greet("world"), total
	f.Line = 19
	g, err := py.LoadGlobal(f, exNameGreet)
	if err != nil {
		return nil, err
	}
	s, err := py.Call1(f, g, exStrWorld)
	if err != nil {
		return nil, err
	}
	if err := py.Print(f, nil, []py.Object{s, total}, true); err != nil {
		return nil, err
	}
	// print greet("Go", greeting="Hi"),
	f.Line = 20
	if g, err = py.LoadGlobal(f, exNameGreet); err != nil {
		return nil, err
	}
	if s, err = py.Call(f, g, []py.Object{exStrGo}, py.Kwargs{{Name: "greeting", Value: exStrHi}}); err != nil {
		return nil, err
	}
	if err := py.Print(f, nil, []py.Object{s}, false); err != nil {
		return nil, err
	}
	// print c.n
	f.Line = 21
	n, err := py.GetAttr(f, c, "n")
	if err != nil {
		return nil, err
	}
	if err := py.Print(f, nil, []py.Object{n}, true); err != nil {
		return nil, err
	}
	// d = {'a': 1, 'b': 2.5}   (value evaluated before key, as CPython)
	f.Line = 22
	dd := py.NewDictPresized(2)
	if err := dd.SetItem(f, exStrA, py.NewInt(1)); err != nil {
		return nil, err
	}
	if err := dd.SetItem(f, exStrB, exFloat2_5); err != nil {
		return nil, err
	}
	d = dd
	// try: d['c'] except KeyError as e: print "missing", e, d
	f.Line = 23
	if exc := func() *py.BaseException {
		f.Line = 24
		_, err := py.GetItem(f, d, exStrCKey)
		return err
	}(); exc != nil {
		f.Catch(exc)
		f.Line = 25
		ke, err := py.LoadGlobal(f, exNameKeyError)
		if err != nil {
			return nil, err
		}
		if !py.ExceptionMatches(f, exc, ke) {
			return nil, exc
		}
		e = exc.Value()
		f.Line = 26
		if err := py.Print(f, nil, []py.Object{exStrMissing, e, d}, true); err != nil {
			return nil, err
		}
	}
	// print len(sys.argv) > 0
	f.Line = 27
	sysm, err := py.LoadGlobal(f, exNameSys)
	if err != nil {
		return nil, err
	}
	argv, err := py.GetAttr(f, sysm, "argv")
	if err != nil {
		return nil, err
	}
	ln, err := py.LoadGlobal(f, exNameLen)
	if err != nil {
		return nil, err
	}
	nargs, err := py.Call1(f, ln, argv)
	if err != nil {
		return nil, err
	}
	gt, err := py.Compare(f, py.GT, nargs, py.NewInt(0))
	if err != nil {
		return nil, err
	}
	if err := py.Print(f, nil, []py.Object{gt}, true); err != nil {
		return nil, err
	}
	f.Line = 28
	return c, nil
}

// ---- generated code ends here ----

// runCaptured runs module entry as __main__ with sys.stdout/stderr sent to
// temporary files and returns what was written and the exit status.
func runCaptured(t *testing.T, entry string) (string, string, int) {
	t.Helper()
	dir := t.TempDir()
	outF, err := os.Create(filepath.Join(dir, "out"))
	if err != nil {
		t.Fatal(err)
	}
	errF, err := os.Create(filepath.Join(dir, "err"))
	if err != nil {
		t.Fatal(err)
	}
	restore := py.RedirectStdFiles(outF, errF)
	rc := py.RunModuleAsMain(entry, nil)
	restore()
	outF.Close()
	errF.Close()
	out, _ := os.ReadFile(filepath.Join(dir, "out"))
	errOut, _ := os.ReadFile(filepath.Join(dir, "err"))
	return string(out), string(errOut), rc
}

func readGolden(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestCodegenExample(t *testing.T) {
	out, errOut, rc := runCaptured(t, "example")
	if want := readGolden(t, "testdata/codegen/example.out"); out != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", out, want)
	}
	if want := readGolden(t, "testdata/codegen/example.err"); errOut != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", errOut, want)
	}
	if want := readGolden(t, "testdata/codegen/example.rc"); itoa(rc)+"\n" != want {
		t.Errorf("exit status %d, want %s", rc, want)
	}
}

func itoa(n int) string {
	if n < 0 {
		return "-" + itoa(-n)
	}
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
