package py

import "testing"

// TestLookupStrSeesClassChanges checks the per-type cache behind
// lookupStr: many names (more than fit without collisions) resolve like
// lookup, and a class attribute assigned or deleted later is seen at once.
func TestLookupStrSeesClassChanges(t *testing.T) {
	f := NewRootFrame()
	f.Globals = NewDict()
	ns := NewDict()
	names := make([]*Str, 100)
	for i := range names {
		names[i] = NewStr("m" + itoa(i))
		if i%2 == 0 {
			ns.setStr(names[i].s, NewInt(int64(i)))
		}
	}
	cls, err := BuildClass(f, "C", []Object{ObjectType}, ns)
	if err != nil {
		t.Fatal(err)
	}
	typ := cls.(*Type)
	for round := 0; round < 3; round++ {
		for i, n := range names {
			if got, want := typ.lookupStr(n), typ.lookup(n.s); got != want {
				t.Fatalf("round %d: lookupStr(%s) = %v, want %v", round, n.s, got, want)
			}
			if (i%2 == 0) != (typ.lookupStr(n) != nil) {
				t.Fatalf("lookupStr(%s) presence wrong", n.s)
			}
		}
	}
	v := NewStr("new")
	if err := SetAttr(f, typ, "m1", v); err != nil {
		t.Fatal(err)
	}
	if got := typ.lookupStr(names[1]); got != v {
		t.Errorf("after C.m1 = ..., lookupStr gave %v", got)
	}
	if err := DelAttr(f, typ, "m0"); err != nil {
		t.Fatal(err)
	}
	if got := typ.lookupStr(names[0]); got != nil {
		t.Errorf("after del C.m0, lookupStr gave %v", got)
	}
}

// TestGlobalCacheSeesRebinding checks LoadGlobal's cache against every way
// the globals or builtins dict changes after a name was cached (mutations
// are only counted once a cache watches the dict).
func TestGlobalCacheSeesRebinding(t *testing.T) {
	f := NewRootFrame()
	f.Globals = NewDict()
	name := NewStr("grumpy_test_name")
	load := func() Object {
		v, err := LoadGlobal(f, name)
		if err != nil {
			return nil
		}
		return v
	}
	if load() != nil {
		t.Fatal("name defined too early")
	}
	b1, b2, g1, g2 := NewStr("b1"), NewStr("b2"), NewStr("g1"), NewStr("g2")
	Builtins.setStr(name.s, b1)
	defer Builtins.delStr(name.s)
	if got := load(); got != b1 {
		t.Fatalf("builtin: got %v", got)
	}
	Builtins.setStr(name.s, b2)
	if got := load(); got != b2 {
		t.Fatalf("builtin rebound: got %v", got)
	}
	if err := f.Globals.SetItem(f, name, g1); err != nil {
		t.Fatal(err)
	}
	if got := load(); got != g1 {
		t.Fatalf("global shadows builtin: got %v", got)
	}
	StoreGlobal(f, name, g2)
	if got := load(); got != g2 {
		t.Fatalf("global rebound: got %v", got)
	}
	if err := f.Globals.DelItem(f, name); err != nil {
		t.Fatal(err)
	}
	if got := load(); got != b2 {
		t.Fatalf("global deleted: got %v", got)
	}
}

// TestLoadNameSlotCache checks LoadName's remembered entry against
// rebinding, shadowing, deletion, table growth, a key stored through
// another str object, and LoadGlobal sharing the name's cache.
func TestLoadNameSlotCache(t *testing.T) {
	f := NewRootFrame()
	f.Globals = NewDict()
	name := NewStr("grumpy_test_lname")
	load := func() Object {
		v, err := LoadName(f, name)
		if err != nil {
			return nil
		}
		return v
	}
	check := func(step string, want Object) {
		t.Helper()
		for i := 0; i < 2; i++ { // the second load goes through the record
			if got := load(); got != want {
				t.Fatalf("%s (load %d): got %v, want %v", step, i, got, want)
			}
		}
	}
	check("undefined", nil)
	b1, b2, g1, g2, g3 := NewStr("b1"), NewStr("b2"), NewStr("g1"), NewStr("g2"), NewStr("g3")
	Builtins.setStr(name.s, b1)
	defer Builtins.delStr(name.s)
	check("builtin", b1)
	Builtins.setStr(name.s, b2)
	check("builtin rebound", b2)
	StoreGlobal(f, name, g1)
	check("global shadows builtin", g1)
	StoreGlobal(f, name, g2)
	check("global rebound", g2)
	for i := 0; i < 100; i++ { // grows the globals table
		StoreGlobal(f, NewStr("filler"+itoa(i)), None)
	}
	check("after growth", g2)
	if _, err := LoadGlobal(f, name); err != nil {
		t.Fatal(err)
	}
	check("after LoadGlobal", g2)
	if err := f.Globals.DelItem(f, name); err != nil {
		t.Fatal(err)
	}
	check("global deleted", b2)
	// a key of another type with the name's hash takes over its old slot
	twin := NewInt(name.hash())
	StoreGlobal(f, name, g1)
	check("global again", g1)
	if err := f.Globals.DelItem(f, name); err != nil {
		t.Fatal(err)
	}
	if err := f.Globals.SetItem(f, twin, g2); err != nil {
		t.Fatal(err)
	}
	check("slot reused by another key", b2)
	if err := f.Globals.DelItem(f, twin); err != nil {
		t.Fatal(err)
	}
	// the same in builtins, with the record pointing there
	check("builtin again", b2)
	Builtins.delStr(name.s)
	if err := Builtins.SetItem(f, twin, b1); err != nil {
		t.Fatal(err)
	}
	check("builtin slot reused by another key", nil)
	if err := Builtins.DelItem(f, twin); err != nil {
		t.Fatal(err)
	}
	Builtins.setStr(name.s, b2)
	check("builtin back", b2)
	// the same name through a different str object: no record, still right
	if err := f.Globals.SetItem(f, NewStr("grumpy_test_"+"lname"), g3); err != nil {
		t.Fatal(err)
	}
	check("key stored by another str", g3)
	if err := f.Globals.DelItem(f, name); err != nil {
		t.Fatal(err)
	}
	Builtins.delStr(name.s)
	check("both deleted", nil)
	if _, err := LoadName(f, name); err == nil || err.Type() != NameErrorType {
		t.Fatalf("NameError expected, got %v", err)
	}
}
