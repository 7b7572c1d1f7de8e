package py

import (
	"strconv"
	"strings"
	"sync/atomic"
	"unicode"
	"unsafe"
)

// Str is Python 2's byte string. The Go string holds arbitrary bytes.
// The hash is CPython 2.7's string hash with _Py_HashSecret zeroed
// (no randomisation), cached after first use.
type Str struct {
	s string
	h atomic.Int64 // 0 = not computed yet
	// gcache memoises LoadGlobal/LoadName for identifier constants.
	gcache atomic.Pointer[globalCache]
}

// StrType is `str`; BaseStringType is `basestring`.
var (
	BaseStringType = newBuiltinType("basestring", nil)
	StrType        = newBuiltinType("str", BaseStringType)
)

var charStrs [256]*Str
var emptyStr = &Str{}

func init() {
	for i := range charStrs {
		charStrs[i] = &Str{s: string([]byte{byte(i)})}
	}
}

// NewStr returns a str holding s (single bytes and "" are shared).
func NewStr(s string) *Str {
	switch len(s) {
	case 0:
		return emptyStr
	case 1:
		return charStrs[s[0]]
	}
	return &Str{s: s}
}

// concatStr is a + b as a new str. Short results share one allocation
// with their Str header (one malloc instead of two): str objects are
// never weakly referenced or finalized, so an interior pointer is fine.
func concatStr(a, b string) *Str {
	n := len(a) + len(b)
	switch {
	case n <= 1:
		return NewStr(a + b)
	case n <= 16:
		p := new(struct {
			s Str
			b [16]byte
		})
		copy(p.b[copy(p.b[:], a):], b)
		p.s.s = unsafe.String(&p.b[0], n)
		return &p.s
	case n <= 32:
		p := new(struct {
			s Str
			b [32]byte
		})
		copy(p.b[copy(p.b[:], a):], b)
		p.s.s = unsafe.String(&p.b[0], n)
		return &p.s
	}
	return &Str{s: a + b}
}

// Type implements Object.
func (s *Str) Type() *Type { return StrType }

// Value returns the bytes as a Go string.
func (s *Str) Value() string { return s.s }

// Hash implements CPython 2.7's string_hash.
func (s *Str) Hash(f *Frame) (int64, *BaseException) { return s.hash(), nil }

func (s *Str) hash() int64 {
	if h := s.h.Load(); h != 0 {
		return h
	}
	h := strHash(s.s)
	plainStoreInt64(&s.h, h)
	return h
}

func strHash(s string) int64 {
	if len(s) == 0 {
		return 0
	}
	x := uint64(s[0]) << 7
	for i := 0; i < len(s); i++ {
		x = (1000003 * x) ^ uint64(s[i])
	}
	x ^= uint64(len(s))
	if int64(x) == -1 {
		return -2
	}
	return int64(x)
}

// Repr quotes like string_repr.
func (s *Str) Repr(f *Frame) (string, *BaseException) { return strRepr(s.s), nil }

func strRepr(s string) string {
	quote := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		quote = '"'
	}
	b := make([]byte, 0, len(s)+2)
	b = append(b, quote)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == quote || c == '\\':
			b = append(b, '\\', c)
		case c == '\t':
			b = append(b, '\\', 't')
		case c == '\n':
			b = append(b, '\\', 'n')
		case c == '\r':
			b = append(b, '\\', 'r')
		case c < ' ' || c >= 0x7f:
			b = append(b, '\\', 'x', "0123456789abcdef"[c>>4], "0123456789abcdef"[c&15])
		default:
			b = append(b, c)
		}
	}
	return string(append(b, quote))
}

// Str implements str(s) (identity).
func (s *Str) Str(f *Frame) (Object, *BaseException) { return s, nil }

// Len implements len(s).
func (s *Str) Len(f *Frame) (int, *BaseException) { return len(s.s), nil }

// Truth implements bool(s).
func (s *Str) Truth(f *Frame) (bool, *BaseException) { return len(s.s) != 0, nil }

// GetItem implements s[i] and s[i:j:k].
func (s *Str) GetItem(f *Frame, key Object) (Object, *BaseException) {
	if sl, ok := key.(*Slice); ok {
		start, stop, step, n, err := sl.indices(f, len(s.s))
		if err != nil {
			return nil, err
		}
		if step == 1 {
			return NewStr(s.s[start:stop]), nil
		}
		b := make([]byte, n)
		for i, j := 0, start; i < n; i, j = i+1, j+step {
			b[i] = s.s[j]
		}
		return NewStr(string(b)), nil
	}
	i, err := IndexInt(f, key, "string indices must be integers, not ")
	if err != nil {
		return nil, err
	}
	if i < 0 {
		i += len(s.s)
	}
	if i < 0 || i >= len(s.s) {
		return nil, NewIndexError("string index out of range")
	}
	return charStrs[s.s[i]], nil
}

// Contains implements `x in s`.
func (s *Str) Contains(f *Frame, x Object) (bool, *BaseException) {
	switch v := x.(type) {
	case *Str:
		return strings.Contains(s.s, v.s), nil
	case *Unicode:
		u, err := s.toUnicode(f)
		if err != nil {
			return false, err
		}
		return u.Contains(f, v)
	}
	return false, NewTypeError("'in <string>' requires string as left operand, not " + x.Type().tpName())
}

// Iter implements iter(s).
func (s *Str) Iter(f *Frame) (Object, *BaseException) { return &seqIter{seq: s, str: s.s}, nil }

// Binary implements +, * and %.
func (s *Str) Binary(f *Frame, op Op, y Object, side Side) (Object, *BaseException) {
	switch op {
	case OpAdd:
		if side == Left {
			switch o := BaseOf(y).(type) {
			case *Str:
				return concatStr(s.s, o.s), nil
			}
		}
	case OpMul:
		n, ok, err := repeatCount(f, y)
		if err != nil {
			return nil, err
		}
		if ok {
			if n <= 0 {
				return emptyStr, nil
			}
			if len(s.s)*n/n != len(s.s) {
				return nil, NewOverflowError("repeated string is too long")
			}
			return NewStr(strings.Repeat(s.s, n)), nil
		}
	case OpMod:
		if side == Left {
			return StrFormat(f, s, y)
		}
	}
	return NotImplemented, nil
}

// repeatCount accepts ints (and __index__) as a sequence repeat count.
func repeatCount(f *Frame, y Object) (int, bool, *BaseException) {
	switch v := y.(type) {
	case *Int:
		return int(v.v), true, nil
	case *Long:
		if !v.v.IsInt64() {
			if v.v.Sign() < 0 {
				return 0, true, nil
			}
			return 0, false, NewOverflowError("cannot fit 'long' into an index-sized integer")
		}
		return int(v.v.Int64()), true, nil
	}
	return 0, false, nil
}

// RichCompare orders byte strings lexicographically.
func (s *Str) RichCompare(f *Frame, op CmpOp, y Object) (Object, *BaseException) {
	if o, ok := y.(*Str); ok {
		return NewBool(cmpResult(op, strings.Compare(s.s, o.s))), nil
	}
	return NotImplemented, nil
}

var _ Hasher = (*Str)(nil)
var _ Reprer = (*Str)(nil)
var _ ItemGetter = (*Str)(nil)
var _ Binaryer = (*Str)(nil)
var _ RichComparer = (*Str)(nil)
var _ Container = (*Str)(nil)

// asStrArg checks a str argument of a str method.
func asStrArg(meth string, o Object) (string, *BaseException) {
	if s, ok := o.(*Str); ok {
		return s.s, nil
	}
	if inst, ok := o.(*Instance); ok {
		if s, ok := inst.base.(*Str); ok {
			return s.s, nil
		}
	}
	return "", NewTypeError("expected a character buffer object")
}

func selfStr(o Object) *Str {
	if s, ok := o.(*Str); ok {
		return s
	}
	if inst, ok := o.(*Instance); ok {
		if s, ok := inst.base.(*Str); ok {
			return s
		}
	}
	return emptyStr
}

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

func splitWhitespace(s string, maxsplit int) []string {
	var out []string
	i := 0
	n := len(s)
	for {
		for i < n && isSpaceByte(s[i]) {
			i++
		}
		if i == n {
			return out
		}
		if maxsplit >= 0 && len(out) == maxsplit {
			return append(out, s[i:])
		}
		j := i
		for j < n && !isSpaceByte(s[j]) {
			j++
		}
		out = append(out, s[i:j])
		i = j
	}
}

func rsplitWhitespace(s string, maxsplit int) []string {
	var out []string
	j := len(s)
	for {
		for j > 0 && isSpaceByte(s[j-1]) {
			j--
		}
		if j == 0 {
			break
		}
		if maxsplit >= 0 && len(out) == maxsplit {
			out = append(out, s[:j])
			break
		}
		i := j
		for i > 0 && !isSpaceByte(s[i-1]) {
			i--
		}
		out = append(out, s[i:j])
		j = i
	}
	for a, b := 0, len(out)-1; a < b; a, b = a+1, b-1 {
		out[a], out[b] = out[b], out[a]
	}
	return out
}

func strList(parts []string) *List {
	elems := make([]Object, len(parts))
	for i, p := range parts {
		elems[i] = NewStr(p)
	}
	return NewList(elems...)
}

// sliceIndices resolves optional start/end args like string_find.
func sliceIndices(f *Frame, n int, args []Object) (int, int, *BaseException) {
	start, end := 0, n
	if len(args) > 0 && args[0] != None {
		v, err := IndexInt(f, args[0], "slice indices must be integers or None or have an __index__ method")
		if err != nil {
			return 0, 0, err
		}
		start = v
	}
	if len(args) > 1 && args[1] != None {
		v, err := IndexInt(f, args[1], "slice indices must be integers or None or have an __index__ method")
		if err != nil {
			return 0, 0, err
		}
		end = v
	}
	if end > n {
		end = n
	} else if end < 0 {
		end += n
		if end < 0 {
			end = 0
		}
	}
	if start < 0 {
		start += n
		if start < 0 {
			start = 0
		}
	}
	return start, end, nil
}

func init() {
	t := StrType
	t.newFn = strNew
	t.def("join", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := OneArg("join", args, kw); err != nil {
			return nil, err
		}
		sep := selfStr(self).s
		items, err := ToSlice(f, args[0])
		if err != nil {
			return nil, err
		}
		var b strings.Builder
		for i, it := range items {
			switch v := it.(type) {
			case *Str:
				if i > 0 {
					b.WriteString(sep)
				}
				b.WriteString(v.s)
			case *Unicode:
				u, err := NewStr(sep).toUnicode(f)
				if err != nil {
					return nil, err
				}
				return unicodeJoin(f, u, items)
			default:
				if bs, ok := it.(*Instance); ok {
					if s, ok := bs.base.(*Str); ok {
						if i > 0 {
							b.WriteString(sep)
						}
						b.WriteString(s.s)
						continue
					}
				}
				return nil, NewTypeError("sequence item " + strconv.Itoa(i) + ": expected string, " + it.Type().tpName() + " found")
			}
		}
		return NewStr(b.String()), nil
	})
	t.def("split", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := UnpackArgs("split", args, kw, 0, 2); err != nil {
			return nil, err
		}
		s := selfStr(self).s
		maxsplit := -1
		if len(args) > 1 {
			n, err := IndexInt(f, args[1], "an integer is required")
			if err != nil {
				return nil, err
			}
			maxsplit = n
		}
		if len(args) == 0 || args[0] == None {
			return strList(splitWhitespace(s, maxsplit)), nil
		}
		if u, ok := args[0].(*Unicode); ok {
			us, err := NewStr(s).toUnicode(f)
			if err != nil {
				return nil, err
			}
			return CallMethod(f, us, "split", []Object{u, NewInt(int64(maxsplit))}, nil)
		}
		sep, err := asStrArg("split", args[0])
		if err != nil {
			return nil, err
		}
		if sep == "" {
			return nil, NewValueError("empty separator")
		}
		return strList(strings.SplitN(s, sep, splitN(maxsplit))), nil
	})
	t.def("rsplit", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := UnpackArgs("rsplit", args, kw, 0, 2); err != nil {
			return nil, err
		}
		s := selfStr(self).s
		maxsplit := -1
		if len(args) > 1 {
			n, err := IndexInt(f, args[1], "an integer is required")
			if err != nil {
				return nil, err
			}
			maxsplit = n
		}
		if len(args) == 0 || args[0] == None {
			return strList(rsplitWhitespace(s, maxsplit)), nil
		}
		sep, err := asStrArg("rsplit", args[0])
		if err != nil {
			return nil, err
		}
		if sep == "" {
			return nil, NewValueError("empty separator")
		}
		var parts []string
		rest := s
		for maxsplit < 0 || len(parts) < maxsplit {
			i := strings.LastIndex(rest, sep)
			if i < 0 {
				break
			}
			parts = append(parts, rest[i+len(sep):])
			rest = rest[:i]
		}
		parts = append(parts, rest)
		for a, b := 0, len(parts)-1; a < b; a, b = a+1, b-1 {
			parts[a], parts[b] = parts[b], parts[a]
		}
		return strList(parts), nil
	})
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
		s := selfStr(self).s
		var out []string
		i := 0
		for i < len(s) {
			j := i
			for j < len(s) && s[j] != '\n' && s[j] != '\r' {
				j++
			}
			eol := j
			if j < len(s) {
				if s[j] == '\r' && j+1 < len(s) && s[j+1] == '\n' {
					j += 2
				} else {
					j++
				}
			}
			if keep {
				out = append(out, s[i:j])
			} else {
				out = append(out, s[i:eol])
			}
			i = j
		}
		return strList(out), nil
	})
	stripper := func(name string, left, right bool) {
		t.def(name, func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
			if err := UnpackArgs(name, args, kw, 0, 1); err != nil {
				return nil, err
			}
			s := selfStr(self).s
			cut := " \t\n\r\v\f"
			if len(args) == 1 && args[0] != None {
				if u, ok := args[0].(*Unicode); ok {
					us, err := NewStr(s).toUnicode(f)
					if err != nil {
						return nil, err
					}
					return CallMethod(f, us, name, []Object{u}, nil)
				}
				c, err := asStrArg(name, args[0])
				if err != nil {
					return nil, NewTypeError(name + " arg must be None, str or unicode")
				}
				cut = c
			}
			if left {
				s = strings.TrimLeft(s, cut)
			}
			if right {
				s = strings.TrimRight(s, cut)
			}
			return NewStr(s), nil
		})
	}
	stripper("strip", true, true)
	stripper("lstrip", true, false)
	stripper("rstrip", false, true)
	affix := func(name string, fn func(s, p string) bool) {
		t.def(name, func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
			if err := UnpackArgs(name, args, kw, 1, 3); err != nil {
				return nil, err
			}
			s := selfStr(self).s
			start, end, err := sliceIndices(f, len(s), args[1:])
			if err != nil {
				return nil, err
			}
			if start > len(s) {
				return False, nil
			}
			sub := ""
			if end >= start {
				sub = s[start:end]
			} else {
				return False, nil
			}
			if tup, ok := args[0].(*Tuple); ok {
				for _, p := range tup.elems {
					ps, err := asStrArg(name, p)
					if err != nil {
						return nil, err
					}
					if fn(sub, ps) {
						return True, nil
					}
				}
				return False, nil
			}
			ps, ok := args[0].(*Str)
			if !ok {
				if _, isU := args[0].(*Unicode); isU {
					us, err := NewStr(s).toUnicode(f)
					if err != nil {
						return nil, err
					}
					return CallMethod(f, us, name, args, nil)
				}
				return nil, NewTypeError(name + " first arg must be str, unicode, or tuple, not " + args[0].Type().tpName())
			}
			return NewBool(fn(sub, ps.s)), nil
		})
	}
	affix("startswith", strings.HasPrefix)
	affix("endswith", strings.HasSuffix)
	finder := func(name string, rev, raise bool) {
		t.def(name, func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
			if err := UnpackArgs(name, args, kw, 1, 3); err != nil {
				return nil, err
			}
			s := selfStr(self).s
			sub, err := asStrArg(name, args[0])
			if err != nil {
				return nil, err
			}
			start, end, err := sliceIndices(f, len(s), args[1:])
			if err != nil {
				return nil, err
			}
			r := -1
			if start <= end && start <= len(s) {
				if rev {
					r = strings.LastIndex(s[start:end], sub)
				} else {
					r = strings.Index(s[start:end], sub)
				}
				if r >= 0 {
					r += start
				}
			}
			if r < 0 && raise {
				return nil, NewValueError("substring not found")
			}
			return NewInt(int64(r)), nil
		})
	}
	finder("find", false, false)
	finder("rfind", true, false)
	finder("index", false, true)
	finder("rindex", true, true)
	t.def("count", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := UnpackArgs("count", args, kw, 1, 3); err != nil {
			return nil, err
		}
		s := selfStr(self).s
		sub, err := asStrArg("count", args[0])
		if err != nil {
			return nil, err
		}
		start, end, err := sliceIndices(f, len(s), args[1:])
		if err != nil {
			return nil, err
		}
		if start > end {
			return NewInt(0), nil
		}
		return NewInt(int64(strings.Count(s[start:end], sub))), nil
	})
	t.def("replace", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := UnpackArgs("replace", args, kw, 2, 3); err != nil {
			return nil, err
		}
		s := selfStr(self).s
		old, err := asStrArg("replace", args[0])
		if err != nil {
			return nil, err
		}
		nw, err := asStrArg("replace", args[1])
		if err != nil {
			return nil, err
		}
		n := -1
		if len(args) == 3 {
			n, err = IndexInt(f, args[2], "an integer is required")
			if err != nil {
				return nil, err
			}
		}
		return NewStr(strings.Replace(s, old, nw, n)), nil
	})
	mapper := func(name string, fn func(string) string) {
		t.def(name, func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
			if err := NoArgs(name, args, kw); err != nil {
				return nil, err
			}
			return NewStr(fn(selfStr(self).s)), nil
		})
	}
	mapper("upper", asciiUpper)
	mapper("lower", asciiLower)
	mapper("swapcase", func(s string) string {
		b := []byte(s)
		for i, c := range b {
			if c >= 'a' && c <= 'z' {
				b[i] = c - 32
			} else if c >= 'A' && c <= 'Z' {
				b[i] = c + 32
			}
		}
		return string(b)
	})
	mapper("capitalize", func(s string) string {
		if s == "" {
			return s
		}
		return asciiUpper(s[:1]) + asciiLower(s[1:])
	})
	mapper("title", func(s string) string {
		b := []byte(s)
		prevCased := false
		for i, c := range b {
			isU, isL := c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z'
			if isU || isL {
				if prevCased {
					if isU {
						b[i] = c + 32
					}
				} else if isL {
					b[i] = c - 32
				}
				prevCased = true
			} else {
				prevCased = false
			}
		}
		return string(b)
	})
	pred := func(name string, fn func(byte) bool, emptyFalse bool) {
		t.def(name, func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
			if err := NoArgs(name, args, kw); err != nil {
				return nil, err
			}
			s := selfStr(self).s
			if s == "" {
				return False, nil
			}
			for i := 0; i < len(s); i++ {
				if !fn(s[i]) {
					return False, nil
				}
			}
			return True, nil
		})
	}
	pred("isdigit", func(c byte) bool { return c >= '0' && c <= '9' }, true)
	pred("isalpha", func(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }, true)
	pred("isalnum", func(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' }, true)
	pred("isspace", isSpaceByte, true)
	caseCheck := func(name string, want, other func(byte) bool) {
		t.def(name, func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
			if err := NoArgs(name, args, kw); err != nil {
				return nil, err
			}
			s := selfStr(self).s
			cased := false
			for i := 0; i < len(s); i++ {
				if other(s[i]) {
					return False, nil
				}
				if want(s[i]) {
					cased = true
				}
			}
			return NewBool(cased), nil
		})
	}
	isUp := func(c byte) bool { return c >= 'A' && c <= 'Z' }
	isLo := func(c byte) bool { return c >= 'a' && c <= 'z' }
	caseCheck("isupper", isUp, isLo)
	caseCheck("islower", isLo, isUp)
	t.def("istitle", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := NoArgs("istitle", args, kw); err != nil {
			return nil, err
		}
		s := selfStr(self).s
		cased, prev := false, false
		for i := 0; i < len(s); i++ {
			c := s[i]
			switch {
			case isUp(c):
				if prev {
					return False, nil
				}
				prev, cased = true, true
			case isLo(c):
				if !prev {
					return False, nil
				}
				prev, cased = true, true
			default:
				prev = false
			}
		}
		return NewBool(cased), nil
	})
	pad := func(name string, where int) {
		t.def(name, func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
			if err := UnpackArgs(name, args, kw, 1, 2); err != nil {
				return nil, err
			}
			s := selfStr(self).s
			w, err := IndexInt(f, args[0], "an integer is required")
			if err != nil {
				return nil, err
			}
			fill := " "
			if len(args) == 2 {
				fs, ok := args[1].(*Str)
				if !ok || len(fs.s) != 1 {
					return nil, NewTypeError(name + "() argument 2 must be char, not " + args[1].Type().tpName())
				}
				fill = fs.s
			}
			if w <= len(s) {
				return selfStr(self), nil
			}
			total := w - len(s)
			var l int
			switch where {
			case 0:
				l = 0
			case 1:
				l = total
			default:
				l = total/2 + (total & w & 1)
			}
			return NewStr(strings.Repeat(fill, l) + s + strings.Repeat(fill, total-l)), nil
		})
	}
	pad("ljust", 0)
	pad("rjust", 1)
	pad("center", 2)
	t.def("zfill", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := UnpackArgs("zfill", args, kw, 1, 1); err != nil {
			return nil, err
		}
		s := selfStr(self).s
		w, err := IndexInt(f, args[0], "an integer is required")
		if err != nil {
			return nil, err
		}
		return NewStr(zfill(s, w)), nil
	})
	part := func(name string, rev bool) {
		t.def(name, func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
			if err := OneArg(name, args, kw); err != nil {
				return nil, err
			}
			s := selfStr(self).s
			sep, err := asStrArg(name, args[0])
			if err != nil {
				return nil, err
			}
			if sep == "" {
				return nil, NewValueError("empty separator")
			}
			var i int
			if rev {
				i = strings.LastIndex(s, sep)
				if i < 0 {
					return NewTuple(emptyStr, emptyStr, NewStr(s)), nil
				}
			} else {
				i = strings.Index(s, sep)
				if i < 0 {
					return NewTuple(NewStr(s), emptyStr, emptyStr), nil
				}
			}
			return NewTuple(NewStr(s[:i]), NewStr(sep), NewStr(s[i+len(sep):])), nil
		})
	}
	part("partition", false)
	part("rpartition", true)
	t.def("expandtabs", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := UnpackArgs("expandtabs", args, kw, 0, 1); err != nil {
			return nil, err
		}
		ts := 8
		if len(args) == 1 {
			n, err := IndexInt(f, args[0], "an integer is required")
			if err != nil {
				return nil, err
			}
			ts = n
		}
		s := selfStr(self).s
		var b strings.Builder
		col := 0
		for i := 0; i < len(s); i++ {
			c := s[i]
			switch c {
			case '\t':
				if ts > 0 {
					n := ts - col%ts
					b.WriteString(strings.Repeat(" ", n))
					col += n
				}
			case '\n', '\r':
				b.WriteByte(c)
				col = 0
			default:
				b.WriteByte(c)
				col++
			}
		}
		return NewStr(b.String()), nil
	})
	t.def("decode", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		var a [2]Object
		if err := ParseArgs("decode", args, kw, []string{"encoding", "errors"}, 0, a[:]); err != nil {
			return nil, err
		}
		return Decode(f, selfStr(self).s, optStr(a[0], defaultEncoding), optStr(a[1], "strict"))
	})
	t.def("encode", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		var a [2]Object
		if err := ParseArgs("encode", args, kw, []string{"encoding", "errors"}, 0, a[:]); err != nil {
			return nil, err
		}
		enc := optStr(a[0], defaultEncoding)
		switch normEncoding(enc) {
		case "hex", "base64", "string_escape", "zlib":
			return EncodeBytes(f, selfStr(self).s, enc)
		case "ascii", "latin-1", "utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be",
			"unicode_escape", "raw_unicode_escape":
		default:
			// A codec from the registry gets the str itself, as CPython hands it over.
			return viaRegistry(f, enc, optStr(a[1], "strict"), self, true)
		}
		u, err := Decode(f, selfStr(self).s, defaultEncoding, "strict")
		if err != nil {
			return nil, err
		}
		return Encode(f, u.(*Unicode).r, enc, optStr(a[1], "strict"))
	})
	t.def("translate", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := UnpackArgs("translate", args, kw, 1, 2); err != nil {
			return nil, err
		}
		s := selfStr(self).s
		var table string
		if args[0] != None {
			ts, err := asStrArg("translate", args[0])
			if err != nil {
				return nil, err
			}
			if len(ts) != 256 {
				return nil, NewValueError("translation table must be 256 characters long")
			}
			table = ts
		}
		del := ""
		if len(args) == 2 {
			d, err := asStrArg("translate", args[1])
			if err != nil {
				return nil, err
			}
			del = d
		}
		b := make([]byte, 0, len(s))
		for i := 0; i < len(s); i++ {
			if strings.IndexByte(del, s[i]) >= 0 {
				continue
			}
			if table != "" {
				b = append(b, table[s[i]])
			} else {
				b = append(b, s[i])
			}
		}
		return NewStr(string(b)), nil
	})
	t.def("format", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		return FormatMethod(f, selfStr(self).s, args, kw)
	})
	t.def("__format__", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := OneArg("__format__", args, kw); err != nil {
			return nil, err
		}
		spec, err := asStrArg("__format__", args[0])
		if err != nil {
			return nil, err
		}
		return formatStrSpec(selfStr(self).s, spec)
	})
	t.def("__getnewargs__", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		return NewTuple(NewStr(selfStr(self).s)), nil
	})
}

func splitN(maxsplit int) int {
	if maxsplit < 0 {
		return -1
	}
	return maxsplit + 1
}

func zfill(s string, w int) string {
	if len(s) >= w {
		return s
	}
	fill := strings.Repeat("0", w-len(s))
	if s != "" && (s[0] == '+' || s[0] == '-') {
		return s[:1] + fill + s[1:]
	}
	return fill + s
}

func asciiUpper(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'a' && c <= 'z' {
			b[i] = c - 32
		}
	}
	return string(b)
}

func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 32
		}
	}
	return string(b)
}

func optStr(o Object, def string) string {
	if o == nil || o == None {
		return def
	}
	if s, ok := o.(*Str); ok {
		return s.s
	}
	if u, ok := o.(*Unicode); ok {
		return string(u.r)
	}
	return def
}

// strNew implements str(x) and str subclasses' __new__.
func strNew(f *Frame, t *Type, args []Object, kw Kwargs) (Object, *BaseException) {
	var a [1]Object
	if err := ParseArgs("str", args, kw, []string{"object"}, 0, a[:]); err != nil {
		return nil, err
	}
	var s *Str
	if a[0] == nil {
		s = emptyStr
	} else {
		r, err := ToStr(f, a[0])
		if err != nil {
			return nil, err
		}
		s = r
	}
	if t == StrType {
		return s, nil
	}
	return newInstanceWithBase(t, s), nil
}

// str methods given a unicode argument promote self to unicode first
// (ascii-decoded, so non-ASCII bytes raise UnicodeDecodeError).
func init() {
	for _, name := range []string{"split", "rsplit", "strip", "lstrip", "rstrip", "startswith", "endswith",
		"find", "rfind", "index", "rindex", "count", "replace", "partition", "rpartition", "center", "ljust", "rjust"} {
		name := name
		m := StrType.dict.getStr(name).(*BuiltinMethod)
		inner := m.fn
		m.fn = func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
			for _, a := range args {
				uni := false
				switch v := a.(type) {
				case *Unicode:
					uni = true
				case *Tuple:
					for _, e := range v.elems {
						if _, ok := e.(*Unicode); ok {
							uni = true
						}
					}
				}
				if uni {
					u, err := selfStr(self).toUnicode(f)
					if err != nil {
						return nil, err
					}
					return CallMethod(f, u, name, args, kw)
				}
			}
			return inner(f, self, args, kw)
		}
	}
	UnicodeType.def("istitle", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		cased, prev := false, false
		for _, c := range selfUnicode(self).r {
			switch {
			case unicode.IsUpper(c) || unicode.IsTitle(c):
				if prev {
					return False, nil
				}
				prev, cased = true, true
			case unicode.IsLower(c):
				if !prev {
					return False, nil
				}
				prev, cased = true, true
			default:
				prev = false
			}
		}
		return NewBool(cased), nil
	})
}
