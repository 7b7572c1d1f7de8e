// Package operator is CPython 2.7's operator module: the operators as
// functions. Every function also has its __name__ alias (add/__add__…)
// where CPython has one; the two-argument ones report argument errors as
// "op_add expected 2 arguments, got 1", like CPython's.
//
// Members:
//
//	abs add and_ div floordiv inv invert lshift mod mul neg or_ pos pow
//	rshift sub truediv xor                 arithmetic and bitwise operators
//	iadd iand iconcat idiv ifloordiv ilshift imod imul ior ipow irepeat
//	irshift isub itruediv ixor            in-place forms (a += b …)
//	lt le eq ne ge gt                      rich comparisons
//	not_ truth is_ is_not                  truth and identity
//	concat repeat                          sequence + and * (sequences only)
//	contains sequenceIncludes countOf indexOf  membership, counting, index
//	getitem setitem delitem                a[b], a[b] = c, del a[b]
//	getslice setslice delslice             a[b:c] forms
//	index                                  a.__index__()
//	isCallable isMappingType isNumberType isSequenceType  2.7 type predicates
//	attrgetter itemgetter methodcaller     callable-building types
//	_compare_digest                        constant-time str comparison
//
// isMappingType/isNumberType/isSequenceType decide from the runtime's
// types (dict is a mapping; list, tuple, str, unicode, bytearray, buffer
// and xrange are sequences; old-style instances are all three, as in
// CPython 2.7), and for new-style instances from their special methods.
package operator

import (
	"crypto/subtle"
	"strings"

	"github.com/grumpy-audit/grumpy-audit/runtime-go/modules/internal/native"
	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

func init() {
	native.Register("operator", "Operator interface.\n\nThis module exports a set of functions implemented in C corresponding\nto the intrinsic operators of Python.  For example, operator.add(x, y)\nis equivalent to the expression x+y.  The function names are those\nused for special methods; variants without leading and trailing\n'__' are also provided for convenience.", members)
}

type fn2 func(f *py.Frame, a, b py.Object) (py.Object, *py.BaseException)
type fn1 func(f *py.Frame, a py.Object) (py.Object, *py.BaseException)

// binary makes op_<name>(a, b) and its aliases.
func binary(fn fn2, cname string, names ...string) []native.Member {
	call := func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		if err := py.UnpackArgs("op_"+cname, args, kw, 2, 2); err != nil {
			return nil, err
		}
		return fn(f, args[0], args[1])
	}
	var out []native.Member
	for _, n := range names {
		out = append(out, native.F(n, call))
	}
	return out
}

// unary makes a METH_O function named by each alias.
func unary(fn fn1, names ...string) []native.Member {
	var out []native.Member
	for _, n := range names {
		name := n
		out = append(out, native.F(name, func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			if err := py.OneArg(name, args, kw); err != nil {
				return nil, err
			}
			return fn(f, args[0])
		}))
	}
	return out
}

func op(o py.Op) fn2 {
	return func(f *py.Frame, a, b py.Object) (py.Object, *py.BaseException) { return py.BinaryOp(f, o, a, b) }
}

func iop(o py.Op) fn2 {
	return func(f *py.Frame, a, b py.Object) (py.Object, *py.BaseException) { return py.Inplace(f, o, a, b) }
}

func cmp(o py.CmpOp) fn2 {
	return func(f *py.Frame, a, b py.Object) (py.Object, *py.BaseException) { return py.Compare(f, o, a, b) }
}

func members() []native.Member {
	var m []native.Member
	add := func(ms ...[]native.Member) {
		for _, x := range ms {
			m = append(m, x...)
		}
	}
	add(
		binary(op(py.OpAdd), "add", "add", "__add__"),
		binary(op(py.OpSub), "sub", "sub", "__sub__"),
		binary(op(py.OpMul), "mul", "mul", "__mul__"),
		binary(op(py.OpDiv), "div", "div", "__div__"),
		binary(op(py.OpTrueDiv), "truediv", "truediv", "__truediv__"),
		binary(op(py.OpFloorDiv), "floordiv", "floordiv", "__floordiv__"),
		binary(op(py.OpMod), "mod", "mod", "__mod__"),
		binary(op(py.OpPow), "pow", "pow", "__pow__"),
		binary(op(py.OpLShift), "lshift", "lshift", "__lshift__"),
		binary(op(py.OpRShift), "rshift", "rshift", "__rshift__"),
		binary(op(py.OpAnd), "and_", "and_", "__and__"),
		binary(op(py.OpOr), "or_", "or_", "__or__"),
		binary(op(py.OpXor), "xor", "xor", "__xor__"),
		binary(iop(py.OpAdd), "iadd", "iadd", "__iadd__"),
		binary(iop(py.OpSub), "isub", "isub", "__isub__"),
		binary(iop(py.OpMul), "imul", "imul", "__imul__"),
		binary(iop(py.OpDiv), "idiv", "idiv", "__idiv__"),
		binary(iop(py.OpTrueDiv), "itruediv", "itruediv", "__itruediv__"),
		binary(iop(py.OpFloorDiv), "ifloordiv", "ifloordiv", "__ifloordiv__"),
		binary(iop(py.OpMod), "imod", "imod", "__imod__"),
		binary(iop(py.OpPow), "ipow", "ipow", "__ipow__"),
		binary(iop(py.OpLShift), "ilshift", "ilshift", "__ilshift__"),
		binary(iop(py.OpRShift), "irshift", "irshift", "__irshift__"),
		binary(iop(py.OpAnd), "iand", "iand", "__iand__"),
		binary(iop(py.OpOr), "ior", "ior", "__ior__"),
		binary(iop(py.OpXor), "ixor", "ixor", "__ixor__"),
		binary(cmp(py.LT), "lt", "lt", "__lt__"),
		binary(cmp(py.LE), "le", "le", "__le__"),
		binary(cmp(py.EQ), "eq", "eq", "__eq__"),
		binary(cmp(py.NE), "ne", "ne", "__ne__"),
		binary(cmp(py.GT), "gt", "gt", "__gt__"),
		binary(cmp(py.GE), "ge", "ge", "__ge__"),
		binary(isFn, "is_", "is_"),
		binary(isNotFn, "is_not", "is_not"),
		binary(concat(false), "concat", "concat", "__concat__"),
		binary(concat(true), "iconcat", "iconcat", "__iconcat__"),
		binary(repeat(false), "repeat", "repeat", "__repeat__"),
		binary(repeat(true), "irepeat", "irepeat", "__irepeat__"),
		binary(contains, "contains", "contains", "__contains__"),
		binary(contains, "sequenceIncludes", "sequenceIncludes"),
		binary(countOf, "countOf", "countOf"),
		binary(indexOf, "indexOf", "indexOf"),
		binary(py.GetItem, "getitem", "getitem", "__getitem__"),
		binary(delitem, "delitem", "delitem", "__delitem__"),
		unary(py.Neg, "neg", "__neg__"),
		unary(py.Pos, "pos", "__pos__"),
		unary(py.Abs, "abs", "__abs__"),
		unary(py.Invert, "inv", "invert", "__inv__", "__invert__"),
		unary(py.Not, "not_", "__not__"),
		unary(truth, "truth"),
		unary(index, "index", "__index__"),
		unary(isCallable, "isCallable"),
		unary(isMapping, "isMappingType"),
		unary(isNumber, "isNumberType"),
		unary(isSequence, "isSequenceType"),
	)
	m = append(m,
		native.F("setitem", setitem("setitem")), native.F("__setitem__", setitem("op_setitem")),
		native.F("getslice", getslice("getslice")), native.F("__getslice__", getslice("__getslice__")),
		native.F("setslice", setslice("setslice")), native.F("__setslice__", setslice("__setslice__")),
		native.F("delslice", delslice("delslice")), native.F("__delslice__", delslice("__delslice__")),
		native.F("_compare_digest", compareDigest),
		native.V("attrgetter", attrgetterType),
		native.V("itemgetter", itemgetterType),
		native.V("methodcaller", methodcallerType),
	)
	return m
}

func isFn(f *py.Frame, a, b py.Object) (py.Object, *py.BaseException) { return py.NewBool(a == b), nil }
func isNotFn(f *py.Frame, a, b py.Object) (py.Object, *py.BaseException) {
	return py.NewBool(a != b), nil
}

func truth(f *py.Frame, a py.Object) (py.Object, *py.BaseException) {
	t, err := py.IsTrue(f, a)
	if err != nil {
		return nil, err
	}
	return py.NewBool(t), nil
}

func index(f *py.Frame, a py.Object) (py.Object, *py.BaseException) {
	switch a.(type) {
	case *py.Int, *py.Long:
		return a, nil
	}
	if py.HasAttr(f, a, "__index__") {
		return py.CallMethod(f, a, "__index__", nil, nil)
	}
	return nil, py.NewTypeError("'" + a.Type().Name() + "' object cannot be interpreted as an index")
}

func contains(f *py.Frame, a, b py.Object) (py.Object, *py.BaseException) {
	r, err := py.Contains(f, a, b)
	if err != nil {
		return nil, err
	}
	return py.NewBool(r), nil
}

func countOf(f *py.Frame, a, b py.Object) (py.Object, *py.BaseException) {
	n, err := scan(f, a, b, false)
	if err != nil {
		return nil, err
	}
	return py.NewInt(int64(n)), nil
}

func indexOf(f *py.Frame, a, b py.Object) (py.Object, *py.BaseException) {
	n, err := scan(f, a, b, true)
	if err != nil {
		return nil, err
	}
	return py.NewInt(int64(n)), nil
}

// scan is _PySequence_IterSearch: count the matches, or find the first.
func scan(f *py.Frame, seq, x py.Object, first bool) (int, *py.BaseException) {
	it, err := py.Iter(f, seq)
	if err != nil {
		if err.IsInstance(py.TypeErrorType) {
			return 0, py.NewTypeError("argument of type '" + seq.Type().Name() + "' is not iterable")
		}
		return 0, err
	}
	n, i := 0, 0
	for {
		v, err := py.Next(f, it)
		if err != nil {
			return 0, err
		}
		if v == nil {
			break
		}
		eq, err := py.Eq(f, v, x)
		if err != nil {
			return 0, err
		}
		if eq {
			if first {
				return i, nil
			}
			n++
		}
		i++
	}
	if first {
		return 0, py.NewValueError("sequence.index(x): x not in sequence")
	}
	return n, nil
}

func delitem(f *py.Frame, a, b py.Object) (py.Object, *py.BaseException) {
	if err := py.DelItem(f, a, b); err != nil {
		return nil, err
	}
	return py.None, nil
}

func setitem(name string) native.Func {
	return func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		if err := py.UnpackArgs(name, args, kw, 3, 3); err != nil {
			return nil, err
		}
		if err := py.SetItem(f, args[0], args[1], args[2]); err != nil {
			return nil, err
		}
		return py.None, nil
	}
}

// sliceArgs parses "Onn" like CPython's getslice family.
func sliceArgs(f *py.Frame, name string, args []py.Object, kw py.Kwargs, n int) (lo, hi py.Object, err *py.BaseException) {
	out := make([]py.Object, n)
	names := []string{"a", "b", "c", "d"}[:n]
	if err := native.ParseTuple(name, args, names, n, out); err != nil {
		return nil, nil, err
	}
	if len(kw) > 0 {
		return nil, nil, py.NewTypeError(name + "() takes no keyword arguments")
	}
	b, err := native.Int(f, out[1])
	if err != nil {
		return nil, nil, err
	}
	c, err := native.Int(f, out[2])
	if err != nil {
		return nil, nil, err
	}
	return py.NewInt(int64(b)), py.NewInt(int64(c)), nil
}

func getslice(name string) native.Func {
	return func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		lo, hi, err := sliceArgs(f, name, args, kw, 3)
		if err != nil {
			return nil, err
		}
		return py.GetSlice(f, args[0], lo, hi)
	}
}

func setslice(name string) native.Func {
	return func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		lo, hi, err := sliceArgs(f, name, args, kw, 4)
		if err != nil {
			return nil, err
		}
		if err := py.SetSlice(f, args[0], lo, hi, args[3]); err != nil {
			return nil, err
		}
		return py.None, nil
	}
}

func delslice(name string) native.Func {
	return func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		lo, hi, err := sliceArgs(f, name, args, kw, 3)
		if err != nil {
			return nil, err
		}
		if err := py.DelSlice(f, args[0], lo, hi); err != nil {
			return nil, err
		}
		return py.None, nil
	}
}

// isSeq approximates PySequence_Check for the error paths of concat/repeat.
func isSeq(f *py.Frame, o py.Object) bool {
	switch o.(type) {
	case *py.Str, *py.Unicode, *py.List, *py.Tuple:
		return true
	case *py.Dict, *py.Int, *py.Long, *py.Float, *py.Complex:
		return false
	}
	switch o.Type().Name() {
	case "bytearray", "xrange", "buffer", "array", "deque":
		return true
	}
	if o.Type().Name() == "instance" {
		return true
	}
	return o.Type().Lookup("__getitem__") != nil && !o.Type().IsSubtype(py.DictType)
}

func concat(inplace bool) fn2 {
	return func(f *py.Frame, a, b py.Object) (py.Object, *py.BaseException) {
		if !isSeq(f, a) {
			return nil, py.NewTypeError("'" + a.Type().Name() + "' object can't be concatenated")
		}
		if inplace {
			return py.Inplace(f, py.OpAdd, a, b)
		}
		return py.Add(f, a, b)
	}
}

func repeat(inplace bool) fn2 {
	return func(f *py.Frame, a, b py.Object) (py.Object, *py.BaseException) {
		switch b.(type) {
		case *py.Int, *py.Long:
		default:
			if !py.HasAttr(f, b, "__index__") && b.Type().Name() != "instance" {
				return nil, py.NewTypeError("an integer is required")
			}
		}
		if !isSeq(f, a) {
			return nil, py.NewTypeError("'" + a.Type().Name() + "' object can't be repeated")
		}
		if inplace {
			return py.Inplace(f, py.OpMul, a, b)
		}
		return py.Mul(f, a, b)
	}
}

func isCallable(f *py.Frame, a py.Object) (py.Object, *py.BaseException) {
	return py.NewBool(py.IsCallable(a)), nil
}

func isMapping(f *py.Frame, a py.Object) (py.Object, *py.BaseException) {
	switch a.(type) {
	case *py.Dict:
		return py.True, nil
	case *py.Str, *py.Unicode, *py.List, *py.Tuple, *py.Int, *py.Long, *py.Float:
		return py.False, nil
	}
	tn := a.Type().Name()
	if tn == "instance" {
		return py.True, nil
	}
	if a.Type().IsSubtype(py.DictType) {
		return py.True, nil
	}
	t := a.Type()
	return py.NewBool(t.Lookup("__getitem__") != nil && t.Lookup("__getslice__") == nil && !isSeq(f, a) || tn == "defaultdict"), nil
}

func isNumber(f *py.Frame, a py.Object) (py.Object, *py.BaseException) {
	switch a.(type) {
	case *py.Int, *py.Long, *py.Float, *py.Complex:
		return py.True, nil
	case *py.Str, *py.Unicode, *py.List, *py.Tuple, *py.Dict:
		return py.False, nil
	}
	if a.Type().Name() == "instance" {
		return py.True, nil
	}
	t := a.Type()
	return py.NewBool(t.Lookup("__int__") != nil || t.Lookup("__float__") != nil), nil
}

func isSequence(f *py.Frame, a py.Object) (py.Object, *py.BaseException) {
	if _, ok := a.(*py.Dict); ok {
		return py.False, nil
	}
	return py.NewBool(isSeq(f, a)), nil
}

// compareDigest is hmac's timing-safe comparison (ASCII unicode or str).
func compareDigest(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.UnpackArgs("_compare_digest", args, kw, 2, 2); err != nil {
		return nil, err
	}
	var a, b string
	xu, isU0 := args[0].(*py.Unicode)
	yu, isU1 := args[1].(*py.Unicode)
	if isU0 && isU1 {
		a, b = string(xu.Runes()), string(yu.Runes())
		for _, s := range []string{a, b} {
			for _, r := range s {
				if r > 127 {
					return nil, py.NewTypeError("comparing unicode with non-ASCII characters is not supported")
				}
			}
		}
	} else {
		// the buffer path: only str has the (new) buffer interface here
		xs, ok0 := args[0].(*py.Str)
		ys, ok1 := args[1].(*py.Str)
		switch {
		case !ok0 && !ok1:
			return nil, compareTypes(args)
		case !ok0:
			return nil, py.NewTypeError("'" + args[0].Type().Name() + "' does not have the buffer interface")
		case !ok1:
			return nil, py.NewTypeError("'" + args[1].Type().Name() + "' does not have the buffer interface")
		}
		a, b = xs.Value(), ys.Value()
	}
	if len(a) != len(b) {
		subtle.ConstantTimeCompare([]byte(b), []byte(b))
		return py.False, nil
	}
	return py.NewBool(subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1), nil
}

func compareTypes(args []py.Object) *py.BaseException {
	return py.NewTypeError("unsupported operand types(s) or combination of types: '" + args[0].Type().Name() + "' and '" + args[1].Type().Name() + "'")
}

// --- attrgetter, itemgetter, methodcaller ---

type attrgetter struct {
	typ   *py.Type
	attrs []py.Object // names are checked when called, as in 2.7
}

type itemgetter struct {
	typ   *py.Type
	items []py.Object
}

type methodcaller struct {
	typ  *py.Type
	name py.Object
	args []py.Object
	kw   py.Kwargs
}

var attrgetterType = native.NewType(native.TypeSpec{Name: "attrgetter", Module: "operator",
	Doc: "attrgetter(attr, ...) --> attrgetter object",
	New: func(f *py.Frame, t *py.Type, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		if err := native.NoKw("attrgetter()", kw); err != nil {
			return nil, err
		}
		if len(args) == 0 {
			return nil, py.NewTypeError("attrgetter expected 1 arguments, got 0")
		}
		return &attrgetter{typ: t, attrs: append([]py.Object(nil), args...)}, nil
	}})

func (g *attrgetter) Type() *py.Type { return g.typ }

func (g *attrgetter) Call(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.UnpackArgs("attrgetter", args, kw, 1, 1); err != nil {
		return nil, err
	}
	out := make([]py.Object, len(g.attrs))
	for i, a := range g.attrs {
		s, ok := a.(*py.Str)
		if !ok {
			return nil, py.NewTypeError("attribute name must be a string")
		}
		v := args[0]
		for _, name := range strings.Split(s.Value(), ".") {
			var err *py.BaseException
			if v, err = py.GetAttr(f, v, name); err != nil {
				return nil, err
			}
		}
		out[i] = v
	}
	if len(out) == 1 {
		return out[0], nil
	}
	return py.NewTuple(out...), nil
}

var itemgetterType = native.NewType(native.TypeSpec{Name: "itemgetter", Module: "operator",
	Doc: "itemgetter(item, ...) --> itemgetter object",
	New: func(f *py.Frame, t *py.Type, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		if err := native.NoKw("itemgetter()", kw); err != nil {
			return nil, err
		}
		if len(args) == 0 {
			return nil, py.NewTypeError("itemgetter expected 1 arguments, got 0")
		}
		return &itemgetter{typ: t, items: append([]py.Object(nil), args...)}, nil
	}})

func (g *itemgetter) Type() *py.Type { return g.typ }

func (g *itemgetter) Call(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.UnpackArgs("itemgetter", args, kw, 1, 1); err != nil {
		return nil, err
	}
	out := make([]py.Object, len(g.items))
	for i, k := range g.items {
		v, err := py.GetItem(f, args[0], k)
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	if len(out) == 1 {
		return out[0], nil
	}
	return py.NewTuple(out...), nil
}

var methodcallerType = native.NewType(native.TypeSpec{Name: "methodcaller", Module: "operator",
	Doc: "methodcaller(name, ...) --> methodcaller object",
	New: func(f *py.Frame, t *py.Type, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		if len(args) == 0 {
			return nil, py.NewTypeError("methodcaller needs at least one argument, the method name")
		}
		return &methodcaller{typ: t, name: args[0], args: append([]py.Object(nil), args[1:]...), kw: kw}, nil
	}})

func (m *methodcaller) Type() *py.Type { return m.typ }

func (m *methodcaller) Call(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.UnpackArgs("methodcaller", args, kw, 1, 1); err != nil {
		return nil, err
	}
	s, ok := m.name.(*py.Str)
	if !ok {
		return nil, py.NewTypeError("attribute name must be string, not '" + m.name.Type().Name() + "'")
	}
	meth, err := py.GetAttr(f, args[0], s.Value())
	if err != nil {
		return nil, err
	}
	return py.Call(f, meth, m.args, m.kw)
}

var (
	_ py.Caller = (*attrgetter)(nil)
	_ py.Caller = (*itemgetter)(nil)
	_ py.Caller = (*methodcaller)(nil)
)
