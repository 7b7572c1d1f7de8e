// Package ast is CPython 2.7's _ast module: the AST node classes the
// pure ast.py builds on. Parsing source into these nodes needs compile(),
// which the runtime does not provide, so the classes serve programs that
// build or inspect trees themselves (and let ast.py import).
//
// Members:
//
//	AST              the base type: __init__ fills _fields from positional
//	                 arguments (all or none) and any keyword arguments
//	mod stmt expr …  every node class of table.go (generated from
//	                 CPython 2.7), with its _fields and _attributes
//	PyCF_ONLY_AST    1024
//	__version__      '82160'
package ast

import (
	"github.com/grumpy-audit/grumpy-audit/runtime-go/modules/internal/native"
	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

// node is an AST value: its fields live in the instance dict.
type node struct{ dict *py.Dict }

var astType *py.Type

func (n *node) Type() *py.Type { return astType }
func (n *node) Dict() *py.Dict { return n.dict }

var _ py.DictHolder = (*node)(nil)

// classes are the node classes by name (literal.go builds nodes).
var classes map[string]*py.Type

func init() {
	astType = native.NewType(native.TypeSpec{Name: "AST", Module: "_ast",
		New: func(f *py.Frame, t *py.Type, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			return native.Wrap(t, astType, &node{dict: py.NewDict()}), nil
		},
		Values: map[string]py.Object{"_fields": py.NewTuple()},
	})
	astType.SetHasDict()
	astType.Def("__init__", initNode)
	astType.Def("__reduce__", func(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		if err := py.NoArgs("__reduce__", args, kw); err != nil {
			return nil, err
		}
		d, err := py.GetAttr(f, self, "__dict__")
		if err == nil {
			if dd, ok := d.(*py.Dict); ok {
				if n, _ := dd.Len(f); n > 0 {
					return py.NewTuple(self.Type(), py.NewTuple(), dd), nil
				}
			}
		}
		return py.NewTuple(self.Type(), py.NewTuple()), nil
	})
	classes = map[string]*py.Type{"AST": astType}
	var members []native.Member
	for _, n := range nodes {
		d := py.NewDict()
		d.SetStr("__module__", py.NewStr("_ast"))
		d.SetStr("_fields", strTuple(n.fields))
		if n.attributes != nil {
			d.SetStr("_attributes", strTuple(n.attributes))
		}
		t, err := py.NewClass(nil, nil, n.name, []*py.Type{classes[n.base]}, d)
		if err != nil {
			panic("_ast: " + err.Error())
		}
		classes[n.name] = t
		members = append(members, native.V(n.name, t))
	}
	py.CompileLiteralAST = compileLiteral
	native.Register("_ast", "", func() []native.Member {
		return append([]native.Member{
			native.V("AST", astType),
			native.V("PyCF_ONLY_AST", py.NewInt(1024)),
			native.V("__version__", py.NewStr("82160")),
		}, members...)
	})
}

func strTuple(xs []string) py.Object {
	items := make([]py.Object, len(xs))
	for i, x := range xs {
		items[i] = py.NewStr(x)
	}
	return py.NewTuple(items...)
}

// initNode is AST.__init__: positional arguments fill _fields in order
// (all of them or none), keyword arguments set any attribute.
func initNode(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	fo, err := py.GetAttr(f, self.Type(), "_fields")
	if err != nil {
		return nil, err
	}
	fields, err := py.ToSlice(f, fo)
	if err != nil {
		return nil, err
	}
	if len(args) > 0 {
		if len(args) != len(fields) {
			name := self.Type().Name()
			if self.Type() == astType {
				name = "_ast.AST"
			}
			either, s := "", "s"
			if len(fields) > 0 {
				either = "either 0 or "
			}
			if len(fields) == 1 {
				s = ""
			}
			return nil, py.NewTypeError(name + " constructor takes " + either + native.Itoa(len(fields)) + " positional argument" + s)
		}
		for i, fl := range fields {
			name, ok := fl.(*py.Str)
			if !ok {
				return nil, py.NewTypeError("_fields must contain strings")
			}
			if err := py.SetAttr(f, self, name.Value(), args[i]); err != nil {
				return nil, err
			}
		}
	}
	for _, k := range kw {
		if err := py.SetAttr(f, self, k.Name, k.Value); err != nil {
			return nil, err
		}
	}
	return py.None, nil
}
