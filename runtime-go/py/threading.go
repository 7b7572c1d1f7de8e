package py

import (
	"strconv"
	"sync"
	"time"
)

// The `thread` and `threading` modules, native: threads are goroutines
// with their own root frame. Lock, RLock, Condition, Event, Semaphore,
// BoundedSemaphore, Timer and local follow threading.py's behaviour and
// messages. Thread is an ordinary (subclassable) class whose methods are
// Go; user subclasses override run() as usual.
//
// Deliberate difference: the traceback printed for an exception escaping
// a thread does not include threading.py's own bootstrap frames.

// Lock is thread.LockType.
type Lock struct {
	ch chan struct{}
}

// LockType is `thread.lock`.
var LockType = NewBuiltinType("lock", "thread", nil)

// ThreadErrorType is thread.error.
var ThreadErrorType = newExcType("error", StandardErrorType)

func init() { ThreadErrorType.module = "thread" }

// NewLock allocates an unlocked lock.
func NewLock() *Lock { return &Lock{ch: make(chan struct{}, 1)} }

// Type implements Object.
func (l *Lock) Type() *Type { return LockType }

// Acquire takes the lock; blocking=false returns at once.
func (l *Lock) Acquire(blocking bool) bool {
	if !blocking {
		select {
		case l.ch <- struct{}{}:
			return true
		default:
			return false
		}
	}
	l.ch <- struct{}{}
	return true
}

// AcquireTimeout takes the lock within d.
func (l *Lock) AcquireTimeout(d time.Duration) bool {
	select {
	case l.ch <- struct{}{}:
		return true
	default:
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case l.ch <- struct{}{}:
		return true
	case <-t.C:
		return false
	}
}

// Release frees the lock (any thread may release, as in CPython).
func (l *Lock) Release() *BaseException {
	select {
	case <-l.ch:
		return nil
	default:
		return NewException(ThreadErrorType, "release unlocked lock")
	}
}

// Locked reports whether the lock is held.
func (l *Lock) Locked() bool { return len(l.ch) == 1 }

func blockingArg(f *Frame, args []Object, kw Kwargs, name string) (bool, *BaseException) {
	var a [1]Object
	if err := ParseArgs(name, args, kw, []string{"blocking"}, 0, a[:]); err != nil {
		return false, err
	}
	if a[0] == nil {
		return true, nil
	}
	return IsTrue(f, a[0])
}

func init() {
	t := LockType
	acquire := func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		b, err := blockingArg(f, args, kw, "acquire")
		if err != nil {
			return nil, err
		}
		return NewBool(self.(*Lock).Acquire(b)), nil
	}
	t.def("acquire", acquire)
	t.def("acquire_lock", acquire)
	t.def("__enter__", acquire)
	release := func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		return None, self.(*Lock).Release()
	}
	t.def("release", release)
	t.def("release_lock", release)
	t.def("__exit__", release)
	t.def("locked", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		return NewBool(self.(*Lock).Locked()), nil
	})
	t.def("locked_lock", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		return NewBool(self.(*Lock).Locked()), nil
	})
}

// RLock is threading.RLock: reentrant for its owning thread.
type RLock struct {
	mu    sync.Mutex
	cond  *sync.Cond
	owner *threadState
	count int
}

// RLockType is `threading._RLock`.
var RLockType = NewBuiltinType("_RLock", "threading", nil)

// NewRLock makes an unowned RLock.
func NewRLock() *RLock {
	r := &RLock{}
	r.cond = sync.NewCond(&r.mu)
	return r
}

// Type implements Object.
func (r *RLock) Type() *Type { return RLockType }

func (r *RLock) acquire(ts *threadState, blocking bool) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.owner == ts && r.count > 0 {
		r.count++
		return true
	}
	for r.count > 0 {
		if !blocking {
			return false
		}
		r.cond.Wait()
	}
	r.owner, r.count = ts, 1
	return true
}

func (r *RLock) release(ts *threadState) *BaseException {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.count == 0 || r.owner != ts {
		return NewRuntimeError("cannot release un-acquired lock")
	}
	r.count--
	if r.count == 0 {
		r.owner = nil
		r.cond.Signal()
	}
	return nil
}

func init() {
	t := RLockType
	acquire := func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		b, err := blockingArg(f, args, kw, "acquire")
		if err != nil {
			return nil, err
		}
		return NewBool(self.(*RLock).acquire(f.thread, b)), nil
	}
	t.def("acquire", acquire)
	t.def("__enter__", acquire)
	release := func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		return None, self.(*RLock).release(f.thread)
	}
	t.def("release", release)
	t.def("__exit__", release)
}

// Condition is threading.Condition over a Lock or RLock.
type Condition struct {
	lock    Object
	mu      sync.Mutex
	waiters []chan struct{}
}

// ConditionType is `threading._Condition`.
var ConditionType = NewBuiltinType("_Condition", "threading", nil)

// Type implements Object.
func (c *Condition) Type() *Type { return ConditionType }

func (c *Condition) owned(f *Frame) bool {
	switch l := c.lock.(type) {
	case *RLock:
		l.mu.Lock()
		defer l.mu.Unlock()
		return l.owner == f.thread && l.count > 0
	case *Lock:
		return l.Locked()
	}
	return true
}

// releaseAll fully releases the underlying lock, returning how to restore.
func (c *Condition) releaseAll(f *Frame) (func(), *BaseException) {
	switch l := c.lock.(type) {
	case *RLock:
		l.mu.Lock()
		n := l.count
		l.count, l.owner = 0, nil
		l.cond.Signal()
		l.mu.Unlock()
		return func() {
			l.acquire(f.thread, true)
			l.mu.Lock()
			l.count = n
			l.mu.Unlock()
		}, nil
	case *Lock:
		if err := l.Release(); err != nil {
			return nil, err
		}
		return func() { l.Acquire(true) }, nil
	}
	if _, err := CallMethod(f, c.lock, "release", nil, nil); err != nil {
		return nil, err
	}
	return func() { _, _ = CallMethod(f, c.lock, "acquire", nil, nil) }, nil
}

func (c *Condition) wait(f *Frame, timeout Object) (bool, *BaseException) {
	if !c.owned(f) {
		return false, NewRuntimeError("cannot wait on un-acquired lock")
	}
	ch := make(chan struct{}, 1)
	c.mu.Lock()
	c.waiters = append(c.waiters, ch)
	c.mu.Unlock()
	restore, err := c.releaseAll(f)
	if err != nil {
		return false, err
	}
	defer restore()
	if timeout == nil || timeout == None {
		<-ch
		return true, nil
	}
	secs, ok, err := toFloat64(timeout)
	if err != nil || !ok {
		return false, NewTypeError("a float is required")
	}
	t := time.NewTimer(time.Duration(secs * float64(time.Second)))
	defer t.Stop()
	select {
	case <-ch:
		return true, nil
	case <-t.C:
		c.mu.Lock()
		for i, w := range c.waiters {
			if w == ch {
				c.waiters = append(c.waiters[:i:i], c.waiters[i+1:]...)
				break
			}
		}
		c.mu.Unlock()
		return false, nil
	}
}

func (c *Condition) notify(f *Frame, n int) *BaseException {
	if !c.owned(f) {
		return NewRuntimeError("cannot notify on un-acquired lock")
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for n > 0 && len(c.waiters) > 0 {
		c.waiters[0] <- struct{}{}
		c.waiters = c.waiters[1:]
		n--
	}
	return nil
}

func init() {
	t := ConditionType
	passthrough := func(name, target string) {
		t.def(name, func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
			return CallMethod(f, self.(*Condition).lock, target, args, kw)
		})
	}
	passthrough("acquire", "acquire")
	passthrough("__enter__", "acquire")
	passthrough("release", "release")
	t.def("__exit__", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		return CallMethod(f, self.(*Condition).lock, "release", nil, nil)
	})
	t.def("wait", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		var a [1]Object
		if err := ParseArgs("wait", args, kw, []string{"timeout"}, 0, a[:]); err != nil {
			return nil, err
		}
		_, err := self.(*Condition).wait(f, a[0])
		return None, err
	})
	t.def("notify", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		n := 1
		if len(args) > 0 {
			v, err := IndexInt(f, args[0], "an integer is required")
			if err != nil {
				return nil, err
			}
			n = v
		}
		return None, self.(*Condition).notify(f, n)
	})
	all := func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		return None, self.(*Condition).notify(f, 1<<30)
	}
	t.def("notify_all", all)
	t.def("notifyAll", all)
}

// Event is threading.Event.
type Event struct {
	mu   sync.Mutex
	flag bool
	cond Condition
}

// EventType is `threading._Event`.
var EventType = NewBuiltinType("_Event", "threading", nil)

// Type implements Object.
func (e *Event) Type() *Type { return EventType }

func init() {
	t := EventType
	isSet := func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		e := self.(*Event)
		e.mu.Lock()
		defer e.mu.Unlock()
		return NewBool(e.flag), nil
	}
	t.def("is_set", isSet)
	t.def("isSet", isSet)
	t.def("set", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		e := self.(*Event)
		e.mu.Lock()
		e.flag = true
		ws := e.cond.waiters
		e.cond.waiters = nil
		e.mu.Unlock()
		for _, w := range ws {
			w <- struct{}{}
		}
		return None, nil
	})
	t.def("clear", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		e := self.(*Event)
		e.mu.Lock()
		e.flag = false
		e.mu.Unlock()
		return None, nil
	})
	t.def("wait", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		var a [1]Object
		if err := ParseArgs("wait", args, kw, []string{"timeout"}, 0, a[:]); err != nil {
			return nil, err
		}
		e := self.(*Event)
		e.mu.Lock()
		if e.flag {
			e.mu.Unlock()
			return True, nil
		}
		ch := make(chan struct{}, 1)
		e.cond.waiters = append(e.cond.waiters, ch)
		e.mu.Unlock()
		if a[0] == nil || a[0] == None {
			<-ch
		} else {
			secs, _, _ := toFloat64(a[0])
			select {
			case <-ch:
			case <-time.After(time.Duration(secs * float64(time.Second))):
			}
		}
		e.mu.Lock()
		defer e.mu.Unlock()
		return NewBool(e.flag), nil
	})
}

// Semaphore is threading.Semaphore / BoundedSemaphore.
type Semaphore struct {
	mu      sync.Mutex
	cond    *sync.Cond
	value   int
	initial int
	bounded bool
}

// SemaphoreType is `threading._Semaphore`.
var SemaphoreType = NewBuiltinType("_Semaphore", "threading", nil)

// Type implements Object.
func (s *Semaphore) Type() *Type { return SemaphoreType }

func init() {
	t := SemaphoreType
	acquire := func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		b, err := blockingArg(f, args, kw, "acquire")
		if err != nil {
			return nil, err
		}
		s := self.(*Semaphore)
		s.mu.Lock()
		defer s.mu.Unlock()
		for s.value == 0 {
			if !b {
				return False, nil
			}
			s.cond.Wait()
		}
		s.value--
		return True, nil
	}
	t.def("acquire", acquire)
	t.def("__enter__", acquire)
	release := func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		s := self.(*Semaphore)
		s.mu.Lock()
		defer s.mu.Unlock()
		if s.bounded && s.value >= s.initial {
			return nil, NewValueError("Semaphore released too many times")
		}
		s.value++
		s.cond.Signal()
		return None, nil
	}
	t.def("release", release)
	t.def("__exit__", release)
}

// threadImpl is the Go state behind a threading.Thread instance.
type threadImpl struct {
	mu       sync.Mutex
	name     string
	daemon   bool
	started  bool
	done     chan struct{}
	ident    int64
	target   Object
	args     Object
	kwargs   Object
	finished bool
}

var threadImplType = NewBuiltinType("_thread_impl", "threading", nil)

func (t *threadImpl) Type() *Type { return threadImplType }

var (
	threadCounter   int64
	threadCounterMu sync.Mutex
	liveThreads     = map[Object]bool{}
	liveMu          sync.Mutex
)

func newThreadName() string {
	threadCounterMu.Lock()
	defer threadCounterMu.Unlock()
	threadCounter++
	return "Thread-" + strconv.FormatInt(threadCounter, 10)
}

// ThreadClass is threading.Thread.
var ThreadClass *Type

// mainThreadObj is threading.current_thread() on the main thread.
var mainThreadObj Object

// The classes of the main thread's and of dummy threads' Thread objects.
var mainThreadClass, dummyThreadClass *Type

func implOf(f *Frame, self Object) (*threadImpl, *BaseException) {
	inst, ok := self.(*Instance)
	if ok {
		if d := inst.loadDict(); d != nil {
			if ti, ok := d.getStr("_Thread__impl").(*threadImpl); ok {
				return ti, nil
			}
		}
	}
	return nil, NewRuntimeError("thread.__init__() not called")
}

func init() {
	ThreadClass, _ = NewClass(nil, nil, "Thread", []*Type{ObjectType}, NewDict())
	ThreadClass.module = "threading"
	ThreadClass.dict.setStr("__module__", NewStr("threading"))
	t := ThreadClass
	t.def("__init__", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		var a [6]Object
		if err := ParseArgs("__init__", args, kw, []string{"group", "target", "name", "args", "kwargs", "verbose"}, 0, a[:]); err != nil {
			return nil, err
		}
		ti := &threadImpl{done: make(chan struct{}), target: a[1], args: a[3], kwargs: a[4]}
		if a[2] != nil && a[2] != None {
			s, err := ToStr(f, a[2])
			if err != nil {
				return nil, err
			}
			ti.name = s.s
		} else {
			ti.name = newThreadName()
		}
		if cur := currentThread(f); cur != nil {
			if ci, err := implOf(f, cur); err == nil {
				ti.daemon = ci.daemon
			}
		}
		return None, SetAttr(f, self, "_Thread__impl", ti)
	})
	t.def("start", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		ti, err := implOf(f, self)
		if err != nil {
			return nil, err
		}
		ti.mu.Lock()
		if ti.started {
			ti.mu.Unlock()
			return nil, NewRuntimeError("threads can only be started once")
		}
		ti.started = true
		daemon := ti.daemon
		ti.mu.Unlock()
		liveMu.Lock()
		liveThreads[self] = true
		liveMu.Unlock()
		started := make(chan struct{})
		StartThread(daemon, func(tf *Frame) *BaseException {
			tf.thread.thread = self
			ti.mu.Lock()
			ti.ident = tf.thread.ident
			ti.mu.Unlock()
			close(started)
			defer func() {
				liveMu.Lock()
				delete(liveThreads, self)
				liveMu.Unlock()
				ti.mu.Lock()
				ti.finished = true
				ti.mu.Unlock()
				close(ti.done)
			}()
			_, err := CallMethod(tf, self, "run", nil, nil)
			if err != nil && !(err.classic == nil && err.typ.IsSubtype(SystemExitType)) {
				if StdlibDir != "" {
					err.tb = append(err.tb, stdlibFrame("threading.py", "__bootstrap_inner", 801))
				}
				flushStdout()
				writeStderr(tf, "Exception in thread "+ti.name+":\n"+FormatTraceback(tf, err)+"\n")
			}
			return nil
		}, nil)
		<-started
		return None, nil
	})
	t.def("run", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		ti, err := implOf(f, self)
		if err != nil {
			return nil, err
		}
		if ti.target == nil || ti.target == None {
			return None, nil
		}
		var star, starstar Object
		if ti.args != nil && ti.args != None {
			star = ti.args
		}
		if ti.kwargs != nil && ti.kwargs != None {
			starstar = ti.kwargs
		}
		_, err = CallStar(f, ti.target, nil, nil, star, starstar)
		if err != nil && StdlibDir != "" {
			// CPython's Thread.run is Python code: its frame shows in tracebacks
			err.tb = append(err.tb, stdlibFrame("threading.py", "run", 754))
		}
		return None, err
	})
	t.def("join", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		var a [1]Object
		if err := ParseArgs("join", args, kw, []string{"timeout"}, 0, a[:]); err != nil {
			return nil, err
		}
		ti, err := implOf(f, self)
		if err != nil {
			return nil, err
		}
		ti.mu.Lock()
		started := ti.started
		ti.mu.Unlock()
		if !started {
			return nil, NewRuntimeError("cannot join thread before it is started")
		}
		if self == currentThread(f) {
			return nil, NewRuntimeError("cannot join current thread")
		}
		if a[0] == nil || a[0] == None {
			<-ti.done
			return None, nil
		}
		secs, _, _ := toFloat64(a[0])
		select {
		case <-ti.done:
		case <-time.After(time.Duration(secs * float64(time.Second))):
		}
		return None, nil
	})
	alive := func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		ti, err := implOf(f, self)
		if err != nil {
			return nil, err
		}
		ti.mu.Lock()
		defer ti.mu.Unlock()
		return NewBool(ti.started && !ti.finished), nil
	}
	t.def("is_alive", alive)
	t.def("isAlive", alive)
	t.def("getName", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		ti, err := implOf(f, self)
		if err != nil {
			return nil, err
		}
		return NewStr(ti.name), nil
	})
	t.def("setName", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		ti, err := implOf(f, self)
		if err != nil {
			return nil, err
		}
		s, err := ToStr(f, args[0])
		if err != nil {
			return nil, err
		}
		ti.name = s.s
		return None, nil
	})
	t.def("isDaemon", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		ti, err := implOf(f, self)
		if err != nil {
			return nil, err
		}
		return NewBool(ti.daemon), nil
	})
	t.def("setDaemon", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		ti, err := implOf(f, self)
		if err != nil {
			return nil, err
		}
		b, err := IsTrue(f, args[0])
		if err != nil {
			return nil, err
		}
		if ti.started {
			return nil, NewRuntimeError("cannot set daemon status of active thread")
		}
		ti.daemon = b
		return None, nil
	})
	t.dict.setStr("name", &Property{
		fget: NewBuiltinFunction("name", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
			ti, err := implOf(f, args[0])
			if err != nil {
				return nil, err
			}
			return NewStr(ti.name), nil
		}),
		fset: NewBuiltinFunction("name", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
			return CallMethod(f, args[0], "setName", args[1:], nil)
		}),
	})
	t.dict.setStr("daemon", &Property{
		fget: NewBuiltinFunction("daemon", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
			return CallMethod(f, args[0], "isDaemon", nil, nil)
		}),
		fset: NewBuiltinFunction("daemon", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
			return CallMethod(f, args[0], "setDaemon", args[1:], nil)
		}),
	})
	t.dict.setStr("ident", &Property{
		fget: NewBuiltinFunction("ident", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
			ti, err := implOf(f, args[0])
			if err != nil {
				return nil, err
			}
			ti.mu.Lock()
			defer ti.mu.Unlock()
			if ti.ident == 0 {
				return None, nil
			}
			return NewInt(ti.ident), nil
		}),
	})
	t.def("__repr__", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		ti, err := implOf(f, self)
		if err != nil {
			return nil, err
		}
		ti.mu.Lock()
		defer ti.mu.Unlock()
		status := "initial"
		if ti.started {
			status = "started"
		}
		if ti.daemon {
			status += " daemon"
		}
		if ti.finished {
			status = "stopped"
		}
		if ti.ident != 0 {
			status += " " + strconv.FormatInt(ti.ident, 10)
		}
		return NewStr("<" + self.Type().name + "(" + ti.name + ", " + status + ")>"), nil
	})
	// threading.py's own subclasses for the main thread and for threads it did not start.
	sub := func(name string) *Type {
		d := NewDict()
		d.setStr("__module__", NewStr("threading"))
		c, _ := NewClass(nil, nil, name, []*Type{ThreadClass}, d)
		return c
	}
	mainThreadClass, dummyThreadClass = sub("_MainThread"), sub("_DummyThread")
	mt := newInstance(mainThreadClass)
	mt.dict.setStr("_Thread__impl", &threadImpl{name: "MainThread", started: true, done: make(chan struct{}), ident: 1})
	mainThreadObj = mt
	mainThread.thread = mt
}

func currentThread(f *Frame) Object {
	if f == nil || f.thread == nil {
		return mainThreadObj
	}
	if f.thread.thread == nil {
		// a thread started with thread.start_new_thread: a dummy Thread
		d := newInstance(dummyThreadClass)
		d.dict.setStr("_Thread__impl", &threadImpl{name: "Dummy-" + strconv.FormatInt(f.thread.ident, 10), started: true, daemon: true, done: make(chan struct{}), ident: f.thread.ident})
		f.thread.thread = d
	}
	return f.thread.thread
}

// Local is threading.local: attributes are per thread.
type Local struct {
	mu    sync.Mutex
	dicts map[*threadState]*Dict
}

// LocalType is `thread._local`.
var LocalType = NewBuiltinType("_local", "thread", nil)

// Type implements Object.
func (l *Local) Type() *Type { return LocalType }

func (l *Local) dictFor(f *Frame) *Dict {
	ts := mainThread
	if f != nil && f.thread != nil {
		ts = f.thread
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	d := l.dicts[ts]
	if d == nil {
		d = NewDict()
		l.dicts[ts] = d
	}
	return d
}

// GetAttr reads the current thread's attributes.
func (l *Local) GetAttr(f *Frame, name string) (Object, *BaseException) {
	if name == "__dict__" {
		return l.dictFor(f), nil
	}
	if v := l.dictFor(f).getStr(name); v != nil {
		return v, nil
	}
	return genericGetAttrNoDict(f, l, name)
}

// SetAttr writes the current thread's attributes.
func (l *Local) SetAttr(f *Frame, name string, v Object) *BaseException {
	d := l.dictFor(f)
	if v == nil {
		if !d.delStr(name) {
			return attributeError(l, name)
		}
		return nil
	}
	d.setStr(name, v)
	return nil
}

func init() {
	LocalType.newFn = func(f *Frame, t *Type, args []Object, kw Kwargs) (Object, *BaseException) {
		return &Local{dicts: map[*threadState]*Dict{}}, nil
	}
	RegisterModule(ModuleSpec{Name: "thread", Init: initThreadModule})
	RegisterModule(ModuleSpec{Name: "threading", Init: initThreadingModule})
}

func initThreadModule(f *Frame, m *Module) *BaseException {
	d := m.dict
	fn := func(name string, body func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException)) {
		d.setStr(name, NewBuiltinFunctionIn("thread", name, body))
	}
	d.setStr("LockType", LockType)
	d.setStr("error", ThreadErrorType)
	d.setStr("_local", LocalType)
	alloc := func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) { return NewLock(), nil }
	fn("allocate_lock", alloc)
	fn("allocate", alloc)
	ident := func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		if f == nil || f.thread == nil {
			return NewInt(1), nil
		}
		return NewInt(f.thread.ident), nil
	}
	fn("get_ident", ident)
	fn("start_new_thread", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := UnpackArgs("start_new_thread", args, kw, 2, 3); err != nil {
			return nil, err
		}
		if _, ok := args[1].(*Tuple); !ok {
			return nil, NewTypeError("2nd arg must be a tuple")
		}
		var kwd Object
		if len(args) == 3 {
			if _, ok := args[2].(*Dict); !ok {
				return nil, NewTypeError("optional 3rd arg must be a dictionary")
			}
			kwd = args[2]
		}
		fnObj := args[0]
		identCh := make(chan int64, 1)
		StartThread(true, func(tf *Frame) *BaseException {
			identCh <- tf.thread.ident
			_, err := CallStar(tf, fnObj, nil, nil, args[1], kwd)
			if err != nil && !(err.classic == nil && err.typ.IsSubtype(SystemExitType)) {
				r, _ := Repr(tf, fnObj)
				writeStderr(tf, "Unhandled exception in thread started by "+r.s+"\n"+FormatTraceback(tf, err))
			}
			return nil
		}, nil)
		return NewInt(<-identCh), nil
	})
	fn("exit", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		return nil, NewExceptionArgs(SystemExitType)
	})
	fn("_count", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		liveMu.Lock()
		defer liveMu.Unlock()
		return NewInt(int64(len(liveThreads))), nil
	})
	fn("stack_size", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		return NewInt(0), nil
	})
	// CPython's other names for the same functions.
	alias := func(name, of string) {
		target := d.getStr(of)
		d.setStr(name, NewBuiltinFunctionIn("thread", name, func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
			return Call(f, target, args, kw)
		}))
	}
	alias("start_new", "start_new_thread")
	alias("exit_thread", "exit")
	return nil
}

func initThreadingModule(f *Frame, m *Module) *BaseException {
	d := m.dict
	fn := func(name string, body func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException)) {
		d.setStr(name, NewBuiltinFunctionIn("threading", name, body))
	}
	d.setStr("Thread", ThreadClass)
	d.setStr("_MainThread", mainThreadClass)
	d.setStr("_DummyThread", dummyThreadClass)
	fn("stack_size", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := UnpackArgs("stack_size", args, kw, 0, 1); err != nil {
			return nil, err
		}
		return NewInt(0), nil // the default, which is all Go's goroutines have
	})
	// Hooks for threads started later: tracing is the analyzer's dynamic-trace blocker, as in sys.
	for _, name := range []string{"settrace", "setprofile"} {
		fn(name, offOnlyHook("threading", name))
	}
	d.setStr("ThreadError", ThreadErrorType)
	d.setStr("local", LocalType)
	fn("Lock", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) { return NewLock(), nil })
	fn("RLock", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) { return NewRLock(), nil })
	fn("Condition", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		var a [2]Object
		if err := ParseArgs("Condition", args, kw, []string{"lock", "verbose"}, 0, a[:]); err != nil {
			return nil, err
		}
		lock := a[0]
		if lock == nil || lock == None {
			lock = NewRLock()
		}
		return &Condition{lock: lock}, nil
	})
	fn("Event", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) { return &Event{}, nil })
	sem := func(bounded bool) func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		return func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
			var a [2]Object
			if err := ParseArgs("Semaphore", args, kw, []string{"value", "verbose"}, 0, a[:]); err != nil {
				return nil, err
			}
			v := 1
			if a[0] != nil {
				n, err := IndexInt(f, a[0], "an integer is required")
				if err != nil {
					return nil, err
				}
				if n < 0 {
					return nil, NewValueError("semaphore initial value must be >= 0")
				}
				v = n
			}
			s := &Semaphore{value: v, initial: v, bounded: bounded}
			s.cond = sync.NewCond(&s.mu)
			return s, nil
		}
	}
	fn("Semaphore", sem(false))
	fn("BoundedSemaphore", sem(true))
	cur := func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) { return currentThread(f), nil }
	fn("current_thread", cur)
	fn("currentThread", cur)
	count := func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		liveMu.Lock()
		defer liveMu.Unlock()
		return NewInt(int64(len(liveThreads) + 1)), nil
	}
	fn("active_count", count)
	fn("activeCount", count)
	fn("enumerate", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		liveMu.Lock()
		out := []Object{mainThreadObj}
		for t := range liveThreads {
			out = append(out, t)
		}
		liveMu.Unlock()
		return NewList(out...), nil
	})
	fn("Timer", func(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
		var a [4]Object
		if err := ParseArgs("Timer", args, kw, []string{"interval", "function", "args", "kwargs"}, 2, a[:]); err != nil {
			return nil, err
		}
		secs, ok, err := toFloat64(a[0])
		if err != nil || !ok {
			return nil, NewTypeError("a float is required")
		}
		cancel := &Event{}
		target := NewBuiltinFunction("_timer_run", func(f *Frame, _ []Object, _ Kwargs) (Object, *BaseException) {
			cancel.mu.Lock()
			ch := make(chan struct{}, 1)
			cancel.cond.waiters = append(cancel.cond.waiters, ch)
			flagged := cancel.flag
			cancel.mu.Unlock()
			if !flagged {
				select {
				case <-ch:
				case <-time.After(time.Duration(secs * float64(time.Second))):
				}
			}
			cancel.mu.Lock()
			flagged = cancel.flag
			cancel.mu.Unlock()
			if flagged {
				return None, nil
			}
			var star, starstar Object
			if a[2] != nil && a[2] != None {
				star = a[2]
			}
			if a[3] != nil && a[3] != None {
				starstar = a[3]
			}
			return CallStar(f, a[1], nil, nil, star, starstar)
		})
		th, err := Call(f, ThreadClass, nil, Kwargs{{Name: "target", Value: target}})
		if err != nil {
			return nil, err
		}
		if err := SetAttr(f, th, "cancel", NewBuiltinFunction("cancel", func(f *Frame, _ []Object, _ Kwargs) (Object, *BaseException) {
			return CallMethod(f, cancel, "set", nil, nil)
		})); err != nil {
			return nil, err
		}
		return th, nil
	})
	return nil
}
