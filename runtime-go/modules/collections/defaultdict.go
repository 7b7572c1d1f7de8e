package collections

import (
	"github.com/grumpy-audit/grumpy-audit/runtime-go/modules/internal/native"
	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

var defaultdictType *py.Type

// newDefaultdictType builds defaultdict as a class deriving from dict, so
// the runtime's dict-subclass item lookup calls its __missing__.
func newDefaultdictType() *py.Type {
	t := native.NewHeapType(native.TypeSpec{Name: "defaultdict", Module: "collections",
		Doc:   "defaultdict(default_factory[, ...]) --> dict with default factory",
		Bases: []*py.Type{py.DictType},
	})
	t.Def("__init__", ddInit)
	t.Def("__missing__", ddMissing)
	t.Def("__repr__", ddRepr)
	t.Def("copy", ddCopy)
	t.Def("__copy__", ddCopy)
	t.Def("__reduce__", ddReduce)
	return t
}

func factory(f *py.Frame, self py.Object) py.Object {
	if dh, ok := self.(py.DictHolder); ok && dh.Dict() != nil {
		if v := dh.Dict().GetStr("default_factory"); v != nil {
			return v
		}
	}
	return py.None
}

func ddInit(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	fac := py.Object(py.None)
	rest := args
	if len(args) > 0 {
		fac, rest = args[0], args[1:]
		if fac != py.None && !py.IsCallable(fac) {
			return nil, py.NewTypeError("first argument must be callable or None")
		}
	}
	if dh, ok := self.(py.DictHolder); ok && dh.Dict() != nil {
		dh.Dict().SetStr("default_factory", fac)
	}
	init := py.DictType.Lookup("__init__")
	if init == nil {
		return nil, py.Missing("dict.__init__ for defaultdict")
	}
	return py.Call(f, init, append([]py.Object{self}, rest...), kw)
}

func ddMissing(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.OneArg("__missing__", args, kw); err != nil {
		return nil, err
	}
	fac := factory(f, self)
	if fac == py.None {
		return nil, py.NewKeyError(args[0])
	}
	v, err := py.Call0(f, fac)
	if err != nil {
		return nil, err
	}
	if err := py.SetItem(f, self, args[0], v); err != nil {
		return nil, err
	}
	return v, nil
}

func ddRepr(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.NoArgs("__repr__", args, kw); err != nil {
		return nil, err
	}
	dictRepr := py.DictType.Lookup("__repr__")
	if dictRepr == nil || dictRepr == py.ObjectType.Lookup("__repr__") {
		return nil, py.Missing("dict.__repr__ for defaultdict")
	}
	base, err := py.Call1(f, dictRepr, self)
	if err != nil {
		return nil, err
	}
	fr := "None"
	if fac := factory(f, self); fac != py.None {
		if _, busy := reprActive.LoadOrStore(fac, true); busy {
			fr = "..."
		} else {
			r, err := py.Repr(f, fac)
			reprActive.Delete(fac)
			if err != nil {
				return nil, err
			}
			fr = r.Value()
		}
	}
	bs, _ := base.(*py.Str)
	if bs == nil {
		return nil, py.NewTypeError("dict.__repr__ returned non-string")
	}
	return py.NewStr("defaultdict(" + fr + ", " + bs.Value() + ")"), nil
}

func ddCopy(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.NoArgs("copy", args, kw); err != nil {
		return nil, err
	}
	return py.Call2(f, self.Type(), factory(f, self), self)
}

func ddReduce(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.NoArgs("__reduce__", args, kw); err != nil {
		return nil, err
	}
	fargs := py.NewTuple()
	if fac := factory(f, self); fac != py.None {
		fargs = py.NewTuple(fac)
	}
	items, err := py.CallMethod(f, self, "iteritems", nil, nil)
	if err != nil {
		return nil, err
	}
	return py.NewTuple(self.Type(), fargs, py.None, py.None, items), nil
}
