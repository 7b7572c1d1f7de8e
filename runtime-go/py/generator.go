package py

import (
	"iter"
	"runtime"
	"sync"
	"sync/atomic"
)

// GenBody is the Go function the transpiler emits for a generator's
// body. f is the generator's own frame; each `yield v` is
// gen.Yield(f, v). Returning (nil, nil) exhausts the generator.
type GenBody func(f *Frame, gen *Generator) (Object, *BaseException)

// GenStep is the body of a state-machine generator, emitted when no yield
// sits inside try, except, finally or with, or inside a larger expression.
// Each call runs from the last yield (or the start) to the next one and
// returns the yielded value; it keeps its resume point in gen.State and
// its locals in variables it closes over. sent is the value of the yield
// expression being resumed (None for next()). (nil, nil) ends the body,
// (nil, err) is the exception leaving it. A resume is a plain call: no
// coroutine.
type GenStep func(f *Frame, gen *Generator, sent Object) (Object, *BaseException)

// Generator mirrors CPython's generator object on an iter.Pull
// coroutine: no goroutine or channel per yield. send/throw/close,
// GeneratorExit and finally blocks behave as in 2.7.
//
// Deliberate difference: a generator abandoned unfinished is closed by a
// finalizer when Go's collector finds it unreachable, later than
// CPython's immediate close at refcount zero.
type Generator struct {
	*genCore
}

// genCore is the generator's state. The coroutine references only the
// core (and a body-side handle), never the *Generator the program holds,
// so an abandoned generator becomes unreachable and its finalizer can
// close it: its finally blocks run then, as CPython runs them at
// deallocation, and the coroutine's goroutine is released.
type genCore struct {
	mu       sync.Mutex
	running  bool
	busy     atomic.Bool // set while resumed (CAS instead of the mutex on the hot path)
	name     string
	frame    *Frame
	next     func() (Object, bool)
	stop     func()
	started  bool
	finished bool
	sent     Object
	thrown   *BaseException
	final    *BaseException
	yieldFn  func(v Object) (Object, *BaseException)
	// step is set for state-machine generators; lockStep then guards
	// started and finished too (mu, next and stop are unused).
	step GenStep
	// stepRunning and flipped: lockStep's single-threaded mode.
	stepRunning, flipped bool
	// State is a state-machine body's resume point: 0 at the start, k
	// after its k-th yield. Only the body reads and writes it.
	State int
}

// GeneratorType is `generator`.
var GeneratorType = newBuiltinType("generator", nil)

// NewGenerator creates the generator returned by calling a generator
// function; f is that call's frame, whose code the generator reuses.
func NewGenerator(f *Frame, body GenBody) Object {
	return NewGeneratorCode(f, f.Code, body)
}

// NewGeneratorCode is NewGenerator with its own code (genexps use a
// "<genexpr>" code).
func NewGeneratorCode(f *Frame, code *Code, body GenBody) Object {
	gf := &Frame{Back: f, Code: code, Globals: f.Globals}
	if f != nil {
		gf.depth = f.depth + 1
		gf.thread = f.thread
	}
	return newGenerator(gf, body)
}

// NewGeneratorStep creates a state-machine generator (see GenStep); f is
// the generator function call's frame, whose code the generator reuses.
func NewGeneratorStep(f *Frame, step GenStep) Object {
	return NewGeneratorStepCode(f, f.Code, step)
}

// NewGeneratorStepCode is NewGeneratorStep with its own code (genexps).
func NewGeneratorStepCode(f *Frame, code *Code, step GenStep) Object {
	// One allocation for the object, its state and its frame: small
	// generators (genexps under any() or sum()) are created often.
	sg := &stepGenerator{}
	sg.frame = Frame{Back: f, Code: code, Globals: f.Globals}
	if f != nil {
		sg.frame.depth = f.depth + 1
		sg.frame.thread = f.thread
	}
	sg.core = genCore{frame: &sg.frame, name: code.Name, step: step}
	sg.gen.genCore = &sg.core
	// No finalizer: a state-machine generator is never suspended inside
	// try or with, so closing it runs no code and abandoning it is free.
	return &sg.gen
}

// stepGenerator lays out a state-machine generator in one allocation.
type stepGenerator struct {
	gen   Generator
	core  genCore
	frame Frame
}

// runningSteps lists, in single-threaded mode, the state-machine
// generators running now (innermost last). Only the one Python goroutine
// touches it.
var runningSteps []*genCore

// lockStep takes a state-machine generator for one resume; false means it
// is already executing. Whoever holds it owns the frame, started and
// finished. In threaded mode that is the atomic busy flag. In
// single-threaded mode (threadmode.go) only this goroutine runs Python,
// so a plain flag does, without the two atomic read-modify-writes per
// resume; flipRunningSteps sets busy for the generators running when
// threads are enabled, so other goroutines see them as executing.
func (g *genCore) lockStep() (ok, viaBusy bool) {
	if threaded.Load() {
		return g.busy.CompareAndSwap(false, true), true
	}
	if g.stepRunning {
		return false, false
	}
	g.stepRunning = true
	runningSteps = append(runningSteps, g)
	return true, false
}

func (g *genCore) unlockStep(viaBusy bool) {
	if viaBusy {
		g.busy.Store(false)
		return
	}
	n := len(runningSteps) - 1
	runningSteps[n] = nil
	runningSteps = runningSteps[:n]
	g.stepRunning = false
	if g.flipped {
		g.flipped = false
		g.busy.Store(false)
	}
}

// flipRunningSteps is EnableThreads' hand-over: it runs on the Python
// goroutine before a second one exists.
func flipRunningSteps() {
	for _, g := range runningSteps {
		g.flipped = true
		g.busy.Store(true)
	}
}

// resumeStep is resume for state-machine generators.
func (g *Generator) resumeStep(f *Frame, sent Object, thrown *BaseException) (Object, *BaseException) {
	c := g.genCore
	// (threaded first: the fields are guarded by busy then)
	if threaded.Load() || thrown != nil || c.stepRunning || !c.started || c.finished {
		return g.resumeStepSlow(f, sent, thrown)
	}
	// The common case, a suspended generator resumed by next() or send()
	// in single-threaded mode: lockStep and the checks below, minus the
	// branches that cannot apply.
	c.stepRunning = true
	runningSteps = append(runningSteps, c)
	fr := c.frame
	if fr.Back != f {
		fr.Back = f
	}
	if f != nil && (fr.thread != f.thread || fr.depth != f.depth+1) {
		fr.depth = f.depth + 1
		fr.thread = f.thread
	}
	v, err := c.step(fr, g, sent)
	if v == nil {
		c.finished = true
		err = stepEnded(fr, err)
	}
	c.unlockStep(false)
	return v, err
}

// stepEnded is the exception a finished state-machine body raises: its
// own with the generator's frame in the traceback, none for a
// StopIteration that leaves it (as in 2.7, that just ends iteration).
func stepEnded(fr *Frame, err *BaseException) *BaseException {
	if err != nil {
		err.addTraceback(fr)
		if err.IsInstance(StopIterationType) && err.classic == nil {
			return nil
		}
	}
	return err
}

func (g *Generator) resumeStepSlow(f *Frame, sent Object, thrown *BaseException) (Object, *BaseException) {
	ok, viaBusy := g.lockStep()
	if !ok {
		return nil, NewValueError("generator already executing")
	}
	if g.finished {
		g.unlockStep(viaBusy)
		if thrown != nil {
			return nil, thrown
		}
		return nil, nil
	}
	if !g.started && sent != None && thrown == nil {
		g.unlockStep(viaBusy)
		return nil, NewTypeError("can't send non-None value to a just-started generator")
	}
	fr := g.frame
	if fr.Back != f {
		// a loop resumes from the same frame each time: skip the stores
		// (and their GC write barriers) then
		fr.Back = f
	}
	if f != nil && (fr.thread != f.thread || fr.depth != f.depth+1) {
		fr.depth = f.depth + 1
		fr.thread = f.thread
	}
	if thrown != nil {
		// No yield of a state machine is inside try or with: the
		// exception leaves the body at the suspended yield at once.
		if g.started {
			thrown.addTraceback(fr)
		}
		g.finished = true
		g.unlockStep(viaBusy)
		return nil, thrown
	}
	g.started = true
	v, err := g.step(fr, g, sent)
	if v == nil {
		g.finished = true
		err = stepEnded(fr, err)
	}
	g.unlockStep(viaBusy)
	return v, err
}

// Yield suspends the generator at `yield v`: it returns the value sent in
// (None for next()), or the exception thrown in by throw()/close(), which
// the body must then raise at that point.
func (g *Generator) Yield(f *Frame, v Object) (Object, *BaseException) {
	return g.yieldFn(v)
}

func newGenerator(f *Frame, body GenBody) *Generator {
	core := &genCore{frame: f, name: f.Code.Name}
	g := &Generator{core} // body-side handle (gen.Yield)
	seq := func(y func(Object) bool) {
		yieldFn := func(v Object) (Object, *BaseException) {
			saved := g.frame.exc
			if !y(v) {
				return nil, NewExceptionArgs(GeneratorExitType)
			}
			g.frame.exc = saved
			if e := g.thrown; e != nil {
				g.thrown = nil
				return nil, e
			}
			s := g.sent
			g.sent = nil
			if s == nil {
				s = None
			}
			return s, nil
		}
		g.yieldFn = yieldFn
		if _, err := body(g.frame, g); err != nil {
			err.addTraceback(g.frame)
			g.final = err
		}
	}
	core.next, core.stop = iter.Pull(iter.Seq[Object](seq))
	outer := &Generator{core}
	runtime.SetFinalizer(outer, func(o *Generator) { RunDetached(o.abandon) })
	return outer
}

// abandon closes an unreachable generator (see genCore).
func (g *Generator) abandon() {
	g.mu.Lock()
	done := g.finished
	g.finished = true
	g.mu.Unlock()
	if !done && g.busy.CompareAndSwap(false, true) {
		// the finally blocks run on the finalizer goroutine: give them
		// their own thread state
		g.frame.Back = nil
		g.frame.thread = &threadState{ident: nextThreadIdent.Add(1)}
		g.stop()
	}
}

// Type implements Object.
func (g *Generator) Type() *Type { return GeneratorType }

// Repr mirrors <generator object f at 0x...>.
func (g *Generator) Repr(f *Frame) (string, *BaseException) {
	return "<generator object " + g.name + " at " + addrOf(g) + ">", nil
}

// Iter returns the generator itself.
func (g *Generator) Iter(f *Frame) (Object, *BaseException) { return g, nil }

// Next is next(gen): (nil, nil) when exhausted.
func (g *Generator) Next(f *Frame) (Object, *BaseException) {
	if g.step != nil {
		return g.resumeStep(f, None, nil)
	}
	return g.resume(f, nil, nil)
}

func (g *Generator) resume(f *Frame, sent Object, thrown *BaseException) (Object, *BaseException) {
	if g.step != nil {
		if sent == nil {
			sent = None
		}
		return g.resumeStep(f, sent, thrown)
	}
	if !g.busy.CompareAndSwap(false, true) {
		return nil, NewValueError("generator already executing")
	}
	defer g.busy.Store(false)
	if g.started && !g.finished && thrown == nil {
		// hot path: resume a running generator (only this goroutine holds busy)
		g.running = true
		g.sent = sent
		g.frame.Back = f
		if f != nil {
			g.frame.depth = f.depth + 1
			g.frame.thread = f.thread
		}
		v, ok := g.next()
		g.running = false
		if ok {
			return v, nil
		}
		g.mu.Lock()
		g.finished = true
		g.mu.Unlock()
		return g.finish()
	}
	g.mu.Lock()
	if g.running {
		g.mu.Unlock()
		return nil, NewValueError("generator already executing")
	}
	if g.finished {
		g.mu.Unlock()
		if thrown != nil {
			return nil, thrown
		}
		return nil, nil
	}
	if !g.started && thrown != nil {
		g.finished = true
		g.mu.Unlock()
		g.stop()
		return nil, thrown
	}
	g.running = true
	g.started = true
	g.mu.Unlock()
	g.sent, g.thrown = sent, thrown
	g.frame.Back = f
	if f != nil {
		g.frame.depth = f.depth + 1
		g.frame.thread = f.thread
	}
	v, ok := g.next()
	g.mu.Lock()
	g.running = false
	if !ok {
		g.finished = true
	}
	g.mu.Unlock()
	if !ok {
		return g.finish()
	}
	return v, nil
}

// finish reports how the body ended: exhaustion or its exception.
func (g *Generator) finish() (Object, *BaseException) {
	if err := g.final; err != nil {
		g.final = nil
		if err.IsInstance(StopIterationType) && err.classic == nil {
			return nil, nil
		}
		return nil, err
	}
	return nil, nil
}

// Send is gen.send(v).
func (g *Generator) Send(f *Frame, v Object) (Object, *BaseException) {
	var r Object
	var err *BaseException
	if g.step != nil {
		r, err = g.resumeStep(f, v, nil)
	} else {
		g.mu.Lock()
		started := g.started
		g.mu.Unlock()
		if !started && v != None {
			return nil, NewTypeError("can't send non-None value to a just-started generator")
		}
		r, err = g.resume(f, v, nil)
	}
	if err == nil && r == nil {
		return nil, NewExceptionArgs(StopIterationType)
	}
	return r, err
}

// Throw is gen.throw(typ, val, tb).
func (g *Generator) Throw(f *Frame, typ, val, tb Object) (Object, *BaseException) {
	e := Raise(f, typ, val, tb)
	if e.classic == nil && e.typ == TypeErrorType && typ != TypeErrorType {
		if _, ok := typ.(*BaseException); !ok {
			if _, ok := typ.(*Type); !ok {
				if _, ok := typ.(*Class); !ok {
					if _, ok := typ.(*ClassicInstance); !ok {
						return nil, NewTypeError("exceptions must be classes, or instances, not " + typ.Type().tpName())
					}
				}
			}
		}
	}
	e.tb = nil
	r, err := g.resume(f, nil, e)
	if err == nil && r == nil {
		return nil, NewExceptionArgs(StopIterationType)
	}
	return r, err
}

// Close is gen.close().
func (g *Generator) Close(f *Frame) *BaseException {
	if g.step != nil {
		// GeneratorExit thrown in at a yield outside try/with just
		// leaves the body: close only marks the generator finished.
		ok, viaBusy := g.lockStep()
		if !ok {
			return NewValueError("generator already executing")
		}
		g.finished = true
		g.unlockStep(viaBusy)
		return nil
	}
	g.mu.Lock()
	if g.finished || !g.started {
		g.finished = true
		g.mu.Unlock()
		g.stop()
		return nil
	}
	g.mu.Unlock()
	r, err := g.resume(f, nil, NewExceptionArgs(GeneratorExitType))
	if err != nil {
		if err.classic == nil && (err.typ.IsSubtype(GeneratorExitType) || err.typ.IsSubtype(StopIterationType)) {
			return nil
		}
		return err
	}
	if r != nil {
		g.stop()
		return NewRuntimeError("generator ignored GeneratorExit")
	}
	return nil
}

func init() {
	t := GeneratorType
	t.final = true
	t.def("next", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := NoArgs("next", args, kw); err != nil {
			return nil, err
		}
		return self.(*Generator).Send(f, None)
	})
	t.def("send", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := OneArg("send", args, kw); err != nil {
			return nil, err
		}
		return self.(*Generator).Send(f, args[0])
	})
	t.def("throw", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := UnpackArgs("throw", args, kw, 1, 3); err != nil {
			return nil, err
		}
		var val, tb Object
		if len(args) > 1 {
			val = args[1]
		}
		if len(args) > 2 {
			tb = args[2]
		}
		return self.(*Generator).Throw(f, args[0], val, tb)
	})
	t.def("close", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := NoArgs("close", args, kw); err != nil {
			return nil, err
		}
		return None, self.(*Generator).Close(f)
	})
	t.dict.setStr("__name__", &GetSet{name: "__name__", get: func(f *Frame, o Object) (Object, *BaseException) {
		return NewStr(o.(*Generator).name), nil
	}})
	t.dict.setStr("gi_running", &GetSet{name: "gi_running", get: func(f *Frame, o Object) (Object, *BaseException) {
		// an int in 2.7, not a bool
		g := o.(*Generator)
		if g.busy.Load() || (!threaded.Load() && g.stepRunning) {
			return NewInt(1), nil
		}
		return NewInt(0), nil
	}})
}

var _ Iterator = (*Generator)(nil)
