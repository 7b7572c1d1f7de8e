package py

import (
	"strings"
	"testing"
)

// TestReusedFramesKeepTracebacks checks that frame reuse (FuncSpec.ReuseFrame)
// never recycles a frame an exception still refers to: a caught
// exception's traceback prints the same after many later calls that take
// frames from the free list.
func TestReusedFramesKeepTracebacks(t *testing.T) {
	lines := []string{"def inner(n):", "    if n: raise ValueError(n)", "    return n", "def outer(n):", "    return inner(n)"}
	codeInner := NewCode("inner", "m.py", lines)
	codeOuter := NewCode("outer", "m.py", lines)
	g := NewDict()
	inner := NewFunction(FuncSpec{Name: "inner", Code: codeInner, Params: []string{"n"}, ReuseFrame: true}, g,
		func(f *Frame, args []Object) (Object, *BaseException) {
			f.Line = 2
			if ok, _ := IsTrue(f, args[0]); ok {
				return nil, Raise(f, ValueErrorType, args[0], nil)
			}
			f.Line = 3
			return args[0], nil
		})
	outer := NewFunction(FuncSpec{Name: "outer", Code: codeOuter, Params: []string{"n"}, ReuseFrame: true}, g,
		func(f *Frame, args []Object) (Object, *BaseException) {
			f.Line = 5
			return Call1(f, inner, args[0])
		})
	root := NewRootFrame()
	_, err := Call1(root, outer, NewInt(7))
	if err == nil {
		t.Fatal("no exception")
	}
	want := FormatTraceback(root, err)
	for i := 0; i < 100; i++ {
		if _, e := Call1(root, outer, NewInt(0)); e != nil {
			t.Fatal(e)
		}
	}
	if got := FormatTraceback(root, err); got != want {
		t.Errorf("traceback changed after reuse:\n%s\nwant\n%s", got, want)
	}
	if !strings.Contains(want, "line 5, in outer") || !strings.Contains(want, "line 2, in inner") {
		t.Errorf("unexpected traceback:\n%s", want)
	}
	if n := len(root.thread.free); n == 0 {
		t.Error("no frame was put back for reuse")
	}
	// outer2 catches the error (its frame joins the traceback) and returns
	// normally; catchAgain then records it in its own frame, which may come
	// from the free list: its entry must still be added.
	var caught *BaseException
	outer2 := NewFunction(FuncSpec{Name: "outer2", Code: codeOuter, Params: []string{"n"}, ReuseFrame: true}, g,
		func(f *Frame, args []Object) (Object, *BaseException) {
			f.Line = 5
			_, e := Call1(f, inner, args[0])
			f.Catch(e)
			caught = e
			return None, nil
		})
	catchAgain := NewFunction(FuncSpec{Name: "catchAgain", Code: codeOuter, ReuseFrame: true}, g,
		func(f *Frame, args []Object) (Object, *BaseException) {
			f.Line = 4
			f.Catch(caught)
			return None, nil
		})
	if _, e := Call1(root, outer2, NewInt(1)); e != nil {
		t.Fatal(e)
	}
	before := len(caught.tb)
	if _, e := Call0(root, catchAgain); e != nil {
		t.Fatal(e)
	}
	if len(caught.tb) != before+1 {
		t.Errorf("catching again added %d traceback entries, want 1", len(caught.tb)-before)
	}
}
