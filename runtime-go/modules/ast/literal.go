package ast

import (
	"strings"

	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

// compile(source, filename, 'eval', PyCF_ONLY_AST) for sources that are a
// literal: numbers, strings, names, tuples, lists, dicts, sets and + or -
// between them. That is what ast.literal_eval (and so dumbdbm, shelve's
// default backend) parses; it builds nothing a program could run. The
// nodes are CPython's, negative numbers folded into Num as ast.c does.
// Any other source still raises the dynamic-compile NotImplementedError.

type litParser struct {
	f   *py.Frame
	src string
	i   int
}

// errNotLiteral means "not a literal expression": the caller falls back.
type errNotLiteral struct{}

func compileLiteral(f *py.Frame, source, mode string) (py.Object, *py.BaseException, bool) {
	if mode != "eval" {
		return nil, nil, false
	}
	for i := 0; i < len(source); i++ {
		if source[i] >= 0x80 {
			return nil, nil, false // source encodings: leave them to the general rule
		}
	}
	p := &litParser{f: f, src: source}
	var body py.Object
	var err *py.BaseException
	ok := func() (ok bool) {
		defer func() {
			if r := recover(); r != nil {
				if _, is := r.(errNotLiteral); !is {
					panic(r)
				}
				ok = false
			}
		}()
		body, err = p.testlist()
		if err == nil {
			p.space()
			if p.i < len(p.src) {
				panic(errNotLiteral{})
			}
		}
		return true
	}()
	if !ok {
		return nil, nil, false
	}
	if err != nil {
		return nil, err, true
	}
	r, err := newNode(f, "Expression", py.NewStr("body"), body)
	return r, err, true
}

func newNode(f *py.Frame, cls string, kv ...py.Object) (py.Object, *py.BaseException) {
	var kw py.Kwargs
	for i := 0; i+1 < len(kv); i += 2 {
		kw = append(kw, py.Kwarg{Name: kv[i].(*py.Str).Value(), Value: kv[i+1]})
	}
	return py.Call(f, classes[cls], nil, kw)
}

func (p *litParser) space() {
	for p.i < len(p.src) && strings.IndexByte(" \t\n\r\f\\", p.src[p.i]) >= 0 {
		p.i++
	}
}

func (p *litParser) peek() byte {
	p.space()
	if p.i < len(p.src) {
		return p.src[p.i]
	}
	return 0
}

// testlist is expr, or bare comma-separated exprs: a tuple.
func (p *litParser) testlist() (py.Object, *py.BaseException) {
	first, err := p.expr()
	if err != nil || p.peek() != ',' {
		return first, err
	}
	items := []py.Object{first}
	for p.peek() == ',' {
		p.i++
		if p.peek() == 0 {
			break
		}
		v, err := p.expr()
		if err != nil {
			return nil, err
		}
		items = append(items, v)
	}
	load, err := newNode(p.f, "Load")
	if err != nil {
		return nil, err
	}
	return newNode(p.f, "Tuple", py.NewStr("elts"), py.NewList(items...), py.NewStr("ctx"), load)
}

// expr is a chain of + and - (left-associative), as arith_expr.
func (p *litParser) expr() (py.Object, *py.BaseException) {
	left, err := p.unary()
	for err == nil {
		c := p.peek()
		if c != '+' && c != '-' {
			break
		}
		p.i++
		var right py.Object
		if right, err = p.unary(); err != nil {
			break
		}
		op := "Add"
		if c == '-' {
			op = "Sub"
		}
		opNode, e := newNode(p.f, op)
		if e != nil {
			return nil, e
		}
		left, err = newNode(p.f, "BinOp", py.NewStr("left"), left, py.NewStr("op"), opNode, py.NewStr("right"), right)
	}
	return left, err
}

func (p *litParser) unary() (py.Object, *py.BaseException) {
	c := p.peek()
	if c != '-' && c != '+' {
		return p.atom()
	}
	p.i++
	if c == '-' {
		// ast.c folds a minus sign straight before a number into the number.
		if d := p.peek(); d >= '0' && d <= '9' || d == '.' {
			return p.number("-")
		}
	}
	operand, err := p.unary()
	if err != nil {
		return nil, err
	}
	op := "USub"
	if c == '+' {
		op = "UAdd"
	}
	opNode, err := newNode(p.f, op)
	if err != nil {
		return nil, err
	}
	return newNode(p.f, "UnaryOp", py.NewStr("op"), opNode, py.NewStr("operand"), operand)
}

func (p *litParser) atom() (py.Object, *py.BaseException) {
	c := p.peek()
	switch {
	case c == '(' || c == '[' || c == '{':
		return p.display(c)
	case c >= '0' && c <= '9' || c == '.':
		return p.number()
	case c == '\'' || c == '"':
		return p.strings()
	case c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		start := p.i
		for p.i < len(p.src) && (p.src[p.i] == '_' || p.src[p.i] >= 'a' && p.src[p.i] <= 'z' || p.src[p.i] >= 'A' && p.src[p.i] <= 'Z' || p.src[p.i] >= '0' && p.src[p.i] <= '9') {
			p.i++
		}
		if p.i < len(p.src) && (p.src[p.i] == '\'' || p.src[p.i] == '"') && len(p.src[start:p.i]) <= 2 {
			p.i = start
			return p.strings()
		}
		load, err := newNode(p.f, "Load")
		if err != nil {
			return nil, err
		}
		return newNode(p.f, "Name", py.NewStr("id"), py.NewStr(p.src[start:p.i]), py.NewStr("ctx"), load)
	}
	panic(errNotLiteral{})
}

// display is a parenthesized expression, a tuple, a list, a dict or a set.
func (p *litParser) display(open byte) (py.Object, *py.BaseException) {
	p.i++
	closer := map[byte]byte{'(': ')', '[': ']', '{': '}'}[open]
	var items, values []py.Object
	comma, dict := false, false
	for p.peek() != closer {
		v, err := p.expr()
		if err != nil {
			return nil, err
		}
		items = append(items, v)
		if open == '{' && p.peek() == ':' {
			p.i++
			dict = true
			w, err := p.expr()
			if err != nil {
				return nil, err
			}
			values = append(values, w)
		} else if dict {
			panic(errNotLiteral{})
		}
		if p.peek() == ',' {
			p.i++
			comma = true
			continue
		}
		if p.peek() != closer {
			panic(errNotLiteral{})
		}
	}
	p.i++
	if open == '(' && len(items) == 1 && !comma {
		return items[0], nil
	}
	load, err := newNode(p.f, "Load")
	if err != nil {
		return nil, err
	}
	switch {
	case open == '(':
		return newNode(p.f, "Tuple", py.NewStr("elts"), py.NewList(items...), py.NewStr("ctx"), load)
	case open == '[':
		return newNode(p.f, "List", py.NewStr("elts"), py.NewList(items...), py.NewStr("ctx"), load)
	case dict || len(items) == 0:
		return newNode(p.f, "Dict", py.NewStr("keys"), py.NewList(items...), py.NewStr("values"), py.NewList(values...))
	}
	return newNode(p.f, "Set", py.NewStr("elts"), py.NewList(items...))
}

// number reads an int, long, float or imaginary literal (sign: "-" when
// folding a minus); nil, nil when the text is no number after all.
func (p *litParser) number(sign ...string) (py.Object, *py.BaseException) {
	start := p.i
	for p.i < len(p.src) && (p.src[p.i] >= '0' && p.src[p.i] <= '9' || p.src[p.i] >= 'a' && p.src[p.i] <= 'z' || p.src[p.i] >= 'A' && p.src[p.i] <= 'Z' || p.src[p.i] == '.' ||
		(p.src[p.i] == '+' || p.src[p.i] == '-') && p.i > start && (p.src[p.i-1] == 'e' || p.src[p.i-1] == 'E') && !strings.ContainsAny(p.src[start:p.i], "xX")) {
		p.i++
	}
	text := p.src[start:p.i]
	lower := strings.ToLower(text)
	neg := ""
	if len(sign) > 0 {
		neg = sign[0]
	}
	var fn string
	var args []py.Object
	switch {
	case strings.HasSuffix(lower, "j"):
		v, err := py.Call(p.f, py.Builtins.GetStr("float"), []py.Object{py.NewStr(neg + text[:len(text)-1])}, nil)
		if err != nil {
			panic(errNotLiteral{})
		}
		fn, args = "complex", []py.Object{py.NewFloat(0), v}
	case strings.ContainsAny(lower, ".e") && !strings.HasPrefix(lower, "0x"):
		fn, args = "float", []py.Object{py.NewStr(neg + text)}
	case strings.HasSuffix(lower, "l"):
		fn, args = "long", []py.Object{py.NewStr(neg + text[:len(text)-1]), py.NewInt(0)}
	default:
		fn, args = "int", []py.Object{py.NewStr(neg + text), py.NewInt(0)}
	}
	v, err := py.Call(p.f, py.Builtins.GetStr(fn), args, nil)
	if err != nil {
		panic(errNotLiteral{}) // not Python's number syntax: the general rule reports it
	}
	return newNode(p.f, "Num", py.NewStr("n"), v)
}

// strings reads adjacent string literals and concatenates them.
func (p *litParser) strings() (py.Object, *py.BaseException) {
	var acc py.Object
	for {
		c := p.peek()
		if !(c == '\'' || c == '"' || strings.IndexByte("uUbBrR", c) >= 0) {
			break
		}
		v, err := p.oneString()
		if err != nil {
			return nil, err
		}
		if acc == nil {
			acc = v
		} else if acc, err = py.Add(p.f, acc, v); err != nil {
			return nil, err
		}
	}
	return newNode(p.f, "Str", py.NewStr("s"), acc)
}

func (p *litParser) oneString() (py.Object, *py.BaseException) {
	uni, raw := false, false
	for p.i < len(p.src) && strings.IndexByte("uUbBrR", p.src[p.i]) >= 0 {
		switch p.src[p.i] {
		case 'u', 'U':
			uni = true
		case 'r', 'R':
			raw = true
		}
		p.i++
	}
	if p.i >= len(p.src) || (p.src[p.i] != '\'' && p.src[p.i] != '"') {
		panic(errNotLiteral{})
	}
	q := p.src[p.i : p.i+1]
	if strings.HasPrefix(p.src[p.i:], q+q+q) {
		q = q + q + q
	}
	p.i += len(q)
	start := p.i
	for {
		if p.i >= len(p.src) {
			panic(errNotLiteral{})
		}
		if p.src[p.i] == '\\' {
			p.i += 2
			continue
		}
		if len(q) == 1 && p.src[p.i] == '\n' {
			panic(errNotLiteral{})
		}
		if strings.HasPrefix(p.src[p.i:], q) {
			break
		}
		p.i++
	}
	body := p.src[start:p.i]
	p.i += len(q)
	codec := ""
	switch {
	case uni && raw:
		codec = "raw_unicode_escape"
	case uni:
		codec = "unicode_escape"
	case !raw:
		codec = "string_escape"
	}
	if codec == "" {
		return py.NewStr(body), nil
	}
	v, err := py.CallMethod(p.f, py.NewStr(body), "decode", []py.Object{py.NewStr(codec)}, nil)
	if err != nil {
		panic(errNotLiteral{})
	}
	return v, nil
}
