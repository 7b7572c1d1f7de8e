// Package codecs is CPython 2.7's _codecs module: the codec registry and
// the built-in codec functions the pure codecs.py and encodings package
// call. Each *_encode/*_decode returns (result, consumed length).
//
// Members:
//
//	register(search) lookup(encoding)       the search-function registry;
//	                                        lookup imports encodings first
//	encode(obj, encoding, errors) decode(…) through the registry
//	register_error(name, handler) lookup_error(name)
//	utf_8_encode utf_8_decode               (decode honours final=False)
//	latin_1_encode latin_1_decode ascii_encode ascii_decode
//	utf_16_encode utf_16_decode utf_16_le_* utf_16_be_* utf_16_ex_decode
//	utf_32_encode utf_32_decode utf_32_le_* utf_32_be_*
//	unicode_escape_* raw_unicode_escape_* escape_encode escape_decode
//	charmap_encode charmap_decode charmap_build
//	readbuffer_encode charbuffer_encode
//
// The str<->unicode conversions themselves are the runtime's (py.Encode,
// py.Decode), so "abc".decode("utf-8") and codecs.utf_8_decode agree.
// Error handlers other than strict/ignore/replace (and, for encoding,
// xmlcharrefreplace/backslashreplace) raise LookupError, as do
// utf_7_*, unicode_internal_*, mbcs.
package codecs

import (
	"strings"
	"sync"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/grumpy-audit/grumpy-audit/runtime-go/modules/internal/native"
	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

var (
	mu       sync.Mutex
	searches []py.Object
	cache    = map[string]py.Object{}
	handlers = map[string]py.Object{}
)

func init() {
	native.Register("_codecs", "", func() []native.Member {
		m := []native.Member{
			native.F("register", register),
			native.F("lookup", lookup),
			native.F("encode", encodeFn),
			native.F("decode", decodeFn),
			native.F("register_error", registerError),
			native.F("lookup_error", lookupError),
			native.F("escape_encode", escapeEncode),
			native.F("escape_decode", escapeDecode),
			native.F("charmap_encode", charmapEncode),
			native.F("charmap_decode", charmapDecode),
			native.F("charmap_build", charmapBuild),
			native.F("utf_16_ex_decode", utf16ExDecode),
			native.F("raw_unicode_escape_encode", rawEncode),
			native.F("raw_unicode_escape_decode", rawDecode),
			native.F("readbuffer_encode", bufferEncode("readbuffer_encode")),
			native.F("charbuffer_encode", bufferEncode("charbuffer_encode")),
		}
		for _, c := range []struct{ fn, enc string }{
			{"utf_8", "utf-8"}, {"latin_1", "latin-1"}, {"ascii", "ascii"},
			{"unicode_escape", "unicode_escape"},
		} {
			m = append(m, native.F(c.fn+"_encode", runtimeEncode(c.fn+"_encode", c.enc)),
				native.F(c.fn+"_decode", runtimeDecode(c.fn+"_decode", c.enc)))
		}
		for _, c := range []struct {
			fn    string
			width int
			order int // 0 native-with-BOM, -1 little, 1 big
		}{{"utf_16", 2, 0}, {"utf_16_le", 2, -1}, {"utf_16_be", 2, 1}, {"utf_32", 4, 0}, {"utf_32_le", 4, -1}, {"utf_32_be", 4, 1}} {
			m = append(m, native.F(c.fn+"_encode", wideEncode(c.fn+"_encode", c.width, c.order)),
				native.F(c.fn+"_decode", wideDecode(c.fn+"_decode", c.width, c.order)))
		}
		return m
	})
	for _, name := range []string{"strict", "ignore", "replace", "xmlcharrefreplace", "backslashreplace"} {
		name := name
		handlers[name] = py.NewBuiltinFunctionIn("_codecs", name+"_errors", func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			return builtinHandler(f, name, args, kw)
		})
	}
}

// builtinHandler implements the standard error callbacks on a
// UnicodeError instance: strict re-raises, the others return
// (replacement, resume position).
func builtinHandler(f *py.Frame, name string, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.OneArg(name+"_errors", args, kw); err != nil {
		return nil, err
	}
	exc, ok := args[0].(*py.BaseException)
	if !ok {
		return nil, py.NewTypeError("don't know how to handle " + args[0].Type().Name() + " in error callback")
	}
	if name == "strict" {
		return nil, exc
	}
	end, err := py.GetAttr(f, exc, "end")
	if err != nil {
		return nil, err
	}
	switch name {
	case "ignore":
		return py.NewTuple(py.NewUnicodeString(""), end), nil
	case "replace":
		if exc.IsInstance(py.UnicodeDecodeErrorType) {
			return py.NewTuple(py.NewUnicodeString("\ufffd"), end), nil
		}
		start, _ := py.GetAttr(f, exc, "start")
		n := int(end.(*py.Int).Value() - start.(*py.Int).Value())
		return py.NewTuple(py.NewUnicodeString(strings.Repeat("?", n)), end), nil
	}
	return nil, py.NewTypeError("don't know how to handle " + exc.Type().Name() + " in error callback")
}

func register(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.OneArg("register", args, kw); err != nil {
		return nil, err
	}
	if !py.IsCallable(args[0]) {
		return nil, py.NewTypeError("argument must be callable")
	}
	mu.Lock()
	searches = append(searches, args[0])
	mu.Unlock()
	return py.None, nil
}

// normalize is CPython's normalizestring: lower case, spaces to '_'.
func normalize(s string) string { return strings.ReplaceAll(strings.ToLower(s), " ", "_") }

func init() { py.CodecLookup = lookupCodec }

func lookupCodec(f *py.Frame, encoding string) (py.Object, *py.BaseException) {
	mu.Lock()
	n := len(searches)
	mu.Unlock()
	if n == 0 {
		// the registry initialises itself by importing encodings
		if _, err := py.ImportModule(f, "encodings"); err != nil {
			return nil, err
		}
	}
	key := normalize(encoding)
	mu.Lock()
	if c, ok := cache[key]; ok {
		mu.Unlock()
		return c, nil
	}
	fns := append([]py.Object(nil), searches...)
	mu.Unlock()
	if len(fns) == 0 {
		return nil, py.NewException(py.LookupErrorType, "no codec search functions registered: can't find encoding")
	}
	for _, fn := range fns {
		r, err := py.Call1(f, fn, py.NewStr(key))
		if err != nil {
			return nil, err
		}
		if r == py.None {
			continue
		}
		if t, ok := r.(*py.Tuple); !ok && !py.BaseOf(r).Type().IsSubtype(py.TupleType) || ok && len(t.Elems()) != 4 {
			return nil, py.NewTypeError("codec search functions must return 4-tuples")
		}
		mu.Lock()
		cache[key] = r
		mu.Unlock()
		return r, nil
	}
	return nil, py.NewException(py.LookupErrorType, "unknown encoding: "+encoding)
}

func strArg(o py.Object, fname string) (string, *py.BaseException) {
	if s, ok := o.(*py.Str); ok {
		return s.Value(), nil
	}
	return "", py.NewTypeError(fname + "() argument 1 must be string, not " + o.Type().Name())
}

func lookup(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.OneArg("lookup", args, kw); err != nil {
		return nil, err
	}
	enc, err := strArg(args[0], "lookup")
	if err != nil {
		return nil, err
	}
	return lookupCodec(f, enc)
}

// codecCall runs the registry's encoder (index 0) or decoder (1).
func codecCall(f *py.Frame, name string, which int, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	out := make([]py.Object, 3)
	if err := py.ParseArgs(name, args, kw, []string{"obj", "encoding", "errors"}, 1, out); err != nil {
		return nil, err
	}
	encoding := "ascii" // sys.getdefaultencoding()
	if out[1] != nil {
		var err *py.BaseException
		if encoding, err = strArg(out[1], name); err != nil {
			return nil, err
		}
	}
	errors := py.Object(py.NewStr("strict"))
	if out[2] != nil {
		errors = out[2]
	}
	codec, err := lookupCodec(f, encoding)
	if err != nil {
		return nil, err
	}
	fn, err := py.GetItem(f, codec, py.NewInt(int64(which)))
	if err != nil {
		return nil, err
	}
	r, err := py.Call2(f, fn, out[0], errors)
	if err != nil {
		return nil, err
	}
	t, ok := r.(*py.Tuple)
	if !ok || len(t.Elems()) != 2 {
		return nil, py.NewTypeError(map[int]string{0: "encoder", 1: "decoder"}[which] + " must return a tuple (object,integer)")
	}
	return t.Elems()[0], nil
}

func encodeFn(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	return codecCall(f, "encode", 0, args, kw)
}

func decodeFn(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	return codecCall(f, "decode", 1, args, kw)
}

func registerError(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := native.NoKwArgs("register_error", kw); err != nil {
		return nil, err
	}
	if len(args) != 2 {
		return nil, py.NewTypeError("register_error() takes exactly 2 arguments (" + native.Itoa(len(args)) + " given)")
	}
	name, err := strArg(args[0], "register_error")
	if err != nil {
		return nil, err
	}
	if !py.IsCallable(args[1]) {
		return nil, py.NewTypeError("handler must be callable")
	}
	mu.Lock()
	handlers[name] = args[1]
	mu.Unlock()
	return py.None, nil
}

func lookupError(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := native.NoKwArgs("lookup_error", kw); err != nil {
		return nil, err
	}
	if len(args) != 1 {
		return nil, py.NewTypeError("lookup_error() takes exactly 1 argument (" + native.Itoa(len(args)) + " given)")
	}
	name, err := strArg(args[0], "lookup_error")
	if err != nil {
		return nil, err
	}
	mu.Lock()
	h, ok := handlers[name]
	mu.Unlock()
	if !ok {
		return nil, py.NewException(py.LookupErrorType, "unknown error handler name '"+name+"'")
	}
	return h, nil
}

// errorsArg is the optional errors argument (None means strict).
func errorsArg(o py.Object, fname string) (string, *py.BaseException) {
	if o == nil || o == py.None {
		return "strict", nil
	}
	return strArg(o, fname)
}

// unicodeArg converts an encoder's input: unicode, or str decoded as ASCII.
func unicodeArg(f *py.Frame, o py.Object, fname string) ([]rune, *py.BaseException) {
	switch v := py.BaseOf(o).(type) {
	case *py.Unicode:
		return v.Runes(), nil
	case *py.Str:
		u, err := py.Decode(f, v.Value(), "ascii", "strict")
		if err != nil {
			return nil, err
		}
		return u.(*py.Unicode).Runes(), nil
	}
	return nil, py.NewTypeError("coercing to Unicode: need string or buffer, " + o.Type().Name() + " found")
}

// bytesArg converts a decoder's input ("s*"): str, bytearray, or unicode
// through the default encoding.
func bytesArg(f *py.Frame, o py.Object, fname string) (string, *py.BaseException) {
	switch v := py.BaseOf(o).(type) {
	case *py.Str:
		return v.Value(), nil
	case *py.ByteArray:
		s, err := py.ToStr(f, v)
		if err != nil {
			return "", err
		}
		return s.Value(), nil
	case *py.Unicode:
		e, err := py.Encode(f, v.Runes(), "ascii", "strict")
		if err != nil {
			return "", err
		}
		return e.(*py.Str).Value(), nil
	}
	return "", py.NewTypeError(fname + "() argument 1 must be string or buffer, not " + o.Type().Name())
}

func runtimeEncode(fname, enc string) native.Func {
	return func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		out := make([]py.Object, 2)
		if err := native.ParseTuple(fname, args, []string{"str", "errors"}, 1, out); err != nil {
			return nil, err
		}
		if err := native.NoKwArgs(fname, kw); err != nil {
			return nil, err
		}
		r, err := unicodeArg(f, out[0], fname)
		if err != nil {
			return nil, err
		}
		errors, err := errorsArg(out[1], fname)
		if err != nil {
			return nil, err
		}
		s, err := py.Encode(f, r, enc, errors)
		if err != nil {
			return nil, err
		}
		return py.NewTuple(s, py.NewInt(int64(len(r)))), nil
	}
}

func runtimeDecode(fname, enc string) native.Func {
	return func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		out := make([]py.Object, 3)
		if err := native.ParseTuple(fname, args, []string{"data", "errors", "final"}, 1, out); err != nil {
			return nil, err
		}
		if err := native.NoKwArgs(fname, kw); err != nil {
			return nil, err
		}
		s, err := bytesArg(f, out[0], fname)
		if err != nil {
			return nil, err
		}
		errors, err := errorsArg(out[1], fname)
		if err != nil {
			return nil, err
		}
		final := true
		if enc == "utf-8" {
			final = false // utf_8_decode's final defaults to False
			if out[2] != nil {
				if final, err = py.IsTrue(f, out[2]); err != nil {
					return nil, err
				}
			}
		}
		consumed := len(s)
		if !final {
			consumed = completeUTF8(s)
		}
		u, err := py.Decode(f, s[:consumed], enc, errors)
		if err != nil {
			return nil, err
		}
		return py.NewTuple(u, py.NewInt(int64(consumed))), nil
	}
}

// completeUTF8 is the length of s without a trailing incomplete (but so
// far valid) UTF-8 sequence, which a non-final decode leaves for later.
func completeUTF8(s string) int {
	for back := 1; back <= 3 && back <= len(s); back++ {
		c := s[len(s)-back]
		if c < 0x80 {
			return len(s)
		}
		if c >= 0xc0 { // a lead byte: is its sequence complete?
			need := 2
			if c >= 0xe0 {
				need = 3
			}
			if c >= 0xf0 {
				need = 4
			}
			if back < need && utf8.RuneStart(c) {
				return len(s) - back
			}
			return len(s)
		}
	}
	return len(s)
}

func escapeEncode(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	out := make([]py.Object, 2)
	if err := py.ParseArgs("escape_encode", args, kw, []string{"data", "errors"}, 1, out); err != nil {
		return nil, err
	}
	s, ok := out[0].(*py.Str)
	if !ok {
		return nil, py.NewTypeError("escape_encode() argument 1 must be string, not " + out[0].Type().Name())
	}
	r, err := py.EncodeBytes(f, s.Value(), "string_escape")
	if err != nil {
		return nil, err
	}
	return py.NewTuple(r, py.NewInt(int64(len(s.Value())))), nil
}

func escapeDecode(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	out := make([]py.Object, 2)
	if err := py.ParseArgs("escape_decode", args, kw, []string{"data", "errors"}, 1, out); err != nil {
		return nil, err
	}
	s, err := bytesArg(f, out[0], "escape_decode")
	if err != nil {
		return nil, err
	}
	r, err := py.DecodeBytes(f, s, "string_escape")
	if err != nil {
		return nil, err
	}
	return py.NewTuple(r, py.NewInt(int64(len(s)))), nil
}

func bufferEncode(fname string) native.Func {
	return func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		out := make([]py.Object, 2)
		if err := py.ParseArgs(fname, args, kw, []string{"data", "errors"}, 1, out); err != nil {
			return nil, err
		}
		s, err := bytesArg(f, out[0], fname)
		if err != nil {
			return nil, err
		}
		return py.NewTuple(py.NewStr(s), py.NewInt(int64(len(s)))), nil
	}
}

// ---- UTF-16 / UTF-32 ----

func putUnit(b []byte, v uint32, width int, big bool) []byte {
	for i := 0; i < width; i++ {
		shift := uint(8 * i)
		if big {
			shift = uint(8 * (width - 1 - i))
		}
		b = append(b, byte(v>>shift))
	}
	return b
}

func wideEncode(fname string, width, order int) native.Func {
	return func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		out := make([]py.Object, 3)
		if err := py.ParseArgs(fname, args, kw, []string{"str", "errors", "byteorder"}, 1, out); err != nil {
			return nil, err
		}
		r, err := unicodeArg(f, out[0], fname)
		if err != nil {
			return nil, err
		}
		bo := order
		if order == 0 && out[2] != nil {
			n, err := native.Int(f, out[2])
			if err != nil {
				return nil, err
			}
			bo = n
		}
		big := bo > 0
		var b []byte
		if bo == 0 {
			b = putUnit(b, 0xfeff, width, false) // native order is little-endian
		}
		for _, c := range r {
			if width == 2 {
				if c >= 0x10000 {
					hi, lo := utf16.EncodeRune(c)
					b = putUnit(b, uint32(hi), 2, big)
					b = putUnit(b, uint32(lo), 2, big)
					continue
				}
				b = putUnit(b, uint32(c), 2, big)
			} else {
				b = putUnit(b, uint32(c), 4, big)
			}
		}
		return py.NewTuple(py.NewStr(string(b)), py.NewInt(int64(len(r)))), nil
	}
}

func wideDecodeBytes(f *py.Frame, name, s string, width, order int, errors string, final bool) ([]rune, int, int, *py.BaseException) {
	bo := order
	pos := 0
	if bo == 0 && len(s) >= width {
		var bom uint32
		for i := 0; i < width; i++ {
			bom |= uint32(s[i]) << uint(8*i)
		}
		switch {
		case width == 2 && bom == 0xfeff, width == 4 && bom == 0xfeff:
			bo, pos = -1, width
		case width == 2 && bom == 0xfffe, width == 4 && bom == 0xfffe0000:
			bo, pos = 1, width
		}
	}
	if bo == 0 {
		bo = -1
	}
	big := bo > 0
	unit := func(i int) uint32 {
		var v uint32
		for k := 0; k < width; k++ {
			b := uint32(s[i+k])
			if big {
				v = v<<8 | b
			} else {
				v |= b << uint(8*k)
			}
		}
		return v
	}
	var out []rune
	enc := map[int]string{2: "utf16", 4: "utf32"}[width]
	for pos+width <= len(s) {
		u := unit(pos)
		if width == 4 {
			if u > 0x10ffff {
				if errors == "strict" {
					return nil, 0, 0, py.NewExceptionArgs(py.UnicodeDecodeErrorType, py.NewStr(enc), py.NewStr(s), py.NewInt(int64(pos)), py.NewInt(int64(pos+4)), py.NewStr("codepoint not in range(0x110000)"))
				}
				if errors == "replace" {
					out = append(out, 0xfffd)
				}
				pos += 4
				continue
			}
			out = append(out, rune(u))
			pos += 4
			continue
		}
		if u >= 0xd800 && u < 0xdc00 {
			if pos+4 > len(s) {
				if !final {
					break
				}
				if errors == "strict" {
					return nil, 0, 0, py.NewExceptionArgs(py.UnicodeDecodeErrorType, py.NewStr(enc), py.NewStr(s), py.NewInt(int64(pos)), py.NewInt(int64(len(s))), py.NewStr("unexpected end of data"))
				}
				pos = len(s)
				break
			}
			lo := unit(pos + 2)
			if lo >= 0xdc00 && lo < 0xe000 {
				out = append(out, utf16.DecodeRune(rune(u), rune(lo)))
				pos += 4
				continue
			}
			if errors == "strict" {
				return nil, 0, 0, py.NewExceptionArgs(py.UnicodeDecodeErrorType, py.NewStr(enc), py.NewStr(s), py.NewInt(int64(pos)), py.NewInt(int64(pos+2)), py.NewStr("illegal UTF-16 surrogate"))
			}
			if errors == "replace" {
				out = append(out, 0xfffd)
			}
			pos += 2
			continue
		}
		out = append(out, rune(u))
		pos += 2
	}
	if final && pos < len(s) {
		if errors == "strict" {
			return nil, 0, 0, py.NewExceptionArgs(py.UnicodeDecodeErrorType, py.NewStr(enc), py.NewStr(s), py.NewInt(int64(pos)), py.NewInt(int64(len(s))), py.NewStr("truncated data"))
		}
		if errors == "replace" {
			out = append(out, 0xfffd)
		}
		pos = len(s)
	}
	return out, pos, bo, nil
}

func wideDecode(fname string, width, order int) native.Func {
	return func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		out := make([]py.Object, 3)
		if err := py.ParseArgs(fname, args, kw, []string{"data", "errors", "final"}, 1, out); err != nil {
			return nil, err
		}
		s, err := bytesArg(f, out[0], fname)
		if err != nil {
			return nil, err
		}
		errors, err := errorsArg(out[1], fname)
		if err != nil {
			return nil, err
		}
		final := false
		if out[2] != nil {
			if final, err = py.IsTrue(f, out[2]); err != nil {
				return nil, err
			}
		}
		r, n, _, err := wideDecodeBytes(f, fname, s, width, order, errors, final)
		if err != nil {
			return nil, err
		}
		return py.NewTuple(py.NewUnicodeRunes(r), py.NewInt(int64(n))), nil
	}
}

func utf16ExDecode(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	out := make([]py.Object, 4)
	if err := py.ParseArgs("utf_16_ex_decode", args, kw, []string{"data", "errors", "byteorder", "final"}, 1, out); err != nil {
		return nil, err
	}
	s, err := bytesArg(f, out[0], "utf_16_ex_decode")
	if err != nil {
		return nil, err
	}
	errors, err := errorsArg(out[1], "utf_16_ex_decode")
	if err != nil {
		return nil, err
	}
	order := 0
	if out[2] != nil {
		if order, err = native.Int(f, out[2]); err != nil {
			return nil, err
		}
	}
	final := false
	if out[3] != nil {
		if final, err = py.IsTrue(f, out[3]); err != nil {
			return nil, err
		}
	}
	r, n, bo, err := wideDecodeBytes(f, "utf_16_ex_decode", s, 2, order, errors, final)
	if err != nil {
		return nil, err
	}
	if order == 0 && n < 2 && len(s) < 2 {
		bo = 0 // no BOM seen yet
	}
	return py.NewTuple(py.NewUnicodeRunes(r), py.NewInt(int64(n)), py.NewInt(int64(bo))), nil
}

// ---- charmap ----

func charmapDecode(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	out := make([]py.Object, 3)
	if err := py.ParseArgs("charmap_decode", args, kw, []string{"data", "errors", "mapping"}, 1, out); err != nil {
		return nil, err
	}
	s, err := bytesArg(f, out[0], "charmap_decode")
	if err != nil {
		return nil, err
	}
	errors, err := errorsArg(out[1], "charmap_decode")
	if err != nil {
		return nil, err
	}
	mapping := out[2]
	if mapping == nil || mapping == py.None {
		u, err := py.Decode(f, s, "latin-1", errors)
		if err != nil {
			return nil, err
		}
		return py.NewTuple(u, py.NewInt(int64(len(s)))), nil
	}
	var table []rune
	if u, ok := mapping.(*py.Unicode); ok {
		table = u.Runes()
	}
	var res []rune
	for i := 0; i < len(s); i++ {
		b := s[i]
		if table != nil {
			if int(b) < len(table) && table[b] != 0xfffe {
				res = append(res, table[b])
				continue
			}
		} else {
			v, err := py.GetItem(f, mapping, py.NewInt(int64(b)))
			if err == nil && v != py.None {
				switch x := v.(type) {
				case *py.Int:
					if x.Value() < 0 || x.Value() > 0x10ffff {
						return nil, py.NewTypeError("character mapping must be in range(0x110000)")
					}
					res = append(res, rune(x.Value()))
					continue
				case *py.Unicode:
					if len(x.Runes()) == 1 && x.Runes()[0] == 0xfffe {
						break
					}
					res = append(res, x.Runes()...)
					continue
				default:
					return nil, py.NewTypeError("character mapping must return integer, None or unicode")
				}
			} else if err != nil && !err.IsInstance(py.LookupErrorType) {
				return nil, err
			}
		}
		switch errors {
		case "strict":
			return nil, py.NewExceptionArgs(py.UnicodeDecodeErrorType, py.NewStr("charmap"), py.NewStr(s), py.NewInt(int64(i)), py.NewInt(int64(i+1)), py.NewStr("character maps to <undefined>"))
		case "replace":
			res = append(res, 0xfffd)
		case "ignore":
		default:
			return nil, py.NewException(py.LookupErrorType, "unknown error handler name '"+errors+"'")
		}
	}
	return py.NewTuple(py.NewUnicodeRunes(res), py.NewInt(int64(len(s)))), nil
}

// charmapBuild turns a 256-character decoding table into the encoding
// map; a dict {code point: byte} stands in for CPython's EncodingMap.
func charmapBuild(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.OneArg("charmap_build", args, kw); err != nil {
		return nil, err
	}
	u, ok := args[0].(*py.Unicode)
	if !ok {
		return nil, py.NewTypeError("charmap_build() argument 1 must be unicode, not " + args[0].Type().Name())
	}
	if len(u.Runes()) != 256 {
		return nil, py.NewTypeError("bad argument type for built-in operation")
	}
	d := py.NewDict()
	for i, r := range u.Runes() {
		if r == 0xfffe {
			continue
		}
		if err := d.SetItem(f, py.NewInt(int64(r)), py.NewInt(int64(i))); err != nil {
			return nil, err
		}
	}
	return d, nil
}

func charmapEncode(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	out := make([]py.Object, 3)
	if err := py.ParseArgs("charmap_encode", args, kw, []string{"str", "errors", "mapping"}, 1, out); err != nil {
		return nil, err
	}
	r, err := unicodeArg(f, out[0], "charmap_encode")
	if err != nil {
		return nil, err
	}
	errors, err := errorsArg(out[1], "charmap_encode")
	if err != nil {
		return nil, err
	}
	mapping := out[2]
	if mapping == nil || mapping == py.None {
		s, err := py.Encode(f, r, "latin-1", errors)
		if err != nil {
			return nil, err
		}
		return py.NewTuple(s, py.NewInt(int64(len(r)))), nil
	}
	var b []byte
	mapped := func(c rune) bool {
		v, err := py.GetItem(f, mapping, py.NewInt(int64(c)))
		return err == nil && v != py.None
	}
	for i, c := range r {
		v, err := py.GetItem(f, mapping, py.NewInt(int64(c)))
		if err == nil && v != py.None {
			switch x := v.(type) {
			case *py.Int:
				if x.Value() < 0 || x.Value() > 255 {
					return nil, py.NewTypeError("character mapping must be in range(256)")
				}
				b = append(b, byte(x.Value()))
				continue
			case *py.Str:
				b = append(b, x.Value()...)
				continue
			default:
				return nil, py.NewTypeError("character mapping must return integer, None or str")
			}
		} else if err != nil && !err.IsInstance(py.LookupErrorType) {
			return nil, err
		}
		switch errors {
		case "strict":
			end := i + 1 // CPython reports the whole run of unmappable characters
			for end < len(r) && !mapped(r[end]) {
				end++
			}
			return nil, py.NewExceptionArgs(py.UnicodeEncodeErrorType, py.NewStr("charmap"), py.NewUnicodeRunes(r), py.NewInt(int64(i)), py.NewInt(int64(end)), py.NewStr("character maps to <undefined>"))
		case "replace":
			q, err := py.GetItem(f, mapping, py.NewInt('?'))
			if err != nil {
				return nil, py.NewExceptionArgs(py.UnicodeEncodeErrorType, py.NewStr("charmap"), py.NewUnicodeRunes(r), py.NewInt(int64(i)), py.NewInt(int64(i+1)), py.NewStr("character maps to <undefined>"))
			}
			if qi, ok := q.(*py.Int); ok {
				b = append(b, byte(qi.Value()))
			}
		case "ignore":
		default:
			return nil, py.NewException(py.LookupErrorType, "unknown error handler name '"+errors+"'")
		}
	}
	return py.NewTuple(py.NewStr(string(b)), py.NewInt(int64(len(r)))), nil
}

// rawEncode is raw_unicode_escape_encode (py.RawUnicodeEscape).
func rawEncode(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	out := make([]py.Object, 2)
	if err := py.ParseArgs("raw_unicode_escape_encode", args, kw, []string{"str", "errors"}, 1, out); err != nil {
		return nil, err
	}
	r, err := unicodeArg(f, out[0], "raw_unicode_escape_encode")
	if err != nil {
		return nil, err
	}
	return py.NewTuple(py.NewStr(py.RawUnicodeEscape(r)), py.NewInt(int64(len(r)))), nil
}

// rawDecode undoes rawEncode: \u and \U escapes preceded by an odd
// number of backslashes; every other byte is latin-1.
func rawDecode(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	out := make([]py.Object, 2)
	if err := py.ParseArgs("raw_unicode_escape_decode", args, kw, []string{"data", "errors"}, 1, out); err != nil {
		return nil, err
	}
	s, err := bytesArg(f, out[0], "raw_unicode_escape_decode")
	if err != nil {
		return nil, err
	}
	var res []rune
	for i := 0; i < len(s); {
		if s[i] != '\\' {
			res = append(res, rune(s[i]))
			i++
			continue
		}
		// count the run of backslashes
		j := i
		for j < len(s) && s[j] == '\\' {
			j++
		}
		n := j - i
		for k := 0; k < n-1; k++ {
			res = append(res, '\\')
		}
		if n%2 == 0 || j >= len(s) || (s[j] != 'u' && s[j] != 'U') {
			res = append(res, '\\') // not an escape: the last backslash is literal too
			i = j
			continue
		}
		width := 4
		if s[j] == 'U' {
			width = 8
		}
		start := j + 1
		if start+width > len(s) {
			return nil, py.NewExceptionArgs(py.UnicodeDecodeErrorType, py.NewStr("rawunicodeescape"), py.NewStr(s), py.NewInt(int64(j-1)), py.NewInt(int64(len(s))), py.NewStr("truncated \\uXXXX"))
		}
		var v rune
		for k := start; k < start+width; k++ {
			c := s[k]
			var d rune
			switch {
			case c >= '0' && c <= '9':
				d = rune(c - '0')
			case c >= 'a' && c <= 'f':
				d = rune(c-'a') + 10
			case c >= 'A' && c <= 'F':
				d = rune(c-'A') + 10
			default:
				return nil, py.NewExceptionArgs(py.UnicodeDecodeErrorType, py.NewStr("rawunicodeescape"), py.NewStr(s), py.NewInt(int64(j-1)), py.NewInt(int64(k)), py.NewStr("truncated \\uXXXX"))
			}
			v = v<<4 | d
		}
		if v > 0x10ffff {
			return nil, py.NewExceptionArgs(py.UnicodeDecodeErrorType, py.NewStr("rawunicodeescape"), py.NewStr(s), py.NewInt(int64(j-1)), py.NewInt(int64(start+width)), py.NewStr("\\Uxxxxxxxx out of range"))
		}
		res = append(res, v)
		i = start + width
	}
	return py.NewTuple(py.NewUnicodeRunes(res), py.NewInt(int64(len(s)))), nil
}
