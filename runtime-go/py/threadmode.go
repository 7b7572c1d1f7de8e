package py

import (
	"sync"
	"sync/atomic"
	"unsafe"
)

// Single-threaded mode. Without a GIL, every built-in operation on a
// list, dict or set takes that object's mutex so that it stays atomic
// when Python threads share it. An uncontended lock/unlock pair still
// costs two atomic read-modify-write instructions (~25ns on a busy
// machine), more than the operation itself. Until a second goroutine can
// run Python code, nothing can share an object, so those locks are
// skipped: `threaded` flips to true, once and for good, before the first
// such goroutine starts (EnableThreads). The flip happens on the only
// goroutine running Python code, at a point where it holds no container
// lock, so every later lock/unlock pair is a real one.
//
// Work that the Go runtime would run on its own goroutines while still in
// single-threaded mode (weakref callbacks, closing abandoned generators)
// is queued with RunDetached and run by the Python thread at its next
// call boundary instead, as CPython runs it on the thread that drops the
// last reference.
var threaded atomic.Bool

// EnableThreads switches the runtime to locking mode. Call it before
// starting a goroutine that runs Python code (StartThread does); Go code
// embedding the runtime that calls into Python from goroutines of its own
// must call it first, from the goroutine that has been running Python.
func EnableThreads() {
	if !threaded.Load() {
		flipRunningSteps()
		threaded.Store(true)
		runDetachedQueue(nil)
	}
}

// Threaded reports whether more than one goroutine may run Python code.
func Threaded() bool { return threaded.Load() }

// plock is the mutex of a built-in container: a sync.Mutex that is only
// taken in threaded mode. held records whether this holder really locked
// it (it is written only while the mutex is held, or before any second
// goroutine exists), so an Unlock always matches its Lock even if the
// mode changed in between.
type plock struct {
	mu   sync.Mutex
	held bool
}

// Lock and Unlock stay small enough to inline, so single-threaded mode
// pays a load and a branch, not a call; the mutex work is out of line.
func (l *plock) Lock() {
	if threaded.Load() {
		l.lockSlow()
	}
}

//go:noinline
func (l *plock) lockSlow() {
	l.mu.Lock()
	l.held = true
}

func (l *plock) Unlock() {
	if l.held {
		l.unlockSlow()
	}
}

//go:noinline
func (l *plock) unlockSlow() {
	l.held = false
	l.mu.Unlock()
}

// An atomic store or add is a locked instruction (an xchg or lock xadd on
// amd64, ~20 cycles); a value that only one goroutine can touch needs
// neither. plainAdd and plainStoreInt64 write such a value (a generation
// counter, a cached hash) plainly in single-threaded mode; readers keep
// using atomic loads, which see the writes: they run on the same
// goroutine, or after EnableThreads, which happens after them. (The
// atomic types hold just the value: the pointer casts address it.)
func plainAdd(c *atomic.Uint64, d uint64) {
	if threaded.Load() {
		c.Add(d)
		return
	}
	*(*uint64)(unsafe.Pointer(c)) += d
}

func plainStoreInt64(c *atomic.Int64, v int64) {
	if threaded.Load() {
		c.Store(v)
		return
	}
	*(*int64)(unsafe.Pointer(c)) = v
}

var (
	detachedMu      sync.Mutex
	detachedQueue   []func()
	detachedPending atomic.Bool
)

// RunDetached runs fn, a piece of Python work triggered from outside the
// Python threads (a finalizer, a GC cleanup): at once in threaded mode,
// else queued for the Python thread's next call boundary.
func RunDetached(fn func()) {
	if threaded.Load() {
		fn()
		return
	}
	detachedMu.Lock()
	if threaded.Load() {
		detachedMu.Unlock()
		fn()
		return
	}
	detachedQueue = append(detachedQueue, fn)
	detachedPending.Store(true)
	detachedMu.Unlock()
}

// runDetachedQueue runs the queued work on the calling Python thread.
// f is unused today; it documents that only a Python thread calls this.
func runDetachedQueue(f *Frame) {
	detachedMu.Lock()
	q := detachedQueue
	detachedQueue = nil
	detachedPending.Store(false)
	detachedMu.Unlock()
	for _, fn := range q {
		fn()
	}
}
