// Package futurebuiltins is CPython 2.7's future_builtins module: the
// Python 3 versions of some builtins.
//
// Members: ascii (repr), filter (itertools.ifilter), map (itertools.imap),
// zip (itertools.izip), hex and oct (with the 0o prefix).
package futurebuiltins

import (
	"math/big"

	"github.com/grumpy-audit/grumpy-audit/runtime-go/modules/internal/native"
	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

func init() {
	native.Register("future_builtins", "This module provides functions that will be builtins in Python 3.0,\nbut that conflict with builtins that already exist in Python 2.x.", func() []native.Member {
		return []native.Member{
			native.F("ascii", func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
				if err := py.OneArg("ascii", args, kw); err != nil {
					return nil, err
				}
				return py.Repr(f, args[0])
			}),
			native.F("hex", func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
				if err := py.OneArg("hex", args, kw); err != nil {
					return nil, err
				}
				return py.Call1(f, py.Builtins.GetStr("hex"), args[0])
			}),
			native.F("oct", oct),
			native.F("map", fromItertools("imap")),
			native.F("filter", fromItertools("ifilter")),
			native.F("zip", fromItertools("izip")),
		}
	})
}

// fromItertools calls the itertools iterator of that name.
func fromItertools(name string) native.Func {
	return func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		m, err := py.ImportModule(f, "itertools")
		if err != nil {
			return nil, err
		}
		fn, err := py.GetAttr(f, m, name)
		if err != nil {
			return nil, err
		}
		return py.Call(f, fn, args, kw)
	}
}

// oct is Python 3's oct: '0o' prefix, '-0o' for negatives.
func oct(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.OneArg("oct", args, kw); err != nil {
		return nil, err
	}
	b, ok := native.Big(f, args[0])
	if !ok {
		return nil, py.NewTypeError("'" + args[0].Type().Name() + "' object cannot be interpreted as an index")
	}
	s := "0o" + new(big.Int).Abs(b).Text(8)
	if b.Sign() < 0 {
		s = "-" + s
	}
	return py.NewStr(s), nil
}
