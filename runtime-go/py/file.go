package py

import (
	"bufio"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"weak"
)

// File mirrors Python 2's file object: open()/file(), and sys.stdout,
// sys.stderr, sys.stdin. Writes of unicode use the file's encoding
// (None → ascii, so non-ASCII raises UnicodeEncodeError like CPython
// writing to a pipe). softspace lives here for the print statement.
//
// Mode 'U' reads with universal newlines (univnewline.go).
type File struct {
	mu        sync.Mutex
	name      string
	mode      string
	f         *os.File
	r         *bufio.Reader
	w         *bufio.Writer
	closed    bool
	softspace bool
	encoding  Object
	unbuf     bool
	eof       bool
	univ      univNewlines
	// onClose gives close()'s result: os.popen's file waits for its command.
	onClose func() (Object, *BaseException)
}

// FileType is `file`.
var FileType = newBuiltinType("file", nil)

// Type implements Object.
func (fl *File) Type() *Type { return FileType }

// NewFileFromOS wraps an *os.File.
func NewFileFromOS(f *os.File, name, mode string) *File {
	fl := &File{name: name, mode: mode, f: f, encoding: None}
	if strings.ContainsAny(mode, "wa+") {
		fl.w = bufio.NewWriterSize(f, 8192)
		if f != os.Stdout && f != os.Stderr {
			trackWriter(fl)
		}
	}
	if strings.ContainsAny(mode, "r+") {
		fl.r = bufio.NewReader(f)
	}
	return fl
}

// Files with buffered writes: CPython flushes a file when it frees it, at
// the latest when the interpreter shuts down, so nothing written is lost.
// Here a finalizer flushes and closes a file nobody refers to any more,
// and flushOpenFiles flushes the rest at exit.
var (
	writersMu sync.Mutex
	writers   []weak.Pointer[File]
)

func trackWriter(fl *File) {
	writersMu.Lock()
	if len(writers) >= 64 && len(writers)&(len(writers)-1) == 0 {
		live := writers[:0]
		for _, w := range writers {
			if w.Value() != nil {
				live = append(live, w)
			}
		}
		writers = live
	}
	writers = append(writers, weak.Make(fl))
	writersMu.Unlock()
	runtime.SetFinalizer(fl, func(fl *File) {
		fl.mu.Lock()
		defer fl.mu.Unlock()
		if !fl.closed {
			fl.w.Flush()
			fl.closed = true
			fl.f.Close()
		}
	})
}

// flushOpenFiles writes out what open files still buffer (at exit).
func flushOpenFiles() {
	writersMu.Lock()
	ws := append([]weak.Pointer[File](nil), writers...)
	writersMu.Unlock()
	for _, w := range ws {
		if fl := w.Value(); fl != nil {
			fl.mu.Lock()
			if !fl.closed && fl.w != nil {
				fl.w.Flush()
			}
			fl.mu.Unlock()
		}
	}
}

// Stdout, Stderr and Stdin are the process's standard files.
var (
	Stdout = NewFileFromOS(os.Stdout, "<stdout>", "w")
	Stderr = NewFileFromOS(os.Stderr, "<stderr>", "w")
	Stdin  = NewFileFromOS(os.Stdin, "<stdin>", "r")
)

func init() {
	Stderr.unbuf = true
	if enc := os.Getenv("PYTHONIOENCODING"); enc != "" {
		Stdout.encoding = NewStr(strings.Split(enc, ":")[0])
		Stderr.encoding = Stdout.encoding
	}
}

// WriteString writes raw bytes.
func (fl *File) WriteString(s string) *BaseException {
	fl.mu.Lock()
	defer fl.mu.Unlock()
	return fl.writeLocked(s)
}

func (fl *File) writeLocked(s string) *BaseException {
	if fl.closed {
		return NewValueError("I/O operation on closed file")
	}
	if fl.w == nil {
		return NewExceptionArgs(IOErrorType, NewInt(9), NewStr("Bad file descriptor"))
	}
	if _, err := fl.w.WriteString(s); err != nil {
		return ioError(err, "")
	}
	if fl.unbuf {
		fl.w.Flush()
	}
	return nil
}

// Flush flushes buffered output.
func (fl *File) Flush() {
	fl.mu.Lock()
	if fl.w != nil {
		fl.w.Flush()
	}
	fl.mu.Unlock()
}

// writeObject is PyFile_WriteObject(v, f, Py_PRINT_RAW).
func (fl *File) writeObject(f *Frame, v Object) *BaseException {
	s, err := StrObject(f, v)
	if err != nil {
		return err
	}
	switch sv := s.(type) {
	case *Str:
		return fl.WriteString(sv.s)
	case *Unicode:
		enc := optStr(fl.encoding, defaultEncoding)
		b, err := Encode(f, sv.r, enc, "strict")
		if err != nil {
			return err
		}
		return fl.WriteString(b.(*Str).s)
	}
	return nil
}

func ioError(err error, filename string) *BaseException {
	if pe, ok := err.(*os.PathError); ok {
		err = pe.Err
	}
	errno, msg := errnoOf(err)
	if filename != "" {
		e := NewExceptionArgs(IOErrorType, NewInt(int64(errno)), NewStr(msg))
		e.Dict().setStr("filename", NewStr(filename))
		return e
	}
	return NewExceptionArgs(IOErrorType, NewInt(int64(errno)), NewStr(msg))
}

// Repr mirrors <open file 'x', mode 'r' at 0x...>.
func (fl *File) Repr(f *Frame) (string, *BaseException) {
	state := "open"
	if fl.closed {
		state = "closed"
	}
	return "<" + state + " file '" + fl.name + "', mode '" + fl.mode + "' at " + addrOf(fl) + ">", nil
}

func (fl *File) readLine(limit int) (string, *BaseException) {
	if fl.closed {
		return "", NewValueError("I/O operation on closed file")
	}
	if fl.r == nil {
		return "", NewExceptionArgs(IOErrorType, NewInt(9), NewStr("Bad file descriptor"))
	}
	if fl == Stdin {
		Stdout.Flush()
	}
	var b strings.Builder
	for limit < 0 || b.Len() < limit {
		c, err := fl.readByte()
		if err != nil {
			break
		}
		b.WriteByte(c)
		if c == '\n' {
			break
		}
	}
	fl.univ.settle(fl.r)
	return b.String(), nil
}

// Iter implements iteration by lines.
func (fl *File) Iter(f *Frame) (Object, *BaseException) {
	if fl.closed {
		return nil, NewValueError("I/O operation on closed file")
	}
	return fl, nil
}

// Next returns the next line.
func (fl *File) Next(f *Frame) (Object, *BaseException) {
	fl.mu.Lock()
	defer fl.mu.Unlock()
	s, err := fl.readLine(-1)
	if err != nil {
		return nil, err
	}
	if s == "" {
		return nil, nil
	}
	return NewStr(s), nil
}

// OpenFile is open(name, mode).
func OpenFile(f *Frame, name, mode string) (*File, *BaseException) {
	flag := os.O_RDONLY
	m := strings.ReplaceAll(mode, "b", "")
	univ := strings.Contains(m, "U")
	if univ {
		// CPython drops the U, then checks what the mode starts with
		m = strings.Replace(m, "U", "", 1)
		if strings.HasPrefix(m, "w") || strings.HasPrefix(m, "a") {
			return nil, NewValueError("universal newline mode can only be used with modes starting with 'r'")
		}
		if !strings.HasPrefix(m, "r") {
			m = "r" + m
		}
	}
	switch {
	case strings.HasPrefix(m, "r+"):
		flag = os.O_RDWR
	case strings.HasPrefix(m, "w+"):
		flag = os.O_RDWR | os.O_CREATE | os.O_TRUNC
	case strings.HasPrefix(m, "a+"):
		flag = os.O_RDWR | os.O_CREATE | os.O_APPEND
	case strings.HasPrefix(m, "r"), m == "":
		flag = os.O_RDONLY
	case strings.HasPrefix(m, "w"):
		flag = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	case strings.HasPrefix(m, "a"):
		flag = os.O_WRONLY | os.O_CREATE | os.O_APPEND
	default:
		return nil, NewValueError("mode string must begin with one of 'r', 'w', 'a' or 'U', not '" + mode + "'")
	}
	osf, err := os.OpenFile(name, flag, 0666)
	if err != nil {
		return nil, ioError(err, name)
	}
	if st, serr := osf.Stat(); serr == nil && st.IsDir() {
		osf.Close()
		e := NewExceptionArgs(IOErrorType, NewInt(21), NewStr("Is a directory"))
		e.Dict().setStr("filename", NewStr(name))
		return nil, e
	}
	fl := &File{name: name, mode: mode, f: osf, encoding: None}
	if flag&(os.O_WRONLY|os.O_RDWR) != 0 {
		fl.w = bufio.NewWriter(osf)
		trackWriter(fl)
	}
	if flag&os.O_WRONLY == 0 {
		fl.r = bufio.NewReader(osf)
		fl.univ.on = univ
	}
	return fl, nil
}

func selfFile(o Object) *File { return baseOf(o).(*File) }

func init() {
	t := FileType
	t.newFn = func(f *Frame, t *Type, args []Object, kw Kwargs) (Object, *BaseException) {
		var a [3]Object
		if err := ParseArgs("file", args, kw, []string{"name", "mode", "buffering"}, 1, a[:]); err != nil {
			return nil, err
		}
		name, ok := a[0].(*Str)
		if !ok {
			return nil, NewTypeError("coercing to Unicode: need string or buffer, " + a[0].Type().tpName() + " found")
		}
		return OpenFile(f, name.s, optStr(a[1], "r"))
	}
	t.def("write", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := OneArg("write", args, kw); err != nil {
			return nil, err
		}
		fl := selfFile(self)
		fl.mu.Lock()
		fl.softspace = false
		fl.mu.Unlock()
		switch v := args[0].(type) {
		case *Str:
			return None, fl.WriteString(v.s)
		case *Unicode:
			b, err := Encode(f, v.r, optStr(fl.encoding, defaultEncoding), "strict")
			if err != nil {
				return nil, err
			}
			return None, fl.WriteString(b.(*Str).s)
		}
		return nil, NewTypeError("expected a string or other character buffer object")
	})
	t.def("writelines", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := OneArg("writelines", args, kw); err != nil {
			return nil, err
		}
		items, err := ToSlice(f, args[0])
		if err != nil {
			return nil, err
		}
		for _, it := range items {
			if _, err := CallMethod(f, self, "write", []Object{it}, nil); err != nil {
				return nil, err
			}
		}
		return None, nil
	})
	t.def("read", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := UnpackArgs("read", args, kw, 0, 1); err != nil {
			return nil, err
		}
		fl := selfFile(self)
		n := -1
		if len(args) == 1 {
			v, err := IndexInt(f, args[0], "an integer is required")
			if err != nil {
				return nil, err
			}
			n = v
		}
		fl.mu.Lock()
		defer fl.mu.Unlock()
		if fl.closed {
			return nil, NewValueError("I/O operation on closed file")
		}
		if fl.r == nil {
			return nil, NewExceptionArgs(IOErrorType, NewInt(9), NewStr("Bad file descriptor"))
		}
		if fl == Stdin {
			Stdout.Flush()
		}
		if fl.univ.on {
			return NewStr(fl.univ.read(fl.r, n)), nil
		}
		if n < 0 {
			b, err := io.ReadAll(fl.r)
			if err != nil {
				return nil, ioError(err, "")
			}
			return NewStr(string(b)), nil
		}
		buf := make([]byte, n)
		m, _ := io.ReadFull(fl.r, buf)
		return NewStr(string(buf[:m])), nil
	})
	t.def("readline", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := UnpackArgs("readline", args, kw, 0, 1); err != nil {
			return nil, err
		}
		limit := -1
		if len(args) == 1 {
			v, err := IndexInt(f, args[0], "an integer is required")
			if err != nil {
				return nil, err
			}
			limit = v
		}
		fl := selfFile(self)
		fl.mu.Lock()
		defer fl.mu.Unlock()
		s, err := fl.readLine(limit)
		if err != nil {
			return nil, err
		}
		return NewStr(s), nil
	})
	t.def("readlines", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		fl := selfFile(self)
		fl.mu.Lock()
		defer fl.mu.Unlock()
		var out []Object
		for {
			s, err := fl.readLine(-1)
			if err != nil {
				return nil, err
			}
			if s == "" {
				return NewList(out...), nil
			}
			out = append(out, NewStr(s))
		}
	})
	t.def("close", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		fl := selfFile(self)
		fl.mu.Lock()
		defer fl.mu.Unlock()
		if fl.closed {
			return None, nil
		}
		if fl.w != nil {
			fl.w.Flush()
		}
		fl.closed = true
		if fl != Stdout && fl != Stderr && fl != Stdin {
			fl.f.Close()
		}
		if fl.onClose != nil {
			return fl.onClose()
		}
		return None, nil
	})
	t.def("flush", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		selfFile(self).Flush()
		return None, nil
	})
	t.def("fileno", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		return NewInt(int64(selfFile(self).f.Fd())), nil
	})
	t.def("isatty", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		st, err := selfFile(self).f.Stat()
		return NewBool(err == nil && st.Mode()&os.ModeCharDevice != 0), nil
	})
	t.def("seek", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		if err := UnpackArgs("seek", args, kw, 1, 2); err != nil {
			return nil, err
		}
		off, err := IndexInt(f, args[0], "an integer is required")
		if err != nil {
			return nil, err
		}
		whence := 0
		if len(args) == 2 {
			whence, err = IndexInt(f, args[1], "an integer is required")
			if err != nil {
				return nil, err
			}
		}
		fl := selfFile(self)
		fl.mu.Lock()
		defer fl.mu.Unlock()
		if fl.w != nil {
			fl.w.Flush()
		}
		if whence == 1 && fl.r != nil {
			off -= fl.r.Buffered()
		}
		if _, e := fl.f.Seek(int64(off), whence); e != nil {
			return nil, ioError(e, "")
		}
		fl.univ.skipLF = false
		if fl.r != nil {
			fl.r.Reset(fl.f)
		}
		return None, nil
	})
	t.def("tell", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		fl := selfFile(self)
		fl.mu.Lock()
		defer fl.mu.Unlock()
		if fl.w != nil {
			fl.w.Flush()
		}
		pos, e := fl.f.Seek(0, 1)
		if e != nil {
			return nil, ioError(e, "")
		}
		if fl.r != nil {
			pos -= int64(fl.r.Buffered())
		}
		return NewInt(pos), nil
	})
	t.def("__enter__", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		return self, nil
	})
	t.def("__exit__", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		_, err := CallMethod(f, self, "close", nil, nil)
		return None, err
	})
	t.dict.setStr("softspace", &GetSet{name: "softspace",
		get: func(f *Frame, o Object) (Object, *BaseException) {
			fl := selfFile(o)
			fl.mu.Lock()
			defer fl.mu.Unlock()
			return NewInt(b2i(fl.softspace)), nil
		},
		set: func(f *Frame, o Object, v Object) *BaseException {
			t, err := IsTrue(f, v)
			if err != nil {
				return err
			}
			fl := selfFile(o)
			fl.mu.Lock()
			fl.softspace = t
			fl.mu.Unlock()
			return nil
		}})
	t.dict.setStr("newlines", &GetSet{name: "newlines", get: func(f *Frame, o Object) (Object, *BaseException) {
		fl := selfFile(o)
		fl.mu.Lock()
		defer fl.mu.Unlock()
		return fl.univ.seen(), nil
	}})
	for _, name := range []string{"name", "mode", "closed", "encoding"} {
		name := name
		t.dict.setStr(name, &GetSet{name: name, get: func(f *Frame, o Object) (Object, *BaseException) {
			fl := selfFile(o)
			switch name {
			case "name":
				return NewStr(fl.name), nil
			case "mode":
				return NewStr(fl.mode), nil
			case "closed":
				return NewBool(fl.closed), nil
			}
			return fl.encoding, nil
		}})
	}
}

func b2i(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// GetSet is a Go-implemented attribute (CPython's getset_descriptor).
type GetSet struct {
	name string
	get  func(f *Frame, o Object) (Object, *BaseException)
	set  func(f *Frame, o Object, v Object) *BaseException
}

var getSetType = newBuiltinType("getset_descriptor", nil)

// Type implements Object.
func (g *GetSet) Type() *Type { return getSetType }

// DescrGet calls the getter.
func (g *GetSet) DescrGet(f *Frame, obj Object, t *Type) (Object, *BaseException) {
	if obj == nil {
		return g, nil
	}
	return g.get(f, obj)
}

// DescrSet calls the setter.
func (g *GetSet) DescrSet(f *Frame, obj Object, v Object) *BaseException {
	if g.set == nil || v == nil {
		return NewAttributeError("attribute '" + g.name + "' of '" + obj.Type().tpName() + "' objects is not writable")
	}
	return g.set(f, obj, v)
}

var _ DescrSetter = (*GetSet)(nil)
var _ Iterator = (*File)(nil)

// CloseTemporaryFile closes a file object the program never bound to a
// name, once the statement using it is done with it: `open(p, 'w').write(s)`
// has written to disk by the next statement, because CPython frees (and so
// closes) the file there. The transpiler calls it only for such
// temporaries; anything but a plain file is left alone.
func CloseTemporaryFile(f *Frame, o Object) {
	if fl, ok := o.(*File); ok && fl != Stdout && fl != Stderr && fl != Stdin {
		_, _ = CallMethod(f, fl, "close", nil, nil)
	}
}

// Popen is os.popen(command[, mode[, bufsize]]): the command runs under
// /bin/sh with its stdout (mode 'r') or stdin (mode 'w') on a pipe; close()
// waits for it and returns None for exit status 0, else the wait status.
func Popen(f *Frame, command, mode string) (Object, *BaseException) {
	if mode == "" {
		mode = "r"
	}
	if mode[0] != 'r' && mode[0] != 'w' {
		return nil, NewValueError("popen() arg 2 must be 'r' or 'w'")
	}
	var fds [2]int
	if err := syscall.Pipe2(fds[:], syscall.O_CLOEXEC); err != nil {
		return nil, osError(err)
	}
	files := []uintptr{0, 1, 2}
	mine := fds[0]
	if mode[0] == 'r' {
		files[1] = uintptr(fds[1])
	} else {
		files[0] = uintptr(fds[0])
		mine = fds[1]
	}
	pid, err := syscall.ForkExec("/bin/sh", []string{"sh", "-c", command}, &syscall.ProcAttr{Env: os.Environ(), Files: files})
	syscall.Close(fds[0] + fds[1] - mine)
	if err != nil {
		syscall.Close(mine)
		return nil, osError(err)
	}
	fl := NewFileFromOS(os.NewFile(uintptr(mine), command), command, mode[:1])
	fl.onClose = func() (Object, *BaseException) {
		var ws syscall.WaitStatus
		for {
			_, err := syscall.Wait4(pid, &ws, 0, nil)
			if err != syscall.EINTR {
				break
			}
		}
		if ws == 0 {
			return None, nil
		}
		return NewInt(int64(ws)), nil
	}
	return fl, nil
}
