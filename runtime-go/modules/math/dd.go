package math

import (
	"math"
	"math/big"
	"sync"
)

// Fast correct rounding (Ziv's strategy): sin, cos, exp and log are first
// evaluated in double-double arithmetic (~100 bits, a few hundred flops);
// when that result is clearly on one side of a rounding boundary it is
// returned, otherwise the 160-bit math/big evaluation in cr.go decides.

type dd struct{ hi, lo float64 }

func twoSum(a, b float64) (float64, float64) {
	s := a + b
	bb := s - a
	return s, (a - (s - bb)) + (b - bb)
}

func quickTwoSum(a, b float64) dd {
	s := a + b
	return dd{s, b - (s - a)}
}

func twoProd(a, b float64) dd {
	p := a * b
	return dd{p, math.FMA(a, b, -p)}
}

func ddAdd(x, y dd) dd {
	s, e := twoSum(x.hi, y.hi)
	e += x.lo + y.lo
	return quickTwoSum(s, e)
}

func ddMul(x, y dd) dd {
	p := twoProd(x.hi, y.hi)
	p.lo += x.hi*y.lo + x.lo*y.hi
	return quickTwoSum(p.hi, p.lo)
}

var (
	ddOnce            sync.Once
	invFact           [40]dd // 1/n!
	pio2              [3]float64
	ln2x              [3]float64
	twoOverPi, invLn2 float64
	ddRelErr          = 0x1p-96 // generous bound on the double-double error
)

func split3(v *big.Float) [3]float64 {
	var out [3]float64
	r := new(big.Float).SetPrec(1300).Set(v)
	for i := range out {
		out[i], _ = r.Float64()
		r.Sub(r, new(big.Float).SetFloat64(out[i]))
	}
	return out
}

func ddInit() {
	ddOnce.Do(func() {
		consts()
		f := new(big.Float).SetPrec(300).SetInt64(1)
		for n := 0; n < len(invFact); n++ {
			if n > 0 {
				f.Quo(f, new(big.Float).SetPrec(300).SetInt64(int64(n)))
			}
			hi, _ := f.Float64()
			lo, _ := new(big.Float).SetPrec(300).Sub(f, new(big.Float).SetFloat64(hi)).Float64()
			invFact[n] = dd{hi, lo}
		}
		pio2 = split3(new(big.Float).SetPrec(1300).Quo(bigPi, big.NewFloat(2)))
		ln2x = split3(bigLn2)
		twoOverPi = 2 / math.Pi
		invLn2 = 1 / math.Ln2
	})
}

// settled returns the double nearest to v when v's error bound cannot
// straddle a rounding boundary.
func settled(v dd) (float64, bool) {
	if v.hi == 0 || math.IsInf(v.hi, 0) || math.IsNaN(v.hi) {
		return 0, false
	}
	ulp := math.Abs(math.Nextafter(v.hi, math.Inf(1)) - v.hi)
	if d := ulp/2 - math.Abs(v.lo); d > ddRelErr*math.Abs(v.hi) {
		return v.hi, true
	}
	return 0, false
}

// reduceDD is x - k*pi/2 as a double-double for |x| < 2^20.
func reduceDD(x float64) (dd, int) {
	k := math.Round(x * twoOverPi)
	r := twoProd(-k, pio2[0])
	s, e := twoSum(r.hi, x)
	r = quickTwoSum(s, e+r.lo)
	r = ddAdd(r, twoProd(-k, pio2[1]))
	r = ddAdd(r, dd{-k * pio2[2], 0})
	return r, int(int64(k) & 3)
}

// sinCosDD evaluates both Taylor series by Horner's rule in x^2.
func sinCosDD(r dd) (dd, dd) {
	r2 := ddMul(r, r)
	s, c := dd{}, dd{}
	for n := 25; n >= 1; n -= 2 {
		coef := invFact[n]
		if (n/2)%2 == 1 {
			coef = dd{-coef.hi, -coef.lo}
		}
		s = ddAdd(ddMul(s, r2), coef)
	}
	s = ddMul(s, r)
	for n := 26; n >= 0; n -= 2 {
		coef := invFact[n]
		if (n/2)%2 == 1 {
			coef = dd{-coef.hi, -coef.lo}
		}
		c = ddAdd(ddMul(c, r2), coef)
	}
	return s, c
}

func fastSinCos(x float64, wantSin bool) (float64, bool) {
	if math.Abs(x) >= 0x1p20 {
		return 0, false
	}
	ddInit()
	r, k := reduceDD(x)
	s, c := sinCosDD(r)
	var v dd
	switch k {
	case 0:
		v = s
		if !wantSin {
			v = c
		}
	case 1:
		v = c
		if !wantSin {
			v = dd{-s.hi, -s.lo}
		}
	case 2:
		v = dd{-s.hi, -s.lo}
		if !wantSin {
			v = dd{-c.hi, -c.lo}
		}
	case 3:
		v = dd{-c.hi, -c.lo}
		if !wantSin {
			v = s
		}
	}
	return settled(v)
}

func ddDiv(x, y dd) dd {
	q1 := x.hi / y.hi
	r := ddAdd(x, dd{-twoProd(q1, y.hi).hi, -twoProd(q1, y.hi).lo})
	r = ddAdd(r, dd{-q1 * y.lo, 0})
	q2 := r.hi / y.hi
	return quickTwoSum(q1, q2)
}

func fastTan(x float64) (float64, bool) {
	if math.Abs(x) >= 0x1p20 {
		return 0, false
	}
	ddInit()
	r, k := reduceDD(x)
	s, c := sinCosDD(r)
	if k&1 == 1 { // tan(r + pi/2) = -cos r / sin r
		return settled(ddDiv(dd{-c.hi, -c.lo}, s))
	}
	return settled(ddDiv(s, c))
}

// expDD is e**x as a double-double for |x| <= 709.
func expDD(x float64) dd { return expDD2(dd{x, 0}) }

// expDD2 is e**x for a double-double x.
func expDD2(x dd) dd {
	ddInit()
	k := math.Round(x.hi * invLn2)
	r := twoProd(-k, ln2x[0])
	s, e := twoSum(r.hi, x.hi)
	r = quickTwoSum(s, e+r.lo+x.lo)
	r = ddAdd(r, twoProd(-k, ln2x[1]))
	r = ddAdd(r, dd{-k * ln2x[2], 0})
	v := dd{}
	for n := 27; n >= 0; n-- {
		v = ddAdd(ddMul(v, r), invFact[n])
	}
	scale := math.Ldexp(1, int(k))
	return dd{v.hi * scale, v.lo * scale}
}

func fastExp(x float64) (float64, bool) {
	if math.Abs(x) > 700 {
		return 0, false
	}
	return settled(expDD(x))
}

// fastLog refines Go's log by one Newton step done in double-double:
// y = y0 + (x e^-y0 - 1).
func fastLog(x float64) (float64, bool) {
	v, ok := logDD(x)
	if !ok {
		return 0, false
	}
	return settled(v)
}

// fastPow is exp(y log x) in double-double, for x > 0.
func fastPow(x, y float64) (float64, bool) {
	l, ok := logDD(x)
	if !ok {
		return 0, false
	}
	a := ddMul(l, dd{y, 0})
	if math.Abs(a.hi) > 700 {
		return 0, false
	}
	return settled(expDD2(a))
}

func logDD(x float64) (dd, bool) {
	y0 := math.Log(x)
	if math.Abs(y0) > 700 {
		return dd{}, false
	}
	e := expDD(-y0)
	p := ddMul(e, dd{x, 0})
	d := ddAdd(p, dd{-1, 0})
	// log(1+d) = d - d^2/2 + ...; d is about one ulp of y0
	d2 := ddMul(d, d)
	d = ddAdd(d, dd{-d2.hi / 2, -d2.lo / 2})
	return ddAdd(dd{y0, 0}, d), true
}
