package py

import "strings"

// Dict is Python's dict on the shared CPython-exact hashtable, so
// iteration order (and so every printed dict) matches CPython 2.7. Each
// single operation holds the dict's mutex (the GIL's atomicity); user
// __hash__ runs before locking and user __eq__ with the lock released.
type Dict struct {
	ht hashtable
	// owner is the dict-subclass instance whose built-in value this is
	// (set when it is made), so an instance whose __dict__ was set to
	// that instance gives it back rather than the bare table it uses.
	owner *Instance
}

// object is the Python object whose table d is: d, or its owner.
func (d *Dict) object() Object {
	if d.owner != nil {
		return d.owner
	}
	return d
}

// dictStorage is the table behind a value PyDict_Check accepts (a dict
// or an instance of a dict subclass), or nil.
func dictStorage(v Object) *Dict {
	switch x := v.(type) {
	case *Dict:
		return x
	case *Instance:
		if d, ok := x.base.(*Dict); ok {
			return d
		}
	}
	return nil
}

// DictType is `dict`.
var DictType = newBuiltinType("dict", nil)

// NewDict makes an empty dict.
func NewDict() *Dict { return &Dict{} }

// NewDictPresized is what a dict display {k: v, ...} with n items does in
// CPython 2.7 (BUILD_MAP n presizes when n > 5); generated code must use
// it for literals so orders match.
func NewDictPresized(n int) *Dict {
	d := &Dict{}
	if n > 5 {
		d.ht.init()
		d.ht.resize(n)
	}
	return d
}

// Type implements Object.
func (d *Dict) Type() *Type { return DictType }

// getStr looks up a str key without allocating (namespaces).
func (d *Dict) getStr(name string) Object {
	h := strHash(name)
	d.ht.mu.Lock()
	v, ok := d.ht.lookupStr(name, h)
	d.ht.mu.Unlock()
	if !ok {
		// a key of another type hashes alike: use full equality
		return d.getStrSlow(name)
	}
	return v
}

func (d *Dict) getStrSlow(name string) Object {
	v, _ := d.Get(nil, NewStr(name))
	return v
}

func (d *Dict) setStr(name string, v Object) {
	h := strHash(name)
	d.ht.mu.Lock()
	if ep := d.ht.findStr(name, h); ep != nil {
		// existing attribute: replace in place, no key allocation
		ep.value = v
		d.ht.bump()
		d.ht.mu.Unlock()
		return
	}
	d.ht.mu.Unlock()
	_ = d.SetItem(nil, NewStr(name), v)
}

func (d *Dict) delStr(name string) bool {
	k := NewStr(name)
	d.ht.mu.Lock()
	e, _ := d.ht.del(nil, k, k.hash())
	d.ht.mu.Unlock()
	return e != nil
}

// GetStr is the exported str-key lookup; nil when absent.
func (d *Dict) GetStr(name string) Object { return d.getStr(name) }

// SetStr stores under a str key.
func (d *Dict) SetStr(name string, v Object) { d.setStr(name, v) }

// Get returns the value for key or nil when absent.
func (d *Dict) Get(f *Frame, key Object) (Object, *BaseException) {
	h, err := Hash(f, key)
	if err != nil {
		return nil, err
	}
	d.ht.mu.Lock()
	e, err := d.ht.get(f, key, h)
	var v Object
	if e != nil {
		v = e.value
	}
	d.ht.mu.Unlock()
	return v, err
}

// GetItem implements d[k] (no __missing__; subclasses handle that).
func (d *Dict) GetItem(f *Frame, key Object) (Object, *BaseException) {
	v, err := d.Get(f, key)
	if err != nil {
		return nil, err
	}
	if v == nil {
		return nil, NewKeyError(key)
	}
	return v, nil
}

// SetItem implements d[k] = v (PyDict_SetItem, with its resize rule).
func (d *Dict) SetItem(f *Frame, key, value Object) *BaseException {
	h, err := Hash(f, key)
	if err != nil {
		return err
	}
	d.ht.mu.Lock()
	err = d.ht.set(f, key, h, value)
	d.ht.mu.Unlock()
	return err
}

// DelItem implements del d[k].
func (d *Dict) DelItem(f *Frame, key Object) *BaseException {
	h, err := Hash(f, key)
	if err != nil {
		return err
	}
	d.ht.mu.Lock()
	e, err := d.ht.del(f, key, h)
	d.ht.mu.Unlock()
	if err != nil {
		return err
	}
	if e == nil {
		return NewKeyError(key)
	}
	return nil
}

// Len implements len().
func (d *Dict) Len(f *Frame) (int, *BaseException) {
	d.ht.mu.Lock()
	n := d.ht.used
	d.ht.mu.Unlock()
	return n, nil
}

// Truth implements bool().
func (d *Dict) Truth(f *Frame) (bool, *BaseException) {
	n, _ := d.Len(f)
	return n != 0, nil
}

// Contains implements `k in d`.
func (d *Dict) Contains(f *Frame, key Object) (bool, *BaseException) {
	v, err := d.Get(f, key)
	return v != nil, err
}

// Entries snapshots the items in table order.
func (d *Dict) Entries() (keys, values []Object) {
	d.ht.mu.Lock()
	es := d.ht.entries()
	d.ht.mu.Unlock()
	keys = make([]Object, len(es))
	values = make([]Object, len(es))
	for i, e := range es {
		keys[i], values[i] = e.key, e.value
	}
	return keys, values
}

// Keys snapshots the keys in table order.
func (d *Dict) Keys() []Object {
	k, _ := d.Entries()
	return k
}

// Repr implements repr() ({...} on recursion).
func (d *Dict) Repr(f *Frame) (string, *BaseException) {
	if !reprEnter(f, d) {
		return "{...}", nil
	}
	defer reprLeave(f, d)
	keys, values := d.Entries()
	var b strings.Builder
	b.WriteByte('{')
	for i := range keys {
		if i > 0 {
			b.WriteString(", ")
		}
		r, err := Repr(f, keys[i])
		if err != nil {
			return "", err
		}
		b.WriteString(r.s)
		b.WriteString(": ")
		r, err = Repr(f, values[i])
		if err != nil {
			return "", err
		}
		b.WriteString(r.s)
	}
	b.WriteByte('}')
	return b.String(), nil
}

// Iter implements iter(d): keys, raising on size change like CPython.
func (d *Dict) Iter(f *Frame) (Object, *BaseException) {
	return &dictIter{d: d, kind: iterKeys, size: d.ht.used}, nil
}

type dictIterKind int

const (
	iterKeys dictIterKind = iota
	iterValues
	iterItems
)

type dictIter struct {
	d    *Dict
	pos  int
	kind dictIterKind
	size int
	done bool
}

var dictIterTypes = [3]*Type{
	newBuiltinType("dictionary-keyiterator", nil),
	newBuiltinType("dictionary-valueiterator", nil),
	newBuiltinType("dictionary-itemiterator", nil),
}

func (it *dictIter) Type() *Type                            { return dictIterTypes[it.kind] }
func (it *dictIter) Iter(f *Frame) (Object, *BaseException) { return it, nil }
func (it *dictIter) Next(f *Frame) (Object, *BaseException) {
	if it.done {
		return nil, nil
	}
	d := it.d
	d.ht.mu.Lock()
	if d.ht.used != it.size {
		it.size = -1
		d.ht.mu.Unlock()
		it.done = true
		return nil, NewRuntimeError("dictionary changed size during iteration")
	}
	e, ok := d.ht.next(&it.pos)
	d.ht.mu.Unlock()
	if !ok {
		it.done = true
		return nil, nil
	}
	switch it.kind {
	case iterValues:
		return e.value, nil
	case iterItems:
		return NewTuple(e.key, e.value), nil
	}
	return e.key, nil
}

// RichCompare implements == and != (ordering comparisons of dicts use
// CPython 2's dict_compare, not implemented yet and reported as such).
func (d *Dict) RichCompare(f *Frame, op CmpOp, y Object) (Object, *BaseException) {
	o, ok := y.(*Dict)
	if !ok {
		return NotImplemented, nil
	}
	if op != EQ && op != NE {
		// ordering falls back to dict_compare (Cmp)
		return NotImplemented, nil
	}
	eq, err := dictEqual(f, d, o)
	if err != nil {
		return nil, err
	}
	return NewBool(eq == (op == EQ)), nil
}

func dictEqual(f *Frame, a, b *Dict) (bool, *BaseException) {
	ka, va := a.Entries()
	if n, _ := b.Len(f); n != len(ka) {
		return false, nil
	}
	for i, k := range ka {
		bv, err := b.Get(f, k)
		if err != nil {
			return false, err
		}
		if bv == nil {
			return false, nil
		}
		eq, err := Eq(f, va[i], bv)
		if err != nil || !eq {
			return false, err
		}
	}
	return true, nil
}

// Update merges other into d the way PyDict_Merge does for dicts
// (presizing first) and PyDict_MergeFromSeq2 for pair sequences.
func (d *Dict) Update(f *Frame, other Object) *BaseException {
	if o, ok := other.(*Dict); ok {
		return d.merge(f, o)
	}
	if _, ok := other.(*Instance); ok {
		if od, ok := baseOf(other).(*Dict); ok && other.Type().lookup("keys") == DictType.dict.getStr("keys") {
			return d.merge(f, od)
		}
	}
	if HasAttr(f, other, "keys") {
		keys, err := CallMethod(f, other, "keys", nil, nil)
		if err != nil {
			return err
		}
		ks, err := ToSlice(f, keys)
		if err != nil {
			return err
		}
		for _, k := range ks {
			v, err := GetItem(f, other, k)
			if err != nil {
				return err
			}
			if err := d.SetItem(f, k, v); err != nil {
				return err
			}
		}
		return nil
	}
	items, err := ToSlice(f, other)
	if err != nil {
		return NewTypeError("cannot convert dictionary update sequence element #0 to a sequence")
	}
	for i, it := range items {
		pair, err := ToSlice(f, it)
		if err != nil {
			return NewTypeError("cannot convert dictionary update sequence element #" + itoa(i) + " to a sequence")
		}
		if len(pair) != 2 {
			return NewValueError("dictionary update sequence element #" + itoa(i) + " has length " + itoa(len(pair)) + "; 2 is required")
		}
		if err := d.SetItem(f, pair[0], pair[1]); err != nil {
			return err
		}
	}
	return nil
}

func (d *Dict) merge(f *Frame, o *Dict) *BaseException {
	if o == d {
		return nil
	}
	o.ht.mu.Lock()
	es := o.ht.entries()
	o.ht.mu.Unlock()
	if len(es) == 0 {
		return nil
	}
	d.ht.mu.Lock()
	defer d.ht.mu.Unlock()
	d.ht.init()
	if (d.ht.fill+len(es))*3 >= (d.ht.mask+1)*2 {
		d.ht.resize((d.ht.used + len(es)) * 2)
	}
	for _, e := range es {
		if _, err := d.ht.insert(f, e.key, e.hash, e.value); err != nil {
			return err
		}
	}
	return nil
}

// Copy is dict.copy(): a new dict merged from d.
func (d *Dict) Copy(f *Frame) *Dict {
	n := NewDict()
	_ = n.merge(f, d)
	return n
}

func selfDict(o Object) *Dict {
	if d, ok := o.(*Dict); ok {
		return d
	}
	return baseOf(o).(*Dict)
}

func init() {
	t := DictType
	t.newFn = func(f *Frame, t *Type, args []Object, kw Kwargs) (Object, *BaseException) {
		if t == DictType {
			return NewDict(), nil
		}
		return newInstanceWithBase(t, NewDict()), nil
	}
	t.def("__init__", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if len(args) > 1 {
			return nil, NewTypeError("dict expected at most 1 arguments, got " + itoa(len(args)))
		}
		d := selfDict(self)
		if len(args) == 1 {
			if err := d.Update(f, args[0]); err != nil {
				return nil, err
			}
		}
		if len(kw) > 0 {
			kd := NewDict()
			for _, k := range kw {
				kd.setStr(k.Name, k.Value)
			}
			if err := d.merge(f, kd); err != nil {
				return nil, err
			}
		}
		return None, nil
	})
	t.def("keys", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := NoArgs("keys", args, kw); err != nil {
			return nil, err
		}
		k, _ := selfDict(self).Entries()
		return NewList(k...), nil
	})
	t.def("values", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := NoArgs("values", args, kw); err != nil {
			return nil, err
		}
		_, v := selfDict(self).Entries()
		return NewList(v...), nil
	})
	t.def("items", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := NoArgs("items", args, kw); err != nil {
			return nil, err
		}
		k, v := selfDict(self).Entries()
		out := make([]Object, len(k))
		for i := range k {
			out[i] = NewTuple(k[i], v[i])
		}
		return NewList(out...), nil
	})
	iterm := func(name string, kind dictIterKind) {
		t.def(name, func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
			if err := NoArgs(name, args, kw); err != nil {
				return nil, err
			}
			d := selfDict(self)
			n, _ := d.Len(f)
			return &dictIter{d: d, kind: kind, size: n}, nil
		})
	}
	iterm("iterkeys", iterKeys)
	iterm("itervalues", iterValues)
	iterm("iteritems", iterItems)
	t.def("get", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := UnpackArgs("get", args, kw, 1, 2); err != nil {
			return nil, err
		}
		v, err := selfDict(self).Get(f, args[0])
		if err != nil {
			return nil, err
		}
		if v == nil {
			if len(args) == 2 {
				return args[1], nil
			}
			return None, nil
		}
		return v, nil
	})
	t.def("has_key", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := OneArg("has_key", args, kw); err != nil {
			return nil, err
		}
		v, err := selfDict(self).Get(f, args[0])
		return NewBool(v != nil), err
	})
	t.def("setdefault", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := UnpackArgs("setdefault", args, kw, 1, 2); err != nil {
			return nil, err
		}
		d := selfDict(self)
		h, err := Hash(f, args[0])
		if err != nil {
			return nil, err
		}
		def := Object(None)
		if len(args) == 2 {
			def = args[1]
		}
		d.ht.mu.Lock()
		defer d.ht.mu.Unlock()
		e, err := d.ht.get(f, args[0], h)
		if err != nil {
			return nil, err
		}
		if e != nil {
			return e.value, nil
		}
		return def, d.ht.set(f, args[0], h, def)
	})
	t.def("pop", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := UnpackArgs("pop", args, kw, 1, 2); err != nil {
			return nil, err
		}
		d := selfDict(self)
		h, err := Hash(f, args[0])
		if err != nil {
			return nil, err
		}
		d.ht.mu.Lock()
		e, err := d.ht.del(f, args[0], h)
		d.ht.mu.Unlock()
		if err != nil {
			return nil, err
		}
		if e == nil {
			if len(args) == 2 {
				return args[1], nil
			}
			return nil, NewKeyError(args[0])
		}
		return e.value, nil
	})
	t.def("popitem", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := NoArgs("popitem", args, kw); err != nil {
			return nil, err
		}
		d := selfDict(self)
		d.ht.mu.Lock()
		e, ok := d.ht.popitem()
		d.ht.mu.Unlock()
		if !ok {
			return nil, NewException(KeyErrorType, "popitem(): dictionary is empty")
		}
		return NewTuple(e.key, e.value), nil
	})
	t.def("update", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if len(args) > 1 {
			return nil, NewTypeError("update expected at most 1 arguments, got " + itoa(len(args)))
		}
		d := selfDict(self)
		if len(args) == 1 {
			if err := d.Update(f, args[0]); err != nil {
				return nil, err
			}
		}
		if len(kw) > 0 {
			kd := NewDict()
			for _, k := range kw {
				kd.setStr(k.Name, k.Value)
			}
			if err := d.merge(f, kd); err != nil {
				return nil, err
			}
		}
		return None, nil
	})
	t.def("copy", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := NoArgs("copy", args, kw); err != nil {
			return nil, err
		}
		return selfDict(self).Copy(f), nil
	})
	t.def("clear", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := NoArgs("clear", args, kw); err != nil {
			return nil, err
		}
		d := selfDict(self)
		d.ht.mu.Lock()
		d.ht.clear()
		d.ht.mu.Unlock()
		return None, nil
	})
	fromkeys := &BuiltinMethod{name: "fromkeys", owner: t, fn: func(f *Frame, cls Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := UnpackArgs("fromkeys", args, kw, 1, 2); err != nil {
			return nil, err
		}
		v := Object(None)
		if len(args) == 2 {
			v = args[1]
		}
		nd, err := Call(f, cls, nil, nil)
		if err != nil {
			return nil, err
		}
		keys, err := ToSlice(f, args[0])
		if err != nil {
			return nil, err
		}
		for _, k := range keys {
			if err := SetItem(f, nd, k, v); err != nil {
				return nil, err
			}
		}
		return nd, nil
	}}
	t.dict.setStr("fromkeys", &ClassMethod{fn: fromkeys})
}

var _ ItemGetter = (*Dict)(nil)
var _ ItemSetter = (*Dict)(nil)
var _ ItemDeleter = (*Dict)(nil)
var _ Container = (*Dict)(nil)
var _ Iterator = (*dictIter)(nil)

// Hash: dicts are unhashable.
func (d *Dict) Hash(f *Frame) (int64, *BaseException) {
	return 0, NewTypeError("unhashable type: 'dict'")
}

// Cmp is Python 2's dict_compare: shorter dicts are smaller; otherwise
// the smallest key whose value differs decides (characterize).
func (d *Dict) Cmp(f *Frame, y Object) (int, bool, *BaseException) {
	o, ok := y.(*Dict)
	if !ok {
		return 0, false, nil
	}
	na, _ := d.Len(f)
	nb, _ := o.Len(f)
	if na != nb {
		return cmp3(int64(na), int64(nb)), true, nil
	}
	ak, av, err := characterize(f, d, o)
	if err != nil {
		return 0, false, err
	}
	if ak == nil {
		return 0, true, nil
	}
	bk, bv, err := characterize(f, o, d)
	if err != nil {
		return 0, false, err
	}
	if bk == nil {
		return 0, true, nil
	}
	c, err := Cmp(f, ak, bk)
	if err != nil || c != 0 {
		return c, true, err
	}
	if bv == nil {
		return 1, true, nil
	}
	c, err = Cmp(f, av, bv)
	return c, true, err
}

// characterize finds the smallest key of a whose value differs in b.
func characterize(f *Frame, a, b *Dict) (Object, Object, *BaseException) {
	var akey, aval Object
	keys, vals := a.Entries()
	for i, k := range keys {
		if akey != nil {
			lt, err := Less(f, k, akey)
			if err != nil {
				return nil, nil, err
			}
			if !lt {
				continue
			}
		}
		bv, err := b.Get(f, k)
		if err != nil {
			return nil, nil, err
		}
		if bv != nil {
			eq, err := Eq(f, vals[i], bv)
			if err != nil {
				return nil, nil, err
			}
			if eq {
				continue
			}
		}
		akey, aval = k, vals[i]
	}
	return akey, aval, nil
}

// dictView is dict.viewkeys()/viewvalues()/viewitems().
type dictView struct {
	d    *Dict
	kind dictIterKind
}

var dictViewTypes = [3]*Type{
	NewBuiltinType("dict_keys", "", nil),
	NewBuiltinType("dict_values", "", nil),
	NewBuiltinType("dict_items", "", nil),
}

func (v *dictView) Type() *Type { return dictViewTypes[v.kind] }

func (v *dictView) Len(f *Frame) (int, *BaseException) { return v.d.Len(f) }

func (v *dictView) Iter(f *Frame) (Object, *BaseException) {
	n, _ := v.d.Len(f)
	return &dictIter{d: v.d, kind: v.kind, size: n}, nil
}

func (v *dictView) items(f *Frame) []Object {
	k, vals := v.d.Entries()
	switch v.kind {
	case iterValues:
		return vals
	case iterItems:
		out := make([]Object, len(k))
		for i := range k {
			out[i] = NewTuple(k[i], vals[i])
		}
		return out
	}
	return k
}

func (v *dictView) Repr(f *Frame) (string, *BaseException) {
	r, err := Repr(f, NewList(v.items(f)...))
	if err != nil {
		return "", err
	}
	return v.Type().name + "(" + r.s + ")", nil
}

func (v *dictView) Contains(f *Frame, x Object) (bool, *BaseException) {
	switch v.kind {
	case iterKeys:
		return v.d.Contains(f, x)
	case iterItems:
		t, ok := x.(*Tuple)
		if !ok || len(t.elems) != 2 {
			return false, nil
		}
		val, err := v.d.Get(f, t.elems[0])
		if err != nil || val == nil {
			return false, err
		}
		return Eq(f, val, t.elems[1])
	}
	return seqContains(f, v.items(f), x)
}

// Binary gives keys and items views the set operators (results are sets).
func (v *dictView) Binary(f *Frame, op Op, y Object, side Side) (Object, *BaseException) {
	if v.kind == iterValues {
		return NotImplemented, nil
	}
	switch op {
	case OpAnd, OpOr, OpSub, OpXor:
	default:
		return NotImplemented, nil
	}
	s := NewSet()
	if err := s.Update(f, NewList(v.items(f)...)); err != nil {
		return nil, err
	}
	other := NewSet()
	if err := other.Update(f, y); err != nil {
		return nil, err
	}
	if side == Left {
		return s.Binary(f, op, other, Left)
	}
	return other.Binary(f, op, s, Left)
}

// RichCompare compares keys/items views like sets.
func (v *dictView) RichCompare(f *Frame, op CmpOp, y Object) (Object, *BaseException) {
	if v.kind == iterValues {
		return NotImplemented, nil
	}
	s := NewSet()
	if err := s.Update(f, NewList(v.items(f)...)); err != nil {
		return nil, err
	}
	var o *Set
	switch yy := y.(type) {
	case *dictView:
		o = NewSet()
		if err := o.Update(f, NewList(yy.items(f)...)); err != nil {
			return nil, err
		}
	case *Set:
		o = yy
	default:
		return NotImplemented, nil
	}
	return s.RichCompare(f, op, o)
}

func init() {
	for _, k := range []struct {
		name string
		kind dictIterKind
	}{{"viewkeys", iterKeys}, {"viewvalues", iterValues}, {"viewitems", iterItems}} {
		k := k
		DictType.def(k.name, func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
			if err := NoArgs(k.name, args, kw); err != nil {
				return nil, err
			}
			return &dictView{d: selfDict(self), kind: k.kind}, nil
		})
	}
}
