// Package collections is CPython 2.7's _collections module (the pure
// collections.py imports deque and defaultdict from it).
//
// Members:
//
//	deque([iterable[, maxlen]])   double-ended queue; repr deque([1, 2]) or
//	                              deque([1, 2], maxlen=3)
//	  append appendleft pop popleft extend extendleft rotate reverse
//	  clear count remove __copy__ __reduce__ __reversed__ maxlen;
//	  len, iteration, indexing, item assignment/deletion, comparisons, +=
//	defaultdict(default_factory[, ...])  dict subclass calling
//	                              default_factory for missing keys (__missing__)
//	  default_factory copy __copy__ __missing__ __reduce__ __repr__
//
// A deque is guarded by its own mutex, so single operations are atomic as
// under the GIL. defaultdict is a class deriving from dict (its
// default_factory lives in the instance __dict__, so vars(dd) shows it,
// unlike CPython).
package collections

import (
	"sync"

	"github.com/grumpy-audit/grumpy-audit/runtime-go/modules/internal/native"
	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

// init order matters: the types exist before the module table is built.
func init() {
	dequeType = native.NewType(dequeSpec)
	defaultdictType = newDefaultdictType()
	native.Register("_collections", "High performance data structures.\n- deque:        ordered collection accessible from endpoints only\n- defaultdict:  dict subclass with a default value factory\n", func() []native.Member {
		return []native.Member{
			native.V("deque", dequeType),
			native.V("defaultdict", defaultdictType),
		}
	})
}

// deque keeps its items in a slice with free space at the front, so both
// ends are amortised O(1).
type deque struct {
	mu     sync.Mutex
	buf    []py.Object
	head   int // index of the first item in buf
	n      int
	maxlen int // -1: unbounded
	state  int // bumped on every mutation, for iterators
}

func (d *deque) Type() *py.Type { return dequeType }

func (d *deque) items() []py.Object { return d.buf[d.head : d.head+d.n] }

func (d *deque) snapshot() []py.Object {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]py.Object(nil), d.items()...)
}

func (d *deque) pushRight(v py.Object) {
	if d.maxlen == 0 {
		return
	}
	if d.head+d.n == len(d.buf) {
		d.grow()
	}
	d.buf[d.head+d.n] = v
	d.n++
	d.state++
	if d.maxlen > 0 && d.n > d.maxlen {
		d.popLeft()
	}
}

func (d *deque) pushLeft(v py.Object) {
	if d.maxlen == 0 {
		return
	}
	if d.head == 0 {
		d.grow()
	}
	d.head--
	d.buf[d.head] = v
	d.n++
	d.state++
	if d.maxlen > 0 && d.n > d.maxlen {
		d.popRight()
	}
}

// grow re-centres the items in a buffer twice as large.
func (d *deque) grow() {
	size := 2*d.n + 8
	nb := make([]py.Object, size)
	h := (size - d.n) / 2
	copy(nb[h:], d.items())
	d.buf, d.head = nb, h
}

func (d *deque) popLeft() py.Object {
	v := d.buf[d.head]
	d.buf[d.head] = nil
	d.head++
	d.n--
	d.state++
	return v
}

func (d *deque) popRight() py.Object {
	i := d.head + d.n - 1
	v := d.buf[i]
	d.buf[i] = nil
	d.n--
	d.state++
	return v
}

func (d *deque) setItems(items []py.Object) {
	d.buf = make([]py.Object, len(items)+8)
	d.head = 4
	d.n = copy(d.buf[4:], items)
	d.state++
}

func self(o py.Object) *deque { return o.(*deque) }

var dequeType *py.Type

var dequeSpec = native.TypeSpec{
	Name: "deque", Module: "collections",
	Doc: "deque([iterable[, maxlen]]) --> deque object\n\nBuild an ordered collection with optimized access from its endpoints.",
	New: func(f *py.Frame, t *py.Type, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		return native.Wrap(t, dequeType, &deque{maxlen: -1}), nil
	},
	Methods: map[string]native.Method{
		"__init__": dequeInit,
		"append": func1("append", func(f *py.Frame, d *deque, v py.Object) (py.Object, *py.BaseException) {
			d.pushRight(v)
			return py.None, nil
		}),
		"appendleft": func1("appendleft", func(f *py.Frame, d *deque, v py.Object) (py.Object, *py.BaseException) {
			d.pushLeft(v)
			return py.None, nil
		}),
		"pop":          func0("pop", func(d *deque) (py.Object, *py.BaseException) { return d.pop(false) }),
		"popleft":      func0("popleft", func(d *deque) (py.Object, *py.BaseException) { return d.pop(true) }),
		"clear":        func0("clear", func(d *deque) (py.Object, *py.BaseException) { d.setItems(nil); return py.None, nil }),
		"reverse":      func0("reverse", dequeReverse),
		"extend":       dequeExtend(false),
		"extendleft":   dequeExtend(true),
		"rotate":       dequeRotate,
		"count":        dequeCount,
		"remove":       dequeRemove,
		"__copy__":     dequeCopy,
		"__reduce__":   dequeReduce,
		"__reversed__": dequeReversed,
		"__iter__": func(f *py.Frame, s py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			return self(s).Iter(f)
		},
		"__len__": func(f *py.Frame, s py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			n, _ := self(s).Len(f)
			return py.NewInt(int64(n)), nil
		},
		"__iadd__": func(f *py.Frame, s py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			if err := py.OneArg("__iadd__", args, kw); err != nil {
				return nil, err
			}
			return self(s).Inplace(f, py.OpAdd, args[0])
		},
	},
	Getters: map[string]func(f *py.Frame, s py.Object) (py.Object, *py.BaseException){
		"maxlen": func(f *py.Frame, s py.Object) (py.Object, *py.BaseException) {
			d := self(s)
			d.mu.Lock()
			defer d.mu.Unlock()
			if d.maxlen < 0 {
				return py.None, nil
			}
			return py.NewInt(int64(d.maxlen)), nil
		},
	},
}

func func0(name string, fn func(d *deque) (py.Object, *py.BaseException)) native.Method {
	return func(f *py.Frame, s py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		if err := py.NoArgs(name, args, kw); err != nil {
			return nil, err
		}
		d := self(s)
		d.mu.Lock()
		defer d.mu.Unlock()
		return fn(d)
	}
}

func func1(name string, fn func(f *py.Frame, d *deque, v py.Object) (py.Object, *py.BaseException)) native.Method {
	return func(f *py.Frame, s py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		if err := py.OneArg(name, args, kw); err != nil {
			return nil, err
		}
		d := self(s)
		d.mu.Lock()
		defer d.mu.Unlock()
		return fn(f, d, args[0])
	}
}

func (d *deque) pop(left bool) (py.Object, *py.BaseException) {
	if d.n == 0 {
		return nil, py.NewIndexError("pop from an empty deque")
	}
	if left {
		return d.popLeft(), nil
	}
	return d.popRight(), nil
}

func dequeReverse(d *deque) (py.Object, *py.BaseException) {
	it := d.items()
	for i, j := 0, len(it)-1; i < j; i, j = i+1, j-1 {
		it[i], it[j] = it[j], it[i]
	}
	d.state++
	return py.None, nil
}

func dequeInit(f *py.Frame, s py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	out := make([]py.Object, 2)
	if err := native.ParseKw("deque", args, kw, []string{"iterable", "maxlen"}, 0, out); err != nil {
		return nil, err
	}
	d := self(s)
	maxlen := -1
	if out[1] != nil && out[1] != py.None {
		n, err := native.Int(f, out[1])
		if err != nil {
			return nil, err
		}
		if n < 0 {
			return nil, py.NewValueError("maxlen must be non-negative")
		}
		maxlen = n
	}
	var items []py.Object
	if out[0] != nil {
		var err *py.BaseException
		if items, err = py.ToSlice(f, out[0]); err != nil {
			return nil, err
		}
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	d.maxlen = maxlen
	d.setItems(nil)
	for _, v := range items {
		d.pushRight(v)
	}
	return py.None, nil
}

func dequeExtend(left bool) native.Method {
	name := "extend"
	if left {
		name = "extendleft"
	}
	return func(f *py.Frame, s py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		if err := py.OneArg(name, args, kw); err != nil {
			return nil, err
		}
		d := self(s)
		var items []py.Object
		if o, ok := py.BaseOf(args[0]).(*deque); ok {
			items = o.snapshot()
		} else {
			var err *py.BaseException
			if items, err = py.ToSlice(f, args[0]); err != nil {
				return nil, err
			}
		}
		d.mu.Lock()
		defer d.mu.Unlock()
		for _, v := range items {
			if left {
				d.pushLeft(v)
			} else {
				d.pushRight(v)
			}
		}
		return py.None, nil
	}
}

func dequeRotate(f *py.Frame, s py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	out := make([]py.Object, 1)
	if err := native.ParseTuple("rotate", args, []string{"n"}, 0, out); err != nil {
		return nil, err
	}
	if err := native.NoKwArgs("rotate", kw); err != nil {
		return nil, err
	}
	n := 1
	if out[0] != nil {
		var err *py.BaseException
		if n, err = native.Int(f, out[0]); err != nil {
			return nil, err
		}
	}
	d := self(s)
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.n <= 1 {
		return py.None, nil
	}
	n %= d.n
	if n < 0 {
		n += d.n
	}
	it := d.items()
	rot := append(append([]py.Object(nil), it[d.n-n:]...), it[:d.n-n]...)
	copy(it, rot)
	d.state++
	return py.None, nil
}

func dequeCount(f *py.Frame, s py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.OneArg("count", args, kw); err != nil {
		return nil, err
	}
	d := self(s)
	d.mu.Lock()
	items, state := append([]py.Object(nil), d.items()...), d.state
	d.mu.Unlock()
	c := 0
	for _, v := range items {
		eq, err := py.Eq(f, v, args[0])
		if err != nil {
			return nil, err
		}
		if eq {
			c++
		}
		d.mu.Lock()
		changed := d.state != state
		d.mu.Unlock()
		if changed {
			return nil, py.NewRuntimeError("deque mutated during iteration")
		}
	}
	return py.NewInt(int64(c)), nil
}

func dequeRemove(f *py.Frame, s py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.OneArg("remove", args, kw); err != nil {
		return nil, err
	}
	d := self(s)
	d.mu.Lock()
	items, state := append([]py.Object(nil), d.items()...), d.state
	d.mu.Unlock()
	for i, v := range items {
		eq, err := py.Eq(f, v, args[0])
		if err != nil {
			return nil, err
		}
		d.mu.Lock()
		if d.state != state {
			d.mu.Unlock()
			return nil, py.NewIndexError("deque mutated during remove().")
		}
		if eq {
			it := d.items()
			copy(it[i:], it[i+1:])
			it[len(it)-1] = nil
			d.n--
			d.state++
			d.mu.Unlock()
			return py.None, nil
		}
		d.mu.Unlock()
	}
	return nil, py.NewValueError("deque.remove(x): x not in deque")
}

func dequeCopy(f *py.Frame, s py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.NoArgs("__copy__", args, kw); err != nil {
		return nil, err
	}
	d := self(s)
	nd := &deque{maxlen: d.maxlen}
	nd.setItems(d.snapshot())
	return nd, nil
}

func dequeReduce(f *py.Frame, s py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.NoArgs("__reduce__", args, kw); err != nil {
		return nil, err
	}
	d := self(s)
	items := py.NewList(d.snapshot()...)
	if d.maxlen < 0 {
		return py.NewTuple(dequeType, py.NewTuple(items)), nil
	}
	return py.NewTuple(dequeType, py.NewTuple(items, py.NewInt(int64(d.maxlen)))), nil
}

func dequeReversed(f *py.Frame, s py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.NoArgs("__reversed__", args, kw); err != nil {
		return nil, err
	}
	d := self(s)
	d.mu.Lock()
	defer d.mu.Unlock()
	return &dequeIter{d: d, state: d.state, pos: d.n - 1, rev: true, typ: dequeRevIterType}, nil
}

// Len implements len().
func (d *deque) Len(f *py.Frame) (int, *py.BaseException) {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.n, nil
}

// Hash: deques are unhashable.
func (d *deque) Hash(f *py.Frame) (int64, *py.BaseException) {
	return 0, py.NewTypeError("unhashable type: 'collections.deque'")
}

func (d *deque) index(f *py.Frame, key py.Object) (int, *py.BaseException) {
	switch key.(type) {
	case *py.Int, *py.Long:
	default:
		if !py.HasAttr(f, key, "__index__") {
			return 0, py.NewTypeError("sequence index must be integer, not '" + key.Type().Name() + "'")
		}
	}
	i, err := py.IndexInt(f, key, "")
	if err != nil {
		return 0, err
	}
	if i < 0 {
		i += d.n
	}
	if i < 0 || i >= d.n {
		return 0, py.NewIndexError("deque index out of range")
	}
	return i, nil
}

// GetItem implements d[i].
func (d *deque) GetItem(f *py.Frame, key py.Object) (py.Object, *py.BaseException) {
	d.mu.Lock()
	defer d.mu.Unlock()
	i, err := d.index(f, key)
	if err != nil {
		return nil, err
	}
	return d.buf[d.head+i], nil
}

// SetItem implements d[i] = v.
func (d *deque) SetItem(f *py.Frame, key, v py.Object) *py.BaseException {
	d.mu.Lock()
	defer d.mu.Unlock()
	i, err := d.index(f, key)
	if err != nil {
		return err
	}
	d.buf[d.head+i] = v
	return nil
}

// DelItem implements del d[i].
func (d *deque) DelItem(f *py.Frame, key py.Object) *py.BaseException {
	d.mu.Lock()
	defer d.mu.Unlock()
	i, err := d.index(f, key)
	if err != nil {
		return err
	}
	it := d.items()
	copy(it[i:], it[i+1:])
	it[len(it)-1] = nil
	d.n--
	d.state++
	return nil
}

// Inplace implements d += iterable.
func (d *deque) Inplace(f *py.Frame, op py.Op, y py.Object) (py.Object, *py.BaseException) {
	if op != py.OpAdd {
		return py.NotImplemented, nil
	}
	if _, err := dequeExtend(false)(f, d, []py.Object{y}, nil); err != nil {
		return nil, err
	}
	return d, nil
}

// reprActive tracks deques being repr'd, for the recursive "[...]".
var reprActive sync.Map

// Repr mirrors deque([1, 2]) and deque([1, 2], maxlen=3).
func (d *deque) Repr(f *py.Frame) (string, *py.BaseException) {
	if _, busy := reprActive.LoadOrStore(d, true); busy {
		return "[...]", nil
	}
	defer reprActive.Delete(d)
	r, err := py.Repr(f, py.NewList(d.snapshot()...))
	if err != nil {
		return "", err
	}
	d.mu.Lock()
	maxlen := d.maxlen
	d.mu.Unlock()
	if maxlen >= 0 {
		return "deque(" + r.Value() + ", maxlen=" + native.Itoa(maxlen) + ")", nil
	}
	return "deque(" + r.Value() + ")", nil
}

// RichCompare compares two deques as sequences.
func (d *deque) RichCompare(f *py.Frame, op py.CmpOp, y py.Object) (py.Object, *py.BaseException) {
	o, ok := py.BaseOf(y).(*deque)
	if !ok {
		return py.NotImplemented, nil
	}
	return py.Compare(f, op, py.NewList(d.snapshot()...), py.NewList(o.snapshot()...))
}

// Iter implements iter(d).
func (d *deque) Iter(f *py.Frame) (py.Object, *py.BaseException) {
	d.mu.Lock()
	defer d.mu.Unlock()
	return &dequeIter{d: d, state: d.state, typ: dequeIterType}, nil
}

type dequeIter struct {
	mu    sync.Mutex
	d     *deque
	state int
	pos   int
	rev   bool
	typ   *py.Type
}

var dequeIterType = native.NewType(native.TypeSpec{Name: "deque_iterator",
	Methods: map[string]native.Method{"__iter__": native.SelfIter, "next": native.NextMethod}})

var dequeRevIterType = native.NewType(native.TypeSpec{Name: "deque_reverse_iterator",
	Methods: map[string]native.Method{"__iter__": native.SelfIter, "next": native.NextMethod}})

func (it *dequeIter) Type() *py.Type                                  { return it.typ }
func (it *dequeIter) Iter(f *py.Frame) (py.Object, *py.BaseException) { return it, nil }

func (it *dequeIter) Next(f *py.Frame) (py.Object, *py.BaseException) {
	it.mu.Lock()
	defer it.mu.Unlock()
	d := it.d
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.state != it.state {
		// CPython raises once and keeps raising; so do we
		return nil, py.NewRuntimeError("deque mutated during iteration")
	}
	if it.pos < 0 || it.pos >= d.n {
		return nil, nil
	}
	v := d.buf[d.head+it.pos]
	if it.rev {
		it.pos--
	} else {
		it.pos++
	}
	return v, nil
}

var (
	_ py.Lener        = (*deque)(nil)
	_ py.ItemGetter   = (*deque)(nil)
	_ py.ItemSetter   = (*deque)(nil)
	_ py.ItemDeleter  = (*deque)(nil)
	_ py.Reprer       = (*deque)(nil)
	_ py.RichComparer = (*deque)(nil)
	_ py.Iterabler    = (*deque)(nil)
	_ py.Inplacer     = (*deque)(nil)
	_ py.Hasher       = (*deque)(nil)
	_ py.Iterator     = (*dequeIter)(nil)
)
