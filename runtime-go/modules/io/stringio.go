package iomod

import (
	"sync"

	"github.com/grumpy-audit/grumpy-audit/runtime-go/modules/internal/native"
	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

// stringIO is _io.StringIO: a unicode buffer with TextIOWrapper's newline
// rules (newline=None translates on write, "" reads universal newlines
// untranslated, "\r"/"\r\n" translate "\n" on write).
type stringIO struct {
	mu        sync.Mutex
	buf       []rune
	pos       int
	closed    bool
	ok        bool // __init__ ran
	readnl    string
	universal bool // readuniversal: newline is None or ""
	writenl   string
	decoder   *nlDecoder
	dict      *py.Dict
}

var stringIOType *py.Type

func (s *stringIO) Type() *py.Type { return stringIOType }
func (s *stringIO) Dict() *py.Dict { return s.dict }

func (s *stringIO) check() *py.BaseException {
	if !s.ok {
		return py.NewValueError("I/O operation on uninitialized object")
	}
	if s.closed {
		return closedErr()
	}
	return nil
}

func (s *stringIO) write(text []rune) {
	if s.decoder != nil {
		text = s.decoder.decode(text, true)
	}
	if s.writenl != "" {
		var out []rune
		for _, c := range text {
			if c == '\n' {
				out = append(out, []rune(s.writenl)...)
			} else {
				out = append(out, c)
			}
		}
		text = out
	}
	if end := s.pos + len(text); end > len(s.buf) {
		s.buf = append(s.buf, make([]rune, end-len(s.buf))...)
	}
	copy(s.buf[s.pos:], text)
	s.pos += len(text)
}

// lineEnd finds the end (exclusive) of the line starting at start in
// text, or -1: universal untranslated mode ends lines at \r, \n or \r\n,
// otherwise at readnl.
func lineEnd(text []rune, start int, universal bool, readnl string) int {
	if universal && readnl == "" {
		for i := start; i < len(text); i++ {
			switch text[i] {
			case '\n':
				return i + 1
			case '\r':
				if i+1 < len(text) && text[i+1] == '\n' {
					return i + 2
				}
				return i + 1
			}
		}
		return -1
	}
	nl := []rune(readnl)
	if len(nl) == 0 {
		nl = []rune{'\n'}
	}
	for i := start; i+len(nl) <= len(text); i++ {
		if text[i] == nl[0] && (len(nl) == 1 || text[i+1] == nl[1]) {
			return i + len(nl)
		}
	}
	return -1
}

func (s *stringIO) readline(limit int) []rune {
	if s.pos >= len(s.buf) {
		return nil
	}
	end := lineEnd(s.buf, s.pos, s.universal, s.readnl)
	if end < 0 {
		end = len(s.buf)
	}
	if limit >= 0 && end-s.pos > limit {
		end = s.pos + limit
	}
	r := append([]rune(nil), s.buf[s.pos:end]...)
	s.pos = end
	return r
}

func sio(name string, nargs int, fn func(f *py.Frame, s *stringIO, args []py.Object) (py.Object, *py.BaseException)) native.Method {
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
		s := self.(*stringIO)
		s.mu.Lock()
		defer s.mu.Unlock()
		if err := s.check(); err != nil {
			return nil, err
		}
		return fn(f, s, out)
	}
}

// newlineArg validates the newline argument shared with TextIOWrapper;
// ok=false means None.
func newlineArg(o py.Object) (nl string, isNone bool, err *py.BaseException) {
	if o == nil || o == py.None {
		return "", true, nil
	}
	switch v := o.(type) {
	case *py.Str:
		nl = v.Value()
	case *py.Unicode:
		nl = string(v.Runes())
	default:
		return "", false, py.NewTypeError("newline must be str or None, not " + o.Type().Name())
	}
	switch nl {
	case "", "\n", "\r", "\r\n":
		return nl, false, nil
	}
	return "", false, py.NewValueError("illegal newline value: " + nl)
}

func initStringIO() {
	methods := map[string]native.Method{
		"__init__": func(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			out := make([]py.Object, 2)
			if err := native.ParseKw("StringIO", args, kw, []string{"initial_value", "newline"}, 0, out); err != nil {
				return nil, err
			}
			nlObj := out[1]
			if nlObj == nil {
				nlObj = py.NewStr("\n")
			}
			nl, none, err := newlineArg(nlObj)
			if err != nil {
				return nil, err
			}
			var initial []rune
			if out[0] != nil && out[0] != py.None {
				u, ok := out[0].(*py.Unicode)
				if !ok {
					return nil, py.NewTypeError("initial_value must be unicode or None, not " + out[0].Type().Name())
				}
				initial = u.Runes()
			}
			s := self.(*stringIO)
			s.mu.Lock()
			defer s.mu.Unlock()
			s.buf, s.pos, s.closed, s.ok = nil, 0, false, true
			s.readnl, s.universal, s.writenl, s.decoder = nl, none || nl == "", "", nil
			if nl != "" && nl[0] == '\r' {
				s.writenl = nl
			}
			if s.universal {
				s.decoder = &nlDecoder{translate: none}
			}
			if len(initial) > 0 {
				s.write(initial)
				s.pos = 0
			}
			return py.None, nil
		},
		"getvalue": sio("getvalue", 0, func(f *py.Frame, s *stringIO, _ []py.Object) (py.Object, *py.BaseException) {
			return py.NewUnicodeRunes(append([]rune(nil), s.buf...)), nil
		}),
		"read": sio("read", 1, func(f *py.Frame, s *stringIO, a []py.Object) (py.Object, *py.BaseException) {
			n, err := optSize(f, a[0], -1)
			if err != nil {
				return nil, err
			}
			if s.pos >= len(s.buf) {
				return py.NewUnicode(""), nil
			}
			end := len(s.buf)
			if n >= 0 && s.pos+n < end {
				end = s.pos + n
			}
			r := append([]rune(nil), s.buf[s.pos:end]...)
			s.pos = end
			return py.NewUnicodeRunes(r), nil
		}),
		"readline": sio("readline", 1, func(f *py.Frame, s *stringIO, a []py.Object) (py.Object, *py.BaseException) {
			n, err := optSize(f, a[0], -1)
			if err != nil {
				return nil, err
			}
			return py.NewUnicodeRunes(s.readline(n)), nil
		}),
		"write": func(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			if err := py.OneArg("write", args, kw); err != nil {
				return nil, err
			}
			s := self.(*stringIO)
			s.mu.Lock()
			defer s.mu.Unlock()
			if err := s.check(); err != nil {
				return nil, err
			}
			u, ok := args[0].(*py.Unicode)
			if !ok {
				return nil, py.NewTypeError("unicode argument expected, got '" + args[0].Type().Name() + "'")
			}
			s.write(u.Runes())
			return offObj(int64(len(u.Runes()))), nil
		},
		"seek": sio("seek", 2, func(f *py.Frame, s *stringIO, a []py.Object) (py.Object, *py.BaseException) {
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
			switch {
			case whence != 0 && whence != 1 && whence != 2:
				return nil, py.NewValueError("Invalid whence (" + native.Itoa(whence) + ", should be 0, 1 or 2)")
			case pos < 0 && whence == 0:
				return nil, py.NewValueError("Negative seek position " + native.Itoa(pos))
			case whence != 0 && pos != 0:
				return nil, py.NewException(py.IOErrorType, "Can't do nonzero cur-relative seeks")
			}
			if whence == 2 {
				pos = len(s.buf)
			} else if whence == 1 {
				pos = s.pos
			}
			s.pos = pos
			return offObj(int64(pos)), nil
		}),
		"tell": sio("tell", 0, func(f *py.Frame, s *stringIO, _ []py.Object) (py.Object, *py.BaseException) {
			return offObj(int64(s.pos)), nil
		}),
		"truncate": sio("truncate", 1, func(f *py.Frame, s *stringIO, a []py.Object) (py.Object, *py.BaseException) {
			n, err := optSize(f, a[0], s.pos)
			if err != nil {
				return nil, err
			}
			if n < 0 {
				return nil, py.NewValueError("Negative size value " + native.Itoa(n))
			}
			if n < len(s.buf) {
				s.buf = s.buf[:n]
			}
			return offObj(int64(n)), nil
		}),
		"close": func(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			if err := py.NoArgs("close", args, kw); err != nil {
				return nil, err
			}
			s := self.(*stringIO)
			s.mu.Lock()
			defer s.mu.Unlock()
			s.closed, s.buf = true, nil
			return py.None, nil
		},
		"readable": sio("readable", 0, func(*py.Frame, *stringIO, []py.Object) (py.Object, *py.BaseException) { return py.True, nil }),
		"writable": sio("writable", 0, func(*py.Frame, *stringIO, []py.Object) (py.Object, *py.BaseException) { return py.True, nil }),
		"seekable": sio("seekable", 0, func(*py.Frame, *stringIO, []py.Object) (py.Object, *py.BaseException) { return py.True, nil }),
		"next": sio("next", 0, func(f *py.Frame, s *stringIO, _ []py.Object) (py.Object, *py.BaseException) {
			l := s.readline(-1)
			if len(l) == 0 {
				return nil, py.NewExceptionArgs(py.StopIterationType)
			}
			return py.NewUnicodeRunes(l), nil
		}),
	}
	getters := map[string]func(f *py.Frame, self py.Object) (py.Object, *py.BaseException){
		"closed": func(f *py.Frame, self py.Object) (py.Object, *py.BaseException) {
			s := self.(*stringIO)
			s.mu.Lock()
			defer s.mu.Unlock()
			if !s.ok {
				return nil, py.NewValueError("I/O operation on uninitialized object")
			}
			return py.NewBool(s.closed), nil
		},
		"line_buffering": func(f *py.Frame, self py.Object) (py.Object, *py.BaseException) {
			s := self.(*stringIO)
			s.mu.Lock()
			defer s.mu.Unlock()
			if err := s.check(); err != nil {
				return nil, err
			}
			return py.False, nil
		},
		"newlines": func(f *py.Frame, self py.Object) (py.Object, *py.BaseException) {
			s := self.(*stringIO)
			s.mu.Lock()
			defer s.mu.Unlock()
			if err := s.check(); err != nil {
				return nil, err
			}
			if s.decoder == nil {
				return py.None, nil
			}
			return s.decoder.newlines(), nil
		},
	}
	stringIOType = native.NewType(native.TypeSpec{Name: "StringIO", Module: "_io", Bases: []*py.Type{textIOBaseType},
		Doc: "An in-memory text stream.",
		New: func(f *py.Frame, t *py.Type, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			return native.Wrap(t, stringIOType, &stringIO{dict: py.NewDict()}), nil
		},
		Methods: methods, Getters: getters})
	stringIOType.SetHasDict()
}

// Iter implements iter(s).
func (s *stringIO) Iter(f *py.Frame) (py.Object, *py.BaseException) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.check(); err != nil {
		return nil, err
	}
	return s, nil
}

// Next implements the line iteration.
func (s *stringIO) Next(f *py.Frame) (py.Object, *py.BaseException) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.check(); err != nil {
		return nil, err
	}
	l := s.readline(-1)
	if len(l) == 0 {
		return nil, nil
	}
	return py.NewUnicodeRunes(l), nil
}

var (
	_ py.Iterator   = (*stringIO)(nil)
	_ py.Iterabler  = (*stringIO)(nil)
	_ py.DictHolder = (*stringIO)(nil)
)
