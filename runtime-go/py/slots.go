package py

// Slot wrappers: the special methods of built-in types as attributes
// (int.__add__, dict.__setitem__, list.__getitem__...), so user code can
// call them explicitly (dict.__setitem__(self, k, v), super(...).__len__())
// and hasattr() answers as in CPython. They dispatch to the same Go
// behaviour the operators use, on the built-in value behind self.

var binarySlots = map[string]struct {
	op   Op
	side Side
}{}

func init() {
	for op := Op(0); op < numOps; op++ {
		binarySlots[binaryNames[op][0]] = struct {
			op   Op
			side Side
		}{op, Left}
		binarySlots[binaryNames[op][1]] = struct {
			op   Op
			side Side
		}{op, Right}
	}
}

func defBinarySlot(t *Type, name string) {
	s := binarySlots[name]
	t.def(name, func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := OneArg(name, args, kw); err != nil {
			return nil, err
		}
		b, ok := baseOf(self).(Binaryer)
		if !ok {
			return NotImplemented, nil
		}
		r, err := b.Binary(f, s.op, baseOf(args[0]), s.side)
		if err == nil && r == NotImplemented && s.side == Left && (s.op == OpAdd || s.op == OpMul) && isSequence(baseOf(self)) {
			// sequence concat/repeat raise instead of declining (sq_concat)
			return nil, binaryTypeError(s.op, baseOf(self), args[0])
		}
		return r, err
	})
}

func defRichSlots(t *Type) {
	for op := LT; op <= GE; op++ {
		op := op
		t.def(richNames[op], func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
			if err := OneArg(richNames[op], args, kw); err != nil {
				return nil, err
			}
			if r, ok := baseOf(self).(RichComparer); ok {
				return r.RichCompare(f, op, baseOf(args[0]))
			}
			return NotImplemented, nil
		})
	}
}

func defSlot(t *Type, name string, fn func(f *Frame, self Object, args []Object) (Object, *BaseException), nargs int) {
	t.def(name, func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if len(kw) > 0 || len(args) != nargs {
			return nil, NewTypeError("expected " + itoa(nargs) + " arguments, got " + itoa(len(args)))
		}
		return fn(f, baseOf(self), args)
	})
}

func init() {
	numeric := []*Type{IntType, LongType, FloatType, ComplexType}
	defer func() {
		for _, t := range numeric {
			t.def("__pow__", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
				if err := UnpackArgs("__pow__", args, kw, 1, 2); err != nil {
					return nil, err
				}
				if len(args) == 2 && args[1] != None {
					return pow3(f, baseOf(self), args[0], args[1])
				}
				b, _ := baseOf(self).(Binaryer)
				return b.Binary(f, OpPow, baseOf(args[0]), Left)
			})
		}
	}()
	for _, t := range numeric {
		for op := Op(0); op < numOps; op++ {
			if (op == OpLShift || op == OpRShift || op == OpAnd || op == OpOr || op == OpXor) && (t == FloatType || t == ComplexType) {
				continue
			}
			defBinarySlot(t, binaryNames[op][0])
			defBinarySlot(t, binaryNames[op][1])
		}
		defRichSlots(t)
		for i, name := range unaryNames {
			op := UnaryOp(i)
			if op == UInvert && (t == FloatType || t == ComplexType) {
				continue
			}
			defSlot(t, name, func(f *Frame, self Object, args []Object) (Object, *BaseException) {
				return UnaryOpCall(f, op, self)
			}, 0)
		}
		defSlot(t, "__cmp__", func(f *Frame, self Object, args []Object) (Object, *BaseException) {
			if !isNumber(args[0]) {
				return NotImplemented, nil
			}
			c, err := Cmp(f, self, baseOf(args[0]))
			return NewInt(int64(c)), err
		}, 1)
		defSlot(t, "__trunc__", func(f *Frame, self Object, args []Object) (Object, *BaseException) { return ToInt(f, self) }, 0)
		defSlot(t, "__int__", func(f *Frame, self Object, args []Object) (Object, *BaseException) { return ToInt(f, self) }, 0)
		defSlot(t, "__float__", func(f *Frame, self Object, args []Object) (Object, *BaseException) { return ToFloat(f, self) }, 0)
		defSlot(t, "__long__", func(f *Frame, self Object, args []Object) (Object, *BaseException) {
			return Call1(f, LongType, self)
		}, 0)
		defSlot(t, "__nonzero__", func(f *Frame, self Object, args []Object) (Object, *BaseException) {
			b, err := IsTrue(f, self)
			return NewBool(b), err
		}, 0)
	}
	for _, t := range []*Type{IntType, LongType} {
		defSlot(t, "__index__", func(f *Frame, self Object, args []Object) (Object, *BaseException) {
			if b, ok := self.(*Int); ok && (b == True || b == False) {
				return NewInt(b.v), nil
			}
			return self, nil
		}, 0)
	}
	seqs := map[*Type][]string{
		StrType:       {"__add__", "__mul__", "__rmul__", "__mod__"},
		UnicodeType:   {"__add__", "__mul__", "__rmul__", "__mod__"},
		ListType:      {"__add__", "__mul__", "__rmul__"},
		TupleType:     {"__add__", "__mul__", "__rmul__"},
		ByteArrayType: {"__add__", "__mul__", "__rmul__"},
		SetType:       {"__or__", "__ror__", "__and__", "__rand__", "__sub__", "__rsub__", "__xor__", "__rxor__"},
		FrozenSetType: {"__or__", "__ror__", "__and__", "__rand__", "__sub__", "__rsub__", "__xor__", "__rxor__"},
		DictType:      nil,
	}
	for t, ops := range seqs {
		for _, name := range ops {
			defBinarySlot(t, name)
		}
		defRichSlots(t)
		defSlot(t, "__len__", func(f *Frame, self Object, args []Object) (Object, *BaseException) {
			n, err := Len(f, self)
			return NewInt(int64(n)), err
		}, 0)
		defSlot(t, "__contains__", func(f *Frame, self Object, args []Object) (Object, *BaseException) {
			b, err := Contains(f, self, args[0])
			return NewBool(b), err
		}, 1)
		defSlot(t, "__iter__", func(f *Frame, self Object, args []Object) (Object, *BaseException) {
			return Iter(f, self)
		}, 0)
		if t != SetType && t != FrozenSetType {
			defSlot(t, "__getitem__", func(f *Frame, self Object, args []Object) (Object, *BaseException) {
				return GetItem(f, self, args[0])
			}, 1)
		}
	}
	for _, t := range []*Type{ListType, DictType, ByteArrayType} {
		defSlot(t, "__setitem__", func(f *Frame, self Object, args []Object) (Object, *BaseException) {
			return None, SetItem(f, self, args[0], args[1])
		}, 2)
		defSlot(t, "__delitem__", func(f *Frame, self Object, args []Object) (Object, *BaseException) {
			return None, DelItem(f, self, args[0])
		}, 1)
	}
	defSlot(ListType, "__iadd__", func(f *Frame, self Object, args []Object) (Object, *BaseException) {
		return self.(*List).Inplace(f, OpAdd, args[0])
	}, 1)
	for _, t := range []*Type{IntType, LongType, FloatType, ComplexType, StrType, UnicodeType, TupleType, FrozenSetType} {
		defSlot(t, "__hash__", func(f *Frame, self Object, args []Object) (Object, *BaseException) {
			h, err := Hash(f, self)
			return NewInt(h), err
		}, 0)
	}
	for _, t := range []*Type{IntType, LongType, FloatType, ComplexType, StrType, UnicodeType, TupleType, ListType, DictType, SetType, FrozenSetType, TypeType} {
		defSlot(t, "__repr__", func(f *Frame, self Object, args []Object) (Object, *BaseException) {
			r, err := Repr(f, self)
			return r, err
		}, 0)
		defSlot(t, "__str__", func(f *Frame, self Object, args []Object) (Object, *BaseException) {
			return StrObject(f, self)
		}, 0)
	}
	// list/dict/set/frozenset set their state in __init__ (as CPython), so
	// __new__ + __init__ through subclasses behave alike.
}
