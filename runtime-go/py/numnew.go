package py

import (
	"math"
	"math/big"
	"strconv"
	"strings"
)

// Constructors of int, long, float and bool, with CPython 2.7's parsing
// rules and error messages.

func parseIntLiteral(s string, base int, fname string) (Object, *BaseException) {
	orig := s
	if fname == "int" {
		orig = strings.TrimLeft(s, " \t\n\r\v\f")
	}
	s = strings.TrimSpace(s)
	bad := func() *BaseException {
		r := strRepr(orig)
		return NewValueError("invalid literal for " + fname + "() with base " + strconv.Itoa(base) + ": " + r)
	}
	if fname == "long" && (strings.HasSuffix(s, "l") || strings.HasSuffix(s, "L")) {
		s = s[:len(s)-1]
	}
	neg := false
	if strings.HasPrefix(s, "-") {
		neg, s = true, s[1:]
	} else if strings.HasPrefix(s, "+") {
		s = s[1:]
	}
	b := base
	ls := strings.ToLower(s)
	if base == 0 {
		switch {
		case strings.HasPrefix(ls, "0x"):
			b, s = 16, s[2:]
		case strings.HasPrefix(ls, "0o"):
			b, s = 8, s[2:]
		case strings.HasPrefix(ls, "0b"):
			b, s = 2, s[2:]
		case strings.HasPrefix(ls, "0") && len(s) > 1:
			b, s = 8, s[1:]
		default:
			b = 10
		}
	} else if (base == 16 && strings.HasPrefix(ls, "0x")) || (base == 8 && strings.HasPrefix(ls, "0o")) || (base == 2 && strings.HasPrefix(ls, "0b")) {
		s = s[2:]
	}
	if s == "" || strings.ContainsAny(s, " _+-") {
		return nil, bad()
	}
	v, ok := new(big.Int).SetString(s, b)
	if !ok {
		return nil, bad()
	}
	if neg {
		v.Neg(v)
	}
	if fname == "long" {
		return NewLong(v), nil
	}
	if v.IsInt64() {
		return NewInt(v.Int64()), nil
	}
	return NewLong(v), nil
}

// ToInt is int(o) with one argument.
func ToInt(f *Frame, o Object) (Object, *BaseException) {
	switch v := o.(type) {
	case *Int:
		if v == True || v == False {
			return NewInt(v.v), nil
		}
		return v, nil
	case *Long:
		if v.v.IsInt64() {
			return NewInt(v.v.Int64()), nil
		}
		return v, nil
	case *Float:
		return floatToInt(v.v)
	case *Str:
		return parseIntLiteral(v.s, 10, "int")
	case *Unicode:
		return parseIntLiteral(string(v.r), 10, "int")
	case *Instance:
		if r, found, err := callSpecial(f, v, "__int__"); found || err != nil {
			return r, err
		}
		if r, found, err := callSpecial(f, v, "__trunc__"); found || err != nil {
			if err != nil {
				return nil, err
			}
			return ToInt(f, r)
		}
		if v.base != nil {
			return ToInt(f, v.base)
		}
	case *ClassicInstance:
		if m, _ := v.method(f, "__int__"); m != nil {
			return Call(f, m, nil, nil)
		}
	}
	return nil, NewTypeError("int() argument must be a string or a number, not '" + typeNameForError(o) + "'")
}

func floatToInt(x float64) (Object, *BaseException) {
	if math.IsInf(x, 0) {
		return nil, NewOverflowError("cannot convert float infinity to integer")
	}
	if math.IsNaN(x) {
		return nil, NewValueError("cannot convert float NaN to integer")
	}
	t := math.Trunc(x)
	if t >= -9.223372036854775808e18 && t < 9.223372036854775808e18 {
		return NewInt(int64(t)), nil
	}
	b, _ := new(big.Float).SetFloat64(t).Int(nil)
	return NewLong(b), nil
}

// ToFloat is float(o).
func ToFloat(f *Frame, o Object) (Object, *BaseException) {
	switch v := o.(type) {
	case *Float:
		return v, nil
	case *Int:
		return NewFloat(float64(v.v)), nil
	case *Long:
		fv, err := v.toFloat()
		if err != nil {
			return nil, err
		}
		return NewFloat(fv), nil
	case *Str:
		return parseFloatLiteral(v.s)
	case *Unicode:
		return parseFloatLiteral(string(v.r))
	case *Instance:
		if r, found, err := callSpecial(f, v, "__float__"); found || err != nil {
			return r, err
		}
		if v.base != nil {
			return ToFloat(f, v.base)
		}
	case *ClassicInstance:
		if m, _ := v.method(f, "__float__"); m != nil {
			return Call(f, m, nil, nil)
		}
	}
	return nil, NewTypeError("float() argument must be a string or a number")
}

func parseFloatLiteral(s string) (Object, *BaseException) {
	t := strings.TrimSpace(s)
	l := strings.ToLower(t)
	switch strings.TrimLeft(l, "+-") {
	case "inf", "infinity":
		if strings.HasPrefix(l, "-") {
			return NewFloat(math.Inf(-1)), nil
		}
		return NewFloat(math.Inf(1)), nil
	case "nan":
		return NewFloat(math.NaN()), nil
	}
	v, err := strconv.ParseFloat(t, 64)
	if t == "" || strings.ContainsAny(t, "_xXpP") || err != nil {
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
			return NewFloat(v), nil
		}
		// CPython distinguishes a number followed by junk from no number
		for n := len(t) - 1; n > 0; n-- {
			if _, perr := strconv.ParseFloat(t[:n], 64); perr == nil && !strings.ContainsAny(t[:n], "_xXpP") {
				return nil, NewValueError("invalid literal for float(): " + s)
			}
		}
		return nil, NewValueError("could not convert string to float: " + s)
	}
	return NewFloat(v), nil
}

func init() {
	IntType.newFn = func(f *Frame, t *Type, args []Object, kw Kwargs) (Object, *BaseException) {
		var a [2]Object
		if err := ParseArgs("int", args, kw, []string{"x", "base"}, 0, a[:]); err != nil {
			return nil, err
		}
		var r Object = NewInt(0)
		var err *BaseException
		if a[1] != nil {
			base, berr := IndexInt(f, a[1], "an integer is required")
			if berr != nil {
				return nil, berr
			}
			if base != 0 && (base < 2 || base > 36) {
				return nil, NewValueError("int() base must be >= 2 and <= 36")
			}
			switch s := a[0].(type) {
			case *Str:
				r, err = parseIntLiteral(s.s, base, "int")
			case *Unicode:
				r, err = parseIntLiteral(string(s.r), base, "int")
			default:
				return nil, NewTypeError("int() can't convert non-string with explicit base")
			}
		} else if a[0] != nil {
			r, err = ToInt(f, a[0])
		}
		if err != nil {
			return nil, err
		}
		if t == IntType {
			return r, nil
		}
		iv, ok := r.(*Int)
		if !ok {
			return nil, NewOverflowError("Python int too large to convert to C long")
		}
		return newInstanceWithBase(t, NewInt(iv.v)), nil
	}
	LongType.newFn = func(f *Frame, t *Type, args []Object, kw Kwargs) (Object, *BaseException) {
		var a [2]Object
		if err := ParseArgs("long", args, kw, []string{"x", "base"}, 0, a[:]); err != nil {
			return nil, err
		}
		var r Object = NewLong(new(big.Int))
		if a[1] != nil {
			base, err := IndexInt(f, a[1], "an integer is required")
			if err != nil {
				return nil, err
			}
			s, ok := a[0].(*Str)
			if !ok {
				return nil, NewTypeError("long() can't convert non-string with explicit base")
			}
			r, err = parseIntLiteral(s.s, base, "long")
			if err != nil {
				return nil, err
			}
		} else if a[0] != nil {
			switch s := a[0].(type) {
			case *Str:
				v, err := parseIntLiteral(s.s, 10, "long")
				if err != nil {
					return nil, err
				}
				r = v
			default:
				v, err := ToInt(f, a[0])
				if err != nil {
					return nil, NewTypeError("long() argument must be a string or a number, not '" + typeNameForError(a[0]) + "'")
				}
				switch n := v.(type) {
				case *Int:
					r = NewLong(big.NewInt(n.v))
				case *Long:
					r = n
				}
			}
		}
		if t == LongType {
			return r, nil
		}
		return newInstanceWithBase(t, r), nil
	}
	FloatType.newFn = func(f *Frame, t *Type, args []Object, kw Kwargs) (Object, *BaseException) {
		var a [1]Object
		if err := ParseArgs("float", args, kw, []string{"x"}, 0, a[:]); err != nil {
			return nil, err
		}
		var r Object = NewFloat(0)
		if a[0] != nil {
			var err *BaseException
			r, err = ToFloat(f, a[0])
			if err != nil {
				return nil, err
			}
		}
		if t == FloatType {
			return r, nil
		}
		return newInstanceWithBase(t, r), nil
	}
	BoolType.newFn = func(f *Frame, t *Type, args []Object, kw Kwargs) (Object, *BaseException) {
		var a [1]Object
		if err := ParseArgs("bool", args, kw, []string{"x"}, 0, a[:]); err != nil {
			return nil, err
		}
		if a[0] == nil {
			return False, nil
		}
		b, err := IsTrue(f, a[0])
		return NewBool(b), err
	}
	ObjectType.newFn = objectNew
	for _, t := range []*Type{IntType, LongType, FloatType} {
		t := t
		t.def("__format__", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
			if err := OneArg("__format__", args, kw); err != nil {
				return nil, err
			}
			return Format(f, baseOf(self), args[0])
		})
	}
	for _, t := range []*Type{IntType, LongType, FloatType} {
		t := t
		t.dict.setStr("real", NewGetSet("real", func(f *Frame, o Object) (Object, *BaseException) {
			o = baseOf(o)
			if b, ok := o.(*Int); ok && (b == True || b == False) {
				return NewInt(b.v), nil
			}
			return o, nil
		}, nil))
		t.dict.setStr("imag", NewGetSet("imag", func(f *Frame, o Object) (Object, *BaseException) {
			if t == FloatType {
				return NewFloat(0), nil
			}
			if t == LongType {
				return NewLong(new(big.Int)), nil
			}
			return NewInt(0), nil
		}, nil))
		t.def("conjugate", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
			return baseOf(self), nil
		})
		if t != FloatType {
			t.dict.setStr("numerator", t.dict.getStr("real"))
			t.dict.setStr("denominator", NewGetSet("denominator", func(f *Frame, o Object) (Object, *BaseException) {
				if t == LongType {
					return NewLong(big.NewInt(1)), nil
				}
				return NewInt(1), nil
			}, nil))
		}
	}
	bitLength := func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		b, _ := IndexBig(f, baseOf(self))
		n := int64(new(big.Int).Abs(b).BitLen())
		if _, isLong := baseOf(self).(*Long); isLong {
			return NewLong(big.NewInt(n)), nil
		}
		return NewInt(n), nil
	}
	IntType.def("bit_length", bitLength)
	LongType.def("bit_length", bitLength)
	FloatType.def("as_integer_ratio", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		v := baseOf(self).(*Float).v
		if math.IsInf(v, 0) {
			return nil, NewOverflowError("Cannot pass infinity to float.as_integer_ratio.")
		}
		if math.IsNaN(v) {
			return nil, NewValueError("Cannot pass NaN to float.as_integer_ratio.")
		}
		r, _ := new(big.Float).SetFloat64(v).Rat(nil)
		num, den := r.Num(), r.Denom()
		mk := func(b *big.Int) Object {
			if b.IsInt64() {
				return NewInt(b.Int64())
			}
			return NewLong(b)
		}
		return NewTuple(mk(num), mk(den)), nil
	})
	FloatType.def("hex", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		return NewStr(floatHex(baseOf(self).(*Float).v)), nil
	})
	FloatType.dict.setStr("fromhex", &ClassMethod{fn: NewBuiltinFunction("fromhex", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		if len(args) != 2 {
			return nil, NewTypeError("fromhex() takes exactly one argument")
		}
		s, ok := args[1].(*Str)
		if !ok {
			return nil, NewTypeError("fromhex() argument must be a string")
		}
		t := strings.ToLower(strings.TrimSpace(s.s))
		if !strings.Contains(t, "p") {
			t += "p0"
		}
		if !strings.Contains(t, "0x") {
			if strings.HasPrefix(t, "-") {
				t = "-0x" + t[1:]
			} else {
				t = "0x" + strings.TrimPrefix(t, "+")
			}
		}
		v, err := strconv.ParseFloat(t, 64)
		if err != nil {
			return nil, NewValueError("invalid hexadecimal floating-point string")
		}
		return Call1(f, args[0], NewFloat(v))
	})})
	FloatType.def("is_integer", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		v := baseOf(self).(*Float).v
		return NewBool(v == math.Trunc(v) && !math.IsInf(v, 0)), nil
	})
}
