package py

import (
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"
)

// Type mirrors CPython's type object for both built-in and user-defined
// new-style classes. Built-in types keep their behaviour in Go methods of
// their value type; their __dict__ exposes that behaviour as descriptors so
// user subclasses (which are *Instance values wrapping a built-in base)
// inherit it. A user class's special methods are found through the MRO.
type Type struct {
	name     string
	module   string
	bases    []*Type
	mro      []*Type
	dict     *Dict
	meta     *Type // nil means `type`
	builtin  bool  // a Go-implemented type
	native   bool  // defined by a native module (NewBuiltinType): its dunders count as "user" ones
	abstract bool  // __abstractmethods__ was set to a non-empty value (Py_TPFLAGS_IS_ABSTRACT)
	final    bool  // cannot be subclassed (bool, NoneType, slice...)
	basic    *Type // nearest built-in ancestor: decides the Go layout of instances
	slots    []string
	hasDict  bool // instances have a __dict__
	newFn    func(f *Frame, t *Type, args []Object, kw Kwargs) (Object, *BaseException)
	mu       sync.Mutex
	cache    atomic.Pointer[typeCache]
	scache   [strCacheSize]atomic.Pointer[strCacheEntry]
	hooks    atomic.Pointer[attrHooks]
	doc      string
}

// typeVersion invalidates every attribute cache whenever any class dict
// changes; class dicts rarely change after creation.
var typeVersion atomic.Uint64

// typeCache is an immutable snapshot of MRO lookups, replaced (copied)
// on a miss; readers never lock. user holds lookups that skip built-in
// types (special methods of user classes).
type typeCache struct {
	ver  uint64
	all  map[string]Object
	user map[string]Object
}

// attrHooks caches a class's attribute hooks, which every attribute
// access on its instances must consult.
type attrHooks struct {
	ver                                    uint64
	getattribute, getattr, setattr, delatt Object
	del                                    Object // __del__ (finalize.go)
}

func (t *Type) attrHooks() *attrHooks {
	ver := typeVersion.Load()
	if h := t.hooks.Load(); h != nil && h.ver == ver {
		return h
	}
	h := &attrHooks{ver: ver, getattribute: userLookup(t, "__getattribute__"), getattr: userLookup(t, "__getattr__"),
		setattr: userLookup(t, "__setattr__"), delatt: userLookup(t, "__delattr__"), del: userLookup(t, "__del__")}
	t.hooks.Store(h)
	return h
}

func (t *Type) cached(name string, user bool) (Object, bool) {
	c := t.cache.Load()
	if c == nil || c.ver != typeVersion.Load() {
		return nil, false
	}
	m := c.all
	if user {
		m = c.user
	}
	v, ok := m[name]
	return v, ok
}

func (t *Type) store(name string, user bool, v Object) {
	ver := typeVersion.Load()
	for {
		old := t.cache.Load()
		nc := &typeCache{ver: ver, all: map[string]Object{}, user: map[string]Object{}}
		if old != nil && old.ver == ver {
			if len(old.all)+len(old.user) > 512 {
				// pathological dynamic names: stop caching
				return
			}
			for k, x := range old.all {
				nc.all[k] = x
			}
			for k, x := range old.user {
				nc.user[k] = x
			}
		}
		if user {
			nc.user[name] = v
		} else {
			nc.all[name] = v
		}
		if t.cache.CompareAndSwap(old, nc) {
			return
		}
	}
}

// TypeType is `type`.
var TypeType = &Type{name: "type", builtin: true}

// ObjectType is `object`.
var ObjectType = &Type{name: "object", builtin: true}

func init() {
	TypeType.bases = []*Type{ObjectType}
	TypeType.mro = []*Type{TypeType, ObjectType}
	TypeType.basic = TypeType
	ObjectType.mro = []*Type{ObjectType}
	ObjectType.basic = ObjectType
}

// newBuiltinType makes a Go-implemented type with the given base.
func newBuiltinType(name string, base *Type) *Type {
	t := &Type{name: name, builtin: true}
	if base == nil {
		base = ObjectType
	}
	t.bases = []*Type{base}
	if base == ObjectType {
		// ObjectType.mro may not be set yet during package initialisation
		t.mro = []*Type{t, ObjectType}
	} else {
		t.mro = append([]*Type{t}, base.mro...)
	}
	t.basic = t
	return t
}

// Type implements Object.
func (t *Type) Type() *Type {
	if t.meta != nil {
		return t.meta
	}
	return TypeType
}

// Name is the type's __name__.
func (t *Type) Name() string { return t.name }

// Dict returns the class namespace; callers must not mutate it directly
// (use SetAttr so attribute caches are invalidated).
func (t *Type) Dict() *Dict {
	t.ensureDict()
	return t.dict
}

func (t *Type) ensureDict() {
	if t.dict == nil {
		t.mu.Lock()
		if t.dict == nil {
			t.dict = NewDict()
		}
		t.mu.Unlock()
	}
}

// MRO is the method resolution order, starting with t.
func (t *Type) MRO() []*Type { return t.mro }

// IsSubtype reports whether t is sub (or a subclass of it).
func (t *Type) IsSubtype(sup *Type) bool {
	if t == sup || sup == ObjectType {
		return true
	}
	for _, m := range t.mro {
		if m == sup {
			return true
		}
	}
	return false
}

// lookup finds name along the MRO without invoking descriptors.
func (t *Type) lookup(name string) Object {
	if v, ok := t.cached(name, false); ok {
		return v
	}
	var found Object
	for _, m := range t.mro {
		if m.dict == nil {
			continue
		}
		if v := m.dict.getStr(name); v != nil {
			found = v
			break
		}
	}
	t.store(name, false, found)
	return found
}

// Interned names of the special methods instance creation looks up.
var sInit, sNew = NewStr("__init__"), NewStr("__new__")

// strCacheEntry is one slot of a type's lookup cache for interned names.
type strCacheEntry struct {
	name *Str
	ver  uint64
	v    Object
}

const (
	strCacheSize  = 32
	strCacheProbe = 4
)

// lookupStr is lookup for an interned identifier (generated code's
// package-level *Str names): a small per-type cache probed from a slot
// chosen by the name's address, so a hit costs a few loads and no string
// hashing. Entries are immutable; a miss allocates one.
func (t *Type) lookupStr(name *Str) Object {
	h := int((uintptr(unsafe.Pointer(name)) * 0x9E3779B97F4A7C15) >> (64 - 5))
	ver := typeVersion.Load()
	victim := -1
	for i := 0; i < strCacheProbe; i++ {
		j := (h + i) & (strCacheSize - 1)
		e := t.scache[j].Load()
		if e == nil || e.ver != ver {
			if victim < 0 {
				victim = j
			}
			continue
		}
		if e.name == name {
			return e.v
		}
	}
	if victim < 0 {
		victim = (h + int(ver)) & (strCacheSize - 1)
	}
	v := t.lookup(name.s)
	t.scache[victim].Store(&strCacheEntry{name: name, ver: ver, v: v})
	return v
}

// Lookup is the exported MRO lookup (no descriptor binding); nil if absent.
func (t *Type) Lookup(name string) Object { return t.lookup(name) }

// setAttrRaw stores into the class dict and invalidates caches.
func (t *Type) setAttrRaw(name string, v Object) {
	t.ensureDict()
	if v == nil {
		t.dict.delStr(name)
	} else {
		t.dict.setStr(name, v)
	}
	typeVersion.Add(1)
}

// tpName is CPython's tp_name: "module.name" for types of native modules
// (itertools.repeat), the bare name otherwise. Error messages use it.
func (t *Type) tpName() string {
	if t.native && t.module != "" && t.module != "__builtin__" && t.module != "exceptions" {
		return t.module + "." + t.name
	}
	return t.name
}

// qualname is "module.name" as CPython prints in reprs of user types.
func (t *Type) qualname() string {
	if t.module == "" || t.module == "__builtin__" {
		return t.name
	}
	return t.module + "." + t.name
}

// Repr implements repr(type).
func (t *Type) Repr(f *Frame) (string, *BaseException) {
	if t.builtin || t.native {
		return "<type '" + t.qualname() + "'>", nil
	}
	return "<class '" + t.qualname() + "'>", nil
}

// Call implements type(x) and instantiation: __new__ then __init__.
func (t *Type) Call(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
	if t.meta != nil {
		if m := userLookup(t.meta, "__call__"); m != nil {
			return callDescr(f, m, t, t.meta, args, kw)
		}
	}
	return t.callDefault(f, args, kw)
}

// callDefault is type.__call__: __new__ then __init__.
func (t *Type) callDefault(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
	if t == TypeType && len(args) == 1 && len(kw) == 0 {
		return args[0].Type(), nil
	}
	if t.builtin && !t.native && t.newFn != nil && t != TypeType {
		// built-in constructors (str(x), int(x)...): no user __new__ possible
		obj, err := t.newFn(f, t, args, kw)
		if err != nil {
			return nil, err
		}
		if init := t.lookupStr(sInit); init != nil && init != objectInit && obj.Type() == t {
			if _, err := callDescr(f, init, obj, t, args, kw); err != nil {
				return nil, err
			}
		}
		return obj, nil
	}
	newm := t.lookupStr(sNew)
	var obj Object
	var err *BaseException
	if _, ok := newm.(*staticNew); ok || newm == nil {
		fn := t.findNewFn()
		obj, err = fn(f, t, args, kw)
	} else {
		// user-defined __new__ (a staticmethod wrapping a function)
		callable := newm
		if sm, ok := newm.(*StaticMethod); ok {
			callable = sm.fn
		}
		nargs := make([]Object, 0, len(args)+1)
		nargs = append(nargs, t)
		nargs = append(nargs, args...)
		obj, err = Call(f, callable, nargs, kw)
	}
	if err != nil {
		return nil, err
	}
	if t == TypeType {
		return obj, nil
	}
	ot := obj.Type()
	if !ot.IsSubtype(t) {
		return obj, nil
	}
	init := ot.lookupStr(sInit)
	if init == nil || init == objectInit {
		return obj, nil
	}
	r, err := callDescr(f, init, obj, ot, args, kw)
	if err != nil {
		return nil, err
	}
	if r != None {
		return nil, NewTypeError("__init__() should return None, not '" + r.Type().tpName() + "'")
	}
	return obj, nil
}

// findNewFn returns the Go __new__ of the nearest type providing one.
func (t *Type) findNewFn() func(f *Frame, t *Type, args []Object, kw Kwargs) (Object, *BaseException) {
	for _, m := range t.mro {
		if m.newFn != nil {
			return m.newFn
		}
	}
	return objectNew
}

// callDescr binds a descriptor found on the type to obj and calls it.
func callDescr(f *Frame, d Object, obj Object, t *Type, args []Object, kw Kwargs) (Object, *BaseException) {
	switch fn := d.(type) {
	case *Function:
		return fn.callWithSelf(f, obj, args, kw)
	case *BuiltinMethod:
		return fn.fn(f, obj, args, kw)
	}
	bound, err := bindDescr(f, d, obj, t)
	if err != nil {
		return nil, err
	}
	return Call(f, bound, args, kw)
}

// bindDescr applies __get__ if d is a descriptor.
func bindDescr(f *Frame, d Object, obj Object, t *Type) (Object, *BaseException) {
	if g, ok := d.(DescrGetter); ok {
		return g.DescrGet(f, obj, t)
	}
	return d, nil
}

// staticNew marks a built-in __new__ entry in a type dict.
type staticNew struct{ t *Type }

var staticNewType = newBuiltinType("builtin_function_or_method", nil)

func (s *staticNew) Type() *Type { return staticNewType }
func (s *staticNew) Repr(f *Frame) (string, *BaseException) {
	return "<built-in method __new__ of type object>", nil
}
func (s *staticNew) Call(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
	if len(args) < 1 {
		return nil, NewTypeError(s.t.name + ".__new__(): not enough arguments")
	}
	sub, ok := args[0].(*Type)
	if !ok {
		return nil, NewTypeError(s.t.name + ".__new__(X): X is not a type object (" + args[0].Type().tpName() + ")")
	}
	if !sub.IsSubtype(s.t) {
		return nil, NewTypeError(s.t.name + ".__new__(" + sub.name + "): " + sub.name + " is not a subtype of " + s.t.name)
	}
	fn := s.t.newFn
	if fn == nil {
		fn = s.t.findNewFn()
	}
	return fn(f, sub, args[1:], kw)
}

var objectInit Object

// NewClass creates a new-style class the way type(name, bases, dict) does,
// choosing the metaclass from __metaclass__ in dict, then the bases, then
// module globals (via the generated code's BuildClass).
func NewClass(f *Frame, meta *Type, name string, bases []*Type, dict *Dict) (*Type, *BaseException) {
	if len(bases) == 0 {
		bases = []*Type{ObjectType}
	}
	mro, err := c3MRO(name, bases)
	if err != nil {
		return nil, err
	}
	t := &Type{name: name, bases: bases, mro: append([]*Type{nil}, mro...), dict: dict}
	t.mro[0] = t
	if meta != nil && meta != TypeType {
		t.meta = meta
	}
	// the solid base decides the layout; conflicting built-in layouts fail
	var basic *Type
	for _, b := range bases {
		if b.final {
			return nil, NewTypeError("Error when calling the metaclass bases\n    type '" + b.name + "' is not an acceptable base type")
		}
		bb := b.basic
		if basic == nil || basic == ObjectType {
			basic = bb
		} else if bb != ObjectType && bb != basic && !basic.IsSubtype(bb) {
			if bb.IsSubtype(basic) {
				basic = bb
			} else {
				return nil, NewTypeError("Error when calling the metaclass bases\n    multiple bases have instance lay-out conflict")
			}
		}
	}
	t.basic = basic
	if m := dict.getStr("__module__"); m == nil {
		if f != nil && f.Globals != nil {
			if n := f.Globals.getStr("__name__"); n != nil {
				dict.setStr("__module__", n)
			}
		}
	}
	if m, ok := dict.getStr("__module__").(*Str); ok {
		t.module = m.s
	}
	t.hasDict = true
	if s := dict.getStr("__slots__"); s != nil {
		names, err := slotNames(f, s)
		if err != nil {
			return nil, err
		}
		t.hasDict = false
		for _, b := range bases {
			if b.hasDict {
				t.hasDict = true
			}
		}
		var own []string
		for _, n := range names {
			if n == "__dict__" {
				t.hasDict = true
				continue
			}
			if n == "__weakref__" {
				continue
			}
			own = append(own, n)
		}
		inherited := 0
		for _, b := range mro {
			if len(b.slots) > inherited {
				inherited = len(b.slots)
			}
		}
		for _, b := range bases {
			t.slots = append(t.slots, b.slots...)
		}
		for _, n := range own {
			if dict.getStr(n) != nil {
				return nil, NewValueError("'" + n + "' in __slots__ conflicts with class variable")
			}
			idx := len(t.slots)
			t.slots = append(t.slots, n)
			dict.setStr(n, &slotDescr{name: n, idx: idx, owner: t})
		}
	} else {
		for _, b := range bases {
			t.slots = append(t.slots, b.slots...)
		}
	}
	// __new__ defined in the body is implicitly a staticmethod
	if nf, ok := dict.getStr("__new__").(*Function); ok {
		dict.setStr("__new__", NewStaticMethod(nf))
	}
	if d := dict.getStr("__doc__"); d == nil {
		dict.setStr("__doc__", None)
	}
	subclassesMu.Lock()
	for _, b := range bases {
		subclassesOf[b] = append(subclassesOf[b], t)
	}
	subclassesMu.Unlock()
	typeVersion.Add(1)
	return t, nil
}

// subclassesOf records each class's direct subclasses for
// type.__subclasses__ (ABCMeta walks them). CPython holds them weakly;
// classes here stay alive once created.
var (
	subclassesMu sync.Mutex
	subclassesOf = map[*Type][]*Type{}
)

func slotNames(f *Frame, s Object) ([]string, *BaseException) {
	if st, ok := s.(*Str); ok {
		return []string{st.s}, nil
	}
	items, err := ToSlice(f, s)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, it := range items {
		st, ok := it.(*Str)
		if !ok {
			return nil, NewTypeError("__slots__ items must be strings, not '" + it.Type().tpName() + "'")
		}
		out = append(out, st.s)
	}
	return out, nil
}

// c3MRO computes the C3 linearisation, with CPython's error message.
func c3MRO(name string, bases []*Type) ([]*Type, *BaseException) {
	var seqs [][]*Type
	for _, b := range bases {
		seqs = append(seqs, append([]*Type(nil), b.mro...))
	}
	seqs = append(seqs, append([]*Type(nil), bases...))
	var out []*Type
	for {
		empty := true
		for _, s := range seqs {
			if len(s) > 0 {
				empty = false
			}
		}
		if empty {
			return out, nil
		}
		var cand *Type
		for _, s := range seqs {
			if len(s) == 0 {
				continue
			}
			c := s[0]
			inTail := false
			for _, s2 := range seqs {
				for _, x := range s2[min(1, len(s2)):] {
					if x == c {
						inTail = true
					}
				}
			}
			if !inTail {
				cand = c
				break
			}
		}
		if cand == nil {
			var names []string
			seen := map[*Type]bool{}
			for _, s := range seqs {
				if len(s) > 0 && !seen[s[0]] {
					seen[s[0]] = true
					names = append(names, s[0].name)
				}
			}
			return nil, NewTypeError("Error when calling the metaclass bases\n    Cannot create a consistent method resolution\norder (MRO) for bases " + strings.Join(names, ", "))
		}
		out = append(out, cand)
		for i, s := range seqs {
			if len(s) > 0 && s[0] == cand {
				seqs[i] = s[1:]
			}
		}
	}
}

var _ Caller = (*Type)(nil)
var _ Reprer = (*Type)(nil)
