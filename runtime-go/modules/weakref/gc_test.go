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
	// Single-threaded, the callback is queued for the Python thread's
	// next call boundary (py.RunDetached); py.Next is one.
	it, _ := py.Iter(f, py.NewList(py.None))
	deadline = time.Now().Add(5 * time.Second)
	for {
		py.Next(f, it)
		select {
		case got := <-called:
			if got != r {
				t.Fatalf("callback got %v, want the ref", got)
			}
			return
		case <-time.After(10 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatal("callback never ran")
		}
	}
}

// TestProxyRaisesOnceDead checks ReferenceError after collection.
func TestProxyRaisesOnceDead(t *testing.T) {
	f := py.NewRootFrame()
	m, err := py.ImportModule(f, "_weakref")
	if err != nil {
		t.Fatal(err)
	}
	proxyFn, _ := py.GetAttr(f, m, "proxy")
	cls, err := py.NewClass(f, nil, "C", nil, py.NewDict())
	if err != nil {
		t.Fatal(err)
	}
	var p py.Object
	func() {
		inst, _ := py.Call0(f, cls)
		py.SetAttr(f, inst, "x", py.NewInt(7))
		if p, err = py.Call1(f, proxyFn, inst); err != nil {
			t.Fatal(err)
		}
		if v, err := py.GetAttr(f, p, "x"); err != nil || v.(*py.Int).Value() != 7 {
			t.Fatalf("live proxy: %v %v", v, err)
		}
	}()
	deadline := time.Now().Add(5 * time.Second)
	for {
		runtime.GC()
		_, err := py.GetAttr(f, p, "x")
		if err != nil {
			if !err.IsInstance(py.ReferenceErrorType) {
				t.Fatalf("dead proxy raised %v", err)
			}
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("referent never collected")
		}
		time.Sleep(10 * time.Millisecond)
	}
}
