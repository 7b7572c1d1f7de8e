package math_test

import (
	"math"
	"testing"

	_ "github.com/grumpy-audit/grumpy-audit/runtime-go/modules/all"
	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

// TestCallMethodNum1MatchesCall checks the unboxed math.fn(x) path against
// the ordinary call: same result repr or the same exception.
func TestCallMethodNum1MatchesCall(t *testing.T) {
	f := py.NewRootFrame()
	m, err := py.ImportModule(f, "math")
	if err != nil {
		t.Fatal(err)
	}
	show := func(o py.Object, err *py.BaseException) string {
		if err != nil {
			s, _ := py.ToStr(f, err)
			return "raise " + err.Type().Name() + ": " + s.Value()
		}
		r, rerr := py.Repr(f, o)
		if rerr != nil {
			t.Fatal(rerr)
		}
		return o.Type().Name() + " " + r.Value()
	}
	args := []py.Object{
		py.NewInt(0), py.NewInt(4), py.NewInt(-1), py.NewInt(1000), py.True, py.NewFloat(2), py.NewFloat(-0.5),
		py.NewFloat(math.Copysign(0, -1)), py.NewFloat(math.Inf(1)), py.NewFloat(math.Inf(-1)), py.NewFloat(math.NaN()),
		py.NewFloat(710), py.NewFloat(1e-320), py.NewLongFromString("123456789012345678901234567890"), py.NewStr("x"),
	}
	for _, name := range []string{"sqrt", "exp", "log", "sin", "acos", "atanh", "floor", "fabs", "erf", "gamma", "expm1"} {
		n := py.NewStr(name)
		for _, a := range args {
			want := show(py.CallMethod1(f, m, n, a))
			r, err := py.CallMethodNum1(f, m, n, a)
			var got string
			if err != nil {
				got = show(nil, err)
			} else {
				got = show(r.Object(), nil)
			}
			if got != want {
				t.Errorf("math.%s(%s): unboxed %s, want %s", name, show(a, nil), got, want)
			}
		}
	}
}
