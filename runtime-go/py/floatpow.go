package py

import (
	"math"
	"math/big"
	"sync"
)

// accuratePow computes x**y correctly rounded (as glibc's pow, which
// CPython calls, is in practice); Go's math.Pow can be off by an ulp.
// Cheap exact cases stay on the fast path; the rest go through 160-bit
// big.Float logarithm and exponential.
func accuratePow(x, y float64) float64 {
	switch {
	case y == 1:
		return x
	case y == 2:
		return x * x
	case y == 0.5 && x > 0 && !math.IsInf(x, 0):
		return math.Sqrt(x)
	case y == -1:
		return 1 / x
	}
	r := math.Pow(x, y)
	if math.IsInf(r, 0) || math.IsNaN(r) || r == 0 || math.IsInf(x, 0) || math.IsInf(y, 0) || x == 0 {
		return r
	}
	neg := false
	if x < 0 {
		// only integral y reach here (fractional powers of negatives fail earlier)
		x = -x
		neg = math.Mod(y, 2) != 0
	}
	const prec = 160
	var res *big.Float
	if y == math.Trunc(y) && math.Abs(y) <= 1<<20 {
		res = bigPowInt(new(big.Float).SetPrec(prec).SetFloat64(x), int64(math.Abs(y)), prec)
		if y < 0 {
			res = new(big.Float).SetPrec(prec).Quo(new(big.Float).SetPrec(prec).SetInt64(1), res)
		}
	} else {
		l := bigLn(new(big.Float).SetPrec(prec).SetFloat64(x), prec)
		l.Mul(l, new(big.Float).SetPrec(prec).SetFloat64(y))
		res = bigExp(l, prec)
	}
	v, _ := res.Float64()
	if neg {
		v = -v
	}
	return v
}

func bigPowInt(x *big.Float, n int64, prec uint) *big.Float {
	result := new(big.Float).SetPrec(prec).SetInt64(1)
	base := new(big.Float).SetPrec(prec).Set(x)
	for n > 0 {
		if n&1 == 1 {
			result.Mul(result, base)
		}
		n >>= 1
		if n > 0 {
			base.Mul(base, base)
		}
	}
	return result
}

var (
	ln2Once sync.Once
	ln2Big  *big.Float
)

// atanhSeries computes 2*atanh(z) = ln((1+z)/(1-z)) for small |z|.
func atanhSeries(z *big.Float, prec uint) *big.Float {
	z2 := new(big.Float).SetPrec(prec).Mul(z, z)
	term := new(big.Float).SetPrec(prec).Set(z)
	sum := new(big.Float).SetPrec(prec).Set(z)
	eps := new(big.Float).SetPrec(prec).SetMantExp(big.NewFloat(1), -int(prec)-4)
	for k := int64(3); ; k += 2 {
		term.Mul(term, z2)
		t := new(big.Float).SetPrec(prec).Quo(term, new(big.Float).SetPrec(prec).SetInt64(k))
		sum.Add(sum, t)
		if new(big.Float).Abs(t).Cmp(eps) < 0 {
			break
		}
	}
	return sum.Mul(sum, big.NewFloat(2))
}

func bigLn2(prec uint) *big.Float {
	ln2Once.Do(func() {
		third := new(big.Float).SetPrec(200).Quo(big.NewFloat(1).SetPrec(200), big.NewFloat(3).SetPrec(200))
		ln2Big = atanhSeries(third, 200)
	})
	return new(big.Float).SetPrec(prec).Set(ln2Big)
}

// bigLn is ln(x) for x > 0.
func bigLn(x *big.Float, prec uint) *big.Float {
	m := new(big.Float).SetPrec(prec)
	e := x.MantExp(m) // x = m * 2^e, m in [0.5, 1)
	one := new(big.Float).SetPrec(prec).SetInt64(1)
	num := new(big.Float).SetPrec(prec).Sub(m, one)
	den := new(big.Float).SetPrec(prec).Add(m, one)
	z := num.Quo(num, den)
	r := atanhSeries(z, prec)
	return r.Add(r, new(big.Float).SetPrec(prec).Mul(bigLn2(prec), new(big.Float).SetPrec(prec).SetInt64(int64(e))))
}

// bigExp is e**z.
func bigExp(z *big.Float, prec uint) *big.Float {
	ln2 := bigLn2(prec)
	kf := new(big.Float).SetPrec(prec).Quo(z, ln2)
	k, _ := kf.Int64()
	r := new(big.Float).SetPrec(prec).Sub(z, new(big.Float).SetPrec(prec).Mul(ln2, new(big.Float).SetPrec(prec).SetInt64(k)))
	sum := new(big.Float).SetPrec(prec).SetInt64(1)
	term := new(big.Float).SetPrec(prec).SetInt64(1)
	eps := new(big.Float).SetPrec(prec).SetMantExp(big.NewFloat(1), -int(prec)-4)
	for n := int64(1); n < 400; n++ {
		term.Mul(term, r)
		term.Quo(term, new(big.Float).SetPrec(prec).SetInt64(n))
		sum.Add(sum, term)
		if new(big.Float).Abs(term).Cmp(eps) < 0 {
			break
		}
	}
	return sum.SetMantExp(sum, int(k))
}
