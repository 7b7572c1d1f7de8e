package py

import (
	"math"
	"math/big"
	"math/bits"
	"strconv"
)

// Int is Python 2's machine int (64-bit, like CPython on LP64). Results
// that overflow are promoted to *Long, never wrapped. Values in
// [-1024, 131072] are preallocated so common arithmetic does not allocate.
//
// bool is a subclass of int; True and False are *Int values told apart by
// identity, so every int fast path accepts them too.
type Int struct {
	v int64
}

// IntType is `int`; BoolType is `bool`.
var (
	IntType  = newBuiltinType("int", nil)
	BoolType = newBuiltinType("bool", IntType)
)

// The cache covers typical loop counters and indexes (1 MiB of ints);
// CPython caches only [-5, 256] but has an int free list instead.
const (
	smallIntMin = -1024
	smallIntMax = 1 << 17
)

var smallInts [smallIntMax - smallIntMin + 1]Int

func init() {
	for i := range smallInts {
		smallInts[i].v = int64(i + smallIntMin)
	}
	BoolType.final = true
	BoolType.basic = IntType
}

// True and False are the bool singletons.
var (
	True  = &Int{v: 1}
	False = &Int{v: 0}
)

// NewInt returns the int v, from the cache when small.
func NewInt(v int64) *Int {
	if v >= smallIntMin && v <= smallIntMax {
		return &smallInts[v-smallIntMin]
	}
	return allocInt(v)
}

// intSlab is the Ints not yet handed out of the current block. While
// only one goroutine runs Python code (single-threaded mode, see
// threadmode.go) an int is carved from a block of intSlabLen, one Go
// allocation instead of one per int, much as CPython's int free list
// spares it a malloc per int. The price is memory: a block stays alive
// while any of its ints does.
var intSlab []Int

const intSlabLen = 32

// newIntF is NewInt for a caller running f: in threaded mode too, it
// carves the int from a block of f's thread, which only the goroutine
// running that thread touches (as with its free frames).
func newIntF(f *Frame, v int64) *Int {
	if v >= smallIntMin && v <= smallIntMax {
		return &smallInts[v-smallIntMin]
	}
	if !threaded.Load() || f == nil || f.thread == nil {
		return allocInt(v)
	}
	ts := f.thread
	if len(ts.ints) == 0 {
		ts.ints = make([]Int, intSlabLen)
	}
	p := &ts.ints[0]
	ts.ints = ts.ints[1:]
	p.v = v
	return p
}

func allocInt(v int64) *Int {
	if threaded.Load() {
		return &Int{v: v}
	}
	if len(intSlab) == 0 {
		intSlab = make([]Int, intSlabLen)
	}
	p := &intSlab[0]
	intSlab = intSlab[1:]
	p.v = v
	return p
}

// NewBool returns True or False.
func NewBool(b bool) *Int {
	if b {
		return True
	}
	return False
}

// Type implements Object.
func (i *Int) Type() *Type {
	if i == True || i == False {
		return BoolType
	}
	return IntType
}

// Value returns the Go value.
func (i *Int) Value() int64 { return i.v }

// Repr implements repr(int) and repr(bool).
func (i *Int) Repr(f *Frame) (string, *BaseException) {
	if i == True {
		return "True", nil
	}
	if i == False {
		return "False", nil
	}
	return strconv.FormatInt(i.v, 10), nil
}

// Hash is the value itself, with -1 reserved as CPython's error marker.
func (i *Int) Hash(f *Frame) (int64, *BaseException) {
	if i.v == -1 {
		return -2, nil
	}
	return i.v, nil
}

// Truth implements bool(int).
func (i *Int) Truth(f *Frame) (bool, *BaseException) { return i.v != 0, nil }

func (i *Int) big() *big.Int { return big.NewInt(i.v) }

// Binary implements int arithmetic with promotion to long on overflow.
func (i *Int) Binary(f *Frame, op Op, y Object, side Side) (Object, *BaseException) {
	switch o := y.(type) {
	case *Int:
		if (op == OpAnd || op == OpOr || op == OpXor) && (i == True || i == False) && (o == True || o == False) {
			// bool & | ^ bool stays bool
			r, _ := intOp(op, i.v, o.v)
			return NewBool(r.(*Int).v != 0), nil
		}
		if side == Left {
			return intOp(op, i.v, o.v)
		}
		return intOp(op, o.v, i.v)
	case *Long:
		if side == Left {
			return longOp(f, op, i.big(), o.v)
		}
		return longOp(f, op, o.v, i.big())
	}
	return NotImplemented, nil
}

func intOp(op Op, a, b int64) (Object, *BaseException) {
	switch op {
	case OpAdd:
		s := a + b
		if (s > a) == (b > 0) {
			return NewInt(s), nil
		}
		return bigResult(new(big.Int).Add(big.NewInt(a), big.NewInt(b))), nil
	case OpSub:
		s := a - b
		if (s < a) == (b > 0) {
			return NewInt(s), nil
		}
		return bigResult(new(big.Int).Sub(big.NewInt(a), big.NewInt(b))), nil
	case OpMul:
		hi, lo := bits.Mul64(uint64(absI(a)), uint64(absI(b)))
		if hi == 0 && lo <= math.MaxInt64 && a != math.MinInt64 && b != math.MinInt64 {
			r := int64(lo)
			if (a < 0) != (b < 0) {
				r = -r
			}
			return NewInt(r), nil
		}
		return bigResult(new(big.Int).Mul(big.NewInt(a), big.NewInt(b))), nil
	case OpDiv, OpFloorDiv:
		if b == 0 {
			return nil, NewZeroDivisionError("integer division or modulo by zero")
		}
		if a == math.MinInt64 && b == -1 {
			return bigResult(new(big.Int).Neg(big.NewInt(a))), nil
		}
		return NewInt(floorDiv(a, b)), nil
	case OpMod:
		if b == 0 {
			return nil, NewZeroDivisionError("integer division or modulo by zero")
		}
		if b == -1 {
			return NewInt(0), nil
		}
		return NewInt(floorMod(a, b)), nil
	case OpDivmod:
		if b == 0 {
			return nil, NewZeroDivisionError("integer division or modulo by zero")
		}
		if a == math.MinInt64 && b == -1 {
			return NewTuple(bigResult(new(big.Int).Neg(big.NewInt(a))), NewInt(0)), nil
		}
		return NewTuple(NewInt(floorDiv(a, b)), NewInt(floorMod(a, b))), nil
	case OpTrueDiv:
		if b == 0 {
			return nil, NewZeroDivisionError("division by zero")
		}
		if absI(a) < 1<<53 && absI(b) < 1<<53 {
			return NewFloat(float64(a) / float64(b)), nil
		}
		return longTrueDiv(big.NewInt(a), big.NewInt(b))
	case OpPow:
		return intPow(a, b)
	case OpLShift:
		if b < 0 {
			return nil, NewValueError("negative shift count")
		}
		if a == 0 {
			return NewInt(0), nil
		}
		if b < 63 {
			r := a << uint(b)
			if r>>uint(b) == a {
				return NewInt(r), nil
			}
		}
		return bigResult(new(big.Int).Lsh(big.NewInt(a), uint(b))), nil
	case OpRShift:
		if b < 0 {
			return nil, NewValueError("negative shift count")
		}
		if b > 63 {
			b = 63
		}
		return NewInt(a >> uint(b)), nil
	case OpAnd:
		return NewInt(a & b), nil
	case OpOr:
		return NewInt(a | b), nil
	case OpXor:
		return NewInt(a ^ b), nil
	}
	return NotImplemented, nil
}

func absI(a int64) int64 {
	if a < 0 {
		return -a
	}
	return a
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func floorMod(a, b int64) int64 {
	m := a % b
	if m != 0 && ((m < 0) != (b < 0)) {
		m += b
	}
	return m
}

func intPow(a, b int64) (Object, *BaseException) {
	if b < 0 {
		if a == 0 {
			return nil, NewZeroDivisionError("0.0 cannot be raised to a negative power")
		}
		return NewFloat(accuratePow(float64(a), float64(b))), nil
	}
	result := int64(1)
	base := a
	e := b
	for e > 0 {
		if e&1 == 1 {
			hi, lo := bits.Mul64(uint64(absI(result)), uint64(absI(base)))
			if hi != 0 || lo > math.MaxInt64 || base == math.MinInt64 {
				return bigResult(new(big.Int).Exp(big.NewInt(a), big.NewInt(b), nil)), nil
			}
			neg := (result < 0) != (base < 0)
			result = int64(lo)
			if neg {
				result = -result
			}
		}
		e >>= 1
		if e > 0 {
			hi, lo := bits.Mul64(uint64(absI(base)), uint64(absI(base)))
			if hi != 0 || lo > math.MaxInt64 {
				return bigResult(new(big.Int).Exp(big.NewInt(a), big.NewInt(b), nil)), nil
			}
			base = int64(lo)
		}
	}
	return NewInt(result), nil
}

// Unary implements -x, +x, ~x, abs(x).
func (i *Int) Unary(f *Frame, op UnaryOp) (Object, *BaseException) {
	switch op {
	case UNeg:
		if i.v == math.MinInt64 {
			return bigResult(new(big.Int).Neg(i.big())), nil
		}
		return NewInt(-i.v), nil
	case UPos:
		if i == True || i == False {
			return NewInt(i.v), nil
		}
		return i, nil
	case UInvert:
		return NewInt(^i.v), nil
	case UAbs:
		if i.v < 0 {
			return i.Unary(f, UNeg)
		}
		return NewInt(i.v), nil
	}
	return NotImplemented, nil
}

// RichCompare compares exactly against int, long and float.
func (i *Int) RichCompare(f *Frame, op CmpOp, y Object) (Object, *BaseException) {
	switch o := y.(type) {
	case *Int:
		return NewBool(cmpResult(op, cmp3(i.v, o.v))), nil
	case *Long:
		return NewBool(cmpResult(op, i.big().Cmp(o.v))), nil
	case *Float:
		return floatCompare(op, float64Cmp(i.v, o.v))
	}
	return NotImplemented, nil
}

func cmp3(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func cmpResult(op CmpOp, c int) bool {
	switch op {
	case LT:
		return c < 0
	case LE:
		return c <= 0
	case EQ:
		return c == 0
	case NE:
		return c != 0
	case GT:
		return c > 0
	}
	return c >= 0
}

// float64Cmp compares an int64 with a float64 exactly; 2 means unordered.
func float64Cmp(a int64, b float64) int {
	if math.IsNaN(b) {
		return 2
	}
	if absI(a) < 1<<53 {
		fa := float64(a)
		switch {
		case fa < b:
			return -1
		case fa > b:
			return 1
		}
		return 0
	}
	if math.IsInf(b, 1) {
		return -1
	}
	if math.IsInf(b, -1) {
		return 1
	}
	bf := new(big.Float).SetFloat64(b)
	af := new(big.Float).SetInt64(a)
	return af.Cmp(bf)
}

func floatCompare(op CmpOp, c int) (Object, *BaseException) {
	if c == 2 {
		return NewBool(op == NE), nil
	}
	return NewBool(cmpResult(op, c)), nil
}

// Index implements __index__.
func (i *Int) Index() *big.Int { return i.big() }

var _ Binaryer = (*Int)(nil)
var _ Unaryer = (*Int)(nil)
var _ RichComparer = (*Int)(nil)
var _ Hasher = (*Int)(nil)
var _ Reprer = (*Int)(nil)
var _ Truther = (*Int)(nil)
