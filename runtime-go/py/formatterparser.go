package py

import "math/big"

// str._formatter_parser() and str._formatter_field_name_split() (and
// unicode's), the private methods string.Formatter is built on. They follow
// CPython 2.7's MarkupIterator and FieldNameIterator (string_format.h):
// items come out one by one and an error surfaces when iteration reaches it.

// formatterIter yields precomputed items, then raises err if one was found.
type formatterIter struct {
	mu    plock
	typ   *Type
	items []Object
	err   *BaseException
	i     int
}

var (
	formatterIterType = newBuiltinType("formatteriterator", nil)
	fieldNameIterType = newBuiltinType("fieldnameiterator", nil)
)

func (it *formatterIter) Type() *Type                            { return it.typ }
func (it *formatterIter) Iter(f *Frame) (Object, *BaseException) { return it, nil }

func (it *formatterIter) Next(f *Frame) (Object, *BaseException) {
	it.mu.Lock()
	defer it.mu.Unlock()
	if it.i < len(it.items) {
		it.i++
		return it.items[it.i-1], nil
	}
	if it.err != nil {
		err := it.err
		it.err = nil
		return nil, err
	}
	return nil, nil
}

// fmtText makes a str or unicode from runes, as the receiver was.
type fmtText func(rs []rune) Object

func textMaker(self Object) ([]rune, fmtText) {
	if u, ok := BaseOf(self).(*Unicode); ok {
		return u.r, func(rs []rune) Object { return NewUnicodeRunes(append([]rune(nil), rs...)) }
	}
	s := BaseOf(self).(*Str).s
	rs := make([]rune, len(s))
	for i := 0; i < len(s); i++ {
		rs[i] = rune(s[i])
	}
	return rs, func(rs []rune) Object {
		b := make([]byte, len(rs))
		for i, r := range rs {
			b[i] = byte(r)
		}
		return NewStr(string(b))
	}
}

func formatterParser(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
	if err := NoArgs("_formatter_parser", args, kw); err != nil {
		return nil, err
	}
	s, mk := textMaker(self)
	it := &formatterIter{typ: formatterIterType}
	i := 0
	for i < len(s) {
		start := i
		var c rune
		markup := false
		for i < len(s) {
			c = s[i]
			i++
			if c == '{' || c == '}' {
				markup = true
				break
			}
		}
		atEnd := i >= len(s)
		n := i - start
		if markup && c == '}' && (atEnd || s[i] != '}') {
			it.err = NewValueError("Single '}' encountered in format string")
			break
		}
		if markup && atEnd && c == '{' {
			it.err = NewValueError("Single '{' encountered in format string")
			break
		}
		if markup && !atEnd {
			if s[i] == c {
				i++ // an escaped brace: literal text only
				markup = false
			} else {
				n--
			}
		}
		literal := mk(s[start : start+n])
		if !markup {
			it.items = append(it.items, NewTuple(literal, None, None, None))
			continue
		}
		fieldStart := i
		count := 1
		closed := false
		for i < len(s) {
			c = s[i]
			i++
			switch c {
			case ':':
				count = 1
			case '{':
				count++
			case '}':
				count--
			}
			if c == '}' && count <= 0 {
				closed = true
				break
			}
		}
		if !closed {
			it.err = NewValueError("unmatched '{' in format")
			break
		}
		name, spec, conv, err := parseField(s[fieldStart : i-1])
		if err != nil {
			it.err = err
			break
		}
		convObj := Object(None)
		if conv != 0 {
			convObj = mk([]rune{conv})
		}
		it.items = append(it.items, NewTuple(literal, mk(name), mk(spec), convObj))
	}
	return it, nil
}

// parseField splits "name!c:spec" as parse_field does.
func parseField(field []rune) (name, spec []rune, conv rune, err *BaseException) {
	k := 0
	for k < len(field) && field[k] != ':' && field[k] != '!' {
		k++
	}
	if k == len(field) {
		return field, nil, 0, nil
	}
	name, spec = field[:k], field[k+1:]
	if field[k] == '!' {
		if len(spec) == 0 {
			return nil, nil, 0, NewValueError("end of format while looking for conversion specifier")
		}
		conv, spec = spec[0], spec[1:]
		if len(spec) > 0 {
			if spec[0] != ':' {
				return nil, nil, 0, NewValueError("expected ':' after format specifier")
			}
			spec = spec[1:]
		}
	}
	return name, spec, conv, nil
}

// fieldIndex is get_integer: the decimal value of s, or -1 when s is
// empty or not all digits.
func fieldIndex(s []rune) (int64, *BaseException) {
	if len(s) == 0 {
		return -1, nil
	}
	var v int64
	for _, r := range s {
		if r < '0' || r > '9' {
			return -1, nil
		}
		if v > (1<<63-1-int64(r-'0'))/10 {
			return 0, NewValueError("Too many decimal digits in format string")
		}
		v = v*10 + int64(r-'0')
	}
	return v, nil
}

func formatterFieldNameSplit(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
	if err := NoArgs("_formatter_field_name_split", args, kw); err != nil {
		return nil, err
	}
	s, mk := textMaker(self)
	k := 0
	for k < len(s) && s[k] != '.' && s[k] != '[' {
		k++
	}
	first := s[:k]
	idx, err := fieldIndex(first)
	if err != nil {
		return nil, err
	}
	firstObj := mk(first)
	if idx != -1 {
		firstObj = NewLong(big.NewInt(idx))
	}
	it := &formatterIter{typ: fieldNameIterType}
	rest := s[k:]
	for i := 0; i < len(rest); {
		c := rest[i]
		i++
		var name []rune
		isAttr := false
		switch c {
		case '.':
			isAttr = true
			start := i
			for i < len(rest) && rest[i] != '.' && rest[i] != '[' {
				i++
			}
			name = rest[start:i]
		case '[':
			start := i
			for i < len(rest) && rest[i] != ']' {
				i++
			}
			if i >= len(rest) {
				it.err = NewValueError("Missing ']' in format string")
				return NewTuple(firstObj, it), nil
			}
			name = rest[start:i]
			i++
		default:
			it.err = NewValueError("Only '.' or '[' may follow ']' in format field specifier")
			return NewTuple(firstObj, it), nil
		}
		if len(name) == 0 {
			it.err = NewValueError("Empty attribute in format string")
			return NewTuple(firstObj, it), nil
		}
		key := mk(name)
		if !isAttr {
			n, err := fieldIndex(name)
			if err != nil {
				it.err = err
				return NewTuple(firstObj, it), nil
			}
			if n != -1 {
				key = NewLong(big.NewInt(n))
			}
		}
		it.items = append(it.items, NewTuple(NewBool(isAttr), key))
	}
	return NewTuple(firstObj, it), nil
}

func init() {
	for _, t := range []*Type{StrType, UnicodeType} {
		t.def("_formatter_parser", formatterParser)
		t.def("_formatter_field_name_split", formatterFieldNameSplit)
	}
}
