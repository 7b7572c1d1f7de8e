package py

import "testing"

// TestNumLocalBoxKeepsIdentity checks that an unboxed local boxes once and
// that a number entered from an object boxes back to that object.
func TestNumLocalBoxKeepsIdentity(t *testing.T) {
	var unbound Num
	if unbound.Bound() {
		t.Fatal("zero Num is bound")
	}
	big := NewInt(1 << 40)
	n := NumOf(big)
	if n.Box() != Object(big) || n.Object() != Object(big) {
		t.Error("NumOf(x).Box() is not x")
	}
	r, _ := AddFast(n, NumOf(NewInt(1)))
	b1 := r.Box()
	if b1 != r.Box() || !r.Bound() {
		t.Error("a computed Num boxed twice gives two objects")
	}
	if b1.(*Int).v != 1<<40+1 {
		t.Errorf("boxed %v", b1)
	}
	fl, _ := MulFloat(NumOf(NewFloat(1.5)), NumOf(NewFloat(2)))
	if fl.Box() != fl.Box() || fl.Box().(*Float).v != 3 {
		t.Error("float box")
	}
}

// TestNextNumAndListItems checks the unboxed loop and list-index paths
// against their generic counterparts, misses included.
func TestNextNumAndListItems(t *testing.T) {
	f := NewRootFrame()
	it, err := IterCall(f, rangeBuiltin, NewInt(5), NewInt(0), NewInt(-2))
	if err != nil {
		t.Fatal(err)
	}
	var got []int64
	for {
		n, ok, err := NextNum(f, it)
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			break
		}
		got = append(got, n.Box().(*Int).v)
	}
	if len(got) != 3 || got[0] != 5 || got[2] != 1 {
		t.Errorf("range(5, 0, -2) = %v", got)
	}
	lit, _ := Iter(f, NewList(NewStr("a"), True))
	n, ok, err := NextNum(f, lit)
	if s, isStr := n.Box().(*Str); !ok || err != nil || !isStr || s.s != "a" {
		t.Errorf("list iteration: %v %v %v", n, ok, err)
	}
	if n, _, _ := NextNum(f, lit); n.Box() != Object(True) {
		t.Error("True must stay the True object")
	}
	if _, ok, _ := NextNum(f, lit); ok {
		t.Error("exhausted list iterator")
	}

	l := NewList(NewInt(10), NewInt(20))
	// In threaded mode (an earlier test started a thread) every access takes
	// the generic, locking path.
	fast := !Threaded()
	if v, ok := ListItemNum(l, NumOf(NewInt(1))); ok != fast || ok && v.(*Int).v != 20 {
		t.Error("l[1]")
	}
	for _, k := range []Object{NewInt(-1), NewInt(2), True, NewFloat(0), NewLongFromString("1")} {
		if _, ok := ListItemNum(l, NumOf(k)); ok {
			t.Errorf("ListItemNum(l, %v) took the fast path", k)
		}
		if SetListItemNum(l, NumOf(k), None) {
			t.Errorf("SetListItemNum(l, %v) took the fast path", k)
		}
	}
	if _, ok := ListItemNum(NewTuple(NewInt(1)), NumOf(NewInt(0))); ok {
		t.Error("a tuple is not a list")
	}
	if ok := SetListItemNum(l, NumOf(NewInt(0)), None); ok != fast || ok && l.elems[0] != Object(None) {
		t.Error("l[0] = None")
	}
}
