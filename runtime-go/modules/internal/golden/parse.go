package golden

import (
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

type env struct {
	module py.Object
	vars   map[string]py.Object
}

func (e *env) lookup(f *py.Frame, name string) (py.Object, *py.BaseException) {
	if v, ok := e.vars[name]; ok {
		return v, nil
	}
	// as after `from module import *`: no underscore names unqualified
	if v, err := py.GetAttr(f, e.module, name); err == nil && !strings.HasPrefix(name, "_") {
		return v, nil
	}
	switch name {
	case "None":
		return py.None, nil
	case "True":
		return py.True, nil
	case "False":
		return py.False, nil
	}
	if v := py.Builtins.GetStr(name); v != nil {
		return v, nil
	}
	return nil, py.NewNameError("name '" + name + "' is not defined")
}

// parser evaluates while it parses: the cases are small and run once.
type parser struct {
	src string
	pos int
	env *env
	f   *py.Frame
}

func (p *parser) skip() {
	for p.pos < len(p.src) && (p.src[p.pos] == ' ' || p.src[p.pos] == '\t') {
		p.pos++
	}
}

func (p *parser) peek(s string) bool {
	p.skip()
	return strings.HasPrefix(p.src[p.pos:], s)
}

func (p *parser) eat(s string) bool {
	if p.peek(s) {
		p.pos += len(s)
		return true
	}
	return false
}

func (p *parser) fail(msg string) *py.BaseException {
	return py.NewException(py.SyntaxErrorType, "golden: "+msg+" at "+strconv.Itoa(p.pos)+" in "+p.src)
}

func isIdent(c byte, first bool) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || !first && c >= '0' && c <= '9'
}

func (p *parser) ident() string {
	p.skip()
	st := p.pos
	for p.pos < len(p.src) && isIdent(p.src[p.pos], p.pos == st) {
		p.pos++
	}
	return p.src[st:p.pos]
}

func (p *parser) statement() (py.Object, *py.BaseException) {
	save := p.pos
	// a, b = expr
	var targets []string
	for {
		name := p.ident()
		if name == "" {
			break
		}
		targets = append(targets, name)
		if !p.eat(",") {
			break
		}
	}
	if len(targets) > 1 && p.eat("=") {
		v, err := p.expr()
		if err != nil {
			return nil, err
		}
		vals, err := py.Unpack(p.f, v, len(targets))
		if err != nil {
			return nil, err
		}
		for i, t := range targets {
			p.env.vars[t] = vals[i]
		}
		return py.None, p.end()
	}
	p.pos = save
	if name := p.ident(); name != "" && p.peek("=") && !p.peek("==") {
		p.eat("=")
		v, err := p.expr()
		if err != nil {
			return nil, err
		}
		p.env.vars[name] = v
		return py.None, p.end()
	}
	p.pos = save
	v, err := p.expr()
	if err != nil {
		return nil, err
	}
	return v, p.end()
}

func (p *parser) end() *py.BaseException {
	p.skip()
	if p.pos != len(p.src) {
		return p.fail("trailing input")
	}
	return nil
}

var cmpOps = []struct {
	s  string
	op py.CmpOp
}{{"==", py.EQ}, {"!=", py.NE}, {"<=", py.LE}, {">=", py.GE}, {"<", py.LT}, {">", py.GT}}

func (p *parser) keyword(kw string) bool {
	save := p.pos
	if p.ident() == kw {
		return true
	}
	p.pos = save
	return false
}

// expr handles `or`, `and`, `not` (returning operands, as Python does).
func (p *parser) expr() (py.Object, *py.BaseException) {
	x, err := p.andExpr()
	if err != nil {
		return nil, err
	}
	for p.keyword("or") {
		t, err := py.IsTrue(p.f, x)
		if err != nil {
			return nil, err
		}
		y, err := p.andExpr() // evaluated even when unused: cases are pure
		if err != nil {
			return nil, err
		}
		if !t {
			x = y
		}
	}
	return x, nil
}

func (p *parser) andExpr() (py.Object, *py.BaseException) {
	x, err := p.notExpr()
	if err != nil {
		return nil, err
	}
	for p.keyword("and") {
		t, err := py.IsTrue(p.f, x)
		if err != nil {
			return nil, err
		}
		if !t {
			// skip the right operand without evaluating it
			if _, err := p.skipOperand(); err != nil {
				return nil, err
			}
			continue
		}
		if x, err = p.notExpr(); err != nil {
			return nil, err
		}
	}
	return x, nil
}

// skipOperand parses an operand with a throwaway environment and no
// evaluation side effects that matter (errors are ignored).
func (p *parser) skipOperand() (py.Object, *py.BaseException) {
	depth := 0
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		switch {
		case c == '(' || c == '[' || c == '{':
			depth++
		case c == ')' || c == ']' || c == '}':
			if depth == 0 {
				return py.None, nil
			}
			depth--
		case c == ',' && depth == 0:
			return py.None, nil
		case c == '\'' || c == '"':
			q := c
			p.pos++
			for p.pos < len(p.src) && p.src[p.pos] != q {
				if p.src[p.pos] == '\\' {
					p.pos++
				}
				p.pos++
			}
		case depth == 0 && (strings.HasPrefix(p.src[p.pos:], " and ") || strings.HasPrefix(p.src[p.pos:], " or ")):
			return py.None, nil
		}
		p.pos++
	}
	return py.None, nil
}

func (p *parser) notExpr() (py.Object, *py.BaseException) {
	if p.keyword("not") {
		x, err := p.notExpr()
		if err != nil {
			return nil, err
		}
		return py.Not(p.f, x)
	}
	return p.comparison()
}

func (p *parser) comparison() (py.Object, *py.BaseException) {
	x, err := p.binary(0)
	if err != nil {
		return nil, err
	}
	if p.keyword("is") {
		neg := p.keyword("not")
		y, err := p.binary(0)
		if err != nil {
			return nil, err
		}
		return py.NewBool((x == y) != neg), nil
	}
	save := p.pos
	neg := p.keyword("not")
	if p.keyword("in") {
		y, err := p.binary(0)
		if err != nil {
			return nil, err
		}
		r, err := py.Contains(p.f, y, x)
		if err != nil {
			return nil, err
		}
		return py.NewBool(r != neg), nil
	}
	p.pos = save
	for _, c := range cmpOps {
		if p.peek(c.s) && !p.peek("<<") && !p.peek(">>") {
			p.eat(c.s)
			y, err := p.binary(0)
			if err != nil {
				return nil, err
			}
			return py.Compare(p.f, c.op, x, y)
		}
	}
	return x, nil
}

// binary levels, loosest first: | ^ & shifts additive multiplicative.
var levels = [][]struct {
	s  string
	op py.Op
}{
	{{"|", py.OpOr}},
	{{"^", py.OpXor}},
	{{"&", py.OpAnd}},
	{{"<<", py.OpLShift}, {">>", py.OpRShift}},
	{{"+", py.OpAdd}, {"-", py.OpSub}},
	{{"*", py.OpMul}, {"//", py.OpFloorDiv}, {"/", py.OpDiv}, {"%", py.OpMod}},
}

func (p *parser) binary(level int) (py.Object, *py.BaseException) {
	if level == len(levels) {
		return p.unary()
	}
	x, err := p.binary(level + 1)
	if err != nil {
		return nil, err
	}
	for {
		matched := false
		for _, o := range levels[level] {
			if !p.peek(o.s) || o.s == "*" && p.peek("**") || o.s == "/" && p.peek("//") {
				continue
			}
			p.eat(o.s)
			y, err := p.binary(level + 1)
			if err != nil {
				return nil, err
			}
			if x, err = py.BinaryOp(p.f, o.op, x, y); err != nil {
				return nil, err
			}
			matched = true
			break
		}
		if !matched {
			return x, nil
		}
	}
}

func (p *parser) unary() (py.Object, *py.BaseException) {
	switch {
	case p.eat("-"):
		x, err := p.unary()
		if err != nil {
			return nil, err
		}
		return py.Neg(p.f, x)
	case p.eat("+"):
		x, err := p.unary()
		if err != nil {
			return nil, err
		}
		return py.Pos(p.f, x)
	case p.eat("~"):
		x, err := p.unary()
		if err != nil {
			return nil, err
		}
		return py.Invert(p.f, x)
	}
	x, err := p.postfix()
	if err != nil {
		return nil, err
	}
	if p.eat("**") {
		y, err := p.unary()
		if err != nil {
			return nil, err
		}
		return py.Pow(p.f, x, y)
	}
	return x, nil
}

func (p *parser) postfix() (py.Object, *py.BaseException) {
	x, err := p.atom()
	if err != nil {
		return nil, err
	}
	for {
		switch {
		case p.eat("."):
			name := p.ident()
			if x, err = py.GetAttr(p.f, x, name); err != nil {
				return nil, err
			}
		case p.eat("("):
			args, kw, err := p.callArgs()
			if err != nil {
				return nil, err
			}
			if x, err = py.Call(p.f, x, args, kw); err != nil {
				return nil, err
			}
		case p.eat("["):
			key, err := p.subscript()
			if err != nil {
				return nil, err
			}
			if x, err = py.GetItem(p.f, x, key); err != nil {
				return nil, err
			}
		default:
			return x, nil
		}
	}
}

func (p *parser) subscript() (py.Object, *py.BaseException) {
	var parts [3]py.Object
	n := 0
	isSlice := false
	for {
		if p.peek(":") || p.peek("]") {
			parts[n] = nil
		} else {
			v, err := p.expr()
			if err != nil {
				return nil, err
			}
			parts[n] = v
		}
		if p.eat(":") {
			isSlice = true
			n++
			if n > 2 {
				return nil, p.fail("bad slice")
			}
			continue
		}
		if !p.eat("]") {
			return nil, p.fail("expected ]")
		}
		break
	}
	if !isSlice {
		return parts[0], nil
	}
	return py.NewSlice(parts[0], parts[1], parts[2]), nil
}

func (p *parser) callArgs() ([]py.Object, py.Kwargs, *py.BaseException) {
	var args []py.Object
	var kw py.Kwargs
	for !p.eat(")") {
		save := p.pos
		if name := p.ident(); name != "" && p.peek("=") && !p.peek("==") {
			p.eat("=")
			v, err := p.expr()
			if err != nil {
				return nil, nil, err
			}
			kw = append(kw, py.Kwarg{Name: name, Value: v})
		} else {
			p.pos = save
			if p.eat("*") {
				// f(*seq) spreads a sequence
				v, err := p.expr()
				if err != nil {
					return nil, nil, err
				}
				items, err := py.ToSlice(p.f, v)
				if err != nil {
					return nil, nil, err
				}
				args = append(args, items...)
			} else {
				v, err := p.expr()
				if err != nil {
					return nil, nil, err
				}
				args = append(args, v)
			}
		}
		if !p.eat(",") && !p.peek(")") {
			return nil, nil, p.fail("expected , or )")
		}
	}
	return args, kw, nil
}

func (p *parser) seq(close string) ([]py.Object, bool, *py.BaseException) {
	var items []py.Object
	comma := false
	for !p.eat(close) {
		v, err := p.expr()
		if err != nil {
			return nil, false, err
		}
		items = append(items, v)
		if p.eat(",") {
			comma = true
		} else if !p.peek(close) {
			return nil, false, p.fail("expected , or " + close)
		}
	}
	return items, comma, nil
}

func (p *parser) atom() (py.Object, *py.BaseException) {
	p.skip()
	if p.pos >= len(p.src) {
		return nil, p.fail("unexpected end")
	}
	c := p.src[p.pos]
	switch {
	case c == '(':
		p.pos++
		items, comma, err := p.seq(")")
		if err != nil {
			return nil, err
		}
		if len(items) == 1 && !comma {
			return items[0], nil
		}
		return py.NewTuple(items...), nil
	case c == '[':
		p.pos++
		items, _, err := p.seq("]")
		if err != nil {
			return nil, err
		}
		return py.NewList(items...), nil
	case c == '{':
		p.pos++
		d := py.NewDict()
		for !p.eat("}") {
			k, err := p.expr()
			if err != nil {
				return nil, err
			}
			if !p.eat(":") {
				return nil, p.fail("expected :")
			}
			v, err := p.expr()
			if err != nil {
				return nil, err
			}
			if err := d.SetItem(p.f, k, v); err != nil {
				return nil, err
			}
			if !p.eat(",") && !p.peek("}") {
				return nil, p.fail("expected , or }")
			}
		}
		return d, nil
	case c >= '0' && c <= '9' || c == '.':
		return p.number()
	case c == '\'' || c == '"':
		return p.str("")
	case isIdent(c, true):
		save := p.pos
		name := p.ident()
		if lp := strings.ToLower(name); (lp == "u" || lp == "r" || lp == "b" || lp == "ur" || lp == "br") && p.pos < len(p.src) && (p.src[p.pos] == '\'' || p.src[p.pos] == '"') {
			return p.str(lp)
		}
		_ = save
		return p.env.lookup(p.f, name)
	}
	return nil, p.fail("unexpected " + string(c))
}

func (p *parser) number() (py.Object, *py.BaseException) {
	st := p.pos
	s := p.src
	if strings.HasPrefix(strings.ToLower(s[st:]), "0x") {
		p.pos += 2
		for p.pos < len(s) && strings.IndexByte("0123456789abcdefABCDEF", s[p.pos]) >= 0 {
			p.pos++
		}
	} else {
		for p.pos < len(s) && (s[p.pos] >= '0' && s[p.pos] <= '9' || s[p.pos] == '.' ||
			s[p.pos] == 'e' || s[p.pos] == 'E' ||
			(s[p.pos] == '-' || s[p.pos] == '+') && (s[p.pos-1] == 'e' || s[p.pos-1] == 'E')) {
			p.pos++
		}
	}
	text := s[st:p.pos]
	if p.pos < len(s) && (s[p.pos] == 'j' || s[p.pos] == 'J') {
		p.pos++
		v, _ := strconv.ParseFloat(text, 64)
		return py.NewComplex(0, v), nil
	}
	isLong := p.pos < len(s) && (s[p.pos] == 'L' || s[p.pos] == 'l')
	if isLong {
		p.pos++
	}
	if strings.ContainsAny(text, ".eE") && !strings.HasPrefix(strings.ToLower(text), "0x") {
		v, err := strconv.ParseFloat(text, 64)
		if err != nil {
			return nil, p.fail("bad float " + text)
		}
		return py.NewFloat(v), nil
	}
	b := new(big.Int)
	base := 10
	digits := text
	if strings.HasPrefix(strings.ToLower(text), "0x") {
		base, digits = 16, text[2:]
	} else if len(text) > 1 && text[0] == '0' {
		base, digits = 8, text[1:]
	}
	if _, ok := b.SetString(digits, base); !ok {
		return nil, p.fail("bad int " + text)
	}
	if isLong || !b.IsInt64() {
		return py.NewLong(b), nil
	}
	return py.NewInt(b.Int64()), nil
}

// str parses a Python 2 string literal with the given (lower-case) prefix.
func (p *parser) str(prefix string) (py.Object, *py.BaseException) {
	q := p.src[p.pos]
	p.pos++
	raw := strings.Contains(prefix, "r")
	uni := strings.Contains(prefix, "u")
	var out []rune // code points (bytes for str)
	for {
		if p.pos >= len(p.src) {
			return nil, p.fail("unterminated string")
		}
		c := p.src[p.pos]
		if c == q {
			p.pos++
			break
		}
		if c == '\\' && p.pos+1 < len(p.src) {
			e := p.src[p.pos+1]
			if raw {
				out = append(out, '\\', rune(e))
				p.pos += 2
				continue
			}
			p.pos += 2
			switch e {
			case 'n':
				out = append(out, '\n')
			case 't':
				out = append(out, '\t')
			case 'r':
				out = append(out, '\r')
			case 'a':
				out = append(out, 7)
			case 'b':
				out = append(out, 8)
			case 'f':
				out = append(out, 12)
			case 'v':
				out = append(out, 11)
			case '\\', '\'', '"':
				out = append(out, rune(e))
			case 'x', 'u', 'U':
				n := map[byte]int{'x': 2, 'u': 4, 'U': 8}[e]
				if (e == 'u' || e == 'U') && !uni {
					out = append(out, '\\', rune(e))
					continue
				}
				v, err := strconv.ParseUint(p.src[p.pos:p.pos+n], 16, 32)
				if err != nil {
					return nil, p.fail("bad escape")
				}
				out = append(out, rune(v))
				p.pos += n
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for k := 0; k < 2 && p.pos < len(p.src) && p.src[p.pos] >= '0' && p.src[p.pos] <= '7'; k++ {
						v = v*8 + int(p.src[p.pos]-'0')
						p.pos++
					}
					out = append(out, rune(v))
				} else {
					out = append(out, '\\', rune(e))
				}
			}
			continue
		}
		if uni {
			r, size := utf8.DecodeRuneInString(p.src[p.pos:])
			out = append(out, r)
			p.pos += size
		} else {
			out = append(out, rune(c))
			p.pos++
		}
	}
	if uni {
		return py.NewUnicodeString(string(out)), nil
	}
	b := make([]byte, len(out))
	for i, r := range out {
		b[i] = byte(r)
	}
	return py.NewStr(string(b)), nil
}
