// Package random is CPython 2.7's _random module: the Mersenne Twister
// (MT19937) that the pure random.py builds on, reproduced state for state
// so random.seed(n) gives CPython's sequences.
//
// Members:
//
//	Random([seed])   generator type; methods:
//	  seed([n])        int/long: |n| split into 32-bit words for
//	                   init_by_array; other objects: their hash as an
//	                   unsigned 64-bit value; None: the current time
//	  random()         53-bit float in [0, 1) from two 32-bit outputs
//	  getrandbits(k)   int for k <= 32, else long, little-endian words
//	  getstate()       625-tuple of longs (state words and index)
//	  setstate(state)  inverse of getstate
//	  jumpahead(n)     CPython 2.7's state shuffle
//
// State words are uint64 like C's unsigned long on LP64 (setstate may
// store values above 32 bits, which the generator then carries as
// CPython's does).
package random

import (
	"math/big"
	"sync"
	"time"

	"github.com/grumpy-audit/grumpy-audit/runtime-go/modules/internal/native"
	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

const (
	n         = 624
	m         = 397
	matrixA   = 0x9908b0df
	upperMask = 0x80000000
	lowerMask = 0x7fffffff
)

type mt struct {
	mu    sync.Mutex
	state [n]uint64
	index int
}

var randomType *py.Type

func init() {
	randomType = native.NewType(native.TypeSpec{Name: "Random", Module: "_random",
		Doc: "Random() -> create a random number generator with its own internal state.",
		New: func(f *py.Frame, t *py.Type, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			if t == randomType && len(kw) > 0 {
				return nil, py.NewTypeError("Random() does not take keyword arguments")
			}
			r := &mt{}
			if _, err := seed(f, r, args, nil); err != nil {
				return nil, err
			}
			return native.Wrap(t, randomType, r), nil
		},
		Methods: map[string]native.Method{
			"seed":        seed,
			"random":      random,
			"getrandbits": getrandbits,
			"getstate":    getstate,
			"setstate":    setstate,
			"jumpahead":   jumpahead,
		},
	})
	native.Register("_random", "Module implements the Mersenne Twister random number generator.", func() []native.Member {
		return []native.Member{native.V("Random", randomType)}
	})
}

func (r *mt) Type() *py.Type { return randomType }

func (r *mt) genrand() uint64 {
	mag01 := [2]uint64{0, matrixA}
	s := &r.state
	if r.index >= n {
		var kk int
		for kk = 0; kk < n-m; kk++ {
			y := (s[kk] & upperMask) | (s[kk+1] & lowerMask)
			s[kk] = s[kk+m] ^ (y >> 1) ^ mag01[y&1]
		}
		for ; kk < n-1; kk++ {
			y := (s[kk] & upperMask) | (s[kk+1] & lowerMask)
			s[kk] = s[kk+(m-n)] ^ (y >> 1) ^ mag01[y&1]
		}
		y := (s[n-1] & upperMask) | (s[0] & lowerMask)
		s[n-1] = s[m-1] ^ (y >> 1) ^ mag01[y&1]
		r.index = 0
	}
	y := s[r.index]
	r.index++
	y ^= y >> 11
	y ^= (y << 7) & 0x9d2c5680
	y ^= (y << 15) & 0xefc60000
	y ^= y >> 18
	return y
}

func (r *mt) initGenrand(seed uint64) {
	s := &r.state
	s[0] = seed & 0xffffffff
	for i := 1; i < n; i++ {
		s[i] = (1812433253*(s[i-1]^(s[i-1]>>30)) + uint64(i)) & 0xffffffff
	}
	r.index = n
}

func (r *mt) initByArray(key []uint64) {
	r.initGenrand(19650218)
	s := &r.state
	i, j := 1, 0
	k := n
	if len(key) > k {
		k = len(key)
	}
	for ; k > 0; k-- {
		s[i] = ((s[i] ^ ((s[i-1] ^ (s[i-1] >> 30)) * 1664525)) + key[j] + uint64(j)) & 0xffffffff
		i++
		j++
		if i >= n {
			s[0] = s[n-1]
			i = 1
		}
		if j >= len(key) {
			j = 0
		}
	}
	for k = n - 1; k > 0; k-- {
		s[i] = ((s[i] ^ ((s[i-1] ^ (s[i-1] >> 30)) * 1566083941)) - uint64(i)) & 0xffffffff
		i++
		if i >= n {
			s[0] = s[n-1]
			i = 1
		}
	}
	s[0] = 0x80000000
	r.index = n
}

func self(o py.Object) *mt { return o.(*mt) }

func seed(f *py.Frame, s py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.UnpackArgs("seed", args, kw, 0, 1); err != nil {
		return nil, err
	}
	r := self(s)
	var v *big.Int
	if len(args) == 0 || args[0] == py.None {
		r.mu.Lock()
		r.initGenrand(uint64(time.Now().Unix()))
		r.mu.Unlock()
		return py.None, nil
	}
	switch a := args[0].(type) {
	case *py.Int:
		v = new(big.Int).Abs(big.NewInt(a.Value()))
	case *py.Long:
		v = new(big.Int).Abs(a.Big())
	default:
		h, err := py.Hash(f, args[0])
		if err != nil {
			return nil, err
		}
		v = new(big.Int).SetUint64(uint64(h))
	}
	// 32-bit words, least significant first; at least one
	key := []uint64{}
	mask := big.NewInt(0xffffffff)
	for t := new(big.Int).Set(v); t.Sign() > 0; t.Rsh(t, 32) {
		key = append(key, new(big.Int).And(t, mask).Uint64())
	}
	if len(key) == 0 {
		key = []uint64{0}
	}
	r.mu.Lock()
	r.initByArray(key)
	r.mu.Unlock()
	return py.None, nil
}

func random(f *py.Frame, s py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.NoArgs("random", args, kw); err != nil {
		return nil, err
	}
	r := self(s)
	r.mu.Lock()
	a := r.genrand() >> 5
	b := r.genrand() >> 6
	r.mu.Unlock()
	return py.NewFloat((float64(a)*67108864.0 + float64(b)) * (1.0 / 9007199254740992.0)), nil
}

func getrandbits(f *py.Frame, s py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	out := make([]py.Object, 1)
	if err := native.ParseTuple("getrandbits", args, []string{"k"}, 1, out); err != nil {
		return nil, err
	}
	if err := native.NoKwArgs("getrandbits", kw); err != nil {
		return nil, err
	}
	k, err := native.Int(f, out[0])
	if err != nil {
		return nil, err
	}
	if k <= 0 {
		return nil, py.NewValueError("number of bits must be greater than zero")
	}
	r := self(s)
	r.mu.Lock()
	defer r.mu.Unlock()
	if k <= 32 { // still a long in 2.7.18
		return py.NewLong(new(big.Int).SetUint64(r.genrand() >> uint(32-k))), nil
	}
	words := (k-1)/32 + 1
	buf := make([]byte, words*4)
	for i := 0; i < words*4; i, k = i+4, k-32 {
		v := r.genrand()
		if k < 32 {
			v >>= uint(32 - k)
		}
		buf[i], buf[i+1], buf[i+2], buf[i+3] = byte(v), byte(v>>8), byte(v>>16), byte(v>>24)
	}
	// little-endian bytes to a big.Int
	for i, j := 0, len(buf)-1; i < j; i, j = i+1, j-1 {
		buf[i], buf[j] = buf[j], buf[i]
	}
	return py.NewLong(new(big.Int).SetBytes(buf)), nil
}

func getstate(f *py.Frame, s py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.NoArgs("getstate", args, kw); err != nil {
		return nil, err
	}
	r := self(s)
	r.mu.Lock()
	defer r.mu.Unlock()
	items := make([]py.Object, n+1)
	for i, v := range r.state {
		items[i] = py.NewLong(new(big.Int).SetUint64(v))
	}
	items[n] = py.NewLong(big.NewInt(int64(r.index)))
	return py.NewTuple(items...), nil
}

func setstate(f *py.Frame, s py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.OneArg("setstate", args, kw); err != nil {
		return nil, err
	}
	t, ok := args[0].(*py.Tuple)
	if !ok {
		return nil, py.NewTypeError("state vector must be a tuple")
	}
	elems := t.Elems()
	if len(elems) != n+1 {
		return nil, py.NewValueError("state vector is the wrong size")
	}
	var st [n]uint64
	for i := 0; i < n; i++ {
		b, ok := native.Big(f, elems[i])
		if !ok {
			return nil, py.NewTypeError("an integer is required")
		}
		if b.Sign() < 0 {
			return nil, py.NewOverflowError("can't convert negative value to unsigned long")
		}
		if b.BitLen() > 64 {
			return nil, py.NewOverflowError("long int too large to convert")
		}
		st[i] = b.Uint64()
	}
	idx, err := native.Int(f, elems[n])
	if err != nil {
		return nil, err
	}
	if idx < 0 || idx > n {
		return nil, py.NewValueError("invalid state")
	}
	r := self(s)
	r.mu.Lock()
	r.state, r.index = st, idx
	r.mu.Unlock()
	return py.None, nil
}

func jumpahead(f *py.Frame, s py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.OneArg("jumpahead", args, kw); err != nil {
		return nil, err
	}
	switch args[0].(type) {
	case *py.Int, *py.Long:
	default:
		return nil, py.NewTypeError("jumpahead requires an integer, not '" + args[0].Type().Name() + "'")
	}
	nb, _ := native.Big(f, args[0])
	r := self(s)
	r.mu.Lock()
	defer r.mu.Unlock()
	st := &r.state
	rem := new(big.Int)
	for i := n - 1; i > 1; i-- {
		// Python's % (result has the divisor's sign, here positive)
		rem.Mod(nb, big.NewInt(int64(i)))
		j := rem.Int64()
		st[i], st[j] = st[j], st[i]
	}
	var nonzero uint64
	for i := 0; i < n; i++ {
		st[i] = (st[i] + uint64(i+1)) & 0xffffffff
		nonzero |= st[i]
	}
	if nonzero == 0 { // keep the generator out of the all-zero state
		st[0] = 0x80000000
	}
	r.index = n
	return py.None, nil
}

var _ py.Object = (*mt)(nil)
