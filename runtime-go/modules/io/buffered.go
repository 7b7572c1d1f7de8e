package iomod

import (
	"strings"
	"sync"

	"github.com/grumpy-audit/grumpy-audit/runtime-go/modules/internal/native"
	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

// buffered is BufferedReader, BufferedWriter and BufferedRandom over a
// raw stream (any object with the RawIOBase methods): reads are served
// from a read-ahead buffer, writes collect in a write buffer flushed when
// it exceeds buffer_size, on flush/seek/close, and before a read.
type buffered struct {
	mu       sync.Mutex
	kind     *py.Type
	raw      py.Object // nil once detached
	ok       bool      // __init__ ran
	size     int
	rbuf     []byte
	wbuf     []byte
	canRead  bool
	canWrite bool
	dict     *py.Dict
}

var bufferedReaderType, bufferedWriterType, bufferedRandomType, bufferedRWPairType *py.Type

func (b *buffered) Type() *py.Type { return b.kind }
func (b *buffered) Dict() *py.Dict { return b.dict }

func (b *buffered) check() *py.BaseException {
	if !b.ok {
		return py.NewValueError("I/O operation on uninitialized object")
	}
	if b.raw == nil {
		return py.NewValueError("raw stream has been detached")
	}
	return nil
}

func (b *buffered) checkClosed(f *py.Frame) *py.BaseException {
	c, err := isClosed(f, b.raw)
	if err != nil {
		return err
	}
	if c {
		return closedErr()
	}
	return nil
}

// fill reads one chunk from raw into the read buffer; false at EOF (or
// when a non-blocking raw stream has nothing: none is true then).
func (b *buffered) fill(f *py.Frame, n int) (ok, none bool, err *py.BaseException) {
	r, err := call(f, b.raw, "read", py.NewInt(int64(max(n, b.size))))
	if err != nil {
		return false, false, err
	}
	if r == py.None {
		return false, true, nil
	}
	s, err := bytesOf(f, r, "read()")
	if err != nil {
		return false, false, err
	}
	if s == "" {
		return false, false, nil
	}
	b.rbuf = append(b.rbuf, s...)
	return true, false, nil
}

// flushWrites writes the whole write buffer to raw.
func (b *buffered) flushWrites(f *py.Frame) *py.BaseException {
	for len(b.wbuf) > 0 {
		r, err := call(f, b.raw, "write", py.NewStr(string(b.wbuf)))
		if err != nil {
			return err
		}
		if r == py.None {
			return py.NewExceptionArgs(blockingIOError, py.NewInt(11), py.NewStr("write could not complete without blocking"))
		}
		n, err := native.Int(f, r)
		if err != nil {
			return err
		}
		if n < 0 || n > len(b.wbuf) {
			return py.NewException(py.IOErrorType, "raw write() returned invalid length "+native.Itoa(n)+" (should have been between 0 and "+native.Itoa(len(b.wbuf))+")")
		}
		b.wbuf = b.wbuf[n:]
	}
	b.wbuf = nil
	return nil
}

// dropReadAhead moves raw back over unread buffered bytes (before a write
// or seek), as BufferedRandom does.
func (b *buffered) dropReadAhead(f *py.Frame) *py.BaseException {
	if len(b.rbuf) == 0 {
		return nil
	}
	n := len(b.rbuf)
	b.rbuf = nil
	_, err := call(f, b.raw, "seek", py.NewInt(int64(-n)), py.NewInt(1))
	return err
}

func (b *buffered) read(f *py.Frame, n int) (py.Object, *py.BaseException) {
	if err := b.flushWrites(f); err != nil {
		return nil, err
	}
	if n < 0 {
		for {
			ok, none, err := b.fill(f, b.size)
			if err != nil {
				return nil, err
			}
			if none && len(b.rbuf) == 0 {
				return py.None, nil
			}
			if !ok {
				break
			}
		}
		s := string(b.rbuf)
		b.rbuf = nil
		return py.NewStr(s), nil
	}
	for len(b.rbuf) < n {
		ok, none, err := b.fill(f, n-len(b.rbuf))
		if err != nil {
			return nil, err
		}
		if none && len(b.rbuf) == 0 {
			return py.None, nil
		}
		if !ok {
			break
		}
	}
	k := min(n, len(b.rbuf))
	s := string(b.rbuf[:k])
	b.rbuf = b.rbuf[k:]
	return py.NewStr(s), nil
}

func (b *buffered) readline(f *py.Frame, limit int) (py.Object, *py.BaseException) {
	if err := b.flushWrites(f); err != nil {
		return nil, err
	}
	scanned := 0
	for {
		if i := strings.IndexByte(string(b.rbuf[scanned:]), '\n'); i >= 0 {
			end := scanned + i + 1
			if limit >= 0 && end > limit {
				end = limit
			}
			s := string(b.rbuf[:end])
			b.rbuf = b.rbuf[end:]
			return py.NewStr(s), nil
		}
		scanned = len(b.rbuf)
		if limit >= 0 && len(b.rbuf) >= limit {
			break
		}
		ok, _, err := b.fill(f, b.size)
		if err != nil {
			return nil, err
		}
		if !ok {
			break
		}
	}
	end := len(b.rbuf)
	if limit >= 0 && end > limit {
		end = limit
	}
	s := string(b.rbuf[:end])
	b.rbuf = b.rbuf[end:]
	return py.NewStr(s), nil
}

func (b *buffered) write(f *py.Frame, s string) (py.Object, *py.BaseException) {
	if err := b.dropReadAhead(f); err != nil {
		return nil, err
	}
	b.wbuf = append(b.wbuf, s...)
	if len(b.wbuf) > b.size {
		if err := b.flushWrites(f); err != nil {
			return nil, err
		}
	}
	return offObj(int64(len(s))), nil
}

func (b *buffered) tell(f *py.Frame) (py.Object, *py.BaseException) {
	r, err := call(f, b.raw, "tell")
	if err != nil {
		return nil, err
	}
	pos, err := native.Int(f, r)
	if err != nil {
		return nil, err
	}
	pos = pos - len(b.rbuf) + len(b.wbuf)
	if pos < 0 {
		pos = 0
	}
	return offObj(int64(pos)), nil
}

// bm wraps a method: lock, check initialised and attached, and (unless
// closedOK) not closed.
func bm(name string, closedOK bool, fn func(f *py.Frame, b *buffered, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException)) native.Method {
	return func(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		b := self.(*buffered)
		b.mu.Lock()
		defer b.mu.Unlock()
		if err := b.check(); err != nil {
			return nil, err
		}
		if !closedOK {
			if err := b.checkClosed(f); err != nil {
				return nil, err
			}
		}
		return fn(f, b, args, kw)
	}
}

// passthrough forwards a no-argument method to raw.
func passthrough(name string) native.Method {
	return bm(name, true, func(f *py.Frame, b *buffered, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		if err := py.NoArgs(name, args, kw); err != nil {
			return nil, err
		}
		return call(f, b.raw, name)
	})
}

func bufferedInit(kind *py.Type, fname string, canRead, canWrite bool) native.Method {
	return func(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		names := []string{"raw", "buffer_size"}
		out := make([]py.Object, 3)
		if canWrite {
			names = append(names, "max_buffer_size")
		} else {
			out = out[:2]
		}
		if err := native.ParseKw(fname, args, kw, names, 1, out); err != nil {
			return nil, err
		}
		raw := out[0]
		if canRead {
			if err := checkAbility(f, raw, "read"); err != nil {
				return nil, err
			}
		}
		if canWrite {
			if err := checkAbility(f, raw, "writ"); err != nil {
				return nil, err
			}
		}
		if canRead && canWrite {
			if err := checkAbility(f, raw, "seek"); err != nil {
				return nil, err
			}
		}
		size := defaultBufferSize
		if out[1] != nil {
			n, err := native.Int(f, out[1])
			if err != nil {
				return nil, err
			}
			if n <= 0 {
				return nil, py.NewValueError("buffer size must be strictly positive")
			}
			size = n
		}
		b := self.(*buffered)
		b.mu.Lock()
		defer b.mu.Unlock()
		b.raw, b.ok, b.size, b.rbuf, b.wbuf = raw, true, size, nil, nil
		return py.None, nil
	}
}

func initBuffered() {
	common := map[string]native.Method{
		"flush": bm("flush", false, func(f *py.Frame, b *buffered, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			if err := py.NoArgs("flush", args, kw); err != nil {
				return nil, err
			}
			if err := b.flushWrites(f); err != nil {
				return nil, err
			}
			if b.canWrite {
				return call(f, b.raw, "flush")
			}
			return py.None, nil
		}),
		"close": bm("close", true, func(f *py.Frame, b *buffered, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			if err := py.NoArgs("close", args, kw); err != nil {
				return nil, err
			}
			c, err := isClosed(f, b.raw)
			if err != nil {
				return nil, err
			}
			if c {
				return py.None, nil
			}
			ferr := b.flushWrites(f)
			if ferr == nil && b.canWrite {
				_, ferr = call(f, b.raw, "flush")
			}
			if _, err := call(f, b.raw, "close"); err != nil {
				return nil, err
			}
			if ferr != nil {
				return nil, ferr
			}
			return py.None, nil
		}),
		"detach": bm("detach", true, func(f *py.Frame, b *buffered, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			if err := py.NoArgs("detach", args, kw); err != nil {
				return nil, err
			}
			if err := b.flushWrites(f); err != nil {
				return nil, err
			}
			raw := b.raw
			b.raw = nil
			return raw, nil
		}),
		"seek": bm("seek", false, func(f *py.Frame, b *buffered, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			if err := native.NoKwArgs("seek", kw); err != nil {
				return nil, err
			}
			out := make([]py.Object, 2)
			if err := native.ParseTuple("seek", args, []string{"target", "whence"}, 1, out); err != nil {
				return nil, err
			}
			pos, err := native.Int(f, out[0])
			if err != nil {
				return nil, err
			}
			whence := 0
			if out[1] != nil {
				if whence, err = native.Int(f, out[1]); err != nil {
					return nil, err
				}
			}
			if whence < 0 || whence > 2 {
				return nil, py.NewValueError("whence must be between 0 and 2, not " + native.Itoa(whence))
			}
			if err := b.flushWrites(f); err != nil {
				return nil, err
			}
			if whence == 1 {
				pos -= len(b.rbuf)
			}
			b.rbuf = nil
			return call(f, b.raw, "seek", py.NewInt(int64(pos)), py.NewInt(int64(whence)))
		}),
		"tell": bm("tell", true, func(f *py.Frame, b *buffered, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			if err := py.NoArgs("tell", args, kw); err != nil {
				return nil, err
			}
			return b.tell(f)
		}),
		"truncate": bm("truncate", false, func(f *py.Frame, b *buffered, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			if err := native.NoKwArgs("truncate", kw); err != nil {
				return nil, err
			}
			out := make([]py.Object, 1)
			if err := native.ParseTuple("truncate", args, []string{"pos"}, 0, out); err != nil {
				return nil, err
			}
			if !b.canWrite {
				return nil, unsupported("truncate")
			}
			if err := b.flushWrites(f); err != nil {
				return nil, err
			}
			pos := out[0]
			if pos == nil || pos == py.None {
				p, err := b.tell(f)
				if err != nil {
					return nil, err
				}
				pos = p
			}
			if err := b.dropReadAhead(f); err != nil {
				return nil, err
			}
			return call(f, b.raw, "truncate", pos)
		}),
		"fileno":   passthrough("fileno"),
		"isatty":   passthrough("isatty"),
		"seekable": passthrough("seekable"),
		"readable": passthrough("readable"),
		"writable": passthrough("writable"),
	}
	readers := map[string]native.Method{
		"read": bm("read", false, func(f *py.Frame, b *buffered, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			n, err := sizeArg(f, "read", args, kw, -1)
			if err != nil {
				return nil, err
			}
			if n < -1 {
				return nil, py.NewValueError("read length must be positive or -1")
			}
			return b.read(f, n)
		}),
		"read1": bm("read1", false, func(f *py.Frame, b *buffered, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			if err := native.NoKwArgs("read1", kw); err != nil {
				return nil, err
			}
			out := make([]py.Object, 1)
			if err := native.ParseTuple("read1", args, []string{"n"}, 1, out); err != nil {
				return nil, err
			}
			n, err := native.Int(f, out[0])
			if err != nil {
				return nil, err
			}
			if n < 0 {
				return nil, py.NewValueError("read length must be positive")
			}
			if err := b.flushWrites(f); err != nil {
				return nil, err
			}
			if n == 0 {
				return py.NewStr(""), nil
			}
			if len(b.rbuf) == 0 {
				if _, _, err := b.fill(f, b.size); err != nil {
					return nil, err
				}
			}
			k := min(n, len(b.rbuf))
			s := string(b.rbuf[:k])
			b.rbuf = b.rbuf[k:]
			return py.NewStr(s), nil
		}),
		"peek": bm("peek", false, func(f *py.Frame, b *buffered, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			if err := native.NoKwArgs("peek", kw); err != nil {
				return nil, err
			}
			out := make([]py.Object, 1)
			if err := native.ParseTuple("peek", args, []string{"n"}, 0, out); err != nil {
				return nil, err
			}
			if err := b.flushWrites(f); err != nil {
				return nil, err
			}
			if len(b.rbuf) == 0 {
				if _, _, err := b.fill(f, b.size); err != nil {
					return nil, err
				}
			}
			return py.NewStr(string(b.rbuf)), nil
		}),
		"readline": bm("readline", false, func(f *py.Frame, b *buffered, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			n, err := sizeArg(f, "readline", args, kw, -1)
			if err != nil {
				return nil, err
			}
			return b.readline(f, n)
		}),
		"next": bm("next", false, func(f *py.Frame, b *buffered, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			if err := py.NoArgs("next", args, kw); err != nil {
				return nil, err
			}
			l, err := b.readline(f, -1)
			if err != nil {
				return nil, err
			}
			if l.(*py.Str).Value() == "" {
				return nil, py.NewExceptionArgs(py.StopIterationType)
			}
			return l, nil
		}),
	}
	writers := map[string]native.Method{
		"write": bm("write", false, func(f *py.Frame, b *buffered, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			if err := py.OneArg("write", args, kw); err != nil {
				return nil, err
			}
			var s string
			if u, ok := args[0].(*py.Unicode); ok {
				e, err := py.Encode(f, u.Runes(), "ascii", "strict")
				if err != nil {
					return nil, err
				}
				s = e.(*py.Str).Value()
			} else {
				var err *py.BaseException
				if s, err = bufferArg(f, args[0]); err != nil {
					return nil, err
				}
			}
			return b.write(f, s)
		}),
	}
	getters := map[string]func(f *py.Frame, self py.Object) (py.Object, *py.BaseException){
		"raw": func(f *py.Frame, self py.Object) (py.Object, *py.BaseException) {
			b := self.(*buffered)
			b.mu.Lock()
			defer b.mu.Unlock()
			if err := b.check(); err != nil {
				return nil, err
			}
			return b.raw, nil
		},
	}
	for _, n := range []string{"closed", "name", "mode"} {
		n := n
		getters[n] = func(f *py.Frame, self py.Object) (py.Object, *py.BaseException) {
			b := self.(*buffered)
			b.mu.Lock()
			raw := b.raw
			err := b.check()
			b.mu.Unlock()
			if err != nil {
				return nil, err
			}
			return py.GetAttr(f, raw, n)
		}
	}
	mk := func(name, doc string, canRead, canWrite bool) *py.Type {
		ms := map[string]native.Method{}
		for k, v := range common {
			ms[k] = v
		}
		if canRead {
			for k, v := range readers {
				ms[k] = v
			}
		}
		if canWrite {
			for k, v := range writers {
				ms[k] = v
			}
		}
		var t *py.Type
		ms["__init__"] = func(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			return bufferedInit(t, name, canRead, canWrite)(f, self, args, kw)
		}
		t = native.NewType(native.TypeSpec{Name: name, Module: "_io", Bases: []*py.Type{bufferedIOBaseType}, Doc: doc,
			New: func(f *py.Frame, sub *py.Type, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
				return native.Wrap(sub, t, &buffered{kind: t, canRead: canRead, canWrite: canWrite, dict: py.NewDict()}), nil
			},
			Methods: ms, Getters: getters})
		t.SetHasDict()
		return t
	}
	bufferedReaderType = mk("BufferedReader", "Buffered reading from a raw stream.", true, false)
	bufferedWriterType = mk("BufferedWriter", "Buffered writing to a raw stream.", false, true)
	bufferedRandomType = mk("BufferedRandom", "Buffered reading and writing on a seekable raw stream.", true, true)
	initRWPair()
}

// Iter implements iter(b).
func (b *buffered) Iter(f *py.Frame) (py.Object, *py.BaseException) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if err := b.check(); err != nil {
		return nil, err
	}
	if err := b.checkClosed(f); err != nil {
		return nil, err
	}
	return b, nil
}

// Next implements line iteration (readers only).
func (b *buffered) Next(f *py.Frame) (py.Object, *py.BaseException) {
	if !b.canRead {
		return nil, unsupported("read")
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if err := b.check(); err != nil {
		return nil, err
	}
	l, err := b.readline(f, -1)
	if err != nil {
		return nil, err
	}
	if l.(*py.Str).Value() == "" {
		return nil, nil
	}
	return l, nil
}

// Repr is <_io.BufferedReader name='x'>.
func (b *buffered) Repr(f *py.Frame) (string, *py.BaseException) {
	name := "_io." + b.kind.Name()
	if b.raw != nil {
		if n, err := py.GetAttr(f, b.raw, "name"); err == nil {
			r, err := py.Repr(f, n)
			if err != nil {
				return "", err
			}
			return "<" + name + " name=" + r.Value() + ">", nil
		}
	}
	return "<" + name + ">", nil
}

var (
	_ py.Iterator   = (*buffered)(nil)
	_ py.Iterabler  = (*buffered)(nil)
	_ py.Reprer     = (*buffered)(nil)
	_ py.DictHolder = (*buffered)(nil)
)

// rwPair is BufferedRWPair: a BufferedReader and a BufferedWriter over
// two raw streams, used as one.
type rwPair struct {
	reader, writer py.Object
	dict           *py.Dict
}

func (p *rwPair) Type() *py.Type { return bufferedRWPairType }
func (p *rwPair) Dict() *py.Dict { return p.dict }

func initRWPair() {
	fwd := func(name string, toWriter bool) native.Method {
		return func(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			p := self.(*rwPair)
			if p.reader == nil {
				return nil, py.NewValueError("I/O operation on uninitialized object")
			}
			target := p.reader
			if toWriter {
				target = p.writer
			}
			return py.CallMethod(f, target, name, args, kw)
		}
	}
	ms := map[string]native.Method{
		"__init__": func(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			out := make([]py.Object, 4)
			if err := native.ParseKw("BufferedRWPair", args, kw, []string{"reader", "writer", "buffer_size", "max_buffer_size"}, 2, out); err != nil {
				return nil, err
			}
			if err := checkAbility(f, out[0], "read"); err != nil {
				return nil, err
			}
			if err := checkAbility(f, out[1], "writ"); err != nil {
				return nil, err
			}
			sz := []py.Object{}
			if out[2] != nil {
				sz = append(sz, out[2])
			}
			r, err := py.Call(f, bufferedReaderType, append([]py.Object{out[0]}, sz...), nil)
			if err != nil {
				return nil, err
			}
			w, err := py.Call(f, bufferedWriterType, append([]py.Object{out[1]}, sz...), nil)
			if err != nil {
				return nil, err
			}
			p := self.(*rwPair)
			p.reader, p.writer = r, w
			return py.None, nil
		},
		"read": fwd("read", false), "read1": fwd("read1", false), "peek": fwd("peek", false),
		"readinto": fwd("readinto", false), "readable": fwd("readable", false),
		"write": fwd("write", true), "flush": fwd("flush", true), "writable": fwd("writable", true),
		"isatty": func(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			p := self.(*rwPair)
			r, err := call(f, p.writer, "isatty")
			if err != nil {
				return nil, err
			}
			if t, _ := py.IsTrue(f, r); t {
				return r, nil
			}
			return call(f, p.reader, "isatty")
		},
		"close": func(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			p := self.(*rwPair)
			if _, err := call(f, p.writer, "close"); err != nil {
				return nil, err
			}
			return call(f, p.reader, "close")
		},
	}
	bufferedRWPairType = native.NewType(native.TypeSpec{Name: "BufferedRWPair", Module: "_io", Bases: []*py.Type{bufferedIOBaseType},
		Doc: "A buffered reader and a buffered writer used as one stream.",
		New: func(f *py.Frame, t *py.Type, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			return native.Wrap(t, bufferedRWPairType, &rwPair{dict: py.NewDict()}), nil
		},
		Methods: ms,
		Getters: map[string]func(f *py.Frame, self py.Object) (py.Object, *py.BaseException){
			"closed": func(f *py.Frame, self py.Object) (py.Object, *py.BaseException) {
				return py.GetAttr(f, self.(*rwPair).writer, "closed")
			},
		}})
	bufferedRWPairType.SetHasDict()
}
