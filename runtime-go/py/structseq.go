package py

import "strings"

// structSeq mirrors CPython's structseq types (sys.version_info,
// sys.float_info, time.struct_time...): a tuple subclass whose fields
// are also attributes, printed as name(field=value, ...).

// NewStructSeqType makes a struct sequence type named module.name with
// the given field names.
func NewStructSeqType(module, name string, fields []string) *Type {
	t := NewBuiltinType(name, module, TupleType)
	t.final = true
	for i, fld := range fields {
		i := i
		t.Dict().setStr(fld, NewGetSet(fld, func(f *Frame, o Object) (Object, *BaseException) {
			tup, ok := baseOf(o).(*Tuple)
			if !ok || i >= len(tup.elems) {
				return nil, NewAttributeError(fld)
			}
			return tup.elems[i], nil
		}, nil))
	}
	t.Def("__repr__", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		tup := baseOf(self).(*Tuple)
		var b strings.Builder
		b.WriteString(module + "." + name + "(")
		for i, v := range tup.elems {
			if i > 0 {
				b.WriteString(", ")
			}
			r, err := Repr(f, v)
			if err != nil {
				return nil, err
			}
			if i < len(fields) {
				b.WriteString(fields[i] + "=")
			}
			b.WriteString(r.s)
		}
		b.WriteString(")")
		return NewStr(b.String()), nil
	})
	t.Def("__reduce__", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		return NewTuple(t, NewTuple(baseOf(self))), nil
	})
	t.SetNew(func(f *Frame, st *Type, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := UnpackArgs(name, args, kw, 1, 2); err != nil {
			return nil, err
		}
		tup, err := TupleOf(f, args[0])
		if err != nil {
			return nil, err
		}
		if len(tup.elems) != len(fields) {
			return nil, NewTypeError(module + "." + name + "() takes a " + itoa(len(fields)) + "-sequence (" + itoa(len(tup.elems)) + "-sequence given)")
		}
		return NewStructSeq(st, tup.elems...), nil
	})
	return t
}

// NewStructSeq builds a value of a struct sequence type.
func NewStructSeq(t *Type, values ...Object) Object {
	return newInstanceWithBase(t, NewTuple(values...))
}

func init() {
	d := SysModule.dict
	vi := NewStructSeqType("sys", "version_info", []string{"major", "minor", "micro", "releaselevel", "serial"})
	d.setStr("version_info", NewStructSeq(vi, NewInt(2), NewInt(7), NewInt(18), NewStr("final"), NewInt(0)))
	fi := NewStructSeqType("sys", "float_info", []string{"max", "max_exp", "max_10_exp", "min", "min_exp",
		"min_10_exp", "dig", "mant_dig", "epsilon", "radix", "rounds"})
	d.setStr("float_info", NewStructSeq(fi, NewFloat(1.7976931348623157e+308), NewInt(1024), NewInt(308),
		NewFloat(2.2250738585072014e-308), NewInt(-1021), NewInt(-307), NewInt(15), NewInt(53),
		NewFloat(2.220446049250313e-16), NewInt(2), NewInt(1)))
	li := NewStructSeqType("sys", "long_info", []string{"bits_per_digit", "sizeof_digit"})
	d.setStr("long_info", NewStructSeq(li, NewInt(30), NewInt(4)))
	flagNames := []string{"debug", "py3k_warning", "division_warning", "division_new", "inspect", "interactive",
		"optimize", "dont_write_bytecode", "no_user_site", "no_site", "ignore_environment", "tabcheck",
		"verbose", "unicode", "bytes_warning", "hash_randomization"}
	fl := NewStructSeqType("sys", "flags", flagNames)
	vals := make([]Object, len(flagNames))
	for i, n := range flagNames {
		vals[i] = NewInt(0)
		if n == "dont_write_bytecode" {
			vals[i] = NewInt(1)
		}
	}
	d.setStr("flags", NewStructSeq(fl, vals...))
	d.setStr("api_version", NewInt(1013))
	d.setStr("hexversion", NewInt(34018032))
	hook := NewBuiltinFunctionIn("sys", "excepthook", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := UnpackArgs("excepthook", args, kw, 3, 3); err != nil {
			return nil, err
		}
		e, ok := args[1].(*BaseException)
		if !ok {
			e = Raise(f, args[0], args[1], nil)
		}
		writeStderr(f, FormatTraceback(f, e))
		return None, nil
	})
	d.setStr("excepthook", hook)
	d.setStr("__excepthook__", hook)
}
