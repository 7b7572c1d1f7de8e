// Package sre is CPython 2.7's _sre module: the regular expression engine
// that the pure re.py / sre_compile.py / sre_parse.py compile to. It runs
// 2.7's SRE bytecode (MAGIC 20031017, 32-bit code words) with SRE's own
// backtracking structure, so match positions, group values, lastindex
// and the empty-match rules of sub/split/findall are CPython's.
//
// Members:
//
//	compile(pattern, flags, code, groups=0, groupindex={}, indexgroup=None)
//	getcodesize() getlower(ch, flags)
//	MAGIC CODESIZE MAXREPEAT copyright
//
// Pattern objects (_sre.SRE_Pattern): match search findall finditer sub
// subn split scanner, attributes pattern flags groups groupindex.
// Match objects (_sre.SRE_Match): group groups groupdict start end span
// expand, attributes string re pos endpos lastindex lastgroup regs.
// Scanner objects (_sre.SRE_Scanner): match search, attribute pattern.
//
// Subjects are str, unicode or bytearray; str is matched byte by byte.
// UNICODE-flag classes use Go's unicode tables (Unicode 15), which can
// differ from CPython 2.7's Unicode 5.2 database for recent characters.
// LOCALE behaves as the C locale.
package sre

import (
	"math/big"
	"sync"

	"github.com/grumpy-audit/grumpy-audit/runtime-go/modules/internal/native"
	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

var patternType, matchType, scannerType *py.Type

func init() {
	patternType = native.NewType(native.TypeSpec{Name: "SRE_Pattern", Module: "_sre",
		Methods: map[string]native.Method{
			"match":        patMatch(false),
			"search":       patMatch(true),
			"findall":      findall,
			"finditer":     finditer,
			"scanner":      scanner,
			"sub":          sub(false),
			"subn":         sub(true),
			"split":        split,
			"__copy__":     cannotCopy("pattern"),
			"__deepcopy__": cannotCopy("pattern"),
		},
		Getters: map[string]func(f *py.Frame, s py.Object) (py.Object, *py.BaseException){
			"pattern": func(f *py.Frame, s py.Object) (py.Object, *py.BaseException) { return s.(*pattern).source, nil },
			"flags": func(f *py.Frame, s py.Object) (py.Object, *py.BaseException) {
				return py.NewInt(int64(s.(*pattern).flags)), nil
			},
			"groups": func(f *py.Frame, s py.Object) (py.Object, *py.BaseException) {
				return py.NewInt(int64(s.(*pattern).groups)), nil
			},
			"groupindex": func(f *py.Frame, s py.Object) (py.Object, *py.BaseException) { return s.(*pattern).groupindex, nil },
		},
	})
	matchType = native.NewType(native.TypeSpec{Name: "SRE_Match", Module: "_sre",
		Methods: map[string]native.Method{
			"group":        mGroup,
			"groups":       mGroups,
			"groupdict":    mGroupdict,
			"start":        mPos("start", 0),
			"end":          mPos("end", 1),
			"span":         mPos("span", 2),
			"expand":       mExpand,
			"__copy__":     cannotCopy("match"),
			"__deepcopy__": cannotCopy("match"),
		},
		Getters: map[string]func(f *py.Frame, s py.Object) (py.Object, *py.BaseException){
			"string": func(f *py.Frame, s py.Object) (py.Object, *py.BaseException) { return s.(*match).string, nil },
			"re":     func(f *py.Frame, s py.Object) (py.Object, *py.BaseException) { return s.(*match).pat, nil },
			"pos": func(f *py.Frame, s py.Object) (py.Object, *py.BaseException) {
				return py.NewInt(int64(s.(*match).pos)), nil
			},
			"endpos": func(f *py.Frame, s py.Object) (py.Object, *py.BaseException) {
				return py.NewInt(int64(s.(*match).endpos)), nil
			},
			"lastindex": func(f *py.Frame, s py.Object) (py.Object, *py.BaseException) {
				if m := s.(*match); m.lastindex >= 0 {
					return py.NewInt(int64(m.lastindex)), nil
				}
				return py.None, nil
			},
			"lastgroup": mLastgroup,
			"regs": func(f *py.Frame, s py.Object) (py.Object, *py.BaseException) {
				m := s.(*match)
				regs := make([]py.Object, len(m.spans)/2)
				for i := range regs {
					regs[i] = py.NewTuple(py.NewInt(int64(m.spans[2*i])), py.NewInt(int64(m.spans[2*i+1])))
				}
				return py.NewTuple(regs...), nil
			},
		},
	})
	scannerType = native.NewType(native.TypeSpec{Name: "SRE_Scanner", Module: "_sre",
		Methods: map[string]native.Method{
			"match":  scanStep(false),
			"search": scanStep(true),
		},
		Getters: map[string]func(f *py.Frame, s py.Object) (py.Object, *py.BaseException){
			"pattern": func(f *py.Frame, s py.Object) (py.Object, *py.BaseException) { return s.(*scan).pat, nil },
		},
	})
	native.Register("_sre", "", func() []native.Member {
		return []native.Member{
			native.F("compile", compile),
			native.F("getcodesize", getcodesize),
			native.F("getlower", getlower),
			native.V("MAGIC", py.NewInt(20031017)),
			native.V("CODESIZE", py.NewInt(4)),
			native.V("MAXREPEAT", py.NewLong(big.NewInt(maxRepeat))),
			native.V("copyright", py.NewStr(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB ")),
		}
	})
}

func cannotCopy(what string) native.Method {
	return func(f *py.Frame, s py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		return nil, py.NewTypeError("cannot copy this " + what + " object")
	}
}

func getcodesize(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.NoArgs("getcodesize", args, kw); err != nil {
		return nil, err
	}
	return py.NewInt(4), nil
}

func getlower(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	out := make([]py.Object, 2)
	if err := native.ParseTuple("getlower", args, []string{"character", "flags"}, 2, out); err != nil {
		return nil, err
	}
	if err := native.NoKwArgs("getlower", kw); err != nil {
		return nil, err
	}
	ch, err := native.Int(f, out[0])
	if err != nil {
		return nil, err
	}
	flags, err := native.Int(f, out[1])
	if err != nil {
		return nil, err
	}
	return py.NewInt(int64(lowerFor(flags)(rune(ch)))), nil
}

type pattern struct {
	source     py.Object
	flags      int
	code       []uint32
	groups     int
	groupindex py.Object
	indexgroup py.Object
}

func (p *pattern) Type() *py.Type { return patternType }

func compile(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	out := make([]py.Object, 6)
	if err := native.ParseTuple("compile", args, []string{"pattern", "flags", "code", "groups", "groupindex", "indexgroup"}, 3, out); err != nil {
		return nil, err
	}
	if err := native.NoKwArgs("compile", kw); err != nil {
		return nil, err
	}
	flags, err := native.Int(f, out[1])
	if err != nil {
		return nil, err
	}
	lst, ok := out[2].(*py.List)
	if !ok {
		return nil, py.NewTypeError("compile() argument 3 must be list, not " + out[2].Type().Name())
	}
	items := lst.Snapshot()
	code := make([]uint32, len(items))
	for i, it := range items {
		b, ok := native.Big(f, it)
		if !ok {
			return nil, py.NewTypeError("an integer is required")
		}
		if b.Sign() < 0 || b.BitLen() > 32 {
			return nil, py.NewOverflowError("regular expression code size limit exceeded")
		}
		code[i] = uint32(b.Uint64())
	}
	p := &pattern{source: out[0], flags: flags, code: code, groupindex: out[4], indexgroup: out[5]}
	if out[3] != nil {
		if p.groups, err = native.Int(f, out[3]); err != nil {
			return nil, err
		}
	}
	if p.groupindex == nil {
		p.groupindex = py.NewDict()
	}
	if p.indexgroup == nil {
		p.indexgroup = py.None
	}
	return p, nil
}

// subject is the string being matched, as code points, and a way to
// slice the original back into its own type.
type subject struct {
	obj     py.Object
	runes   []rune
	unicode bool
}

func getSubject(f *py.Frame, o py.Object) (*subject, *py.BaseException) {
	switch v := py.BaseOf(o).(type) {
	case *py.Str:
		s := v.Value()
		r := make([]rune, len(s))
		for i := 0; i < len(s); i++ {
			r[i] = rune(s[i])
		}
		return &subject{obj: o, runes: r}, nil
	case *py.Unicode:
		return &subject{obj: o, runes: v.Runes(), unicode: true}, nil
	case *py.ByteArray:
		so, err := py.ToStr(f, v)
		if err != nil {
			return nil, err
		}
		s := so.Value()
		r := make([]rune, len(s))
		for i := 0; i < len(s); i++ {
			r[i] = rune(s[i])
		}
		return &subject{obj: o, runes: r}, nil
	}
	return nil, py.NewTypeError("expected string or buffer")
}

// slice is PySequence_GetSlice(string, i, j).
func (s *subject) slice(f *py.Frame, i, j int) (py.Object, *py.BaseException) {
	if str, ok := s.obj.(*py.Str); ok {
		return py.NewStr(str.Value()[i:j]), nil
	}
	if u, ok := s.obj.(*py.Unicode); ok {
		return py.NewUnicodeRunes(append([]rune(nil), u.Runes()[i:j]...)), nil
	}
	return py.GetSlice(f, s.obj, py.NewInt(int64(i)), py.NewInt(int64(j)))
}

func (s *subject) empty(f *py.Frame) (py.Object, *py.BaseException) { return s.slice(f, 0, 0) }

// posArgs parses (string, pos=0, endpos=maxint) with the method's name.
func posArgs(f *py.Frame, name string, args []py.Object, kw py.Kwargs, first string) (*subject, int, int, *py.BaseException) {
	out := make([]py.Object, 3)
	if err := native.ParseKw(name, args, kw, []string{first, "pos", "endpos"}, 1, out); err != nil {
		return nil, 0, 0, err
	}
	subj, err := getSubject(f, out[0])
	if err != nil {
		return nil, 0, 0, err
	}
	pos, endpos := 0, len(subj.runes)
	if out[1] != nil {
		if pos, err = native.Int(f, out[1]); err != nil {
			return nil, 0, 0, err
		}
	}
	if out[2] != nil {
		if endpos, err = native.Int(f, out[2]); err != nil {
			return nil, 0, 0, err
		}
	}
	return subj, pos, endpos, nil
}

func invalidCode() *py.BaseException {
	return py.NewRuntimeError("internal error in regular expression engine")
}

func patMatch(search bool) native.Method {
	name := "match"
	if search {
		name = "search"
	}
	return func(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		p := self.(*pattern)
		subj, pos, endpos, err := posArgs(f, name, args, kw, "string")
		if err != nil {
			return nil, err
		}
		st := newState(p.code, subj.runes, pos, endpos, p.flags)
		var ok bool
		if search {
			ok = st.search()
		} else {
			ok = st.matchAt()
		}
		if st.invalid {
			return nil, invalidCode()
		}
		if !ok {
			return py.None, nil
		}
		return newMatch(p, subj, st), nil
	}
}

type match struct {
	pat         *pattern
	subj        *subject
	string      py.Object
	pos, endpos int
	spans       []int // 2 per group, group 0 first; -1 unset
	lastindex   int
}

func (m *match) Type() *py.Type { return matchType }

func newMatch(p *pattern, subj *subject, st *state) *match {
	m := &match{pat: p, subj: subj, string: subj.obj, pos: st.pos, endpos: st.end, lastindex: st.lastindex}
	m.spans = make([]int, 2*(p.groups+1))
	m.spans[0], m.spans[1] = st.start, st.ptr
	for g := 1; g <= p.groups; g++ {
		j := 2 * (g - 1)
		if j+1 <= st.lastmark && st.mark(j) >= 0 && st.mark(j+1) >= 0 {
			m.spans[2*g], m.spans[2*g+1] = st.mark(j), st.mark(j+1)
		} else {
			m.spans[2*g], m.spans[2*g+1] = -1, -1
		}
	}
	return m
}

// index is match_getindex: an int, or a name looked up in groupindex.
func (m *match) index(f *py.Frame, o py.Object) (int, *py.BaseException) {
	i := -1
	switch v := o.(type) {
	case *py.Int:
		i = int(v.Value())
	case *py.Long:
		if v.Big().IsInt64() {
			i = int(v.Big().Int64())
		}
	default:
		if gi, err := py.GetItem(f, m.pat.groupindex, o); err == nil {
			if n, ok := gi.(*py.Int); ok {
				i = int(n.Value())
			}
		}
	}
	if i < 0 || i > m.pat.groups {
		return 0, py.NewIndexError("no such group")
	}
	return i, nil
}

func (m *match) group(f *py.Frame, i int, def py.Object) (py.Object, *py.BaseException) {
	a, b := m.spans[2*i], m.spans[2*i+1]
	if a < 0 || b < 0 {
		return def, nil
	}
	if b < a { // SRE can record an end before the start in odd patterns
		return m.subj.empty(f)
	}
	return m.subj.slice(f, a, b)
}

func mGroup(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := native.NoKwArgs("group", kw); err != nil {
		return nil, err
	}
	m := self.(*match)
	if len(args) == 0 {
		return m.group(f, 0, py.None)
	}
	out := make([]py.Object, len(args))
	for k, a := range args {
		i, err := m.index(f, a)
		if err != nil {
			return nil, err
		}
		if out[k], err = m.group(f, i, py.None); err != nil {
			return nil, err
		}
	}
	if len(out) == 1 {
		return out[0], nil
	}
	return py.NewTuple(out...), nil
}

func mGroups(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	out := make([]py.Object, 1)
	if err := py.ParseArgs("groups", args, kw, []string{"default"}, 0, out); err != nil {
		return nil, err
	}
	def := out[0]
	if def == nil {
		def = py.None
	}
	m := self.(*match)
	items := make([]py.Object, m.pat.groups)
	for i := range items {
		var err *py.BaseException
		if items[i], err = m.group(f, i+1, def); err != nil {
			return nil, err
		}
	}
	return py.NewTuple(items...), nil
}

func mGroupdict(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	out := make([]py.Object, 1)
	if err := py.ParseArgs("groupdict", args, kw, []string{"default"}, 0, out); err != nil {
		return nil, err
	}
	def := out[0]
	if def == nil {
		def = py.None
	}
	m := self.(*match)
	d := py.NewDict()
	keys, err := py.CallMethod(f, m.pat.groupindex, "keys", nil, nil)
	if err != nil {
		return nil, err
	}
	ks, err := py.ToSlice(f, keys)
	if err != nil {
		return nil, err
	}
	for _, k := range ks {
		i, err := m.index(f, k)
		if err != nil {
			return nil, err
		}
		v, err := m.group(f, i, def)
		if err != nil {
			return nil, err
		}
		if err := d.SetItem(f, k, v); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// mPos makes start (which 0), end (1) and span (2).
func mPos(name string, which int) native.Method {
	return func(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		if err := py.UnpackArgs(name, args, kw, 0, 1); err != nil {
			return nil, err
		}
		m := self.(*match)
		i := 0
		if len(args) == 1 {
			var err *py.BaseException
			if i, err = m.index(f, args[0]); err != nil {
				return nil, err
			}
		}
		a, b := m.spans[2*i], m.spans[2*i+1]
		switch which {
		case 0:
			return py.NewInt(int64(a)), nil
		case 1:
			return py.NewInt(int64(b)), nil
		}
		return py.NewTuple(py.NewInt(int64(a)), py.NewInt(int64(b))), nil
	}
}

func mLastgroup(f *py.Frame, self py.Object) (py.Object, *py.BaseException) {
	m := self.(*match)
	if m.pat.indexgroup == py.None || m.lastindex < 0 {
		return py.None, nil
	}
	v, err := py.GetItem(f, m.pat.indexgroup, py.NewInt(int64(m.lastindex)))
	if err != nil {
		return py.None, nil
	}
	return v, nil
}

// mExpand calls re._expand(pattern, match, template), as CPython does.
func mExpand(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.OneArg("expand", args, kw); err != nil {
		return nil, err
	}
	m := self.(*match)
	re, err := py.ImportModule(f, "re")
	if err != nil {
		return nil, err
	}
	fn, err := py.GetAttr(f, re, "_expand")
	if err != nil {
		return nil, err
	}
	return py.Call3(f, fn, m.pat, m, args[0])
}

// ---- findall, finditer, scanner ----

func findall(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	p := self.(*pattern)
	subj, pos, endpos, err := posArgs(f, "findall", args, kw, "source")
	if err != nil {
		return nil, err
	}
	st := newState(p.code, subj.runes, pos, endpos, p.flags)
	var out []py.Object
	for st.start <= st.end {
		st.reset()
		st.ptr = st.start
		if !st.search() {
			if st.invalid {
				return nil, invalidCode()
			}
			break
		}
		var item py.Object
		switch p.groups {
		case 0:
			if item, err = subj.slice(f, st.start, st.ptr); err != nil {
				return nil, err
			}
		case 1:
			if item, err = stateSlice(f, st, subj, 1, true); err != nil {
				return nil, err
			}
		default:
			items := make([]py.Object, p.groups)
			for g := range items {
				if items[g], err = stateSlice(f, st, subj, g+1, true); err != nil {
					return nil, err
				}
			}
			item = py.NewTuple(items...)
		}
		out = append(out, item)
		if st.ptr == st.start {
			st.start = st.ptr + 1
		} else {
			st.start = st.ptr
		}
	}
	return py.NewList(out...), nil
}

// stateSlice is state_getslice: group g of the current state, or ” /
// None when unset.
func stateSlice(f *py.Frame, st *state, subj *subject, g int, empty bool) (py.Object, *py.BaseException) {
	i := (g - 1) * 2
	if i >= st.lastmark || st.mark(i) < 0 || st.mark(i+1) < 0 {
		if empty {
			return subj.empty(f)
		}
		return py.None, nil
	}
	a, b := st.mark(i), st.mark(i+1)
	if b < a {
		return subj.empty(f)
	}
	return subj.slice(f, a, b)
}

type scan struct {
	mu   sync.Mutex // one search at a time, as under the GIL
	pat  *pattern
	subj *subject
	st   *state
}

func (s *scan) Type() *py.Type { return scannerType }

func newScan(f *py.Frame, self py.Object, name string, args []py.Object, kw py.Kwargs) (*scan, *py.BaseException) {
	p := self.(*pattern)
	subj, pos, endpos, err := posArgs(f, name, args, kw, "source")
	if err != nil {
		return nil, err
	}
	return &scan{pat: p, subj: subj, st: newState(p.code, subj.runes, pos, endpos, p.flags)}, nil
}

func scanner(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	return newScan(f, self, "scanner", args, kw)
}

func (s *scan) step(search bool) (py.Object, *py.BaseException) {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.st
	st.reset()
	st.ptr = st.start
	var ok bool
	if search {
		ok = st.search()
	} else {
		ok = st.matchAt()
	}
	if st.invalid {
		return nil, invalidCode()
	}
	var m py.Object = py.None
	if ok {
		m = newMatch(s.pat, s.subj, st)
	}
	if !ok || st.ptr == st.start {
		st.start = st.ptr + 1
	} else {
		st.start = st.ptr
	}
	return m, nil
}

func scanStep(search bool) native.Method {
	return func(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		name := "match"
		if search {
			name = "search"
		}
		if err := py.NoArgs(name, args, kw); err != nil {
			return nil, err
		}
		return self.(*scan).step(search)
	}
}

// finditer is iter(scanner.search, None); its items are match objects.
type findIter struct {
	s    *scan
	done bool
}

var findIterType = native.NewType(native.TypeSpec{Name: "callable-iterator",
	Methods: map[string]native.Method{"__iter__": native.SelfIter, "next": native.NextMethod}})

func (it *findIter) Type() *py.Type                                  { return findIterType }
func (it *findIter) Iter(f *py.Frame) (py.Object, *py.BaseException) { return it, nil }

func (it *findIter) Next(f *py.Frame) (py.Object, *py.BaseException) {
	if it.done {
		return nil, nil
	}
	m, err := it.s.step(true)
	if err != nil {
		return nil, err
	}
	if m == py.None {
		it.done = true
		return nil, nil
	}
	return m, nil
}

func finditer(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	s, err := newScan(f, self, "finditer", args, kw)
	if err != nil {
		return nil, err
	}
	return &findIter{s: s}, nil
}

// ---- sub, subn, split ----

func sub(withCount bool) native.Method {
	name := "sub"
	if withCount {
		name = "subn"
	}
	return func(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		p := self.(*pattern)
		out := make([]py.Object, 3)
		if err := py.ParseArgs(name, args, kw, []string{"repl", "string", "count"}, 2, out); err != nil {
			return nil, err
		}
		count := 0
		if out[2] != nil {
			var err *py.BaseException
			if count, err = native.Int(f, out[2]); err != nil {
				return nil, err
			}
		}
		subj, err := getSubject(f, out[1])
		if err != nil {
			return nil, err
		}
		repl := out[0]
		filter := repl
		callable := false
		switch r := repl.(type) {
		case *py.Str:
			if !containsBackslash(r.Value()) {
				break
			}
			if filter, err = subx(f, p, repl); err != nil {
				return nil, err
			}
			callable = py.IsCallable(filter)
		case *py.Unicode:
			if !containsBackslash(string(r.Runes())) {
				break
			}
			if filter, err = subx(f, p, repl); err != nil {
				return nil, err
			}
			callable = py.IsCallable(filter)
		default:
			callable = true
		}
		st := newState(p.code, subj.runes, 0, len(subj.runes), p.flags)
		var pieces []py.Object
		n, i := 0, 0
		for count == 0 || n < count {
			st.reset()
			st.ptr = st.start
			if !st.search() {
				if st.invalid {
					return nil, invalidCode()
				}
				break
			}
			b, e := st.start, st.ptr
			skip := false
			if i < b {
				piece, err := subj.slice(f, i, b)
				if err != nil {
					return nil, err
				}
				pieces = append(pieces, piece)
			} else if i == b && i == e && n > 0 {
				skip = true // an empty match right after the previous one
			}
			if !skip {
				item := filter
				if callable {
					if item, err = py.Call1(f, filter, newMatch(p, subj, st)); err != nil {
						return nil, err
					}
				}
				if item != py.None {
					pieces = append(pieces, item)
				}
				i = e
				n++
			}
			if st.ptr == st.start {
				st.start = st.ptr + 1
			} else {
				st.start = st.ptr
			}
		}
		if i < st.end {
			piece, err := subj.slice(f, i, st.end)
			if err != nil {
				return nil, err
			}
			pieces = append(pieces, piece)
		}
		joined, err := join(f, subj, pieces)
		if err != nil {
			return nil, err
		}
		if withCount {
			return py.NewTuple(joined, py.NewInt(int64(n))), nil
		}
		return joined, nil
	}
}

func containsBackslash(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' {
			return true
		}
	}
	return false
}

// subx asks re._subx(pattern, template) for a string or a callable.
func subx(f *py.Frame, p *pattern, template py.Object) (py.Object, *py.BaseException) {
	re, err := py.ImportModule(f, "re")
	if err != nil {
		return nil, err
	}
	fn, err := py.GetAttr(f, re, "_subx")
	if err != nil {
		return nil, err
	}
	return py.Call2(f, fn, p, template)
}

// join is join_list: the pieces joined by an empty string of the
// subject's type (str.join promotes to unicode as needed).
func join(f *py.Frame, subj *subject, pieces []py.Object) (py.Object, *py.BaseException) {
	sep, err := subj.empty(f)
	if err != nil {
		return nil, err
	}
	if len(pieces) == 0 {
		return sep, nil
	}
	return py.CallMethod(f, sep, "join", []py.Object{py.NewList(pieces...)}, nil)
}

func split(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	p := self.(*pattern)
	out := make([]py.Object, 2)
	if err := py.ParseArgs("split", args, kw, []string{"source", "maxsplit"}, 1, out); err != nil {
		return nil, err
	}
	maxsplit := 0
	if out[1] != nil {
		var err *py.BaseException
		if maxsplit, err = native.Int(f, out[1]); err != nil {
			return nil, err
		}
	}
	subj, err := getSubject(f, out[0])
	if err != nil {
		return nil, err
	}
	st := newState(p.code, subj.runes, 0, len(subj.runes), p.flags)
	var pieces []py.Object
	n := 0
	last := st.start
	for maxsplit == 0 || n < maxsplit {
		st.reset()
		st.ptr = st.start
		if !st.search() {
			if st.invalid {
				return nil, invalidCode()
			}
			break
		}
		if st.start == st.ptr {
			if last == st.end {
				break
			}
			st.start = st.ptr + 1 // skip one character
			continue
		}
		piece, err := subj.slice(f, last, st.start)
		if err != nil {
			return nil, err
		}
		pieces = append(pieces, piece)
		for g := 1; g <= p.groups; g++ {
			item, err := stateSlice(f, st, subj, g, false)
			if err != nil {
				return nil, err
			}
			pieces = append(pieces, item)
		}
		n++
		last, st.start = st.ptr, st.ptr
	}
	piece, err := subj.slice(f, last, st.end)
	if err != nil {
		return nil, err
	}
	pieces = append(pieces, piece)
	return py.NewList(pieces...), nil
}

var (
	_ py.Iterator = (*findIter)(nil)
)
