package py

import (
	"math"
	"math/big"
)

// Long is Python 2's arbitrary-precision long. Operations on longs stay
// long (5L + 1 == 6L), as in CPython; only int results overflow into it.
type Long struct {
	v *big.Int
}

// LongType is `long`.
var LongType = newBuiltinType("long", nil)

// NewLong wraps a big.Int (not copied).
func NewLong(v *big.Int) *Long { return &Long{v: v} }

// NewLongFromString parses a decimal literal (generated code for big
// literals); it panics only on malformed literals, which the transpiler
// never emits.
func NewLongFromString(s string) *Long {
	v, ok := new(big.Int).SetString(s, 0)
	if !ok {
		panic("py: bad long literal " + s)
	}
	return &Long{v: v}
}

func bigResult(v *big.Int) Object { return &Long{v: v} }

// Type implements Object.
func (l *Long) Type() *Type { return LongType }

// Big returns the value (do not mutate).
func (l *Long) Big() *big.Int { return l.v }

// Repr appends the L suffix.
func (l *Long) Repr(f *Frame) (string, *BaseException) { return l.v.String() + "L", nil }

// Str omits the suffix.
func (l *Long) Str(f *Frame) (Object, *BaseException) { return NewStr(l.v.String()), nil }

// Truth implements bool(long).
func (l *Long) Truth(f *Frame) (bool, *BaseException) { return l.v.Sign() != 0, nil }

// Hash reproduces long_hash for 30-bit digits on LP64.
func (l *Long) Hash(f *Frame) (int64, *BaseException) { return longHash(l.v), nil }

func longHash(v *big.Int) int64 {
	if v.IsInt64() {
		x := v.Int64()
		if x == -1 {
			return -2
		}
		return x
	}
	a := new(big.Int).Abs(v)
	// split into 30-bit digits, most significant first
	var digits []uint64
	mask := big.NewInt(1<<30 - 1)
	t := new(big.Int).Set(a)
	for t.Sign() > 0 {
		digits = append(digits, new(big.Int).And(t, mask).Uint64())
		t.Rsh(t, 30)
	}
	var x uint64
	for i := len(digits) - 1; i >= 0; i-- {
		x = (x >> (64 - 30)) | (x << 30)
		x += digits[i]
		if x < digits[i] {
			x++
		}
	}
	if v.Sign() < 0 {
		x = -x
	}
	if x == math.MaxUint64 {
		x = math.MaxUint64 - 1
	}
	return int64(x)
}

// Binary implements long arithmetic (int operands are widened).
func (l *Long) Binary(f *Frame, op Op, y Object, side Side) (Object, *BaseException) {
	var ov *big.Int
	switch o := y.(type) {
	case *Int:
		ov = big.NewInt(o.v)
	case *Long:
		ov = o.v
	default:
		return NotImplemented, nil
	}
	if side == Left {
		return longOp(f, op, l.v, ov)
	}
	return longOp(f, op, ov, l.v)
}

func floorDivMod(a, b *big.Int) (*big.Int, *big.Int) {
	q, r := new(big.Int).QuoRem(a, b, new(big.Int))
	if r.Sign() != 0 && (r.Sign() < 0) != (b.Sign() < 0) {
		q.Sub(q, big.NewInt(1))
		r.Add(r, b)
	}
	return q, r
}

func longOp(f *Frame, op Op, a, b *big.Int) (Object, *BaseException) {
	switch op {
	case OpAdd:
		return bigResult(new(big.Int).Add(a, b)), nil
	case OpSub:
		return bigResult(new(big.Int).Sub(a, b)), nil
	case OpMul:
		return bigResult(new(big.Int).Mul(a, b)), nil
	case OpDiv, OpFloorDiv, OpMod, OpDivmod:
		if b.Sign() == 0 {
			return nil, NewZeroDivisionError("long division or modulo by zero")
		}
		q, r := floorDivMod(a, b)
		switch op {
		case OpMod:
			return bigResult(r), nil
		case OpDivmod:
			return NewTuple(bigResult(q), bigResult(r)), nil
		}
		return bigResult(q), nil
	case OpTrueDiv:
		if b.Sign() == 0 {
			return nil, NewZeroDivisionError("division by zero")
		}
		return longTrueDiv(a, b)
	case OpPow:
		if b.Sign() < 0 {
			if a.Sign() == 0 {
				return nil, NewZeroDivisionError("0.0 cannot be raised to a negative power")
			}
			fa, _ := new(big.Float).SetInt(a).Float64()
			fb, _ := new(big.Float).SetInt(b).Float64()
			return NewFloat(math.Pow(fa, fb)), nil
		}
		return bigResult(new(big.Int).Exp(a, b, nil)), nil
	case OpLShift:
		if !b.IsInt64() {
			return nil, NewOverflowError("long int too large to convert to int")
		}
		if b.Sign() < 0 {
			return nil, NewValueError("negative shift count")
		}
		if !b.IsInt64() || b.Int64() > 1<<32 {
			return nil, NewOverflowError("outrageous left shift count")
		}
		return bigResult(new(big.Int).Lsh(a, uint(b.Int64()))), nil
	case OpRShift:
		if !b.IsInt64() {
			return nil, NewOverflowError("long int too large to convert to int")
		}
		if b.Sign() < 0 {
			return nil, NewValueError("negative shift count")
		}
		if !b.IsInt64() || b.Int64() > 1<<32 {
			if a.Sign() < 0 {
				return bigResult(big.NewInt(-1)), nil
			}
			return bigResult(big.NewInt(0)), nil
		}
		return bigResult(new(big.Int).Rsh(a, uint(b.Int64()))), nil
	case OpAnd:
		return bigResult(new(big.Int).And(a, b)), nil
	case OpOr:
		return bigResult(new(big.Int).Or(a, b)), nil
	case OpXor:
		return bigResult(new(big.Int).Xor(a, b)), nil
	}
	return NotImplemented, nil
}

func longTrueDiv(a, b *big.Int) (Object, *BaseException) {
	r := new(big.Rat).SetFrac(a, b)
	v, _ := r.Float64()
	if v == 0 && (a.Sign() < 0) != (b.Sign() < 0) {
		v = math.Copysign(0, -1)
	}
	if math.IsInf(v, 0) {
		return nil, NewOverflowError("integer division result too large for a float")
	}
	return NewFloat(v), nil
}

// Unary implements -x, +x, ~x, abs(x).
func (l *Long) Unary(f *Frame, op UnaryOp) (Object, *BaseException) {
	switch op {
	case UNeg:
		return bigResult(new(big.Int).Neg(l.v)), nil
	case UPos:
		return l, nil
	case UInvert:
		return bigResult(new(big.Int).Not(l.v)), nil
	case UAbs:
		return bigResult(new(big.Int).Abs(l.v)), nil
	}
	return NotImplemented, nil
}

// RichCompare compares exactly against int, long and float.
func (l *Long) RichCompare(f *Frame, op CmpOp, y Object) (Object, *BaseException) {
	switch o := y.(type) {
	case *Int:
		return NewBool(cmpResult(op, l.v.Cmp(big.NewInt(o.v)))), nil
	case *Long:
		return NewBool(cmpResult(op, l.v.Cmp(o.v))), nil
	case *Float:
		if math.IsNaN(o.v) {
			return NewBool(op == NE), nil
		}
		if math.IsInf(o.v, 0) {
			if o.v > 0 {
				return NewBool(cmpResult(op, -1)), nil
			}
			return NewBool(cmpResult(op, 1)), nil
		}
		return NewBool(cmpResult(op, new(big.Float).SetInt(l.v).Cmp(new(big.Float).SetFloat64(o.v)))), nil
	}
	return NotImplemented, nil
}

// toFloat converts with CPython's OverflowError text.
func (l *Long) toFloat() (float64, *BaseException) {
	v, _ := new(big.Float).SetInt(l.v).Float64()
	if math.IsInf(v, 0) {
		return 0, NewOverflowError("long int too large to convert to float")
	}
	return v, nil
}

var _ Binaryer = (*Long)(nil)
var _ Unaryer = (*Long)(nil)
var _ RichComparer = (*Long)(nil)
var _ Hasher = (*Long)(nil)
