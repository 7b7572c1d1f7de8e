// Package struct is CPython 2.7's _struct module (struct.py re-exports it):
// conversion between Python values and C structs packed into strings, on
// an LP64 Linux machine (native long and pointer are 8 bytes).
//
// Members:
//
//	Struct(format)          compiled format; pack pack_into unpack
//	                        unpack_from, attributes format and size
//	pack(fmt, v...)         string of the packed values
//	pack_into(fmt, buffer, offset, v...)  pack into a writable buffer
//	unpack(fmt, string)     tuple of values; len(string) must be calcsize
//	unpack_from(fmt, buffer, offset=0)
//	calcsize(fmt)           packed size
//	error                   struct.error, the module's exception
//	_clearcache()           empties the format cache
//	__version__             '0.2'
//
// Format: an optional byte order (@ native with alignment, = native
// without, < little, > and ! big) then [count]code items, whitespace
// ignored; codes x c b B ? h H i I l L q Q f d s p, and P (native only).
// Range errors reproduce CPython's mixed wording ("byte format requires
// -128 <= number <= 127", "'i' format requires …", "integer out of range
// for 'Q' format code").
package pystruct // "struct" is a Go keyword

import (
	"math"
	"math/big"
	"strings"
	"sync"

	"github.com/grumpy-audit/grumpy-audit/runtime-go/modules/internal/native"
	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

var (
	structType *py.Type
	errorType  *py.Type
)

func init() {
	errorType = native.NewExceptionClass("struct", "error", py.ExceptionType)
	structType = native.NewType(native.TypeSpec{Name: "Struct",
		Doc: "Struct(fmt) --> compiled struct object",
		New: func(f *py.Frame, t *py.Type, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			out := make([]py.Object, 1)
			if err := native.ParseKw("Struct", args, kw, []string{"format"}, 1, out); err != nil {
				return nil, err
			}
			s, err := compile(out[0])
			if err != nil {
				return nil, err
			}
			return native.Wrap(t, structType, s), nil
		},
		Methods: map[string]native.Method{
			"pack": func(f *py.Frame, s py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
				if err := native.NoKwArgs("pack", kw); err != nil {
					return nil, err
				}
				return s.(*compiled).pack(f, args)
			},
			"pack_into": func(f *py.Frame, s py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
				if err := native.NoKwArgs("pack_into", kw); err != nil {
					return nil, err
				}
				return s.(*compiled).packInto(f, args)
			},
			"unpack": func(f *py.Frame, s py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
				if err := py.OneArg("unpack", args, kw); err != nil {
					return nil, err
				}
				return s.(*compiled).unpack(f, args[0])
			},
			"unpack_from": func(f *py.Frame, s py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
				return s.(*compiled).unpackFrom(f, args, kw)
			},
		},
		Getters: map[string]func(f *py.Frame, s py.Object) (py.Object, *py.BaseException){
			"format": func(f *py.Frame, s py.Object) (py.Object, *py.BaseException) { return s.(*compiled).format, nil },
			"size": func(f *py.Frame, s py.Object) (py.Object, *py.BaseException) {
				return py.NewInt(int64(s.(*compiled).size)), nil
			},
		},
	})
	native.Register("_struct", "Functions to convert between Python values and C structs.", func() []native.Member {
		return []native.Member{
			native.V("Struct", structType),
			native.V("error", errorType),
			native.V("__version__", py.NewStr("0.2")),
			native.F("pack", modPack),
			native.F("pack_into", modPackInto),
			native.F("unpack", modUnpack),
			native.F("unpack_from", modUnpackFrom),
			native.F("calcsize", modCalcsize),
			native.F("_clearcache", clearCache),
		}
	})
}

func structError(msg string) *py.BaseException { return py.NewException(errorType, msg) }

// item is one format code with its repeat count and byte offset.
type item struct {
	code   byte
	count  int
	offset int
}

type compiled struct {
	format py.Object
	order  byte // '@', '=', '<', '>'
	items  []item
	size   int
	nargs  int
}

func (c *compiled) Type() *py.Type { return structType }

func (c *compiled) native() bool { return c.order == '@' }

func (c *compiled) bigEndian() bool { return c.order == '>' }

// sizes of the codes in native (@) and standard (= < > !) mode
var nativeSize = map[byte]int{'x': 1, 'c': 1, 'b': 1, 'B': 1, '?': 1, 'h': 2, 'H': 2, 'i': 4, 'I': 4, 'l': 8, 'L': 8, 'q': 8, 'Q': 8, 'f': 4, 'd': 8, 's': 1, 'p': 1, 'P': 8}
var stdSize = map[byte]int{'x': 1, 'c': 1, 'b': 1, 'B': 1, '?': 1, 'h': 2, 'H': 2, 'i': 4, 'I': 4, 'l': 4, 'L': 4, 'q': 8, 'Q': 8, 'f': 4, 'd': 8, 's': 1, 'p': 1}

var (
	cacheMu sync.Mutex
	cache   = map[string]*compiled{}
)

func clearCache(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.NoArgs("_clearcache", args, kw); err != nil {
		return nil, err
	}
	cacheMu.Lock()
	cache = map[string]*compiled{}
	cacheMu.Unlock()
	return py.None, nil
}

func compile(fo py.Object) (*compiled, *py.BaseException) {
	fs, ok := fo.(*py.Str)
	if !ok {
		return nil, py.NewTypeError("Struct() argument 1 must be string, not " + fo.Type().Name())
	}
	fmt := fs.Value()
	cacheMu.Lock()
	c := cache[fmt]
	cacheMu.Unlock()
	if c != nil {
		return c, nil
	}
	c = &compiled{format: fs, order: '@'}
	s := fmt
	if len(s) > 0 && strings.IndexByte("@=<>!", s[0]) >= 0 {
		c.order = s[0]
		if c.order == '!' {
			c.order = '>'
		}
		s = s[1:]
	}
	sizes := stdSize
	if c.native() {
		sizes = nativeSize
	}
	off := 0
	for i := 0; i < len(s); {
		ch := s[i]
		if ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\v' || ch == '\f' {
			i++
			continue
		}
		num := 1
		if ch >= '0' && ch <= '9' {
			num = 0
			for i < len(s) && s[i] >= '0' && s[i] <= '9' {
				num = num*10 + int(s[i]-'0')
				if num > math.MaxInt32 {
					return nil, structError("total struct size too long")
				}
				i++
			}
			if i == len(s) {
				break // a trailing count is ignored by 2.7
			}
			ch = s[i]
		}
		i++
		sz, ok := sizes[ch]
		if !ok {
			return nil, structError("bad char in struct format")
		}
		if c.native() && sz > 1 && ch != 's' && ch != 'p' {
			off = (off + sz - 1) / sz * sz
		}
		c.items = append(c.items, item{code: ch, count: num, offset: off})
		switch ch {
		case 's', 'p':
			off += num
			c.nargs++
		case 'x':
			off += num
		default:
			off += num * sz
			c.nargs += num
		}
	}
	c.size = off
	cacheMu.Lock()
	if len(cache) > 100 {
		cache = map[string]*compiled{}
	}
	cache[fmt] = c
	cacheMu.Unlock()
	return c, nil
}

func (c *compiled) put(b []byte, v uint64, n int) {
	if c.order == '@' || c.order == '=' || c.order == '<' {
		for i := 0; i < n; i++ {
			b[i] = byte(v >> (8 * i))
		}
		return
	}
	for i := 0; i < n; i++ {
		b[n-1-i] = byte(v >> (8 * i))
	}
}

func (c *compiled) get(b []byte, n int) uint64 {
	var v uint64
	if c.bigEndian() {
		for i := 0; i < n; i++ {
			v = v<<8 | uint64(b[i])
		}
		return v
	}
	for i := n - 1; i >= 0; i-- {
		v = v<<8 | uint64(b[i])
	}
	return v
}

// toInteger is get_pylong: ints and longs, floats truncated (2.7 only
// warns), anything else "cannot convert argument to integer".
func toInteger(f *py.Frame, o py.Object) (*big.Int, *py.BaseException) {
	switch v := o.(type) {
	case *py.Int:
		return big.NewInt(v.Value()), nil
	case *py.Long:
		return v.Big(), nil
	case *py.Float:
		if math.IsInf(v.Value(), 0) || math.IsNaN(v.Value()) {
			return nil, structError("cannot convert argument to integer")
		}
		b, _ := new(big.Float).SetFloat64(math.Trunc(v.Value())).Int(nil)
		return b, nil
	}
	if b, ok := py.IndexBig(f, o); ok {
		return b, nil
	}
	r, err := py.ToInt(f, o)
	if err != nil || r == nil {
		return nil, structError("cannot convert argument to integer")
	}
	if b, ok := native.Big(f, r); ok {
		return b, nil
	}
	return nil, structError("cannot convert argument to integer")
}

var (
	minInt64  = big.NewInt(math.MinInt64)
	maxInt64  = big.NewInt(math.MaxInt64)
	maxUint64 = new(big.Int).SetUint64(math.MaxUint64)
)

func outOfRange(code byte) *py.BaseException {
	return structError("integer out of range for '" + string(code) + "' format code")
}

func rangeError(code byte, size int, unsigned bool) *py.BaseException {
	if unsigned {
		max := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), uint(size*8)), big.NewInt(1))
		return structError("'" + string(code) + "' format requires 0 <= number <= " + max.String())
	}
	lim := new(big.Int).Lsh(big.NewInt(1), uint(size*8-1))
	return structError("'" + string(code) + "' format requires " + new(big.Int).Neg(lim).String() + " <= number <= " + new(big.Int).Sub(lim, big.NewInt(1)).String())
}

// packInt converts one integer argument with CPython 2.7's checks.
func (c *compiled) packInt(f *py.Frame, code byte, size int, o py.Object) (uint64, *py.BaseException) {
	v, err := toInteger(f, o)
	if err != nil {
		return 0, err
	}
	switch code {
	case 'b', 'B', 'h', 'H':
		if v.Cmp(minInt64) < 0 || v.Cmp(maxInt64) > 0 {
			return 0, outOfRange(code)
		}
		x := v.Int64()
		switch code {
		case 'b':
			if x < -128 || x > 127 {
				return 0, structError("byte format requires -128 <= number <= 127")
			}
		case 'B':
			if x < 0 || x > 255 {
				return 0, structError("ubyte format requires 0 <= number <= 255")
			}
		case 'h':
			if x < -32768 || x > 32767 {
				return 0, structError("short format requires SHRT_MIN <= number <= SHRT_MAX")
			}
		case 'H':
			if x < 0 || x > 65535 {
				return 0, structError("ushort format requires 0 <= number <= USHRT_MAX")
			}
		}
		return uint64(x), nil
	case 'i', 'l', 'q':
		if v.Cmp(minInt64) < 0 || v.Cmp(maxInt64) > 0 {
			return 0, outOfRange(code)
		}
		x := v.Int64()
		if size < 8 && (x < -(1<<(size*8-1)) || x >= 1<<(size*8-1)) {
			return 0, rangeError(code, size, false)
		}
		return uint64(x), nil
	case 'P':
		if v.Sign() < 0 {
			if v.Cmp(minInt64) < 0 {
				return 0, outOfRange(code)
			}
			return uint64(v.Int64()), nil
		}
		if v.Cmp(maxUint64) > 0 {
			return 0, outOfRange(code)
		}
		return v.Uint64(), nil
	default: // I L Q
		if v.Sign() < 0 || v.Cmp(maxUint64) > 0 {
			return 0, outOfRange(code)
		}
		x := v.Uint64()
		if size < 8 && x >= 1<<(size*8) {
			return 0, rangeError(code, size, true)
		}
		return x, nil
	}
}

func floatArg(f *py.Frame, o py.Object) (float64, *py.BaseException) {
	switch v := o.(type) {
	case *py.Float:
		return v.Value(), nil
	case *py.Int, *py.Long:
		r, err := py.ToFloat(f, v)
		if err != nil {
			return 0, err
		}
		return r.(*py.Float).Value(), nil
	}
	if o.Type().Lookup("__float__") != nil {
		r, err := py.ToFloat(f, o)
		if err == nil {
			if fl, ok := r.(*py.Float); ok {
				return fl.Value(), nil
			}
		}
	}
	return 0, structError("required argument is not a float")
}

func (c *compiled) packTo(f *py.Frame, buf []byte, args []py.Object) *py.BaseException {
	if len(args) != c.nargs {
		return structError("pack expected " + native.Itoa(c.nargs) + " items for packing (got " + native.Itoa(len(args)) + ")")
	}
	sizes := stdSize
	if c.native() {
		sizes = nativeSize
	}
	ai := 0
	for _, it := range c.items {
		sz := sizes[it.code]
		switch it.code {
		case 'x':
			continue
		case 's', 'p':
			s, ok := args[ai].(*py.Str)
			ai++
			if !ok {
				return structError("argument for '" + string(it.code) + "' must be a string")
			}
			data := s.Value()
			dst := buf[it.offset : it.offset+it.count]
			if it.code == 's' {
				copy(dst, data)
				continue
			}
			if it.count == 0 {
				continue
			}
			n := min(len(data), it.count-1)
			copy(dst[1:], data[:n])
			dst[0] = byte(min(n, 255))
			continue
		}
		for k := 0; k < it.count; k++ {
			a := args[ai]
			ai++
			dst := buf[it.offset+k*sz:]
			switch it.code {
			case 'c':
				s, ok := a.(*py.Str)
				if !ok || len(s.Value()) != 1 {
					return structError("char format require string of length 1")
				}
				dst[0] = s.Value()[0]
			case '?':
				t, err := py.IsTrue(f, a)
				if err != nil {
					return err
				}
				dst[0] = 0
				if t {
					dst[0] = 1
				}
			case 'f':
				x, err := floatArg(f, a)
				if err != nil {
					return err
				}
				x32 := float32(x)
				if !c.native() && math.IsInf(float64(x32), 0) && !math.IsInf(x, 0) {
					return py.NewOverflowError("float too large to pack with f format")
				}
				c.put(dst, uint64(math.Float32bits(x32)), 4)
			case 'd':
				x, err := floatArg(f, a)
				if err != nil {
					return err
				}
				c.put(dst, math.Float64bits(x), 8)
			default:
				v, err := c.packInt(f, it.code, sz, a)
				if err != nil {
					return err
				}
				c.put(dst, v, sz)
			}
		}
	}
	return nil
}

func (c *compiled) pack(f *py.Frame, args []py.Object) (py.Object, *py.BaseException) {
	buf := make([]byte, c.size)
	if err := c.packTo(f, buf, args); err != nil {
		return nil, err
	}
	return py.NewStr(string(buf)), nil
}

func (c *compiled) packInto(f *py.Frame, args []py.Object) (py.Object, *py.BaseException) {
	if len(args) != c.nargs+2 {
		if len(args) == 0 {
			return nil, py.NewTypeError("pack_into expected buffer argument")
		}
		if len(args) == 1 {
			return nil, py.NewTypeError("pack_into expected offset argument")
		}
		return nil, structError("pack_into expected " + native.Itoa(c.nargs) + " items for packing (got " + native.Itoa(len(args)-2) + ")")
	}
	target := args[0]
	if _, ok := py.BaseOf(target).(*py.ByteArray); !ok {
		return nil, py.NewTypeError("argument must be read-write buffer, not " + target.Type().Name())
	}
	blen, err := py.Len(f, target)
	if err != nil {
		return nil, err
	}
	off, err := native.Int(f, args[1])
	if err != nil {
		return nil, err
	}
	if off < 0 {
		off += blen
	}
	if off < 0 || blen-off < c.size {
		return nil, structError("pack_into requires a buffer of at least " + native.Itoa(c.size) + " bytes")
	}
	buf := make([]byte, c.size)
	if err := c.packTo(f, buf, args[2:]); err != nil {
		return nil, err
	}
	// byte by byte: the runtime's bytearray has no slice assignment yet
	for i, b := range buf {
		if err := py.SetItem(f, target, py.NewInt(int64(off+i)), py.NewInt(int64(b))); err != nil {
			return nil, err
		}
	}
	return py.None, nil
}

func (c *compiled) unpackBytes(f *py.Frame, b []byte) (py.Object, *py.BaseException) {
	sizes := stdSize
	if c.native() {
		sizes = nativeSize
	}
	var out []py.Object
	for _, it := range c.items {
		sz := sizes[it.code]
		switch it.code {
		case 'x':
			continue
		case 's':
			out = append(out, py.NewStr(string(b[it.offset:it.offset+it.count])))
			continue
		case 'p':
			if it.count == 0 {
				out = append(out, py.NewStr(""))
				continue
			}
			n := min(int(b[it.offset]), it.count-1)
			out = append(out, py.NewStr(string(b[it.offset+1:it.offset+1+n])))
			continue
		}
		for k := 0; k < it.count; k++ {
			src := b[it.offset+k*sz:]
			var v py.Object
			switch it.code {
			case 'c':
				v = py.NewStr(string(src[:1]))
			case '?':
				v = py.NewBool(src[0] != 0)
			case 'f':
				v = py.NewFloat(float64(math.Float32frombits(uint32(c.get(src, 4)))))
			case 'd':
				v = py.NewFloat(math.Float64frombits(c.get(src, 8)))
			case 'b', 'h', 'i', 'l', 'q':
				u := c.get(src, sz)
				shift := uint(64 - 8*sz)
				v = py.NewInt(int64(u<<shift) >> shift)
			default: // unsigned, P
				u := c.get(src, sz)
				if u <= math.MaxInt64 {
					v = py.NewInt(int64(u))
				} else {
					v = py.NewLong(new(big.Int).SetUint64(u))
				}
			}
			out = append(out, v)
		}
	}
	return py.NewTuple(out...), nil
}

// bufferBytes reads a str, bytearray or other object exposing its bytes.
func bufferBytes(f *py.Frame, o py.Object) (string, bool) {
	switch v := py.BaseOf(o).(type) {
	case *py.Str:
		return v.Value(), true
	case *py.ByteArray:
		s, err := py.ToStr(f, v)
		if err != nil {
			return "", false
		}
		return s.Value(), true
	case *py.Unicode: // the "s*" conversion: the default (ASCII) encoding
		e, err := py.Encode(f, v.Runes(), "ascii", "strict")
		if err != nil {
			return "", false
		}
		if es, ok := e.(*py.Str); ok {
			return es.Value(), true
		}
	}
	return "", false
}

func (c *compiled) unpack(f *py.Frame, o py.Object) (py.Object, *py.BaseException) {
	s, ok := bufferBytes(f, o)
	if !ok || len(s) != c.size {
		return nil, structError("unpack requires a string argument of length " + native.Itoa(c.size))
	}
	return c.unpackBytes(f, []byte(s))
}

func (c *compiled) unpackFrom(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	out := make([]py.Object, 2)
	if err := native.ParseKw("unpack_from", args, kw, []string{"buffer", "offset"}, 1, out); err != nil {
		return nil, err
	}
	s, ok := bufferBytes(f, out[0])
	if !ok {
		return nil, py.NewTypeError("unpack_from() argument 1 must be string or read-only buffer, not " + out[0].Type().Name())
	}
	off := 0
	if out[1] != nil {
		var err *py.BaseException
		if off, err = native.Int(f, out[1]); err != nil {
			return nil, err
		}
	}
	if off < 0 {
		off += len(s)
	}
	if off < 0 || len(s)-off < c.size {
		return nil, structError("unpack_from requires a buffer of at least " + native.Itoa(c.size) + " bytes")
	}
	return c.unpackBytes(f, []byte(s[off:off+c.size]))
}

// module-level functions compile (and cache) the format first

func formatArg(args []py.Object) (*compiled, *py.BaseException) {
	if len(args) == 0 {
		return nil, py.NewTypeError("missing format argument")
	}
	return compile(args[0])
}

func modPack(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := native.NoKwArgs("pack", kw); err != nil {
		return nil, err
	}
	c, err := formatArg(args)
	if err != nil {
		return nil, err
	}
	return c.pack(f, args[1:])
}

func modPackInto(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := native.NoKwArgs("pack_into", kw); err != nil {
		return nil, err
	}
	c, err := formatArg(args)
	if err != nil {
		return nil, err
	}
	return c.packInto(f, args[1:])
}

func modUnpack(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.UnpackArgs("unpack", args, kw, 2, 2); err != nil {
		return nil, err
	}
	c, err := compile(args[0])
	if err != nil {
		return nil, err
	}
	return c.unpack(f, args[1])
}

func modUnpackFrom(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if len(args) == 0 {
		return nil, py.NewTypeError("unpack_from() takes at least 1 argument (0 given)")
	}
	c, err := compile(args[0])
	if err != nil {
		return nil, err
	}
	return c.unpackFrom(f, args[1:], kw)
}

func modCalcsize(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.OneArg("calcsize", args, kw); err != nil {
		return nil, err
	}
	c, err := compile(args[0])
	if err != nil {
		return nil, err
	}
	return py.NewInt(int64(c.size)), nil
}
