package py

import (
	"runtime"
	"sort"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"
	"weak"
)

// __del__. CPython calls __del__ when an object's reference count drops
// to zero; Go has no reference counts, so an instance of a class that
// defines __del__ when the instance is made gets a Go finalizer instead.
// The finalizer only queues the instance; its __del__ then runs on a
// Python thread: the main thread at its next call boundary while the
// program is single-threaded, else one dedicated goroutine. Errors are
// reported as PyErr_WriteUnraisable does ("Exception ... in <bound
// method C.__del__ of ...> ignored"). The finalizer passes the instance
// itself, so __del__ may resurrect it; it runs at most once per instance
// (CPython 2 would call it again when a resurrected object dies again).
// Instances in a reference cycle are never finalized by Go, as CPython 2.7
// never collects a cycle with a __del__ (gc.garbage).
// At exit, finalizeAtExit mimics PyImport_Cleanup's clearing of __main__'s
// globals so that objects they held get their __del__ in a similar order.

// delEntry tracks one instance awaiting its finalizer: the weak pointer
// clears when Go finds the instance unreachable, done is set once the
// finalizer has queued it.
type delEntry struct {
	unreachable func() bool
	done        atomic.Bool
	seq         uint64
}

// pendingDel is an instance whose finalizer ran; seq (its creation order)
// makes the order of a batch found dead together deterministic.
type pendingDel struct {
	seq uint64
	o   Object
}

var delExiting atomic.Bool

// objAddr identifies an object by address (Go's collector does not move
// objects), so an order can be kept without keeping the objects alive.
func objAddr(o Object) uintptr {
	switch v := o.(type) {
	case *Instance:
		return uintptr(unsafe.Pointer(v))
	case *ClassicInstance:
		return uintptr(unsafe.Pointer(v))
	}
	return 0
}

// deallocOrder ranks the instances with __del__ reachable from v in the
// order CPython's deallocation of v would reach them if v held the last
// references: an instance before its own attributes, a list's and a
// tuple's items last first, a dict's keys and values in table order.
func deallocOrder(v Object) map[uintptr]int {
	rank := map[uintptr]int{}
	seen := map[Object]bool{}
	var walk func(o Object, depth int)
	walk = func(o Object, depth int) {
		if o == nil || depth > 20 || len(seen) > 100000 {
			return
		}
		switch o.(type) {
		case *Instance, *ClassicInstance, *List, *Tuple, *Dict:
			if seen[o] {
				return
			}
			seen[o] = true
		default:
			return
		}
		if hasDel(o) {
			if _, ok := rank[objAddr(o)]; !ok {
				rank[objAddr(o)] = len(rank)
			}
		}
		switch x := o.(type) {
		case *Instance:
			if d := x.loadDict(); d != nil {
				walk(d, depth+1)
			}
		case *ClassicInstance:
			walk(x.loadDict(), depth+1)
		case *List:
			items := x.Snapshot()
			for i := len(items) - 1; i >= 0; i-- {
				walk(items[i], depth+1)
			}
		case *Tuple:
			for i := len(x.elems) - 1; i >= 0; i-- {
				walk(x.elems[i], depth+1)
			}
		case *Dict:
			for _, e := range x.ht.entries() {
				walk(e.key, depth+1)
				walk(e.value, depth+1)
			}
		}
	}
	walk(v, 0)
	return rank
}

var (
	delMu      sync.Mutex
	delLive    = map[*delEntry]struct{}{}
	delPending []pendingDel
	delSeq     uint64
	delKick    = make(chan struct{}, 1)
	delWorker  sync.Once
	delRunning sync.WaitGroup
)

func newDelEntry(unreachable func() bool) *delEntry {
	e := &delEntry{unreachable: unreachable}
	delMu.Lock()
	delSeq++
	e.seq = delSeq
	delLive[e] = struct{}{}
	delMu.Unlock()
	return e
}

// trackDel arranges for inst's __del__ to run once Go collects it.
func trackDel(inst *Instance) {
	wp := weak.Make(inst)
	e := newDelEntry(func() bool { return wp.Value() == nil })
	runtime.SetFinalizer(inst, func(o *Instance) { queueDel(e, o) })
}

func trackClassicDel(inst *ClassicInstance) {
	wp := weak.Make(inst)
	e := newDelEntry(func() bool { return wp.Value() == nil })
	runtime.SetFinalizer(inst, func(o *ClassicInstance) { queueDel(e, o) })
}

// queueDel runs on Go's finalizer goroutine: it must not run Python code.
func queueDel(e *delEntry, o Object) {
	delMu.Lock()
	delete(delLive, e)
	delPending = append(delPending, pendingDel{e.seq, o})
	delMu.Unlock()
	e.done.Store(true)
	RunDetached(kickDels)
}

// kickDels runs the queued __del__ calls: on the calling Python thread
// while single-threaded (RunDetached queued it there), else on the
// dedicated __del__ goroutine.
func kickDels() {
	if delExiting.Load() {
		return // finalizeAtExit runs the queue itself, in its order
	}
	if !threaded.Load() {
		runDels(&Frame{Code: runtimeRootCode, thread: mainThread}, nil)
		return
	}
	delWorker.Do(func() {
		go func() {
			f := NewRootFrame()
			for range delKick {
				runDels(f, nil)
			}
		}()
	})
	select {
	case delKick <- struct{}{}:
	default:
	}
}

// runDels calls __del__ on every queued instance: those rank orders first
// (see deallocOrder), then the others in creation order.
func runDels(f *Frame, rank map[uintptr]int) int {
	n := 0
	for {
		delMu.Lock()
		q := delPending
		delPending = nil
		if len(q) > 0 {
			delRunning.Add(1)
		}
		delMu.Unlock()
		if len(q) == 0 {
			return n
		}
		n += len(q)
		sort.Slice(q, func(i, j int) bool {
			ri, iok := rank[objAddr(q[i].o)]
			rj, jok := rank[objAddr(q[j].o)]
			if iok != jok {
				return iok
			}
			if iok && ri != rj {
				return ri < rj
			}
			return q[i].seq < q[j].seq
		})
		for i := range q {
			o := q[i].o
			q[i].o = nil
			callDel(f, o)
		}
		delRunning.Done()
	}
}

// callDel is slot_tp_del / instance_dealloc's call of __del__.
func callDel(f *Frame, o Object) {
	var bound Object
	var err *BaseException
	switch v := o.(type) {
	case *Instance:
		m := userLookup(v.typ, "__del__")
		if m == nil {
			return
		}
		bound, err = descrGet(f, m, v, v.typ)
	case *ClassicInstance:
		var found bool
		bound, found, err = v.getAttrNoHook(f, "__del__")
		if !found && err == nil {
			return
		}
	}
	if err == nil {
		_, err = Call(f, bound, nil, nil)
	}
	if err != nil {
		writeUnraisable(f, err, bound)
	}
}

// writeUnraisable prints PyErr_WriteUnraisable's line for err, raised
// while calling obj, to sys.stderr.
func writeUnraisable(f *Frame, err *BaseException, obj Object) {
	s := "Exception "
	if err.classic != nil {
		s += err.classic.class.name
	} else {
		if m := err.typ.module; m != "" && m != "exceptions" {
			s += m + "."
		}
		s += err.typ.name
	}
	var val Object = err
	if err.classic != nil {
		val = err.classic
	} else if !err.raised && len(err.args.elems) == 1 {
		val = err.args.elems[0] // the message string the runtime set
	}
	if r, rerr := Repr(f, val); rerr == nil {
		s += ": " + r.s
	}
	s += " in "
	if obj != nil {
		if r, rerr := Repr(f, obj); rerr == nil {
			s += r.s
		}
	}
	writeStderr(f, s+" ignored\n")
}

// finalizeAtExit runs the __del__ methods CPython runs at interpreter exit,
// when anything with a __del__ is still alive: first those of instances
// already unreachable (CPython ran them when they died), then, as
// PyImport_Cleanup does, it sets __main__'s globals to None (names with a
// single leading underscore first, then all but __builtins__, in dict
// order), collecting after each so that the instances a name held are
// finalized before the next name is cleared; then the other modules'
// globals. Objects still reachable from elsewhere (sys, builtins, cycles)
// are not finalized, as in CPython.
func finalizeAtExit(f *Frame) {
	if !anyDelLive() {
		return
	}
	delExiting.Store(true)
	collectDels(f, nil)
	main, _ := SysModule.dict.getStr("modules").(*Dict)
	if main == nil {
		return
	}
	clear := func(m *Module, each bool) {
		d := m.dict
		for pass := 0; pass < 2 && anyDelLive(); pass++ {
			// only the keys: a snapshot of the values would keep them alive
			keys, _ := d.Entries()
			for _, key := range keys {
				k, ok := key.(*Str)
				if !ok || d.getStr(k.s) == None {
					continue
				}
				single := len(k.s) > 0 && k.s[0] == '_' && (len(k.s) == 1 || k.s[1] != '_')
				if (pass == 0 && !single) || k.s == "__builtins__" {
					continue
				}
				var rank map[uintptr]int
				if each {
					rank = deallocOrder(d.getStr(k.s))
				}
				d.setStr(k.s, None)
				// LoadGlobal's memo on the name would keep the old value alive
				if c := k.gcache.Load(); c != nil && c.globals == d {
					k.gcache.CompareAndSwap(c, nil)
				}
				if each {
					collectDels(f, rank)
				}
			}
		}
	}
	if m, ok := main.getStr("__main__").(*Module); ok {
		clear(m, true)
		main.setStr("__main__", None)
	}
	for _, e := range main.ht.entries() {
		if !anyDelLive() {
			return
		}
		if m, ok := e.value.(*Module); ok && m != SysModule && m != BuiltinModule {
			clear(m, false)
			collectDels(f, nil)
		}
	}
}

// hasDel reports whether o is an instance tracked for __del__.
func hasDel(o Object) bool {
	switch v := o.(type) {
	case *Instance:
		return !v.typ.builtin && v.typ.attrHooks().del != nil
	case *ClassicInstance:
		return v.class.lookup("__del__") != nil
	}
	return false
}

// delSyncBudget bounds the collections `del name` may force.
var delSyncBudget atomic.Int64

func init() { delSyncBudget.Store(100) }

// delNow follows `del name` of a global that held an instance with a
// __del__: it collects at once, so that when that was the last reference
// __del__ runs before the next statement, as under CPython. Each such del
// costs a full collection, so only the first 100 do this; later ones
// leave the instance to the next collection.
func delNow(f *Frame, name *Str) {
	if delSyncBudget.Add(-1) < 0 {
		return
	}
	// LoadGlobal's memo on the name would keep the value alive
	if c := name.gcache.Load(); c != nil && c.globals == f.Globals {
		name.gcache.CompareAndSwap(c, nil)
	}
	collectDels(f, nil)
}

func anyDelLive() bool {
	delMu.Lock()
	defer delMu.Unlock()
	return len(delLive) > 0 || len(delPending) > 0
}

// collectDels collects, waits until the finalizers of every tracked
// instance found unreachable have queued it, then runs their __del__ on f
// (ordered by rank when given).
func collectDels(f *Frame, rank map[uintptr]int) {
	// What a __del__ batch released (the attributes of a finalized
	// instance, which its finalizer kept reachable) is found dead by the
	// next collection: repeat, as CPython's deallocation cascades.
	for round := 0; round < 10; round++ {
		runtime.GC()
		deadline := time.Now().Add(2 * time.Second)
		for {
			waiting := false
			delMu.Lock()
			for e := range delLive {
				if e.unreachable() && !e.done.Load() {
					waiting = true
					break
				}
			}
			delMu.Unlock()
			if !waiting || time.Now().After(deadline) {
				break
			}
			time.Sleep(100 * time.Microsecond)
		}
		n := runDels(f, rank)
		delRunning.Wait() // a batch the __del__ goroutine took
		if n == 0 {
			return
		}
	}
}
