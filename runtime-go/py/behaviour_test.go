package py

import (
	"runtime"
	"strconv"
	"sync"
	"testing"
	"time"
)

// Behaviour tests for classes, generators, exceptions and threads. The
// expected strings are what python2.7 prints for the equivalent code
// (quoted in each comment).

func mkfn(name string, params []string, body FuncBody) *Function {
	return NewFunction(FuncSpec{Name: name, Params: params}, NewDict(), body)
}

func must(t *testing.T) func(o Object, err *BaseException) Object {
	return func(o Object, err *BaseException) Object {
		t.Helper()
		if err != nil {
			t.Fatalf("unexpected exception: %s", FormatTraceback(nil, err))
		}
		return o
	}
}

func reprOf(t *testing.T, o Object) string {
	t.Helper()
	r, err := Repr(nil, o)
	if err != nil {
		t.Fatalf("repr failed: %v", err)
	}
	return r.s
}

func expectErr(t *testing.T, err *BaseException, want string) {
	t.Helper()
	if err == nil {
		t.Fatalf("expected %s, got no exception", want)
	}
	if got := err.Error(); got != want {
		t.Fatalf("exception %q, want %q", got, want)
	}
}

func newClassT(t *testing.T, name string, bases []Object, attrs map[string]Object) Object {
	t.Helper()
	ns := NewDict()
	ns.setStr("__module__", NewStr("__main__"))
	for k, v := range attrs {
		ns.setStr(k, v)
	}
	f := NewRootFrame()
	f.Globals = NewDict()
	return must(t)(BuildClass(f, name, bases, ns))
}

// class V(object):
//
//	def __init__(self, x): self.x = x
//	def __add__(self, o): return V(self.x + (o.x if isinstance(o, V) else o))
//	def __radd__(self, o): return V(o * 100 + self.x)
//	def __repr__(self): return 'V(%r)' % self.x
//	def __eq__(self, o): return isinstance(o, V) and self.x == o.x
//	def __hash__(self): return hash(self.x)
//
// print V(1) + V(2), V(1) + 5, 5 + V(1), V(3) == V(3), hash(V(7))
// -> V(3) V(6) V(501) True 7
func TestNewStyleOperators(t *testing.T) {
	var V Object
	V = newClassT(t, "V", []Object{ObjectType}, map[string]Object{
		"__init__": mkfn("__init__", []string{"self", "x"}, func(f *Frame, a []Object) (Object, *BaseException) {
			return None, SetAttr(f, a[0], "x", a[1])
		}),
		"__add__": mkfn("__add__", []string{"self", "o"}, func(f *Frame, a []Object) (Object, *BaseException) {
			x, _ := GetAttr(f, a[0], "x")
			o := a[1]
			if isV, _ := IsInstance(f, o, V); isV {
				o, _ = GetAttr(f, o, "x")
			}
			s, err := Add(f, x, o)
			if err != nil {
				return nil, err
			}
			return Call1(f, V, s)
		}),
		"__radd__": mkfn("__radd__", []string{"self", "o"}, func(f *Frame, a []Object) (Object, *BaseException) {
			x, _ := GetAttr(f, a[0], "x")
			m, _ := Mul(f, a[1], NewInt(100))
			s, _ := Add(f, m, x)
			return Call1(f, V, s)
		}),
		"__repr__": mkfn("__repr__", []string{"self"}, func(f *Frame, a []Object) (Object, *BaseException) {
			x, _ := GetAttr(f, a[0], "x")
			return Mod(f, NewStr("V(%r)"), x)
		}),
		"__eq__": mkfn("__eq__", []string{"self", "o"}, func(f *Frame, a []Object) (Object, *BaseException) {
			if isV, _ := IsInstance(f, a[1], V); !isV {
				return False, nil
			}
			x, _ := GetAttr(f, a[0], "x")
			y, _ := GetAttr(f, a[1], "x")
			return Compare(f, EQ, x, y)
		}),
		"__hash__": mkfn("__hash__", []string{"self"}, func(f *Frame, a []Object) (Object, *BaseException) {
			x, _ := GetAttr(f, a[0], "x")
			h, err := Hash(f, x)
			return NewInt(h), err
		}),
	})
	f := NewRootFrame()
	v1 := must(t)(Call1(f, V, NewInt(1)))
	v2 := must(t)(Call1(f, V, NewInt(2)))
	got := []string{
		reprOf(t, must(t)(Add(f, v1, v2))),
		reprOf(t, must(t)(Add(f, v1, NewInt(5)))),
		reprOf(t, must(t)(Add(f, NewInt(5), v1))),
		reprOf(t, must(t)(Compare(f, EQ, must(t)(Call1(f, V, NewInt(3))), must(t)(Call1(f, V, NewInt(3)))))),
	}
	h, err := Hash(f, must(t)(Call1(f, V, NewInt(7))))
	got = append(got, strconv.FormatInt(h, 10))
	want := []string{"V(3)", "V(6)", "V(501)", "True", "7"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("case %d: got %s want %s (err %v)", i, got[i], want[i], err)
		}
	}
	// V(1) - 1 -> TypeError: unsupported operand type(s) for -: 'V' and 'int'
	_, err = Sub(f, v1, NewInt(1))
	expectErr(t, err, "TypeError: unsupported operand type(s) for -: 'V' and 'int'")
	// V(1).y -> AttributeError: 'V' object has no attribute 'y'
	_, err = GetAttr(f, v1, "y")
	expectErr(t, err, "AttributeError: 'V' object has no attribute 'y'")
}

// class P(object):
//
//	def __init__(self): self._v = 1
//	v = property(lambda self: self._v * 10)
//	@classmethod
//	def make(cls): return cls.__name__
//	@staticmethod
//	def s(x): return x + 1
//
// class Q(P):
//
//	def __init__(self): super(Q, self).__init__(); self.extra = 2
//
// q = Q(); print q.v, Q.make(), q.s(1), q.extra, Q.__mro__
// -> 10 Q 2 2 (<class '__main__.Q'>, <class '__main__.P'>, <type 'object'>)
func TestDescriptorsAndSuper(t *testing.T) {
	P := newClassT(t, "P", []Object{ObjectType}, map[string]Object{
		"__init__": mkfn("__init__", []string{"self"}, func(f *Frame, a []Object) (Object, *BaseException) {
			return None, SetAttr(f, a[0], "_v", NewInt(1))
		}),
		"v": &Property{fget: mkfn("<lambda>", []string{"self"}, func(f *Frame, a []Object) (Object, *BaseException) {
			v, _ := GetAttr(f, a[0], "_v")
			return Mul(f, v, NewInt(10))
		})},
		"make": NewClassMethod(mkfn("make", []string{"cls"}, func(f *Frame, a []Object) (Object, *BaseException) {
			return GetAttr(f, a[0], "__name__")
		})),
		"s": NewStaticMethod(mkfn("s", []string{"x"}, func(f *Frame, a []Object) (Object, *BaseException) {
			return Add(f, a[0], NewInt(1))
		})),
	})
	var Q Object
	Q = newClassT(t, "Q", []Object{P}, map[string]Object{
		"__init__": mkfn("__init__", []string{"self"}, func(f *Frame, a []Object) (Object, *BaseException) {
			sup, err := Call(f, SuperType, []Object{Q, a[0]}, nil)
			if err != nil {
				return nil, err
			}
			if _, err := CallMethod(f, sup, "__init__", nil, nil); err != nil {
				return nil, err
			}
			return None, SetAttr(f, a[0], "extra", NewInt(2))
		}),
	})
	f := NewRootFrame()
	q := must(t)(Call0(f, Q))
	got := reprOf(t, NewTuple(must(t)(GetAttr(f, q, "v")), must(t)(CallMethod(f, Q, "make", nil, nil)),
		must(t)(CallMethod(f, q, "s", []Object{NewInt(1)}, nil)), must(t)(GetAttr(f, q, "extra")),
		must(t)(GetAttr(f, Q, "__mro__"))))
	want := "(10, 'Q', 2, 2, (<class '__main__.Q'>, <class '__main__.P'>, <type 'object'>))"
	if got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
	// q.v = 3 -> AttributeError: can't set attribute
	expectErr(t, SetAttr(f, q, "v", NewInt(3)), "AttributeError: can't set attribute")
	// P.__init__(5) -> unbound method __init__() must be called with P instance as first argument (got int instance instead)
	init := must(t)(GetAttr(f, P, "__init__"))
	_, err := Call1(f, init, NewInt(5))
	expectErr(t, err, "TypeError: unbound method __init__() must be called with P instance as first argument (got int instance instead)")
}

// class S(object): __slots__ = ('a',)
// s = S(); s.a = 1; s.b = 2 -> AttributeError: 'S' object has no attribute 'b'
// class I(int): pass;  print I(5) + 1, repr(I(5)), isinstance(I(5), int) -> 6 5 True
// class D(dict):
//
//	def __missing__(self, k): return k * 2
//
// print D(a=1)['a'], D()['zz'] -> 1 zzzz
func TestSlotsAndBuiltinSubclasses(t *testing.T) {
	f := NewRootFrame()
	S := newClassT(t, "S", []Object{ObjectType}, map[string]Object{"__slots__": NewTuple(NewStr("a"))})
	s := must(t)(Call0(f, S))
	if err := SetAttr(f, s, "a", NewInt(1)); err != nil {
		t.Fatal(err)
	}
	if v := must(t)(GetAttr(f, s, "a")); reprOf(t, v) != "1" {
		t.Errorf("slot a = %s", reprOf(t, v))
	}
	expectErr(t, SetAttr(f, s, "b", NewInt(2)), "AttributeError: 'S' object has no attribute 'b'")

	I := newClassT(t, "I", []Object{IntType}, nil)
	i5 := must(t)(Call1(f, I, NewInt(5)))
	if got := reprOf(t, NewTuple(must(t)(Add(f, i5, NewInt(1))), NewStr(reprOf(t, i5)), must(t)(Call2(f, Builtins.getStr("isinstance"), i5, IntType)))); got != "(6, '5', True)" {
		t.Errorf("int subclass: %s", got)
	}
	D := newClassT(t, "D", []Object{DictType}, map[string]Object{
		"__missing__": mkfn("__missing__", []string{"self", "k"}, func(f *Frame, a []Object) (Object, *BaseException) {
			return Mul(f, a[1], NewInt(2))
		}),
	})
	d := must(t)(Call(f, D, nil, Kwargs{{"a", NewInt(1)}}))
	got := reprOf(t, NewTuple(must(t)(GetItem(f, d, NewStr("a"))), must(t)(GetItem(f, must(t)(Call0(f, D)), NewStr("zz")))))
	if got != "(1, 'zzzz')" {
		t.Errorf("dict subclass: %s", got)
	}
}

// class C:
//
//	def __init__(self, v): self.v = v
//	def __cmp__(self, o): return cmp(self.v, o.v)
//	def __coerce__(self, o): return (self.v, o)
//
// print sorted([C(3), C(1), C(2)])[0].v, C(1) < C(2), C(5) + 1, C(5) * 2
// -> 1 True 6 10
// print C  -> __main__.C ; C(1).nope -> AttributeError: C instance has no attribute 'nope'
func TestClassicClasses(t *testing.T) {
	f := NewRootFrame()
	C := newClassT(t, "C", nil, map[string]Object{
		"__init__": mkfn("__init__", []string{"self", "v"}, func(f *Frame, a []Object) (Object, *BaseException) {
			return None, SetAttr(f, a[0], "v", a[1])
		}),
		"__cmp__": mkfn("__cmp__", []string{"self", "o"}, func(f *Frame, a []Object) (Object, *BaseException) {
			x, _ := GetAttr(f, a[0], "v")
			y, _ := GetAttr(f, a[1], "v")
			c, err := Cmp(f, x, y)
			return NewInt(int64(c)), err
		}),
		"__coerce__": mkfn("__coerce__", []string{"self", "o"}, func(f *Frame, a []Object) (Object, *BaseException) {
			x, _ := GetAttr(f, a[0], "v")
			return NewTuple(x, a[1]), nil
		}),
	})
	if _, ok := C.(*Class); !ok {
		t.Fatalf("class without bases should be classic, got %T", C)
	}
	mk := func(v int64) Object { return must(t)(Call1(f, C, NewInt(v))) }
	sorted := must(t)(Call1(f, Builtins.getStr("sorted"), NewList(mk(3), mk(1), mk(2))))
	first := must(t)(GetAttr(f, sorted.(*List).elems[0], "v"))
	got := reprOf(t, NewTuple(first, must(t)(Compare(f, LT, mk(1), mk(2))), must(t)(Add(f, mk(5), NewInt(1))), must(t)(Mul(f, mk(5), NewInt(2)))))
	if got != "(1, True, 6, 10)" {
		t.Errorf("classic: %s", got)
	}
	s, _ := ToStr(f, C)
	if s.s != "__main__.C" {
		t.Errorf("str(C) = %s", s.s)
	}
	_, err := GetAttr(f, mk(1), "nope")
	expectErr(t, err, "AttributeError: C instance has no attribute 'nope'")
}

// def g():
//
//	try:
//	    x = yield 1
//	    print 'got', x
//	    yield 2
//	finally:
//	    print 'fin'
//
// it = g(); next(it) -> 1; it.send('s') prints got s -> 2; it.close() prints fin
// it2 = g(); next(it2); it2.throw(ValueError('v')) prints fin, raises ValueError: v
func TestGenerators(t *testing.T) {
	var log []string
	gen := mkfn("g", nil, func(f *Frame, _ []Object) (Object, *BaseException) {
		return NewGenerator(f, func(f *Frame, g *Generator) (Object, *BaseException) {
			err := func() *BaseException {
				x, err := g.Yield(f, NewInt(1))
				if err != nil {
					return err
				}
				log = append(log, "got "+reprOf(t, x))
				_, err = g.Yield(f, NewInt(2))
				return err
			}()
			log = append(log, "fin")
			return nil, err
		}), nil
	})
	f := NewRootFrame()
	it := must(t)(Call0(f, gen)).(*Generator)
	if v := must(t)(it.Next(f)); reprOf(t, v) != "1" {
		t.Fatalf("first yield %s", reprOf(t, v))
	}
	if v := must(t)(it.Send(f, NewStr("s"))); reprOf(t, v) != "2" {
		t.Fatalf("second yield %s", reprOf(t, v))
	}
	if err := it.Close(f); err != nil {
		t.Fatal(err)
	}
	if got := reprOf(t, strList(log)); got != "[\"got 's'\", 'fin']" {
		t.Errorf("log %s", got)
	}
	log = nil
	it2 := must(t)(Call0(f, gen)).(*Generator)
	must(t)(it2.Next(f))
	_, err := it2.Throw(f, NewException(ValueErrorType, "v"), nil, nil)
	expectErr(t, err, "ValueError: v")
	if got := reprOf(t, strList(log)); got != "['fin']" {
		t.Errorf("log after throw %s", got)
	}
	// exhausted generator: next() gives StopIteration via the builtin
	_, err = Call1(f, Builtins.getStr("next"), it2)
	expectErr(t, err, "StopIteration")
	// list(g()) drives a fresh generator to the end
	log = nil
	l := must(t)(Call1(f, ListType, must(t)(Call0(f, gen))))
	if got := reprOf(t, l); got != "[1, 2]" {
		t.Errorf("list(g()) = %s", got)
	}
}

// Exception reprs and strs as CPython 2.7 prints them.
func TestExceptionsFormatting(t *testing.T) {
	f := NewRootFrame()
	cases := []struct {
		exc        Object
		repr, str_ string
	}{
		{must(t)(Call1(f, KeyErrorType, NewStr("k"))), "KeyError('k',)", "'k'"},
		{must(t)(Call(f, IOErrorType, []Object{NewInt(2), NewStr("No such file or directory"), NewStr("x.txt")}, nil)), "IOError(2, 'No such file or directory')", "[Errno 2] No such file or directory: 'x.txt'"},
		{must(t)(Call0(f, ValueErrorType)), "ValueError()", ""},
		{must(t)(Call2(f, ValueErrorType, NewInt(1), NewInt(2))), "ValueError(1, 2)", "(1, 2)"},
		{must(t)(Call1(f, ExceptionType, NewStr("msg"))), "Exception('msg',)", "msg"},
	}
	for _, c := range cases {
		if r := reprOf(t, c.exc); r != c.repr {
			t.Errorf("repr %s want %s", r, c.repr)
		}
		if s, _ := ToStr(f, c.exc); s.s != c.str_ {
			t.Errorf("str %s want %s", s.s, c.str_)
		}
	}
	// raise "x" -> TypeError: exceptions must be old-style classes or derived from BaseException, not str
	expectErr(t, Raise(f, NewStr("x"), nil, nil), "TypeError: exceptions must be old-style classes or derived from BaseException, not str")
	// raise ValueError, 'bad'
	expectErr(t, Raise(f, ValueErrorType, NewStr("bad"), nil), "ValueError: bad")
	e := Raise(f, KeyErrorType, NewTuple(NewStr("a")), nil)
	if !ExceptionMatches(f, e, NewTuple(TypeErrorType, LookupErrorType)) {
		t.Error("KeyError should match (TypeError, LookupError)")
	}
	f.Catch(e)
	info := must(t)(Call0(f, SysModule.dict.getStr("exc_info"))).(*Tuple)
	if info.elems[0] != KeyErrorType || info.elems[1] != Object(e) {
		t.Errorf("exc_info %s", reprOf(t, info))
	}
}

// Threads started through the threading module share a counter guarded
// by a Lock; join waits for all of them.
func TestThreadingCounter(t *testing.T) {
	f := NewRootFrame()
	mod := must(t)(ImportModule(f, "threading"))
	lock := must(t)(CallMethod(f, mod, "Lock", nil, nil))
	counter := NewList(NewInt(0))
	work := mkfn("work", []string{"n"}, func(f *Frame, a []Object) (Object, *BaseException) {
		for i := 0; i < 200; i++ {
			if _, err := CallMethod(f, lock, "acquire", nil, nil); err != nil {
				return nil, err
			}
			v, _ := GetItem(f, counter, NewInt(0))
			v, _ = Add(f, v, a[0])
			_ = SetItem(f, counter, NewInt(0), v)
			if _, err := CallMethod(f, lock, "release", nil, nil); err != nil {
				return nil, err
			}
		}
		return None, nil
	})
	var threads []Object
	for i := 0; i < 4; i++ {
		th := must(t)(CallMethod(f, mod, "Thread", nil, Kwargs{{"target", work}, {"args", NewTuple(NewInt(1))}}))
		must(t)(CallMethod(f, th, "start", nil, nil))
		threads = append(threads, th)
	}
	for _, th := range threads {
		must(t)(CallMethod(f, th, "join", nil, nil))
	}
	if got := reprOf(t, counter); got != "[800]" {
		t.Errorf("counter %s", got)
	}
	name := must(t)(GetAttr(f, threads[0], "name"))
	if s := reprOf(t, name); len(s) < 9 || s[:8] != "'Thread-" {
		t.Errorf("thread name %s", s)
	}
}

// Many goroutines hammer one dict, list and set; every single operation
// must be atomic (run with -race).
func TestConcurrentContainers(t *testing.T) {
	d := NewDict()
	l := NewList()
	s := NewSet()
	const workers, per = 8, 500
	EnableThreads() // the goroutines below run Python operations
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			f := NewRootFrame()
			for i := 0; i < per; i++ {
				k := NewInt(int64(w*per + i))
				if err := d.SetItem(f, k, k); err != nil {
					t.Error(err)
					return
				}
				if _, err := d.GetItem(f, k); err != nil {
					t.Error(err)
					return
				}
				if _, err := CallMethod(f, l, "append", []Object{k}, nil); err != nil {
					t.Error(err)
					return
				}
				if err := s.Add(f, NewStr(strconv.Itoa(i))); err != nil {
					t.Error(err)
					return
				}
				if i%3 == 0 {
					if err := d.DelItem(f, k); err != nil {
						t.Error(err)
						return
					}
					if _, err := CallMethod(f, l, "pop", nil, nil); err != nil {
						t.Error(err)
						return
					}
				}
				_, _ = Repr(f, NewTuple(NewInt(int64(i))))
			}
		}(w)
	}
	wg.Wait()
	removed := workers * ((per + 2) / 3)
	if n, _ := d.Len(nil); n != workers*per-removed {
		t.Errorf("dict has %d items, want %d", n, workers*per-removed)
	}
	if n, _ := l.Len(nil); n != workers*per-removed {
		t.Errorf("list has %d items, want %d", n, workers*per-removed)
	}
	if n, _ := s.Len(nil); n != per {
		t.Errorf("set has %d items, want %d", n, per)
	}
}

// Goroutines swap the __dict__ of shared new-style and classic instances
// while others read and write their attributes (run with -race): every
// read sees one of the dicts, and every store lands in one of them.
func TestDictAssignmentConcurrent(t *testing.T) {
	f := NewRootFrame()
	C := newClassT(t, "C", []Object{ObjectType}, nil)
	K := NewClassicClass("K", nil, NewDict())
	objs := []Object{must(t)(Call0(f, C)), must(t)(Call0(f, K))}
	tag, hits := NewStr("tag"), NewStr("hits")
	dicts := make([]*Dict, 4)
	for i := range dicts {
		dicts[i] = NewDict()
		dicts[i].setStr("tag", NewInt(int64(i)))
	}
	for _, o := range objs {
		must(t)(nil, SetAttr(f, o, "__dict__", dicts[0]))
	}
	EnableThreads()
	const workers, per = 6, 400
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			f := NewRootFrame()
			var site AttrSite
			for i := 0; i < per; i++ {
				o := objs[i%len(objs)]
				if w%2 == 0 {
					if err := SetAttr(f, o, "__dict__", dicts[(w+i)%len(dicts)]); err != nil {
						t.Error(err)
						return
					}
					continue
				}
				v, err := GetAttrSite(f, o, tag, &site)
				if err != nil {
					t.Error(err)
					return
				}
				if n, ok := v.(*Int); !ok || n.v < 0 || n.v >= int64(len(dicts)) {
					t.Errorf("o.tag = %s", reprOf(t, v))
					return
				}
				if err := SetAttrStr(f, o, hits, NewInt(int64(i))); err != nil {
					t.Error(err)
					return
				}
				if _, err := GetAttr(f, o, "__dict__"); err != nil {
					t.Error(err)
					return
				}
			}
		}(w)
	}
	wg.Wait()
	stored := 0
	for _, d := range dicts {
		if d.getStr("hits") != nil {
			stored++
		}
	}
	if stored == 0 {
		t.Error("no store reached any of the assigned dicts")
	}
	for _, o := range objs {
		got := must(t)(GetAttr(f, o, "__dict__"))
		found := false
		for _, d := range dicts {
			found = found || got == Object(d)
		}
		if !found {
			t.Errorf("%s.__dict__ is none of the assigned dicts", reprOf(t, o.Type()))
		}
	}
}

// class E(Exception):
//
//	def __init__(self, m): Exception.__init__(self, m); self.m = m
//
// class F(Exception):
//
//	def __str__(self): return 'custom'
//
// str(E('x')), repr(E('x')), E('x').m, str(F()) -> x E('x',) x custom
// traceback last line for raise F(): "__main__.F: custom"
func TestUserExceptions(t *testing.T) {
	f := NewRootFrame()
	E := newClassT(t, "E", []Object{ExceptionType}, map[string]Object{
		"__init__": mkfn("__init__", []string{"self", "m"}, func(f *Frame, a []Object) (Object, *BaseException) {
			if _, err := CallMethod(f, ExceptionType, "__init__", []Object{a[0], a[1]}, nil); err != nil {
				return nil, err
			}
			return None, SetAttr(f, a[0], "m", a[1])
		}),
	})
	F := newClassT(t, "F", []Object{ExceptionType}, map[string]Object{
		"__str__": mkfn("__str__", []string{"self"}, func(f *Frame, a []Object) (Object, *BaseException) {
			return NewStr("custom"), nil
		}),
	})
	e := must(t)(Call1(f, E, NewStr("x")))
	s, _ := ToStr(f, e)
	fe := must(t)(Call0(f, F))
	fs, _ := ToStr(f, fe)
	got := reprOf(t, NewTuple(s, NewStr(reprOf(t, e)), must(t)(GetAttr(f, e, "m")), fs))
	if got != "('x', \"E('x',)\", 'x', 'custom')" {
		t.Errorf("got %s", got)
	}
	err := Raise(f, F, nil, nil)
	if last := FormatExceptionOnly(f, err); last != "__main__.F: custom\n" {
		t.Errorf("exception line %q", last)
	}
	if !ExceptionMatches(f, err, ExceptionType) || ExceptionMatches(f, err, E) {
		t.Error("ExceptionMatches on user classes")
	}
}

// with open(p, 'w') as fh: fh.write('a\nb\n'); print >>fh, 'c', 1
// print repr(open(p).read()), open(p).readlines(), [l for l in open(p)]
// -> 'a\nb\nc 1\n' ['a\n', 'b\n', 'c 1\n'] ['a\n', 'b\n', 'c 1\n']
// open('/nonexistent/x') -> IOError: [Errno 2] No such file or directory: '/nonexistent/x'
func TestFiles(t *testing.T) {
	f := NewRootFrame()
	p := NewStr(t.TempDir() + "/data.txt")
	open := Builtins.getStr("open")
	fh := must(t)(Call2(f, open, p, NewStr("w")))
	exit, val, err := WithEnter(f, fh)
	if err != nil {
		t.Fatal(err)
	}
	must(t)(CallMethod(f, val, "write", []Object{NewStr("a\nb\n")}, nil))
	if err := Print(f, val, []Object{NewStr("c"), NewInt(1)}, true); err != nil {
		t.Fatal(err)
	}
	if _, err := WithExit(f, exit, nil); err != nil {
		t.Fatal(err)
	}
	data := must(t)(CallMethod(f, must(t)(Call1(f, open, p)), "read", nil, nil))
	lines := must(t)(CallMethod(f, must(t)(Call1(f, open, p)), "readlines", nil, nil))
	iterated := must(t)(Call1(f, ListType, must(t)(Call1(f, open, p))))
	got := reprOf(t, NewTuple(data, lines, iterated))
	want := `('a\nb\nc 1\n', ['a\n', 'b\n', 'c 1\n'], ['a\n', 'b\n', 'c 1\n'])`
	if got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
	_, err = Call1(f, open, NewStr("/nonexistent/x"))
	expectErr(t, err, "IOError: [Errno 2] No such file or directory: '/nonexistent/x'")
}

// The *Str-keyed fast paths agree with the generic ones, including an
// instance attribute shadowing a method and a class-level data descriptor.
func TestStrKeyedAttributeFastPaths(t *testing.T) {
	f := NewRootFrame()
	C := newClassT(t, "C", []Object{ObjectType}, map[string]Object{
		"get": mkfn("get", []string{"self"}, func(f *Frame, a []Object) (Object, *BaseException) {
			return GetAttrStr(f, a[0], NewStr("x"))
		}),
		"add": mkfn("add", []string{"self", "a", "b"}, func(f *Frame, a []Object) (Object, *BaseException) {
			s, err := Add(f, a[1], a[2])
			if err != nil {
				return nil, err
			}
			return s, SetAttrStr(f, a[0], NewStr("x"), s)
		}),
		"p": &Property{fget: mkfn("p", []string{"self"}, func(f *Frame, a []Object) (Object, *BaseException) {
			return NewStr("prop"), nil
		})},
	})
	o := must(t)(Call0(f, C))
	if err := SetAttrStr(f, o, NewStr("x"), NewInt(5)); err != nil {
		t.Fatal(err)
	}
	got := []Object{
		must(t)(CallMethod0(f, o, NewStr("get"))),
		must(t)(CallMethod2(f, o, NewStr("add"), NewInt(2), NewInt(3))),
		must(t)(GetAttrStr(f, o, NewStr("x"))),
		must(t)(GetAttrStr(f, o, NewStr("p"))),
	}
	if err := SetAttrStr(f, o, NewStr("get"), mkfn("shadow", nil, func(f *Frame, a []Object) (Object, *BaseException) {
		return NewStr("shadowed"), nil
	})); err != nil {
		t.Fatal(err)
	}
	got = append(got, must(t)(CallMethod0(f, o, NewStr("get"))))
	expectErr(t, SetAttrStr(f, o, NewStr("p"), NewInt(1)), "AttributeError: can't set attribute")
	_, err := CallMethod1(f, o, NewStr("nope"), NewInt(1))
	expectErr(t, err, "AttributeError: 'C' object has no attribute 'nope'")
	if r := reprOf(t, NewList(got...)); r != "[5, 5, 5, 'prop', 'shadowed']" {
		t.Errorf("got %s", r)
	}
}

// print repr(sys.version_info), sys.version_info.major, sys.version_info[:2] >= (2, 7)
// -> sys.version_info(major=2, minor=7, micro=18, releaselevel='final', serial=0) 2 True
func TestStructSeq(t *testing.T) {
	f := NewRootFrame()
	vi := SysModule.dict.getStr("version_info")
	major := must(t)(GetAttr(f, vi, "major"))
	head := must(t)(GetSlice(f, vi, nil, NewInt(2)))
	ge := must(t)(Compare(f, GE, head, NewTuple(NewInt(2), NewInt(7))))
	got := reprOf(t, vi) + " " + reprOf(t, major) + " " + reprOf(t, ge)
	if want := "sys.version_info(major=2, minor=7, micro=18, releaselevel='final', serial=0) 2 True"; got != want {
		t.Errorf("got %s", got)
	}
}

// Abandoned generators are closed by the collector: their finally
// blocks run and their coroutines are released.
func TestAbandonedGeneratorsAreClosed(t *testing.T) {
	var mu sync.Mutex
	closed := 0
	gen := mkfn("g", nil, func(f *Frame, _ []Object) (Object, *BaseException) {
		return NewGenerator(f, func(f *Frame, g *Generator) (Object, *BaseException) {
			defer func() {
				mu.Lock()
				closed++
				mu.Unlock()
			}()
			for i := int64(0); ; i++ {
				if _, err := g.Yield(f, NewInt(i)); err != nil {
					return nil, err
				}
			}
		}), nil
	})
	f := NewRootFrame()
	for i := 0; i < 200; i++ {
		it := must(t)(Call0(f, gen))
		must(t)(Next(f, it))
	}
	// In single-threaded mode the closes queued by finalizers run at the
	// Python thread's next call boundary; resuming a live generator is one.
	live := must(t)(Call0(f, gen))
	for try := 0; try < 50; try++ {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
		must(t)(Next(f, live))
		mu.Lock()
		n := closed
		mu.Unlock()
		if n >= 150 {
			return
		}
	}
	mu.Lock()
	defer mu.Unlock()
	t.Errorf("only %d of 200 abandoned generators were closed", closed)
}

// A state-machine generator driven from several goroutines: every value
// is produced once, and a resume that finds it running gets CPython's
// ValueError instead of racing on the body's variables (go test -race).
func TestStepGeneratorSharedByGoroutines(t *testing.T) {
	const n = 20000
	EnableThreads() // the goroutines below run Python operations
	f := NewRootFrame()
	i := int64(0)
	g := NewGeneratorStep(f, func(f *Frame, gen *Generator, sent Object) (Object, *BaseException) {
		switch gen.State {
		case 1:
			goto resume
		}
	loop:
		if i == n {
			return nil, nil
		}
		gen.State = 1
		return NewInt(i), nil
	resume:
		i++
		goto loop
	})
	var mu sync.Mutex
	seen := make([]int, n)
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rf := NewRootFrame()
			for {
				v, err := Next(rf, g)
				if err != nil {
					if err.Error() != "ValueError: generator already executing" {
						t.Errorf("unexpected %s", err.Error())
						return
					}
					continue
				}
				if v == nil {
					return
				}
				k := v.(*Int).Value()
				mu.Lock()
				seen[k]++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	for k, c := range seen {
		if c != 1 {
			t.Fatalf("value %d produced %d times", k, c)
		}
	}
}

// Threads enabled while a state-machine generator runs in single-threaded
// mode (its lock a plain flag): a goroutine started then still finds it
// executing, and it can be resumed again once it has yielded.
func TestStepGeneratorRunningWhenThreadsStart(t *testing.T) {
	// No other goroutine runs Python between tests: start this one in
	// single-threaded mode to exercise the hand-over.
	threaded.Store(false)
	defer EnableThreads()
	f := NewRootFrame()
	var fromThread *BaseException
	var g Object
	g = NewGeneratorStep(f, func(f *Frame, gen *Generator, sent Object) (Object, *BaseException) {
		switch gen.State {
		case 1:
			goto resume
		}
		if _, err := Next(f, g); err == nil || err.Error() != "ValueError: generator already executing" {
			t.Errorf("re-entrant resume before threads: %v", err)
		}
		EnableThreads()
		{
			done := make(chan struct{})
			go func() {
				_, fromThread = Next(NewRootFrame(), g)
				close(done)
			}()
			<-done
		}
		gen.State = 1
		return NewInt(1), nil
	resume:
		return nil, nil
	})
	if v, err := Next(f, g); err != nil || v != NewInt(1) {
		t.Fatalf("first resume: %v %v", v, err)
	}
	if fromThread == nil || fromThread.Error() != "ValueError: generator already executing" {
		t.Errorf("resume from a new thread while running: %v", fromThread)
	}
	done := make(chan struct{})
	var v Object
	var err *BaseException
	go func() {
		v, err = Next(NewRootFrame(), g)
		close(done)
	}()
	<-done
	if v != nil || err != nil {
		t.Errorf("second resume from another thread: %v %v", v, err)
	}
}

// Ints past the cache come from blocks: the single-threaded block, or in
// threaded mode the iterating thread's own block. Threads iterating
// xranges at once each get their own, intact ints (go test -race checks
// that no block is shared).
func TestIntBlocksPerThread(t *testing.T) {
	base := int64(smallIntMax + 1)
	f := NewRootFrame()
	var st []*Int
	it := &xrangeIter{next: base, step: 1, left: 3 * intSlabLen}
	for {
		v, err := it.Next(f)
		if err != nil || v == nil {
			break
		}
		st = append(st, v.(*Int))
	}
	EnableThreads()
	const perThread = 5 * intSlabLen
	got := make([][]*Int, 3)
	var wg sync.WaitGroup
	for w := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rf := NewRootFrame()
			it := &xrangeIter{next: base + int64(w)*perThread, step: 1, left: perThread}
			for {
				v, err := it.Next(rf)
				if err != nil || v == nil {
					return
				}
				got[w] = append(got[w], v.(*Int))
			}
		}()
	}
	wg.Wait()
	for k, p := range st {
		if p.Value() != base+int64(k) {
			t.Fatalf("single-threaded int %d is %d", k, p.Value())
		}
	}
	seen := map[*Int]bool{}
	for w, ints := range got {
		if len(ints) != perThread {
			t.Fatalf("thread %d got %d ints", w, len(ints))
		}
		for k, p := range ints {
			if want := base + int64(w)*perThread + int64(k); p.Value() != want {
				t.Fatalf("thread %d int %d is %d, want %d", w, k, p.Value(), want)
			}
			if seen[p] {
				t.Fatalf("thread %d int %d shares an object", w, k)
			}
			seen[p] = true
		}
	}
}
