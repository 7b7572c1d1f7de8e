package py

import (
	"math"
	"testing"
)

// TestIterCallRangeMatchesList checks that the lazy range iteration yields
// exactly the list the builtin range builds, and raises the same errors.
func TestIterCallRangeMatchesList(t *testing.T) {
	f := NewRootFrame()
	drain := func(it Object, err *BaseException) string {
		if err != nil {
			s, _ := ToStr(f, err)
			return "raise " + err.Type().Name() + ": " + s.Value()
		}
		var out []Object
		for {
			v, err := Next(f, it)
			if err != nil {
				t.Fatal(err)
			}
			if v == nil {
				break
			}
			out = append(out, v)
		}
		r, rerr := Repr(f, NewList(out...))
		if rerr != nil {
			t.Fatal(rerr)
		}
		return r.Value()
	}
	argSets := [][]Object{
		{NewInt(0)}, {NewInt(5)}, {NewInt(-3)}, {True}, {NewInt(2), NewInt(7)}, {NewInt(7), NewInt(2)},
		{NewInt(10), NewInt(0), NewInt(-3)}, {NewInt(0), NewInt(10), NewInt(4)}, {NewInt(1), NewInt(2), NewInt(0)},
		{NewFloat(1)}, {NewInt(1), NewLongFromString("4")}, {NewInt(0), NewInt(math.MaxInt64), NewInt(1 << 56)},
		{NewInt(1 << 30)},
	}
	for _, args := range argSets {
		var want string
		if r, err := Call(f, rangeBuiltin, args, nil); err != nil {
			want = drain(nil, err)
		} else {
			want = drain(Iter(f, r))
		}
		got := drain(IterCall(f, rangeBuiltin, args...))
		if got != want {
			t.Errorf("IterCall(range, %v) = %s, want %s", args, got, want)
		}
	}
	// a callee that is not the builtin range is simply called
	got := drain(IterCall(f, Builtins.getStr("tuple"), NewStr("ab")))
	if got != "['a', 'b']" {
		t.Errorf("IterCall(tuple, 'ab') = %s", got)
	}
}
