// Package bisect is CPython 2.7's _bisect module (bisect.py imports it).
//
// Members: bisect_left bisect_right bisect insort_left insort_right
// insort, each (a, x[, lo[, hi]]).
package bisect

import (
	"github.com/grumpy-audit/grumpy-audit/runtime-go/modules/internal/native"
	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

func init() {
	native.Register("_bisect", "Bisection algorithms.", func() []native.Member {
		return []native.Member{
			native.F("bisect_left", search("bisect_left", true, false)),
			native.F("bisect_right", search("bisect_right", false, false)),
			native.F("bisect", search("bisect", false, false)),
			native.F("insort_left", search("insort_left", true, true)),
			native.F("insort_right", search("insort_right", false, true)),
			native.F("insort", search("insort", false, true)),
		}
	})
}

func search(name string, left, insert bool) native.Func {
	return func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		out := make([]py.Object, 4)
		if err := native.ParseKw(name, args, kw, []string{"a", "x", "lo", "hi"}, 2, out); err != nil {
			return nil, err
		}
		a, x := out[0], out[1]
		lo, hi := 0, -1
		var err *py.BaseException
		if out[2] != nil {
			if lo, err = native.Int(f, out[2]); err != nil {
				return nil, err
			}
		}
		if out[3] != nil {
			if hi, err = native.Int(f, out[3]); err != nil {
				return nil, err
			}
		}
		if lo < 0 {
			return nil, py.NewValueError("lo must be non-negative")
		}
		if hi == -1 {
			if hi, err = py.Len(f, a); err != nil {
				return nil, err
			}
		}
		for lo < hi {
			mid := int(uint(lo+hi) / 2)
			item, err := py.GetItem(f, a, py.NewInt(int64(mid)))
			if err != nil {
				return nil, err
			}
			var less bool
			if left {
				less, err = py.CompareBool(f, py.LT, item, x)
			} else {
				less, err = py.CompareBool(f, py.LT, x, item)
			}
			if err != nil {
				return nil, err
			}
			if less == left {
				lo = mid + 1
			} else {
				hi = mid
			}
		}
		if !insert {
			return py.NewInt(int64(lo)), nil
		}
		if _, err := py.CallMethod(f, a, "insert", []py.Object{py.NewInt(int64(lo)), x}, nil); err != nil {
			return nil, err
		}
		return py.None, nil
	}
}
