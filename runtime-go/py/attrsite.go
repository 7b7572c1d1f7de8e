package py

import "unsafe"

// Attribute sites (CODEGEN.md §4). Each `o.name` load or store in
// generated code owns an AttrSite that remembers, for the class it last
// saw, the slot of the instance dict's table where name was found.
// Instances of one class that set their attributes in the same order have
// the same table layout, so the next access checks that slot's key first
// and skips the class lookup, the hook check and the dict probe. The
// remembered facts about the class (no __getattribute__ or __setattr__,
// no data descriptor for name) hold while typeVersion is unchanged, which
// every class-dict change bumps; the slot is trusted only when it still
// holds name itself. That check is made on the table of the dict the
// instance has now, so a site stays right when `__dict__` is assigned.
// Sites are used only in single-threaded mode (they are plain memory
// shared by every caller).

// AttrSite is the cache of one attribute access site; its zero value is
// empty. It has two entries, so a site that sees instances of a class and
// of its subclass in turn (a method both inherit) keeps hitting.
type AttrSite struct {
	e    [2]attrSiteEntry
	next uint8 // the entry to replace next
}

type attrSiteEntry struct {
	typ *Type
	ver uint64
	idx int
}

// slot returns the index of the slot of d (the instance dict of an
// instance of class typ) that the site remembers for typ, or -1.
func (c *AttrSite) slot(typ *Type, d *Dict, name *Str) int {
	ver := typeVersion.Load()
	t := d.ht.table
	for i := range c.e {
		if e := &c.e[i]; e.typ == typ && e.ver == ver && e.idx < len(t) && t[e.idx].key == Object(name) {
			return e.idx
		}
	}
	return -1
}

// remember records idx as the slot for class t at version ver.
func (c *AttrSite) remember(t *Type, ver uint64, idx int) {
	for i := range c.e {
		if e := &c.e[i]; e.typ == t || e.typ == nil || e.ver != ver {
			*e = attrSiteEntry{typ: t, ver: ver, idx: idx}
			return
		}
	}
	c.e[c.next] = attrSiteEntry{typ: t, ver: ver, idx: idx}
	c.next ^= 1
}

// GetAttrSite is GetAttrStr(f, o, name) through the site's cache.
func GetAttrSite(f *Frame, o Object, name *Str, c *AttrSite) (Object, *BaseException) {
	if inst, ok := o.(*Instance); ok && !threaded.Load() {
		if d := inst.loadDict(); d != nil {
			if i := c.slot(inst.typ, d, name); i >= 0 {
				return d.ht.table[i].value, nil
			}
		}
	}
	return getAttrSite(f, o, name, c)
}

// getAttrSite is GetAttrStr's instance path, remembering the slot when the
// value comes from the instance dict.
func getAttrSite(f *Frame, o Object, name *Str, c *AttrSite) (Object, *BaseException) {
	inst, ok := o.(*Instance)
	if !ok || threaded.Load() {
		return GetAttrStr(f, o, name)
	}
	dict := inst.loadDict()
	if dict == nil {
		return GetAttrStr(f, o, name)
	}
	t := inst.typ
	ver := typeVersion.Load()
	if t.attrHooks().getattribute != nil {
		return GetAttr(f, o, name.s)
	}
	d := t.lookupStr(name)
	if d != nil && isDataDescr(d) {
		return descrGet(f, d, inst, t)
	}
	if d == nil && isInstanceSpecial(name.s) {
		return GetAttr(f, o, name.s)
	}
	if ep := dict.ht.findStr(name.s, name.hash()); ep != nil {
		if ep.key == Object(name) {
			c.remember(t, ver, entryIndex(&dict.ht, ep))
		}
		return ep.value, nil
	}
	// findStr's nil may also be a same-hash key of another type
	if v := dict.getStrH(name.s, name.hash()); v != nil {
		return v, nil
	}
	if d != nil {
		return descrGet(f, d, inst, t)
	}
	return GetAttr(f, o, name.s)
}

// SetAttrSite is SetAttrStr(f, o, name, v) through the site's cache.
func SetAttrSite(f *Frame, o Object, name *Str, v Object, c *AttrSite) *BaseException {
	if inst, ok := o.(*Instance); ok && v != nil && !threaded.Load() {
		if d := inst.loadDict(); d != nil {
			if i := c.slot(inst.typ, d, name); i >= 0 {
				// setStrObj's rebinding of an existing key
				d.ht.table[i].value = v
				d.ht.bump()
				return nil
			}
		}
	}
	return setAttrSite(f, o, name, v, c)
}

// setAttrSite is SetAttrStr's instance path, remembering the slot when an
// existing instance-dict entry is rebound (a new key's slot is no use to
// the next instance, whose dict does not have it yet).
func setAttrSite(f *Frame, o Object, name *Str, v Object, c *AttrSite) *BaseException {
	inst, ok := o.(*Instance)
	if !ok || v == nil || threaded.Load() || isInstanceSpecial(name.s) {
		return SetAttrStr(f, o, name, v)
	}
	dict := inst.loadDict()
	if dict == nil {
		return SetAttrStr(f, o, name, v)
	}
	t := inst.typ
	ver := typeVersion.Load()
	if t.attrHooks().setattr != nil {
		return SetAttrStr(f, o, name, v)
	}
	if d := t.lookupStr(name); d != nil && isDataDescr(d) {
		return SetAttrStr(f, o, name, v)
	}
	// setStrObj's two cases, with one probe (no lock: single-threaded mode)
	h := name.hash()
	if ep := dict.ht.findStr(name.s, h); ep != nil {
		ep.value = v
		dict.ht.bump()
		if ep.key == Object(name) {
			c.remember(t, ver, entryIndex(&dict.ht, ep))
		}
		return nil
	}
	_ = dict.ht.set(nil, name, h, v)
	return nil
}

// entryIndex is ep's position in h's table.
func entryIndex(h *hashtable, ep *htEntry) int {
	return int((uintptr(unsafe.Pointer(ep)) - uintptr(unsafe.Pointer(&h.table[0]))) / unsafe.Sizeof(htEntry{}))
}
