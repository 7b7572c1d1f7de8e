package py

import (
	"strconv"
	"sync/atomic"
	"unsafe"
)

// Instance is an instance of a user-defined new-style class. Special
// methods are looked up on the class (never the instance), skipping the
// built-in types in the MRO; when the class derives from a built-in
// (int, str, list, dict...) the built-in value lives in base and the
// built-in behaviour is delegated to it.
type Instance struct {
	typ   *Type
	dict  *Dict
	slots []Object
	base  Object
	mu    plock // guards slots
}

// instanceWithDict lets an instance and its __dict__ share one allocation.
type instanceWithDict struct {
	inst Instance
	dict Dict
}

func newInstance(t *Type) *Instance {
	var inst *Instance
	if t.hasDict {
		c := &instanceWithDict{}
		inst = &c.inst
		inst.typ, inst.dict = t, &c.dict
	} else {
		inst = &Instance{typ: t}
	}
	if len(t.slots) > 0 {
		inst.slots = make([]Object, len(t.slots))
	}
	if !t.builtin && t.attrHooks().del != nil {
		trackDel(inst)
	}
	return inst
}

func newInstanceWithBase(t *Type, base Object) *Instance {
	inst := newInstance(t)
	inst.base = base
	if d, ok := base.(*Dict); ok && d.owner == nil {
		d.owner = inst
	}
	return inst
}

// baseOf returns the built-in value behind a subclass instance.
func baseOf(o Object) Object {
	if inst, ok := o.(*Instance); ok && inst.base != nil {
		return inst.base
	}
	return o
}

// objectNew is object.__new__.
func objectNew(f *Frame, t *Type, args []Object, kw Kwargs) (Object, *BaseException) {
	if (len(args) > 0 || len(kw) > 0) && t.lookupStr(sInit) == objectInit {
		return nil, NewTypeError("object() takes no parameters")
	}
	if t.abstract {
		return nil, abstractInstantiation(f, t)
	}
	return newInstance(t), nil
}

// abstractInstantiation is object.__new__'s error for a class with abstract methods left.
func abstractInstantiation(f *Frame, t *Type) *BaseException {
	methods := t.Dict().getStr("__abstractmethods__")
	if methods == nil {
		return NewAttributeError("__abstractmethods__")
	}
	sorted, err := Call(f, Builtins.getStr("sorted"), []Object{methods}, nil)
	if err != nil {
		return err
	}
	joined, err := CallMethod(f, NewStr(", "), "join", []Object{sorted}, nil)
	if err != nil {
		return err
	}
	s, err := ToStr(f, joined)
	if err != nil {
		return err
	}
	return NewTypeError("Can't instantiate abstract class " + t.name + " with abstract methods " + s.s)
}

// Type implements Object.
func (i *Instance) Type() *Type { return i.typ }

// Dict implements DictHolder (nil when __slots__ removed __dict__).
func (i *Instance) Dict() *Dict { return i.loadDict() }

// loadDict reads the instance dict pointer. Assigning __dict__ replaces
// it, maybe from another thread, so reads are atomic loads (a plain load
// on amd64) paired with storeDict. newInstance sets it with a plain store
// before the instance can be shared.
func (i *Instance) loadDict() *Dict {
	return (*Dict)(atomic.LoadPointer((*unsafe.Pointer)(unsafe.Pointer(&i.dict))))
}

func (i *Instance) storeDict(d *Dict) {
	atomic.StorePointer((*unsafe.Pointer)(unsafe.Pointer(&i.dict)), unsafe.Pointer(d))
}

// userLookup finds a special method defined by a user class in the MRO.
func userLookup(t *Type, name string) Object {
	if t.builtin && !t.native {
		return nil
	}
	if v, ok := t.cached(name, true); ok {
		return v
	}
	var found Object
	for _, m := range t.mro {
		if m.builtin && !m.native {
			continue
		}
		if m.dict != nil {
			if v := m.dict.getStr(name); v != nil {
				found = v
				break
			}
		}
	}
	t.store(name, true, found)
	return found
}

// callSpecial calls a user-defined special method; found=false if absent.
func callSpecial(f *Frame, o Object, name string, args ...Object) (Object, bool, *BaseException) {
	m := userLookup(o.Type(), name)
	if m == nil {
		return nil, false, nil
	}
	r, err := callDescr(f, m, o, o.Type(), args, nil)
	return r, true, err
}

var binaryNames = [numOps][2]string{
	{"__add__", "__radd__"}, {"__sub__", "__rsub__"}, {"__mul__", "__rmul__"},
	{"__div__", "__rdiv__"}, {"__truediv__", "__rtruediv__"}, {"__floordiv__", "__rfloordiv__"},
	{"__mod__", "__rmod__"}, {"__pow__", "__rpow__"}, {"__lshift__", "__rlshift__"},
	{"__rshift__", "__rrshift__"}, {"__and__", "__rand__"}, {"__or__", "__ror__"},
	{"__xor__", "__rxor__"}, {"__divmod__", "__rdivmod__"},
}

var inplaceNames = [numOps]string{"__iadd__", "__isub__", "__imul__", "__idiv__", "__itruediv__",
	"__ifloordiv__", "__imod__", "__ipow__", "__ilshift__", "__irshift__", "__iand__", "__ior__", "__ixor__", ""}

// Binary dispatches to __add__/__radd__ and friends, else to the base.
func (i *Instance) Binary(f *Frame, op Op, y Object, side Side) (Object, *BaseException) {
	idx := 0
	if side == Right {
		idx = 1
	}
	if r, found, err := callSpecial(f, i, binaryNames[op][idx], y); found || err != nil {
		return r, err
	}
	if b, ok := i.base.(Binaryer); ok {
		return b.Binary(f, op, baseOf(y), side)
	}
	return NotImplemented, nil
}

// Inplace dispatches to __iadd__ and friends.
func (i *Instance) Inplace(f *Frame, op Op, y Object) (Object, *BaseException) {
	if inplaceNames[op] != "" {
		if r, found, err := callSpecial(f, i, inplaceNames[op], y); found || err != nil {
			return r, err
		}
	}
	if b, ok := i.base.(Inplacer); ok {
		r, err := b.Inplace(f, op, y)
		if r == i.base {
			return i, err
		}
		return r, err
	}
	return NotImplemented, nil
}

var unaryNames = [...]string{"__neg__", "__pos__", "__invert__", "__abs__"}

// Unary dispatches to __neg__ and friends.
func (i *Instance) Unary(f *Frame, op UnaryOp) (Object, *BaseException) {
	if r, found, err := callSpecial(f, i, unaryNames[op]); found || err != nil {
		return r, err
	}
	if b, ok := i.base.(Unaryer); ok {
		return b.Unary(f, op)
	}
	return NotImplemented, nil
}

var richNames = [...]string{"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"}

// RichCompare dispatches to __lt__ and friends.
func (i *Instance) RichCompare(f *Frame, op CmpOp, y Object) (Object, *BaseException) {
	if r, found, err := callSpecial(f, i, richNames[op], y); found || err != nil {
		return r, err
	}
	if b, ok := i.base.(RichComparer); ok {
		return b.RichCompare(f, op, baseOf(y))
	}
	return NotImplemented, nil
}

// Cmp dispatches to __cmp__.
func (i *Instance) Cmp(f *Frame, y Object) (int, bool, *BaseException) {
	r, found, err := callSpecial(f, i, "__cmp__", y)
	if !found || err != nil {
		return 0, false, err
	}
	if r == NotImplemented {
		return 0, false, nil
	}
	n, ok := r.(*Int)
	if !ok {
		return 0, false, NewTypeError("comparison did not return an int")
	}
	return int(cmp3(n.v, 0)), true, nil
}

// Hash dispatches to __hash__ (None means unhashable), else identity.
func (i *Instance) Hash(f *Frame) (int64, *BaseException) {
	m := userLookup(i.typ, "__hash__")
	if m == None {
		return 0, NewTypeError("unhashable type: '" + i.typ.tpName() + "'")
	}
	if m != nil {
		r, err := callDescr(f, m, i, i.typ, nil, nil)
		if err != nil {
			return 0, err
		}
		switch h := r.(type) {
		case *Int:
			if h.v == -1 {
				return -2, nil
			}
			return h.v, nil
		case *Long:
			return longHash(h.v), nil
		}
		return 0, NewTypeError("an integer is required")
	}
	if h, ok := i.base.(Hasher); ok {
		return h.Hash(f)
	}
	return idHash(i), nil
}

// Repr dispatches to __repr__, else the base, else <mod.C object at 0x...>.
func (i *Instance) Repr(f *Frame) (string, *BaseException) {
	r, found, err := callSpecial(f, i, "__repr__")
	if err != nil {
		return "", err
	}
	if found {
		s, ok := r.(*Str)
		if !ok {
			if u, ok := r.(*Unicode); ok {
				e, err := Encode(f, u.r, defaultEncoding, "strict")
				if err != nil {
					return "", err
				}
				return e.(*Str).s, nil
			}
			return "", NewTypeError("__repr__ returned non-string (type " + r.Type().tpName() + ")")
		}
		return s.s, nil
	}
	if s, ok := i.base.(*Set); ok {
		return s.reprNamed(f, i.typ.name)
	}
	if b, ok := i.base.(Reprer); ok {
		return b.Repr(f)
	}
	return defaultRepr(i), nil
}

func defaultRepr(o Object) string {
	return "<" + o.Type().qualname() + " object at " + addrOf(o) + ">"
}

// Str dispatches to __str__, else the base's str, else repr.
func (i *Instance) Str(f *Frame) (Object, *BaseException) {
	r, found, err := callSpecial(f, i, "__str__")
	if err != nil {
		return nil, err
	}
	if found {
		switch r.(type) {
		case *Str, *Unicode:
			return r, nil
		}
		return nil, NewTypeError("__str__ returned non-string (type " + r.Type().tpName() + ")")
	}
	if i.base != nil {
		// A set's str is its repr, which names the subclass.
		if _, isSet := i.base.(*Set); !isSet && userLookup(i.typ, "__repr__") == nil {
			return ToStr(f, i.base)
		}
	}
	s, err := i.Repr(f)
	if err != nil {
		return nil, err
	}
	return NewStr(s), nil
}

// Truth dispatches to __nonzero__ then __len__.
func (i *Instance) Truth(f *Frame) (bool, *BaseException) {
	r, found, err := callSpecial(f, i, "__nonzero__")
	if err != nil {
		return false, err
	}
	if found {
		switch v := r.(type) {
		case *Int:
			return v.v != 0, nil
		}
		return false, NewTypeError("__nonzero__ should return bool or int, returned " + r.Type().tpName())
	}
	r, found, err = callSpecial(f, i, "__len__")
	if err != nil {
		return false, err
	}
	if found {
		n, err := lenResult(r)
		return n != 0, err
	}
	if i.base != nil {
		return IsTrue(f, i.base)
	}
	return true, nil
}

func lenResult(r Object) (int, *BaseException) {
	switch v := r.(type) {
	case *Int:
		if v.v < 0 {
			return 0, NewValueError("__len__() should return >= 0")
		}
		return int(v.v), nil
	case *Long:
		if v.v.Sign() < 0 {
			return 0, NewValueError("__len__() should return >= 0")
		}
		return 0, NewOverflowError("cannot fit 'long' into an index-sized integer")
	}
	return 0, NewTypeError("an integer is required")
}

// Len dispatches to __len__.
func (i *Instance) Len(f *Frame) (int, *BaseException) {
	r, found, err := callSpecial(f, i, "__len__")
	if err != nil {
		return 0, err
	}
	if found {
		return lenResult(r)
	}
	if b, ok := i.base.(Lener); ok {
		return b.Len(f)
	}
	return 0, NewTypeError("object of type '" + i.typ.tpName() + "' has no len()")
}

// Iter dispatches to __iter__, then __getitem__-based iteration.
func (i *Instance) Iter(f *Frame) (Object, *BaseException) {
	r, found, err := callSpecial(f, i, "__iter__")
	if err != nil {
		return nil, err
	}
	if found {
		if !isIterator(r) {
			return nil, NewTypeError("iter() returned non-iterator of type '" + r.Type().tpName() + "'")
		}
		return r, nil
	}
	// A built-in base with its own iterator (dict, list, tuple, set...) iterates
	// its contents whatever __getitem__ the class defines, as tp_iter does;
	// str and unicode have none in 2.7 and go through __getitem__.
	switch i.base.(type) {
	case *Str, *Unicode, nil:
	default:
		if b, ok := i.base.(Iterabler); ok {
			return b.Iter(f)
		}
	}
	if userLookup(i.typ, "__getitem__") != nil {
		return &seqIter{seq: i}, nil
	}
	if b, ok := i.base.(Iterabler); ok {
		return b.Iter(f)
	}
	return nil, NewTypeError("'" + i.typ.tpName() + "' object is not iterable")
}

// Next dispatches to next(); StopIteration becomes exhaustion.
func (i *Instance) Next(f *Frame) (Object, *BaseException) {
	r, found, err := callSpecial(f, i, "next")
	if err != nil {
		if err.IsInstance(StopIterationType) {
			return nil, nil
		}
		return nil, err
	}
	if !found {
		if b, ok := i.base.(Iterator); ok {
			return b.Next(f)
		}
		return nil, NewTypeError(i.typ.tpName() + " object is not an iterator")
	}
	return r, nil
}

// Contains dispatches to __contains__, else iteration.
func (i *Instance) Contains(f *Frame, x Object) (bool, *BaseException) {
	r, found, err := callSpecial(f, i, "__contains__", x)
	if err != nil {
		return false, err
	}
	if found {
		return IsTrue(f, r)
	}
	if b, ok := i.base.(Container); ok {
		return b.Contains(f, x)
	}
	return iterContains(f, i, x)
}

// GetItem dispatches to __getitem__ (and dict subclasses' __missing__).
func (i *Instance) GetItem(f *Frame, key Object) (Object, *BaseException) {
	if r, found, err := callSpecial(f, i, "__getitem__", key); found || err != nil {
		return r, err
	}
	if d, ok := i.base.(*Dict); ok {
		v, err := d.Get(f, key)
		if err != nil {
			return nil, err
		}
		if v == nil {
			if r, found, err := callSpecial(f, i, "__missing__", key); found || err != nil {
				return r, err
			}
			return nil, NewKeyError(key)
		}
		return v, nil
	}
	if b, ok := i.base.(ItemGetter); ok {
		return b.GetItem(f, key)
	}
	return nil, NewTypeError("'" + i.typ.tpName() + "' object has no attribute '__getitem__'")
}

// SetItem dispatches to __setitem__.
func (i *Instance) SetItem(f *Frame, key, v Object) *BaseException {
	if _, found, err := callSpecial(f, i, "__setitem__", key, v); found || err != nil {
		return err
	}
	if b, ok := i.base.(ItemSetter); ok {
		return b.SetItem(f, key, v)
	}
	return NewTypeError("'" + i.typ.tpName() + "' object does not support item assignment")
}

// DelItem dispatches to __delitem__.
func (i *Instance) DelItem(f *Frame, key Object) *BaseException {
	if _, found, err := callSpecial(f, i, "__delitem__", key); found || err != nil {
		return err
	}
	if b, ok := i.base.(ItemDeleter); ok {
		return b.DelItem(f, key)
	}
	return NewTypeError("'" + i.typ.tpName() + "' object does not support item deletion")
}

// Call dispatches to __call__.
func (i *Instance) Call(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
	m := userLookup(i.typ, "__call__")
	if m == nil {
		if b, ok := i.base.(Caller); ok {
			return b.Call(f, args, kw)
		}
		return nil, NewTypeError("'" + i.typ.tpName() + "' object is not callable")
	}
	return callDescr(f, m, i, i.typ, args, kw)
}

// GetAttr implements object.__getattribute__ plus __getattr__ fallback.
func (i *Instance) GetAttr(f *Frame, name string) (Object, *BaseException) {
	hooks := i.typ.attrHooks()
	if ga := hooks.getattribute; ga != nil {
		r, err := callDescr(f, ga, i, i.typ, []Object{NewStr(name)}, nil)
		if err != nil && err.IsInstance(AttributeErrorType) {
			if gt := hooks.getattr; gt != nil {
				return callDescr(f, gt, i, i.typ, []Object{NewStr(name)}, nil)
			}
		}
		return r, err
	}
	r, err := i.getAttrGeneric(f, name)
	if err != nil && err.IsInstance(AttributeErrorType) {
		if gt := hooks.getattr; gt != nil {
			return callDescr(f, gt, i, i.typ, []Object{NewStr(name)}, nil)
		}
	}
	return r, err
}

func (i *Instance) getAttrGeneric(f *Frame, name string) (Object, *BaseException) {
	d := i.typ.lookup(name)
	if d != nil && isDataDescr(d) {
		return descrGet(f, d, i, i.typ)
	}
	dict := i.loadDict()
	if d == nil && isInstanceSpecial(name) {
		// CPython's __class__ and __dict__ are data descriptors, so an
		// instance-dict key of that name never hides them
		if name == "__class__" {
			return i.typ, nil
		}
		if dict != nil {
			return dict.object(), nil
		}
		return nil, attributeError(i, name)
	}
	if dict != nil {
		if v := dict.getStr(name); v != nil {
			return v, nil
		}
	}
	if d != nil {
		return descrGet(f, d, i, i.typ)
	}
	switch name {
	case "__doc__":
		return None, nil
	case "__module__":
		return NewStr(i.typ.module), nil
	}
	// Attributes a built-in base computes rather than keeps in its type's dict (a property's
	// setter, fget...).
	if g, ok := i.base.(AttrGetter); ok {
		if r, err := g.GetAttr(f, name); err == nil {
			return r, nil
		}
	}
	return nil, attributeError(i, name)
}

// SetAttr implements object.__setattr__ with __setattr__/__delattr__ hooks.
func (i *Instance) SetAttr(f *Frame, name string, v Object) *BaseException {
	hooks := i.typ.attrHooks()
	m := hooks.setattr
	if v == nil {
		m = hooks.delatt
	}
	if m != nil {
		args := []Object{NewStr(name), v}
		if v == nil {
			args = args[:1]
		}
		_, err := callDescr(f, m, i, i.typ, args, nil)
		return err
	}
	return i.setAttrGeneric(f, name, v)
}

func (i *Instance) setAttrGeneric(f *Frame, name string, v Object) *BaseException {
	d := i.typ.lookup(name)
	if d != nil && isDataDescr(d) {
		return descrSet(f, d, i, v)
	}
	if name == "__class__" && v != nil {
		nt, ok := v.(*Type)
		if !ok {
			return NewTypeError("__class__ must be set to new-style class, not '" + v.Type().tpName() + "' object")
		}
		i.typ = nt
		return nil
	}
	dict := i.loadDict()
	if dict == nil {
		if v == nil {
			return attributeError(i, name)
		}
		return NewAttributeError("'" + i.typ.tpName() + "' object has no attribute '" + name + "'")
	}
	if name == "__dict__" && d == nil {
		return i.setDict(v)
	}
	if v == nil {
		if !dict.delStr(name) {
			return NewAttributeError(name)
		}
		return nil
	}
	dict.setStr(name, v)
	return nil
}

// setDict is `i.__dict__ = v` (v nil: del), as subtype_setdict: the dict
// (or dict subclass instance) itself becomes the instance's namespace.
// CPython leaves no dict after del and makes an empty one when next
// needed; an empty one at once is the same to every observer. Attribute
// sites need no invalidation: a remembered slot is trusted only when the
// current dict's table holds the name there.
func (i *Instance) setDict(v Object) *BaseException {
	if v == nil {
		i.storeDict(NewDict())
		return nil
	}
	d := dictStorage(v)
	if d == nil {
		return NewTypeError("__dict__ must be set to a dictionary, not a '" + v.Type().tpName() + "'")
	}
	i.storeDict(d)
	return nil
}

// idHash is CPython's _Py_HashPointer on the object's address.
func idHash(o Object) int64 {
	y := uint64(addrValue(o))
	y = (y >> 4) | (y << 60)
	h := int64(y)
	if h == -1 {
		h = -2
	}
	return h
}

func addrOf(o Object) string {
	return "0x" + padHex(int64(addrValue(o)), 12)
}

// isIterator reports whether o supports next().
func isIterator(o Object) bool {
	if inst, ok := o.(*Instance); ok {
		return userLookup(inst.typ, "next") != nil || inst.base != nil && isIterator(inst.base)
	}
	if ci, ok := o.(*ClassicInstance); ok {
		return ci.class.lookup("next") != nil
	}
	_, ok := o.(Iterator)
	return ok
}

func itoa(n int) string { return strconv.Itoa(n) }

var _ DictHolder = (*Instance)(nil)
var _ Binaryer = (*Instance)(nil)
var _ Caller = (*Instance)(nil)
var _ AttrGetter = (*Instance)(nil)
var _ AttrSetter = (*Instance)(nil)
