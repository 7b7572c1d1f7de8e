package py

import (
	"strings"
	"unicode"
)

// Unicode is Python 2's unicode string, stored as code points (CPython
// here is a wide UCS4 build: sys.maxunicode == 0x10FFFF). Mixing with
// str decodes the str with the default encoding (ascii), raising
// UnicodeDecodeError with CPython's message on non-ASCII bytes.
type Unicode struct {
	r []rune
}

// UnicodeType is `unicode`.
var UnicodeType = newBuiltinType("unicode", BaseStringType)

// NewUnicodeRunes wraps code points (kept, not copied).
func NewUnicodeRunes(r []rune) *Unicode { return &Unicode{r: r} }

// NewUnicode makes a unicode literal from its UTF-8 text.
func NewUnicode(utf8 string) Object { return &Unicode{r: []rune(utf8)} }

// NewUnicodeString converts a Go (UTF-8) string.
func NewUnicodeString(s string) *Unicode { return &Unicode{r: []rune(s)} }

// Type implements Object.
func (u *Unicode) Type() *Type { return UnicodeType }

// Runes exposes the code points.
func (u *Unicode) Runes() []rune { return u.r }

func (s *Str) toUnicode(f *Frame) (*Unicode, *BaseException) {
	u, err := Decode(f, s.s, defaultEncoding, "strict")
	if err != nil {
		return nil, err
	}
	return u.(*Unicode), nil
}

// coerceUnicode converts str/unicode operands; ok=false for others.
func coerceUnicode(f *Frame, o Object) (*Unicode, bool, *BaseException) {
	switch v := BaseOf(o).(type) {
	case *Unicode:
		return v, true, nil
	case *Str:
		u, err := v.toUnicode(f)
		return u, true, err
	}
	return nil, false, nil
}

// Hash matches str's hash for ASCII content, as CPython's unicode_hash.
func (u *Unicode) Hash(f *Frame) (int64, *BaseException) {
	if len(u.r) == 0 {
		return 0, nil
	}
	x := uint64(u.r[0]) << 7
	for _, c := range u.r {
		x = (1000003 * x) ^ uint64(c)
	}
	x ^= uint64(len(u.r))
	if int64(x) == -1 {
		return -2, nil
	}
	return int64(x), nil
}

// Repr mirrors unicode_repr: u'...' with \x, \u, \U escapes.
func (u *Unicode) Repr(f *Frame) (string, *BaseException) {
	quote := '\''
	hasSQ, hasDQ := false, false
	for _, c := range u.r {
		if c == '\'' {
			hasSQ = true
		} else if c == '"' {
			hasDQ = true
		}
	}
	if hasSQ && !hasDQ {
		quote = '"'
	}
	var b strings.Builder
	b.WriteString("u")
	b.WriteRune(quote)
	for _, c := range u.r {
		switch {
		case c == quote || c == '\\':
			b.WriteByte('\\')
			b.WriteRune(c)
		case c == '\t':
			b.WriteString("\\t")
		case c == '\n':
			b.WriteString("\\n")
		case c == '\r':
			b.WriteString("\\r")
		case c < ' ' || c >= 0x7f && c < 0x100:
			b.WriteString("\\x" + hex2(byte(c)))
		case c >= 0x10000:
			b.WriteString("\\U" + padHex(int64(c), 8))
		case c >= 0x100:
			b.WriteString("\\u" + padHex(int64(c), 4))
		default:
			b.WriteRune(c)
		}
	}
	b.WriteRune(quote)
	return b.String(), nil
}

// Str keeps unicode (callers encode when they need bytes).
func (u *Unicode) Str(f *Frame) (Object, *BaseException) { return u, nil }

// Len implements len().
func (u *Unicode) Len(f *Frame) (int, *BaseException) { return len(u.r), nil }

// Truth implements bool().
func (u *Unicode) Truth(f *Frame) (bool, *BaseException) { return len(u.r) != 0, nil }

// GetItem implements u[i] and slicing.
func (u *Unicode) GetItem(f *Frame, key Object) (Object, *BaseException) {
	if sl, ok := key.(*Slice); ok {
		start, stop, step, n, err := sl.indices(f, len(u.r))
		if err != nil {
			return nil, err
		}
		out := make([]rune, 0, n)
		if step == 1 {
			return NewUnicodeRunes(append(out, u.r[start:stop]...)), nil
		}
		for i, j := 0, start; i < n; i, j = i+1, j+step {
			out = append(out, u.r[j])
		}
		return NewUnicodeRunes(out), nil
	}
	i, err := IndexInt(f, key, "string indices must be integers, not ")
	if err != nil {
		return nil, err
	}
	if i < 0 {
		i += len(u.r)
	}
	if i < 0 || i >= len(u.r) {
		return nil, NewIndexError("string index out of range")
	}
	return NewUnicodeRunes([]rune{u.r[i]}), nil
}

// Contains implements `in`.
func (u *Unicode) Contains(f *Frame, x Object) (bool, *BaseException) {
	o, ok, err := coerceUnicode(f, x)
	if err != nil {
		return false, err
	}
	if !ok {
		return false, NewTypeError("coercing to Unicode: need string or buffer, " + x.Type().tpName() + " found")
	}
	return strings.Contains(string(u.r), string(o.r)), nil
}

// Iter implements iteration over code points.
func (u *Unicode) Iter(f *Frame) (Object, *BaseException) { return &seqIter{seq: u}, nil }

// Binary implements +, * and % with str coercion.
func (u *Unicode) Binary(f *Frame, op Op, y Object, side Side) (Object, *BaseException) {
	switch op {
	case OpAdd:
		o, ok, err := coerceUnicode(f, y)
		if err != nil {
			return nil, err
		}
		if !ok {
			if side == Left {
				return nil, NewTypeError("coercing to Unicode: need string or buffer, " + y.Type().tpName() + " found")
			}
			return NotImplemented, nil
		}
		a, b := u.r, o.r
		if side == Right {
			a, b = b, a
		}
		out := make([]rune, 0, len(a)+len(b))
		return NewUnicodeRunes(append(append(out, a...), b...)), nil
	case OpMul:
		n, ok, err := repeatCount(f, y)
		if err != nil {
			return nil, err
		}
		if ok {
			out := make([]rune, 0, max(0, n*len(u.r)))
			for i := 0; i < n; i++ {
				out = append(out, u.r...)
			}
			return NewUnicodeRunes(out), nil
		}
	case OpMod:
		if side == Left {
			return UnicodeFormat(f, u, y)
		}
	}
	return NotImplemented, nil
}

// RichCompare compares code points, coercing str operands.
func (u *Unicode) RichCompare(f *Frame, op CmpOp, y Object) (Object, *BaseException) {
	o, ok, err := coerceUnicode(f, y)
	if err != nil {
		if err.IsInstance(UnicodeDecodeErrorType) && (op == EQ || op == NE) {
			// CPython warns (UnicodeWarning) and treats them as unequal
			return NewBool(op == NE), nil
		}
		return nil, err
	}
	if !ok {
		return NotImplemented, nil
	}
	return NewBool(cmpResult(op, compareRunes(u.r, o.r))), nil
}

func compareRunes(a, b []rune) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			if a[i] < b[i] {
				return -1
			}
			return 1
		}
	}
	return cmp3(int64(len(a)), int64(len(b)))
}

func unicodeIsSpace(c rune) bool {
	if c < 128 {
		return isSpaceByte(byte(c)) || c >= 0x1c && c <= 0x1f
	}
	return unicode.IsSpace(c)
}

func selfUnicode(o Object) *Unicode {
	if u, ok := o.(*Unicode); ok {
		return u
	}
	if u, ok := baseOf(o).(*Unicode); ok {
		return u
	}
	return NewUnicodeRunes(nil)
}

func unicodeJoin(f *Frame, sep *Unicode, items []Object) (Object, *BaseException) {
	var out []rune
	for i, it := range items {
		u, ok, err := coerceUnicode(f, it)
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, NewTypeError("sequence item " + itoa(i) + ": expected string or Unicode, " + it.Type().tpName() + " found")
		}
		if i > 0 {
			out = append(out, sep.r...)
		}
		out = append(out, u.r...)
	}
	return NewUnicodeRunes(out), nil
}

// unicode methods reuse the str implementations on a UTF-8 round trip
// where the semantics coincide, and convert the results back.
func init() {
	t := UnicodeType
	t.newFn = func(f *Frame, t *Type, args []Object, kw Kwargs) (Object, *BaseException) {
		var a [3]Object
		if err := ParseArgs("unicode", args, kw, []string{"string", "encoding", "errors"}, 0, a[:]); err != nil {
			return nil, err
		}
		var u *Unicode
		switch {
		case a[0] == nil:
			u = NewUnicodeRunes(nil)
		case a[1] != nil || a[2] != nil:
			s, ok := a[0].(*Str)
			if !ok {
				return nil, NewTypeError("decoding Unicode is not supported")
			}
			r, err := Decode(f, s.s, optStr(a[1], defaultEncoding), optStr(a[2], "strict"))
			if err != nil {
				return nil, err
			}
			u = r.(*Unicode)
		default:
			r, err := ToUnicode(f, a[0])
			if err != nil {
				return nil, err
			}
			u = r
		}
		if t == UnicodeType {
			return u, nil
		}
		return newInstanceWithBase(t, u), nil
	}
	t.def("encode", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		var a [2]Object
		if err := ParseArgs("encode", args, kw, []string{"encoding", "errors"}, 0, a[:]); err != nil {
			return nil, err
		}
		return Encode(f, selfUnicode(self).r, optStr(a[0], defaultEncoding), optStr(a[1], "strict"))
	})
	t.def("join", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := OneArg("join", args, kw); err != nil {
			return nil, err
		}
		items, err := ToSlice(f, args[0])
		if err != nil {
			return nil, err
		}
		return unicodeJoin(f, selfUnicode(self), items)
	})
	t.def("format", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		r, err := FormatMethod(f, string(selfUnicode(self).r), args, kw)
		if err != nil {
			return nil, err
		}
		return NewUnicodeString(r.(*Str).s), nil
	})
	// Methods whose semantics are the same on code points: delegate to
	// the str implementation over UTF-8 and convert results back.
	t.def("splitlines", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := UnpackArgs("splitlines", args, kw, 0, 1); err != nil {
			return nil, err
		}
		keep := false
		if len(args) == 1 {
			k, err := IsTrue(f, args[0])
			if err != nil {
				return nil, err
			}
			keep = k
		}
		r := selfUnicode(self).r
		isBreak := func(c rune) bool {
			switch c {
			case '\n', '\r', '\v', '\f', 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029:
				return true
			}
			return false
		}
		var out []Object
		i := 0
		for i < len(r) {
			j := i
			for j < len(r) && !isBreak(r[j]) {
				j++
			}
			eol := j
			if j < len(r) {
				if r[j] == '\r' && j+1 < len(r) && r[j+1] == '\n' {
					j += 2
				} else {
					j++
				}
			}
			if keep {
				eol = j
			}
			out = append(out, NewUnicodeRunes(append([]rune(nil), r[i:eol]...)))
			i = j
		}
		return NewList(out...), nil
	})
	upad := func(name string, where int) {
		t.def(name, func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
			if err := UnpackArgs(name, args, kw, 1, 2); err != nil {
				return nil, err
			}
			r := selfUnicode(self).r
			w, err := IndexInt(f, args[0], "an integer is required")
			if err != nil {
				return nil, err
			}
			fill := ' '
			if len(args) == 2 {
				u, ok, err := coerceUnicode(f, args[1])
				if err != nil {
					return nil, err
				}
				if !ok || len(u.r) != 1 {
					return nil, NewTypeError(name + "() argument 2 must be char, not " + args[1].Type().tpName())
				}
				fill = u.r[0]
			}
			if w <= len(r) {
				return NewUnicodeRunes(append([]rune(nil), r...)), nil
			}
			total := w - len(r)
			var l int
			switch where {
			case 1:
				l = total
			case 2:
				l = total/2 + (total & w & 1)
			}
			out := make([]rune, 0, w)
			for i := 0; i < l; i++ {
				out = append(out, fill)
			}
			out = append(out, r...)
			for i := 0; i < total-l; i++ {
				out = append(out, fill)
			}
			return NewUnicodeRunes(out), nil
		})
	}
	upad("ljust", 0)
	upad("rjust", 1)
	upad("center", 2)
	t.def("zfill", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := UnpackArgs("zfill", args, kw, 1, 1); err != nil {
			return nil, err
		}
		r := selfUnicode(self).r
		w, err := IndexInt(f, args[0], "an integer is required")
		if err != nil {
			return nil, err
		}
		if w <= len(r) {
			return NewUnicodeRunes(append([]rune(nil), r...)), nil
		}
		out := make([]rune, 0, w)
		rest := r
		if len(r) > 0 && (r[0] == '+' || r[0] == '-') {
			out = append(out, r[0])
			rest = r[1:]
		}
		for i := 0; i < w-len(r); i++ {
			out = append(out, '0')
		}
		return NewUnicodeRunes(append(out, rest...)), nil
	})
	for _, name := range []string{"split", "rsplit"} {
		name := name
		strMeth := StrType.dict.getStr(name).(*BuiltinMethod)
		t.def(name, func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
			if len(args) == 0 || args[0] == None {
				// whitespace split uses Unicode whitespace
				if err := UnpackArgs(name, args, kw, 0, 2); err != nil {
					return nil, err
				}
				maxsplit := -1
				if len(args) == 2 {
					n, err := IndexInt(f, args[1], "an integer is required")
					if err != nil {
						return nil, err
					}
					maxsplit = n
				}
				return unicodeSplitWS(selfUnicode(self).r, maxsplit, name == "rsplit"), nil
			}
			conv := make([]Object, len(args))
			for i, a := range args {
				conv[i] = a
				if u, ok, err := coerceUnicode(f, a); err != nil {
					return nil, err
				} else if ok {
					conv[i] = NewStr(string(u.r))
				}
			}
			s := string(selfUnicode(self).r)
			r, err := strMeth.fn(f, NewStr(s), conv, kw)
			if err != nil {
				return nil, err
			}
			return utf8ResultsToUnicode(name, s, r), nil
		})
	}
	for _, name := range []string{"strip", "lstrip", "rstrip",
		"startswith", "endswith", "find", "rfind", "index", "rindex", "count", "replace",
		"partition", "rpartition", "expandtabs"} {
		name := name
		strMeth := StrType.dict.getStr(name).(*BuiltinMethod)
		t.def(name, func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
			conv := make([]Object, len(args))
			for i, a := range args {
				conv[i] = a
				switch v := a.(type) {
				case *Unicode:
					conv[i] = NewStr(string(v.r))
				case *Str:
					u, err := v.toUnicode(f)
					if err != nil {
						return nil, err
					}
					conv[i] = NewStr(string(u.r))
				case *Tuple:
					el := make([]Object, len(v.elems))
					for j, e := range v.elems {
						el[j] = e
						if uu, ok := e.(*Unicode); ok {
							el[j] = NewStr(string(uu.r))
						}
					}
					conv[i] = NewTuple(el...)
				}
			}
			s := string(selfUnicode(self).r)
			r, err := strMeth.fn(f, NewStr(s), conv, kw)
			if err != nil {
				return nil, err
			}
			return utf8ResultsToUnicode(name, s, r), nil
		})
	}
	mapper := func(name string, fn func(rune) rune) {
		t.def(name, func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
			if err := NoArgs(name, args, kw); err != nil {
				return nil, err
			}
			src := selfUnicode(self).r
			out := make([]rune, len(src))
			for i, c := range src {
				out[i] = fn(c)
			}
			return NewUnicodeRunes(out), nil
		})
	}
	mapper("upper", unicode.ToUpper)
	mapper("lower", unicode.ToLower)
	mapper("swapcase", func(c rune) rune {
		if unicode.IsUpper(c) {
			return unicode.ToLower(c)
		}
		return unicode.ToUpper(c)
	})
	t.def("title", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		src := selfUnicode(self).r
		out := make([]rune, len(src))
		prev := false
		for i, c := range src {
			if prev {
				out[i] = unicode.ToLower(c)
			} else {
				out[i] = unicode.ToTitle(c)
			}
			prev = unicode.IsLetter(c)
		}
		return NewUnicodeRunes(out), nil
	})
	t.def("capitalize", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		src := selfUnicode(self).r
		out := make([]rune, len(src))
		for i, c := range src {
			if i == 0 {
				out[i] = unicode.ToUpper(c)
			} else {
				out[i] = unicode.ToLower(c)
			}
		}
		return NewUnicodeRunes(out), nil
	})
	pred := func(name string, fn func(rune) bool) {
		t.def(name, func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
			src := selfUnicode(self).r
			if len(src) == 0 {
				return False, nil
			}
			for _, c := range src {
				if !fn(c) {
					return False, nil
				}
			}
			return True, nil
		})
	}
	pred("isdigit", unicode.IsDigit)
	pred("isdecimal", func(c rune) bool { return unicode.Is(unicode.Nd, c) })
	pred("isnumeric", unicode.IsNumber)
	pred("isalpha", unicode.IsLetter)
	pred("isalnum", func(c rune) bool { return unicode.IsLetter(c) || unicode.IsNumber(c) })
	pred("isspace", unicodeIsSpace)
	t.def("isupper", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		cased := false
		for _, c := range selfUnicode(self).r {
			if unicode.IsLower(c) || unicode.IsTitle(c) {
				return False, nil
			}
			if unicode.IsUpper(c) {
				cased = true
			}
		}
		return NewBool(cased), nil
	})
	t.def("islower", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		cased := false
		for _, c := range selfUnicode(self).r {
			if unicode.IsUpper(c) || unicode.IsTitle(c) {
				return False, nil
			}
			if unicode.IsLower(c) {
				cased = true
			}
		}
		return NewBool(cased), nil
	})
	t.def("translate", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := OneArg("translate", args, kw); err != nil {
			return nil, err
		}
		var out []rune
		for _, c := range selfUnicode(self).r {
			v, err := GetItem(f, args[0], NewInt(int64(c)))
			if err != nil {
				if err.IsInstance(LookupErrorType) {
					out = append(out, c)
					continue
				}
				return nil, err
			}
			switch m := v.(type) {
			case *NoneObject:
			case *Int:
				out = append(out, rune(m.v))
			case *Unicode:
				out = append(out, m.r...)
			default:
				return nil, NewTypeError("character mapping must return integer, None or unicode")
			}
		}
		return NewUnicodeRunes(out), nil
	})
	t.def("__format__", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := OneArg("__format__", args, kw); err != nil {
			return nil, err
		}
		spec, _, err := coerceUnicode(f, args[0])
		if err != nil || spec == nil {
			return nil, NewTypeError("__format__ requires str or unicode")
		}
		r, ferr := formatStrSpec(string(selfUnicode(self).r), string(spec.r))
		if ferr != nil {
			return nil, ferr
		}
		return ToUnicode(f, r)
	})
}

// utf8ResultsToUnicode converts str results of delegated methods back.
func utf8ResultsToUnicode(name, src string, r Object) Object {
	switch v := r.(type) {
	case *Str:
		return NewUnicodeString(v.s)
	case *List:
		for i, e := range v.elems {
			if s, ok := e.(*Str); ok {
				v.elems[i] = NewUnicodeString(s.s)
			}
		}
		return v
	case *Tuple:
		el := make([]Object, len(v.elems))
		for i, e := range v.elems {
			el[i] = utf8ResultsToUnicode(name, src, e)
		}
		return NewTuple(el...)
	case *Int:
		switch name {
		case "find", "rfind", "index", "rindex":
			if v.v > 0 {
				return NewInt(int64(len([]rune(src[:v.v]))))
			}
		}
	}
	return r
}

// ToUnicode is unicode(o).
func ToUnicode(f *Frame, o Object) (*Unicode, *BaseException) {
	switch v := o.(type) {
	case *Unicode:
		return v, nil
	case *Str:
		return v.toUnicode(f)
	case *Instance:
		if r, found, err := callSpecial(f, v, "__unicode__"); found || err != nil {
			if err != nil {
				return nil, err
			}
			return ToUnicode(f, r)
		}
	}
	s, err := StrObject(f, o)
	if err != nil {
		return nil, err
	}
	return ToUnicode(f, s)
}

// unicodeSplitWS splits on runs of Unicode whitespace (split/rsplit with
// no separator); the remainder after maxsplit keeps its inner spacing.
func unicodeSplitWS(r []rune, maxsplit int, fromRight bool) *List {
	var parts [][]rune
	if !fromRight {
		i := 0
		for {
			for i < len(r) && unicodeIsSpace(r[i]) {
				i++
			}
			if i == len(r) {
				break
			}
			if maxsplit >= 0 && len(parts) == maxsplit {
				parts = append(parts, r[i:])
				break
			}
			j := i
			for j < len(r) && !unicodeIsSpace(r[j]) {
				j++
			}
			parts = append(parts, r[i:j])
			i = j
		}
	} else {
		j := len(r)
		for {
			for j > 0 && unicodeIsSpace(r[j-1]) {
				j--
			}
			if j == 0 {
				break
			}
			if maxsplit >= 0 && len(parts) == maxsplit {
				parts = append(parts, r[:j])
				break
			}
			i := j
			for i > 0 && !unicodeIsSpace(r[i-1]) {
				i--
			}
			parts = append(parts, r[i:j])
			j = i
		}
		for a, b := 0, len(parts)-1; a < b; a, b = a+1, b-1 {
			parts[a], parts[b] = parts[b], parts[a]
		}
	}
	out := make([]Object, len(parts))
	for i, p := range parts {
		out[i] = NewUnicodeRunes(append([]rune(nil), p...))
	}
	return NewList(out...)
}
