// Package binascii is CPython 2.7's binascii module: conversions between
// binary data and ASCII encodings.
//
// Members:
//
//	hexlify b2a_hex        bytes to hex digits
//	unhexlify a2b_hex      hex digits to bytes ("Odd-length string")
//	b2a_base64(data)       base64 line with a trailing newline
//	a2b_base64(string)     lenient decoder, CPython's padding rules
//	b2a_uu(data) a2b_uu(line)  uuencode one line (at most 45 bytes)
//	crc32(data[, crc])     CRC-32, *signed* in 2.7
//	crc_hqx(data, crc)     CRC-CCITT (BinHex)
//	Error Incomplete       the module's exceptions
//
// Not provided (AttributeError): the BinHex helpers a2b_hqx, b2a_hqx,
// rlecode_hqx, rledecode_hqx, and quoted-printable a2b_qp/b2a_qp (the
// pure quopri module falls back to its own Python code without them).
package binascii

import (
	"encoding/hex"
	"hash/crc32"
	"math/big"
	"strings"

	"github.com/grumpy-audit/grumpy-audit/runtime-go/modules/internal/native"
	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

var errorType, incompleteType *py.Type

func init() {
	errorType = native.NewExceptionClass("binascii", "Error", py.ExceptionType)
	incompleteType = native.NewExceptionClass("binascii", "Incomplete", py.ExceptionType)
	native.Register("binascii", "Conversion between binary data and ASCII", func() []native.Member {
		return []native.Member{
			native.V("Error", errorType),
			native.V("Incomplete", incompleteType),
			native.F("hexlify", b2aHex("b2a_hex")),
			native.F("b2a_hex", b2aHex("b2a_hex")),
			native.F("unhexlify", a2bHex("a2b_hex")),
			native.F("a2b_hex", a2bHex("a2b_hex")),
			native.F("b2a_base64", b2aBase64),
			native.F("a2b_base64", a2bBase64),
			native.F("b2a_uu", b2aUU),
			native.F("a2b_uu", a2bUU),
			native.F("crc32", crc32Fn),
			native.F("crc_hqx", crcHqx),
		}
	})
}

func binErr(msg string) *py.BaseException { return py.NewException(errorType, msg) }

// data is the "s*" conversion: str, bytearray, or unicode via ASCII.
func data(f *py.Frame, fname string, o py.Object) (string, *py.BaseException) {
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

func oneData(f *py.Frame, fname string, args []py.Object, kw py.Kwargs) (string, *py.BaseException) {
	out := make([]py.Object, 1)
	if err := native.ParseTuple(fname, args, []string{"data"}, 1, out); err != nil {
		return "", err
	}
	if err := native.NoKwArgs(fname, kw); err != nil {
		return "", err
	}
	return data(f, fname, out[0])
}

func b2aHex(fname string) native.Func {
	return func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		s, err := oneData(f, fname, args, kw)
		if err != nil {
			return nil, err
		}
		return py.NewStr(hex.EncodeToString([]byte(s))), nil
	}
}

func a2bHex(fname string) native.Func {
	return func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		s, err := oneData(f, fname, args, kw)
		if err != nil {
			return nil, err
		}
		if len(s)%2 != 0 {
			return nil, py.NewTypeError("Odd-length string")
		}
		b, e := hex.DecodeString(s)
		if e != nil {
			return nil, py.NewTypeError("Non-hexadecimal digit found")
		}
		return py.NewStr(string(b)), nil
	}
}

const b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

func b2aBase64(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	s, err := oneData(f, "b2a_base64", args, kw)
	if err != nil {
		return nil, err
	}
	var sb strings.Builder
	for i := 0; i < len(s); i += 3 {
		var v uint32
		n := min(3, len(s)-i)
		for k := 0; k < 3; k++ {
			v <<= 8
			if k < n {
				v |= uint32(s[i+k])
			}
		}
		for k := 0; k < 4; k++ {
			if k <= n {
				sb.WriteByte(b64[(v>>(18-6*k))&63])
			} else {
				sb.WriteByte('=')
			}
		}
	}
	sb.WriteByte('\n')
	return py.NewStr(sb.String()), nil
}

// a2bTable maps a character to its base64 value; '=' is 0 and "valid"
// for the padding look-ahead, as in CPython's table; -1 is invalid.
var a2bTable = func() [128]int {
	var t [128]int
	for i := range t {
		t[i] = -1
	}
	for i := 0; i < len(b64); i++ {
		t[b64[i]] = i
	}
	t['='] = 0
	return t
}()

// findValid returns the (num+1)-th character of s that is valid base64
// (padding included), or -1.
func findValid(s string, num int) int {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= 0x7f && a2bTable[c] != -1 {
			if num == 0 {
				return int(c)
			}
			num--
		}
	}
	return -1
}

func a2bBase64(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	s, err := oneData(f, "a2b_base64", args, kw)
	if err != nil {
		return nil, err
	}
	var out []byte
	quad, leftbits := 0, 0
	var leftchar uint32
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c > 0x7f || c == '\r' || c == '\n' || c == ' ' {
			continue
		}
		if c == '=' {
			if quad < 2 || quad == 2 && findValid(s[i:], 1) != '=' {
				continue
			}
			leftbits = 0 // padding ends the data
			break
		}
		v := a2bTable[c]
		if v == -1 {
			continue
		}
		quad = (quad + 1) & 3
		leftchar = leftchar<<6 | uint32(v)
		leftbits += 6
		if leftbits >= 8 {
			leftbits -= 8
			out = append(out, byte(leftchar>>uint(leftbits)))
			leftchar &= 1<<uint(leftbits) - 1
		}
	}
	if leftbits != 0 {
		return nil, binErr("Incorrect padding")
	}
	return py.NewStr(string(out)), nil
}

func b2aUU(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	s, err := oneData(f, "b2a_uu", args, kw)
	if err != nil {
		return nil, err
	}
	if len(s) > 45 {
		return nil, binErr("At most 45 bytes at once")
	}
	var sb strings.Builder
	sb.WriteByte(byte(' ' + len(s)))
	for i := 0; i < len(s); i += 3 {
		var v uint32
		for k := 0; k < 3; k++ {
			v <<= 8
			if i+k < len(s) {
				v |= uint32(s[i+k])
			}
		}
		for k := 0; k < 4; k++ {
			sb.WriteByte(byte(' ' + (v>>(18-6*k))&63))
		}
	}
	sb.WriteByte('\n')
	return py.NewStr(sb.String()), nil
}

func a2bUU(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	s, err := oneData(f, "a2b_uu", args, kw)
	if err != nil {
		return nil, err
	}
	if len(s) == 0 {
		return py.NewStr(string(make([]byte, 32))), nil
	}
	binLen := int((s[0] - ' ') & 077)
	out := make([]byte, 0, binLen)
	rest := s[1:]
	var leftchar uint32
	leftbits := 0
	i := 0
	for ; len(out) < binLen; i++ {
		var c byte
		if i >= len(rest) || rest[i] == '\n' || rest[i] == '\r' {
			c = 0 // whitespace-stripped lines: missing chars count as zero
		} else {
			ch := rest[i]
			if ch < ' ' || ch > ' '+64 {
				return nil, binErr("Illegal char")
			}
			c = (ch - ' ') & 077
		}
		leftchar = leftchar<<6 | uint32(c)
		leftbits += 6
		if leftbits >= 8 {
			leftbits -= 8
			out = append(out, byte(leftchar>>uint(leftbits)))
			leftchar &= 1<<uint(leftbits) - 1
		}
	}
	for ; i < len(rest); i++ {
		ch := rest[i]
		if ch != ' ' && ch != ' '+64 && ch != '\n' && ch != '\r' {
			return nil, binErr("Trailing garbage")
		}
	}
	return py.NewStr(string(out)), nil
}

func crc32Fn(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	out := make([]py.Object, 2)
	if err := native.ParseTuple("crc32", args, []string{"data", "crc"}, 1, out); err != nil {
		return nil, err
	}
	if err := native.NoKwArgs("crc32", kw); err != nil {
		return nil, err
	}
	s, err := data(f, "crc32", out[0])
	if err != nil {
		return nil, err
	}
	var start uint32
	if out[1] != nil {
		b, ok := native.Big(f, out[1])
		if !ok {
			return nil, py.NewTypeError("an integer is required")
		}
		// "I": the low 32 bits of the two's complement, no range check
		start = uint32(new(big.Int).And(b, big.NewInt(0xffffffff)).Uint64())
	}
	return py.NewInt(int64(int32(crc32.Update(start, crc32.IEEETable, []byte(s))))), nil
}

func crcHqx(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	out := make([]py.Object, 2)
	if err := native.ParseTuple("crc_hqx", args, []string{"data", "crc"}, 2, out); err != nil {
		return nil, err
	}
	if err := native.NoKwArgs("crc_hqx", kw); err != nil {
		return nil, err
	}
	s, err := data(f, "crc_hqx", out[0])
	if err != nil {
		return nil, err
	}
	c, err := native.Int(f, out[1])
	if err != nil {
		return nil, err
	}
	crc := uint32(c) & 0xffff
	for i := 0; i < len(s); i++ {
		crc ^= uint32(s[i]) << 8
		for k := 0; k < 8; k++ {
			if crc&0x8000 != 0 {
				crc = crc<<1 ^ 0x1021
			} else {
				crc <<= 1
			}
		}
		crc &= 0xffff
	}
	return py.NewInt(int64(crc)), nil
}
