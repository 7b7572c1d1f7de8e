package py

// Attribute access and method calls keyed by interned *Str names: the
// transpiler declares one package-level *Str per identifier, whose hash
// is computed once, so instance-dict probes never rehash the name.

// GetAttrStr is o.name with a pre-hashed name.
func GetAttrStr(f *Frame, o Object, name *Str) (Object, *BaseException) {
	if inst, ok := o.(*Instance); ok {
		hooks := inst.typ.attrHooks()
		if hooks.getattribute == nil {
			t := inst.typ
			d := t.lookupStr(name)
			if d != nil && isDataDescr(d) {
				return descrGet(f, d, inst, t)
			}
			if d == nil && isInstanceSpecial(name.s) {
				return GetAttr(f, o, name.s)
			}
			if dict := inst.loadDict(); dict != nil {
				if v := dict.getStrH(name.s, name.hash()); v != nil {
					return v, nil
				}
			}
			if d != nil {
				return descrGet(f, d, inst, t)
			}
		}
	}
	return GetAttr(f, o, name.s)
}

// SetAttrStr is o.name = v with a pre-hashed name.
func SetAttrStr(f *Frame, o Object, name *Str, v Object) *BaseException {
	if inst, ok := o.(*Instance); ok && v != nil {
		if dict := inst.loadDict(); dict != nil && inst.typ.attrHooks().setattr == nil {
			d := inst.typ.lookupStr(name)
			if (d == nil || !isDataDescr(d)) && !isInstanceSpecial(name.s) {
				dict.setStrObj(name, v)
				return nil
			}
		}
	}
	return SetAttr(f, o, name.s, v)
}

// isInstanceSpecial reports the names an instance resolves as CPython's
// object.__class__ and __dict__ data descriptors (unless its class
// defines them): a load or store never uses an instance-dict entry.
func isInstanceSpecial(name string) bool {
	return name == "__class__" || name == "__dict__"
}

// CallMethodStr is o.name(args...) with a pre-hashed name.
func CallMethodStr(f *Frame, o Object, name *Str, args []Object, kw Kwargs) (Object, *BaseException) {
	if m, self := methodFor(o, name); m != nil {
		return m.invoke(f, self, args, kw)
	}
	if bm := builtinMethodFor(o, name); bm != nil {
		return bm.fn(f, o, args, kw)
	}
	return CallMethod(f, o, name.s, args, kw)
}

// CallMethod0 is o.name().
func CallMethod0(f *Frame, o Object, name *Str) (Object, *BaseException) {
	if m, self := methodFor(o, name); m != nil && m.nparams == 1 && len(m.params) == 1 {
		fr, err := m.newFrame(f)
		if err != nil {
			return nil, err
		}
		fr.argBuf[0] = self
		return m.run(fr, fr.argBuf[:1])
	}
	if bm := builtinMethodFor(o, name); bm != nil {
		return bm.fn(f, o, nil, nil)
	}
	return CallMethod(f, o, name.s, nil, nil)
}

// CallMethod1 is o.name(a).
func CallMethod1(f *Frame, o Object, name *Str, a Object) (Object, *BaseException) {
	if m, self := methodFor(o, name); m != nil && m.nparams == 2 && len(m.params) == 2 {
		fr, err := m.newFrame(f)
		if err != nil {
			return nil, err
		}
		fr.argBuf[0], fr.argBuf[1] = self, a
		return m.run(fr, fr.argBuf[:2])
	}
	if bm := builtinMethodFor(o, name); bm != nil {
		return bm.fn(f, o, []Object{a}, nil)
	}
	return CallMethod(f, o, name.s, []Object{a}, nil)
}

// CallMethod2 is o.name(a, b).
func CallMethod2(f *Frame, o Object, name *Str, a, b Object) (Object, *BaseException) {
	if m, self := methodFor(o, name); m != nil && m.nparams == 3 && len(m.params) == 3 {
		fr, err := m.newFrame(f)
		if err != nil {
			return nil, err
		}
		fr.argBuf[0], fr.argBuf[1], fr.argBuf[2] = self, a, b
		return m.run(fr, fr.argBuf[:3])
	}
	if d, ok := o.(*Dict); ok && name.s == "get" && d.Type() == DictType {
		// dict.get(k, default) without building the argument slice
		v, err := d.Get(f, a)
		if err != nil {
			return nil, err
		}
		if v == nil {
			return b, nil
		}
		return v, nil
	}
	if bm := builtinMethodFor(o, name); bm != nil {
		return bm.fn(f, o, []Object{a, b}, nil)
	}
	return CallMethod(f, o, name.s, []Object{a, b}, nil)
}

// builtinMethodFor finds a method of a built-in container (no instance
// dict, no __getattribute__ to consult).
func builtinMethodFor(o Object, name *Str) *BuiltinMethod {
	switch o.(type) {
	case *List, *Dict, *Str, *Set, *Unicode, *Tuple:
		if m, ok := o.Type().lookupStr(name).(*BuiltinMethod); ok {
			return m
		}
	}
	return nil
}

// methodFor finds a plain Python method on o's class that a call can
// bind directly (no instance attribute shadows it, no __getattribute__).
func methodFor(o Object, name *Str) (*Function, Object) {
	inst, ok := o.(*Instance)
	if !ok {
		return nil, nil
	}
	fn, ok := inst.typ.lookupStr(name).(*Function)
	if !ok {
		return nil, nil
	}
	if inst.typ.attrHooks().getattribute != nil {
		return nil, nil
	}
	if dict := inst.loadDict(); dict != nil && dict.getStrH(name.s, name.hash()) != nil {
		return nil, nil
	}
	return fn, inst
}

// getStrH is getStr with a known hash.
func (d *Dict) getStrH(name string, h int64) Object {
	d.ht.mu.Lock()
	v, ok := d.ht.lookupStr(name, h)
	d.ht.mu.Unlock()
	if !ok {
		return d.getStrSlow(name)
	}
	return v
}

// setStrObj stores under an interned str key (no allocation).
func (d *Dict) setStrObj(k *Str, v Object) {
	h := k.hash()
	d.ht.mu.Lock()
	if ep := d.ht.findStr(k.s, h); ep != nil {
		ep.value = v
		d.ht.bump()
		d.ht.mu.Unlock()
		return
	}
	_ = d.ht.set(nil, k, h, v)
	d.ht.mu.Unlock()
}
