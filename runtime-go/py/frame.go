package py

import "sync/atomic"

var nextThreadIdent atomic.Int64

func init() { nextThreadIdent.Store(1) }

// Code describes one Python code object: the function or module body a
// frame runs. Generated code declares one per def/class/module as a
// package-level variable.
type Code struct {
	Name     string // "f", "<module>", class name
	Filename string // as CPython would print it, e.g. "pkg/mod.py"
	// Lines are the module's source lines (shared by all its Codes) so
	// tracebacks can print them when the .py file is not on disk.
	Lines []string
	// co_* metadata for introspection (SetInfo).
	argcount                     int
	varnames, freevars, cellvars []string
	firstLine                    int
	flags                        int
}

// SetInfo records co_argcount, co_varnames, co_freevars, co_cellvars,
// co_firstlineno and co_flags; it returns c so it can be chained in a var
// declaration.
func (c *Code) SetInfo(argcount int, varnames, freevars, cellvars []string, firstLine, flags int) *Code {
	c.argcount, c.varnames, c.freevars, c.cellvars = argcount, varnames, freevars, cellvars
	c.firstLine, c.flags = firstLine, flags
	return c
}

// NewCode is how generated code declares a code object.
func NewCode(name, filename string, lines []string) *Code {
	c := &Code{Name: name, Filename: filename, Lines: lines}
	if isRelativeSource(filename) {
		registerCode(c)
	}
	return c
}

// Frame is one activation of a Python function, module or class body. It
// is passed explicitly as the first argument of every operation because
// Python threads are goroutines and Go has no goroutine-local storage.
//
// Deliberate difference from CPython: locals live in Go variables, not in
// the frame, so f_locals is not introspectable (locals() is built by
// generated code).
type Frame struct {
	Back    *Frame
	Code    *Code
	Line    int   // current Python line; generated code sets it per statement
	Globals *Dict // module namespace
	// exc is the exception being handled in this frame (sys.exc_info()).
	exc    *BaseException
	depth  int
	thread *threadState
	// escaped is set once something may keep the frame after its call
	// returns (a traceback entry); such frames are never reused.
	escaped bool
	// view is the frame's Python object, once sys._getframe or tb_frame made it.
	view *frameObject
	// argBuf holds the bound arguments of small functions so a call
	// allocates only its frame.
	argBuf [4]Object
}

// threadState is per-goroutine interpreter state reachable from frames.
type threadState struct {
	ident  int64
	thread Object          // the threading.Thread object, once known
	repr   map[Object]bool // containers being repr'd (recursion guard)
	// free holds finished frames of FuncSpec.ReuseFrame functions for
	// reuse by the next call on this thread: a call then allocates
	// nothing. Only the goroutine running the thread touches it.
	free []*Frame
	// ints is this thread's block for newIntF (see intSlab in int.go).
	ints []Int
}

// maxFreeFrames bounds the frames a thread keeps for reuse.
const maxFreeFrames = 64

// The codes of frames the runtime starts threads and programs under: no
// Python code runs in them, so Python never sees them (f_back is None).
var (
	runtimeRootCode = &Code{Name: "<runtime>"}
	threadRootCode  = &Code{Name: "<thread>"}
)

// isRootCode reports whether c is the code of such a frame.
func isRootCode(c *Code) bool { return c == nil || c == runtimeRootCode || c == threadRootCode }

// reuseFrame returns a finished frame to its thread's free list unless
// something may still refer to it.
func reuseFrame(fr *Frame) {
	ts := fr.thread
	if fr.escaped || ts == nil || len(ts.free) >= maxFreeFrames {
		return
	}
	*fr = Frame{}
	ts.free = append(ts.free, fr)
}

var mainThread = &threadState{ident: 1}

// recursionLimit mirrors sys.getrecursionlimit() (CPython default 1000).
var recursionLimit = 1000

// NewFrame pushes a frame for code under back. Generated code calls it
// only for module bodies; functions get theirs from the runtime.
func NewFrame(back *Frame, code *Code, globals *Dict) *Frame {
	fr := &Frame{Back: back, Code: code, Globals: globals}
	if back != nil {
		fr.depth = back.depth + 1
		fr.thread = back.thread
	} else {
		fr.thread = mainThread
	}
	return fr
}

// NewRootFrame makes the bottom frame of a goroutine (thread).
func NewRootFrame() *Frame {
	return &Frame{Code: threadRootCode, thread: &threadState{ident: nextThreadIdent.Add(1)}}
}

// checkDepth raises CPython's RuntimeError on runaway recursion.
func (f *Frame) checkDepth() *BaseException {
	if f.depth > recursionLimit {
		return NewException(RuntimeErrorType, "maximum recursion depth exceeded")
	}
	return nil
}

// SetLine records the current source line (an inlinable helper; assigning
// f.Line directly is equivalent).
func (f *Frame) SetLine(n int) { f.Line = n }

// ExcInfo returns the exception being handled, looking outward like
// CPython's per-thread exc_info restored on function return.
func (f *Frame) ExcInfo() *BaseException {
	for fr := f; fr != nil; fr = fr.Back {
		if fr.exc != nil {
			return fr.exc
		}
	}
	return nil
}

// Catch is called by generated code when an except clause (or a finally
// that will re-raise) receives err: it records this frame in the
// traceback and makes err the exception sys.exc_info() reports.
func (f *Frame) Catch(err *BaseException) {
	err.addTraceback(f)
	f.exc = err
}

// ClearExc forgets the handled exception (used when a generator frame
// yields and by sys.exc_clear()).
func (f *Frame) ClearExc() { f.exc = nil }

// SaveExc and RestoreExc let generated code keep CPython 2's rule that
// an exception caught inside a nested try restores the outer one only at
// function exit; they are rarely needed.
func (f *Frame) SaveExc() *BaseException     { return f.exc }
func (f *Frame) RestoreExc(e *BaseException) { f.exc = e }
