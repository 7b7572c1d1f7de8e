package py

// Name resolution helpers. Locals of functions are Go variables in
// generated code; these cover globals, builtins, class bodies and the
// exact NameError/UnboundLocalError texts CPython 2.7 produces.

// Builtins is the __builtin__ module's dict.
var Builtins = NewDict()

// globalCache remembers where an identifier resolved: valid while
// neither the globals dict nor the builtins dict has changed since.
type globalCache struct {
	globals      *Dict
	gGen, bGen   uint64
	v            Object
	fromBuiltins bool
}

// loadGlobalCached resolves name in globals then builtins, memoising the
// result on the interned *Str (lock-free when nothing changed).
func loadGlobalCached(globals *Dict, name *Str) Object {
	if c := name.gcache.Load(); c != nil && c.globals == globals && c.gGen == globals.ht.gen.Load() &&
		(!c.fromBuiltins || c.bGen == Builtins.ht.gen.Load()) {
		return c.v
	}
	// watched before gen is read: any later mutation then bumps gen
	globals.ht.watch()
	Builtins.ht.watch()
	gGen := globals.ht.gen.Load()
	bGen := Builtins.ht.gen.Load()
	if v := dictGetStrObj(globals, name); v != nil {
		name.gcache.Store(&globalCache{globals: globals, gGen: gGen, v: v})
		return v
	}
	if v := dictGetStrObj(Builtins, name); v != nil {
		name.gcache.Store(&globalCache{globals: globals, gGen: gGen, bGen: bGen, v: v, fromBuiltins: true})
		return v
	}
	return nil
}

// LoadGlobal is LOAD_GLOBAL inside a function: module globals, then
// builtins, else NameError "global name 'x' is not defined".
func LoadGlobal(f *Frame, name *Str) (Object, *BaseException) {
	if v := loadGlobalCached(f.Globals, name); v != nil {
		return v, nil
	}
	return nil, NewNameError("global name '" + name.s + "' is not defined")
}

// LoadName is LOAD_NAME at module level: globals then builtins, else
// NameError "name 'x' is not defined".
func LoadName(f *Frame, name *Str) (Object, *BaseException) {
	if v := dictGetStrObj(f.Globals, name); v != nil {
		return v, nil
	}
	if v := dictGetStrObj(Builtins, name); v != nil {
		return v, nil
	}
	return nil, NewNameError("name '" + name.s + "' is not defined")
}

// LoadClassName is LOAD_NAME in a class body: the class namespace, then
// globals, then builtins.
func LoadClassName(f *Frame, ns *Dict, name *Str) (Object, *BaseException) {
	if v := dictGetStrObj(ns, name); v != nil {
		return v, nil
	}
	return LoadName(f, name)
}

// StoreGlobal sets a module-level name.
func StoreGlobal(f *Frame, name *Str, v Object) {
	f.Globals.setStrObj(name, v)
}

// DelGlobal deletes a module-level name (NameError when absent).
func DelGlobal(f *Frame, name *Str) *BaseException {
	if !f.Globals.delStr(name.s) {
		return NewNameError("name '" + name.s + "' is not defined")
	}
	return nil
}

// DelGlobalInFunc is `del x` for a global declared in a function.
func DelGlobalInFunc(f *Frame, name *Str) *BaseException {
	if !f.Globals.delStr(name.s) {
		return NewNameError("global name '" + name.s + "' is not defined")
	}
	return nil
}

// UnboundLocal is the error for reading an unassigned local.
func UnboundLocal(name string) *BaseException {
	return NewException(UnboundLocalErrorType, "local variable '"+name+"' referenced before assignment")
}

// UnboundFree is the error for reading an unassigned closure variable.
func UnboundFree(name string) *BaseException {
	return NewNameError("free variable '" + name + "' referenced before assignment in enclosing scope")
}

func dictGetStrObj(d *Dict, k *Str) Object {
	return d.getStrH(k.s, k.hash())
}

// BuildClass creates a class from an evaluated body namespace, choosing
// the metaclass as Python 2 does: __metaclass__ in the body, else the
// type of the first base, else __metaclass__ in module globals, else
// classobj (an old-style class).
func BuildClass(f *Frame, name string, bases []Object, ns *Dict) (Object, *BaseException) {
	var meta Object
	if m := ns.getStr("__metaclass__"); m != nil {
		meta = m
	} else if len(bases) > 0 {
		meta = bases[0].Type()
		if ci, ok := bases[0].(*Class); ok {
			_ = ci
			meta = ClassType
			for _, b := range bases[1:] {
				if _, isType := b.(*Type); isType {
					meta = b.Type()
					break
				}
			}
		}
	} else if m := f.Globals.getStr("__metaclass__"); m != nil {
		meta = m
	} else {
		meta = ClassType
	}
	if ns.getStr("__module__") == nil {
		if n := f.Globals.getStr("__name__"); n != nil {
			ns.setStr("__module__", n)
		}
	}
	if meta == Object(ClassType) {
		cbases := make([]*Class, 0, len(bases))
		for _, b := range bases {
			c, ok := b.(*Class)
			if !ok {
				return nil, NewTypeError("Error when calling the metaclass bases\n    a new-style class can't have only classic bases")
			}
			cbases = append(cbases, c)
		}
		return NewClassicClass(name, cbases, ns), nil
	}
	return Call(f, meta, []Object{NewStr(name), NewTuple(bases...), ns}, nil)
}

// RunClassBody runs a class body (generated as a function filling ns) in
// its own frame named after the class, as CPython does.
func RunClassBody(f *Frame, code *Code, ns *Dict, body func(f *Frame, ns *Dict) *BaseException) *BaseException {
	cf := NewFrame(f, code, f.Globals)
	if err := body(cf, ns); err != nil {
		err.addTraceback(cf)
		return err
	}
	return nil
}
