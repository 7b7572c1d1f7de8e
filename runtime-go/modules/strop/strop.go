// Package strop is CPython 2.7's deprecated strop module: str-only
// versions of the string functions. Most members delegate to the
// runtime's str methods, so their results are str's.
//
// Members:
//
//	atoi(s[, base]) atol(s[, base]) atof(s)   parse numbers
//	capitalize lower upper swapcase           case
//	strip lstrip rstrip                       whitespace trimming
//	split splitfields(s[, sep[, maxsplit]]) join joinfields(list[, sep])
//	find rfind count(s, sub[, start[, end]])  searching
//	replace(s, old, new[, count]) expandtabs(s[, tabsize])
//	maketrans(from, to) translate(s, table[, deletechars])
//	lowercase uppercase whitespace            the ASCII character sets
package strop

import (
	"strconv"
	"strings"

	"github.com/grumpy-audit/grumpy-audit/runtime-go/modules/internal/native"
	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

func init() {
	native.Register("strop", "Common string manipulations, optimized for speed.\n\nAlways use \"import string\" rather than referencing\nthis module directly.", func() []native.Member {
		m := []native.Member{
			native.F("atoi", atoi("atoi", false)),
			native.F("atol", atoi("atol", true)),
			native.F("atof", atof),
			native.F("join", join("join")),
			native.F("joinfields", join("joinfields")),
			native.F("maketrans", maketrans),
			native.V("lowercase", py.NewStr("abcdefghijklmnopqrstuvwxyz")),
			native.V("uppercase", py.NewStr("ABCDEFGHIJKLMNOPQRSTUVWXYZ")),
			native.V("whitespace", py.NewStr("\t\n\x0b\x0c\r ")),
		}
		// name, str method, fixed arity range after the string
		for _, d := range []struct {
			name, method string
			min, max     int
		}{
			{"capitalize", "capitalize", 0, 0}, {"lower", "lower", 0, 0}, {"upper", "upper", 0, 0},
			{"swapcase", "swapcase", 0, 0}, {"strip", "strip", 0, 0}, {"lstrip", "lstrip", 0, 0},
			{"rstrip", "rstrip", 0, 0}, {"split", "split", 0, 2}, {"splitfields", "split", 0, 2},
			{"find", "find", 1, 3}, {"rfind", "rfind", 1, 3}, {"count", "count", 1, 3},
			{"replace", "replace", 2, 3}, {"expandtabs", "expandtabs", 0, 1}, {"translate", "translate", 1, 2},
		} {
			m = append(m, delegate(d.name, d.method, d.min, d.max))
		}
		return m
	})
}

func strArg(fname string, o py.Object, pos int) (*py.Str, *py.BaseException) {
	if s, ok := o.(*py.Str); ok {
		return s, nil
	}
	return nil, py.NewTypeError(fname + "() argument " + strconv.Itoa(pos) + " must be string, not " + o.Type().Name())
}

// delegate calls the str method of the same meaning.
func delegate(name, method string, min, max int) native.Member {
	return native.F(name, func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		if err := native.NoKwArgs(name, kw); err != nil {
			return nil, err
		}
		if min == 0 && max == 0 { // METH_O
			if err := py.OneArg(name, args, kw); err != nil {
				return nil, err
			}
		}
		if len(args) < 1+min || len(args) > 1+max {
			want := 1 + min
			word := "exactly"
			if min != max {
				word = "at least"
				if len(args) > 1+max {
					word, want = "at most", 1+max
				}
			}
			plural := "s"
			if want == 1 {
				plural = ""
			}
			return nil, py.NewTypeError(name + "() takes " + word + " " + strconv.Itoa(want) + " argument" + plural + " (" + strconv.Itoa(len(args)) + " given)")
		}
		var s py.Object = args[0]
		if u, ok := args[0].(*py.Unicode); ok { // "t#": the default encoding
			e, err := py.Encode(f, u.Runes(), "ascii", "strict")
			if err != nil {
				return nil, err
			}
			s = e
		}
		if _, err := strArg(name, s, 1); err != nil {
			return nil, err
		}
		return py.CallMethod(f, s, method, args[1:], nil)
	})
}

func atoi(name string, long bool) native.Func {
	return func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		if err := native.NoKwArgs(name, kw); err != nil {
			return nil, err
		}
		if err := py.UnpackArgs(name, args, nil, 1, 2); err != nil {
			return nil, err
		}
		s, err := strArg(name, args[0], 1)
		if err != nil {
			return nil, err
		}
		base := py.Object(py.NewInt(10))
		if len(args) == 2 {
			base = args[1]
		}
		t := py.Object(py.IntType)
		if long {
			t = py.LongType
		}
		r, err := py.Call2(f, t, s, base)
		if err != nil && err.IsInstance(py.ValueErrorType) {
			return nil, py.NewValueError("invalid literal for " + name + "(): " + strings.TrimSpace(s.Value()))
		}
		return r, err
	}
}

func atof(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.OneArg("atof", args, kw); err != nil {
		return nil, err
	}
	s, err := strArg("atof", args[0], 1)
	if err != nil {
		return nil, err
	}
	return py.ToFloat(f, s)
}

func join(name string) native.Func {
	return func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		if err := native.NoKwArgs(name, kw); err != nil {
			return nil, err
		}
		if err := py.UnpackArgs(name, args, nil, 1, 2); err != nil {
			return nil, err
		}
		sep := py.Object(py.NewStr(" "))
		if len(args) == 2 {
			s, err := strArg(name, args[1], 2)
			if err != nil {
				return nil, err
			}
			sep = s
		}
		return py.CallMethod(f, sep, "join", args[:1], nil)
	}
}

func maketrans(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := native.NoKwArgs("maketrans", kw); err != nil {
		return nil, err
	}
	if len(args) != 2 {
		return nil, py.NewTypeError("maketrans() takes exactly 2 arguments (" + strconv.Itoa(len(args)) + " given)")
	}
	a, err := strArg("maketrans", args[0], 1)
	if err != nil {
		return nil, err
	}
	b, err := strArg("maketrans", args[1], 2)
	if err != nil {
		return nil, err
	}
	if len(a.Value()) != len(b.Value()) {
		return nil, py.NewValueError("maketrans arguments must have same length")
	}
	t := make([]byte, 256)
	for i := range t {
		t[i] = byte(i)
	}
	for i := 0; i < len(a.Value()); i++ {
		t[a.Value()[i]] = b.Value()[i]
	}
	return py.NewStr(string(t)), nil
}
