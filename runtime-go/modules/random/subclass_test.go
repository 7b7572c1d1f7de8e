package random_test

import (
	"testing"

	_ "github.com/grumpy-audit/grumpy-audit/runtime-go/modules/all"
	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

// TestSubclassLikeRandomPy checks what CPython's pure random.py does:
// subclass _random.Random, keep attributes on the instance, and call the
// native seed/random through the subclass.
func TestSubclassLikeRandomPy(t *testing.T) {
	f := py.NewRootFrame()
	m, err := py.ImportModule(f, "_random")
	if err != nil {
		t.Fatal(err)
	}
	base, _ := py.GetAttr(f, m, "Random")
	cls, err := py.NewClass(f, nil, "Random", []*py.Type{base.(*py.Type)}, py.NewDict())
	if err != nil {
		t.Fatal(err)
	}
	r, err := py.Call0(f, cls)
	if err != nil {
		t.Fatal(err)
	}
	if err := py.SetAttr(f, r, "gauss_next", py.None); err != nil {
		t.Fatal(err)
	}
	if _, err := py.CallMethod(f, r, "seed", []py.Object{py.NewInt(42)}, nil); err != nil {
		t.Fatal(err)
	}
	v, err := py.CallMethod(f, r, "random", nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	// python2.7 -c "import random; random.seed(42); print repr(random.random())"
	if got := v.(*py.Float).Value(); got != 0.6394267984578837 {
		t.Fatalf("random() after seed(42) = %v, want 0.6394267984578837", got)
	}
	if r.Type() != cls {
		t.Fatalf("instance type %v", r.Type())
	}
}
