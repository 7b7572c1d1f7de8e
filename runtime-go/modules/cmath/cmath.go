// Package cmath is CPython 2.7's cmath module: complex versions of the
// math functions.
//
// Members:
//
//	acos acosh asin asinh atan atanh cos cosh exp log10 sin sinh sqrt
//	tan tanh             complex functions of one complex argument
//	log(x[, base])       natural log, or log(x)/log(base)
//	phase(z)             arg(z) as a float
//	polar(z)             (abs(z), phase(z))
//	rect(r, phi)         r * (cos(phi) + i sin(phi))
//	isinf isnan          classification of either part
//	e pi                 the constants
//
// Arguments convert like the "D" format: int, long, float, complex, or
// objects with __complex__ / __float__. Errors follow CPython's rule: a
// non-finite result from finite input is ValueError("math domain error")
// when it is a NaN and OverflowError("math range error") when infinite.
//
// For finite arguments the functions follow CPython's own algorithms
// (cmathmodule.c: scaled sqrt, log1p near |z| = 1, the asinh/acos/acosh
// and atanh formulas, overflow-avoiding exp/cosh/sinh/tanh) over real
// functions rounded as glibc's (modules/math). Known difference: for
// infinite or NaN parts CPython uses special-value tables; these use Go's
// math/cmplx results, which can differ (e.g. in signs of zeros or NaNs).
package cmath

import (
	"math"

	"github.com/grumpy-audit/grumpy-audit/runtime-go/modules/internal/native"
	mathmod "github.com/grumpy-audit/grumpy-audit/runtime-go/modules/math"
	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

func init() {
	native.Register("cmath", "This module is always available. It provides access to mathematical\nfunctions for complex numbers.", func() []native.Member {
		return []native.Member{
			fn1("acos", cAcos), fn1("acosh", cAcosh), fn1("asin", cAsin),
			fn1("asinh", cAsinh), fn1("atan", cAtan), fn1("atanh", cAtanh),
			fn1("cos", cCos), fn1("cosh", cCosh), fn1("exp", cExp),
			fn1("log10", cLog10), fn1("sin", cSin), fn1("sinh", cSinh),
			fn1("sqrt", cSqrt), fn1("tan", cTan), fn1("tanh", cTanh),
			native.F("log", clog),
			native.F("phase", phase),
			native.F("polar", polar),
			native.F("rect", rect),
			native.F("isinf", isinf),
			native.F("isnan", isnan),
			native.V("pi", py.NewFloat(math.Pi)),
			native.V("e", py.NewFloat(math.E)),
		}
	})
}

// toComplex is the "D" conversion.
func toComplex(f *py.Frame, o py.Object) (complex128, *py.BaseException) {
	switch v := o.(type) {
	case *py.Complex:
		return complexParts(f, v)
	case *py.Int, *py.Long, *py.Float:
		x, err := native.Float(f, v)
		return complex(x, 0), err
	}
	if o.Type().Lookup("__complex__") != nil {
		r, err := py.CallMethod(f, o, "__complex__", nil, nil)
		if err != nil {
			return 0, err
		}
		if c, ok := r.(*py.Complex); ok {
			return complexParts(f, c)
		}
		return 0, py.NewTypeError("__complex__ should return a complex object")
	}
	x, err := native.Float(f, o)
	return complex(x, 0), err
}

func complexParts(f *py.Frame, c *py.Complex) (complex128, *py.BaseException) {
	re, err := py.GetAttr(f, c, "real")
	if err != nil {
		return 0, err
	}
	im, err := py.GetAttr(f, c, "imag")
	if err != nil {
		return 0, err
	}
	return complex(re.(*py.Float).Value(), im.(*py.Float).Value()), nil
}

func finite(z complex128) bool {
	return !math.IsInf(real(z), 0) && !math.IsNaN(real(z)) && !math.IsInf(imag(z), 0) && !math.IsNaN(imag(z))
}

// overflows lists the functions whose infinite results from finite
// input are range errors; for the rest they are poles (domain errors).
var overflows = map[string]bool{"exp": true, "cosh": true, "sinh": true}

func result(name string, in, out complex128) (py.Object, *py.BaseException) {
	if finite(in) && !finite(out) {
		if overflows[name] && (math.IsInf(real(out), 0) || math.IsInf(imag(out), 0)) {
			return nil, py.NewOverflowError("math range error")
		}
		return nil, py.NewValueError("math domain error")
	}
	return py.NewComplex(real(out), imag(out)), nil
}

func arg1(f *py.Frame, name string, args []py.Object, kw py.Kwargs) (complex128, *py.BaseException) {
	if err := native.NoKwArgs(name, kw); err != nil {
		return 0, err
	}
	if len(args) != 1 { // the "D" format has no function name
		return 0, py.NewTypeError("function takes exactly 1 argument (" + native.Itoa(len(args)) + " given)")
	}
	return toComplex(f, args[0])
}

func fn1(name string, fn func(complex128) complex128) native.Member {
	return native.F(name, func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		z, err := arg1(f, name, args, kw)
		if err != nil {
			return nil, err
		}
		return result(name, z, fn(z))
	})
}

func clog(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := native.NoKwArgs("log", kw); err != nil {
		return nil, err
	}
	out := make([]py.Object, 2)
	if err := native.ParseTuple("log", args, []string{"x", "base"}, 1, out); err != nil {
		return nil, err
	}
	z, err := toComplex(f, out[0])
	if err != nil {
		return nil, err
	}
	if z == 0 {
		return nil, py.NewValueError("math domain error")
	}
	r := cLog(z)
	if out[1] != nil {
		b, err := toComplex(f, out[1])
		if err != nil {
			return nil, err
		}
		if b == 0 {
			return nil, py.NewValueError("math domain error")
		}
		lb := cLog(b)
		if lb == 0 { // CPython's c_quot reports a domain error
			return nil, py.NewValueError("math domain error")
		}
		r /= lb
	}
	return result("log", z, r)
}

func phase(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	z, err := arg1(f, "phase", args, kw)
	if err != nil {
		return nil, err
	}
	return py.NewFloat(mathmod.Atan2(imag(z), real(z))), nil
}

func polar(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	z, err := arg1(f, "polar", args, kw)
	if err != nil {
		return nil, err
	}
	r := mathmod.Hypot(real(z), imag(z))
	if math.IsInf(r, 0) && finite(z) {
		return nil, py.NewOverflowError("math range error")
	}
	return py.NewTuple(py.NewFloat(r), py.NewFloat(mathmod.Atan2(imag(z), real(z)))), nil
}

func rect(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := native.NoKwArgs("rect", kw); err != nil {
		return nil, err
	}
	out := make([]py.Object, 2)
	if err := native.ParseTuple("rect", args, []string{"r", "phi"}, 2, out); err != nil {
		return nil, err
	}
	r, err := native.Float(f, out[0])
	if err != nil {
		return nil, err
	}
	phi, err := native.Float(f, out[1])
	if err != nil {
		return nil, err
	}
	if math.IsInf(r, 0) && math.IsInf(phi, 0) || !math.IsInf(r, 0) && !math.IsNaN(r) && math.IsInf(phi, 0) {
		return nil, py.NewValueError("math domain error")
	}
	var z complex128
	if phi == 0 { // keep the sign of zero and avoid inf*0
		z = complex(r, phi*r)
	} else {
		z = complex(r*mathmod.Cos(phi), r*mathmod.Sin(phi))
	}
	return py.NewComplex(real(z), imag(z)), nil
}

func isinf(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	z, err := arg1(f, "isinf", args, kw)
	if err != nil {
		return nil, err
	}
	return py.NewBool(math.IsInf(real(z), 0) || math.IsInf(imag(z), 0)), nil
}

func isnan(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	z, err := arg1(f, "isnan", args, kw)
	if err != nil {
		return nil, err
	}
	return py.NewBool(math.IsNaN(real(z)) || math.IsNaN(imag(z))), nil
}
