package py

import (
	"bufio"
	"math"
	"math/big"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// litParser reads the Python reprs written by testdata/gen_values.py.
type litParser struct {
	s string
	i int
}

func parseLit(t *testing.T, s string) Object {
	t.Helper()
	p := &litParser{s: s}
	v := p.value()
	if p.i != len(p.s) {
		t.Fatalf("trailing input in literal %q at %d", s, p.i)
	}
	return v
}

func (p *litParser) ws() {
	for p.i < len(p.s) && p.s[p.i] == ' ' {
		p.i++
	}
}

func (p *litParser) value() Object {
	p.ws()
	s := p.s[p.i:]
	switch {
	case strings.HasPrefix(s, "None"):
		p.i += 4
		return None
	case strings.HasPrefix(s, "True"):
		p.i += 4
		return True
	case strings.HasPrefix(s, "False"):
		p.i += 5
		return False
	case strings.HasPrefix(s, "inf"):
		p.i += 3
		return NewFloat(math.Inf(1))
	case strings.HasPrefix(s, "-inf"):
		p.i += 4
		return NewFloat(math.Inf(-1))
	case strings.HasPrefix(s, "nan"):
		p.i += 3
		return NewFloat(math.NaN())
	case s[0] == '(':
		items := p.seq(')')
		return NewTuple(items...)
	case s[0] == '[':
		return NewList(p.seq(']')...)
	case s[0] == '{':
		p.i++
		d := NewDict()
		for {
			p.ws()
			if p.s[p.i] == '}' {
				p.i++
				return d
			}
			k := p.value()
			p.ws()
			p.i++ // ':'
			v := p.value()
			_ = d.SetItem(nil, k, v)
			p.ws()
			if p.s[p.i] == ',' {
				p.i++
			}
		}
	case s[0] == '\'' || s[0] == '"':
		return NewStr(string(p.quoted()))
	case s[0] == 'u':
		p.i++
		b := p.quoted()
		r, _ := unicodeEscapeDecode(string(b), false)
		return NewUnicodeRunes(r)
	}
	j := p.i
	for j < len(p.s) && strings.IndexByte("0123456789+-.eEL", p.s[j]) >= 0 {
		j++
	}
	tok := p.s[p.i:j]
	p.i = j
	if strings.HasSuffix(tok, "L") {
		v, _ := new(big.Int).SetString(tok[:len(tok)-1], 10)
		return NewLong(v)
	}
	if strings.ContainsAny(tok, ".eE") {
		v, err := strconv.ParseFloat(tok, 64)
		if err != nil {
			panic("bad float literal " + tok)
		}
		return NewFloat(v)
	}
	v, ok := new(big.Int).SetString(tok, 10)
	if !ok {
		panic("bad literal " + p.s)
	}
	if v.IsInt64() {
		return NewInt(v.Int64())
	}
	return NewLong(v)
}

func (p *litParser) seq(end byte) []Object {
	p.i++
	var out []Object
	for {
		p.ws()
		if p.s[p.i] == end {
			p.i++
			return out
		}
		out = append(out, p.value())
		p.ws()
		if p.s[p.i] == ',' {
			p.i++
		}
	}
}

// quoted decodes a repr'd string body; unicode reprs keep escapes for
// the caller (returned raw with \u escapes intact).
func (p *litParser) quoted() []byte {
	q := p.s[p.i]
	p.i++
	var b []byte
	for p.s[p.i] != q {
		c := p.s[p.i]
		if c == '\\' {
			n := p.s[p.i+1]
			switch n {
			case 'n':
				b = append(b, '\n')
			case 't':
				b = append(b, '\t')
			case 'r':
				b = append(b, '\r')
			case '\\', '\'', '"':
				b = append(b, n)
			case 'x':
				v, _ := strconv.ParseUint(p.s[p.i+2:p.i+4], 16, 8)
				b = append(b, byte(v))
				p.i += 2
			case 'u', 'U':
				// keep for unicode decoding
				b = append(b, '\\', n)
			}
			p.i += 2
			continue
		}
		b = append(b, c)
		p.i++
	}
	p.i++
	return b
}

func resultRepr(v Object, err *BaseException) string {
	if err != nil {
		msg, _ := ToStr(nil, err)
		return "!" + err.typ.name + ": " + msg.s
	}
	r, rerr := Repr(nil, v)
	if rerr != nil {
		return "!repr failed: " + rerr.Error()
	}
	return r.s
}

func evalBinop(op string, a, b Object) (Object, *BaseException) {
	f := (*Frame)(nil)
	switch op {
	case "+":
		return Add(f, a, b)
	case "-":
		return Sub(f, a, b)
	case "*":
		return Mul(f, a, b)
	case "/":
		return Div(f, a, b)
	case "//":
		return FloorDiv(f, a, b)
	case "%":
		return Mod(f, a, b)
	case "**":
		return Pow(f, a, b)
	case "<<":
		return LShift(f, a, b)
	case ">>":
		return RShift(f, a, b)
	case "&":
		return And(f, a, b)
	case "|":
		return Or(f, a, b)
	case "^":
		return Xor(f, a, b)
	case "divmod":
		return Divmod(f, a, b)
	case "truediv":
		return TrueDiv(f, a, b)
	}
	panic("unknown op " + op)
}

func TestValuesAgainstCPython(t *testing.T) {
	fh, err := os.Open("testdata/values.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	counts := map[string]int{}
	fails := map[string]int{}
	line := 0
	for sc.Scan() {
		line++
		fields := strings.Split(sc.Text(), "\t")
		kind := fields[0]
		counts[kind]++
		var got, want string
		switch kind {
		case "repr":
			r, err := Repr(nil, parseLit(t, fields[1]))
			got, want = resultRepr(r, err), fields[2]
		case "str":
			s, err := ToStr(nil, parseLit(t, fields[1]))
			got, want = resultRepr(s, err), fields[2]
		case "hash":
			v := parseLit(t, fields[1])
			if l, ok := v.(*List); ok {
				fs := &Set{frozen: true}
				for _, e := range l.elems {
					_ = fs.Add(nil, e)
				}
				v = fs
			}
			h, err := Hash(nil, v)
			got, want = resultRepr(NewInt(h), err), fields[2]
		case "binop":
			op := parseLit(t, fields[1]).(*Str).s
			r, err := evalBinop(op, parseLit(t, fields[2]), parseLit(t, fields[3]))
			got, want = resultRepr(r, err), fields[4]
		case "cmp":
			a, b := parseLit(t, fields[1]), parseLit(t, fields[2])
			var rs []Object
			for _, op := range []CmpOp{LT, LE, EQ, NE, GT, GE} {
				r, err := Compare(nil, op, a, b)
				if err != nil {
					rs = append(rs, NewStr(err.Error()))
					continue
				}
				rs = append(rs, r)
			}
			got, want = resultRepr(NewList(rs...), nil), fields[3]
		case "pct":
			r, err := Mod(nil, parseLit(t, fields[1]), parseLit(t, fields[2]))
			got, want = resultRepr(r, err), fields[3]
		case "fmt":
			r, err := Format(nil, parseLit(t, fields[1]), parseLit(t, fields[2]))
			got, want = resultRepr(r, err), fields[3]
		case "dictops", "setops":
			ops := parseLit(t, fields[1]).(*List)
			d := NewDict()
			s := NewSet()
			for _, o := range ops.elems {
				op := o.(*Tuple).elems
				k := op[1]
				if op[0].(*Str).s == "s" {
					n, _ := d.Len(nil)
					_ = d.SetItem(nil, k, NewInt(int64(n)))
					_ = s.Add(nil, k)
				} else {
					h, _ := Hash(nil, k)
					d.ht.mu.Lock()
					d.ht.del(nil, k, h)
					d.ht.mu.Unlock()
					s.ht.mu.Lock()
					s.ht.del(nil, k, h)
					s.ht.mu.Unlock()
				}
			}
			if kind == "dictops" {
				got = resultRepr(d, nil)
			} else {
				got = resultRepr(s, nil)
			}
			want = fields[2]
		case "dictlit":
			l := parseLit(t, fields[1]).(*List)
			d := NewDict()
			for _, k := range l.elems {
				_ = d.SetItem(nil, k, NewInt(0))
			}
			fk, err := CallMethod(nil, DictType, "fromkeys", []Object{l}, nil)
			got = resultRepr(d, nil) + "|" + resultRepr(fk, err)
			want = fields[2] + "|" + fields[3]
		case "setlit":
			l := parseLit(t, fields[1])
			s, err1 := Call(nil, SetType, []Object{l}, nil)
			fs, err2 := Call(nil, FrozenSetType, []Object{l}, nil)
			got = resultRepr(s, err1) + "|" + resultRepr(fs, err2)
			want = fields[2] + "|" + fields[3]
		case "setalg":
			a, b := parseLit(t, fields[1]), parseLit(t, fields[2])
			sa := must(t)(Call1(nil, SetType, a))
			sb := must(t)(Call1(nil, SetType, b))
			fa := must(t)(Call1(nil, FrozenSetType, a))
			res := []Object{must(t)(Or(nil, sa, sb)), must(t)(And(nil, sa, sb)), must(t)(Sub(nil, sa, sb)), must(t)(Xor(nil, sa, sb)),
				must(t)(CallMethod(nil, sa, "union", []Object{b}, nil)), must(t)(CallMethod(nil, sa, "intersection", []Object{b}, nil)),
				must(t)(CallMethod(nil, sa, "difference", []Object{b}, nil)), must(t)(CallMethod(nil, sa, "symmetric_difference", []Object{b}, nil)),
				must(t)(Or(nil, fa, sb))}
			got, want = resultRepr(NewList(res...), nil), fields[3]
		case "dictalg":
			a, b := parseLit(t, fields[1]).(*List), parseLit(t, fields[2]).(*List)
			d := NewDict()
			for i, k := range a.elems {
				_ = d.SetItem(nil, k, NewInt(int64(i)))
			}
			d2 := d.Copy(nil)
			upd := NewDict()
			for i, k := range b.elems {
				_ = upd.SetItem(nil, k, NewInt(int64(-i)))
			}
			must(t)(CallMethod(nil, d2, "update", []Object{upd}, nil))
			items := must(t)(CallMethod(nil, d, "items", nil, nil))
			res := []Object{d2, must(t)(Call1(nil, DictType, d)), must(t)(CallMethod(nil, d, "keys", nil, nil)),
				must(t)(Call1(nil, SetType, d)), must(t)(GetSlice(nil, items, nil, NewInt(3)))}
			got, want = resultRepr(NewList(res...), nil), fields[3]
		case "sorted":
			r, err := Call(nil, Builtins.getStr("sorted"), []Object{parseLit(t, fields[1])}, nil)
			got, want = resultRepr(r, err), fields[2]
		case "round":
			r, err := Call(nil, Builtins.getStr("round"), []Object{parseLit(t, fields[1]), parseLit(t, fields[2])}, nil)
			got, want = resultRepr(r, err), fields[3]
		case "int", "float", "long":
			r, err := Call(nil, Builtins.getStr(kind), []Object{parseLit(t, fields[1])}, nil)
			got, want = resultRepr(r, err), fields[2]
		case "hexoct":
			v := parseLit(t, fields[1])
			var rs []Object
			for _, n := range []string{"hex", "oct", "bin"} {
				r, _ := Call(nil, Builtins.getStr(n), []Object{v}, nil)
				rs = append(rs, r)
			}
			got, want = resultRepr(NewList(rs...), nil), fields[2]
		default:
			t.Fatalf("line %d: unknown kind %q", line, kind)
		}
		if got != want {
			fails[kind]++
			if fails[kind] <= 5 {
				t.Errorf("line %d %s %v:\n got: %s\nwant: %s", line, kind, fields[1:len(fields)-1], got, want)
			}
		}
	}
	for k, n := range fails {
		t.Errorf("%s: %d of %d cases differ from CPython", k, n, counts[k])
	}
	if len(counts) == 0 {
		t.Fatal("no cases read")
	}
}

// TestConcatStrShortAndLong checks concatenation across the inline-buffer
// sizes, with a collection in between so a wrongly kept buffer would show.
func TestConcatStrShortAndLong(t *testing.T) {
	var got []*Str
	var want []string
	for n := 0; n <= 40; n++ {
		a := strings.Repeat("a", n/2)
		b := strings.Repeat("b", n-n/2)
		got = append(got, concatStr(a, b))
		want = append(want, a+b)
	}
	runtime.GC()
	for i, s := range got {
		if s.s != want[i] || s.hash() != strHash(want[i]) {
			t.Fatalf("concat %d: got %q", i, s.s)
		}
	}
	if concatStr("", "x") != charStrs['x'] || concatStr("", "") != emptyStr {
		t.Error("length 0 and 1 results are the shared strs")
	}
}
