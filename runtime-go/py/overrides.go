package py

// Native overrides: the few functions of CPython's pure-Python stdlib that rely on a dynamic
// feature the Go runtime does not have (design.md section 3). The stdlib module itself is
// transpiled from the user's Lib as usual; after its body has run, the functions listed here
// replace the module's own. This table is the one place overrides are listed.

import (
	"strings"
	"unicode"
)

var overrides = map[string]map[string]func(m *Module) Object{
	// collections.namedtuple builds its class by exec-ing a source template.
	"collections": {"namedtuple": newNamedTuple},
	// subprocess.Popen._execute_child forks and runs Python in the child (subprocess.go).
	"subprocess": {"Popen": patchPopen},
}

// applyOverrides runs after a transpiled (not native) module's body.
func applyOverrides(spec *ModuleSpec, m *Module) {
	if spec.Filename == "" {
		return
	}
	for name, make := range overrides[spec.Name] {
		m.dict.setStr(name, make(m))
	}
}

var pyKeywords = map[string]bool{
	"and": true, "as": true, "assert": true, "break": true, "class": true, "continue": true, "def": true,
	"del": true, "elif": true, "else": true, "except": true, "exec": true, "finally": true, "for": true,
	"from": true, "global": true, "if": true, "import": true, "in": true, "is": true, "lambda": true,
	"not": true, "or": true, "pass": true, "print": true, "raise": true, "return": true, "try": true,
	"while": true, "with": true, "yield": true,
}

func nameError(f *Frame, msg string, name Object) *BaseException {
	r, err := Repr(f, name)
	if err != nil {
		return err
	}
	return NewException(ValueErrorType, msg+r.s)
}

// newNamedTuple is collections.namedtuple(typename, field_names, verbose=False, rename=False),
// building the same class CPython 2.7's template defines, without exec.
func newNamedTuple(m *Module) Object {
	mod := m
	return NewBuiltinFunctionIn("collections", "namedtuple", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		var a [4]Object
		if err := ParseArgs("namedtuple", args, kw, []string{"typename", "field_names", "verbose", "rename"}, 2, a[:]); err != nil {
			return nil, err
		}
		typenameObj, fieldsObj := a[0], a[1]
		truth := func(o Object) (bool, *BaseException) {
			if o == nil {
				return false, nil
			}
			return IsTrue(f, o)
		}
		verbose, err := truth(a[2])
		if err != nil {
			return nil, err
		}
		rename, err := truth(a[3])
		if err != nil {
			return nil, err
		}
		if verbose {
			return nil, NewNotImplemented("namedtuple(verbose=True)", "dynamic-exec")
		}
		if s, ok := fieldsObj.(*Str); ok {
			fieldsObj = NewStr(strings.ReplaceAll(s.s, ",", " "))
			parts := strings.Fields(fieldsObj.(*Str).s)
			elems := make([]Object, len(parts))
			for i, p := range parts {
				elems[i] = NewStr(p)
			}
			fieldsObj = NewList(elems...)
		}
		var names []string
		it, err := Iter(f, fieldsObj)
		_ = typenameObj
		if err != nil {
			return nil, err
		}
		for {
			v, err := Next(f, it)
			if err != nil {
				return nil, err
			}
			if v == nil {
				break
			}
			s, err := ToStr(f, v)
			if err != nil {
				return nil, err
			}
			names = append(names, s.s)
		}
		tn, err := ToStr(f, typenameObj)
		if err != nil {
			return nil, err
		}
		typename := tn.s
		valid := func(n string) bool {
			if n == "" || pyKeywords[n] || unicode.IsDigit(rune(n[0])) || strings.HasPrefix(n, "_") {
				return false
			}
			for _, c := range n {
				if !(c == '_' || c < 128 && (unicode.IsLetter(c) || unicode.IsDigit(c))) {
					return false
				}
			}
			return true
		}
		if rename {
			seen := map[string]bool{}
			for i, n := range names {
				if !valid(n) || seen[n] {
					names[i] = "_" + itoa(i)
				}
				seen[names[i]] = true
			}
		}
		for _, n := range append([]string{typename}, names...) {
			for _, c := range n {
				if !(c == '_' || c < 128 && (unicode.IsLetter(c) || unicode.IsDigit(c))) {
					return nil, nameError(f, "Type names and field names can only contain alphanumeric characters and underscores: ", NewStr(n))
				}
			}
			if pyKeywords[n] {
				return nil, nameError(f, "Type names and field names cannot be a keyword: ", NewStr(n))
			}
			if n != "" && unicode.IsDigit(rune(n[0])) {
				return nil, nameError(f, "Type names and field names cannot start with a number: ", NewStr(n))
			}
		}
		seen := map[string]bool{}
		for _, n := range names {
			if strings.HasPrefix(n, "_") && !rename {
				return nil, nameError(f, "Field names cannot start with an underscore: ", NewStr(n))
			}
			if seen[n] {
				return nil, nameError(f, "Encountered duplicate field name: ", NewStr(n))
			}
			seen[n] = true
		}
		return buildNamedTuple(f, mod, typename, names)
	})
}

func buildNamedTuple(f *Frame, mod *Module, typename string, names []string) (Object, *BaseException) {
	fieldObjs := make([]Object, len(names))
	for i, n := range names {
		fieldObjs[i] = NewStr(n)
	}
	fields := NewTuple(fieldObjs...)
	argList := strings.Join(names, ", ")
	code := func(name string) *Code { return NewCode(name, "namedtuple_"+typename, nil) }
	tupleNew, err := GetAttr(f, TupleType, "__new__")
	if err != nil {
		return nil, err
	}
	ns := NewDict()
	ns.setStr("__doc__", NewStr(typename+"("+argList+")"))
	ns.setStr("__slots__", NewTuple())
	ns.setStr("_fields", fields)
	ns.setStr("__new__", NewStaticMethod(NewFunction(FuncSpec{
		Name: "__new__", Code: code("__new__"), Params: append([]string{"_cls"}, names...),
		Doc: NewStr("Create new instance of " + typename + "(" + argList + ")"),
	}, mod.dict, func(f *Frame, args []Object) (Object, *BaseException) {
		return Call(f, tupleNew, []Object{args[0], NewTuple(append([]Object(nil), args[1:]...)...)}, nil)
	})))
	lenFn := Builtins.getStr("len")
	makeFn := NewFunction(FuncSpec{
		Name: "_make", Code: code("_make"), Params: []string{"cls", "iterable", "new", "len"},
		Defaults: []Object{tupleNew, lenFn}, Doc: NewStr("Make a new " + typename + " object from a sequence or iterable"),
	}, mod.dict, func(f *Frame, args []Object) (Object, *BaseException) {
		result, err := Call(f, args[2], []Object{args[0], args[1]}, nil)
		if err != nil {
			return nil, err
		}
		n, err := Call(f, args[3], []Object{result}, nil)
		if err != nil {
			return nil, err
		}
		if i, ok := n.(*Int); !ok || int(i.v) != len(names) {
			s, err := ToStr(f, n)
			if err != nil {
				return nil, err
			}
			return nil, NewTypeError("Expected " + itoa(len(names)) + " arguments, got " + s.s)
		}
		return result, nil
	})
	ns.setStr("_make", NewClassMethod(makeFn))
	ns.setStr("__repr__", NewFunction(FuncSpec{Name: "__repr__", Code: code("__repr__"), Params: []string{"self"},
		Doc: NewStr("Return a nicely formatted representation string")}, mod.dict,
		func(f *Frame, args []Object) (Object, *BaseException) {
			var b strings.Builder
			b.WriteString(typename + "(")
			for i, n := range names {
				v, err := GetItem(f, args[0], NewInt(int64(i)))
				if err != nil {
					return nil, err
				}
				r, err := Repr(f, v)
				if err != nil {
					return nil, err
				}
				if i > 0 {
					b.WriteString(", ")
				}
				b.WriteString(n + "=" + r.s)
			}
			b.WriteString(")")
			return NewStr(b.String()), nil
		}))
	asdict := NewFunction(FuncSpec{Name: "_asdict", Code: code("_asdict"), Params: []string{"self"},
		Doc: NewStr("Return a new OrderedDict which maps field names to their values")}, mod.dict,
		func(f *Frame, args []Object) (Object, *BaseException) {
			od := mod.dict.getStr("OrderedDict")
			if od == nil {
				return nil, NewException(NameErrorType, "global name 'OrderedDict' is not defined")
			}
			zipFn := Builtins.getStr("zip")
			pairs, err := Call(f, zipFn, []Object{fields, args[0]}, nil)
			if err != nil {
				return nil, err
			}
			return Call(f, od, []Object{pairs}, nil)
		})
	ns.setStr("_asdict", asdict)
	ns.setStr("_replace", NewFunction(FuncSpec{Name: "_replace", Code: code("_replace"), Params: []string{"_self"}, Kwargs: "kwds",
		Doc: NewStr("Return a new " + typename + " object replacing specified fields with new values")}, mod.dict,
		func(f *Frame, args []Object) (Object, *BaseException) {
			self, kwds := args[0], args[1]
			pop, err := GetAttr(f, kwds, "pop")
			if err != nil {
				return nil, err
			}
			mapped, err := Call(f, Builtins.getStr("map"), []Object{pop, fields, self}, nil)
			if err != nil {
				return nil, err
			}
			mk, err := GetAttr(f, self, "_make")
			if err != nil {
				return nil, err
			}
			result, err := Call(f, mk, []Object{mapped}, nil)
			if err != nil {
				return nil, err
			}
			left, err := IsTrue(f, kwds)
			if err != nil {
				return nil, err
			}
			if left {
				keys, err := CallMethod(f, kwds, "keys", nil, nil)
				if err != nil {
					return nil, err
				}
				r, err := Repr(f, keys)
				if err != nil {
					return nil, err
				}
				return nil, NewException(ValueErrorType, "Got unexpected field names: "+r.s)
			}
			return result, nil
		}))
	ns.setStr("__getnewargs__", NewFunction(FuncSpec{Name: "__getnewargs__", Code: code("__getnewargs__"), Params: []string{"self"},
		Doc: NewStr("Return self as a plain tuple.  Used by copy and pickle.")}, mod.dict,
		func(f *Frame, args []Object) (Object, *BaseException) {
			return Call(f, TupleType, []Object{args[0]}, nil)
		}))
	dictProp, err := Call(f, PropertyType, []Object{asdict}, nil)
	if err != nil {
		return nil, err
	}
	ns.setStr("__dict__", dictProp)
	ns.setStr("__getstate__", NewFunction(FuncSpec{Name: "__getstate__", Code: code("__getstate__"), Params: []string{"self"},
		Doc: NewStr("Exclude the OrderedDict from pickling")}, mod.dict,
		func(f *Frame, args []Object) (Object, *BaseException) { return None, nil }))
	for i, n := range names {
		i := i
		getter := NewBuiltinFunction("itemgetter", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
			return GetItem(f, args[0], NewInt(int64(i)))
		})
		p, err := Call(f, PropertyType, []Object{getter, None, None, NewStr("Alias for field number " + itoa(i))}, nil)
		if err != nil {
			return nil, err
		}
		ns.setStr(n, p)
	}
	// As CPython: the class belongs to the module that called namedtuple.
	if f.Globals != nil {
		if name := f.Globals.getStr("__name__"); name != nil {
			ns.setStr("__module__", name)
		}
	}
	return BuildClass(f, typename, []Object{TupleType}, ns)
}
