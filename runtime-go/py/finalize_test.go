package py

import (
	"runtime"
	"sync/atomic"
	"testing"
)

// TestDelRunsWhenCollected checks that instances of new-style and classic
// classes defining __del__ get it called once Go collects them, and only
// once, while a live instance does not.
func TestDelRunsWhenCollected(t *testing.T) {
	f := NewRootFrame()
	var calls atomic.Int32
	del := NewBuiltinFunction("__del__", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		calls.Add(1)
		return None, nil
	})
	d := NewDict()
	d.SetStr("__del__", del)
	cls, err := NewClass(f, nil, "D", nil, d)
	if err != nil {
		t.Fatal(err)
	}
	cd := NewDict()
	cd.SetStr("__del__", del)
	classic := NewClassicClass("K", nil, cd)
	keep := must(t)(Call0(f, cls))
	func() {
		for i := 0; i < 10; i++ {
			must(t)(Call0(f, cls))
			must(t)(Call0(f, classic))
		}
	}()
	for i := 0; i < 5 && calls.Load() < 20; i++ {
		collectDels(f, nil)
	}
	if n := calls.Load(); n != 20 {
		t.Errorf("__del__ ran %d times for 20 dropped instances", n)
	}
	before := calls.Load()
	runtime.GC()
	collectDels(f, nil)
	if calls.Load() != before {
		t.Errorf("__del__ ran again (%d -> %d)", before, calls.Load())
	}
	runtime.KeepAlive(keep)
}
