package py

// zinit.go runs last (init order follows file names): it wires what
// needs every type's constructor to be set already.

func init() {
	initByteArrayStrMethods()
	// every built-in type with its own constructor exposes __new__
	for _, t := range []*Type{IntType, LongType, FloatType, ComplexType, StrType, UnicodeType, TupleType,
		ListType, DictType, SetType, FrozenSetType, BoolType, TypeType, PropertyType, SuperType,
		StaticMethodType, ClassMethodType, FileType, EnumerateType, ReversedType, XRangeType, SliceType,
		ByteArrayType, BaseExceptionType} {
		if t.newFn != nil {
			t.ensureDict()
			t.dict.setStr("__new__", &staticNew{t: t})
		}
	}
}
