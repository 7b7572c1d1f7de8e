package py

import (
	"math"
	"math/bits"
)

// Num carries an intermediate value of an arithmetic expression tree
// unboxed, so `(a * 31 + i) % m` allocates one int object instead of
// three. Generated code lowers nested arithmetic through Num values
// (CODEGEN.md §4): leaves enter with NumOf; each operator is an
// inlinable fast function (AddFast, MulFast, ...) that handles two plain
// ints and reports whether it did, followed on a miss by NumBinary (which
// still computes floats unboxed); the root leaves with Object (or NumTruth, NumCompareBool,
// NumInplace). An exact int (not a bool, not a subclass) or float
// travels as a Go number; anything else travels as its object. A miss
// (an operand that is not a plain number, overflow to long, division by
// zero, a negative shift...) boxes both operands and calls the generic
// operator, so errors, overloading and results are exactly those of Add,
// Sub, Mul and the others.
type Num struct {
	o Object // the value when it is not a plain number; else its object, or nil for a computed result
	v uint64 // the int64, or the float64's bits
	k numKind
}

type numKind uint8

const (
	numObj numKind = iota
	numInt
	numFloat
)

// NumOf enters a value into a Num expression. A plain number keeps its
// object too, so boxing it again gives back that very object.
func NumOf(o Object) Num {
	switch v := o.(type) {
	case *Int:
		if v != True && v != False {
			return Num{o: o, v: uint64(v.v), k: numInt}
		}
	case *Float:
		return Num{o: o, v: math.Float64bits(v.v), k: numFloat}
	}
	return Num{o: o}
}

// Object boxes n (a number that came from an object is that object).
func (n Num) Object() Object {
	if n.o != nil {
		return n.o
	}
	switch n.k {
	case numInt:
		return NewInt(int64(n.v))
	case numFloat:
		return NewFloat(math.Float64frombits(n.v))
	}
	return n.o
}

func numI(v int64) Num   { return Num{v: uint64(v), k: numInt} }
func numF(v float64) Num { return Num{v: math.Float64bits(v), k: numFloat} }

// ints reports whether both are plain ints, and their values.
func (n Num) ints(m Num) (int64, int64, bool) {
	return int64(n.v), int64(m.v), n.k == numInt && m.k == numInt
}

// floats returns both operands as float64 when both are numbers and at
// least one is a float (Python's int-to-float coercion).
func (n Num) floats(m Num) (float64, float64, bool) {
	if n.k == numObj || m.k == numObj || (n.k == numInt && m.k == numInt) {
		return 0, 0, false
	}
	x, y := math.Float64frombits(n.v), math.Float64frombits(m.v)
	if n.k == numInt {
		x = float64(int64(n.v))
	}
	if m.k == numInt {
		y = float64(int64(m.v))
	}
	return x, y, true
}

// AddFast is a + b for two plain ints; ok=false means "call NumBinary"
// (which also does floats without boxing).
func AddFast(a, b Num) (Num, bool) {
	x, y, ok := a.ints(b)
	s := x + y
	return numI(s), ok && (s > x) == (y > 0)
}

// SubFast is a - b.
func SubFast(a, b Num) (Num, bool) {
	x, y, ok := a.ints(b)
	s := x - y
	return numI(s), ok && (s < x) == (y > 0)
}

// MulFast is a * b for factors that fit in 32 bits.
func MulFast(a, b Num) (Num, bool) {
	x, y, ok := a.ints(b)
	return numI(x * y), ok && x == int64(int32(x)) && y == int64(int32(y))
}

func numMul(x, y int64) (Num, bool) {
	hi, lo := bits.Mul64(uint64(absI(x)), uint64(absI(y)))
	if hi != 0 || lo > math.MaxInt64 || x == math.MinInt64 || y == math.MinInt64 {
		return Num{}, false
	}
	if (x < 0) != (y < 0) {
		return numI(-int64(lo)), true
	}
	return numI(int64(lo)), true
}

// ModFast is a % b for ints (float % goes to NumBinary).
func ModFast(a, b Num) (Num, bool) {
	if x, y, ok := a.ints(b); ok && y > 0 {
		m := x % y
		if m < 0 {
			m += y
		}
		return numI(m), true
	}
	return Num{}, false
}

// AndFast, OrFast and XorFast are & | ^ on plain ints.
func AndFast(a, b Num) (Num, bool) {
	x, y, ok := a.ints(b)
	return numI(x & y), ok
}

// OrFast is a | b.
func OrFast(a, b Num) (Num, bool) {
	x, y, ok := a.ints(b)
	return numI(x | y), ok
}

// XorFast is a ^ b.
func XorFast(a, b Num) (Num, bool) {
	x, y, ok := a.ints(b)
	return numI(x ^ y), ok
}

// AddFloat is a + b for two plain floats: the inlinable float path that
// generated code tries when AddFast misses; ok=false means "call
// NumBinary". The float64 conversions keep every operation rounded on
// its own (no fused multiply-add where inlined), as in CPython.
func AddFloat(a, b Num) (Num, bool) {
	return numF(float64(math.Float64frombits(a.v) + math.Float64frombits(b.v))), a.k == numFloat && b.k == numFloat
}

// SubFloat is a - b for two plain floats.
func SubFloat(a, b Num) (Num, bool) {
	return numF(float64(math.Float64frombits(a.v) - math.Float64frombits(b.v))), a.k == numFloat && b.k == numFloat
}

// MulFloat is a * b for two plain floats.
func MulFloat(a, b Num) (Num, bool) {
	return numF(float64(math.Float64frombits(a.v) * math.Float64frombits(b.v))), a.k == numFloat && b.k == numFloat
}

// DivFloat is a / b (classic or true division) for two plain floats, b != 0.
func DivFloat(a, b Num) (Num, bool) {
	y := math.Float64frombits(b.v)
	return numF(float64(math.Float64frombits(a.v) / y)), a.k == numFloat && b.k == numFloat && y != 0
}

func numFloatOp(op Op, a, b Num) (Num, bool) {
	x, y, ok := a.floats(b)
	if !ok {
		return Num{}, false
	}
	switch op {
	case OpAdd:
		return numF(float64(x + y)), true
	case OpSub:
		return numF(float64(x - y)), true
	case OpMul:
		return numF(float64(x * y)), true
	case OpDiv, OpTrueDiv:
		if y != 0 {
			return numF(float64(x / y)), true
		}
	}
	return Num{}, false
}

// numFast is op on two plain numbers when the result stays a plain
// number exactly as the generic operator would compute it.
func numFast(op Op, a, b Num) (Num, bool) {
	if x, y, ok := a.ints(b); ok {
		switch op {
		case OpAdd:
			return AddFast(a, b)
		case OpSub:
			return SubFast(a, b)
		case OpMul:
			return numMul(x, y)
		case OpMod:
			if y == -1 {
				return numI(0), true
			}
			if y != 0 {
				return numI(floorMod(x, y)), true
			}
		case OpAnd:
			return numI(x & y), true
		case OpOr:
			return numI(x | y), true
		case OpXor:
			return numI(x ^ y), true
		case OpDiv, OpFloorDiv:
			if y != 0 && !(x == math.MinInt64 && y == -1) {
				return numI(floorDiv(x, y)), true
			}
		case OpLShift:
			if y >= 0 && y < 63 {
				if r := x << uint(y); r>>uint(y) == x {
					return numI(r), true
				}
			}
		case OpRShift:
			if y >= 0 {
				return numI(x >> uint(min(y, 63))), true
			}
		}
		return Num{}, false
	}
	return numFloatOp(op, a, b)
}

// NumBinary is a op b: the fast path, else the generic operator.
func NumBinary(f *Frame, op Op, a, b Num) (Num, *BaseException) {
	if r, ok := numFast(op, a, b); ok {
		return r, nil
	}
	r, err := binaryOp(f, op, a.Object(), b.Object())
	if err != nil {
		return Num{}, err
	}
	return NumOf(r), nil
}

// NumInplace is a op= b with a Num right operand; it returns the object
// to store back (Inplace when the fast path does not apply).
func NumInplace(f *Frame, op Op, a Object, b Num) (Object, *BaseException) {
	if r, ok := numFast(op, NumOf(a), b); ok {
		return r.Object(), nil
	}
	return Inplace(f, op, a, b.Object())
}

// NumTruth is the truth value of n (IsTrue).
func NumTruth(f *Frame, n Num) (bool, *BaseException) {
	switch n.k {
	case numInt:
		return n.v != 0, nil
	case numFloat:
		return n.v<<1 != 0, nil // +0.0 and -0.0 are false
	}
	return IsTrue(f, n.o)
}

// NumCompareBool is CompareBool on two Num values: int/int and
// float/float directly, anything else through the generic comparison.
func NumCompareBool(f *Frame, op CmpOp, a, b Num) (bool, *BaseException) {
	if x, y, ok := a.ints(b); ok {
		return cmpResult(op, cmp3(x, y)), nil
	}
	if a.k == numFloat && b.k == numFloat {
		x, y := math.Float64frombits(a.v), math.Float64frombits(b.v)
		switch op {
		case LT:
			return x < y, nil
		case LE:
			return x <= y, nil
		case EQ:
			return x == y, nil
		case NE:
			return x != y, nil
		case GT:
			return x > y, nil
		case GE:
			return x >= y, nil
		}
	}
	return CompareBool(f, op, a.Object(), b.Object())
}

// CallMethodNum1 is o.name(a) inside unboxed arithmetic: a module's
// builtin with a float fast path (math.sqrt and friends) given a plain int
// or float returns its result without boxing it; anything else is
// CallMethod1.
func CallMethodNum1(f *Frame, o Object, name *Str, a Object) (Num, *BaseException) {
	if m, ok := o.(*Module); ok {
		if bf, ok := m.dict.getStrH(name.s, name.hash()).(*BuiltinFunction); ok && bf.float1 != nil {
			if n := NumOf(a); n.k != numObj {
				x := math.Float64frombits(n.v)
				if n.k == numInt {
					x = float64(int64(n.v))
				}
				if r, ok := bf.float1(x); ok {
					return numF(r), nil
				}
			}
		}
	}
	r, err := CallMethod1(f, o, name, a)
	if err != nil {
		return Num{}, err
	}
	return NumOf(r), nil
}
