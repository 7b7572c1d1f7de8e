package py

import "math/big"

// sys.getsizeof and object.__sizeof__ report what CPython 2.7.18 reports on
// 64-bit Linux (UCS4 unicode), not Go's memory use: the sizes are CPython's
// struct sizes (tp_basicsize, tp_itemsize) plus the variable parts it
// counts (list over-allocation, hash-table size, long digits), and the
// 32-byte GC header for the types CPython's collector tracks.
// Testdata: testdata/gen_sizeof.py.

const gcHeadSize = 32

// cpyLayout is a built-in type's tp_basicsize and whether it is GC-tracked.
type cpyLayout struct {
	basic int
	gc    bool
}

var cpyLayouts map[*Type]cpyLayout

func init() {
	cpyLayouts = map[*Type]cpyLayout{
		ObjectType: {16, false}, IntType: {24, false}, BoolType: {24, false}, LongType: {24, false},
		FloatType: {24, false}, ComplexType: {32, false}, StrType: {37, false}, UnicodeType: {48, false},
		TupleType: {24, true}, ListType: {40, true}, DictType: {248, true}, SetType: {200, true},
		FrozenSetType: {200, true}, TypeType: {872, true}, ClassType: {72, true},
		ClassicInstanceType: {40, true}, BoundBuiltinType: {40, true}, FunctionType: {88, true},
		XRangeType: {40, false}, SliceType: {40, true}, ByteArrayType: {48, false}, BufferType: {64, false},
		ModuleType: {24, true}, NoneType: {16, false}, NotImplementedType: {16, false}, EllipsisType: {16, false},
		listIterType: {32, true}, tupleIterType: {32, true}, seqIterType: {32, true}, bytearrayIterType: {32, true},
		setIterType: {48, true}, xrangeIterType: {48, false}, listRevIterType: {32, true}, ReversedType: {32, true},
		EnumerateType: {48, true}, callIterType: {32, true}, PropertyType: {56, true}, StaticMethodType: {24, true},
		ClassMethodType: {24, true}, MethodType: {48, true}, SuperType: {40, true}, FileType: {144, false},
		GeneratorType: {48, true}, MemoryViewType: {120, true}, LockType: {32, false}, CellType: {24, true},
		TracebackType: {40, true}, frameType: {384, true}, codeType: {128, false}, BuiltinMethodType: {40, true},
		getSetType: {40, true}, memberDescrType: {40, true},
		// threading's classes are Python classes in CPython: object plus __dict__ and __weakref__.
		RLockType: {32, true}, ConditionType: {32, true}, EventType: {32, true}, SemaphoreType: {32, true},
		LocalType:         {64, true},
		BaseExceptionType: {40, true}, SystemExitType: {48, true}, EnvironmentErrorType: {64, true},
		UnicodeErrorType: {40, true}, SyntaxErrorType: {88, true},
	}
	for _, t := range dictViewTypes {
		cpyLayouts[t] = cpyLayout{24, true}
	}
	for _, t := range dictIterTypes {
		cpyLayouts[t] = cpyLayout{56, true}
	}
	for _, t := range []*Type{UnicodeDecodeErrorType, UnicodeEncodeErrorType, UnicodeTranslateErrorType} {
		cpyLayouts[t] = cpyLayout{80, true}
	}
}

// builtinLayout is the layout of the nearest built-in ancestor CPython
// knows; types of native modules it has no entry for count as object.
func builtinLayout(t *Type) cpyLayout {
	for b := t; b != nil; {
		if l, ok := cpyLayouts[b]; ok {
			return l
		}
		if len(b.bases) == 0 {
			break
		}
		b = b.bases[0]
	}
	return cpyLayouts[ObjectType]
}

// userLayout is a user class's tp_basicsize as type_new computes it: the
// solid base's size plus 8 bytes per own slot, __dict__ and __weakref__
// pointer the class adds; heap types that add any of those are GC-tracked.
func userLayout(t *Type) (l cpyLayout, hasDict, hasWeak bool) {
	if t.builtin || len(t.bases) == 0 {
		l = builtinLayout(t)
		hasDict = t.IsSubtype(BaseExceptionType) || t == FunctionType || t == TypeType || t == ModuleType || t == ClassType
		hasWeak = t == SetType || t == FrozenSetType || t == FunctionType || t == TypeType || t == FileType ||
			t == GeneratorType || t == ClassType || t == ClassicInstanceType
		return l, hasDict, hasWeak
	}
	for i, b := range t.bases {
		bl, bd, bw := userLayout(b)
		if i == 0 || bl.basic > l.basic {
			l = bl
		}
		hasDict, hasWeak = hasDict || bd, hasWeak || bw
	}
	varSized := false
	switch t.basic {
	case LongType, StrType, TupleType:
		varSized = true
	}
	add := 0
	if s := t.dict.getStr("__slots__"); s != nil {
		names, _ := slotNames(nil, s)
		for _, n := range names {
			switch n {
			case "__dict__":
				if !hasDict {
					add, hasDict = add+8, true
				}
			case "__weakref__":
				if !hasWeak && !varSized {
					add, hasWeak = add+8, true
				}
			default:
				add += 8
			}
		}
	} else {
		if !hasDict {
			add, hasDict = add+8, true
		}
		if !hasWeak && !varSized {
			add, hasWeak = add+8, true
		}
	}
	l.basic += add
	l.gc = l.gc || add > 0
	return l, hasDict, hasWeak
}

// sizeofObject is CPython's o.__sizeof__() for the built-in part of o,
// and whether CPython's collector tracks o (getsizeof adds gcHeadSize).
func sizeofObject(o Object) (int64, bool) {
	t := o.Type()
	l, _, _ := userLayout(t)
	base := o
	if inst, ok := o.(*Instance); ok && inst.base != nil {
		base = inst.base
	}
	size := int64(l.basic)
	switch v := base.(type) {
	case *Long:
		size += 4 * int64(longDigits(v.v))
	case *Str:
		size = 37 + int64(len(v.s)) // string_sizeof ignores subclasses' dicts
	case *Unicode:
		size = 48 + 4*int64(len(v.r)+1)
	case *Tuple:
		size += 8 * int64(len(v.elems))
	case *List:
		v.mu.Lock()
		size += 8 * int64(max(v.alloc, len(v.elems)))
		v.mu.Unlock()
	case *Dict:
		size += 24 * v.ht.externalSlots()
	case *Set:
		size += 16 * v.ht.externalSlots()
	case *ByteArray:
		v.mu.Lock()
		if n := len(v.b); n > 0 {
			size += int64(n) + 1 // ob_alloc: the bytes plus the trailing NUL
		}
		v.mu.Unlock()
	case *Type:
		if v.builtin {
			return int64(l.basic), false // static types are not GC-tracked
		}
		if s := v.dict.getStr("__slots__"); s != nil {
			names, _ := slotNames(nil, s)
			size += 40 * int64(len(names)) // one PyMemberDef per slot name
		}
	}
	return size, l.gc
}

// longDigits is the number of 30-bit digits CPython stores for v.
func longDigits(v *big.Int) int {
	return (v.BitLen() + 29) / 30
}

// externalSlots is the table size when it no longer lives inline in the
// object (CPython's ma_smalltable / smalltable of 8), else 0.
func (h *hashtable) externalSlots() int64 {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.table == nil || h.mask+1 <= htMinSize {
		return 0
	}
	return int64(h.mask + 1)
}

// sysGetsizeof is sys.getsizeof(object[, default]).
func sysGetsizeof(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
	var a [2]Object
	if err := ParseArgs("getsizeof", args, kw, []string{"object", "default"}, 1, a[:]); err != nil {
		return nil, err
	}
	o, dflt := a[0], a[1]
	size, err := getsizeof(f, o)
	if err != nil {
		if dflt != nil && err.IsInstance(TypeErrorType) {
			return dflt, nil
		}
		return nil, err
	}
	return NewInt(size), nil
}

func getsizeof(f *Frame, o Object) (int64, *BaseException) {
	if _, ok := o.(*ClassicInstance); ok {
		return 40 + gcHeadSize, nil // PyInstance_Type's size; __sizeof__ is not asked
	}
	size, gc := sizeofObject(o)
	if m := userLookup(o.Type(), "__sizeof__"); m != nil {
		r, err := callDescr(f, m, o, o.Type(), nil, nil)
		if err != nil {
			return 0, err
		}
		if size, err = sizeofResult(f, r); err != nil {
			return 0, err
		}
		if size < 0 {
			return 0, NewValueError("__sizeof__() should return >= 0")
		}
	}
	if gc {
		size += gcHeadSize
	}
	return size, nil
}

// sizeofResult converts __sizeof__'s result as PyInt_AsSsize_t does.
func sizeofResult(f *Frame, r Object) (int64, *BaseException) {
	switch v := baseOf(r).(type) {
	case *Int:
		return v.v, nil
	case *Long:
		if !v.v.IsInt64() {
			return 0, NewOverflowError("long int too large to convert to int")
		}
		return v.v.Int64(), nil
	case *Float:
		n, err := ToInt(f, v)
		if err != nil {
			return 0, err
		}
		return sizeofResult(f, n)
	}
	if _, ok := r.(*Instance); ok && userLookup(r.Type(), "__int__") != nil {
		n, err := ToInt(f, r)
		if err != nil {
			return 0, err
		}
		return sizeofResult(f, n)
	}
	return 0, NewTypeError("an integer is required")
}

func init() {
	ObjectType.def("__sizeof__", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := NoArgs("__sizeof__", args, kw); err != nil {
			return nil, err
		}
		if _, ok := self.(*ClassicInstance); ok {
			return NewInt(40), nil
		}
		size, _ := sizeofObject(self)
		return NewInt(size), nil
	})
}
