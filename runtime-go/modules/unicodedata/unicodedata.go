// Package unicodedata is CPython 2.7's unicodedata module with its Unicode
// 5.2.0 database, generated from CPython 2.7 by gen_table.py (table.go),
// so categories and decompositions are 2.7's, not Go's newer Unicode.
//
// Members:
//
//	category bidirectional east_asian_width combining mirrored
//	decomposition                  per-character properties (all code points)
//	decimal digit numeric (chr[, default])
//	name(chr[, default]) lookup(name)
//	normalize(form, unistr)        NFC NFD NFKC NFKD
//	unidata_version                '5.2.0'
//
// Coverage: names (and lookup) are included for U+0000–U+33FF,
// U+FB00–U+FFFF, U+1D400–U+1D7FF and U+1F000–U+1F2FF, plus the
// algorithmic CJK ideograph and Hangul syllable names; name() of another
// assigned character raises NotImplementedError saying so, and lookup()
// of a name outside those ranges raises KeyError. ucd_3_2_0, the UCD
// object answering from Unicode 3.2.0 for IDNA's stringprep, is in
// ucd32.go.
package unicodedata

import (
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/grumpy-audit/grumpy-audit/runtime-go/modules/internal/native"
	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

func init() {
	native.Register("unicodedata", "This module provides access to the Unicode Character Database which\ndefines character properties for all Unicode characters.", func() []native.Member {
		return append(members(view{}),
			native.V("unidata_version", py.NewStr("5.2.0")),
			native.V("ucd_3_2_0", ucd32(members(view{old: true}))),
			native.V("UCD", ucdType))
	})
}

// members are the module's functions answering from database v.
func members(v view) []native.Member {
	return []native.Member{
		prop("category", func(r rune) py.Object { return py.NewStr(v.str(&category32, &cat, r)) }),
		prop("bidirectional", func(r rune) py.Object { return py.NewStr(v.str(&bidi32, &bidi, r)) }),
		prop("east_asian_width", func(r rune) py.Object { return py.NewStr(v.str(&eaw32, &eaw, r)) }),
		prop("combining", func(r rune) py.Object { return py.NewInt(int64(v.combining(r))) }),
		prop("mirrored", func(r rune) py.Object {
			n, _ := strconv.Atoi(v.str(&mirrored32, &mirr, r))
			return py.NewInt(int64(n))
		}),
		prop("decomposition", func(r rune) py.Object { return py.NewStr(v.decomposition(r)) }),
		numFn(v, "decimal", "not a decimal", func(n numInfo) (py.Object, bool) { return py.NewInt(int64(n.decimal)), n.decimal >= 0 }),
		numFn(v, "digit", "not a digit", func(n numInfo) (py.Object, bool) { return py.NewInt(int64(n.digit)), n.digit >= 0 }),
		numFn(v, "numeric", "not a numeric character", func(n numInfo) (py.Object, bool) { return py.NewFloat(n.numeric), !n.noNumeric }),
		native.F("name", func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			return name(v, args, kw)
		}),
		native.F("lookup", func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			return lookup(v, args, kw)
		}),
		native.F("normalize", func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			return normalize(v, args, kw)
		}),
	}
}

type runTable struct {
	once   sync.Once
	src    string
	starts []rune
	values []string
}

var (
	cat  = runTable{src: categoryRuns}
	bidi = runTable{src: bidiRuns}
	eaw  = runTable{src: eawRuns}
	comb = runTable{src: combiningRuns}
	mirr = runTable{src: mirroredRuns}
)

func runLookup(t *runTable, r rune) string {
	t.once.Do(func() {
		for _, line := range strings.Split(t.src, "\n") {
			i := strings.IndexByte(line, ';')
			c, _ := strconv.ParseUint(line[:i], 16, 32)
			t.starts = append(t.starts, rune(c))
			t.values = append(t.values, line[i+1:])
		}
	})
	i := sort.Search(len(t.starts), func(i int) bool { return t.starts[i] > r }) - 1
	return t.values[i]
}

func ccc(r rune) int {
	n, _ := strconv.Atoi(runLookup(&comb, r))
	return n
}

type numInfo struct {
	decimal, digit int
	numeric        float64
	noNumeric      bool // only in ucd_3_2_0's overrides
}

var (
	loadOnce  sync.Once
	decomp    map[rune]string
	nums      map[rune]numInfo
	pairs     map[[2]rune]rune
	nameOf    map[rune]string
	codeOf    map[string]rune
	hexRunes  = func(s string) rune { c, _ := strconv.ParseUint(s, 16, 32); return rune(c) }
	splitLine = func(line string) (rune, string) {
		i := strings.IndexByte(line, ';')
		return hexRunes(line[:i]), line[i+1:]
	}
)

// load parses the per-character tables once.
func load() {
	loadOnce.Do(func() {
		decomp = map[rune]string{}
		for _, line := range strings.Split(decompositions, "\n") {
			c, v := splitLine(line)
			decomp[c] = v
		}
		nums = map[rune]numInfo{}
		for _, line := range strings.Split(numbers, "\n") {
			f := strings.Split(line, ";")
			d, _ := strconv.Atoi(f[1])
			g, _ := strconv.Atoi(f[2])
			v, _ := strconv.ParseFloat(f[3], 64)
			nums[hexRunes(f[0])] = numInfo{decimal: d, digit: g, numeric: v}
		}
		pairs = map[[2]rune]rune{}
		for _, h := range strings.Split(composes, "\n") {
			c := hexRunes(h)
			parts := strings.Fields(decomp[c])
			pairs[[2]rune{hexRunes(parts[0]), hexRunes(parts[1])}] = c
		}
		nameOf = map[rune]string{}
		codeOf = map[string]rune{}
		for _, line := range strings.Split(names, "\n") {
			c, n := splitLine(line)
			nameOf[c] = n
			codeOf[n] = c
		}
	})
}

// charArg is the "O!:name" unicode-of-length-1 check.
func charArg(fname string, o py.Object) (rune, *py.BaseException) {
	u, ok := o.(*py.Unicode)
	if !ok {
		return 0, py.NewTypeError(fname + "() argument 1 must be unicode, not " + o.Type().Name())
	}
	if len(u.Runes()) != 1 {
		return 0, py.NewTypeError("need a single Unicode character as parameter")
	}
	return u.Runes()[0], nil
}

func prop(name string, fn func(r rune) py.Object) native.Member {
	return native.F(name, func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		if err := native.NoKwArgs(name, kw); err != nil {
			return nil, err
		}
		if len(args) != 1 {
			return nil, py.NewTypeError(name + "() takes exactly 1 argument (" + strconv.Itoa(len(args)) + " given)")
		}
		r, err := charArg(name, args[0])
		if err != nil {
			return nil, err
		}
		return fn(r), nil
	})
}

func numFn(v view, name, missing string, get func(numInfo) (py.Object, bool)) native.Member {
	return native.F(name, func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		if err := native.NoKwArgs(name, kw); err != nil {
			return nil, err
		}
		if err := py.UnpackArgs(name, args, nil, 1, 2); err != nil {
			return nil, err
		}
		r, err := charArg(name, args[0])
		if err != nil {
			return nil, err
		}
		if n, ok := v.number(r); ok {
			if res, ok := get(n); ok {
				return res, nil
			}
		}
		if len(args) == 2 {
			return args[1], nil
		}
		return nil, py.NewValueError(missing)
	})
}

// Hangul syllable composition constants (Unicode chapter 3.12).
const (
	sBase, lBase, vBase, tBase = 0xAC00, 0x1100, 0x1161, 0x11A7
	lCount, vCount, tCount     = 19, 21, 28
	nCount                     = vCount * tCount
	sCount                     = lCount * nCount
)

var jamoL = strings.Fields("G GG N D DD R M B BB S SS _ J JJ C K T P H")
var jamoV = strings.Fields("A AE YA YAE EO E YEO YE O WA WAE OE YO U WEO WE WI YU EU YI I")
var jamoT = append([]string{""}, strings.Fields("G GG GS N NJ NH D L LG LM LB LS LT LP LH M B BS S SS NG J C K T P H")...)

// cjkRanges are the unified ideograph blocks named algorithmically in 5.2.
var cjkRanges = [][2]rune{{0x3400, 0x4DB5}, {0x4E00, 0x9FCB}, {0x20000, 0x2A6D6}, {0x2A700, 0x2B734}}

func isCJK(r rune) bool {
	for _, rg := range cjkRanges {
		if r >= rg[0] && r <= rg[1] {
			return true
		}
	}
	return false
}

func hangulName(r rune) string {
	s := int(r - sBase)
	l, v, t := s/nCount, (s%nCount)/tCount, s%tCount
	return "HANGUL SYLLABLE " + strings.ReplaceAll(jamoL[l], "_", "") + jamoV[v] + jamoT[t]
}

// covered reports whether the generated name table includes r's range.
func covered(r rune) bool {
	for _, rg := range [][2]rune{{0, 0x33FF}, {0xFB00, 0xFFFF}, {0x1D400, 0x1D7FF}, {0x1F000, 0x1F2FF}} {
		if r >= rg[0] && r <= rg[1] {
			return true
		}
	}
	return false
}

func name(v view, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := native.NoKwArgs("name", kw); err != nil {
		return nil, err
	}
	if err := py.UnpackArgs("name", args, nil, 1, 2); err != nil {
		return nil, err
	}
	r, err := charArg("name", args[0])
	if err != nil {
		return nil, err
	}
	load()
	switch {
	case v.old && isUnassigned32(r):
	case r >= sBase && r < sBase+sCount:
		return py.NewStr(hangulName(r)), nil
	case isCJK(r):
		return py.NewStr("CJK UNIFIED IDEOGRAPH-" + strings.ToUpper(strconv.FormatInt(int64(r), 16))), nil
	}
	if n, ok := nameOf[r]; ok && !(v.old && isUnassigned32(r)) {
		return py.NewStr(n), nil
	}
	c := v.str(&category32, &cat, r)
	if !covered(r) && c != "Cn" && c != "Co" && c != "Cs" && c != "Cc" {
		return nil, py.Missing("unicodedata.name of U+" + strings.ToUpper(strconv.FormatInt(int64(r), 16)) + " (names outside the generated ranges)")
	}
	if len(args) == 2 {
		return args[1], nil
	}
	return nil, py.NewValueError("no such name")
}

func lookup(v view, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.OneArg("lookup", args, kw); err != nil {
		return nil, err
	}
	s, ok := args[0].(*py.Str)
	if !ok {
		return nil, py.NewTypeError("lookup() argument 1 must be string, not " + args[0].Type().Name())
	}
	n := strings.ToUpper(s.Value())
	load()
	if c, ok := lookupCode(n); ok && !(v.old && isUnassigned32(c)) {
		return py.NewUnicodeRunes([]rune{c}), nil
	}
	return nil, py.NewKeyError(py.NewStr("undefined character name '" + s.Value() + "'"))
}

func lookupCode(n string) (rune, bool) {
	if c, ok := codeOf[n]; ok {
		return c, true
	}
	if strings.HasPrefix(n, "CJK UNIFIED IDEOGRAPH-") {
		if v, err := strconv.ParseUint(n[len("CJK UNIFIED IDEOGRAPH-"):], 16, 32); err == nil && isCJK(rune(v)) {
			return rune(v), true
		}
	}
	if strings.HasPrefix(n, "HANGUL SYLLABLE ") {
		for r := rune(sBase); r < sBase+sCount; r++ {
			if hangulName(r) == n {
				return r, true
			}
		}
	}
	return 0, false
}

// decompose appends the full (canonical, or compatibility too) decomposition.
func decompose(v view, out []rune, r rune, compat bool) []rune {
	if v.old {
		if isUnassigned32(r) {
			return append(out, r)
		}
		if rs, ok := normFix32(r); ok {
			return append(out, rs...)
		}
	}
	if r >= sBase && r < sBase+sCount {
		s := r - sBase
		out = append(out, lBase+s/nCount, vBase+(s%nCount)/tCount)
		if t := s % tCount; t != 0 {
			out = append(out, tBase+t)
		}
		return out
	}
	d := v.decomposition(r)
	if d == "" || d[0] == '<' && !compat {
		return append(out, r)
	}
	if d[0] == '<' {
		d = d[strings.IndexByte(d, '>')+1:]
	}
	for _, h := range strings.Fields(d) {
		out = decompose(v, out, hexRunes(h), compat)
	}
	return out
}

// reorder puts combining marks in canonical order (a stable sort of each
// run of non-starters by combining class).
func reorder(s []rune) {
	for i := 0; i < len(s); {
		if ccc(s[i]) == 0 {
			i++
			continue
		}
		j := i
		for j < len(s) && ccc(s[j]) != 0 {
			j++
		}
		run := s[i:j]
		sort.SliceStable(run, func(a, b int) bool { return ccc(run[a]) < ccc(run[b]) })
		i = j
	}
}

// composePair is the primary composite of a and b, Hangul included.
func composePair(a, b rune) (rune, bool) {
	if a >= lBase && a < lBase+lCount && b >= vBase && b < vBase+vCount {
		return sBase + ((a-lBase)*vCount+(b-vBase))*tCount, true
	}
	if a >= sBase && a < sBase+sCount && (a-sBase)%tCount == 0 && b > tBase && b < tBase+tCount {
		return a + (b - tBase), true
	}
	c, ok := pairs[[2]rune{a, b}]
	return c, ok
}

// compose is canonical composition of a decomposed, reordered string: a
// character joins the last starter unless a character between them has
// class 0 or a class not lower than its own.
func compose(s []rune) []rune {
	out := make([]rune, 0, len(s))
	starter := -1
	for _, c := range s {
		cc := ccc(c)
		if starter >= 0 {
			blocked := false
			if last := len(out) - 1; last > starter {
				lc := ccc(out[last])
				blocked = lc == 0 || lc >= cc
			}
			if !blocked {
				if comp, ok := composePair(out[starter], c); ok {
					out[starter] = comp
					continue
				}
			}
		}
		if cc == 0 {
			starter = len(out)
		}
		out = append(out, c)
	}
	return out
}

func normalize(v view, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := native.NoKwArgs("normalize", kw); err != nil {
		return nil, err
	}
	if len(args) != 2 {
		return nil, py.NewTypeError("normalize() takes exactly 2 arguments (" + strconv.Itoa(len(args)) + " given)")
	}
	form, ok := args[0].(*py.Str)
	if !ok {
		return nil, py.NewTypeError("normalize() argument 1 must be string, not " + args[0].Type().Name())
	}
	u, ok := args[1].(*py.Unicode)
	if !ok {
		return nil, py.NewTypeError("normalize() argument 2 must be unicode, not " + args[1].Type().Name())
	}
	var compat, comp bool
	switch form.Value() {
	case "NFC":
		comp = true
	case "NFKC":
		compat, comp = true, true
	case "NFD":
	case "NFKD":
		compat = true
	default:
		return nil, py.NewValueError("invalid normalization form")
	}
	load()
	var out []rune
	for _, r := range u.Runes() {
		out = decompose(v, out, r, compat)
	}
	reorder(out)
	if comp {
		out = compose(out)
	}
	return py.NewUnicodeRunes(out), nil
}
