package py

import "testing"

// Benchmarks for the hot paths named in issue 3. Run:
//   cd runtime-go && go test -run '^$' -bench . -benchmem ./py/

func BenchmarkCallFunction1(b *testing.B) {
	fn := mkfn("ident", []string{"x"}, func(f *Frame, a []Object) (Object, *BaseException) { return a[0], nil })
	f := NewRootFrame()
	arg := NewInt(3)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Call1(f, fn, arg); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCallFunction2(b *testing.B) {
	fn := mkfn("add", []string{"x", "y"}, func(f *Frame, a []Object) (Object, *BaseException) { return Add(f, a[0], a[1]) })
	f := NewRootFrame()
	x, y := NewInt(3), NewInt(4)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Call2(f, fn, x, y); err != nil {
			b.Fatal(err)
		}
	}
}

func benchInstance(b *testing.B) (Object, *Frame) {
	ns := NewDict()
	ns.setStr("get", mkfn("get", []string{"self"}, func(f *Frame, a []Object) (Object, *BaseException) {
		return GetAttr(f, a[0], "x")
	}))
	f := NewRootFrame()
	f.Globals = NewDict()
	cls, err := BuildClass(f, "C", []Object{ObjectType}, ns)
	if err != nil {
		b.Fatal(err)
	}
	o, err := Call0(f, cls)
	if err != nil {
		b.Fatal(err)
	}
	if err := SetAttr(f, o, "x", NewInt(1)); err != nil {
		b.Fatal(err)
	}
	return o, f
}

func BenchmarkGetAttrInstance(b *testing.B) {
	o, f := benchInstance(b)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := GetAttr(f, o, "x"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCallMethod(b *testing.B) {
	o, f := benchInstance(b)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := CallMethod(f, o, "get", nil, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDictSetGetStr(b *testing.B) {
	d := NewDict()
	keys := make([]Object, 64)
	for i := range keys {
		keys[i] = NewStr("key" + itoa(i))
	}
	f := NewRootFrame()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		k := keys[i&63]
		if err := d.SetItem(f, k, k); err != nil {
			b.Fatal(err)
		}
		if _, err := d.GetItem(f, k); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDictSetGetInt(b *testing.B) {
	d := NewDict()
	f := NewRootFrame()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		k := NewInt(int64(i & 1023))
		if err := d.SetItem(f, k, k); err != nil {
			b.Fatal(err)
		}
		if _, err := GetItem(f, d, k); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkIntArithmetic(b *testing.B) {
	f := NewRootFrame()
	acc := Object(NewInt(0))
	one := NewInt(1)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		var err *BaseException
		acc, err = Add(f, acc, one)
		if err != nil {
			b.Fatal(err)
		}
		if acc, err = Sub(f, acc, one); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkIntCompareBool(b *testing.B) {
	f := NewRootFrame()
	x, y := NewInt(5), NewInt(7)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if r, _ := CompareBool(f, LT, x, y); !r {
			b.Fatal("5 < 7")
		}
	}
}

func BenchmarkFloatArithmetic(b *testing.B) {
	f := NewRootFrame()
	acc := Object(NewFloat(0.5))
	k := NewFloat(1.0000001)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		var err *BaseException
		if acc, err = Mul(f, acc, k); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkGeneratorResume(b *testing.B) {
	f := NewRootFrame()
	g := NewGenerator(f, func(f *Frame, g *Generator) (Object, *BaseException) {
		for i := int64(0); ; i++ {
			if _, err := g.Yield(f, NewInt(i&255)); err != nil {
				return nil, err
			}
		}
	}).(*Generator)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := g.Next(f); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	_ = g.Close(f)
}

// A state-machine generator (what the transpiler emits for simple
// yields) resumed through Next, as for loops and builtins do.
func BenchmarkGeneratorStepResume(b *testing.B) {
	f := NewRootFrame()
	i := int64(0)
	g := NewGeneratorStep(f, func(f *Frame, gen *Generator, sent Object) (Object, *BaseException) {
		switch gen.State {
		case 1:
			goto resume
		}
	loop:
		gen.State = 1
		return NewInt(i & 255), nil
	resume:
		i++
		goto loop
	})
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Next(f, g); err != nil {
			b.Fatal(err)
		}
	}
}

// Creating a small state-machine generator and draining it (three
// values), as sum(x for x in t) does for a 3-tuple.
func BenchmarkGeneratorStepSmall(b *testing.B) {
	f := NewRootFrame()
	code := NewCode("<genexpr>", "bench.py", nil)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		n := int64(0)
		g := NewGeneratorStepCode(f, code, func(f *Frame, gen *Generator, sent Object) (Object, *BaseException) {
			switch gen.State {
			case 1:
				goto resume
			}
		loop:
			if n == 3 {
				return nil, nil
			}
			gen.State = 1
			return NewInt(n), nil
		resume:
			n++
			goto loop
		})
		for {
			v, err := Next(f, g)
			if err != nil {
				b.Fatal(err)
			}
			if v == nil {
				break
			}
		}
	}
}

func BenchmarkListAppendIter(b *testing.B) {
	f := NewRootFrame()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		l := NewList()
		for j := 0; j < 16; j++ {
			l.Append(NewInt(int64(j)))
		}
		it, _ := Iter(f, l)
		for {
			v, _ := Next(f, it)
			if v == nil {
				break
			}
		}
	}
}

func BenchmarkCallMethod1Str(b *testing.B) {
	o, f := benchInstance(b)
	cls := o.Type()
	cls.setAttrRaw("echo", mkfn("echo", []string{"self", "v"}, func(f *Frame, a []Object) (Object, *BaseException) { return a[1], nil }))
	name := NewStr("echo")
	arg := NewInt(7)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := CallMethod1(f, o, name, arg); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkGetAttrStrInstance(b *testing.B) {
	o, f := benchInstance(b)
	name := NewStr("x")
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := GetAttrStr(f, o, name); err != nil {
			b.Fatal(err)
		}
	}
}

// (acc*31 + i) % 1000003 the generic way (one object per operator) and
// through the unboxed Num path generated code uses for nested arithmetic.
func BenchmarkIntExprGeneric(b *testing.B) {
	f := NewRootFrame()
	acc := Object(NewInt(7))
	k31, km := NewInt(31), NewInt(1000003)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		x, _ := Mul(f, acc, k31)
		y, _ := Add(f, x, NewInt(int64(i&1023)))
		acc, _ = Mod(f, y, km)
	}
}

func BenchmarkIntExprNum(b *testing.B) {
	f := NewRootFrame()
	acc := Object(NewInt(7))
	k31, km := NumOf(NewInt(31)), NumOf(NewInt(1000003))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		// the shape generated code has: fast function, NumBinary on a miss
		a := NumOf(acc)
		x, ok := MulFast(a, k31)
		if !ok {
			x, _ = NumBinary(f, OpMul, a, k31)
		}
		c := NumOf(NewInt(int64(i & 1023)))
		y, ok := AddFast(x, c)
		if !ok {
			y, _ = NumBinary(f, OpAdd, x, c)
		}
		z, ok := ModFast(y, km)
		if !ok {
			z, _ = NumBinary(f, OpMod, y, km)
		}
		acc = z.Object()
	}
}

// BenchmarkCallFunction1Reuse is CallFunction1 for a function declared
// the way generated code declares non-generator defs (ReuseFrame).
func BenchmarkCallFunction1Reuse(b *testing.B) {
	fn := NewFunction(FuncSpec{Name: "ident", Params: []string{"x"}, ReuseFrame: true}, NewDict(),
		func(f *Frame, a []Object) (Object, *BaseException) { return a[0], nil })
	f := NewRootFrame()
	arg := NewInt(3)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Call1(f, fn, arg); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSetAttrStrInstance(b *testing.B) {
	o, f := benchInstance(b)
	name := NewStr("x")
	v := NewInt(5)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if err := SetAttrStr(f, o, name, v); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCallMethod2Builtin is d.get(k, 0) on a dict.
func BenchmarkCallMethod2Builtin(b *testing.B) {
	f := NewRootFrame()
	d := NewDict()
	k := NewStr("key")
	_ = d.SetItem(f, k, NewInt(1))
	name, zero := NewStr("get"), NewInt(0)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := CallMethod2(f, d, name, k, zero); err != nil {
			b.Fatal(err)
		}
	}
}
