// Package functools is CPython 2.7's _functools module (the pure
// functools.py builds on it).
//
// Members:
//
//	partial(func, *args, **keywords)  callable with frozen arguments;
//	                                  attributes func, args, keywords, __dict__
//	reduce(function, sequence[, initial])  left fold
//
// A partial's repr is the default <functools.partial object at 0x...>, as
// in 2.7.
package functools

import (
	"github.com/grumpy-audit/grumpy-audit/runtime-go/modules/internal/native"
	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

var partialType *py.Type

func init() {
	partialType = native.NewType(native.TypeSpec{Name: "partial", Module: "functools",
		Doc: "partial(func, *args, **keywords) - new function with partial application\n    of the given arguments and keywords.\n",
		New: partialNew,
		Getters: map[string]func(f *py.Frame, s py.Object) (py.Object, *py.BaseException){
			"func":     func(f *py.Frame, s py.Object) (py.Object, *py.BaseException) { return s.(*partial).fn, nil },
			"args":     func(f *py.Frame, s py.Object) (py.Object, *py.BaseException) { return s.(*partial).args, nil },
			"keywords": func(f *py.Frame, s py.Object) (py.Object, *py.BaseException) { return s.(*partial).kw, nil },
			"__dict__": func(f *py.Frame, s py.Object) (py.Object, *py.BaseException) { return s.(*partial).dict, nil },
		},
		// T_OBJECT members with READONLY: CPython says "readonly attribute"
		Setters: map[string]func(f *py.Frame, s py.Object, v py.Object) *py.BaseException{
			"func":     readonly,
			"args":     readonly,
			"keywords": readonly,
		},
		Methods: map[string]native.Method{
			"__call__": func(f *py.Frame, s py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
				return s.(*partial).Call(f, args, kw)
			},
			"__reduce__": func(f *py.Frame, s py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
				p := s.(*partial)
				var d py.Object = py.None
				if n, _ := p.dict.Len(f); n > 0 { // CPython's __dict__ is NULL until used
					d = p.dict
				}
				return py.NewTuple(partialType, py.NewTuple(p.fn), py.NewTuple(p.fn, p.args, p.kw, d)), nil
			},
		},
	})
	native.Register("_functools", "Tools that operate on functions.", func() []native.Member {
		return []native.Member{
			native.V("partial", partialType),
			native.F("reduce", reduce),
		}
	})
}

func readonly(f *py.Frame, s py.Object, v py.Object) *py.BaseException {
	return py.NewTypeError("readonly attribute")
}

type partial struct {
	fn   py.Object
	args *py.Tuple
	kw   *py.Dict
	dict *py.Dict
}

func (p *partial) Type() *py.Type { return partialType }

// Dict gives partial objects their __dict__, as in CPython.
func (p *partial) Dict() *py.Dict { return p.dict }

func partialNew(f *py.Frame, t *py.Type, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if len(args) < 1 {
		return nil, py.NewTypeError("type 'partial' takes at least one argument")
	}
	if !py.IsCallable(args[0]) {
		return nil, py.NewTypeError("the first argument must be callable")
	}
	p := &partial{fn: args[0], args: py.NewTuple(append([]py.Object(nil), args[1:]...)...), kw: py.NewDict(), dict: py.NewDict()}
	for _, k := range kw {
		if err := p.kw.SetItem(f, py.NewStr(k.Name), k.Value); err != nil {
			return nil, err
		}
	}
	return native.Wrap(t, partialType, p), nil
}

// Call appends the call's arguments to the frozen ones; call keywords
// override frozen keywords.
func (p *partial) Call(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	all := append(append([]py.Object(nil), p.args.Elems()...), args...)
	keys, vals := p.kw.Entries()
	var merged py.Kwargs
	for i, k := range keys {
		ks, ok := k.(*py.Str)
		if !ok {
			return nil, py.NewTypeError("keywords must be strings")
		}
		overridden := false
		for _, c := range kw {
			if c.Name == ks.Value() {
				overridden = true
			}
		}
		if !overridden {
			merged = append(merged, py.Kwarg{Name: ks.Value(), Value: vals[i]})
		}
	}
	merged = append(merged, kw...)
	return py.Call(f, p.fn, all, merged)
}

func reduce(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.UnpackArgs("reduce", args, kw, 2, 3); err != nil {
		return nil, err
	}
	it, err := py.Iter(f, args[1])
	if err != nil {
		if err.IsInstance(py.TypeErrorType) {
			return nil, py.NewTypeError("reduce() arg 2 must support iteration")
		}
		return nil, err
	}
	var acc py.Object
	if len(args) == 3 {
		acc = args[2]
	}
	for {
		v, err := py.Next(f, it)
		if err != nil {
			return nil, err
		}
		if v == nil {
			break
		}
		if acc == nil {
			acc = v
			continue
		}
		if acc, err = py.Call2(f, args[0], acc, v); err != nil {
			return nil, err
		}
	}
	if acc == nil {
		return nil, py.NewTypeError("reduce() of empty sequence with no initial value")
	}
	return acc, nil
}

var (
	_ py.Caller     = (*partial)(nil)
	_ py.DictHolder = (*partial)(nil)
)
