package py

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"sync"
)

func builtin(name string, fn func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException)) *BuiltinFunction {
	b := NewBuiltinFunction(name, fn)
	b.module = "__builtin__"
	b.doc = builtinDocs[name]
	Builtins.setStr(name, b)
	return b
}

// builtinDocs holds CPython's docstrings for the most inspected builtins.
var builtinDocs = map[string]string{
	"len":  "len(object) -> integer\n\nReturn the number of items of a sequence or collection.",
	"abs":  "abs(number) -> number\n\nReturn the absolute value of the argument.",
	"repr": "repr(object) -> string\n\nReturn the canonical string representation of the object.\nFor most object types, eval(repr(object)) == object.",
	"id":   "id(object) -> integer\n\nReturn the identity of an object.  This is guaranteed to be unique among\nsimultaneously existing objects.  (Hint: it's the object's memory address.)",
}

func init() {
	Builtins.setStr("__name__", NewStr("__builtin__"))
	Builtins.setStr("__doc__", None)
	Builtins.setStr("__package__", None)
	Builtins.setStr("None", None)
	Builtins.setStr("True", True)
	Builtins.setStr("False", False)
	Builtins.setStr("NotImplemented", NotImplemented)
	Builtins.setStr("Ellipsis", Ellipsis)
	Builtins.setStr("__debug__", True)
	for _, t := range []*Type{ObjectType, TypeType, IntType, BoolType, LongType, FloatType, ComplexType,
		StrType, UnicodeType, BaseStringType, ByteArrayType, ListType, TupleType, DictType, SetType,
		FrozenSetType, SliceType, XRangeType, PropertyType, StaticMethodType, ClassMethodType, SuperType,
		FileType, EnumerateType, ReversedType, BufferType, MemoryViewType} {
		Builtins.setStr(t.name, t)
	}
	Builtins.setStr("open", Builtins.getStr("file"))
	Builtins.setStr("bytes", StrType) // Python 2.6+ alias: bytes is str
	for _, t := range allExcTypes {
		if t != ThreadErrorType { // thread.error is not a builtin
			Builtins.setStr(t.name, t)
		}
	}
	// exec is a statement in Python 2, not a builtin name.
	for _, n := range []struct{ name, rule string }{{"eval", "dynamic-eval"},
		{"execfile", "dynamic-execfile"}, {"compile", "dynamic-compile"}, {"input", "dynamic-input"}} {
		n := n
		builtin(n.name, func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
			if n.name == "compile" {
				if r, err, ok := compileOnlyAST(f, args, kw); ok {
					return r, err
				}
			}
			return nil, NewNotImplemented(n.name+"()", n.rule)
		})
	}
	for _, name := range []string{"exit", "quit"} {
		builtin(name, func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
			if err := UnpackArgs(name, args, kw, 0, 1); err != nil {
				return nil, err
			}
			return nil, NewExceptionArgs(SystemExitType, args...)
		})
	}
	builtin("abs", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := OneArg("abs", args, kw); err != nil {
			return nil, err
		}
		return Abs(f, args[0])
	})
	anyAll := func(name string, want bool) {
		builtin(name, func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
			if err := OneArg(name, args, kw); err != nil {
				return nil, err
			}
			it, err := Iter(f, args[0])
			if err != nil {
				return nil, err
			}
			for {
				v, err := Next(f, it)
				if err != nil {
					return nil, err
				}
				if v == nil {
					return NewBool(!want), nil
				}
				t, err := IsTrue(f, v)
				if err != nil {
					return nil, err
				}
				if t == want {
					return NewBool(want), nil
				}
			}
		})
	}
	anyAll("any", true)
	anyAll("all", false)
	builtin("apply", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := UnpackArgs("apply", args, kw, 1, 3); err != nil {
			return nil, err
		}
		var star, starstar Object
		if len(args) > 1 {
			star = args[1]
		}
		if len(args) > 2 {
			starstar = args[2]
		}
		return CallStar(f, args[0], nil, nil, star, starstar)
	})
	builtin("callable", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := OneArg("callable", args, kw); err != nil {
			return nil, err
		}
		return NewBool(IsCallable(args[0])), nil
	})
	builtin("chr", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := UnpackArgs("chr", args, kw, 1, 1); err != nil {
			return nil, err
		}
		n, err := intArg(f, args[0])
		if err != nil {
			return nil, err
		}
		if n < 0 || n > 255 {
			return nil, NewValueError("chr() arg not in range(256)")
		}
		return charStrs[n], nil
	})
	builtin("unichr", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := UnpackArgs("unichr", args, kw, 1, 1); err != nil {
			return nil, err
		}
		n, err := intArg(f, args[0])
		if err != nil {
			return nil, err
		}
		if n < 0 || n > 0x10ffff {
			return nil, NewValueError("unichr() arg not in range(0x110000) (wide Python build)")
		}
		return NewUnicodeRunes([]rune{rune(n)}), nil
	})
	builtin("ord", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := OneArg("ord", args, kw); err != nil {
			return nil, err
		}
		switch v := args[0].(type) {
		case *Str:
			if len(v.s) != 1 {
				return nil, NewTypeError("ord() expected a character, but string of length " + itoa(len(v.s)) + " found")
			}
			return NewInt(int64(v.s[0])), nil
		case *Unicode:
			if len(v.r) != 1 {
				return nil, NewTypeError("ord() expected a character, but string of length " + itoa(len(v.r)) + " found")
			}
			return NewInt(int64(v.r[0])), nil
		}
		return nil, NewTypeError("ord() expected string of length 1, but " + args[0].Type().tpName() + " found")
	})
	builtin("cmp", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := UnpackArgs("cmp", args, kw, 2, 2); err != nil {
			return nil, err
		}
		c, err := Cmp(f, args[0], args[1])
		if err != nil {
			return nil, err
		}
		return NewInt(int64(c)), nil
	})
	builtin("coerce", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := UnpackArgs("coerce", args, kw, 2, 2); err != nil {
			return nil, err
		}
		a, b := args[0], args[1]
		switch x := a.(type) {
		case *Int:
			switch y := b.(type) {
			case *Int:
				return NewTuple(a, b), nil
			case *Long:
				return NewTuple(NewLong(big.NewInt(x.v)), b), nil
			case *Float:
				return NewTuple(NewFloat(float64(x.v)), y), nil
			}
		case *Long:
			switch y := b.(type) {
			case *Int:
				return NewTuple(a, NewLong(big.NewInt(y.v))), nil
			case *Long:
				return NewTuple(a, b), nil
			case *Float:
				fv, err := x.toFloat()
				if err != nil {
					return nil, err
				}
				return NewTuple(NewFloat(fv), y), nil
			}
		case *Float:
			if fv, ok, err := toFloat64(b); ok || err != nil {
				if err != nil {
					return nil, err
				}
				return NewTuple(a, NewFloat(fv)), nil
			}
		}
		return nil, NewTypeError("number coercion failed")
	})
	builtin("delattr", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := UnpackArgs("delattr", args, kw, 2, 2); err != nil {
			return nil, err
		}
		name, err := attrName(args[1])
		if err != nil {
			return nil, err
		}
		return None, DelAttr(f, args[0], name)
	})
	builtin("getattr", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := UnpackArgs("getattr", args, kw, 2, 3); err != nil {
			return nil, err
		}
		name, err := attrName(args[1])
		if err != nil {
			return nil, NewTypeError("getattr(): attribute name must be string")
		}
		v, err := GetAttr(f, args[0], name)
		if err != nil && len(args) == 3 && err.IsInstance(AttributeErrorType) {
			return args[2], nil
		}
		return v, err
	})
	builtin("setattr", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := UnpackArgs("setattr", args, kw, 3, 3); err != nil {
			return nil, err
		}
		name, err := attrName(args[1])
		if err != nil {
			return nil, err
		}
		return None, SetAttr(f, args[0], name, args[2])
	})
	builtin("hasattr", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := UnpackArgs("hasattr", args, kw, 2, 2); err != nil {
			return nil, err
		}
		name, err := attrName(args[1])
		if err != nil {
			return nil, NewTypeError("hasattr(): attribute name must be string")
		}
		_, gerr := GetAttr(f, args[0], name)
		if gerr != nil && !gerr.IsInstance(ExceptionType) {
			return nil, gerr
		}
		return NewBool(gerr == nil), nil
	})
	builtin("dir", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := UnpackArgs("dir", args, kw, 0, 1); err != nil {
			return nil, err
		}
		if len(args) == 0 {
			l := NewList(f.Globals.Keys()...)
			return l, l.Sort(f, nil, nil, false)
		}
		return dirOf(f, args[0])
	})
	builtin("divmod", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := UnpackArgs("divmod", args, kw, 2, 2); err != nil {
			return nil, err
		}
		return Divmod(f, args[0], args[1])
	})
	builtin("filter", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := UnpackArgs("filter", args, kw, 2, 2); err != nil {
			return nil, err
		}
		items, err := ToSlice(f, args[1])
		if err != nil {
			return nil, err
		}
		var out []Object
		for _, it := range items {
			v := it
			if args[0] != None {
				v, err = Call(f, args[0], []Object{it}, nil)
				if err != nil {
					return nil, err
				}
			}
			t, err := IsTrue(f, v)
			if err != nil {
				return nil, err
			}
			if t {
				out = append(out, it)
			}
		}
		switch s := args[1].(type) {
		case *Str:
			var b strings.Builder
			for _, o := range out {
				b.WriteString(o.(*Str).s)
			}
			_ = s
			return NewStr(b.String()), nil
		case *Tuple:
			return NewTuple(out...), nil
		case *Unicode:
			var r []rune
			for _, o := range out {
				r = append(r, o.(*Unicode).r...)
			}
			return NewUnicodeRunes(r), nil
		}
		return NewList(out...), nil
	})
	builtin("map", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		if len(kw) > 0 {
			return nil, NewTypeError("map() takes no keyword arguments")
		}
		if len(args) < 2 {
			return nil, NewTypeError("map() requires at least two args")
		}
		seqs := make([][]Object, len(args)-1)
		n := 0
		for i, a := range args[1:] {
			s, err := ToSlice(f, a)
			if err != nil {
				if err.IsInstance(TypeErrorType) {
					return nil, NewTypeError("argument " + itoa(i+2) + " to map() must support iteration")
				}
				return nil, err
			}
			seqs[i] = s
			n = max(n, len(s))
		}
		out := make([]Object, n)
		for j := 0; j < n; j++ {
			cargs := make([]Object, len(seqs))
			for i, s := range seqs {
				if j < len(s) {
					cargs[i] = s[j]
				} else {
					cargs[i] = None
				}
			}
			if args[0] == None {
				if len(cargs) == 1 {
					out[j] = cargs[0]
				} else {
					out[j] = NewTuple(cargs...)
				}
				continue
			}
			v, err := Call(f, args[0], cargs, nil)
			if err != nil {
				return nil, err
			}
			out[j] = v
		}
		return NewList(out...), nil
	})
	builtin("zip", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		if len(kw) > 0 {
			return nil, NewTypeError("zip() takes no keyword arguments")
		}
		if len(args) == 0 {
			return NewList(), nil
		}
		iters := make([]Object, len(args))
		for i, a := range args {
			it, err := Iter(f, a)
			if err != nil {
				if err.IsInstance(TypeErrorType) {
					return nil, NewTypeError("zip argument #" + itoa(i+1) + " must support iteration")
				}
				return nil, err
			}
			iters[i] = it
		}
		var out []Object
		for {
			tup := make([]Object, len(iters))
			for i, it := range iters {
				v, err := Next(f, it)
				if err != nil {
					return nil, err
				}
				if v == nil {
					return NewList(out...), nil
				}
				tup[i] = v
			}
			out = append(out, NewTuple(tup...))
		}
	})
	builtin("reduce", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := UnpackArgs("reduce", args, kw, 2, 3); err != nil {
			return nil, err
		}
		it, err := Iter(f, args[1])
		if err != nil {
			if err.IsInstance(TypeErrorType) {
				return nil, NewTypeError("reduce() arg 2 must support iteration")
			}
			return nil, err
		}
		var acc Object
		if len(args) == 3 {
			acc = args[2]
		}
		for {
			v, err := Next(f, it)
			if err != nil {
				return nil, err
			}
			if v == nil {
				break
			}
			if acc == nil {
				acc = v
				continue
			}
			acc, err = Call(f, args[0], []Object{acc, v}, nil)
			if err != nil {
				return nil, err
			}
		}
		if acc == nil {
			return nil, NewTypeError("reduce() of empty sequence with no initial value")
		}
		return acc, nil
	})
	builtin("globals", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := NoArgs("globals", args, kw); err != nil {
			return nil, err
		}
		return f.Globals, nil
	})
	builtin("locals", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		if f.Code != nil && f.Code.Name == "<module>" {
			return f.Globals, nil
		}
		return nil, NewNotImplemented("locals() inside a function (the transpiler must lower it)", "dynamic-locals")
	})
	builtin("vars", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := UnpackArgs("vars", args, kw, 0, 1); err != nil {
			return nil, err
		}
		if len(args) == 0 {
			return Call(f, Builtins.getStr("locals"), nil, nil)
		}
		d, err := GetAttr(f, args[0], "__dict__")
		if err != nil {
			return nil, NewTypeError("vars() argument must have __dict__ attribute")
		}
		return d, nil
	})
	builtin("hash", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := OneArg("hash", args, kw); err != nil {
			return nil, err
		}
		h, err := Hash(f, args[0])
		if err != nil {
			return nil, err
		}
		return NewInt(h), nil
	})
	builtin("id", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := OneArg("id", args, kw); err != nil {
			return nil, err
		}
		return NewInt(ID(args[0])), nil
	})
	radix := func(name string) {
		builtin(name, func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
			if err := OneArg(name, args, kw); err != nil {
				return nil, err
			}
			return radixString(f, name, args[0])
		})
	}
	radix("hex")
	radix("oct")
	radix("bin")
	builtin("intern", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := UnpackArgs("intern", args, kw, 1, 1); err != nil {
			return nil, err
		}
		s, ok := args[0].(*Str)
		if !ok {
			return nil, NewTypeError("intern() argument 1 must be string, not " + args[0].Type().tpName())
		}
		return internStr(s), nil
	})
	builtin("isinstance", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := UnpackArgs("isinstance", args, kw, 2, 2); err != nil {
			return nil, err
		}
		r, err := IsInstance(f, args[0], args[1])
		return NewBool(r), err
	})
	builtin("issubclass", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := UnpackArgs("issubclass", args, kw, 2, 2); err != nil {
			return nil, err
		}
		r, err := IsSubclass(f, args[0], args[1])
		return NewBool(r), err
	})
	builtin("iter", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := UnpackArgs("iter", args, kw, 1, 2); err != nil {
			return nil, err
		}
		if len(args) == 2 {
			if !IsCallable(args[0]) {
				return nil, NewTypeError("iter(v, w): v must be callable")
			}
			return &callIter{fn: args[0], sentinel: args[1]}, nil
		}
		return Iter(f, args[0])
	})
	builtin("next", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := UnpackArgs("next", args, kw, 1, 2); err != nil {
			return nil, err
		}
		if !isIterator(args[0]) {
			return nil, NewTypeError(typeNameForError(args[0]) + " object is not an iterator")
		}
		v, err := Next(f, args[0])
		if err != nil {
			return nil, err
		}
		if v == nil {
			if len(args) == 2 {
				return args[1], nil
			}
			return nil, NewExceptionArgs(StopIterationType)
		}
		return v, nil
	})
	builtin("len", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := OneArg("len", args, kw); err != nil {
			return nil, err
		}
		n, err := Len(f, args[0])
		if err != nil {
			return nil, err
		}
		return NewInt(int64(n)), nil
	})
	minMax := func(name string, op CmpOp) {
		builtin(name, func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
			var key Object
			for _, k := range kw {
				if k.Name != "key" {
					return nil, NewTypeError(name + "() got an unexpected keyword argument")
				}
				key = k.Value
			}
			var items []Object
			switch len(args) {
			case 0:
				return nil, NewTypeError(name + " expected 1 arguments, got 0")
			case 1:
				var err *BaseException
				items, err = ToSlice(f, args[0])
				if err != nil {
					return nil, err
				}
				if len(items) == 0 {
					return nil, NewValueError(name + "() arg is an empty sequence")
				}
			default:
				items = args
			}
			var best, bestKey Object
			for _, it := range items {
				k := it
				if key != nil {
					var err *BaseException
					k, err = Call(f, key, []Object{it}, nil)
					if err != nil {
						return nil, err
					}
				}
				if best == nil {
					best, bestKey = it, k
					continue
				}
				better, err := CompareBool(f, op, k, bestKey)
				if err != nil {
					return nil, err
				}
				if better {
					best, bestKey = it, k
				}
			}
			return best, nil
		})
	}
	minMax("min", LT)
	minMax("max", GT)
	builtin("pow", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := UnpackArgs("pow", args, kw, 2, 3); err != nil {
			return nil, err
		}
		if len(args) == 2 || args[2] == None {
			return Pow(f, args[0], args[1])
		}
		return pow3(f, args[0], args[1], args[2])
	})
	rangeBuiltin = builtin("range", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := UnpackArgs("range", args, kw, 1, 3); err != nil {
			return nil, err
		}
		start, stop, step, err := rangeArgs(f, "range", args)
		if err != nil {
			return nil, err
		}
		n := rangeLen(start, stop, step)
		if n > 1<<28 {
			return nil, NewException(MemoryErrorType, "")
		}
		out := make([]Object, n)
		v := start
		for i := range out {
			out[i] = NewInt(v)
			v += step
		}
		return NewList(out...), nil
	})
	builtin("raw_input", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := UnpackArgs("raw_input", args, kw, 0, 1); err != nil {
			return nil, err
		}
		if len(args) == 1 {
			out, err := sysStdout(f)
			if err != nil {
				return nil, err
			}
			s, err := ToStr(f, args[0])
			if err != nil {
				return nil, err
			}
			if err := fileWrite(f, out, s); err != nil {
				return nil, err
			}
		}
		flushStdout()
		in, ok := SysModule.dict.getStr("stdin").(*File)
		if !ok {
			return nil, NewRuntimeError("raw_input(): lost sys.stdin")
		}
		in.mu.Lock()
		line, err := in.readLine(-1)
		in.mu.Unlock()
		if err != nil {
			return nil, err
		}
		if line == "" {
			return nil, NewException(EOFErrorType, "EOF when reading a line")
		}
		return NewStr(strings.TrimSuffix(line, "\n")), nil
	})
	builtin("reload", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := OneArg("reload", args, kw); err != nil {
			return nil, err
		}
		m, ok := args[0].(*Module)
		if !ok {
			return nil, NewTypeError("reload() argument must be module")
		}
		if SysModules.getStr(m.name) != m {
			return nil, NewException(ImportErrorType, "reload(): module "+m.name+" not in sys.modules")
		}
		spec := lookupSpec(m.name)
		if spec == nil || spec.Init == nil {
			return m, nil
		}
		// Like CPython, a module reloading itself while it reloads gets the
		// module back instead of recursing.
		if !startReload(m.name) {
			return m, nil
		}
		defer endReload(m.name)
		file := spec.Filename
		if s, ok := m.dict.getStr("__file__").(*Str); ok {
			file = s.s
		}
		mf := NewFrame(f, &Code{Name: "<module>", Filename: file, Lines: spec.Lines}, m.dict)
		err := mf.checkDepth()
		if err == nil {
			err = spec.Init(mf, m)
		}
		if err != nil {
			return nil, err
		}
		return m, nil
	})
	builtin("repr", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := OneArg("repr", args, kw); err != nil {
			return nil, err
		}
		r, err := Repr(f, args[0])
		return r, err
	})
	builtin("round", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		var a [2]Object
		if err := ParseArgs("round", args, kw, []string{"number", "ndigits"}, 1, a[:]); err != nil {
			return nil, err
		}
		x, ok, err := toFloat64(a[0])
		if err != nil {
			return nil, err
		}
		if !ok {
			if inst, isInst := a[0].(*Instance); isInst {
				if r, found, err := callSpecial(f, inst, "__float__"); found || err != nil {
					if err != nil {
						return nil, err
					}
					x, _, _ = toFloat64(r)
					ok = true
				}
			}
			if !ok {
				return nil, NewTypeError("a float is required")
			}
		}
		nd := 0
		if a[1] != nil {
			nd, err = IndexInt(f, a[1], "integer argument expected, got ")
			if err != nil {
				return nil, err
			}
		}
		return NewFloat(roundHalfAway(x, nd)), nil
	})
	builtin("sorted", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		var a [4]Object
		if err := ParseArgs("sorted", args, kw, []string{"iterable", "cmp", "key", "reverse"}, 1, a[:]); err != nil {
			return nil, err
		}
		items, err := ToSlice(f, a[0])
		if err != nil {
			return nil, err
		}
		l := NewList(items...)
		l.alloc = extendAlloc(0, 0, len(items), extendHint(a[0], items)) // list(iterable), for sys.getsizeof
		rev := false
		if a[3] != nil {
			rev, err = IsTrue(f, a[3])
			if err != nil {
				return nil, err
			}
		}
		return l, l.Sort(f, a[1], a[2], rev)
	})
	builtin("sum", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := UnpackArgs("sum", args, kw, 1, 2); err != nil {
			return nil, err
		}
		var acc Object = NewInt(0)
		if len(args) == 2 {
			acc = args[1]
			switch acc.(type) {
			case *Str:
				return nil, NewTypeError("sum() can't sum strings [use ''.join(seq) instead]")
			}
		}
		it, err := Iter(f, args[0])
		if err != nil {
			return nil, err
		}
		if a, ok := acc.(*Int); ok && a != True && a != False {
			// exact ints add up unboxed while they fit, as in CPython's
			// sum: no int object per partial sum
			s, added := a.v, false
			for {
				v, err := Next(f, it)
				if err != nil {
					return nil, err
				}
				if v == nil {
					if !added {
						return acc, nil
					}
					return NewInt(s), nil
				}
				if x, ok := v.(*Int); ok {
					if t := s + x.v; (t > s) == (x.v > 0) {
						s, added = t, true
						continue
					}
				}
				// an overflow or another type: on with objects
				if added {
					acc = NewInt(s)
				}
				if acc, err = Add(f, acc, v); err != nil {
					return nil, err
				}
				break
			}
		}
		for {
			v, err := Next(f, it)
			if err != nil {
				return nil, err
			}
			if v == nil {
				return acc, nil
			}
			acc, err = Add(f, acc, v)
			if err != nil {
				return nil, err
			}
		}
	})
	builtin("format", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := UnpackArgs("format", args, kw, 1, 2); err != nil {
			return nil, err
		}
		var spec Object = emptyStr
		if len(args) == 2 {
			spec = args[1]
		}
		return Format(f, args[0], spec)
	})
	builtin("print", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		return None, PrintFunc(f, args, kw)
	})
	builtin("__import__", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		var a [5]Object
		if err := ParseArgs("__import__", args, kw, []string{"name", "globals", "locals", "fromlist", "level"}, 1, a[:]); err != nil {
			return nil, err
		}
		name, ok := a[0].(*Str)
		if !ok {
			return nil, NewTypeError("__import__() argument 1 must be string, not " + a[0].Type().tpName())
		}
		var from []string
		if a[3] != nil && a[3] != None {
			items, err := ToSlice(f, a[3])
			if err != nil {
				return nil, err
			}
			for _, it := range items {
				if s, ok := it.(*Str); ok {
					from = append(from, s.s)
				}
			}
		}
		return Import(f, name.s, from)
	})
}

// PrintFunc is print() under `from __future__ import print_function`.
func PrintFunc(f *Frame, args []Object, kw Kwargs) *BaseException {
	var sep, end, file Object
	for _, k := range kw {
		switch k.Name {
		case "sep":
			sep = k.Value
		case "end":
			end = k.Value
		case "file":
			file = k.Value
		default:
			return NewTypeError("'" + k.Name + "' is an invalid keyword argument for this function")
		}
	}
	if file == nil || file == None {
		var err *BaseException
		file, err = sysStdout(f)
		if err != nil {
			return err
		}
	}
	for _, p := range []struct {
		name string
		v    Object
	}{{"sep", sep}, {"end", end}} {
		switch p.v.(type) {
		case nil, *NoneObject, *Str, *Unicode:
		default:
			return NewTypeError(p.name + " must be None, str or unicode, not " + p.v.Type().tpName())
		}
	}
	if sep == nil || sep == None {
		sep = NewStr(" ")
	}
	if end == nil || end == None {
		end = NewStr("\n")
	}
	for i, a := range args {
		if i > 0 {
			if err := fileWrite(f, file, sep); err != nil {
				return err
			}
		}
		s, err := StrObject(f, a)
		if err != nil {
			return err
		}
		if err := fileWrite(f, file, s); err != nil {
			return err
		}
	}
	return fileWrite(f, file, end)
}

func attrName(o Object) (string, *BaseException) {
	switch v := o.(type) {
	case *Str:
		return v.s, nil
	case *Unicode:
		return string(v.r), nil
	}
	return "", NewTypeError("attribute name must be string, not '" + o.Type().tpName() + "'")
}

func intArg(f *Frame, o Object) (int64, *BaseException) {
	switch v := o.(type) {
	case *Int:
		return v.v, nil
	case *Long:
		if v.v.IsInt64() {
			return v.v.Int64(), nil
		}
		return 0, NewOverflowError("Python int too large to convert to C long")
	case *Float:
		return 0, NewTypeError("integer argument expected, got float")
	}
	n, err := IndexInt(f, o, "an integer is required")
	return int64(n), err
}

var internMu = make(chan struct{}, 1)
var interned = map[string]*Str{}

func internStr(s *Str) *Str {
	internMu <- struct{}{}
	defer func() { <-internMu }()
	if v, ok := interned[s.s]; ok {
		return v
	}
	interned[s.s] = s
	return s
}

// IsInstance is isinstance(o, cls) for types, classic classes and tuples.
func IsInstance(f *Frame, o, cls Object) (bool, *BaseException) {
	switch c := cls.(type) {
	case *Type:
		if o.Type() == c {
			return true, nil
		}
		if r, found, err := metaCheck(f, c, "__instancecheck__", o); found {
			return r, err
		}
		if o.Type().IsSubtype(c) {
			return true, nil
		}
		if e, ok := o.(*BaseException); ok && e.classic == nil {
			return e.typ.IsSubtype(c), nil
		}
		return false, nil
	case *Class:
		if ci, ok := o.(*ClassicInstance); ok {
			return ci.class.isSubclass(c), nil
		}
		return false, nil
	case *Tuple:
		for _, el := range c.elems {
			r, err := IsInstance(f, o, el)
			if err != nil || r {
				return r, err
			}
		}
		return false, nil
	}
	return false, NewTypeError("isinstance() arg 2 must be a class, type, or tuple of classes and types")
}

// metaCheck calls cls's metaclass hook (ABCMeta.__instancecheck__ or
// __subclasscheck__) when a user metaclass defines one, as CPython's
// PyObject_IsInstance/IsSubclass do.
func metaCheck(f *Frame, cls *Type, name string, arg Object) (bool, bool, *BaseException) {
	if cls.meta == nil || cls.meta == TypeType {
		return false, false, nil
	}
	m := userLookup(cls.meta, name)
	if m == nil {
		return false, false, nil
	}
	r, err := callDescr(f, m, cls, cls.meta, []Object{arg}, nil)
	if err != nil {
		return false, true, err
	}
	t, err := IsTrue(f, r)
	return t, true, err
}

// IsSubclass is issubclass(c, cls).
func IsSubclass(f *Frame, c, cls Object) (bool, *BaseException) {
	if t, ok := cls.(*Tuple); ok {
		for _, el := range t.elems {
			r, err := IsSubclass(f, c, el)
			if err != nil || r {
				return r, err
			}
		}
		return false, nil
	}
	if b, ok := cls.(*Type); ok {
		if r, found, err := metaCheck(f, b, "__subclasscheck__", c); found {
			return r, err
		}
	}
	switch a := c.(type) {
	case *Type:
		if b, ok := cls.(*Type); ok {
			return a.IsSubtype(b), nil
		}
		if _, ok := cls.(*Class); ok {
			return false, nil
		}
	case *Class:
		if b, ok := cls.(*Class); ok {
			return a.isSubclass(b), nil
		}
		if _, ok := cls.(*Type); ok {
			return false, nil
		}
	default:
		return false, NewTypeError("issubclass() arg 1 must be a class")
	}
	return false, NewTypeError("issubclass() arg 2 must be a class or tuple of classes")
}

func radixString(f *Frame, name string, o Object) (Object, *BaseException) {
	var v *big.Int
	isLong := false
	switch x := o.(type) {
	case *Int:
		v = big.NewInt(x.v)
	case *Long:
		v, isLong = x.v, true
	default:
		if inst, ok := o.(*Instance); ok {
			hook := map[string]string{"hex": "__hex__", "oct": "__oct__", "bin": "__index__"}[name]
			if r, found, err := callSpecial(f, inst, hook); found || err != nil {
				if err != nil || name != "bin" {
					return r, err
				}
				return radixString(f, name, r)
			}
		}
		if name == "bin" {
			return nil, NewTypeError("'" + o.Type().tpName() + "' object cannot be interpreted as an index")
		}
		return nil, NewTypeError(name + "() argument can't be converted to " + name)
	}
	neg := v.Sign() < 0
	a := new(big.Int).Abs(v)
	var s string
	switch name {
	case "hex":
		s = "0x" + a.Text(16)
	case "oct":
		if a.Sign() == 0 {
			s = "0"
		} else {
			s = "0" + a.Text(8)
		}
	default:
		s = "0b" + a.Text(2)
	}
	if neg {
		s = "-" + s
	}
	if isLong && name != "bin" {
		s += "L"
	}
	return NewStr(s), nil
}

// roundHalfAway rounds x to nd decimal digits, halves away from zero, on
// x's exact decimal value, as CPython 2.7's float round does.
func roundHalfAway(x float64, nd int) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) || x == 0 {
		return x
	}
	if nd > 22 {
		return x
	}
	if nd < -308 {
		return math.Copysign(0, x)
	}
	exact := new(big.Float).SetPrec(0).SetFloat64(x)
	s := exact.Text('f', 1100)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	dot := strings.IndexByte(s, '.')
	intPart, frac := s[:dot], s[dot+1:]
	digits := intPart + frac
	cut := len(intPart) + nd
	var kept string
	var roundUp bool
	switch {
	case cut < 0:
		kept, roundUp = "0", false
		cut = 0
	case cut >= len(digits):
		return x
	default:
		kept = digits[:cut]
		roundUp = digits[cut] >= '5'
	}
	n := new(big.Int)
	if kept != "" {
		n.SetString(kept, 10)
	}
	if roundUp {
		n.Add(n, big.NewInt(1))
	}
	str := n.String()
	scale := len(intPart) + nd - cut
	_ = scale
	exp := -(nd)
	r, _ := strconv.ParseFloat(str+"e"+strconv.Itoa(exp), 64)
	if cut == 0 && !roundUp {
		r = 0
	}
	if neg {
		r = -r
	}
	return r
}

func rangeArgs(f *Frame, name string, args []Object) (int64, int64, int64, *BaseException) {
	vals := make([]int64, len(args))
	for i, a := range args {
		switch v := a.(type) {
		case *Int:
			vals[i] = v.v
		case *Long:
			if !v.v.IsInt64() {
				return 0, 0, 0, NewOverflowError(name + "() result has too many items")
			}
			vals[i] = v.v.Int64()
		case *Float:
			return 0, 0, 0, NewTypeError(name + "() integer end argument expected, got float.")
		default:
			n, err := IndexInt(f, a, name+"() integer end argument expected, got "+a.Type().name+".")
			if err != nil {
				return 0, 0, 0, err
			}
			vals[i] = int64(n)
		}
	}
	start, stop, step := int64(0), int64(0), int64(1)
	switch len(vals) {
	case 1:
		stop = vals[0]
	case 2:
		start, stop = vals[0], vals[1]
	default:
		start, stop, step = vals[0], vals[1], vals[2]
	}
	if step == 0 {
		return 0, 0, 0, NewValueError(name + "() step argument must not be zero")
	}
	return start, stop, step, nil
}

func rangeLen(start, stop, step int64) int {
	if step > 0 && start < stop {
		return int((stop-start-1)/step + 1)
	}
	if step < 0 && start > stop {
		return int((start-stop-1)/(-step) + 1)
	}
	return 0
}

// callIter is iter(callable, sentinel).
type callIter struct {
	fn, sentinel Object
	done         bool
}

var callIterType = newBuiltinType("callable-iterator", nil)

func (c *callIter) Type() *Type                            { return callIterType }
func (c *callIter) Iter(f *Frame) (Object, *BaseException) { return c, nil }
func (c *callIter) Next(f *Frame) (Object, *BaseException) {
	if c.done {
		return nil, nil
	}
	v, err := Call(f, c.fn, nil, nil)
	if err != nil {
		if err.IsInstance(StopIterationType) {
			c.done = true
			return nil, nil
		}
		return nil, err
	}
	eq, err := Eq(f, v, c.sentinel)
	if err != nil {
		return nil, err
	}
	if eq {
		c.done = true
		return nil, nil
	}
	return v, nil
}

func dirOf(f *Frame, o Object) (Object, *BaseException) {
	names := NewDict()
	add := func(d *Dict) {
		if d == nil {
			return
		}
		for _, k := range d.Keys() {
			_ = names.SetItem(f, k, None)
		}
	}
	switch v := o.(type) {
	case *Module:
		add(v.dict)
	case *Type:
		for _, m := range v.mro {
			add(m.dict)
		}
	case *Class:
		var walk func(c *Class)
		walk = func(c *Class) {
			add(c.dict)
			for _, b := range c.bases {
				walk(b)
			}
		}
		walk(v)
	case *ClassicInstance:
		add(v.dict)
		r, err := dirOf(f, v.class)
		if err != nil {
			return nil, err
		}
		for _, k := range r.(*List).elems {
			_ = names.SetItem(f, k, None)
		}
	default:
		if dh, ok := o.(DictHolder); ok {
			add(dh.Dict())
		}
		for _, m := range o.Type().mro {
			add(m.dict)
		}
	}
	l := NewList(names.Keys()...)
	return l, l.Sort(f, nil, nil, false)
}

func pow3(f *Frame, a, b, c Object) (Object, *BaseException) {
	ab, aok := IndexBig(f, a)
	bb, bok := IndexBig(f, b)
	cb, cok := IndexBig(f, c)
	if _, isF := a.(*Float); isF || !aok || !bok || !cok {
		return nil, NewTypeError("pow() 3rd argument not allowed unless all arguments are integers")
	}
	if bb.Sign() < 0 {
		return nil, NewTypeError("pow() 2nd argument cannot be negative when 3rd argument specified")
	}
	if cb.Sign() == 0 {
		return nil, NewValueError("pow() 3rd argument cannot be 0")
	}
	r := new(big.Int).Exp(ab, bb, new(big.Int).Abs(cb))
	// Python's result takes the sign of the modulus
	if r.Sign() != 0 && cb.Sign() < 0 {
		r.Add(r, cb)
	}
	_, al := a.(*Long)
	_, bl := b.(*Long)
	_, cl := c.(*Long)
	if al || bl || cl {
		return NewLong(r), nil
	}
	return NewInt(r.Int64()), nil
}

var (
	reloadingMu sync.Mutex
	reloading   = map[string]bool{} // CPython's modules_reloading
)

func startReload(name string) bool {
	reloadingMu.Lock()
	defer reloadingMu.Unlock()
	if reloading[name] {
		return false
	}
	reloading[name] = true
	return true
}

func endReload(name string) {
	reloadingMu.Lock()
	delete(reloading, name)
	reloadingMu.Unlock()
}

// CompileLiteralAST is set by the _ast module: compile(source, filename,
// 'eval', PyCF_ONLY_AST) for a literal source, which is what
// ast.literal_eval needs (ok false: not such a call).
var CompileLiteralAST func(f *Frame, source, mode string) (Object, *BaseException, bool)

// compileOnlyAST handles the compile() calls that only parse a literal.
func compileOnlyAST(f *Frame, args []Object, kw Kwargs) (Object, *BaseException, bool) {
	var a [5]Object
	if err := ParseArgs("compile", args, kw, []string{"source", "filename", "mode", "flags", "dont_inherit"}, 3, a[:]); err != nil {
		return nil, nil, false
	}
	flags, ok := a[3].(*Int)
	src, isStr := a[0].(*Str)
	mode, modeOK := a[2].(*Str)
	if CompileLiteralAST == nil || !ok || flags.v&1024 == 0 || !isStr || !modeOK {
		return nil, nil, false
	}
	return CompileLiteralAST(f, src.s, mode.s)
}
