package py

import (
	"os"
	"strconv"
	"strings"
	"sync"
)

// tbEntry is one traceback line: which code, at which line.
type tbEntry struct {
	frame *Frame
	code  *Code
	line  int
}

// Traceback mirrors CPython's traceback object as seen from Python
// (sys.exc_info()[2]); entries are innermost-first internally.
type Traceback struct {
	entries []tbEntry // outermost first
	pos     int
}

// TracebackType is `traceback`.
var TracebackType = newBuiltinType("traceback", nil)

// Type implements Object.
func (t *Traceback) Type() *Type { return TracebackType }

// GetAttr exposes tb_lineno, tb_next and tb_frame (a limited frame).
func (t *Traceback) GetAttr(f *Frame, name string) (Object, *BaseException) {
	e := t.entries[t.pos]
	switch name {
	case "tb_lineno":
		return NewInt(int64(e.line)), nil
	case "tb_next":
		if t.pos+1 >= len(t.entries) {
			return None, nil
		}
		return &Traceback{entries: t.entries, pos: t.pos + 1}, nil
	case "tb_frame":
		if e.frame == nil {
			return None, nil
		}
		return frameView(e.frame), nil
	}
	return nil, attributeError(t, name)
}

func framesGlobals(fr *Frame) *Dict {
	if fr == nil || fr.Globals == nil {
		return NewDict()
	}
	return fr.Globals
}

// frameObject is a frame as Python code sees it (sys._getframe(), tb_frame):
// a view of the live frame, one per frame, so f_lineno is the frame's line
// now and `is` holds between two looks at the same frame. The frame and all
// below it are marked escaped when viewed, so f_back never reaches a frame
// that was recycled for another call.
type frameObject struct {
	fr *Frame
}

var frameType = newBuiltinType("frame", nil)

// frameView returns the frame's Python view, making it if needed.
func frameView(fr *Frame) *frameObject {
	for x := fr; x != nil; x = x.Back {
		x.escaped = true
	}
	if fr.view == nil {
		fr.view = &frameObject{fr: fr}
	}
	return fr.view
}

func (fo *frameObject) Type() *Type { return frameType }

func (fo *frameObject) Repr(f *Frame) (string, *BaseException) {
	return "<frame object at " + addrOf(fo) + ">", nil
}

func (fo *frameObject) GetAttr(f *Frame, name string) (Object, *BaseException) {
	fr := fo.fr
	switch name {
	case "f_lineno":
		return NewInt(int64(fr.Line)), nil
	case "f_globals":
		return framesGlobals(fr), nil
	case "f_builtins":
		return BuiltinModule.Dict(), nil
	case "f_code":
		return &codeObject{fr.Code}, nil
	case "f_back":
		// A generator's frame has none while suspended; the root frame is not Python's.
		if fr.Back == nil || isRootCode(fr.Back.Code) {
			return None, nil
		}
		return frameView(fr.Back), nil
	case "f_locals":
		// A module body's locals are its globals; a function's live in Go variables.
		if fr.Code != nil && fr.Code.Name == "<module>" {
			return framesGlobals(fr), nil
		}
		return nil, NewNotImplemented("a function frame's f_locals", "dynamic-frame-attribute")
	case "f_restricted":
		return False, nil
	case "f_trace":
		return None, nil
	}
	return nil, attributeError(fo, name)
}

type codeObject struct{ c *Code }

var codeType = newBuiltinType("code", nil)

func (c *codeObject) Type() *Type { return codeType }

func (c *codeObject) Repr(f *Frame) (string, *BaseException) {
	return "<code object " + c.c.Name + " at " + addrOf(c) + ", file \"" + c.c.Filename + "\", line " + itoa(c.c.firstLine) + ">", nil
}

func strTuple(ss []string) *Tuple {
	out := make([]Object, len(ss))
	for i, s := range ss {
		out[i] = NewStr(s)
	}
	return NewTuple(out...)
}
func (c *codeObject) GetAttr(f *Frame, name string) (Object, *BaseException) {
	switch name {
	case "co_name":
		return NewStr(c.c.Name), nil
	case "co_filename":
		return NewStr(c.c.Filename), nil
	case "co_argcount":
		return NewInt(int64(c.c.argcount)), nil
	case "co_varnames":
		return strTuple(c.c.varnames), nil
	case "co_freevars":
		return strTuple(c.c.freevars), nil
	case "co_cellvars":
		return strTuple(c.c.cellvars), nil
	case "co_nlocals":
		return NewInt(int64(len(c.c.varnames))), nil
	case "co_flags":
		return NewInt(int64(c.c.flags)), nil
	case "co_firstlineno":
		return NewInt(int64(c.c.firstLine)), nil
	}
	return nil, attributeError(c, name)
}

// addTraceback records that e passed through frame f at its current line.
// A re-raise in the same frame updates that frame's line, which is what
// CPython 2.7 prints for a bare `raise`.
func (e *BaseException) addTraceback(f *Frame) {
	if f == nil || f.Code == nil {
		return
	}
	f.escaped = true
	if n := len(e.tb); n > 0 && e.tb[n-1].frame == f {
		return
	}
	e.tb = append(e.tb, tbEntry{frame: f, code: f.Code, line: f.Line})
}

// TracebackObject returns sys.exc_info()[2] for e (None if empty).
func (e *BaseException) TracebackObject() Object {
	if len(e.tb) == 0 {
		return None
	}
	n := len(e.tb)
	out := make([]tbEntry, n)
	for i := range e.tb {
		out[i] = e.tb[n-1-i]
	}
	return &Traceback{entries: out}
}

var sourceCache sync.Map // filename -> []string

// sourceLine returns line n of the code's file: the embedded lines first,
// then the file on disk, like linecache.
func sourceLine(c *Code, n int) string {
	lines := c.Lines
	if lines == nil {
		if v, ok := sourceCache.Load(c.Filename); ok {
			lines = v.([]string)
		} else {
			data, err := os.ReadFile(c.Filename)
			if err == nil {
				lines = strings.Split(string(data), "\n")
			}
			sourceCache.Store(c.Filename, lines)
		}
	}
	if n < 1 || n > len(lines) {
		return ""
	}
	return strings.TrimSpace(strings.TrimRight(lines[n-1], "\r"))
}

// FormatTraceback renders e exactly as CPython's PyErr_Print does.
func FormatTraceback(f *Frame, e *BaseException) string {
	var b strings.Builder
	if len(e.tb) > 0 {
		b.WriteString("Traceback (most recent call last):\n")
		for i := len(e.tb) - 1; i >= 0; i-- {
			en := e.tb[i]
			b.WriteString("  File \"" + en.code.Filename + "\", line " + strconv.Itoa(en.line) + ", in " + en.code.Name + "\n")
			if s := sourceLine(en.code, en.line); s != "" {
				b.WriteString("    " + s + "\n")
			}
		}
	}
	b.WriteString(FormatExceptionOnly(f, e))
	return b.String()
}

// FormatExceptionOnly is the last line(s): "Type: message".
func FormatExceptionOnly(f *Frame, e *BaseException) string {
	name := e.typ.name
	if e.typ.module != "" && e.typ.module != "exceptions" && e.typ.module != "__builtin__" {
		name = e.typ.module + "." + name
	}
	if e.classic != nil {
		name = e.classic.class.qualname()
		s, err := ToStr(f, e.classic)
		if err != nil || s.s == "" {
			return name + "\n"
		}
		return name + ": " + s.s + "\n"
	}
	var msg string
	so, err := ToStr(f, e)
	if err != nil {
		msg = "<unprintable " + e.typ.name + " object>"
	} else {
		msg = so.s
	}
	if e.typ.IsSubtype(SyntaxErrorType) {
		// not produced by the runtime itself; printed plainly
	}
	if msg == "" {
		return name + "\n"
	}
	return name + ": " + msg + "\n"
}
