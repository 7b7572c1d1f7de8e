package py

import "strings"

// Set is set and frozenset on the shared CPython-exact hashtable (the
// frozen flag selects the type). Construction and the set algebra follow
// setobject.c's iteration orders, so printed results match 2.7.
type Set struct {
	ht     hashtable
	frozen bool
}

// SetType is `set`; FrozenSetType is `frozenset`.
var (
	SetType       = newBuiltinType("set", nil)
	FrozenSetType = newBuiltinType("frozenset", nil)
)

// NewSet makes an empty mutable set.
func NewSet() *Set { return &Set{} }

// Type implements Object.
func (s *Set) Type() *Type {
	if s.frozen {
		return FrozenSetType
	}
	return SetType
}

// Add is set.add (set_add_key growth rule).
func (s *Set) Add(f *Frame, key Object) *BaseException {
	h, err := Hash(f, key)
	if err != nil {
		return err
	}
	s.ht.mu.Lock()
	err = s.ht.set(f, key, h, nil)
	s.ht.mu.Unlock()
	return err
}

func (s *Set) entries() []htEntry {
	s.ht.mu.Lock()
	defer s.ht.mu.Unlock()
	return s.ht.entries()
}

// Elems snapshots the members in table order.
func (s *Set) Elems() []Object {
	es := s.entries()
	out := make([]Object, len(es))
	for i, e := range es {
		out[i] = e.key
	}
	return out
}

func (s *Set) has(f *Frame, key Object) (bool, *BaseException) {
	h, err := Hash(f, key)
	if err != nil {
		return false, err
	}
	s.ht.mu.Lock()
	e, err := s.ht.get(f, key, h)
	s.ht.mu.Unlock()
	return e != nil, err
}

// merge is set_merge: presize, then insert other's entries in order.
func (s *Set) mergeEntries(f *Frame, es []htEntry) *BaseException {
	s.ht.mu.Lock()
	defer s.ht.mu.Unlock()
	s.ht.init()
	if (s.ht.fill+len(es))*3 >= (s.ht.mask+1)*2 {
		s.ht.resize((s.ht.used + len(es)) * 2)
	}
	for _, e := range es {
		if _, err := s.ht.insert(f, e.key, e.hash, nil); err != nil {
			return err
		}
	}
	return nil
}

// Update is set_update_internal.
func (s *Set) Update(f *Frame, other Object) *BaseException {
	switch o := baseOf(other).(type) {
	case *Set:
		if o == s {
			return nil
		}
		return s.mergeEntries(f, o.entries())
	case *Dict:
		o.ht.mu.Lock()
		es := o.ht.entries()
		o.ht.mu.Unlock()
		return s.mergeEntries(f, es)
	}
	it, err := Iter(f, other)
	if err != nil {
		return err
	}
	for {
		v, err := Next(f, it)
		if err != nil {
			return err
		}
		if v == nil {
			return nil
		}
		if err := s.Add(f, v); err != nil {
			return err
		}
	}
}

func (s *Set) copyAs(f *Frame, frozen bool) *Set {
	n := &Set{frozen: frozen}
	_ = n.mergeEntries(f, s.entries())
	return n
}

// Len implements len().
func (s *Set) Len(f *Frame) (int, *BaseException) {
	s.ht.mu.Lock()
	defer s.ht.mu.Unlock()
	return s.ht.used, nil
}

// Contains implements `in` (a set key is looked up as a frozenset).
func (s *Set) Contains(f *Frame, x Object) (bool, *BaseException) {
	if o, ok := x.(*Set); ok && !o.frozen {
		x = o.copyAs(f, true)
	}
	return s.has(f, x)
}

// Iter iterates in table order.
func (s *Set) Iter(f *Frame) (Object, *BaseException) {
	return &setIter{s: s, size: len(s.entries())}, nil
}

type setIter struct {
	s    *Set
	pos  int
	size int
	done bool
}

var setIterType = newBuiltinType("setiterator", nil)

func (it *setIter) Type() *Type                            { return setIterType }
func (it *setIter) Iter(f *Frame) (Object, *BaseException) { return it, nil }
func (it *setIter) Next(f *Frame) (Object, *BaseException) {
	if it.done {
		return nil, nil
	}
	it.s.ht.mu.Lock()
	if it.s.ht.used != it.size {
		it.s.ht.mu.Unlock()
		it.done = true
		return nil, NewRuntimeError("Set changed size during iteration")
	}
	e, ok := it.s.ht.next(&it.pos)
	it.s.ht.mu.Unlock()
	if !ok {
		it.done = true
		return nil, nil
	}
	return e.key, nil
}

// Repr mirrors set([1, 2]) / frozenset([1, 2]) / set().
func (s *Set) Repr(f *Frame) (string, *BaseException) {
	return s.reprNamed(f, s.Type().name)
}

// reprNamed is set_repr, which names the object's own type (a subclass's too).
func (s *Set) reprNamed(f *Frame, name string) (string, *BaseException) {
	elems := s.Elems()
	if len(elems) == 0 {
		return name + "([])", nil
	}
	if !reprEnter(f, s) {
		return name + "(...)", nil
	}
	defer reprLeave(f, s)
	var b strings.Builder
	b.WriteString(name + "([")
	for i, e := range elems {
		if i > 0 {
			b.WriteString(", ")
		}
		r, err := Repr(f, e)
		if err != nil {
			return "", err
		}
		b.WriteString(r.s)
	}
	b.WriteString("])")
	return b.String(), nil
}

// Hash: frozenset_hash of 2.7; sets are unhashable.
func (s *Set) Hash(f *Frame) (int64, *BaseException) {
	if !s.frozen {
		return 0, NewTypeError("unhashable type: 'set'")
	}
	es := s.entries()
	h := int64(1927868237)
	h *= int64(len(es) + 1)
	for _, e := range es {
		eh := e.hash
		h ^= (eh ^ (eh << 16) ^ 89869747) * 3644798167
	}
	h = h*69069 + 907133923
	if h == -1 {
		h = 590923713
	}
	return h, nil
}

func asSet(f *Frame, o Object) (*Set, *BaseException) {
	if s, ok := baseOf(o).(*Set); ok {
		return s, nil
	}
	n := NewSet()
	return n, n.Update(f, o)
}

func (s *Set) issubset(f *Frame, o *Set) (bool, *BaseException) {
	if n1, n2 := len(s.entries()), len(o.entries()); n1 > n2 {
		return false, nil
	}
	for _, e := range s.Elems() {
		in, err := o.has(f, e)
		if err != nil || !in {
			return false, err
		}
	}
	return true, nil
}

// RichCompare implements equality and subset ordering.
func (s *Set) RichCompare(f *Frame, op CmpOp, y Object) (Object, *BaseException) {
	o, ok := baseOf(y).(*Set)
	if !ok {
		if op == EQ || op == NE {
			return NotImplemented, nil
		}
		return nil, NewTypeError("can only compare to a set")
	}
	n1, n2 := len(s.entries()), len(o.entries())
	var r bool
	var err *BaseException
	switch op {
	case EQ, NE:
		r = n1 == n2
		if r {
			r, err = s.issubset(f, o)
		}
		if op == NE {
			r = !r
		}
	case LE:
		r, err = s.issubset(f, o)
	case GE:
		r, err = o.issubset(f, s)
	case LT:
		r = n1 < n2
		if r {
			r, err = s.issubset(f, o)
		}
	case GT:
		r = n1 > n2
		if r {
			r, err = o.issubset(f, s)
		}
	}
	return NewBool(r), err
}

// Cmp: cmp() on sets is an error in 2.7.
func (s *Set) Cmp(f *Frame, y Object) (int, bool, *BaseException) {
	return 0, false, NewTypeError("cannot compare sets using cmp()")
}

func (s *Set) union(f *Frame, other Object) (*Set, *BaseException) {
	r := s.copyAs(f, s.frozen)
	return r, r.Update(f, other)
}

func (s *Set) intersection(f *Frame, other Object) (*Set, *BaseException) {
	r := &Set{frozen: s.frozen}
	if o, ok := baseOf(other).(*Set); ok {
		a, b := s, o
		if len(o.entries()) > len(s.entries()) {
			a, b = o, s
		}
		// iterate the smaller (b), test in the larger (a)
		for _, e := range b.entries() {
			a.ht.mu.Lock()
			hit, err := a.ht.get(f, e.key, e.hash)
			a.ht.mu.Unlock()
			if err != nil {
				return nil, err
			}
			if hit != nil {
				r.ht.mu.Lock()
				err = r.ht.set(f, e.key, e.hash, nil)
				r.ht.mu.Unlock()
				if err != nil {
					return nil, err
				}
			}
		}
		return r, nil
	}
	items, err := ToSlice(f, other)
	if err != nil {
		return nil, err
	}
	for _, it := range items {
		in, err := s.has(f, it)
		if err != nil {
			return nil, err
		}
		if in {
			if err := r.Add(f, it); err != nil {
				return nil, err
			}
		}
	}
	return r, nil
}

func (s *Set) difference(f *Frame, other Object) (*Set, *BaseException) {
	if _, isSet := baseOf(other).(*Set); !isSet {
		if _, isDict := other.(*Dict); !isDict {
			// set_difference: copy, then discard each element of other
			r := s.copyAs(f, s.frozen)
			items, err := ToSlice(f, other)
			if err != nil {
				return nil, err
			}
			for _, it := range items {
				h, err := Hash(f, it)
				if err != nil {
					return nil, err
				}
				r.ht.mu.Lock()
				_, err = r.ht.del(f, it, h)
				r.ht.mu.Unlock()
				if err != nil {
					return nil, err
				}
			}
			return r, nil
		}
	}
	o, err := asSet(f, other)
	if err != nil {
		return nil, err
	}
	r := &Set{frozen: s.frozen}
	for _, e := range s.entries() {
		o.ht.mu.Lock()
		hit, err := o.ht.get(f, e.key, e.hash)
		o.ht.mu.Unlock()
		if err != nil {
			return nil, err
		}
		if hit == nil {
			r.ht.mu.Lock()
			err = r.ht.set(f, e.key, e.hash, nil)
			r.ht.mu.Unlock()
			if err != nil {
				return nil, err
			}
		}
	}
	return r, nil
}

func (s *Set) symmetricUpdate(f *Frame, o *Set) *BaseException {
	for _, e := range o.entries() {
		s.ht.mu.Lock()
		d, err := s.ht.del(f, e.key, e.hash)
		if err == nil && d == nil {
			err = s.ht.set(f, e.key, e.hash, nil)
		}
		s.ht.mu.Unlock()
		if err != nil {
			return err
		}
	}
	return nil
}

func (s *Set) symmetricDifference(f *Frame, other Object) (*Set, *BaseException) {
	var r *Set
	if o, isSet := baseOf(other).(*Set); isSet {
		r = o.copyAs(f, s.frozen)
	} else {
		// a fresh set built from the iterable, as make_new_set does
		r = &Set{frozen: s.frozen}
		if err := r.Update(f, other); err != nil {
			return nil, err
		}
	}
	return r, r.symmetricUpdate(f, s)
}

// Binary implements | & - ^ between sets.
func (s *Set) Binary(f *Frame, op Op, y Object, side Side) (Object, *BaseException) {
	o, ok := baseOf(y).(*Set)
	if !ok {
		return NotImplemented, nil
	}
	a, b := s, o
	if side == Right {
		a, b = o, s
	}
	switch op {
	case OpOr:
		return a.union(f, b)
	case OpAnd:
		return a.intersection(f, b)
	case OpSub:
		return a.difference(f, b)
	case OpXor:
		return a.symmetricDifference(f, b)
	}
	return NotImplemented, nil
}

// Inplace implements |= &= -= ^= on mutable sets.
func (s *Set) Inplace(f *Frame, op Op, y Object) (Object, *BaseException) {
	o, ok := baseOf(y).(*Set)
	if !ok || s.frozen {
		return NotImplemented, nil
	}
	var r *Set
	var err *BaseException
	switch op {
	case OpOr:
		return s, s.Update(f, o)
	case OpAnd:
		r, err = s.intersection(f, o)
	case OpSub:
		return s, s.discardAll(f, o)
	case OpXor:
		return s, s.symmetricUpdate(f, o)
	default:
		return NotImplemented, nil
	}
	if err != nil {
		return nil, err
	}
	s.replaceWith(r)
	return s, nil
}

// replaceWith takes over r's table exactly (set_swap_bodies).
func (s *Set) replaceWith(r *Set) {
	r.ht.mu.Lock()
	r.ht.init()
	table := r.ht.table
	if &table[0] == &r.ht.small[0] {
		table = append([]htEntry(nil), table...)
	}
	mask, fill, used := r.ht.mask, r.ht.fill, r.ht.used
	r.ht.mu.Unlock()
	s.ht.mu.Lock()
	if len(table) == htMinSize {
		copy(s.ht.small[:], table)
		s.ht.table = s.ht.small[:]
	} else {
		s.ht.table = table
	}
	s.ht.mask, s.ht.fill, s.ht.used = mask, fill, used
	s.ht.version++
	s.ht.bump()
	s.ht.mu.Unlock()
}

// discardAll is set_difference_update: discard each element in place.
func (s *Set) discardAll(f *Frame, other Object) *BaseException {
	var items []Object
	if o, ok := baseOf(other).(*Set); ok {
		if o == s {
			s.ht.mu.Lock()
			s.ht.clear()
			s.ht.mu.Unlock()
			return nil
		}
		items = o.Elems()
	} else {
		var err *BaseException
		items, err = ToSlice(f, other)
		if err != nil {
			return err
		}
	}
	for _, it := range items {
		h, err := Hash(f, it)
		if err != nil {
			return err
		}
		s.ht.mu.Lock()
		_, err = s.ht.del(f, it, h)
		s.ht.mu.Unlock()
		if err != nil {
			return err
		}
	}
	return nil
}

func selfSet(o Object) *Set { return baseOf(o).(*Set) }

func init() {
	newFn := func(frozen bool) func(f *Frame, t *Type, args []Object, kw Kwargs) (Object, *BaseException) {
		return func(f *Frame, t *Type, args []Object, kw Kwargs) (Object, *BaseException) {
			name := "set"
			if frozen {
				name = "frozenset"
			}
			if len(kw) > 0 {
				return nil, NewTypeError(name + "() does not take keyword arguments")
			}
			if err := UnpackArgs(name, args, nil, 0, 1); err != nil {
				return nil, err
			}
			s := &Set{frozen: frozen}
			if frozen && len(args) == 1 {
				if err := s.Update(f, args[0]); err != nil {
					return nil, err
				}
			}
			if (frozen && t == FrozenSetType) || (!frozen && t == SetType) {
				return s, nil
			}
			return newInstanceWithBase(t, s), nil
		}
	}
	SetType.newFn = newFn(false)
	FrozenSetType.newFn = newFn(true)
	SetType.def("__init__", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := UnpackArgs("set", args, kw, 0, 1); err != nil {
			return nil, err
		}
		s := selfSet(self)
		s.ht.mu.Lock()
		s.ht.clear()
		s.ht.mu.Unlock()
		if len(args) == 1 {
			return None, s.Update(f, args[0])
		}
		return None, nil
	})
	for _, t := range []*Type{SetType, FrozenSetType} {
		t := t
		multi := func(name string, fn func(s *Set, f *Frame, o Object) (*Set, *BaseException)) {
			t.def(name, func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
				s := selfSet(self)
				if len(args) == 0 {
					return s.copyAs(f, s.frozen), nil
				}
				r := s
				for _, a := range args {
					var err *BaseException
					r, err = fn(r, f, a)
					if err != nil {
						return nil, err
					}
				}
				return r, nil
			})
		}
		multi("union", (*Set).union)
		multi("intersection", (*Set).intersection)
		multi("difference", (*Set).difference)
		t.def("symmetric_difference", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
			if err := OneArg("symmetric_difference", args, kw); err != nil {
				return nil, err
			}
			return selfSet(self).symmetricDifference(f, args[0])
		})
		t.def("copy", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
			s := selfSet(self)
			if s.frozen {
				return s, nil
			}
			return s.copyAs(f, false), nil
		})
		t.def("issubset", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
			if err := OneArg("issubset", args, kw); err != nil {
				return nil, err
			}
			o, err := asSet(f, args[0])
			if err != nil {
				return nil, err
			}
			r, err := selfSet(self).issubset(f, o)
			return NewBool(r), err
		})
		t.def("issuperset", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
			if err := OneArg("issuperset", args, kw); err != nil {
				return nil, err
			}
			o, err := asSet(f, args[0])
			if err != nil {
				return nil, err
			}
			r, err := o.issubset(f, selfSet(self))
			return NewBool(r), err
		})
		t.def("isdisjoint", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
			if err := OneArg("isdisjoint", args, kw); err != nil {
				return nil, err
			}
			r, err := selfSet(self).intersection(f, args[0])
			if err != nil {
				return nil, err
			}
			return NewBool(len(r.entries()) == 0), nil
		})
	}
	s := SetType
	s.def("add", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := OneArg("add", args, kw); err != nil {
			return nil, err
		}
		return None, selfSet(self).Add(f, args[0])
	})
	remove := func(name string, missingErr bool) {
		s.def(name, func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
			if err := OneArg(name, args, kw); err != nil {
				return nil, err
			}
			key := args[0]
			if o, ok := key.(*Set); ok && !o.frozen {
				key = o.copyAs(f, true)
			}
			h, err := Hash(f, key)
			if err != nil {
				return nil, err
			}
			st := selfSet(self)
			st.ht.mu.Lock()
			d, err := st.ht.del(f, key, h)
			st.ht.mu.Unlock()
			if err != nil {
				return nil, err
			}
			if d == nil && missingErr {
				return nil, NewKeyError(args[0])
			}
			return None, nil
		})
	}
	remove("remove", true)
	remove("discard", false)
	s.def("pop", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := NoArgs("pop", args, kw); err != nil {
			return nil, err
		}
		st := selfSet(self)
		st.ht.mu.Lock()
		e, ok := st.ht.popitem()
		st.ht.mu.Unlock()
		if !ok {
			return nil, NewException(KeyErrorType, "pop from an empty set")
		}
		return e.key, nil
	})
	s.def("clear", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		st := selfSet(self)
		st.ht.mu.Lock()
		st.ht.clear()
		st.ht.mu.Unlock()
		return None, nil
	})
	s.def("update", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		for _, a := range args {
			if err := selfSet(self).Update(f, a); err != nil {
				return nil, err
			}
		}
		return None, nil
	})
	updater := func(name string, fn func(s *Set, f *Frame, o Object) (*Set, *BaseException)) {
		s.def(name, func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
			st := selfSet(self)
			r := st
			for _, a := range args {
				var err *BaseException
				r, err = fn(r, f, a)
				if err != nil {
					return nil, err
				}
			}
			st.replaceWith(r)
			return None, nil
		})
	}
	updater("intersection_update", (*Set).intersection)
	s.def("difference_update", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		for _, a := range args {
			if err := selfSet(self).discardAll(f, a); err != nil {
				return nil, err
			}
		}
		return None, nil
	})
	s.def("symmetric_difference_update", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := OneArg("symmetric_difference_update", args, kw); err != nil {
			return nil, err
		}
		o, err := asSet(f, args[0])
		if err != nil {
			return nil, err
		}
		return None, selfSet(self).symmetricUpdate(f, o)
	})
}

var _ Hasher = (*Set)(nil)
var _ Binaryer = (*Set)(nil)
var _ Inplacer = (*Set)(nil)
