// Package heapq is CPython 2.7's _heapq module, with its exact sift
// order (so heaps print as CPython's) and its comparison rule: x < y via
// __lt__ when x has one, else not (y <= x).
//
// Members: heappush heappop heapify heapreplace heappushpop nlargest
// nsmallest.
//
// Each list step is atomic but a whole heappush/heappop is not: threads
// sharing one heap must lock around it (Queue.PriorityQueue does). Under
// CPython's GIL the C functions happen to be atomic.
package heapq

import (
	"github.com/grumpy-audit/grumpy-audit/runtime-go/modules/internal/native"
	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

func init() {
	native.Register("_heapq", "Heap queue algorithm (a.k.a. priority queue).", func() []native.Member {
		return []native.Member{
			native.F("heappush", heappush), native.F("heappop", heappop), native.F("heapify", heapify),
			native.F("heapreplace", heapreplace), native.F("heappushpop", heappushpop),
			native.F("nlargest", nbest(true)), native.F("nsmallest", nbest(false)),
		}
	})
}

func cmpLt(f *py.Frame, x, y py.Object) (bool, *py.BaseException) {
	if py.HasAttr(f, x, "__lt__") {
		return py.CompareBool(f, py.LT, x, y)
	}
	le, err := py.CompareBool(f, py.LE, y, x)
	return !le, err
}

// heap is the list being sifted; items are read and written through the
// py API so a list mutated by a comparison is noticed as in CPython.
type heap struct {
	f   *py.Frame
	l   py.Object
	max bool // nsmallest keeps a max-heap
}

func (h heap) get(i int) (py.Object, *py.BaseException) {
	return py.GetItem(h.f, h.l, py.NewInt(int64(i)))
}
func (h heap) set(i int, v py.Object) *py.BaseException {
	return py.SetItem(h.f, h.l, py.NewInt(int64(i)), v)
}
func (h heap) lt(a, b py.Object) (bool, *py.BaseException) {
	if h.max {
		return cmpLt(h.f, b, a)
	}
	return cmpLt(h.f, a, b)
}

func (h heap) siftdown(start, pos int) *py.BaseException {
	newitem, err := h.get(pos)
	if err != nil {
		return err
	}
	for pos > start {
		parentpos := (pos - 1) >> 1
		parent, err := h.get(parentpos)
		if err != nil {
			return err
		}
		less, err := h.lt(newitem, parent)
		if err != nil {
			return err
		}
		if !less {
			break
		}
		if err := h.set(pos, parent); err != nil {
			return err
		}
		pos = parentpos
	}
	return h.set(pos, newitem)
}

func (h heap) siftup(pos int) *py.BaseException {
	end, err := py.Len(h.f, h.l)
	if err != nil {
		return err
	}
	start := pos
	newitem, err := h.get(pos)
	if err != nil {
		return err
	}
	child := 2*pos + 1
	for child < end {
		if right := child + 1; right < end {
			c, err := h.get(child)
			if err != nil {
				return err
			}
			r, err := h.get(right)
			if err != nil {
				return err
			}
			less, err := h.lt(c, r)
			if err != nil {
				return err
			}
			if !less {
				child = right
			}
		}
		c, err := h.get(child)
		if err != nil {
			return err
		}
		if err := h.set(pos, c); err != nil {
			return err
		}
		pos = child
		child = 2*pos + 1
	}
	if err := h.set(pos, newitem); err != nil {
		return err
	}
	return h.siftdown(start, pos)
}

func listArg(o py.Object) (*py.List, *py.BaseException) {
	if l, ok := py.BaseOf(o).(*py.List); ok {
		return l, nil
	}
	return nil, py.NewTypeError("heap argument must be a list")
}

func heappush(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.UnpackArgs("heappush", args, kw, 2, 2); err != nil {
		return nil, err
	}
	l, err := listArg(args[0])
	if err != nil {
		return nil, err
	}
	l.Append(args[1])
	n, _ := l.Len(f)
	return py.None, heap{f: f, l: args[0]}.siftdown(0, n-1)
}

func heappop(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.OneArg("heappop", args, kw); err != nil {
		return nil, err
	}
	l, err := listArg(args[0])
	if err != nil {
		return nil, err
	}
	if n, _ := l.Len(f); n == 0 {
		return nil, py.NewIndexError("index out of range")
	}
	last, err := py.CallMethod(f, l, "pop", nil, nil)
	if err != nil {
		return nil, err
	}
	if n, _ := l.Len(f); n == 0 {
		return last, nil
	}
	h := heap{f: f, l: args[0]}
	ret, err := h.get(0)
	if err != nil {
		return nil, err
	}
	if err := h.set(0, last); err != nil {
		return nil, err
	}
	return ret, h.siftup(0)
}

func heapreplace(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.UnpackArgs("heapreplace", args, kw, 2, 2); err != nil {
		return nil, err
	}
	l, err := listArg(args[0])
	if err != nil {
		return nil, err
	}
	if n, _ := l.Len(f); n == 0 {
		return nil, py.NewIndexError("index out of range")
	}
	h := heap{f: f, l: args[0]}
	ret, err := h.get(0)
	if err != nil {
		return nil, err
	}
	if err := h.set(0, args[1]); err != nil {
		return nil, err
	}
	return ret, h.siftup(0)
}

func heappushpop(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.UnpackArgs("heappushpop", args, kw, 2, 2); err != nil {
		return nil, err
	}
	l, err := listArg(args[0])
	if err != nil {
		return nil, err
	}
	item := args[1]
	if n, _ := l.Len(f); n == 0 {
		return item, nil
	}
	h := heap{f: f, l: args[0]}
	top, err := h.get(0)
	if err != nil {
		return nil, err
	}
	less, err := cmpLt(f, top, item)
	if err != nil || !less {
		return item, err
	}
	if err := h.set(0, item); err != nil {
		return nil, err
	}
	return top, h.siftup(0)
}

func heapify(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.OneArg("heapify", args, kw); err != nil {
		return nil, err
	}
	l, err := listArg(args[0])
	if err != nil {
		return nil, err
	}
	n, _ := l.Len(f)
	h := heap{f: f, l: args[0]}
	for i := n/2 - 1; i >= 0; i-- {
		if err := h.siftup(i); err != nil {
			return nil, err
		}
	}
	return py.None, nil
}

// nbest is the C nlargest/nsmallest(n, iterable) of 2.7 (no key).
func nbest(largest bool) native.Func {
	name := "nsmallest"
	if largest {
		name = "nlargest"
	}
	return func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		if err := native.NoKwArgs(name, kw); err != nil {
			return nil, err
		}
		if len(args) != 2 {
			return nil, py.NewTypeError(name + "() takes exactly 2 arguments (" + native.Itoa(len(args)) + " given)")
		}
		n, err := native.Int(f, args[0])
		if err != nil {
			return nil, err
		}
		it, err := py.Iter(f, args[1])
		if err != nil {
			return nil, err
		}
		l := py.NewList()
		for i := 0; i < n; i++ {
			v, err := py.Next(f, it)
			if err != nil {
				return nil, err
			}
			if v == nil {
				break
			}
			l.Append(v)
		}
		h := heap{f: f, l: l, max: !largest}
		if size, _ := l.Len(f); size > 0 {
			for i := size/2 - 1; i >= 0; i-- {
				if err := h.siftup(i); err != nil {
					return nil, err
				}
			}
			sol, _ := h.get(0)
			for {
				v, err := py.Next(f, it)
				if err != nil {
					return nil, err
				}
				if v == nil {
					break
				}
				better, err := h.lt(sol, v)
				if err != nil {
					return nil, err
				}
				if !better {
					continue
				}
				if err := h.set(0, v); err != nil {
					return nil, err
				}
				if err := h.siftup(0); err != nil {
					return nil, err
				}
				sol, _ = h.get(0)
			}
		}
		if err := l.Sort(f, nil, nil, false); err != nil {
			return nil, err
		}
		if largest {
			if _, err := py.CallMethod(f, l, "reverse", nil, nil); err != nil {
				return nil, err
			}
		}
		return l, nil
	}
}
