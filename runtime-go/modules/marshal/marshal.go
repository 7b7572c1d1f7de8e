// Package marshal is CPython 2.7's marshal module: its byte format
// (versions 0-2, default 2) for None, bools, StopIteration, Ellipsis,
// int, long, float, complex, str, unicode, tuple, list, dict, set,
// frozenset, and bytearray (written as str, as CPython writes any read
// buffer).
//
// Members:
//
//	dumps(value[, version])       the marshalled string
//	loads(string)                 the value of the first object in string
//	dump(value, file[, version])  write to a file object
//	load(file)                    read one object from a file object
//	version                       2
//
// Code objects do not exist at run time, so they (and any other type)
// raise ValueError("unmarshallable object"); a code object in loaded data
// is "bad marshal data". Version 1+ writes interned strings as 't' and
// back-references ('R'); CPython knows which strings are interned, the
// runtime does not, so strings made only of identifier characters (those
// CPython's compiler interns) are treated as interned.
package marshal

import (
	"encoding/binary"
	"math"
	"math/big"
	"strconv"

	"github.com/grumpy-audit/grumpy-audit/runtime-go/modules/internal/native"
	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

const (
	version  = 2
	maxDepth = 2000 // MAX_MARSHAL_STACK_DEPTH
)

func init() {
	native.Register("marshal", "Serialisation of core Python values in the interpreter's internal format.", func() []native.Member {
		return []native.Member{
			native.F("dumps", dumps),
			native.F("loads", loads),
			native.F("dump", dump),
			native.F("load", load),
			native.V("version", py.NewInt(version)),
		}
	})
}

type writer struct {
	f       *py.Frame
	buf     []byte
	version int
	strings map[string]int // interned strings written so far
}

func (w *writer) long32(n int32) { w.buf = binary.LittleEndian.AppendUint32(w.buf, uint32(n)) }

func (w *writer) size(n int) *py.BaseException {
	if n > math.MaxInt32 {
		return py.NewValueError("unmarshallable object")
	}
	w.long32(int32(n))
	return nil
}

// shortFloat is version 0/1's float text: %.17g.
func shortFloat(x float64) string {
	switch {
	case math.IsInf(x, 1):
		return "inf"
	case math.IsInf(x, -1):
		return "-inf"
	case math.IsNaN(x):
		return "nan"
	}
	return strconv.FormatFloat(x, 'g', 17, 64)
}

func (w *writer) float(x float64, long bool) {
	if long {
		w.buf = binary.LittleEndian.AppendUint64(w.buf, math.Float64bits(x))
		return
	}
	s := shortFloat(x)
	w.buf = append(w.buf, byte(len(s)))
	w.buf = append(w.buf, s...)
}

// interned approximates PyString_CHECK_INTERNED: the compiler interns
// string constants made only of name characters.
func interned(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

func (w *writer) items(kind byte, items []py.Object, depth int) *py.BaseException {
	w.buf = append(w.buf, kind)
	if err := w.size(len(items)); err != nil {
		return err
	}
	for _, it := range items {
		if err := w.object(it, depth+1); err != nil {
			return err
		}
	}
	return nil
}

func (w *writer) object(v py.Object, depth int) *py.BaseException {
	if depth > maxDepth {
		return py.NewValueError("object too deeply nested to marshal")
	}
	switch x := v.(type) {
	case *py.NoneObject:
		w.buf = append(w.buf, 'N')
		return nil
	case *py.EllipsisObject:
		w.buf = append(w.buf, '.')
		return nil
	case *py.Int:
		switch {
		case v == py.True:
			w.buf = append(w.buf, 'T')
		case v == py.False:
			w.buf = append(w.buf, 'F')
		case x.Value() == int64(int32(x.Value())):
			w.buf = append(w.buf, 'i')
			w.long32(int32(x.Value()))
		default:
			w.buf = append(w.buf, 'I')
			w.buf = binary.LittleEndian.AppendUint64(w.buf, uint64(x.Value()))
		}
		return nil
	case *py.Long:
		w.buf = append(w.buf, 'l')
		// base 2**15 digits, least significant first, signed count
		mag := new(big.Int).Abs(x.Big())
		var digits []uint16
		mask := big.NewInt(0x7fff)
		for mag.Sign() > 0 {
			digits = append(digits, uint16(new(big.Int).And(mag, mask).Uint64()))
			mag.Rsh(mag, 15)
		}
		n := len(digits)
		if x.Big().Sign() < 0 {
			n = -n
		}
		w.long32(int32(n))
		for _, d := range digits {
			w.buf = binary.LittleEndian.AppendUint16(w.buf, d)
		}
		return nil
	case *py.Float:
		if w.version > 1 {
			w.buf = append(w.buf, 'g')
		} else {
			w.buf = append(w.buf, 'f')
		}
		w.float(x.Value(), w.version > 1)
		return nil
	case *py.Complex:
		re, err := floatAttr(w.f, x, "real")
		if err != nil {
			return err
		}
		im, err := floatAttr(w.f, x, "imag")
		if err != nil {
			return err
		}
		if w.version > 1 {
			w.buf = append(w.buf, 'y')
		} else {
			w.buf = append(w.buf, 'x')
		}
		w.float(re, w.version > 1)
		w.float(im, w.version > 1)
		return nil
	case *py.Str:
		s := x.Value()
		if w.version > 0 && interned(s) {
			if i, ok := w.strings[s]; ok {
				w.buf = append(w.buf, 'R')
				w.long32(int32(i))
				return nil
			}
			w.strings[s] = len(w.strings)
			w.buf = append(w.buf, 't')
		} else {
			w.buf = append(w.buf, 's')
		}
		if err := w.size(len(s)); err != nil {
			return err
		}
		w.buf = append(w.buf, s...)
		return nil
	case *py.ByteArray:
		s, err := py.ToStr(w.f, x)
		if err != nil {
			return err
		}
		w.buf = append(w.buf, 's')
		if err := w.size(len(s.Value())); err != nil {
			return err
		}
		w.buf = append(w.buf, s.Value()...)
		return nil
	case *py.Unicode:
		e, err := py.Encode(w.f, x.Runes(), "utf-8", "strict")
		if err != nil {
			return err
		}
		s := e.(*py.Str).Value()
		w.buf = append(w.buf, 'u')
		if err := w.size(len(s)); err != nil {
			return err
		}
		w.buf = append(w.buf, s...)
		return nil
	case *py.Tuple:
		return w.items('(', x.Elems(), depth)
	case *py.List:
		return w.items('[', x.Snapshot(), depth)
	case *py.Set:
		kind := byte('<')
		if x.Type() == py.FrozenSetType {
			kind = '>'
		}
		return w.items(kind, x.Elems(), depth)
	case *py.Dict:
		w.buf = append(w.buf, '{')
		keys, values := x.Entries()
		for i := range keys {
			if err := w.object(keys[i], depth+1); err != nil {
				return err
			}
			if err := w.object(values[i], depth+1); err != nil {
				return err
			}
		}
		w.buf = append(w.buf, '0')
		return nil
	}
	if v == py.StopIterationType {
		w.buf = append(w.buf, 'S')
		return nil
	}
	return py.NewValueError("unmarshallable object")
}

func floatAttr(f *py.Frame, o py.Object, name string) (float64, *py.BaseException) {
	v, err := py.GetAttr(f, o, name)
	if err != nil {
		return 0, err
	}
	return native.Float(f, v)
}

// marshal serialises v with the given format version.
func marshal(f *py.Frame, v py.Object, ver int) (string, *py.BaseException) {
	w := &writer{f: f, version: ver, strings: map[string]int{}}
	if err := w.object(v, 0); err != nil {
		return "", err
	}
	return string(w.buf), nil
}

func versionArg(f *py.Frame, o py.Object) (int, *py.BaseException) {
	if o == nil {
		return version, nil
	}
	return native.Int(f, o)
}

func dumps(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := native.NoKwArgs("dumps", kw); err != nil {
		return nil, err
	}
	out := make([]py.Object, 2)
	if err := native.ParseTuple("dumps", args, []string{"value", "version"}, 1, out); err != nil {
		return nil, err
	}
	ver, err := versionArg(f, out[1])
	if err != nil {
		return nil, err
	}
	s, err := marshal(f, out[0], ver)
	if err != nil {
		return nil, err
	}
	return py.NewStr(s), nil
}

func dump(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := native.NoKwArgs("dump", kw); err != nil {
		return nil, err
	}
	out := make([]py.Object, 3)
	if err := native.ParseTuple("dump", args, []string{"value", "file", "version"}, 2, out); err != nil {
		return nil, err
	}
	if _, ok := out[1].(*py.File); !ok {
		return nil, py.NewTypeError("marshal.dump() 2nd arg must be file")
	}
	ver, err := versionArg(f, out[2])
	if err != nil {
		return nil, err
	}
	s, err := marshal(f, out[0], ver)
	if err != nil {
		return nil, err
	}
	if _, err := py.CallMethod(f, out[1], "write", []py.Object{py.NewStr(s)}, nil); err != nil {
		return nil, err
	}
	return py.None, nil
}

// reader reads from a string, or from a file through its read method.
type reader struct {
	f       *py.Frame
	data    string
	pos     int
	file    py.Object
	strings []py.Object // interned strings, for 'R'
}

var errEOF = func() *py.BaseException { return py.NewException(py.EOFErrorType, "EOF read where object expected") }

func bad(why string) *py.BaseException { return py.NewValueError("bad marshal data (" + why + ")") }

func (r *reader) read(n int) (string, *py.BaseException) {
	if r.file != nil {
		if n == 0 {
			return "", nil
		}
		v, err := py.CallMethod(r.f, r.file, "read", []py.Object{py.NewInt(int64(n))}, nil)
		if err != nil {
			return "", err
		}
		s, ok := v.(*py.Str)
		if !ok || len(s.Value()) < n {
			return "", errEOF()
		}
		return s.Value(), nil
	}
	if n > len(r.data)-r.pos {
		return "", errEOF()
	}
	s := r.data[r.pos : r.pos+n]
	r.pos += n
	return s, nil
}

func (r *reader) long32() (int32, *py.BaseException) {
	s, err := r.read(4)
	if err != nil {
		return 0, err
	}
	return int32(binary.LittleEndian.Uint32([]byte(s))), nil
}

func (r *reader) size(what string) (int, *py.BaseException) {
	n, err := r.long32()
	if err != nil {
		return 0, err
	}
	if n < 0 {
		return 0, bad(what + " size out of range")
	}
	return int(n), nil
}

func (r *reader) float(long bool) (float64, *py.BaseException) {
	if long {
		s, err := r.read(8)
		if err != nil {
			return 0, err
		}
		return math.Float64frombits(binary.LittleEndian.Uint64([]byte(s))), nil
	}
	n, err := r.read(1)
	if err != nil {
		return 0, err
	}
	s, err := r.read(int(n[0]))
	if err != nil {
		return 0, err
	}
	x, e := strconv.ParseFloat(s, 64)
	if e != nil {
		if ne, ok := e.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
			return x, nil
		}
		return 0, py.NewValueError("invalid literal for float(): " + s)
	}
	return x, nil
}

func (r *reader) items(what string, n int, depth int) ([]py.Object, *py.BaseException) {
	out := make([]py.Object, 0, min(n, 1<<16))
	for i := 0; i < n; i++ {
		v, err := r.object(depth + 1)
		if err != nil {
			return nil, err
		}
		if v == nil {
			return nil, py.NewTypeError("NULL object in marshal data for " + what)
		}
		out = append(out, v)
	}
	return out, nil
}

// object reads one value; nil with no error is TYPE_NULL ('0').
func (r *reader) object(depth int) (py.Object, *py.BaseException) {
	if depth > maxDepth {
		return nil, bad("object too deeply nested to unmarshal")
	}
	c, err := r.read(1)
	if err != nil {
		return nil, err
	}
	switch c[0] {
	case '0':
		return nil, nil
	case 'N':
		return py.None, nil
	case 'T':
		return py.True, nil
	case 'F':
		return py.False, nil
	case 'S':
		return py.StopIterationType, nil
	case '.':
		return py.Ellipsis, nil
	case 'i':
		n, err := r.long32()
		if err != nil {
			return nil, err
		}
		return py.NewInt(int64(n)), nil
	case 'I':
		s, err := r.read(8)
		if err != nil {
			return nil, err
		}
		return py.NewInt(int64(binary.LittleEndian.Uint64([]byte(s)))), nil
	case 'l':
		n, err := r.long32()
		if err != nil {
			return nil, err
		}
		count := int(n)
		if count < 0 {
			count = -count
		}
		// a truncated digit reads as -1 in CPython: out of range
		s, err := r.read(2 * count)
		if err != nil && err.IsInstance(py.EOFErrorType) {
			return nil, bad("digit out of range in long")
		} else if err != nil {
			return nil, err
		}
		v := new(big.Int)
		for i := count - 1; i >= 0; i-- {
			d := binary.LittleEndian.Uint16([]byte(s[2*i:]))
			if d > 0x7fff {
				return nil, bad("digit out of range in long")
			}
			v.Lsh(v, 15)
			v.Or(v, big.NewInt(int64(d)))
		}
		if n < 0 {
			v.Neg(v)
		}
		return py.NewLong(v), nil
	case 'f', 'g':
		x, err := r.float(c[0] == 'g')
		if err != nil {
			return nil, err
		}
		return py.NewFloat(x), nil
	case 'x', 'y':
		re, err := r.float(c[0] == 'y')
		if err != nil {
			return nil, err
		}
		im, err := r.float(c[0] == 'y')
		if err != nil {
			return nil, err
		}
		return py.NewComplex(re, im), nil
	case 's', 't', 'u':
		n, err := r.size(map[byte]string{'s': "string", 't': "string", 'u': "unicode"}[c[0]])
		if err != nil {
			return nil, err
		}
		s, err := r.read(n)
		if err != nil {
			return nil, err
		}
		if c[0] == 'u' {
			return py.Decode(r.f, s, "utf-8", "strict")
		}
		v := py.NewStr(s)
		if c[0] == 't' {
			r.strings = append(r.strings, v)
		}
		return v, nil
	case 'R':
		n, err := r.long32()
		if err != nil {
			return nil, err
		}
		if n < 0 || int(n) >= len(r.strings) {
			return nil, bad("string ref out of range")
		}
		return r.strings[n], nil
	case '(', '[', '<', '>':
		what := map[byte]string{'(': "tuple", '[': "list", '<': "set", '>': "set"}[c[0]]
		n, err := r.size(what)
		if err != nil {
			return nil, err
		}
		items, err := r.items(what, n, depth)
		if err != nil {
			return nil, err
		}
		switch c[0] {
		case '(':
			return py.NewTuple(items...), nil
		case '[':
			return py.NewList(items...), nil
		case '<':
			return py.Call(r.f, py.SetType, []py.Object{py.NewList(items...)}, nil)
		}
		return py.Call(r.f, py.FrozenSetType, []py.Object{py.NewList(items...)}, nil)
	case '{':
		d := py.NewDict()
		for {
			k, err := r.object(depth + 1)
			if err != nil {
				return nil, err
			}
			if k == nil {
				return d, nil
			}
			v, err := r.object(depth + 1)
			if err != nil {
				return nil, err
			}
			if v == nil { // CPython skips the pair and reads on
				continue
			}
			if err := d.SetItem(r.f, k, v); err != nil {
				return nil, err
			}
		}
	case 'c':
		return nil, bad("code objects cannot be loaded by a transpiled program")
	}
	return nil, bad("unknown type code")
}

// unmarshal reads one object, rejecting a bare TYPE_NULL as CPython does.
func (r *reader) unmarshal() (py.Object, *py.BaseException) {
	v, err := r.object(0)
	if err != nil {
		return nil, err
	}
	if v == nil {
		return nil, py.NewTypeError("NULL object in marshal data for object")
	}
	return v, nil
}

func loads(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := native.NoKwArgs("loads", kw); err != nil {
		return nil, err
	}
	out := make([]py.Object, 1)
	if err := native.ParseTuple("loads", args, []string{"string"}, 1, out); err != nil {
		return nil, err
	}
	var data string
	switch v := out[0].(type) {
	case *py.Str:
		data = v.Value()
	case *py.Unicode:
		e, err := py.Encode(f, v.Runes(), "ascii", "strict")
		if err != nil {
			return nil, err
		}
		data = e.(*py.Str).Value()
	default:
		return nil, py.NewTypeError("loads() argument 1 must be string or read-only buffer, not " + out[0].Type().Name())
	}
	return (&reader{f: f, data: data}).unmarshal()
}

func load(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.OneArg("load", args, kw); err != nil {
		return nil, err
	}
	if _, ok := args[0].(*py.File); !ok {
		return nil, py.NewTypeError("marshal.load() arg must be file")
	}
	return (&reader{f: f, file: args[0]}).unmarshal()
}
