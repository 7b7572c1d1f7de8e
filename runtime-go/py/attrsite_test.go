package py

import (
	"os"
	"os/exec"
	"strings"
	"testing"
	"unsafe"
)

// Assigning __dict__ (subtype_setdict, instance_setattr and
// BaseException_set_dict in CPython 2.7), seen through attribute sites.
// The expected strings are what python2.7 prints for the equivalent code.

// Attribute sites run only in single-threaded mode, which EnableThreads
// ends for the whole process, so when an earlier test has threads on this
// test runs again, alone, in a fresh process.
func inSingleThreadedProcess(t *testing.T, name string) bool {
	t.Helper()
	if !threaded.Load() {
		return true
	}
	if os.Getenv("PY_SINGLE_THREADED_RERUN") != "" {
		t.Fatal("threads enabled in the re-run process")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^"+name+"$", "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(), "PY_SINGLE_THREADED_RERUN=1")
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "--- PASS: "+name) {
		t.Fatalf("re-run of %s: %v\n%s", name, err, out)
	}
	return false
}

// class C(object): pass
// o = C(); o.x = 1; o.y = 2        # a load and a store site, in a loop
// d = {}; d['x'] = 10; d['y'] = 20  # same slots as o's own dict
// o.__dict__ = d; o.x, o.y -> 10 20; o.x = 11 -> d['x'] == 11, old dict unchanged
func TestAttrSiteFollowsDictAssignment(t *testing.T) {
	if !inSingleThreadedProcess(t, "TestAttrSiteFollowsDictAssignment") {
		return
	}
	f := NewRootFrame()
	C := newClassT(t, "C", []Object{ObjectType}, nil)
	o := must(t)(Call0(f, C)).(*Instance)
	x, y := NewStr("x"), NewStr("y")
	var load, store AttrSite
	round := func(want int64) {
		t.Helper()
		for i := 0; i < 3; i++ {
			v := must(t)(GetAttrSite(f, o, x, &load))
			if n, ok := v.(*Int); !ok || n.v != want {
				t.Fatalf("o.x = %s, want %d", reprOf(t, v), want)
			}
			if err := SetAttrSite(f, o, x, v, &store); err != nil {
				t.Fatal(err)
			}
		}
	}
	must(t)(nil, SetAttrStr(f, o, x, NewInt(1)))
	must(t)(nil, SetAttrStr(f, o, y, NewInt(2)))
	old := o.loadDict()
	round(1)
	if load.e[0].typ != o.typ || store.e[0].typ != o.typ {
		t.Fatal("the sites did not remember a slot")
	}

	d := NewDict()
	d.setStr("x", NewInt(10))
	d.setStr("y", NewInt(20))
	must(t)(nil, SetAttr(f, o, "__dict__", d))
	if got := must(t)(GetAttr(f, o, "__dict__")); got != Object(d) {
		t.Fatalf("o.__dict__ is %s, not the assigned dict", reprOf(t, got))
	}
	round(10)
	must(t)(nil, SetAttrSite(f, o, x, NewInt(11), &store))
	if got := reprOf(t, NewTuple(d.getStr("x"), old.getStr("x"))); got != "(11, 1)" {
		t.Errorf("after a site store, (d['x'], old['x']) = %s, want (11, 1)", got)
	}

	// a dict without x: the remembered slot must not be trusted
	must(t)(nil, SetAttr(f, o, "__dict__", NewDict()))
	_, err := GetAttrSite(f, o, x, &load)
	expectErr(t, err, "AttributeError: 'C' object has no attribute 'x'")
	must(t)(nil, SetAttrSite(f, o, x, NewInt(7), &store))
	if got := reprOf(t, must(t)(GetAttr(f, o, "__dict__"))); got != "{'x': 7}" {
		t.Errorf("o.__dict__ = %s, want {'x': 7}", got)
	}

	// back to the first dict
	must(t)(nil, SetAttr(f, o, "__dict__", old))
	round(1)
}

func TestDictAssignmentErrorsAndOwners(t *testing.T) {
	f := NewRootFrame()
	C := newClassT(t, "C", []Object{ObjectType}, nil)
	S := newClassT(t, "S", []Object{ObjectType}, map[string]Object{"__slots__": NewTuple(NewStr("a"))})
	D := newClassT(t, "D", []Object{DictType}, nil)
	K := NewClassicClass("K", nil, NewDict())
	o := must(t)(Call0(f, C))
	k := must(t)(Call0(f, K))
	e := must(t)(Call1(f, ExceptionType, NewStr("m")))

	// o.__dict__ = 3; k.__dict__ = 3; e.__dict__ = 3
	expectErr(t, SetAttr(f, o, "__dict__", NewInt(3)), "TypeError: __dict__ must be set to a dictionary, not a 'int'")
	expectErr(t, SetAttr(f, k, "__dict__", NewInt(3)), "TypeError: __dict__ must be set to a dictionary")
	expectErr(t, SetAttr(f, e, "__dict__", NewInt(3)), "TypeError: __dict__ must be a dictionary")
	// del k.__dict__; del e.__dict__; S().__dict__ = {}
	expectErr(t, DelAttr(f, k, "__dict__"), "TypeError: __dict__ must be set to a dictionary")
	expectErr(t, DelAttr(f, e, "__dict__"), "TypeError: __dict__ may not be deleted")
	expectErr(t, SetAttr(f, must(t)(Call0(f, S)), "__dict__", NewDict()), "AttributeError: 'S' object has no attribute '__dict__'")

	// an instance of a dict subclass is the namespace itself: o.__dict__ is dd
	for _, inst := range []Object{o, k, e} {
		dd := must(t)(Call0(f, D))
		must(t)(nil, SetAttr(f, inst, "__dict__", dd))
		must(t)(nil, SetAttr(f, inst, "q", NewInt(5)))
		if got := must(t)(GetAttr(f, inst, "__dict__")); got != dd {
			t.Errorf("%s: __dict__ is %s, not the dict subclass instance", reprOf(t, inst.Type()), reprOf(t, got))
		}
		if got := reprOf(t, dd); got != "{'q': 5}" {
			t.Errorf("%s: the dict subclass instance holds %s", reprOf(t, inst.Type()), got)
		}
	}

	// del o.__dict__ leaves an empty namespace
	must(t)(nil, DelAttr(f, o, "__dict__"))
	_, err := GetAttr(f, o, "q")
	expectErr(t, err, "AttributeError: 'C' object has no attribute 'q'")
	if got := reprOf(t, must(t)(GetAttr(f, o, "__dict__"))); got != "{}" {
		t.Errorf("after del, o.__dict__ = %s", got)
	}

	// def fn(): pass; fn.__dict__ = 3; del fn.__dict__; fn.func_dict = D(); C.__dict__ = 3; type/module __dict__
	fn := mkfn("fn", nil, func(f *Frame, a []Object) (Object, *BaseException) { return None, nil })
	expectErr(t, SetAttr(f, fn, "__dict__", NewInt(3)), "TypeError: setting function's dictionary to a non-dict")
	expectErr(t, DelAttr(f, fn, "__dict__"), "TypeError: function's dictionary may not be deleted")
	fd := must(t)(Call0(f, D))
	must(t)(nil, SetAttr(f, fn, "func_dict", fd))
	if got := must(t)(GetAttr(f, fn, "__dict__")); got != fd {
		t.Errorf("fn.__dict__ is %s, not the assigned dict", reprOf(t, got))
	}
	expectErr(t, SetAttr(f, K, "__dict__", NewInt(3)), "TypeError: __dict__ must be a dictionary object")
	expectErr(t, SetAttr(f, C, "__dict__", NewDict()), "AttributeError: attribute '__dict__' of 'type' objects is not writable")
	expectErr(t, SetAttr(f, NewModule("m"), "__dict__", NewDict()), "TypeError: readonly attribute")

	// Dict.owner fits in padding: an instance and its dict stay one
	// 480-byte size class
	if n := unsafe.Sizeof(instanceWithDict{}); n > 480 {
		t.Errorf("instanceWithDict is %d bytes, more than the 480-byte size class", n)
	}
}
