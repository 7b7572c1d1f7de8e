package py

import (
	"math"
	"math/big"
	"strconv"
	"strings"
)

// Float is Python's float (an IEEE double). repr uses the shortest
// round-tripping digits with CPython 2.7's layout rules ('r' mode: an
// exponent below 1e-4 or from 1e16 up); str uses 12 significant digits.
type Float struct {
	v float64
}

// FloatType is `float`.
var FloatType = newBuiltinType("float", nil)

var floatZero = &Float{0}
var floatOne = &Float{1}

// NewFloat boxes v (0.0 and 1.0 are shared).
func NewFloat(v float64) *Float {
	if v == 0 && !math.Signbit(v) {
		return floatZero
	}
	if v == 1 {
		return floatOne
	}
	return allocFloat(v)
}

// floatSlab is the Floats not yet handed out of the current block: in
// single-threaded mode a float is carved from a block of floatSlabLen, one
// Go allocation instead of one per float (CPython keeps a float free list
// for the same reason), as allocInt does for ints. A block stays alive
// while any of its floats does.
var floatSlab []Float

const floatSlabLen = 32

func allocFloat(v float64) *Float {
	if threaded.Load() {
		return &Float{v}
	}
	if len(floatSlab) == 0 {
		floatSlab = make([]Float, floatSlabLen)
	}
	p := &floatSlab[0]
	floatSlab = floatSlab[1:]
	p.v = v
	return p
}

// Type implements Object.
func (x *Float) Type() *Type { return FloatType }

// Value returns the Go value.
func (x *Float) Value() float64 { return x.v }

// Repr implements repr(float).
func (x *Float) Repr(f *Frame) (string, *BaseException) { return FloatRepr(x.v), nil }

// Str implements str(float).
func (x *Float) Str(f *Frame) (Object, *BaseException) { return NewStr(FloatStr(x.v)), nil }

// Truth implements bool(float).
func (x *Float) Truth(f *Frame) (bool, *BaseException) { return x.v != 0, nil }

// FloatRepr formats like CPython 2.7's float_repr.
func FloatRepr(v float64) string {
	if s, ok := nonFinite(v); ok {
		return s
	}
	s := strconv.FormatFloat(v, 'e', -1, 64)
	neg := false
	if s[0] == '-' {
		neg = true
		s = s[1:]
	}
	epos := strings.IndexByte(s, 'e')
	mant, exps := s[:epos], s[epos+1:]
	exp, _ := strconv.Atoi(exps)
	digits := strings.Replace(mant, ".", "", 1)
	decpt := exp + 1
	var out string
	if decpt <= -4 || decpt > 16 {
		out = digits[:1]
		if len(digits) > 1 {
			out += "." + digits[1:]
		}
		out += "e" + expString(decpt-1)
	} else {
		out = fixedFromDigits(digits, decpt)
	}
	if neg {
		return "-" + out
	}
	return out
}

func expString(e int) string {
	sign := "+"
	if e < 0 {
		sign = "-"
		e = -e
	}
	s := strconv.Itoa(e)
	if len(s) < 2 {
		s = "0" + s
	}
	return sign + s
}

func fixedFromDigits(digits string, decpt int) string {
	switch {
	case decpt <= 0:
		return "0." + strings.Repeat("0", -decpt) + digits
	case decpt >= len(digits):
		return digits + strings.Repeat("0", decpt-len(digits)) + ".0"
	}
	return digits[:decpt] + "." + digits[decpt:]
}

func nonFinite(v float64) (string, bool) {
	switch {
	case math.IsNaN(v):
		return "nan", true
	case math.IsInf(v, 1):
		return "inf", true
	case math.IsInf(v, -1):
		return "-inf", true
	}
	return "", false
}

// FloatStr formats like CPython 2.7's float_str ('%.12g' plus ".0").
func FloatStr(v float64) string {
	if s, ok := nonFinite(v); ok {
		return s
	}
	// PyOS_double_to_string(v, 'g', 12, Py_DTSF_ADD_DOT_0): exponent when
	// decpt <= -4 or decpt > 11, trailing zeros dropped.
	s := strconv.FormatFloat(v, 'e', 11, 64)
	neg := s[0] == '-'
	if neg {
		s = s[1:]
	}
	epos := strings.IndexByte(s, 'e')
	exp, _ := strconv.Atoi(s[epos+1:])
	digits := strings.TrimRight(strings.Replace(s[:epos], ".", "", 1), "0")
	if digits == "" {
		digits = "0"
	}
	decpt := exp + 1
	var out string
	if decpt <= -4 || decpt > 11 {
		out = digits[:1]
		if len(digits) > 1 {
			out += "." + digits[1:]
		}
		out += "e" + expString(decpt-1)
	} else {
		out = fixedFromDigits(digits, decpt)
	}
	if neg {
		return "-" + out
	}
	return out
}

// formatG is C's %.<prec>g (alt keeps trailing zeros, as '#').
func formatG(v float64, prec int, alt bool) string {
	if prec == 0 {
		prec = 1
	}
	if s, ok := nonFinite(v); ok {
		return s
	}
	e := strconv.FormatFloat(v, 'e', prec-1, 64)
	epos := strings.IndexByte(e, 'e')
	exp, _ := strconv.Atoi(e[epos+1:])
	var s string
	if exp < -4 || exp >= prec {
		mant := e[:epos]
		if !alt && strings.Contains(mant, ".") {
			mant = strings.TrimRight(strings.TrimRight(mant, "0"), ".")
		}
		s = mant + "e" + expString(exp)
	} else {
		s = strconv.FormatFloat(v, 'f', prec-1-exp, 64)
		if !alt && strings.Contains(s, ".") {
			s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
		}
	}
	return s
}

// Hash reproduces _Py_HashDouble of 2.7.
func (x *Float) Hash(f *Frame) (int64, *BaseException) { return floatHash(x.v), nil }

func floatHash(v float64) int64 {
	if math.IsInf(v, 0) {
		if v < 0 {
			return -271828
		}
		return 314159
	}
	if math.IsNaN(v) {
		return 0
	}
	intpart, fract := math.Modf(v)
	if fract == 0 {
		if intpart > math.MaxInt64/2 || -intpart > math.MaxInt64/2 {
			b, _ := new(big.Float).SetFloat64(intpart).Int(nil)
			return longHash(b)
		}
		h := int64(intpart)
		if h == -1 {
			h = -2
		}
		return h
	}
	m, exp := math.Frexp(v)
	m *= 2147483648.0
	hipart := int64(m)
	m = (m - float64(hipart)) * 2147483648.0
	h := hipart + int64(m) + int64(exp)<<15
	if h == -1 {
		h = -2
	}
	return h
}

// toFloat64 converts int, long and float operands; ok=false otherwise.
func toFloat64(o Object) (float64, bool, *BaseException) {
	switch v := o.(type) {
	case *Float:
		return v.v, true, nil
	case *Int:
		return float64(v.v), true, nil
	case *Long:
		fv, err := v.toFloat()
		return fv, true, err
	}
	return 0, false, nil
}

// Binary implements float arithmetic; ints and longs are coerced.
func (x *Float) Binary(f *Frame, op Op, y Object, side Side) (Object, *BaseException) {
	b, ok, err := toFloat64(y)
	if err != nil {
		return nil, err
	}
	if !ok {
		return NotImplemented, nil
	}
	a := x.v
	if side == Right {
		a, b = b, a
	}
	return floatOp(op, a, b)
}

func floatOp(op Op, a, b float64) (Object, *BaseException) {
	switch op {
	case OpAdd:
		return NewFloat(a + b), nil
	case OpSub:
		return NewFloat(a - b), nil
	case OpMul:
		return NewFloat(a * b), nil
	case OpDiv, OpTrueDiv:
		if b == 0 {
			return nil, NewZeroDivisionError("float division by zero")
		}
		return NewFloat(a / b), nil
	case OpMod:
		if b == 0 {
			return nil, NewZeroDivisionError("float modulo")
		}
		_, m := floatDivmod(a, b)
		return NewFloat(m), nil
	case OpFloorDiv:
		if b == 0 {
			return nil, NewZeroDivisionError("float divmod()")
		}
		d, _ := floatDivmod(a, b)
		return NewFloat(d), nil
	case OpDivmod:
		if b == 0 {
			return nil, NewZeroDivisionError("float divmod()")
		}
		d, m := floatDivmod(a, b)
		return NewTuple(NewFloat(d), NewFloat(m)), nil
	case OpPow:
		return floatPow(a, b)
	}
	return NotImplemented, nil
}

func floatDivmod(vx, wx float64) (float64, float64) {
	mod := math.Mod(vx, wx)
	div := (vx - mod) / wx
	if mod != 0 {
		if (wx < 0) != (mod < 0) {
			mod += wx
			div -= 1.0
		}
	} else {
		mod = math.Copysign(0, wx)
	}
	var floordiv float64
	if div != 0 {
		floordiv = math.Floor(div)
		if div-floordiv > 0.5 {
			floordiv += 1.0
		}
	} else {
		floordiv = math.Copysign(0, vx/wx)
	}
	return floordiv, mod
}

func floatPow(a, b float64) (Object, *BaseException) {
	if b == 0 {
		return NewFloat(1), nil
	}
	if math.IsNaN(a) {
		return NewFloat(a), nil
	}
	if a == 0 && b < 0 && !math.IsInf(b, 0) {
		return nil, NewZeroDivisionError("0.0 cannot be raised to a negative power")
	}
	if a < 0 && b != math.Floor(b) && !math.IsInf(b, 0) {
		return nil, NewValueError("negative number cannot be raised to a fractional power")
	}
	r := accuratePow(a, b)
	if math.IsInf(r, 0) && !math.IsInf(a, 0) && !math.IsInf(b, 0) {
		return nil, NewExceptionArgs(OverflowErrorType, NewInt(34), NewStr("Numerical result out of range"))
	}
	return NewFloat(r), nil
}

// Unary implements -x, +x, abs(x).
func (x *Float) Unary(f *Frame, op UnaryOp) (Object, *BaseException) {
	switch op {
	case UNeg:
		return NewFloat(-x.v), nil
	case UPos:
		return x, nil
	case UAbs:
		return NewFloat(math.Abs(x.v)), nil
	}
	return NotImplemented, nil
}

// RichCompare compares exactly against int, long and float.
func (x *Float) RichCompare(f *Frame, op CmpOp, y Object) (Object, *BaseException) {
	switch o := y.(type) {
	case *Float:
		a, b := x.v, o.v
		if math.IsNaN(a) || math.IsNaN(b) {
			return NewBool(op == NE), nil
		}
		c := 0
		if a < b {
			c = -1
		} else if a > b {
			c = 1
		}
		return NewBool(cmpResult(op, c)), nil
	case *Int:
		c := float64Cmp(o.v, x.v)
		if c == 2 {
			return NewBool(op == NE), nil
		}
		return NewBool(cmpResult(op, -c)), nil
	case *Long:
		r, err := o.RichCompare(f, swapCmp(op), x)
		return r, err
	}
	return NotImplemented, nil
}

func swapCmp(op CmpOp) CmpOp {
	switch op {
	case LT:
		return GT
	case LE:
		return GE
	case GT:
		return LT
	case GE:
		return LE
	}
	return op
}

var _ Binaryer = (*Float)(nil)
var _ Unaryer = (*Float)(nil)
var _ RichComparer = (*Float)(nil)
var _ Hasher = (*Float)(nil)
var _ Strer = (*Float)(nil)

// floatHex is float.hex(): 0x1.999999999999ap-4 style.
func floatHex(v float64) string {
	if s, ok := nonFinite(v); ok {
		return s
	}
	sign := ""
	if math.Signbit(v) {
		sign = "-"
		v = -v
	}
	if v == 0 {
		return sign + "0x0.0p+0"
	}
	bits := math.Float64bits(v)
	exp := int((bits >> 52) & 0x7ff)
	mant := bits & (1<<52 - 1)
	lead := "1"
	if exp == 0 {
		lead = "0"
		exp = -1022
	} else {
		exp -= 1023
	}
	m := strconv.FormatUint(mant, 16)
	for len(m) < 13 {
		m = "0" + m
	}
	es := strconv.Itoa(exp)
	if exp >= 0 {
		es = "+" + es
	}
	return sign + "0x" + lead + "." + m + "p" + es
}
