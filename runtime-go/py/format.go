package py

import (
	"math"
	"math/big"
	"strconv"
	"strings"
)

// StrFormat is `str % args` with CPython 2.7's complete conversion set
// (flags - + space # 0, width and precision incl. *, mapping keys,
// d i u o x X e E f F g G c r s %). A unicode argument to %s makes the
// result unicode, as in CPython.
func StrFormat(f *Frame, format *Str, args Object) (Object, *BaseException) {
	r, promote, err := percentFormat(f, format.s, args, false)
	if err != nil {
		return nil, err
	}
	if promote {
		u, err := format.toUnicode(f)
		if err != nil {
			return nil, err
		}
		return UnicodeFormat(f, u, args)
	}
	return NewStr(r), nil
}

// UnicodeFormat is `unicode % args`.
func UnicodeFormat(f *Frame, format *Unicode, args Object) (Object, *BaseException) {
	r, _, err := percentFormat(f, string(format.r), args, true)
	if err != nil {
		return nil, err
	}
	return NewUnicodeString(r), nil
}

func percentFormat(f *Frame, s string, args Object, uni bool) (string, bool, *BaseException) {
	var items []Object
	var mapping Object
	argIdx := 0
	if t, ok := args.(*Tuple); ok {
		items = t.elems
	} else {
		items = []Object{args}
		switch args.(type) {
		case *Str, *Unicode, *Tuple:
		default:
			if _, ok := args.(ItemGetter); ok {
				mapping = args
			}
		}
	}
	usedMapping := false
	next := func() (Object, *BaseException) {
		if argIdx >= len(items) {
			return nil, NewTypeError("not enough arguments for format string")
		}
		v := items[argIdx]
		argIdx++
		return v, nil
	}
	var b strings.Builder
	i := 0
	for i < len(s) {
		c := s[i]
		if c != '%' {
			b.WriteByte(c)
			i++
			continue
		}
		start := i
		i++
		if i >= len(s) {
			return "", false, NewValueError("incomplete format")
		}
		var arg Object
		if s[i] == '(' {
			if mapping == nil {
				return "", false, NewTypeError("format requires a mapping")
			}
			depth := 1
			j := i + 1
			for j < len(s) && depth > 0 {
				if s[j] == '(' {
					depth++
				} else if s[j] == ')' {
					depth--
				}
				j++
			}
			if depth > 0 {
				return "", false, NewValueError("incomplete format key")
			}
			var key Object = NewStr(s[i+1 : j-1])
			if uni {
				key = NewUnicodeString(s[i+1 : j-1])
			}
			v, err := GetItem(f, mapping, key)
			if err != nil {
				return "", false, err
			}
			arg = v
			usedMapping = true
			i = j
		}
		var flags struct{ minus, plus, space, alt, zero bool }
	flagLoop:
		for i < len(s) {
			switch s[i] {
			case '-':
				flags.minus = true
			case '+':
				flags.plus = true
			case ' ':
				flags.space = true
			case '#':
				flags.alt = true
			case '0':
				flags.zero = true
			default:
				break flagLoop
			}
			i++
		}
		width, prec := -1, -1
		if i < len(s) && s[i] == '*' {
			v, err := next()
			if err != nil {
				return "", false, err
			}
			n, ok := v.(*Int)
			if !ok {
				return "", false, NewTypeError("* wants int")
			}
			width = int(n.v)
			if width < 0 {
				flags.minus = true
				width = -width
			}
			i++
		} else {
			for i < len(s) && s[i] >= '0' && s[i] <= '9' {
				if width < 0 {
					width = 0
				}
				width = width*10 + int(s[i]-'0')
				i++
			}
		}
		if i < len(s) && s[i] == '.' {
			i++
			prec = 0
			if i < len(s) && s[i] == '*' {
				v, err := next()
				if err != nil {
					return "", false, err
				}
				n, ok := v.(*Int)
				if !ok {
					return "", false, NewTypeError("* wants int")
				}
				prec = int(n.v)
				i++
			} else {
				for i < len(s) && s[i] >= '0' && s[i] <= '9' {
					prec = prec*10 + int(s[i]-'0')
					i++
				}
			}
		}
		for i < len(s) && (s[i] == 'h' || s[i] == 'l' || s[i] == 'L') {
			i++
		}
		if i >= len(s) {
			return "", false, NewValueError("incomplete format")
		}
		conv := s[i]
		i++
		if conv == '%' {
			b.WriteByte('%')
			continue
		}
		if arg == nil {
			if mapping != nil && argIdx == 0 && len(items) == 1 && usedMapping {
				arg = mapping
			} else {
				v, err := next()
				if err != nil {
					return "", false, err
				}
				arg = v
			}
		}
		var body, sign, prefix string
		numeric := false
		switch conv {
		case 's', 'r':
			var so Object
			var err *BaseException
			if conv == 's' {
				so, err = StrObject(f, arg)
			} else {
				so, err = Repr(f, arg)
			}
			if err != nil {
				return "", false, err
			}
			switch sv := so.(type) {
			case *Unicode:
				if !uni {
					return "", true, nil
				}
				body = string(sv.r)
			case *Str:
				body = sv.s
				if uni {
					u, err := sv.toUnicode(f)
					if err != nil {
						return "", false, err
					}
					body = string(u.r)
				}
			}
			if prec >= 0 && prec < len([]rune(body)) {
				if uni {
					body = string([]rune(body)[:prec])
				} else {
					body = body[:prec]
				}
			}
		case 'c':
			switch v := arg.(type) {
			case *Int:
				if uni {
					body = string(rune(v.v))
				} else {
					if v.v < 0 || v.v > 255 {
						return "", false, NewOverflowError("unsigned byte integer is greater than maximum")
					}
					body = string([]byte{byte(v.v)})
				}
			case *Str:
				if len(v.s) != 1 {
					return "", false, NewTypeError("%c requires int or char")
				}
				body = v.s
			case *Unicode:
				if len(v.r) != 1 {
					return "", false, NewTypeError("%c requires int or char")
				}
				if !uni {
					return "", true, nil
				}
				body = string(v.r)
			default:
				return "", false, NewTypeError("%c requires int or char")
			}
		case 'd', 'i', 'u', 'o', 'x', 'X':
			numeric = true
			n, err := formatIntArg(f, arg, conv)
			if err != nil {
				return "", false, err
			}
			if n.Sign() < 0 {
				sign = "-"
				n = new(big.Int).Neg(n)
			} else if flags.plus {
				sign = "+"
			} else if flags.space {
				sign = " "
			}
			switch conv {
			case 'o':
				body = n.Text(8)
				if flags.alt && body[0] != '0' {
					prefix = "0"
				}
			case 'x':
				body = n.Text(16)
				if flags.alt {
					prefix = "0x"
				}
			case 'X':
				body = strings.ToUpper(n.Text(16))
				if flags.alt {
					prefix = "0X"
				}
			default:
				body = n.String()
			}
			if prec >= 0 && len(body) < prec {
				body = strings.Repeat("0", prec-len(body)) + body
			}
		case 'e', 'E', 'f', 'F', 'g', 'G':
			numeric = true
			x, ok, err := toFloat64(arg)
			if err != nil {
				return "", false, err
			}
			if !ok {
				if inst, isInst := arg.(*Instance); isInst {
					if r, found, err := callSpecial(f, inst, "__float__"); found || err != nil {
						if err != nil {
							return "", false, err
						}
						x, ok, _ = toFloat64(r)
					}
				}
				if !ok {
					return "", false, NewTypeError("float argument required, not " + arg.Type().tpName())
				}
			}
			if prec < 0 {
				prec = 6
			}
			if math.Signbit(x) && !math.IsNaN(x) {
				sign = "-"
				x = -x
			} else if flags.plus {
				sign = "+"
			} else if flags.space {
				sign = " "
			}
			body = formatFloatConv(x, conv, prec, flags.alt)
		default:
			return "", false, NewValueError("unsupported format character '" + string(rune(conv)) + "' (0x" + strconv.FormatInt(int64(conv), 16) + ") at index " + itoa(i-1))
		}
		_ = start
		full := sign + prefix + body
		if width > 0 && len([]rune(full)) < width {
			padn := width - len([]rune(full))
			switch {
			case flags.minus:
				full += strings.Repeat(" ", padn)
			case flags.zero && numeric && !strings.ContainsAny(body, "ni"):
				full = sign + prefix + strings.Repeat("0", padn) + body
			default:
				full = strings.Repeat(" ", padn) + full
			}
		}
		b.WriteString(full)
	}
	if argIdx < len(items) && mapping == nil {
		return "", false, NewTypeError("not all arguments converted during string formatting")
	}
	return b.String(), false, nil
}

func formatIntArg(f *Frame, arg Object, conv byte) (*big.Int, *BaseException) {
	switch v := arg.(type) {
	case *Int:
		return big.NewInt(v.v), nil
	case *Long:
		return v.v, nil
	case *Float:
		if math.IsInf(v.v, 0) || math.IsNaN(v.v) {
			return nil, NewOverflowError("cannot convert float infinity to integer")
		}
		bf, _ := new(big.Float).SetFloat64(math.Trunc(v.v)).Int(nil)
		return bf, nil
	case *Instance:
		if r, found, err := callSpecial(f, v, "__int__"); found || err != nil {
			if err != nil {
				return nil, err
			}
			return formatIntArg(f, r, conv)
		}
		if v.base != nil {
			return formatIntArg(f, v.base, conv)
		}
	}
	if conv == 'd' || conv == 'i' || conv == 'u' {
		return nil, NewTypeError("%" + string(conv) + " format: a number is required, not " + arg.Type().tpName())
	}
	return nil, NewTypeError("%" + string(conv) + " format: an integer is required, not " + arg.Type().tpName())
}

// formatFloatConv formats a non-negative x for e/f/g conversions.
func formatFloatConv(x float64, conv byte, prec int, alt bool) string {
	upper := conv == 'E' || conv == 'F' || conv == 'G'
	if math.IsInf(x, 0) || math.IsNaN(x) {
		s := "inf"
		if math.IsNaN(x) {
			s = "nan"
		}
		if upper {
			s = strings.ToUpper(s)
		}
		return s
	}
	var s string
	switch conv {
	case 'e', 'E':
		s = strconv.FormatFloat(x, 'e', prec, 64)
		s = fixExp(s)
		if alt && prec == 0 {
			s = strings.Replace(s, "e", ".e", 1)
		}
	case 'f', 'F':
		s = strconv.FormatFloat(x, 'f', prec, 64)
		if alt && prec == 0 {
			s += "."
		}
	default:
		s = formatG(x, prec, alt)
		if alt && !strings.Contains(s, ".") {
			if i := strings.IndexByte(s, 'e'); i >= 0 {
				s = s[:i] + "." + s[i:]
			} else {
				s += "."
			}
		}
	}
	if upper {
		s = strings.ToUpper(s)
	}
	return s
}

// fixExp makes Go's exponent at least two digits (it already is) and
// keeps the sign, matching C.
func fixExp(s string) string { return s }

// Format is format(value, spec): calls __format__.
func Format(f *Frame, v Object, spec Object) (Object, *BaseException) {
	specStr := ""
	switch s := spec.(type) {
	case *Str:
		specStr = s.s
	case *Unicode:
		specStr = string(s.r)
	default:
		return nil, NewTypeError("format() argument 2 must be string, not " + spec.Type().tpName())
	}
	if specStr == "" {
		switch v.(type) {
		case *Int, *Long, *Float, *Str, *Unicode, *Complex:
			if _, isU := spec.(*Unicode); isU {
				return ToUnicode(f, v)
			}
			return StrObject(f, v)
		}
	}
	switch x := v.(type) {
	case *Int, *Long:
		return formatIntSpec(f, x, specStr)
	case *Float:
		return formatFloatSpec(x.v, specStr)
	case *Str:
		return formatStrSpec(x.s, specStr)
	case *Unicode:
		r, err := formatStrSpec(string(x.r), specStr)
		if err != nil {
			return nil, err
		}
		return ToUnicode(f, r)
	}
	if m := v.Type().lookup("__format__"); m != nil {
		return callDescr(f, m, v, v.Type(), []Object{spec}, nil)
	}
	if inst, ok := v.(*Instance); ok && inst.base != nil {
		return Format(f, inst.base, spec)
	}
	s, err := ToStr(f, v)
	if err != nil {
		return nil, err
	}
	return formatStrSpec(s.s, specStr)
}

type fmtSpec struct {
	fill      rune
	align     byte
	sign      byte
	alt, zero bool
	width     int
	comma     bool
	prec      int
	typ       byte
}

func parseSpec(spec string) (fmtSpec, *BaseException) {
	sp := fmtSpec{fill: ' ', width: -1, prec: -1}
	r := []rune(spec)
	i := 0
	isAlign := func(c rune) bool { return c == '<' || c == '>' || c == '=' || c == '^' }
	if len(r) >= 2 && isAlign(r[1]) {
		sp.fill, sp.align = r[0], byte(r[1])
		i = 2
	} else if len(r) >= 1 && isAlign(r[0]) {
		sp.align = byte(r[0])
		i = 1
	}
	if i < len(r) && (r[i] == '+' || r[i] == '-' || r[i] == ' ') {
		sp.sign = byte(r[i])
		i++
	}
	if i < len(r) && r[i] == '#' {
		sp.alt = true
		i++
	}
	if i < len(r) && r[i] == '0' {
		sp.zero = true
		if sp.align == 0 {
			sp.fill, sp.align = '0', '='
		}
		i++
	}
	for i < len(r) && r[i] >= '0' && r[i] <= '9' {
		if sp.width < 0 {
			sp.width = 0
		}
		sp.width = sp.width*10 + int(r[i]-'0')
		i++
	}
	if i < len(r) && r[i] == ',' {
		sp.comma = true
		i++
	}
	if i < len(r) && r[i] == '.' {
		i++
		sp.prec = 0
		start := i
		for i < len(r) && r[i] >= '0' && r[i] <= '9' {
			sp.prec = sp.prec*10 + int(r[i]-'0')
			i++
		}
		if i == start {
			return sp, NewValueError("Format specifier missing precision")
		}
	}
	if i < len(r) {
		sp.typ = byte(r[i])
		i++
	}
	if i < len(r) {
		return sp, NewValueError("Invalid conversion specification")
	}
	return sp, nil
}

func (sp fmtSpec) pad(sign, body string, defAlign byte) string {
	align := sp.align
	if align == 0 {
		align = defAlign
	}
	n := len([]rune(sign + body))
	if sp.width <= n {
		return sign + body
	}
	padn := sp.width - n
	fill := string(sp.fill)
	switch align {
	case '<':
		return sign + body + strings.Repeat(fill, padn)
	case '^':
		l := padn / 2
		return strings.Repeat(fill, l) + sign + body + strings.Repeat(fill, padn-l)
	case '=':
		return sign + strings.Repeat(fill, padn) + body
	}
	return strings.Repeat(fill, padn) + sign + body
}

func formatStrSpec(s, spec string) (Object, *BaseException) {
	sp, err := parseSpec(spec)
	if err != nil {
		return nil, err
	}
	if sp.typ != 0 && sp.typ != 's' {
		return nil, NewValueError("Unknown format code '" + string(sp.typ) + "' for object of type 'str'")
	}
	if sp.sign != 0 {
		return nil, NewValueError("Sign not allowed in string format specifier")
	}
	if sp.align == '=' {
		return nil, NewValueError("'=' alignment not allowed in string format specifier")
	}
	if sp.prec >= 0 && sp.prec < len([]rune(s)) {
		s = string([]rune(s)[:sp.prec])
	}
	return NewStr(sp.pad("", s, '<')), nil
}

func groupThousands(digits string) string {
	if len(digits) <= 3 {
		return digits
	}
	var parts []string
	for len(digits) > 3 {
		parts = append([]string{digits[len(digits)-3:]}, parts...)
		digits = digits[:len(digits)-3]
	}
	return strings.Join(append([]string{digits}, parts...), ",")
}

func formatIntSpec(f *Frame, v Object, spec string) (Object, *BaseException) {
	sp, err := parseSpec(spec)
	if err != nil {
		return nil, err
	}
	var n *big.Int
	if x, ok := v.(*Int); ok {
		n = big.NewInt(x.v)
	} else {
		n = v.(*Long).v
	}
	switch sp.typ {
	case 'e', 'E', 'f', 'F', 'g', 'G', '%':
		fv, _ := new(big.Float).SetInt(n).Float64()
		return formatFloatSpec(fv, spec)
	}
	if sp.prec >= 0 {
		return nil, NewValueError("Precision not allowed in integer format specifier")
	}
	neg := n.Sign() < 0
	a := new(big.Int).Abs(n)
	var body, prefix string
	switch sp.typ {
	case 0, 'd', 'n':
		body = a.String()
	case 'b':
		body, prefix = a.Text(2), "0b"
	case 'o':
		body, prefix = a.Text(8), "0o"
	case 'x':
		body, prefix = a.Text(16), "0x"
	case 'X':
		body, prefix = strings.ToUpper(a.Text(16)), "0X"
	case 'c':
		return NewStr(sp.pad("", string(rune(n.Int64())), '<')), nil
	default:
		return nil, NewValueError("Unknown format code '" + string(sp.typ) + "' for object of type '" + v.Type().name + "'")
	}
	if sp.comma {
		body = groupThousands(body)
	}
	if !sp.alt {
		prefix = ""
	}
	sign := ""
	if neg {
		sign = "-"
	} else if sp.sign == '+' {
		sign = "+"
	} else if sp.sign == ' ' {
		sign = " "
	}
	return NewStr(sp.pad(sign+prefix, body, '>')), nil
}

func formatFloatSpec(x float64, spec string) (Object, *BaseException) {
	sp, err := parseSpec(spec)
	if err != nil {
		return nil, err
	}
	neg := math.Signbit(x) && !math.IsNaN(x)
	ax := math.Abs(x)
	var body string
	switch sp.typ {
	case 0:
		if sp.prec < 0 {
			body = FloatStr(ax)
		} else {
			body = formatG(ax, max(sp.prec, 1), false)
			if !strings.ContainsAny(body, ".einan") {
				body += ".0"
			}
		}
	case 'e', 'E', 'f', 'F', 'g', 'G':
		p := sp.prec
		if p < 0 {
			p = 6
		}
		body = formatFloatConv(ax, sp.typ, p, sp.alt)
	case 'n':
		p := sp.prec
		if p < 0 {
			p = 6
		}
		body = formatFloatConv(ax, 'g', p, sp.alt)
	case '%':
		p := sp.prec
		if p < 0 {
			p = 6
		}
		body = formatFloatConv(ax*100, 'f', p, sp.alt) + "%"
	default:
		return nil, NewValueError("Unknown format code '" + string(sp.typ) + "' for object of type 'float'")
	}
	if sp.comma {
		intPart, rest := body, ""
		if i := strings.IndexAny(body, ".e%"); i >= 0 {
			intPart, rest = body[:i], body[i:]
		}
		body = groupThousands(intPart) + rest
	}
	sign := ""
	if neg {
		sign = "-"
	} else if sp.sign == '+' {
		sign = "+"
	} else if sp.sign == ' ' {
		sign = " "
	}
	return NewStr(sp.pad(sign, body, '>')), nil
}

// FormatMethod is str.format(*args, **kwargs).
func FormatMethod(f *Frame, s string, args []Object, kw Kwargs) (Object, *BaseException) {
	auto, manual := 0, false
	return formatMethod(f, s, args, kw, &auto, &manual)
}

func formatMethod(f *Frame, s string, args []Object, kw Kwargs, autoP *int, manualP *bool) (Object, *BaseException) {
	var b strings.Builder
	auto := *autoP
	manual := *manualP
	defer func() { *autoP, *manualP = auto, manual }()
	i := 0
	for i < len(s) {
		c := s[i]
		if c == '}' {
			if i+1 < len(s) && s[i+1] == '}' {
				b.WriteByte('}')
				i += 2
				continue
			}
			return nil, NewValueError("Single '}' encountered in format string")
		}
		if c != '{' {
			b.WriteByte(c)
			i++
			continue
		}
		if i+1 < len(s) && s[i+1] == '{' {
			b.WriteByte('{')
			i += 2
			continue
		}
		depth := 1
		j := i + 1
		for j < len(s) && depth > 0 {
			if s[j] == '{' {
				depth++
			} else if s[j] == '}' {
				depth--
			}
			j++
		}
		if depth > 0 {
			return nil, NewValueError("Single '{' encountered in format string")
		}
		field := s[i+1 : j-1]
		i = j
		spec := ""
		conv := byte(0)
		if k := strings.IndexByte(field, ':'); k >= 0 {
			field, spec = field[:k], field[k+1:]
		}
		if k := strings.IndexByte(field, '!'); k >= 0 {
			if k+1 >= len(field) {
				return nil, NewValueError("end of format while looking for conversion specifier")
			}
			conv = field[k+1]
			field = field[:k]
		}
		name := field
		rest := ""
		if k := strings.IndexAny(field, ".["); k >= 0 {
			name, rest = field[:k], field[k:]
		}
		var v Object
		if name == "" {
			if manual {
				return nil, NewValueError("cannot switch from manual field specification to automatic field numbering")
			}
			if auto >= len(args) {
				return nil, NewIndexError("tuple index out of range")
			}
			v = args[auto]
			auto++
		} else if n, err := strconv.Atoi(name); err == nil {
			manual = true
			if n >= len(args) {
				return nil, NewIndexError("tuple index out of range")
			}
			v = args[n]
		} else {
			for _, k := range kw {
				if k.Name == name {
					v = k.Value
				}
			}
			if v == nil {
				return nil, NewKeyError(NewStr(name))
			}
		}
		if strings.Contains(spec, "{") {
			*autoP, *manualP = auto, manual
			r, err := formatMethod(f, spec, args, kw, autoP, manualP)
			auto, manual = *autoP, *manualP
			if err != nil {
				return nil, err
			}
			spec = r.(*Str).s
		}
		for rest != "" {
			if rest[0] == '.' {
				k := strings.IndexAny(rest[1:], ".[")
				attr := rest[1:]
				if k >= 0 {
					attr, rest = rest[1:k+1], rest[k+1:]
				} else {
					rest = ""
				}
				var err *BaseException
				v, err = GetAttr(f, v, attr)
				if err != nil {
					return nil, err
				}
			} else {
				k := strings.IndexByte(rest, ']')
				if k < 0 {
					return nil, NewValueError("Missing ']' in format string")
				}
				key := rest[1:k]
				rest = rest[k+1:]
				var ko Object = NewStr(key)
				if n, err := strconv.Atoi(key); err == nil {
					ko = NewInt(int64(n))
				}
				var err *BaseException
				v, err = GetItem(f, v, ko)
				if err != nil {
					return nil, err
				}
			}
		}
		switch conv {
		case 'r':
			r, err := Repr(f, v)
			if err != nil {
				return nil, err
			}
			v = r
		case 's':
			r, err := ToStr(f, v)
			if err != nil {
				return nil, err
			}
			v = r
		case 0:
		default:
			return nil, NewValueError("Unknown conversion specifier " + string(conv))
		}
		r, err := Format(f, v, NewStr(spec))
		if err != nil {
			return nil, err
		}
		switch rv := r.(type) {
		case *Str:
			b.WriteString(rv.s)
		case *Unicode:
			b.WriteString(string(rv.r))
		}
	}
	return NewStr(b.String()), nil
}
