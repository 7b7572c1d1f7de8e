package py

import (
	"strings"
)

// List is Python's list. Each single operation (append, pop, extend,
// item get/set/del, slice assignment) holds the list's mutex, giving the
// atomicity CPython's GIL gives; user code (__eq__, key functions) never
// runs under the lock.
type List struct {
	mu    plock
	elems []Object
	// alloc mirrors CPython's ob_allocated (list_resize's over-allocation)
	// for sys.getsizeof only; Go's own capacity is unrelated. A value below
	// len(elems) means "allocated exactly", as PyList_New(n) does.
	alloc int
}

// ListType is `list`.
var ListType = newBuiltinType("list", nil)

// NewList makes a list holding elems (kept, not copied).
func NewList(elems ...Object) *List { return &List{elems: elems} }

// Type implements Object.
func (l *List) Type() *Type { return ListType }

// Snapshot copies the elements under the lock.
func (l *List) Snapshot() []Object {
	l.mu.Lock()
	out := make([]Object, len(l.elems))
	copy(out, l.elems)
	l.mu.Unlock()
	return out
}

// Append adds one element atomically.
func (l *List) Append(o Object) {
	l.mu.Lock()
	l.elems = append(l.elems, o)
	if n := len(l.elems); n > l.alloc {
		l.alloc = listOverAlloc(n)
	}
	l.mu.Unlock()
}

// listOverAlloc is the capacity CPython's list_resize picks when it must
// reallocate for n elements.
func listOverAlloc(n int) int {
	if n == 0 {
		return 0
	}
	if n < 9 {
		return n + n>>3 + 3
	}
	return n + n>>3 + 6
}

// resized records a change of length to n as CPython's list_resize does:
// it keeps the allocation while n fits and is at least half of it.
func (l *List) resized(n int) { l.alloc = listResize(max(l.alloc, len(l.elems)), n) }

// listResize is the allocation after list_resize(n) from allocation a.
func listResize(a, n int) int {
	if a >= n && n >= a>>1 {
		return a
	}
	return listOverAlloc(n)
}

// sliceResized is resized for list_ass_slice, which clears the list
// (allocation 0) when it becomes empty.
func (l *List) sliceResized(n int) {
	if n == 0 {
		l.alloc = 0
		return
	}
	l.resized(n)
}

// extendAlloc is the allocation listextend leaves when it adds n items
// to a list of size items and allocation a, given extendHint's hint.
func extendAlloc(a, size, n, hint int) int {
	if hint < 0 {
		if n > 0 {
			a = listResize(a, size+n)
		}
		return a
	}
	// the iterator path: room for the length hint, then one list_resize
	// per append beyond it, then a trim to the final size
	a = listResize(a, size+hint)
	for rest := n; rest > 0; {
		if room := a - size; room > 0 {
			k := min(room, rest)
			size, rest = size+k, rest-k
			continue
		}
		a = listResize(a, size+1)
		size, rest = size+1, rest-1
	}
	if size < a {
		a = listResize(a, size)
	}
	return a
}

// extendHint is CPython's _PyObject_LengthHint(y, 8) for a y whose items
// are items, or -1 for a list or tuple, which listextend copies directly.
func extendHint(y Object, items []Object) int {
	switch v := y.(type) {
	case *List, *Tuple:
		return -1
	case *Dict, *Set, *Str, *Unicode, *ByteArray, *XRange, *listIter, *dictIter, *setIter, *xrangeIter, *seqIter, *Reversed:
		return len(items)
	case *Instance:
		if userLookup(v.typ, "__len__") != nil || userLookup(v.typ, "__length_hint__") != nil {
			return len(items)
		}
	}
	return 8
}

// Len implements len().
func (l *List) Len(f *Frame) (int, *BaseException) {
	l.mu.Lock()
	n := len(l.elems)
	l.mu.Unlock()
	return n, nil
}

// Truth implements bool().
func (l *List) Truth(f *Frame) (bool, *BaseException) {
	n, _ := l.Len(f)
	return n != 0, nil
}

// Repr implements repr() with [...] for recursion.
func (l *List) Repr(f *Frame) (string, *BaseException) {
	if !reprEnter(f, l) {
		return "[...]", nil
	}
	defer reprLeave(f, l)
	elems := l.Snapshot()
	var b strings.Builder
	b.WriteByte('[')
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
	b.WriteByte(']')
	return b.String(), nil
}

// GetItem implements l[i] and l[i:j:k].
func (l *List) GetItem(f *Frame, key Object) (Object, *BaseException) {
	if sl, ok := key.(*Slice); ok {
		l.mu.Lock()
		n0 := len(l.elems)
		l.mu.Unlock()
		start, _, step, n, err := sl.indices(f, n0)
		if err != nil {
			return nil, err
		}
		l.mu.Lock()
		defer l.mu.Unlock()
		out := make([]Object, 0, n)
		for i, j := 0, start; i < n && j < len(l.elems) && j >= 0; i, j = i+1, j+step {
			out = append(out, l.elems[j])
		}
		return NewList(out...), nil
	}
	i, err := IndexInt(f, key, "list indices must be integers, not ")
	if err != nil {
		return nil, err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if i < 0 {
		i += len(l.elems)
	}
	if i < 0 || i >= len(l.elems) {
		return nil, NewIndexError("list index out of range")
	}
	return l.elems[i], nil
}

// SetItem implements l[i] = v and slice assignment.
func (l *List) SetItem(f *Frame, key, value Object) *BaseException {
	if sl, ok := key.(*Slice); ok {
		return l.setSlice(f, sl, value)
	}
	i, err := IndexInt(f, key, "list indices must be integers, not ")
	if err != nil {
		return err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if i < 0 {
		i += len(l.elems)
	}
	if i < 0 || i >= len(l.elems) {
		return NewIndexError("list assignment index out of range")
	}
	l.elems[i] = value
	return nil
}

func (l *List) setSlice(f *Frame, sl *Slice, value Object) *BaseException {
	var items []Object
	if o, ok := value.(*List); ok && o == l {
		items = l.Snapshot()
	} else {
		var err *BaseException
		items, err = ToSlice(f, value)
		if err != nil {
			if err.IsInstance(TypeErrorType) {
				if sl.step == nil || sl.step == None {
					return NewTypeError("can only assign an iterable")
				}
				return NewTypeError("must assign iterable to extended slice")
			}
			return err
		}
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	start, stop, step, n, err := sl.indices(f, len(l.elems))
	if err != nil {
		return err
	}
	if step == 1 {
		if stop < start {
			stop = start
		}
		ne := make([]Object, 0, len(l.elems)-(stop-start)+len(items))
		ne = append(ne, l.elems[:start]...)
		ne = append(ne, items...)
		ne = append(ne, l.elems[stop:]...)
		l.sliceResized(len(ne))
		l.elems = ne
		return nil
	}
	if len(items) != n {
		return NewValueError("attempt to assign sequence of size " + itoa(len(items)) + " to extended slice of size " + itoa(n))
	}
	for i, j := 0, start; i < n; i, j = i+1, j+step {
		l.elems[j] = items[i]
	}
	return nil
}

// DelItem implements del l[i] and del l[i:j:k].
func (l *List) DelItem(f *Frame, key Object) *BaseException {
	if sl, ok := key.(*Slice); ok {
		l.mu.Lock()
		defer l.mu.Unlock()
		start, stop, step, n, err := sl.indices(f, len(l.elems))
		if err != nil {
			return err
		}
		if step == 1 {
			if stop > start {
				l.sliceResized(len(l.elems) - (stop - start))
				l.elems = append(l.elems[:start:start], l.elems[stop:]...)
			}
			return nil
		}
		del := make(map[int]bool, n)
		for i, j := 0, start; i < n; i, j = i+1, j+step {
			del[j] = true
		}
		out := l.elems[:0:0]
		for i, e := range l.elems {
			if !del[i] {
				out = append(out, e)
			}
		}
		l.resized(len(out))
		l.elems = out
		return nil
	}
	i, err := IndexInt(f, key, "list indices must be integers, not ")
	if err != nil {
		return err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if i < 0 {
		i += len(l.elems)
	}
	if i < 0 || i >= len(l.elems) {
		return NewIndexError("list assignment index out of range")
	}
	l.resized(len(l.elems) - 1)
	l.elems = append(l.elems[:i:i], l.elems[i+1:]...)
	return nil
}

// Contains implements `in`.
func (l *List) Contains(f *Frame, x Object) (bool, *BaseException) {
	return seqContains(f, l.Snapshot(), x)
}

// Iter implements iter(): a live iterator that sees appends, like CPython.
func (l *List) Iter(f *Frame) (Object, *BaseException) { return &listIter{l: l}, nil }

type listIter struct {
	mu plock
	l  *List
	i  int
}

var listIterType = newBuiltinType("listiterator", nil)

func (it *listIter) Type() *Type { return listIterType }
func (it *listIter) Next(f *Frame) (Object, *BaseException) {
	it.mu.Lock()
	defer it.mu.Unlock()
	if it.l == nil {
		return nil, nil
	}
	it.l.mu.Lock()
	defer it.l.mu.Unlock()
	if it.i < len(it.l.elems) {
		v := it.l.elems[it.i]
		it.i++
		return v, nil
	}
	it.l = nil
	return nil, nil
}
func (it *listIter) Iter(f *Frame) (Object, *BaseException) { return it, nil }

// Binary implements + and *.
func (l *List) Binary(f *Frame, op Op, y Object, side Side) (Object, *BaseException) {
	switch op {
	case OpAdd:
		if o, ok := BaseOf(y).(*List); ok && side == Left {
			a, b := l.Snapshot(), o.Snapshot()
			return NewList(append(a, b...)...), nil
		}

	case OpMul:
		n, ok, err := repeatCount(f, y)
		if err != nil {
			return nil, err
		}
		if ok {
			a := l.Snapshot()
			out := make([]Object, 0, max(0, len(a)*n))
			for i := 0; i < n; i++ {
				out = append(out, a...)
			}
			return NewList(out...), nil
		}
	}
	return NotImplemented, nil
}

// Inplace implements += (extend with any iterable) and *=.
func (l *List) Inplace(f *Frame, op Op, y Object) (Object, *BaseException) {
	switch op {
	case OpAdd:
		if err := l.extend(f, y); err != nil {
			return nil, err
		}
		return l, nil
	case OpMul:
		n, ok, err := repeatCount(f, y)
		if err != nil {
			return nil, err
		}
		if ok {
			l.mu.Lock()
			a := l.elems
			out := make([]Object, 0, max(0, len(a)*n))
			for i := 0; i < n; i++ {
				out = append(out, a...)
			}
			if len(out) == 0 {
				l.alloc = 0 // list_clear
			} else if len(out) != len(a) {
				l.resized(len(out))
			}
			l.elems = out
			l.mu.Unlock()
			return l, nil
		}
	}
	return NotImplemented, nil
}

func (l *List) extend(f *Frame, y Object) *BaseException {
	var items []Object
	if o, ok := y.(*List); ok {
		items = o.Snapshot()
	} else {
		var err *BaseException
		items, err = ToSlice(f, y)
		if err != nil {
			return err
		}
	}
	hint := extendHint(y, items)
	l.mu.Lock()
	l.alloc = extendAlloc(max(l.alloc, len(l.elems)), len(l.elems), len(items), hint)
	l.elems = append(l.elems, items...)
	l.mu.Unlock()
	return nil
}

// RichCompare compares lexicographically.
func (l *List) RichCompare(f *Frame, op CmpOp, y Object) (Object, *BaseException) {
	o, ok := y.(*List)
	if !ok {
		return NotImplemented, nil
	}
	return seqCompare(f, op, l.Snapshot(), o.Snapshot())
}

func selfList(o Object) *List {
	if l, ok := o.(*List); ok {
		return l
	}
	return baseOf(o).(*List)
}

// Sort sorts in place: a stable merge sort, so results equal timsort's
// for any consistent ordering. cmp, key may be nil.
func (l *List) Sort(f *Frame, cmpFn, key Object, reverse bool) *BaseException {
	l.mu.Lock()
	elems := l.elems
	l.elems = nil
	l.mu.Unlock()
	defer func() {
		l.mu.Lock()
		l.elems = elems
		l.mu.Unlock()
	}()
	keys := elems
	if key != nil && key != None {
		keys = make([]Object, len(elems))
		for i, e := range elems {
			k, err := Call1(f, key, e)
			if err != nil {
				return err
			}
			keys[i] = k
		}
	}
	idx := make([]int, len(elems))
	for i := range idx {
		idx[i] = i
	}
	if reverse {
		// CPython reverses, sorts stably, reverses again
		for a, b := 0, len(idx)-1; a < b; a, b = a+1, b-1 {
			idx[a], idx[b] = idx[b], idx[a]
		}
	}
	var ferr *BaseException
	native := nativeKeyLess(keys)
	if cmpFn != nil && cmpFn != None {
		native = nil
	}
	less := func(a, b Object) bool {
		if ferr != nil {
			return false
		}
		if cmpFn != nil && cmpFn != None {
			r, err := Call(f, cmpFn, []Object{a, b}, nil)
			if err != nil {
				ferr = err
				return false
			}
			n, ok := r.(*Int)
			if !ok {
				ferr = NewTypeError("comparison function must return int, not " + r.Type().tpName())
				return false
			}
			return n.v < 0
		}
		lt, err := Less(f, a, b)
		if err != nil {
			ferr = err
		}
		return lt
	}
	if native != nil {
		stableSortIdx(idx, native)
	} else {
		stableSortIdx(idx, func(i, j int) bool { return less(keys[i], keys[j]) })
	}
	if ferr != nil {
		return ferr
	}
	if reverse {
		for a, b := 0, len(idx)-1; a < b; a, b = a+1, b-1 {
			idx[a], idx[b] = idx[b], idx[a]
		}
	}
	out := make([]Object, len(elems))
	for i, j := range idx {
		out[i] = elems[j]
	}
	elems = out
	return nil
}

func init() {
	t := ListType
	t.newFn = func(f *Frame, t *Type, args []Object, kw Kwargs) (Object, *BaseException) {
		if t == ListType {
			return &List{}, nil
		}
		return newInstanceWithBase(t, &List{}), nil
	}
	t.def("__init__", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		var a [1]Object
		if err := ParseArgs("list", args, kw, []string{"sequence"}, 0, a[:]); err != nil {
			return nil, err
		}
		l := selfList(self)
		l.mu.Lock()
		l.elems, l.alloc = nil, 0
		l.mu.Unlock()
		if a[0] != nil {
			if err := l.extend(f, a[0]); err != nil {
				return nil, err
			}
		}
		return None, nil
	})
	t.def("append", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := OneArg("append", args, kw); err != nil {
			return nil, err
		}
		selfList(self).Append(args[0])
		return None, nil
	})
	t.def("extend", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := OneArg("extend", args, kw); err != nil {
			return nil, err
		}
		return None, selfList(self).extend(f, args[0])
	})
	t.def("insert", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := UnpackArgs("insert", args, kw, 2, 2); err != nil {
			return nil, NewTypeError("insert() takes exactly 2 arguments (" + itoa(len(args)) + " given)")
		}
		i, err := IndexInt(f, args[0], "an integer is required")
		if err != nil {
			return nil, err
		}
		l := selfList(self)
		l.mu.Lock()
		defer l.mu.Unlock()
		n := len(l.elems)
		if i < 0 {
			i += n
			if i < 0 {
				i = 0
			}
		}
		if i > n {
			i = n
		}
		l.resized(n + 1)
		l.elems = append(l.elems, nil)
		copy(l.elems[i+1:], l.elems[i:])
		l.elems[i] = args[1]
		return None, nil
	})
	t.def("pop", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := UnpackArgs("pop", args, kw, 0, 1); err != nil {
			return nil, err
		}
		i := -1
		if len(args) == 1 {
			n, err := IndexInt(f, args[0], "an integer is required")
			if err != nil {
				return nil, err
			}
			i = n
		}
		l := selfList(self)
		l.mu.Lock()
		defer l.mu.Unlock()
		if len(l.elems) == 0 {
			return nil, NewIndexError("pop from empty list")
		}
		if i < 0 {
			i += len(l.elems)
		}
		if i < 0 || i >= len(l.elems) {
			return nil, NewIndexError("pop index out of range")
		}
		v := l.elems[i]
		if i == len(l.elems)-1 {
			l.resized(i)
		} else {
			l.sliceResized(len(l.elems) - 1)
		}
		l.elems = append(l.elems[:i:i], l.elems[i+1:]...)
		return v, nil
	})
	t.def("remove", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := OneArg("remove", args, kw); err != nil {
			return nil, err
		}
		l := selfList(self)
		for i, e := range l.Snapshot() {
			eq, err := Eq(f, e, args[0])
			if err != nil {
				return nil, err
			}
			if eq {
				l.mu.Lock()
				if i < len(l.elems) {
					l.sliceResized(len(l.elems) - 1)
					l.elems = append(l.elems[:i:i], l.elems[i+1:]...)
				}
				l.mu.Unlock()
				return None, nil
			}
		}
		return nil, NewValueError("list.remove(x): x not in list")
	})
	t.def("index", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := UnpackArgs("index", args, kw, 1, 3); err != nil {
			return nil, err
		}
		elems := selfList(self).Snapshot()
		start, end, err := sliceIndices(f, len(elems), args[1:])
		if err != nil {
			return nil, err
		}
		for i := start; i < end && i < len(elems); i++ {
			eq, err := Eq(f, elems[i], args[0])
			if err != nil {
				return nil, err
			}
			if eq {
				return NewInt(int64(i)), nil
			}
		}
		r, err := Repr(f, args[0])
		if err != nil {
			return nil, err
		}
		return nil, NewValueError(r.s + " is not in list")
	})
	t.def("count", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := OneArg("count", args, kw); err != nil {
			return nil, err
		}
		n := 0
		for _, e := range selfList(self).Snapshot() {
			eq, err := Eq(f, e, args[0])
			if err != nil {
				return nil, err
			}
			if eq {
				n++
			}
		}
		return NewInt(int64(n)), nil
	})
	t.def("reverse", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := NoArgs("reverse", args, kw); err != nil {
			return nil, err
		}
		l := selfList(self)
		l.mu.Lock()
		for a, b := 0, len(l.elems)-1; a < b; a, b = a+1, b-1 {
			l.elems[a], l.elems[b] = l.elems[b], l.elems[a]
		}
		l.mu.Unlock()
		return None, nil
	})
	t.def("sort", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		var a [3]Object
		if err := ParseArgs("sort", args, kw, []string{"cmp", "key", "reverse"}, 0, a[:]); err != nil {
			return nil, err
		}
		rev := false
		if a[2] != nil {
			r, err := IsTrue(f, a[2])
			if err != nil {
				return nil, err
			}
			rev = r
		}
		return None, selfList(self).Sort(f, a[0], a[1], rev)
	})
}

var _ ItemSetter = (*List)(nil)
var _ ItemDeleter = (*List)(nil)
var _ Inplacer = (*List)(nil)
var _ Iterator = (*listIter)(nil)

// Hash: lists are unhashable.
func (l *List) Hash(f *Frame) (int64, *BaseException) {
	return 0, NewTypeError("unhashable type: 'list'")
}
