package py

import (
	"encoding/base64"
	"encoding/hex"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// defaultEncoding is sys.getdefaultencoding().
const defaultEncoding = "ascii"

// normEncoding maps codec aliases to canonical names.
func normEncoding(e string) string {
	e = strings.ToLower(strings.ReplaceAll(strings.ReplaceAll(e, "-", "_"), " ", "_"))
	switch e {
	case "utf8", "utf_8", "u8", "utf":
		return "utf-8"
	case "latin_1", "latin1", "latin", "iso_8859_1", "iso8859_1", "l1", "8859", "cp819":
		return "latin-1"
	case "ascii", "us_ascii", "646":
		return "ascii"
	case "hex", "hex_codec":
		return "hex"
	case "base64", "base_64", "base64_codec":
		return "base64"
	case "unicode_escape":
		return "unicode_escape"
	case "string_escape":
		return "string_escape"
	case "raw_unicode_escape":
		return "raw_unicode_escape"
	case "utf_16", "utf16", "u16":
		return "utf-16"
	case "utf_16_le", "utf_16le":
		return "utf-16-le"
	case "utf_16_be", "utf_16be":
		return "utf-16-be"
	case "utf_32", "utf32":
		return "utf-32"
	case "utf_32_le", "utf_32le":
		return "utf-32-le"
	case "utf_32_be", "utf_32be":
		return "utf-32-be"
	}
	return e
}

func decodeError(enc, s string, start, end int, reason string) *BaseException {
	return NewExceptionArgs(UnicodeDecodeErrorType, NewStr(enc), NewStr(s), NewInt(int64(start)), NewInt(int64(end)), NewStr(reason))
}

func encodeError(enc string, r []rune, start, end int, reason string) *BaseException {
	return NewExceptionArgs(UnicodeEncodeErrorType, NewStr(enc), NewUnicodeRunes(r), NewInt(int64(start)), NewInt(int64(end)), NewStr(reason))
}

// Decode is str.decode(encoding, errors) producing unicode.
func Decode(f *Frame, s, encoding, errors string) (Object, *BaseException) {
	enc := normEncoding(encoding)
	var out []rune
	errName := enc
	if enc == "utf-8" {
		errName = "utf8" // the codec's own name in CPython's messages
	}
	bad := func(start, end int, reason string) *BaseException {
		switch errors {
		case "strict":
			return decodeError(errName, s, start, end, reason)
		case "replace":
			out = append(out, 0xfffd)
		case "ignore":
		default:
			return NewException(LookupErrorType, "unknown error handler name '"+errors+"'")
		}
		return nil
	}
	switch enc {
	case "ascii":
		out = make([]rune, 0, len(s))
		for i := 0; i < len(s); i++ {
			if s[i] >= 128 {
				if err := bad(i, i+1, "ordinal not in range(128)"); err != nil {
					return nil, err
				}
				continue
			}
			out = append(out, rune(s[i]))
		}
	case "latin-1":
		out = make([]rune, len(s))
		for i := 0; i < len(s); i++ {
			out[i] = rune(s[i])
		}
	case "utf-8":
		out = make([]rune, 0, len(s))
		for i := 0; i < len(s); {
			c := s[i]
			if c < 0x80 {
				out = append(out, rune(c))
				i++
				continue
			}
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size <= 1 {
				n := utf8SeqLen(c)
				if n == 0 {
					if err := bad(i, i+1, "invalid start byte"); err != nil {
						return nil, err
					}
					i++
					continue
				}
				j := i + 1
				for j < len(s) && j < i+n && s[j]&0xc0 == 0x80 {
					j++
				}
				if j == len(s) && j < i+n {
					if err := bad(i, len(s), "unexpected end of data"); err != nil {
						return nil, err
					}
					i = len(s)
					continue
				}
				if err := bad(i, j, "invalid continuation byte"); err != nil {
					return nil, err
				}
				i = j
				continue
			}
			out = append(out, r)
			i += size
		}
	case "unicode_escape", "raw_unicode_escape":
		r, err := unicodeEscapeDecode(s, enc == "raw_unicode_escape")
		if err != nil {
			return nil, err
		}
		out = r
	case "utf-32", "utf-32-le", "utf-32-be":
		be := enc == "utf-32-be"
		if enc == "utf-32" && len(s) >= 4 {
			switch s[:4] {
			case "\xff\xfe\x00\x00":
				s = s[4:]
			case "\x00\x00\xfe\xff":
				s, be = s[4:], true
			}
		}
		if len(s)%4 != 0 {
			return nil, decodeError(strings.Replace(enc, "-", "", 1), s, len(s)-len(s)%4, len(s), "truncated data")
		}
		for i := 0; i+4 <= len(s); i += 4 {
			var u uint32
			if be {
				u = uint32(s[i])<<24 | uint32(s[i+1])<<16 | uint32(s[i+2])<<8 | uint32(s[i+3])
			} else {
				u = uint32(s[i+3])<<24 | uint32(s[i+2])<<16 | uint32(s[i+1])<<8 | uint32(s[i])
			}
			out = append(out, rune(u))
		}
	case "utf-16", "utf-16-le", "utf-16-be":
		r, err := decodeUTF16(s, enc)
		if err != nil {
			return nil, err
		}
		out = r
	case "hex", "base64", "string_escape":
		b, err := DecodeBytes(f, s, enc)
		if err != nil {
			return nil, err
		}
		return b, nil
	default:
		return viaRegistry(f, encoding, errors, NewStr(s), false)
	}
	return NewUnicodeRunes(out), nil
}

func utf8SeqLen(c byte) int {
	switch {
	case c >= 0xc2 && c <= 0xdf:
		return 2
	case c >= 0xe0 && c <= 0xef:
		return 3
	case c >= 0xf0 && c <= 0xf4:
		return 4
	}
	return 0
}

// Encode is unicode.encode(encoding, errors) producing str.
func Encode(f *Frame, r []rune, encoding, errors string) (Object, *BaseException) {
	enc := normEncoding(encoding)
	limit := rune(0)
	switch enc {
	case "ascii":
		limit = 128
	case "latin-1":
		limit = 256
	case "utf-8":
		var b strings.Builder
		for _, c := range r {
			if c >= 0xd800 && c < 0xe000 {
				// CPython 2 encodes lone surrogates without complaint
				b.WriteByte(byte(0xe0 | c>>12))
				b.WriteByte(byte(0x80 | (c>>6)&0x3f))
				b.WriteByte(byte(0x80 | c&0x3f))
				continue
			}
			b.WriteRune(c)
		}
		return NewStr(b.String()), nil
	case "utf-16", "utf-16-le", "utf-16-be":
		return NewStr(encodeUTF16(r, enc)), nil
	case "utf-32", "utf-32-le", "utf-32-be":
		var b strings.Builder
		if enc == "utf-32" {
			b.WriteString("\xff\xfe\x00\x00")
		}
		for _, c := range r {
			u := uint32(c)
			if enc == "utf-32-be" {
				b.Write([]byte{byte(u >> 24), byte(u >> 16), byte(u >> 8), byte(u)})
			} else {
				b.Write([]byte{byte(u), byte(u >> 8), byte(u >> 16), byte(u >> 24)})
			}
		}
		return NewStr(b.String()), nil
	case "unicode_escape":
		// unicodeescape_string without quotes: as repr's body, but quotes stay as they are.
		var b []byte
		for _, c := range r {
			switch {
			case c == '\\':
				b = append(b, '\\', '\\')
			case c == '\t':
				b = append(b, '\\', 't')
			case c == '\n':
				b = append(b, '\\', 'n')
			case c == '\r':
				b = append(b, '\\', 'r')
			case c < 0x20 || (c >= 0x7f && c < 0x100):
				b = append(b, '\\', 'x', hexDigits[c>>4&15], hexDigits[c&15])
			case c < 0x7f:
				b = append(b, byte(c))
			default:
				b = appendUEscape(b, c)
			}
		}
		return NewStr(string(b)), nil
	case "raw_unicode_escape":
		return NewStr(RawUnicodeEscape(r)), nil
	default:
		return viaRegistry(f, encoding, errors, NewUnicodeRunes(r), true)
	}
	var b strings.Builder
	reason := "ordinal not in range(128)"
	if limit == 256 {
		reason = "ordinal not in range(256)"
	}
	for i := 0; i < len(r); i++ {
		c := r[i]
		if c < limit {
			b.WriteByte(byte(c))
			continue
		}
		j := i + 1
		for j < len(r) && r[j] >= limit {
			j++
		}
		switch errors {
		case "strict":
			return nil, encodeError(enc, r, i, j, reason)
		case "ignore":
		case "replace":
			b.WriteString(strings.Repeat("?", j-i))
		case "xmlcharrefreplace":
			for _, cc := range r[i:j] {
				b.WriteString("&#" + itoa(int(cc)) + ";")
			}
		case "backslashreplace":
			for _, cc := range r[i:j] {
				switch {
				case cc < 0x100:
					b.WriteString("\\x" + hex2(byte(cc)))
				case cc < 0x10000:
					b.WriteString("\\u" + padHex(int64(cc), 4))
				default:
					b.WriteString("\\U" + padHex(int64(cc), 8))
				}
			}
		default:
			return nil, NewException(LookupErrorType, "unknown error handler name '"+errors+"'")
		}
		i = j - 1
	}
	return NewStr(b.String()), nil
}

// EncodeBytes applies the str-to-str codecs (hex, base64, string_escape).
func EncodeBytes(f *Frame, s, encoding string) (Object, *BaseException) {
	switch normEncoding(encoding) {
	case "hex":
		return NewStr(hex.EncodeToString([]byte(s))), nil
	case "base64":
		if s == "" {
			return emptyStr, nil
		}
		enc := base64.StdEncoding.EncodeToString([]byte(s))
		var b strings.Builder
		for len(enc) > 76 {
			b.WriteString(enc[:76] + "\n")
			enc = enc[76:]
		}
		b.WriteString(enc + "\n")
		return NewStr(b.String()), nil
	case "string_escape":
		r := strRepr(s)
		r = r[1 : len(r)-1]
		if strings.HasPrefix(strRepr(s), "\"") {
			r = strings.ReplaceAll(r, "'", "\\'")
		}
		return NewStr(r), nil
	}
	return viaRegistry(f, encoding, "strict", NewStr(s), true)
}

// DecodeBytes reverses EncodeBytes.
func DecodeBytes(f *Frame, s, encoding string) (Object, *BaseException) {
	switch normEncoding(encoding) {
	case "hex":
		b, err := hex.DecodeString(s)
		if err != nil {
			return nil, NewTypeError("Non-hexadecimal digit found")
		}
		return NewStr(string(b)), nil
	case "base64":
		clean := strings.Map(func(r rune) rune {
			if r == '\n' || r == '\r' || r == ' ' {
				return -1
			}
			return r
		}, s)
		b, err := base64.StdEncoding.DecodeString(clean)
		if err != nil {
			return nil, NewException(ExceptionType, "Incorrect padding")
		}
		return NewStr(string(b)), nil
	case "string_escape":
		r, err := unicodeEscapeDecode(s, false)
		if err != nil {
			return nil, err
		}
		b := make([]byte, len(r))
		for i, c := range r {
			b[i] = byte(c)
		}
		return NewStr(string(b)), nil
	}
	return viaRegistry(f, encoding, "strict", NewStr(s), false)
}

func unicodeEscapeDecode(s string, raw bool) ([]rune, *BaseException) {
	var out []rune
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 >= len(s) {
			out = append(out, rune(c))
			continue
		}
		n := s[i+1]
		if raw && n != 'u' && n != 'U' {
			out = append(out, '\\')
			continue
		}
		i++
		switch n {
		case 'n':
			out = append(out, '\n')
		case 't':
			out = append(out, '\t')
		case 'r':
			out = append(out, '\r')
		case '\\':
			out = append(out, '\\')
		case '\'':
			out = append(out, '\'')
		case '"':
			out = append(out, '"')
		case 'a':
			out = append(out, 7)
		case 'b':
			out = append(out, 8)
		case 'f':
			out = append(out, 12)
		case 'v':
			out = append(out, 11)
		case '\n':
		case 'x', 'u', 'U':
			width := map[byte]int{'x': 2, 'u': 4, 'U': 8}[n]
			if i+width >= len(s)+0 && i+width > len(s)-1+1 {
				return nil, decodeError("unicodeescape", s, i-1, len(s), "truncated \\"+string(n)+"XXXX escape")
			}
			var v rune
			for k := 0; k < width; k++ {
				d := s[i+1+k]
				var dv byte
				switch {
				case d >= '0' && d <= '9':
					dv = d - '0'
				case d >= 'a' && d <= 'f':
					dv = d - 'a' + 10
				case d >= 'A' && d <= 'F':
					dv = d - 'A' + 10
				default:
					return nil, decodeError("unicodeescape", s, i-1, i+1+k, "truncated \\"+string(n)+" escape")
				}
				v = v*16 + rune(dv)
			}
			out = append(out, v)
			i += width
		default:
			if n >= '0' && n <= '7' {
				v := rune(n - '0')
				for k := 0; k < 2 && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '7'; k++ {
					i++
					v = v*8 + rune(s[i]-'0')
				}
				out = append(out, v)
			} else {
				out = append(out, '\\', rune(n))
			}
		}
	}
	return out, nil
}

func encodeUTF16(r []rune, enc string) string {
	units := utf16.Encode(r)
	var b strings.Builder
	if enc == "utf-16" {
		b.WriteString("\xff\xfe") // BOM, little-endian like CPython on x86
	}
	for _, u := range units {
		if enc == "utf-16-be" {
			b.WriteByte(byte(u >> 8))
			b.WriteByte(byte(u))
		} else {
			b.WriteByte(byte(u))
			b.WriteByte(byte(u >> 8))
		}
	}
	return b.String()
}

func decodeUTF16(s, enc string) ([]rune, *BaseException) {
	be := enc == "utf-16-be"
	if enc == "utf-16" && len(s) >= 2 {
		switch s[:2] {
		case "\xff\xfe":
			s = s[2:]
		case "\xfe\xff":
			s, be = s[2:], true
		}
	}
	name := strings.ReplaceAll(enc, "-", "")
	name = strings.Replace(name, "utf", "utf-", 1)
	name = strings.Replace(name, "16le", "16-le", 1)
	name = strings.Replace(name, "16be", "16-be", 1)
	if len(s)%2 == 1 {
		return nil, decodeError(name, s, len(s)-1, len(s), "truncated data")
	}
	units := make([]uint16, len(s)/2)
	for i := range units {
		a, b := uint16(s[2*i]), uint16(s[2*i+1])
		if be {
			units[i] = a<<8 | b
		} else {
			units[i] = b<<8 | a
		}
	}
	return utf16.Decode(units), nil
}

const hexDigits = "0123456789abcdef"

// appendUEscape appends \uXXXX, or \UXXXXXXXX above the BMP.
func appendUEscape(b []byte, c rune) []byte {
	if c < 0x10000 {
		return append(b, '\\', 'u', hexDigits[c>>12&15], hexDigits[c>>8&15], hexDigits[c>>4&15], hexDigits[c&15])
	}
	b = append(b, '\\', 'U')
	for k := 28; k >= 0; k -= 4 {
		b = append(b, hexDigits[c>>uint(k)&15])
	}
	return b
}

// RawUnicodeEscape is the raw_unicode_escape encoding: only code points
// above 0xff are escaped; the rest are their latin-1 bytes.
func RawUnicodeEscape(r []rune) string {
	var b []byte
	for _, c := range r {
		if c < 0x100 {
			b = append(b, byte(c))
		} else {
			b = appendUEscape(b, c)
		}
	}
	return string(b)
}

// CodecLookup is codecs.lookup, set by the _codecs module: the codec
// registry that encodings' search function fills, for the codecs the
// runtime does not implement itself (cp1252, idna, rot13...).
var CodecLookup func(f *Frame, encoding string) (Object, *BaseException)

// viaRegistry encodes or decodes input with a codec from the registry, as
// CPython's str/unicode encode and decode do for every codec.
func viaRegistry(f *Frame, encoding, errors string, input Object, encode bool) (Object, *BaseException) {
	unknown := NewException(LookupErrorType, "unknown encoding: "+encoding)
	if CodecLookup == nil {
		return nil, unknown
	}
	codec, err := CodecLookup(f, encoding)
	if err != nil {
		if err.IsInstance(ImportErrorType) {
			return nil, unknown // the program has no encodings package to search
		}
		return nil, err
	}
	idx, what := 1, "decoder"
	if encode {
		idx, what = 0, "encoder"
	}
	fn, err := GetItem(f, codec, NewInt(int64(idx)))
	if err != nil {
		return nil, err
	}
	r, err := Call(f, fn, []Object{input, NewStr(errors)}, nil)
	if err != nil {
		return nil, err
	}
	t, ok := BaseOf(r).(*Tuple)
	if !ok || len(t.elems) != 2 {
		return nil, NewTypeError(what + " must return a tuple (object, integer)")
	}
	switch t.elems[0].(type) {
	case *Str, *Unicode:
		return t.elems[0], nil
	}
	return nil, NewTypeError(what + " did not return a string/unicode object (type=" + t.elems[0].Type().tpName() + ")")
}
