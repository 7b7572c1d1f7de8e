//go:build go1.24

package weakref_test

import (
	"runtime"
	"testing"
	"time"

	_ "github.com/grumpy-audit/grumpy-audit/runtime-go/modules/all"
	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

// TestRefDiesWithItsReferent checks what the golden cases cannot: after
// the last strong reference goes and Go collects, r() is None and the
// callback has run.
func TestRefDiesWithItsReferent(t *testing.T) {
	f := py.NewRootFrame()
	m, err := py.ImportModule(f, "_weakref")
	if err != nil {
		t.Fatal(err)
	}
	refT, _ := py.GetAttr(f, m, "ref")
	cls, err := py.NewClass(f, nil, "C", nil, py.NewDict())
	if err != nil {
		t.Fatal(err)
	}
	called := make(chan py.Object, 1)
	cb := py.NewBuiltinFunction("cb", func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		called <- args[0]
		return py.None, nil
	})
	var r py.Object
	func() {
		inst, err := py.Call0(f, cls)
		if err != nil {
			t.Fatal(err)
		}
		if r, err = py.Call2(f, refT, inst, cb); err != nil {
			t.Fatal(err)
		}
		if got, _ := py.Call0(f, r); got != inst {
			t.Fatalf("live ref returned %v", got)
		}
	}()
	deadline := time.Now().Add(5 * time.Second)
	for {
		runtime.GC()
		if got, _ := py.Call0(f, r); got == py.None {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("referent never collected")
		}
		time.Sleep(10 * time.Millisecond)
	}
	select {
	case got := <-called:
		if got != r {
			t.Fatalf("callback got %v, want the ref", got)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("callback never ran")
	}
}
