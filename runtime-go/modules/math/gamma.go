package math

import "math"

// gamma, lgamma, erf and erfc are CPython 2.7's own algorithms from
// mathmodule.c (a Lanczos sum for gamma and lgamma, a Taylor series and a
// continued fraction for erf/erfc), evaluated over the glibc-rounded
// exp/log/pow/sin/cos, so they give CPython's results bit for bit.

const (
	lanczosG          = 6.024680040776729583740234375
	lanczosGMinusHalf = 5.524680040776729583740234375
	sqrtPi            = 1.772453850905516027298167483341145182798
)

var lanczosNum = [13]float64{
	23531376880.410759688572007674451636754734846804940,
	42919803642.649098768957899047001988850926355848959,
	35711959237.355668049440185451547166705960488635843,
	17921034426.037209699919755754458931112671403265390,
	6039542586.3520280050642916443072979210699388420708,
	1439720407.3117216736632230727949123939715485786772,
	248874557.86205415651146038641322942321632125127801,
	31426415.585400194380614231628318205362874684987640,
	2876370.6289353724412254090516208496135991145378768,
	186056.26539522349504029498971604569928220784236328,
	8071.6720023658162106380029022722506138218516325024,
	210.82427775157934587250973392071336271166969580291,
	2.5066282746310002701649081771338373386264310793408,
}

var lanczosDen = [13]float64{0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0,
	13339535.0, 2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0}

func lanczosSum(x float64) float64 {
	num, den := 0.0, 0.0
	if x < 5 {
		for i := 12; i >= 0; i-- {
			num = num*x + lanczosNum[i]
			den = den*x + lanczosDen[i]
		}
	} else {
		for i := 0; i < 13; i++ {
			num = num/x + lanczosNum[i]
			den = den/x + lanczosDen[i]
		}
	}
	return num / den
}

// sinPi is sin(pi*x) with the argument reduced first, as CPython does.
func sinPi(x float64) float64 {
	y := math.Mod(math.Abs(x), 2)
	var r float64
	switch int(math.Round(2 * y)) {
	case 0:
		r = crSin(math.Pi * y)
	case 1:
		r = crCos(math.Pi * (y - 0.5))
	case 2:
		r = crSin(math.Pi * (1 - y))
	case 3:
		r = -crCos(math.Pi * (y - 1.5))
	default:
		r = crSin(math.Pi * (y - 2))
	}
	return math.Copysign(1, x) * r
}

// cGamma is m_tgamma for finite, non-integral (or large integral) x;
// ok=false reports a range error.
func cGamma(x float64) (float64, bool) {
	absx := math.Abs(x)
	if absx < 1e-20 {
		r := 1 / x
		return r, !math.IsInf(r, 0)
	}
	if absx > 200 {
		if x < 0 {
			return 0 / sinPi(x), true
		}
		return math.Inf(1), false
	}
	y := absx + lanczosGMinusHalf
	var z float64
	if absx > lanczosGMinusHalf {
		q := y - absx
		z = q - lanczosGMinusHalf
	} else {
		q := y - lanczosGMinusHalf
		z = q - absx
	}
	z = z * lanczosG / y
	var r float64
	if x < 0 {
		r = -math.Pi / sinPi(absx) / absx * crExp(y) / lanczosSum(absx)
		r -= z * r
		if absx < 140 {
			r /= crPow(y, absx-0.5)
		} else {
			sp := crPow(y, absx/2-0.25)
			r /= sp
			r /= sp
		}
	} else {
		r = lanczosSum(absx) / crExp(y)
		r += z * r
		if absx < 140 {
			r *= crPow(y, absx-0.5)
		} else {
			sp := crPow(y, absx/2-0.25)
			r *= sp
			r *= sp
		}
	}
	return r, !math.IsInf(r, 0)
}

// cLgamma is m_lgamma for finite x that is not an integer <= 2.
func cLgamma(x float64) float64 {
	absx := math.Abs(x)
	if absx < 1e-20 {
		return -crLog(absx)
	}
	r := crLog(lanczosSum(absx)) - lanczosG
	r += (absx - 0.5) * (crLog(absx+lanczosG-0.5) - 1)
	if x < 0 {
		r = crLog(math.Pi) - crLog(math.Abs(sinPi(absx))) - crLog(absx) - r
	}
	return r
}

func erfSeries(x float64) float64 {
	x2 := x * x
	acc, fk := 0.0, 25.5
	for i := 0; i < 25; i++ {
		acc = 2 + x2*acc/fk
		fk--
	}
	return acc * x * crExp(-x2) / sqrtPi
}

func erfcContfrac(x float64) float64 {
	if x >= 30 {
		return 0
	}
	x2 := x * x
	a, da := 0.0, 0.5
	p, pLast := 1.0, 0.0
	q, qLast := da+x2, 1.0
	for i := 0; i < 50; i++ {
		a += da
		da += 2
		b := da + x2
		p, pLast = b*p-a*pLast, p
		q, qLast = b*q-a*qLast, q
	}
	return p / q * x * crExp(-x2) / sqrtPi
}

func cErf(x float64) float64 {
	if math.IsNaN(x) {
		return x
	}
	absx := math.Abs(x)
	if absx < 1.5 {
		return erfSeries(x)
	}
	cf := erfcContfrac(absx)
	if x > 0 {
		return 1 - cf
	}
	return cf - 1
}

func cErfc(x float64) float64 {
	if math.IsNaN(x) {
		return x
	}
	absx := math.Abs(x)
	if absx < 1.5 {
		return 1 - erfSeries(x)
	}
	cf := erfcContfrac(absx)
	if x > 0 {
		return cf
	}
	return 2 - cf
}
