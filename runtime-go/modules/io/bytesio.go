package iomod

import (
	"strings"
	"sync"

	"github.com/grumpy-audit/grumpy-audit/runtime-go/modules/internal/native"
	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

// memFile is the shared state of BytesIO (bytes) and StringIO (runes
// kept as a []rune): a buffer, a position that may lie past the end, and
// the closed flag; the per-instance __dict__ CPython gives both.
type bytesIO struct {
	mu     sync.Mutex
	buf    []byte
	pos    int
	closed bool
	dict   *py.Dict
}

var bytesIOType *py.Type

func (b *bytesIO) Type() *py.Type { return bytesIOType }
func (b *bytesIO) Dict() *py.Dict { return b.dict }
func (b *bytesIO) check() *py.BaseException {
	if b.closed {
		return closedErr()
	}
	return nil
}

// bio runs fn on the BytesIO under its lock, after the closed check.
func bio(name string, nargs int, fn func(f *py.Frame, b *bytesIO, args []py.Object) (py.Object, *py.BaseException)) native.Method {
	return func(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		if err := native.NoKwArgs(name, kw); err != nil {
			return nil, err
		}
		out := make([]py.Object, nargs)
		if nargs == 0 {
			if err := py.NoArgs(name, args, kw); err != nil {
				return nil, err
			}
		} else if err := native.ParseTuple(name, args, []string{"size", "whence"}[:nargs], 0, out); err != nil {
			return nil, err
		}
		b := self.(*bytesIO)
		b.mu.Lock()
		defer b.mu.Unlock()
		if err := b.check(); err != nil {
			return nil, err
		}
		return fn(f, b, out)
	}
}

// optSize converts an optional None-or-int argument (default def).
func optSize(f *py.Frame, o py.Object, def int) (int, *py.BaseException) {
	if o == nil || o == py.None {
		return def, nil
	}
	if _, ok := o.(*py.Float); ok {
		return 0, py.NewTypeError("integer argument expected, got float")
	}
	if _, ok := native.Big(f, o); !ok {
		return 0, py.NewTypeError("integer argument expected, got '" + o.Type().Name() + "'")
	}
	return native.Int(f, o)
}

func (b *bytesIO) read(n int) string {
	if b.pos >= len(b.buf) {
		return ""
	}
	end := len(b.buf)
	if n >= 0 && b.pos+n < end {
		end = b.pos + n
	}
	s := string(b.buf[b.pos:end])
	b.pos = end
	return s
}

func (b *bytesIO) readline(limit int) string {
	if b.pos >= len(b.buf) {
		return ""
	}
	end := len(b.buf)
	if i := strings.IndexByte(string(b.buf[b.pos:]), '\n'); i >= 0 {
		end = b.pos + i + 1
	}
	if limit >= 0 && end-b.pos > limit {
		end = b.pos + limit
	}
	s := string(b.buf[b.pos:end])
	b.pos = end
	return s
}

func (b *bytesIO) write(s string) {
	if end := b.pos + len(s); end > len(b.buf) {
		b.buf = append(b.buf, make([]byte, end-len(b.buf))...)
	}
	copy(b.buf[b.pos:], s)
	b.pos += len(s)
}

// bufferArg is the "s*" conversion of write and the constructor.
func bufferArg(f *py.Frame, o py.Object) (string, *py.BaseException) {
	switch v := py.BaseOf(o).(type) {
	case *py.Str:
		return v.Value(), nil
	case *py.ByteArray:
		s, err := py.ToStr(f, v)
		if err != nil {
			return "", err
		}
		return s.Value(), nil
	}
	return "", py.NewTypeError("'" + o.Type().Name() + "' does not have the buffer interface")
}

func initBytesIO() {
	methods := map[string]native.Method{
		"__init__": func(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			out := make([]py.Object, 1)
			if err := native.ParseKw("BytesIO", args, kw, []string{"initial_bytes"}, 0, out); err != nil {
				return nil, err
			}
			b := self.(*bytesIO)
			b.mu.Lock()
			defer b.mu.Unlock()
			b.buf, b.pos = nil, 0
			if out[0] != nil && out[0] != py.None {
				s, err := bufferArg(f, out[0])
				if err != nil {
					return nil, err
				}
				b.buf = []byte(s)
			}
			return py.None, nil
		},
		"getvalue": bio("getvalue", 0, func(f *py.Frame, b *bytesIO, _ []py.Object) (py.Object, *py.BaseException) {
			return py.NewStr(string(b.buf)), nil
		}),
		"read": bio("read", 1, func(f *py.Frame, b *bytesIO, a []py.Object) (py.Object, *py.BaseException) {
			n, err := optSize(f, a[0], -1)
			if err != nil {
				return nil, err
			}
			return py.NewStr(b.read(n)), nil
		}),
		"read1": func(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			if err := py.OneArg("read1", args, kw); err != nil {
				return nil, err
			}
			return call(f, self, "read", args[0])
		},
		"readline": bio("readline", 1, func(f *py.Frame, b *bytesIO, a []py.Object) (py.Object, *py.BaseException) {
			n, err := optSize(f, a[0], -1)
			if err != nil {
				return nil, err
			}
			return py.NewStr(b.readline(n)), nil
		}),
		"readlines": bio("readlines", 1, func(f *py.Frame, b *bytesIO, a []py.Object) (py.Object, *py.BaseException) {
			hint, err := optSize(f, a[0], 0)
			if err != nil {
				return nil, err
			}
			var lines []py.Object
			total := 0
			for {
				l := b.readline(-1)
				if l == "" {
					break
				}
				lines = append(lines, py.NewStr(l))
				total += len(l)
				if hint > 0 && total >= hint {
					break
				}
			}
			return py.NewList(lines...), nil
		}),
		"readinto": func(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			if err := py.OneArg("readinto", args, kw); err != nil {
				return nil, err
			}
			n, err := py.Len(f, args[0])
			if err != nil {
				return nil, err
			}
			b := self.(*bytesIO)
			b.mu.Lock()
			if err := b.check(); err != nil {
				b.mu.Unlock()
				return nil, err
			}
			s := b.read(n)
			b.mu.Unlock()
			if err := fillBuffer(f, args[0], s); err != nil {
				return nil, err
			}
			return offObj(int64(len(s))), nil
		},
		"write": func(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			if err := py.OneArg("write", args, kw); err != nil {
				return nil, err
			}
			b := self.(*bytesIO)
			b.mu.Lock()
			closed := b.closed
			b.mu.Unlock()
			if closed {
				return nil, closedErr()
			}
			s, err := bufferArg(f, args[0])
			if err != nil {
				return nil, err
			}
			b.mu.Lock()
			defer b.mu.Unlock()
			b.write(s)
			return offObj(int64(len(s))), nil
		},
		"seek": bio("seek", 2, func(f *py.Frame, b *bytesIO, a []py.Object) (py.Object, *py.BaseException) {
			if a[0] == nil {
				return nil, py.NewTypeError("seek() takes at least 1 argument (0 given)")
			}
			pos, err := native.Int(f, a[0])
			if err != nil {
				return nil, err
			}
			whence := 0
			if a[1] != nil {
				if whence, err = native.Int(f, a[1]); err != nil {
					return nil, err
				}
			}
			if pos < 0 && whence == 0 {
				return nil, py.NewValueError("negative seek value " + native.Itoa(pos))
			}
			switch whence {
			case 0:
			case 1:
				pos += b.pos
			case 2:
				pos += len(b.buf)
			default:
				return nil, py.NewValueError("invalid whence (" + native.Itoa(whence) + ", should be 0, 1 or 2)")
			}
			b.pos = max(pos, 0)
			return offObj(int64(b.pos)), nil
		}),
		"tell": bio("tell", 0, func(f *py.Frame, b *bytesIO, _ []py.Object) (py.Object, *py.BaseException) {
			return offObj(int64(b.pos)), nil
		}),
		"truncate": bio("truncate", 1, func(f *py.Frame, b *bytesIO, a []py.Object) (py.Object, *py.BaseException) {
			n, err := optSize(f, a[0], b.pos)
			if err != nil {
				return nil, err
			}
			if n < 0 {
				return nil, py.NewValueError("negative size value " + native.Itoa(n))
			}
			if n < len(b.buf) {
				b.buf = b.buf[:n]
			}
			return offObj(int64(n)), nil
		}),
		"close": func(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			if err := py.NoArgs("close", args, kw); err != nil {
				return nil, err
			}
			b := self.(*bytesIO)
			b.mu.Lock()
			defer b.mu.Unlock()
			b.closed, b.buf = true, nil
			return py.None, nil
		},
		"flush":    bio("flush", 0, func(*py.Frame, *bytesIO, []py.Object) (py.Object, *py.BaseException) { return py.None, nil }),
		"isatty":   bio("isatty", 0, func(*py.Frame, *bytesIO, []py.Object) (py.Object, *py.BaseException) { return py.False, nil }),
		"readable": bio("readable", 0, func(*py.Frame, *bytesIO, []py.Object) (py.Object, *py.BaseException) { return py.True, nil }),
		"writable": bio("writable", 0, func(*py.Frame, *bytesIO, []py.Object) (py.Object, *py.BaseException) { return py.True, nil }),
		"seekable": bio("seekable", 0, func(*py.Frame, *bytesIO, []py.Object) (py.Object, *py.BaseException) { return py.True, nil }),
		"__iter__": bio("__iter__", 0, func(f *py.Frame, b *bytesIO, _ []py.Object) (py.Object, *py.BaseException) { return b, nil }),
		"next": bio("next", 0, func(f *py.Frame, b *bytesIO, _ []py.Object) (py.Object, *py.BaseException) {
			l := b.readline(-1)
			if l == "" {
				return nil, py.NewExceptionArgs(py.StopIterationType)
			}
			return py.NewStr(l), nil
		}),
	}
	bytesIOType = native.NewType(native.TypeSpec{Name: "BytesIO", Module: "_io", Bases: []*py.Type{bufferedIOBaseType},
		Doc: "An in-memory binary stream.",
		New: func(f *py.Frame, t *py.Type, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			return native.Wrap(t, bytesIOType, &bytesIO{dict: py.NewDict()}), nil
		},
		Methods: methods,
		Getters: map[string]func(f *py.Frame, self py.Object) (py.Object, *py.BaseException){
			"closed": func(f *py.Frame, self py.Object) (py.Object, *py.BaseException) {
				b := self.(*bytesIO)
				b.mu.Lock()
				defer b.mu.Unlock()
				return py.NewBool(b.closed), nil
			},
		}})
	bytesIOType.SetHasDict()
}

// Iter implements iter(b).
func (b *bytesIO) Iter(f *py.Frame) (py.Object, *py.BaseException) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if err := b.check(); err != nil {
		return nil, err
	}
	return b, nil
}

// Next implements the line iteration.
func (b *bytesIO) Next(f *py.Frame) (py.Object, *py.BaseException) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if err := b.check(); err != nil {
		return nil, err
	}
	l := b.readline(-1)
	if l == "" {
		return nil, nil
	}
	return py.NewStr(l), nil
}

var (
	_ py.Iterator   = (*bytesIO)(nil)
	_ py.Iterabler  = (*bytesIO)(nil)
	_ py.DictHolder = (*bytesIO)(nil)
)
