package cmath

import (
	"math"
	"math/cmplx"

	mathmod "github.com/grumpy-audit/grumpy-audit/runtime-go/modules/math"
)

// Constants of cmathmodule.c.
var (
	largeDouble    = math.MaxFloat64 / 4
	sqrtLargeDbl   = math.Sqrt(largeDouble)
	logLargeDouble = math.Log(largeDouble)
	sqrtDblMin     = math.Sqrt(0x1p-1022)
)

const (
	scaleUp   = 53
	scaleDown = -27
)

func cSqrt(z complex128) complex128 {
	if !finite(z) {
		return cmplx.Sqrt(z)
	}
	x, y := real(z), imag(z)
	if x == 0 && y == 0 {
		return complex(0, y)
	}
	ax, ay := math.Abs(x), math.Abs(y)
	var s float64
	if ax < 0x1p-1022 && ay < 0x1p-1022 && (ax > 0 || ay > 0) {
		ax = math.Ldexp(ax, scaleUp)
		s = math.Ldexp(math.Sqrt(ax+mathmod.Hypot(ax, math.Ldexp(ay, scaleUp))), scaleDown)
	} else {
		ax /= 8
		s = 2 * math.Sqrt(ax+mathmod.Hypot(ax, ay/8))
	}
	d := ay / (2 * s)
	if x >= 0 {
		return complex(s, math.Copysign(d, y))
	}
	return complex(d, math.Copysign(s, y))
}

func cExp(z complex128) complex128 {
	if !finite(z) {
		return cmplx.Exp(z)
	}
	x, y := real(z), imag(z)
	if x > logLargeDouble {
		l := mathmod.Exp(x - 1)
		return complex(l*mathmod.Cos(y)*math.E, l*mathmod.Sin(y)*math.E)
	}
	l := mathmod.Exp(x)
	return complex(l*mathmod.Cos(y), l*mathmod.Sin(y))
}

func cLog(z complex128) complex128 {
	if !finite(z) {
		return cmplx.Log(z)
	}
	x, y := real(z), imag(z)
	ax, ay := math.Abs(x), math.Abs(y)
	var re float64
	switch {
	case ax > largeDouble || ay > largeDouble:
		re = mathmod.Log(mathmod.Hypot(ax/2, ay/2)) + math.Ln2
	case ax < 0x1p-1022 && ay < 0x1p-1022:
		if ax > 0 || ay > 0 {
			re = mathmod.Log(mathmod.Hypot(math.Ldexp(ax, 53), math.Ldexp(ay, 53))) - 53*math.Ln2
		} else {
			re = math.Inf(-1)
		}
	default:
		h := mathmod.Hypot(ax, ay)
		if 0.71 <= h && h <= 1.73 {
			am, an := math.Max(ax, ay), math.Min(ax, ay)
			re = math.Log1p((am-1)*(am+1)+an*an) / 2
		} else {
			re = mathmod.Log(h)
		}
	}
	return complex(re, mathmod.Atan2(y, x))
}

func cLog10(z complex128) complex128 {
	r := cLog(z)
	return complex(real(r)/math.Ln10, imag(r)/math.Ln10)
}

func cCosh(z complex128) complex128 {
	if !finite(z) {
		return cmplx.Cosh(z)
	}
	x, y := real(z), imag(z)
	if math.Abs(x) > logLargeDouble {
		xm1 := x - math.Copysign(1, x)
		return complex(mathmod.Cos(y)*mathmod.Cosh(xm1)*math.E, mathmod.Sin(y)*mathmod.Sinh(xm1)*math.E)
	}
	return complex(mathmod.Cos(y)*mathmod.Cosh(x), mathmod.Sin(y)*mathmod.Sinh(x))
}

func cSinh(z complex128) complex128 {
	if !finite(z) {
		return cmplx.Sinh(z)
	}
	x, y := real(z), imag(z)
	if math.Abs(x) > logLargeDouble {
		xm1 := x - math.Copysign(1, x)
		return complex(mathmod.Cos(y)*mathmod.Sinh(xm1)*math.E, mathmod.Sin(y)*mathmod.Cosh(xm1)*math.E)
	}
	return complex(mathmod.Cos(y)*mathmod.Sinh(x), mathmod.Sin(y)*mathmod.Cosh(x))
}

func cTanh(z complex128) complex128 {
	if !finite(z) {
		return cmplx.Tanh(z)
	}
	x, y := real(z), imag(z)
	if math.Abs(x) > logLargeDouble {
		return complex(math.Copysign(1, x), 4*mathmod.Sin(y)*mathmod.Cos(y)*mathmod.Exp(-2*math.Abs(x)))
	}
	tx, ty := mathmod.Tanh(x), mathmod.Tan(y)
	cx := 1 / mathmod.Cosh(x)
	txty := tx * ty
	denom := 1 + txty*txty
	return complex(tx*(1+ty*ty)/denom, ((ty/denom)*cx)*cx)
}

// the circular functions through the hyperbolic ones, as CPython does
func cCos(z complex128) complex128 { return cCosh(complex(-imag(z), real(z))) }

func cSin(z complex128) complex128 {
	r := cSinh(complex(-imag(z), real(z)))
	return complex(imag(r), -real(r))
}

func cTan(z complex128) complex128 {
	r := cTanh(complex(-imag(z), real(z)))
	return complex(imag(r), -real(r))
}

func cAsinh(z complex128) complex128 {
	if !finite(z) {
		return cmplx.Asinh(z)
	}
	x, y := real(z), imag(z)
	if math.Abs(x) > largeDouble || math.Abs(y) > largeDouble {
		var re float64
		if y >= 0 {
			re = math.Copysign(mathmod.Log(mathmod.Hypot(x/2, y/2))+math.Ln2*2, x)
		} else {
			re = -math.Copysign(mathmod.Log(mathmod.Hypot(x/2, y/2))+math.Ln2*2, -x)
		}
		return complex(re, mathmod.Atan2(y, math.Abs(x)))
	}
	s1 := cSqrt(complex(1+y, -x))
	s2 := cSqrt(complex(1-y, x))
	return complex(mathmod.Asinh(real(s1)*imag(s2)-real(s2)*imag(s1)), mathmod.Atan2(y, real(s1)*real(s2)-imag(s1)*imag(s2)))
}

func cAsin(z complex128) complex128 {
	s := cAsinh(complex(-imag(z), real(z)))
	return complex(imag(s), -real(s))
}

func cAcos(z complex128) complex128 {
	if !finite(z) {
		return cmplx.Acos(z)
	}
	x, y := real(z), imag(z)
	if math.Abs(x) > largeDouble || math.Abs(y) > largeDouble {
		re := mathmod.Atan2(math.Abs(y), x)
		var im float64
		if x < 0 {
			im = -math.Copysign(mathmod.Log(mathmod.Hypot(x/2, y/2))+math.Ln2*2, y)
		} else {
			im = math.Copysign(mathmod.Log(mathmod.Hypot(x/2, y/2))+math.Ln2*2, -y)
		}
		return complex(re, im)
	}
	s1 := cSqrt(complex(1-x, -y))
	s2 := cSqrt(complex(1+x, y))
	return complex(2*mathmod.Atan2(real(s1), real(s2)), mathmod.Asinh(real(s2)*imag(s1)-imag(s2)*real(s1)))
}

func cAcosh(z complex128) complex128 {
	if !finite(z) {
		return cmplx.Acosh(z)
	}
	x, y := real(z), imag(z)
	if math.Abs(x) > largeDouble || math.Abs(y) > largeDouble {
		return complex(mathmod.Log(mathmod.Hypot(x/2, y/2))+math.Ln2*2, mathmod.Atan2(y, x))
	}
	s1 := cSqrt(complex(x-1, y))
	s2 := cSqrt(complex(x+1, y))
	return complex(mathmod.Asinh(real(s1)*real(s2)+imag(s1)*imag(s2)), 2*mathmod.Atan2(imag(s1), real(s2)))
}

func cAtanh(z complex128) complex128 {
	if !finite(z) {
		return cmplx.Atanh(z)
	}
	x, y := real(z), imag(z)
	if x < 0 {
		r := cAtanh(complex(-x, -y))
		return complex(-real(r), -imag(r))
	}
	ay := math.Abs(y)
	switch {
	case x > sqrtLargeDbl || ay > sqrtLargeDbl:
		h := mathmod.Hypot(x/2, y/2)
		return complex(x/4/h/h, -math.Copysign(math.Pi/2, -y))
	case x == 1 && ay < sqrtDblMin:
		if ay == 0 {
			return complex(math.Inf(1), y) // a pole: a domain error
		}
		return complex(-mathmod.Log(math.Sqrt(ay)/math.Sqrt(mathmod.Hypot(ay, 2))), math.Copysign(mathmod.Atan2(2, -ay)/2, y))
	}
	return complex(math.Log1p(4*x/((1-x)*(1-x)+ay*ay))/4, -mathmod.Atan2(-2*y, (1-x)*(1+x)-ay*ay)/2)
}

func cAtan(z complex128) complex128 {
	r := cAtanh(complex(-imag(z), real(z)))
	return complex(imag(r), -real(r))
}
