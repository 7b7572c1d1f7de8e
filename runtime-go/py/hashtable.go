package py

import (
	"sync/atomic"
	"unsafe"
)

// hashtable is the single open-addressing table behind dict, set and
// frozenset. It reproduces CPython 2.7's dictobject.c/setobject.c layout
// exactly: PyDict_MINSIZE 8, the perturbation probe
// i = 5*i + perturb + 1 (perturb >>= 5), dummy entries on delete, and
// growth to the smallest power of two above 4*used (2*used past 50000)
// once fill*3 >= size*2 after an insert of a new key. Iteration walks the
// slots in order, so every printed dict matches CPython byte for byte.
//
// All methods expect mu to be held. User __eq__ runs with the lock
// released; if the table changed meanwhile the probe restarts, as
// CPython's lookdict does.
type hashtable struct {
	mu plock
	// watched sits beside mu's 4-byte tail so the struct has no padding
	// (an instance and its dict fill one 480-byte size class; see Dict).
	watched atomic.Bool
	table   []htEntry
	small   [8]htEntry
	mask    int
	fill    int // active + dummy
	used    int // active
	version uint64
	// gen counts every mutation, values included, once watched is set;
	// read without the lock by the global-name caches (names.go), which
	// set watched before their first read. An atomic add per mutation is
	// too dear for the dicts (instance dicts, most others) no cache reads.
	gen atomic.Uint64
}

// bump records a mutation for the global-name caches; call it with mu held.
func (h *hashtable) bump() {
	if h.watched.Load() {
		plainAdd(&h.gen, 1)
	}
}

// watch makes mutations count in gen from now on.
func (h *hashtable) watch() {
	if !h.watched.Load() {
		h.watched.Store(true)
	}
}

type htEntry struct {
	hash  int64
	key   Object // nil = never used; dummy = deleted
	value Object // unused by sets
}

type dummyKey struct{ _ byte }

func (dummyKey) Type() *Type { return NoneType }

var dummy Object = &dummyKey{}

const htMinSize = 8

func (h *hashtable) init() {
	if h.table == nil {
		h.table = h.small[:]
		h.mask = htMinSize - 1
	}
}

// fastEqual compares keys without running Python code; ok=false means the
// generic equality must be used.
func fastEqual(a, b Object) (eq, ok bool) {
	switch x := a.(type) {
	case *Str:
		if y, yok := b.(*Str); yok {
			return x.s == y.s, true
		}
	case *Int:
		if y, yok := b.(*Int); yok {
			return x.v == y.v, true
		}
	}
	return false, false
}

// sameObject is a == b, the identity test. Every Object is a pointer, so
// comparing the interfaces' two words is exact, and cheaper than the
// runtime.ifaceeq call Go makes for == on interfaces of one dynamic type.
func sameObject(a, b Object) bool {
	type iface struct{ tab, data unsafe.Pointer }
	x := (*iface)(unsafe.Pointer(&a))
	y := (*iface)(unsafe.Pointer(&b))
	return x.data == y.data && x.tab == y.tab
}

// lookup returns the slot index for key: the matching active slot, or the
// slot an insert should use (first dummy seen, else the empty slot).
func (h *hashtable) lookup(f *Frame, key Object, hash int64) (int, *BaseException) {
	h.init()
restart:
	mask := uint64(h.mask)
	table := h.table
	i := uint64(hash) & mask
	ep := &table[i]
	if ep.key == nil || sameObject(ep.key, key) {
		return int(i), nil
	}
	freeslot := -1
	if ep.key == dummy {
		freeslot = int(i)
	} else if ep.hash == hash {
		eq, ok := fastEqual(ep.key, key)
		if !ok {
			var err *BaseException
			eq, err = h.slowEqual(f, ep.key, key)
			if err != nil {
				return 0, err
			}
			if &h.table[0] != &table[0] || h.table[i].key != ep.key {
				goto restart
			}
		}
		if eq {
			return int(i), nil
		}
	}
	for perturb := uint64(hash); ; perturb >>= 5 {
		i = (i << 2) + i + perturb + 1
		ep = &table[i&mask]
		if ep.key == nil {
			if freeslot >= 0 {
				return freeslot, nil
			}
			return int(i & mask), nil
		}
		if sameObject(ep.key, key) {
			return int(i & mask), nil
		}
		if ep.key != dummy && ep.hash == hash {
			startKey := ep.key
			eq, ok := fastEqual(ep.key, key)
			if !ok {
				var err *BaseException
				eq, err = h.slowEqual(f, ep.key, key)
				if err != nil {
					return 0, err
				}
				if len(h.table) != len(table) || &h.table[0] != &table[0] || h.table[i&mask].key != startKey {
					goto restart
				}
			}
			if eq {
				return int(i & mask), nil
			}
		} else if ep.key == dummy && freeslot < 0 {
			freeslot = int(i & mask)
		}
	}
}

func (h *hashtable) slowEqual(f *Frame, a, b Object) (bool, *BaseException) {
	h.mu.Unlock()
	eq, err := Eq(f, a, b)
	h.mu.Lock()
	return eq, err
}

// lookupStr finds a str key by its Go string without allocating. ok is
// false when a probed key of another type had the same hash (the caller
// then falls back to full equality).
func (h *hashtable) lookupStr(name string, hash int64) (Object, bool) {
	h.init()
	mask := uint64(h.mask)
	i := uint64(hash) & mask
	for perturb := uint64(hash); ; perturb >>= 5 {
		ep := &h.table[i&mask]
		if ep.key == nil {
			return nil, true
		}
		if ep.key != dummy && ep.hash == hash {
			s, isStr := ep.key.(*Str)
			if !isStr {
				return nil, false
			}
			if s.s == name {
				return ep.value, true
			}
		}
		i = (i << 2) + i + perturb + 1
	}
}

// findStr returns the active entry whose key is the str name, or nil
// (also nil when another key type shares the hash; callers then take the
// general path).
func (h *hashtable) findStr(name string, hash int64) *htEntry {
	h.init()
	mask := uint64(h.mask)
	i := uint64(hash) & mask
	for perturb := uint64(hash); ; perturb >>= 5 {
		ep := &h.table[i&mask]
		if ep.key == nil {
			return nil
		}
		if ep.key != dummy && ep.hash == hash {
			s, isStr := ep.key.(*Str)
			if !isStr {
				return nil
			}
			if s.s == name {
				return ep
			}
		}
		i = (i << 2) + i + perturb + 1
	}
}

// get returns the value (or key, for sets) stored under key, or nil.
func (h *hashtable) get(f *Frame, key Object, hash int64) (*htEntry, *BaseException) {
	i, err := h.lookup(f, key, hash)
	if err != nil {
		return nil, err
	}
	ep := &h.table[i]
	if ep.key == nil || ep.key == dummy {
		return nil, nil
	}
	return ep, nil
}

// insert stores key/value; reports whether the key was new. It does not
// resize (callers apply the dict or set growth rule).
func (h *hashtable) insert(f *Frame, key Object, hash int64, value Object) (bool, *BaseException) {
	i, err := h.lookup(f, key, hash)
	if err != nil {
		return false, err
	}
	ep := &h.table[i]
	if ep.key != nil && ep.key != dummy {
		ep.value = value
		h.bump()
		return false, nil
	}
	if ep.key == nil {
		h.fill++
	}
	ep.key = key
	ep.hash = hash
	ep.value = value
	h.used++
	h.version++
	h.bump()
	return true, nil
}

// set inserts and applies the shared growth rule of PyDict_SetItem and
// set_add_key.
func (h *hashtable) set(f *Frame, key Object, hash int64, value Object) *BaseException {
	added, err := h.insert(f, key, hash, value)
	if err != nil {
		return err
	}
	if added && h.fill*3 >= (h.mask+1)*2 {
		n := h.used * 4
		if h.used > 50000 {
			n = h.used * 2
		}
		h.resize(n)
	}
	return nil
}

// insertClean places a key known to be absent into a table with no
// dummies (insertdict_clean / set_insert_clean).
func (h *hashtable) insertClean(e htEntry) {
	mask := uint64(h.mask)
	i := uint64(e.hash) & mask
	for perturb := uint64(e.hash); h.table[i&mask].key != nil; perturb >>= 5 {
		i = (i << 2) + i + perturb + 1
	}
	h.table[i&mask] = e
	h.fill++
	h.used++
}

// resize rebuilds the table with the smallest power of two > minused.
func (h *hashtable) resize(minused int) {
	h.init()
	newsize := htMinSize
	for newsize <= minused && newsize > 0 {
		newsize <<= 1
	}
	old := h.table
	var oldCopy []htEntry
	if &old[0] == &h.small[0] {
		oldCopy = make([]htEntry, len(old))
		copy(oldCopy, old)
		old = oldCopy
	}
	// the inline table is cleared either way: stale entries left in it
	// would keep their keys and values alive (and __del__ from running)
	h.small = [8]htEntry{}
	if newsize == htMinSize {
		h.table = h.small[:]
	} else {
		h.table = make([]htEntry, newsize)
	}
	h.mask = newsize - 1
	h.fill, h.used = 0, 0
	for _, e := range old {
		if e.key != nil && e.key != dummy {
			h.insertClean(e)
		}
	}
	h.version++
	h.bump()
}

// del removes key, leaving a dummy; reports whether it was present.
func (h *hashtable) del(f *Frame, key Object, hash int64) (*htEntry, *BaseException) {
	i, err := h.lookup(f, key, hash)
	if err != nil {
		return nil, err
	}
	ep := &h.table[i]
	if ep.key == nil || ep.key == dummy {
		return nil, nil
	}
	old := *ep
	ep.key = dummy
	ep.value = nil
	h.used--
	h.version++
	h.bump()
	return &old, nil
}

// clear empties the table back to the minimum size.
func (h *hashtable) clear() {
	h.small = [8]htEntry{}
	h.table = h.small[:]
	h.mask = htMinSize - 1
	h.fill, h.used = 0, 0
	h.version++
	h.bump()
}

// popitem removes an arbitrary item exactly as dict.popitem/set.pop do,
// using slot 0's hash field as the search finger.
func (h *hashtable) popitem() (htEntry, bool) {
	h.init()
	if h.used == 0 {
		return htEntry{}, false
	}
	i := 0
	ep := &h.table[0]
	if ep.key == nil || ep.key == dummy {
		i = int(ep.hash)
		if i > h.mask || i < 1 {
			i = 1
		}
		for {
			ep = &h.table[i]
			if ep.key != nil && ep.key != dummy {
				break
			}
			i++
			if i > h.mask {
				i = 1
			}
		}
	}
	old := *ep
	ep.key = dummy
	ep.value = nil
	h.used--
	h.table[0].hash = int64(i + 1)
	h.version++
	h.bump()
	return old, true
}

// entries snapshots active entries in slot order.
func (h *hashtable) entries() []htEntry {
	h.init()
	out := make([]htEntry, 0, h.used)
	for _, e := range h.table {
		if e.key != nil && e.key != dummy {
			out = append(out, e)
		}
	}
	return out
}

// next iterates from slot *pos; returns false at the end.
func (h *hashtable) next(pos *int) (htEntry, bool) {
	h.init()
	for *pos < len(h.table) {
		e := h.table[*pos]
		*pos++
		if e.key != nil && e.key != dummy {
			return e, true
		}
	}
	return htEntry{}, false
}
