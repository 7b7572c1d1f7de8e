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
	// LoadName's record (gGen is then noGen, so LoadGlobal never trusts
	// it): slot is the entry holding the name, either in globals, valid
	// while the table still starts at base and the entry's key is the
	// name, or (inBuiltins) in Builtins, valid while neither dict has
	// gained or lost a key since (versions gVer and bVer).
	slot, base *htEntry
	inBuiltins bool
	gVer, bVer uint64
	// churn marks a record LoadGlobal made after its generation cache went
	// stale: the module keeps storing globals, so LoadGlobal reads through
	// the record rather than caching by generation again.
	churn bool
}

// noGen is a generation no dict reaches, for caches LoadGlobal must skip.
const noGen = ^uint64(0)

// loadGlobalCached resolves name in globals then builtins, memoising the
// result on the interned *Str (lock-free when nothing changed).
func loadGlobalCached(globals *Dict, name *Str) Object {
	if c := name.gcache.Load(); c != nil && c.globals == globals {
		if c.gGen == globals.ht.gen.Load() && (!c.fromBuiltins || c.bGen == Builtins.ht.gen.Load()) {
			return c.v
		}
		// A stale generation cache: the module keeps storing globals (a
		// module-level loop calling this function), so every generation
		// check would fail. Read through an entry record, as LoadName does,
		// which survives stores of values. (LoadName's own records are
		// replaced by a generation cache as usual.)
		if c.slot != nil && c.churn {
			if v := c.loadSlot(globals, name); v != nil {
				return v
			}
		}
		if c.churn || c.gGen != noGen {
			if v := loadNameSlot(globals, name); v != nil {
				if nc := name.gcache.Load(); nc != nil && nc.slot != nil && !nc.churn {
					marked := *nc
					marked.churn = true
					name.gcache.Store(&marked)
				}
				return v
			}
		}
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
//
// Module bodies store to their globals in loops, which defeats the
// generation cache; LoadName remembers the entry instead and checks it is
// still the name's entry in the current table. The common case, a name
// found in globals, is small enough to inline into generated code.
func LoadName(f *Frame, name *Str) (Object, *BaseException) {
	g := f.Globals
	if c := name.gcache.Load(); c != nil && c.slot != nil && c.globals == g && !c.inBuiltins {
		g.ht.mu.Lock()
		if t := g.ht.table; len(t) > 0 && &t[0] == c.base {
			if k, _ := c.slot.key.(*Str); k == name {
				v := c.slot.value
				g.ht.mu.Unlock()
				return v, nil
			}
		}
		g.ht.mu.Unlock()
	}
	return loadName(g, name)
}

func loadName(g *Dict, name *Str) (Object, *BaseException) {
	if c := name.gcache.Load(); c != nil && c.slot != nil && c.globals == g {
		if v := c.loadSlot(g, name); v != nil {
			return v, nil
		}
	}
	if v := loadNameSlot(g, name); v != nil {
		return v, nil
	}
	if v := dictGetStrObj(g, name); v != nil {
		return v, nil
	}
	if v := dictGetStrObj(Builtins, name); v != nil {
		return v, nil
	}
	return nil, NewNameError("name '" + name.s + "' is not defined")
}

// loadSlot reads the value through a LoadName record, or nil when the
// record no longer holds.
func (c *globalCache) loadSlot(g *Dict, name *Str) Object {
	var v Object
	g.ht.mu.Lock()
	if !c.inBuiltins {
		if t := g.ht.table; len(t) > 0 && &t[0] == c.base {
			if k, _ := c.slot.key.(*Str); k == name {
				v = c.slot.value
			}
		}
		g.ht.mu.Unlock()
		return v
	}
	ok := g.ht.version == c.gVer
	g.ht.mu.Unlock()
	if ok {
		Builtins.ht.mu.Lock()
		if Builtins.ht.version == c.bVer {
			v = c.slot.value
		}
		Builtins.ht.mu.Unlock()
	}
	return v
}

// loadNameSlot looks name up in globals then builtins, recording where it
// was found for loadSlot; nil when a plain str probe cannot decide.
func loadNameSlot(g *Dict, name *Str) Object {
	h := name.hash()
	g.ht.mu.Lock()
	if ep := g.ht.findStr(name.s, h); ep != nil {
		v := ep.value
		if ep.key == Object(name) {
			name.gcache.Store(&globalCache{globals: g, gGen: noGen, slot: ep, base: &g.ht.table[0]})
		}
		g.ht.mu.Unlock()
		return v
	}
	// findStr's nil is also a same-hash key of another type: only an
	// empty slot proves absence
	_, absent := g.ht.lookupStr(name.s, h)
	gVer := g.ht.version
	g.ht.mu.Unlock()
	if !absent {
		return nil
	}
	Builtins.ht.mu.Lock()
	var v Object
	if ep := Builtins.ht.findStr(name.s, h); ep != nil {
		v = ep.value
		name.gcache.Store(&globalCache{globals: g, gGen: noGen, slot: ep, inBuiltins: true, gVer: gVer, bVer: Builtins.ht.version})
	}
	Builtins.ht.mu.Unlock()
	return v
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
	g := f.Globals
	if c := name.gcache.Load(); c != nil && c.slot != nil && !c.inBuiltins && c.globals == g {
		// LoadName's record of the entry: rebind in place
		g.ht.mu.Lock()
		if k, _ := c.slot.key.(*Str); k == name && len(g.ht.table) > 0 && &g.ht.table[0] == c.base {
			c.slot.value = v
			g.ht.bump()
			g.ht.mu.Unlock()
			return
		}
		g.ht.mu.Unlock()
	}
	g.setStrObj(name, v)
}

// DelGlobal deletes a module-level name (NameError when absent).
func DelGlobal(f *Frame, name *Str) *BaseException {
	tracked := hasDel(f.Globals.getStr(name.s))
	if !f.Globals.delStr(name.s) {
		return NewNameError("name '" + name.s + "' is not defined")
	}
	if tracked {
		delNow(f, name)
	}
	return nil
}

// DelGlobalInFunc is `del x` for a global declared in a function.
func DelGlobalInFunc(f *Frame, name *Str) *BaseException {
	tracked := hasDel(f.Globals.getStr(name.s))
	if !f.Globals.delStr(name.s) {
		return NewNameError("global name '" + name.s + "' is not defined")
	}
	if tracked {
		delNow(f, name)
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
