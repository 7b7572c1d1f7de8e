package py

// Object is the one interface every Python value implements. Everything
// else a value can do is an optional capability interface below; the
// standalone operations (Add, GetAttr, Call, ...) check for them, try the
// reflected operand, and raise CPython's TypeError when nothing applies.
type Object interface {
	Type() *Type
}

// Side says whether the receiver of Binary is the left or right operand.
type Side bool

const (
	Left  Side = false
	Right Side = true
)

// Op names a binary arithmetic operator.
type Op uint8

// Binary operators, in the order of the dunder table in ops.go.
const (
	OpAdd Op = iota
	OpSub
	OpMul
	OpDiv // classic division: floor for ints, true for floats
	OpTrueDiv
	OpFloorDiv
	OpMod
	OpPow
	OpLShift
	OpRShift
	OpAnd
	OpOr
	OpXor
	OpDivmod
	numOps
)

// CmpOp names a rich comparison.
type CmpOp uint8

// Rich comparison operators (CPython's Py_LT..Py_GE order).
const (
	LT CmpOp = iota
	LE
	EQ
	NE
	GT
	GE
)

// Binaryer is implemented by values with arithmetic operators. It returns
// NotImplemented when it does not handle the other operand.
type Binaryer interface {
	Binary(f *Frame, op Op, y Object, side Side) (Object, *BaseException)
}

// Inplacer is implemented by values with in-place operators (__iadd__...).
// NotImplemented falls back to Binary.
type Inplacer interface {
	Inplace(f *Frame, op Op, y Object) (Object, *BaseException)
}

// Unaryer implements -x, +x, ~x, abs(x). NotImplemented means unsupported.
type Unaryer interface {
	Unary(f *Frame, op UnaryOp) (Object, *BaseException)
}

// UnaryOp names a unary operator.
type UnaryOp uint8

// Unary operators.
const (
	UNeg UnaryOp = iota
	UPos
	UInvert
	UAbs
)

// RichComparer returns NotImplemented when it does not handle y.
type RichComparer interface {
	RichCompare(f *Frame, op CmpOp, y Object) (Object, *BaseException)
}

// Cmper is the three-way __cmp__ protocol; ok=false means NotImplemented.
type Cmper interface {
	Cmp(f *Frame, y Object) (c int, ok bool, err *BaseException)
}

// Hasher gives hash(x). Types without it use identity hashing.
type Hasher interface {
	Hash(f *Frame) (int64, *BaseException)
}

// Reprer gives repr(x).
type Reprer interface {
	Repr(f *Frame) (string, *BaseException)
}

// Strer gives str(x) when it differs from repr(x).
type Strer interface {
	Str(f *Frame) (Object, *BaseException)
}

// Truther gives bool(x) (__nonzero__).
type Truther interface {
	Truth(f *Frame) (bool, *BaseException)
}

// Lener gives len(x).
type Lener interface {
	Len(f *Frame) (int, *BaseException)
}

// Iterabler gives iter(x).
type Iterabler interface {
	Iter(f *Frame) (Object, *BaseException)
}

// Iterator is the next() protocol. Exhaustion is (nil, nil), not an
// exception, so for-loops never allocate a StopIteration.
type Iterator interface {
	Next(f *Frame) (Object, *BaseException)
}

// Container implements `in`.
type Container interface {
	Contains(f *Frame, x Object) (bool, *BaseException)
}

// ItemGetter implements x[k]. Slices arrive as *Slice.
type ItemGetter interface {
	GetItem(f *Frame, key Object) (Object, *BaseException)
}

// ItemSetter implements x[k] = v.
type ItemSetter interface {
	SetItem(f *Frame, key, value Object) *BaseException
}

// ItemDeleter implements del x[k].
type ItemDeleter interface {
	DelItem(f *Frame, key Object) *BaseException
}

// Caller implements x(...).
type Caller interface {
	Call(f *Frame, args []Object, kw Kwargs) (Object, *BaseException)
}

// AttrGetter overrides the generic attribute lookup entirely.
type AttrGetter interface {
	GetAttr(f *Frame, name string) (Object, *BaseException)
}

// AttrSetter overrides the generic attribute store/delete (v nil = delete).
type AttrSetter interface {
	SetAttr(f *Frame, name string, v Object) *BaseException
}

// DictHolder is implemented by objects with a __dict__ the generic
// attribute lookup should consult.
type DictHolder interface {
	Dict() *Dict
}

// DescrGetter is a descriptor's __get__. obj is nil for class access.
type DescrGetter interface {
	DescrGet(f *Frame, obj Object, typ *Type) (Object, *BaseException)
}

// DescrSetter is a data descriptor's __set__/__delete__ (v nil = delete).
type DescrSetter interface {
	DescrSet(f *Frame, obj Object, v Object) *BaseException
}

// Kwarg is one keyword argument at a call site.
type Kwarg struct {
	Name  string
	Value Object
}

// Kwargs are a call's keyword arguments in source order. nil means none;
// a nil slice costs nothing on the positional fast path.
type Kwargs []Kwarg
