package py

import "strconv"

// FuncBody is the Go function the transpiler emits for a def. args holds
// the bound parameters in order: the named parameters, then the *args
// tuple if any, then the **kwargs dict if any. Tuple parameters arrive
// as one value and are unpacked by generated code.
type FuncBody func(f *Frame, args []Object) (Object, *BaseException)

// Function mirrors CPython's function object: defaults are evaluated
// once (at NewFunction), argument binding and its TypeError messages
// live here, and each call gets a fresh cheap *Frame.
//
// Deliberate difference: closures are Go closures over *Cell variables,
// so func_closure is not introspectable.
type Function struct {
	name     string
	code     *Code
	globals  *Dict
	params   []string
	defaults []Object
	varargs  string
	kwargs   string
	body     FuncBody
	dict     *Dict
	doc      Object
	module   Object
	nparams  int // len(params) + varargs + kwargs
	closure  []*Cell
	reuse    bool // FuncSpec.ReuseFrame
}

// FunctionType is `function`.
var FunctionType = newBuiltinType("function", nil)

// FuncSpec describes a def's signature for NewFunction.
type FuncSpec struct {
	Name     string
	Code     *Code
	Params   []string // positional parameter names (tuple params named ".0", ".1"...)
	Defaults []Object // values for the last len(Defaults) params, evaluated at def time
	Varargs  string   // "" when absent
	Kwargs   string   // "" when absent
	Doc      Object   // nil means None
	Closure  []*Cell  // captured cells in co_freevars order (func_closure)
	// ReuseFrame promises that the body keeps no reference to its frame
	// once it returns (true of every non-generator def and lambda), so
	// the runtime may recycle the frame for a later call.
	ReuseFrame bool
}

// NewFunction builds a function object; globals is the module dict.
func NewFunction(spec FuncSpec, globals *Dict, body FuncBody) *Function {
	fn := &Function{name: spec.Name, code: spec.Code, globals: globals, params: spec.Params,
		defaults: spec.Defaults, varargs: spec.Varargs, kwargs: spec.Kwargs, body: body, doc: spec.Doc,
		closure: spec.Closure, reuse: spec.ReuseFrame}
	fn.nparams = len(spec.Params)
	if spec.Varargs != "" {
		fn.nparams++
	}
	if spec.Kwargs != "" {
		fn.nparams++
	}
	if fn.doc == nil {
		fn.doc = None
	}
	if fn.code == nil {
		fn.code = &Code{Name: spec.Name}
	}
	if globals != nil {
		fn.module = globals.getStr("__name__")
	}
	if fn.module == nil {
		fn.module = None
	}
	return fn
}

// Type implements Object.
func (fn *Function) Type() *Type { return FunctionType }

// Name is func_name.
func (fn *Function) Name() string { return fn.name }

// Repr mirrors <function f at 0x...>.
func (fn *Function) Repr(f *Frame) (string, *BaseException) {
	return "<function " + fn.name + " at " + addrOf(fn) + ">", nil
}

// DescrGet makes bound methods (and unbound ones for class access).
func (fn *Function) DescrGet(f *Frame, obj Object, t *Type) (Object, *BaseException) {
	var cls Object = None
	if t != nil {
		cls = t
	}
	if obj == nil {
		return &Method{fn: fn, class: cls}, nil
	}
	return &Method{fn: fn, self: obj, class: cls}, nil
}

// Call implements Caller.
func (fn *Function) Call(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
	return fn.invoke(f, nil, args, kw)
}

func (fn *Function) callWithSelf(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
	return fn.invoke(f, self, args, kw)
}

// invoke binds arguments into the new frame's buffer and runs the body.
func (fn *Function) invoke(caller *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
	fr, err := fn.newFrame(caller)
	if err != nil {
		return nil, err
	}
	nself := 0
	if self != nil {
		nself = 1
	}
	given := len(args) + nself
	var bound []Object
	if fn.nparams <= len(fr.argBuf) {
		bound = fr.argBuf[:fn.nparams]
	} else {
		bound = make([]Object, fn.nparams)
	}
	np := len(fn.params)
	if given == np && len(kw) == 0 && fn.varargs == "" && fn.kwargs == "" {
		if self != nil {
			bound[0] = self
		}
		copy(bound[nself:], args)
	} else if err := fn.bind(bound, self, args, kw); err != nil {
		return nil, err
	}
	return fn.run(fr, bound)
}

func (fn *Function) bind(bound []Object, self Object, args []Object, kw Kwargs) *BaseException {
	np := len(fn.params)
	all := args
	if self != nil {
		all = make([]Object, 0, len(args)+1)
		all = append(append(all, self), args...)
	}
	argcount := len(all)
	kwcount := len(kw)
	if np == 0 && fn.varargs == "" && fn.kwargs == "" && (argcount > 0 || kwcount > 0) {
		return NewTypeError(fn.name + "() takes no arguments (" + strconv.Itoa(argcount+kwcount) + " given)")
	}
	var kwdict *Dict
	if fn.kwargs != "" {
		kwdict = NewDict()
	}
	n := argcount
	if n > np {
		if fn.varargs == "" {
			word := "exactly"
			if len(fn.defaults) > 0 {
				word = "at most"
			}
			return NewTypeError(fn.name + "() takes " + word + " " + strconv.Itoa(np) + " argument" + plural(np) + " (" + strconv.Itoa(argcount+kwcount) + " given)")
		}
		n = np
	}
	copy(bound, all[:n])
	if fn.varargs != "" {
		if argcount > np {
			rest := make([]Object, argcount-np)
			copy(rest, all[np:])
			bound[np] = NewTuple(rest...)
		} else {
			bound[np] = emptyTuple
		}
	}
	for _, k := range kw {
		found := false
		for j, p := range fn.params {
			if p == k.Name {
				if bound[j] != nil {
					return NewTypeError(fn.name + "() got multiple values for keyword argument '" + k.Name + "'")
				}
				bound[j] = k.Value
				found = true
				break
			}
		}
		if !found {
			if kwdict == nil {
				return NewTypeError(fn.name + "() got an unexpected keyword argument '" + k.Name + "'")
			}
			if err := kwdict.SetItem(nil, NewStr(k.Name), k.Value); err != nil {
				return err
			}
		}
	}
	if argcount < np {
		m := np - len(fn.defaults)
		for i := argcount; i < m; i++ {
			if bound[i] == nil {
				given := 0
				for j := 0; j < np; j++ {
					if bound[j] != nil {
						given++
					}
				}
				word := "exactly"
				if fn.varargs != "" || len(fn.defaults) > 0 {
					word = "at least"
				}
				return NewTypeError(fn.name + "() takes " + word + " " + strconv.Itoa(m) + " argument" + plural(m) + " (" + strconv.Itoa(given) + " given)")
			}
		}
		for i := max(m, argcount); i < np; i++ {
			if bound[i] == nil {
				bound[i] = fn.defaults[i-m]
			}
		}
	}
	if kwdict != nil {
		idx := np
		if fn.varargs != "" {
			idx++
		}
		bound[idx] = kwdict
	}
	return nil
}

// GetAttr exposes func_name/__name__, __doc__, func_defaults, __dict__...
func (fn *Function) GetAttr(f *Frame, name string) (Object, *BaseException) {
	switch name {
	case "__name__", "func_name":
		return NewStr(fn.name), nil
	case "__doc__", "func_doc":
		return fn.doc, nil
	case "__module__":
		return fn.module, nil
	case "func_defaults", "__defaults__":
		if len(fn.defaults) == 0 {
			return None, nil
		}
		return NewTuple(fn.defaults...), nil
	case "func_globals", "__globals__":
		return fn.globals, nil
	case "__dict__", "func_dict":
		return fn.attrs().object(), nil
	case "func_code", "__code__":
		return &codeObject{fn.code}, nil
	case "func_closure", "__closure__":
		if len(fn.closure) == 0 {
			return None, nil
		}
		cs := make([]Object, len(fn.closure))
		for i, c := range fn.closure {
			cs[i] = c
		}
		return NewTuple(cs...), nil
	}
	if fn.dict != nil {
		if v := fn.dict.getStr(name); v != nil {
			return v, nil
		}
	}
	return genericGetAttrNoDict(f, fn, name)
}

func (fn *Function) attrs() *Dict {
	if fn.dict == nil {
		fn.dict = NewDict()
	}
	return fn.dict
}

// SetAttr stores function attributes (and __name__/__doc__/__module__).
func (fn *Function) SetAttr(f *Frame, name string, v Object) *BaseException {
	switch name {
	case "__name__", "func_name":
		s, ok := v.(*Str)
		if !ok {
			return NewTypeError("__name__ must be set to a string object")
		}
		fn.name = s.s
		return nil
	case "__doc__", "func_doc":
		if v == nil {
			v = None
		}
		fn.doc = v
		return nil
	case "__module__":
		fn.module = v
		return nil
	case "func_defaults", "__defaults__":
		if v == nil || v == None {
			fn.defaults = nil
			return nil
		}
		t, ok := v.(*Tuple)
		if !ok {
			return NewTypeError("func_defaults must be set to a tuple object")
		}
		fn.defaults = t.elems
		return nil
	case "__dict__", "func_dict":
		// func_set_dict: the dict itself becomes the attribute namespace
		if v == nil {
			return NewTypeError("function's dictionary may not be deleted")
		}
		d := dictStorage(v)
		if d == nil {
			return NewTypeError("setting function's dictionary to a non-dict")
		}
		fn.dict = d
		return nil
	}
	if v == nil {
		if fn.dict == nil || !fn.dict.delStr(name) {
			return attributeError(fn, name)
		}
		return nil
	}
	fn.attrs().setStr(name, v)
	return nil
}

// Cell is a closure variable shared between a function and the
// functions nested in it. nil contents mean unbound.
type Cell struct {
	v Object
}

// NewCell makes a cell (v may be nil for unbound).
func NewCell(v Object) *Cell { return &Cell{v: v} }

// CellType is `cell`.
var CellType = newBuiltinType("cell", nil)

// Type implements Object.
func (c *Cell) Type() *Type { return CellType }

// Get returns the contents (nil if unbound).
func (c *Cell) Get() Object { return c.v }

// Repr mirrors <cell at 0x...: int object at 0x...>.
func (c *Cell) Repr(f *Frame) (string, *BaseException) {
	if c.v == nil {
		return "<cell at " + addrOf(c) + ": empty>", nil
	}
	return "<cell at " + addrOf(c) + ": " + c.v.Type().name + " object at " + addrOf(c.v) + ">", nil
}

// GetAttr exposes cell_contents.
func (c *Cell) GetAttr(f *Frame, name string) (Object, *BaseException) {
	if name == "cell_contents" {
		if c.v == nil {
			return nil, NewValueError("Cell is empty")
		}
		return c.v, nil
	}
	return genericGetAttrNoDict(f, c, name)
}

// Set stores v.
func (c *Cell) Set(v Object) { c.v = v }

var _ Caller = (*Function)(nil)
var _ DescrGetter = (*Function)(nil)
var _ AttrGetter = (*Function)(nil)

// funcMember is a class-level attribute of `function` that CPython implements as a
// member_descriptor (func_globals, func_closure, func_doc, __module__…); funcGetSet as a
// getset_descriptor (func_code, func_defaults, func_name…). Both delegate to Function.GetAttr,
// which serves instances directly; they exist so `types.py` can read FunctionType.func_code.
type funcMember struct{ name string }

func (m *funcMember) Type() *Type { return memberDescrType }

// DescrGet returns the descriptor itself on the class, the attribute on a function.
func (m *funcMember) DescrGet(f *Frame, obj Object, t *Type) (Object, *BaseException) {
	if obj == nil {
		return m, nil
	}
	fn, ok := obj.(*Function)
	if !ok {
		return nil, NewTypeError("descriptor '" + m.name + "' for 'function' objects doesn't apply to '" + obj.Type().tpName() + "' object")
	}
	return fn.GetAttr(f, m.name)
}

func init() {
	for _, name := range []string{"func_closure", "__closure__", "func_doc", "__doc__", "func_globals", "__globals__", "__module__"} {
		FunctionType.setAttrRaw(name, &funcMember{name: name})
	}
	for _, name := range []string{"func_code", "__code__", "func_defaults", "__defaults__", "func_dict", "__dict__", "func_name", "__name__"} {
		name := name
		FunctionType.setAttrRaw(name, NewGetSet(name, func(f *Frame, o Object) (Object, *BaseException) {
			fn, ok := o.(*Function)
			if !ok {
				return nil, NewTypeError("descriptor '" + name + "' for 'function' objects doesn't apply to '" + o.Type().tpName() + "' object")
			}
			return fn.GetAttr(f, name)
		}, nil))
	}
	// CPython's slot wrapper; callable(f) and hasattr(f, '__call__') both hold for functions.
	FunctionType.setAttrRaw("__call__", NewGetSet("__call__", func(f *Frame, o Object) (Object, *BaseException) {
		return &methodWrapper{name: "__call__", self: o, call: func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
			return Call(f, o, args, kw)
		}}, nil
	}, nil))
}
