package unicodedata

import (
	"strconv"
	"strings"
	"sync"

	"github.com/grumpy-audit/grumpy-audit/runtime-go/modules/internal/native"
	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

// ucd_3_2_0: the Unicode 3.2.0 view CPython keeps for IDNA (stringprep),
// as a unicodedata.UCD object with the module's functions. Its answers are
// the 5.2.0 ones except where table32.go (gen_table32.py, from CPython's
// own ucd_3_2_0) records a difference. Characters 3.2 did not assign have
// no name and are never decomposed by normalize, as in CPython.

// deltaTable is a run table of "=" (no change) or ":value" entries.
type deltaTable struct {
	runTable
}

func (d *deltaTable) get(r rune) (string, bool) {
	v := runLookup(&d.runTable, r)
	if v == "=" {
		return "", false
	}
	return v[1:], true
}

var (
	unassigned32 = deltaTable{runTable{src: unassigned32Runs}}
	category32   = deltaTable{runTable{src: category32Runs}}
	bidi32       = deltaTable{runTable{src: bidi32Runs}}
	eaw32        = deltaTable{runTable{src: eaw32Runs}}
	combining32  = deltaTable{runTable{src: combining32Runs}}
	mirrored32   = deltaTable{runTable{src: mirrored32Runs}}
	decomp32     = deltaTable{runTable{src: decomp32Runs}}
	numbers32    = deltaTable{runTable{src: numbers32Runs}}
)

var (
	fixOnce sync.Once
	fix32   map[rune][]rune
)

// normFix32 is r's corrected 3.2 normalization mapping, if any.
func normFix32(r rune) ([]rune, bool) {
	fixOnce.Do(func() {
		fix32 = map[rune][]rune{}
		for _, line := range strings.Split(norm32Fix, "\n") {
			c, v := splitLine(line)
			var rs []rune
			for _, h := range strings.Fields(v) {
				rs = append(rs, hexRunes(h))
			}
			fix32[c] = rs
		}
	})
	rs, ok := fix32[r]
	return rs, ok
}

func isUnassigned32(r rune) bool {
	v, ok := unassigned32.get(r)
	return ok && v == "True"
}

// view is one database: the module's 5.2.0 (old=false) or ucd_3_2_0.
type view struct{ old bool }

func (v view) str(d *deltaTable, cur *runTable, r rune) string {
	if v.old {
		if s, ok := d.get(r); ok {
			return s
		}
	}
	return runLookup(cur, r)
}

func (v view) combining(r rune) int {
	if v.old {
		if s, ok := combining32.get(r); ok {
			n, _ := strconv.Atoi(s)
			return n
		}
	}
	return ccc(r)
}

func (v view) decomposition(r rune) string {
	if v.old {
		if s, ok := decomp32.get(r); ok {
			return s
		}
	}
	load()
	return decomp[r]
}

// number is the decimal/digit/numeric record; ok=false when r has none.
func (v view) number(r rune) (numInfo, bool) {
	if v.old {
		if s, ok := numbers32.get(r); ok {
			f := strings.Split(s, ",")
			d, _ := strconv.Atoi(f[0])
			g, _ := strconv.Atoi(f[1])
			n := numInfo{decimal: d, digit: g, noNumeric: f[2] == "None"}
			if !n.noNumeric {
				n.numeric, _ = strconv.ParseFloat(f[2], 64)
			}
			return n, d >= 0 || g >= 0 || f[2] != "None"
		}
	}
	load()
	n, ok := nums[r]
	return n, ok
}

var ucdType = native.NewType(native.TypeSpec{Name: "UCD", Module: "unicodedata"})

type ucdObject struct{}

func (*ucdObject) Type() *py.Type { return ucdType }

var ucdOnce sync.Once

// ucd32 makes the ucd_3_2_0 object: UCD gets the module's functions
// answering from the 3.2 view as methods.
func ucd32(members []native.Member) py.Object {
	ucdOnce.Do(func() {
		for _, m := range members {
			fn := m.Fn
			ucdType.Def(m.Name, func(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
				return fn(f, args, kw)
			})
		}
		ucdType.Dict().SetStr("unidata_version", py.NewStr("3.2.0"))
	})
	return &ucdObject{}
}
