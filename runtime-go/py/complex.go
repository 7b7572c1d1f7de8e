package py

import (
	"math"
	"math/cmplx"
	"strconv"
	"strings"
)

// Complex is Python's complex. repr follows complex_repr of 2.7: "1j",
// "(1+2j)", components formatted with repr(float) rules minus ".0".
type Complex struct {
	v complex128
}

// ComplexType is `complex`.
var ComplexType = newBuiltinType("complex", nil)

func newComplex(v complex128) *Complex { return &Complex{v} }

// NewComplex makes a complex literal (2j is NewComplex(0, 2)).
func NewComplex(re, im float64) Object { return &Complex{complex(re, im)} }

// Type implements Object.
func (c *Complex) Type() *Type { return ComplexType }

func complexPart(x float64) string {
	s := FloatRepr(x)
	if len(s) > 2 && s[len(s)-2:] == ".0" {
		s = s[:len(s)-2]
	}
	return s
}

// Repr mirrors complex_repr.
func (c *Complex) Repr(f *Frame) (string, *BaseException) {
	re, im := real(c.v), imag(c.v)
	if re == 0 && !math.Signbit(re) {
		return complexPart(im) + "j", nil
	}
	sign := "+"
	if im < 0 || math.Signbit(im) || math.IsNaN(im) && false {
		sign = ""
	}
	if math.IsNaN(im) {
		sign = "+"
	}
	return "(" + complexPart(re) + sign + complexPart(im) + "j)", nil
}

// Hash mirrors complex_hash.
func (c *Complex) Hash(f *Frame) (int64, *BaseException) {
	hr := floatHash(real(c.v))
	hi := floatHash(imag(c.v))
	h := hr + 1000003*hi
	if h == -1 {
		h = -2
	}
	return h, nil
}

// Truth implements bool().
func (c *Complex) Truth(f *Frame) (bool, *BaseException) { return c.v != 0, nil }

func toComplex(o Object) (complex128, bool, *BaseException) {
	if c, ok := o.(*Complex); ok {
		return c.v, true, nil
	}
	x, ok, err := toFloat64(o)
	return complex(x, 0), ok, err
}

// Binary implements complex arithmetic.
func (c *Complex) Binary(f *Frame, op Op, y Object, side Side) (Object, *BaseException) {
	b, ok, err := toComplex(y)
	if err != nil || !ok {
		return NotImplemented, err
	}
	a := c.v
	if side == Right {
		a, b = b, a
	}
	switch op {
	case OpAdd:
		return newComplex(a + b), nil
	case OpSub:
		return newComplex(a - b), nil
	case OpMul:
		return newComplex(a * b), nil
	case OpDiv, OpTrueDiv:
		if b == 0 {
			return nil, NewZeroDivisionError("complex division by zero")
		}
		return newComplex(a / b), nil
	case OpPow:
		if imag(b) == 0 && real(b) == math.Trunc(real(b)) && math.Abs(real(b)) <= 100 {
			// CPython's c_powi: exact repeated multiplication
			n := int(real(b))
			neg := n < 0
			if neg {
				n = -n
			}
			r, base := complex(1, 0), a
			for n > 0 {
				if n&1 == 1 {
					r *= base
				}
				base *= base
				n >>= 1
			}
			if neg {
				if r == 0 {
					return nil, NewZeroDivisionError("0.0 to a negative or complex power")
				}
				r = 1 / r
			}
			return newComplex(r), nil
		}
		if a == 0 {
			if imag(b) != 0 || real(b) < 0 {
				return nil, NewZeroDivisionError("0.0 to a negative or complex power")
			}
			if b == 0 {
				return newComplex(1), nil
			}
			return newComplex(0), nil
		}
		return newComplex(cmplx.Pow(a, b)), nil
	}
	return NotImplemented, nil
}

// Unary implements -, +, abs.
func (c *Complex) Unary(f *Frame, op UnaryOp) (Object, *BaseException) {
	switch op {
	case UNeg:
		return newComplex(-c.v), nil
	case UPos:
		return c, nil
	case UAbs:
		return NewFloat(cmplx.Abs(c.v)), nil
	}
	return NotImplemented, nil
}

// RichCompare supports only == and !=.
func (c *Complex) RichCompare(f *Frame, op CmpOp, y Object) (Object, *BaseException) {
	b, ok, err := toComplex(y)
	if err != nil || !ok {
		return NotImplemented, err
	}
	switch op {
	case EQ:
		return NewBool(c.v == b), nil
	case NE:
		return NewBool(c.v != b), nil
	}
	return nil, NewTypeError("no ordering relation is defined for complex numbers")
}

// GetAttr gives real, imag and conjugate().
func (c *Complex) GetAttr(f *Frame, name string) (Object, *BaseException) {
	switch name {
	case "real":
		return NewFloat(real(c.v)), nil
	case "imag":
		return NewFloat(imag(c.v)), nil
	case "conjugate":
		return NewBuiltinFunction("conjugate", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
			return newComplex(cmplx.Conj(c.v)), nil
		}), nil
	}
	return genericGetAttrNoDict(f, c, name)
}

func init() {
	ComplexType.newFn = func(f *Frame, t *Type, args []Object, kw Kwargs) (Object, *BaseException) {
		var a [2]Object
		if err := ParseArgs("complex", args, kw, []string{"real", "imag"}, 0, a[:]); err != nil {
			return nil, err
		}
		var re, im complex128
		reC, imC := false, false
		if c, ok := a[0].(*Complex); ok {
			reC = true
			_ = c
		}
		if c, ok := a[1].(*Complex); ok {
			imC = true
			_ = c
		}
		if a[0] != nil {
			if s, ok := a[0].(*Str); ok {
				if a[1] != nil {
					return nil, NewTypeError("complex() can't take second arg if first is a string")
				}
				v, ok := parseComplex(s.s)
				if !ok {
					return nil, NewValueError("complex() arg is a malformed string")
				}
				return newComplex(v), nil
			}
			v, ok, err := toComplex(a[0])
			if err != nil {
				return nil, err
			}
			if !ok {
				return nil, NewTypeError("complex() argument must be a string or a number")
			}
			re = v
		}
		if a[1] != nil {
			v, ok, err := toComplex(a[1])
			if err != nil {
				return nil, err
			}
			if !ok {
				return nil, NewTypeError("complex() argument must be a string or a number")
			}
			im = v
		}
		// complex_new: only complex parts cross over, so signed zeros survive
		r, i := real(re), real(im)
		if imC {
			r -= imag(im)
		}
		if reC {
			i += imag(re)
		}
		return newComplex(complex(r, i)), nil
	}
}

// parseComplex reads complex("1+2j") forms: optional parentheses, a real
// part, an imaginary part with j/J, or either alone.
func parseComplex(s string) (complex128, bool) {
	t := strings.TrimSpace(s)
	if strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")") {
		t = strings.TrimSpace(t[1 : len(t)-1])
	}
	if t == "" {
		return 0, false
	}
	if !strings.HasSuffix(t, "j") && !strings.HasSuffix(t, "J") {
		v, err := strconv.ParseFloat(t, 64)
		return complex(v, 0), err == nil
	}
	body := t[:len(t)-1]
	// split at the last sign that is not part of an exponent
	split := -1
	for i := len(body) - 1; i > 0; i-- {
		if (body[i] == '+' || body[i] == '-') && body[i-1] != 'e' && body[i-1] != 'E' {
			split = i
			break
		}
	}
	parseImag := func(x string) (float64, bool) {
		switch x {
		case "", "+":
			return 1, true
		case "-":
			return -1, true
		}
		v, err := strconv.ParseFloat(x, 64)
		return v, err == nil
	}
	if split < 0 {
		im, ok := parseImag(body)
		return complex(0, im), ok
	}
	re, err := strconv.ParseFloat(body[:split], 64)
	if err != nil {
		return 0, false
	}
	im, ok := parseImag(body[split:])
	return complex(re, im), ok
}
