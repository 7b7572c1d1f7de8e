// Package cstringio is CPython 2.7's cStringIO module: fast in-memory
// files. StringIO() makes a writable StringO; StringIO(s) a read-only
// StringI over s (unicode is encoded as ASCII, as 2.7's buffer conversion
// does).
//
// Members:
//
//	StringIO([s])   StringO or StringI
//	InputType       the StringI type: close closed flush getvalue isatty
//	                next read readline readlines reset seek tell truncate
//	                __iter__
//	OutputType      the StringO type: the above plus write writelines
//	                softspace
//
// cStringIO_CAPI (a C capsule) is not provided.
package cstringio

import (
	"strings"
	"sync"

	"github.com/grumpy-audit/grumpy-audit/runtime-go/modules/internal/native"
	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

var inputType, outputType *py.Type

// sio is either kind; writable tells them apart.
type sio struct {
	mu        sync.Mutex
	buf       []byte
	pos       int
	closed    bool
	writable  bool
	softspace py.Object
}

func (s *sio) Type() *py.Type {
	if s.writable {
		return outputType
	}
	return inputType
}

func init() {
	common := map[string]native.Method{
		"close":     m0("close", func(s *sio) (py.Object, *py.BaseException) { s.closed = true; s.buf = nil; return py.None, nil }),
		"flush":     m0("flush", func(s *sio) (py.Object, *py.BaseException) { return py.None, s.check() }),
		"isatty":    m0("isatty", func(s *sio) (py.Object, *py.BaseException) { return py.False, s.check() }),
		"reset":     m0("reset", func(s *sio) (py.Object, *py.BaseException) { s.pos = 0; return py.None, s.check() }),
		"tell":      m0("tell", func(s *sio) (py.Object, *py.BaseException) { return py.NewInt(int64(s.pos)), s.check() }),
		"getvalue":  getvalue,
		"read":      read,
		"readline":  readline,
		"readlines": readlines,
		"seek":      seek,
		"truncate":  truncate,
		"__iter__": func(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			if err := py.NoArgs("__iter__", args, kw); err != nil {
				return nil, err
			}
			s := self.(*sio)
			s.mu.Lock()
			defer s.mu.Unlock()
			if err := s.check(); err != nil {
				return nil, err
			}
			return self, nil
		},
		"next": native.NextMethod,
	}
	closed := map[string]func(f *py.Frame, self py.Object) (py.Object, *py.BaseException){
		"closed": func(f *py.Frame, self py.Object) (py.Object, *py.BaseException) {
			s := self.(*sio)
			s.mu.Lock()
			defer s.mu.Unlock()
			return py.NewBool(s.closed), nil
		},
	}
	inputType = native.NewType(native.TypeSpec{Name: "StringI", Module: "cStringIO", Doc: "Simple type for treating strings as input file streams",
		Methods: common, Getters: closed})
	out := map[string]native.Method{"write": write, "writelines": writelines}
	for k, v := range common {
		out[k] = v
	}
	outGetters := map[string]func(f *py.Frame, self py.Object) (py.Object, *py.BaseException){
		"closed": closed["closed"],
		"softspace": func(f *py.Frame, self py.Object) (py.Object, *py.BaseException) {
			s := self.(*sio)
			s.mu.Lock()
			defer s.mu.Unlock()
			return s.softspace, nil
		},
	}
	outputType = native.NewType(native.TypeSpec{Name: "StringO", Module: "cStringIO", Doc: "Simple type for output to strings.",
		Methods: out, Getters: outGetters,
		Setters: map[string]func(f *py.Frame, self py.Object, v py.Object) *py.BaseException{
			"softspace": func(f *py.Frame, self py.Object, v py.Object) *py.BaseException {
				if _, ok := v.(*py.Int); !ok {
					return py.NewTypeError("an integer is required")
				}
				s := self.(*sio)
				s.mu.Lock()
				defer s.mu.Unlock()
				s.softspace = v
				return nil
			},
		}})
	native.Register("cStringIO", "A simple fast partial StringIO replacement.", func() []native.Member {
		return []native.Member{
			native.F("StringIO", newStringIO),
			native.V("InputType", inputType),
			native.V("OutputType", outputType),
		}
	})
}

// bytesArg is the "s#"/"s*" conversion with the caller's name in errors.
func bytesArg(f *py.Frame, fname string, o py.Object) (string, *py.BaseException) {
	switch v := py.BaseOf(o).(type) {
	case *py.Str:
		return v.Value(), nil
	case *py.Unicode:
		e, err := py.Encode(f, v.Runes(), "ascii", "strict")
		if err != nil {
			return "", err
		}
		return e.(*py.Str).Value(), nil
	case *py.ByteArray:
		s, err := py.ToStr(f, v)
		if err != nil {
			return "", err
		}
		return s.Value(), nil
	}
	return "", py.NewTypeError(fname + "() argument 1 must be string or buffer, not " + o.Type().Name())
}

func newStringIO(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if len(kw) > 0 {
		return nil, py.NewTypeError("StringIO() takes no keyword arguments")
	}
	if err := py.UnpackArgs("StringIO", args, nil, 0, 1); err != nil {
		return nil, err
	}
	if len(args) == 0 {
		return &sio{writable: true, softspace: py.NewInt(0)}, nil
	}
	s, err := bytesArg(f, "StringIO", args[0])
	if err != nil {
		return nil, err
	}
	return &sio{buf: []byte(s)}, nil
}

func (s *sio) check() *py.BaseException {
	if s.closed {
		return py.NewValueError("I/O operation on closed file")
	}
	return nil
}

func m0(name string, fn func(s *sio) (py.Object, *py.BaseException)) native.Method {
	return func(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		if err := py.NoArgs(name, args, kw); err != nil {
			return nil, err
		}
		s := self.(*sio)
		s.mu.Lock()
		defer s.mu.Unlock()
		if name != "close" {
			if err := s.check(); err != nil {
				return nil, err
			}
		}
		return fn(s)
	}
}

// optInt parses one optional int argument (PyArg_ParseTuple "|n").
func optInt(f *py.Frame, name string, args []py.Object, kw py.Kwargs, def int) (int, *py.BaseException) {
	if err := native.NoKwArgs(name, kw); err != nil {
		return 0, err
	}
	out := make([]py.Object, 1)
	if err := native.ParseTuple(name, args, []string{"n"}, 0, out); err != nil {
		return 0, err
	}
	if out[0] == nil || out[0] == py.None {
		return def, nil
	}
	return native.Int(f, out[0])
}

func getvalue(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	out := make([]py.Object, 1)
	if err := native.ParseTuple("getvalue", args, []string{"use_pos"}, 0, out); err != nil {
		return nil, err
	}
	s := self.(*sio)
	usePos := false
	if out[0] != nil {
		t, err := py.IsTrue(f, out[0])
		if err != nil {
			return nil, err
		}
		usePos = t
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.check(); err != nil {
		return nil, err
	}
	if usePos {
		return py.NewStr(string(s.buf[:min(s.pos, len(s.buf))])), nil
	}
	return py.NewStr(string(s.buf)), nil
}

func (s *sio) readN(n int) string {
	if s.pos >= len(s.buf) {
		return ""
	}
	rest := len(s.buf) - s.pos
	if n < 0 || n > rest {
		n = rest
	}
	r := string(s.buf[s.pos : s.pos+n])
	s.pos += n
	return r
}

func (s *sio) readLine(limit int) string {
	if s.pos >= len(s.buf) {
		return ""
	}
	end := len(s.buf)
	if i := strings.IndexByte(string(s.buf[s.pos:]), '\n'); i >= 0 {
		end = s.pos + i + 1
	}
	if limit >= 0 && end-s.pos > limit {
		end = s.pos + limit
	}
	r := string(s.buf[s.pos:end])
	s.pos = end
	return r
}

func read(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	n, err := optInt(f, "read", args, kw, -1)
	if err != nil {
		return nil, err
	}
	s := self.(*sio)
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.check(); err != nil {
		return nil, err
	}
	return py.NewStr(s.readN(n)), nil
}

func readline(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	n, err := optInt(f, "readline", args, kw, -1)
	if err != nil {
		return nil, err
	}
	s := self.(*sio)
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.check(); err != nil {
		return nil, err
	}
	return py.NewStr(s.readLine(n)), nil
}

func readlines(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	hint, err := optInt(f, "readlines", args, kw, 0)
	if err != nil {
		return nil, err
	}
	s := self.(*sio)
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.check(); err != nil {
		return nil, err
	}
	var lines []py.Object
	total := 0
	for {
		l := s.readLine(-1)
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
}

func seek(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := native.NoKwArgs("seek", kw); err != nil {
		return nil, err
	}
	out := make([]py.Object, 2)
	if err := native.ParseTuple("seek", args, []string{"position", "mode"}, 1, out); err != nil {
		return nil, err
	}
	pos, err := native.Int(f, out[0])
	if err != nil {
		return nil, err
	}
	mode := 0
	if out[1] != nil {
		if mode, err = native.Int(f, out[1]); err != nil {
			return nil, err
		}
	}
	s := self.(*sio)
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.check(); err != nil {
		return nil, err
	}
	switch mode {
	case 2:
		pos += len(s.buf)
	case 1:
		pos += s.pos
	}
	s.pos = max(pos, 0)
	return py.None, nil
}

func truncate(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	s := self.(*sio)
	s.mu.Lock()
	cur := s.pos
	s.mu.Unlock()
	n, err := optInt(f, "truncate", args, kw, cur)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.check(); err != nil {
		return nil, err
	}
	if n < 0 {
		return nil, py.NewExceptionArgs(py.IOErrorType, py.NewInt(22), py.NewStr("Invalid argument"))
	}
	if n < len(s.buf) {
		s.buf = s.buf[:n]
	}
	s.pos = len(s.buf) // CPython leaves the position at the new end
	return py.None, nil
}

func (s *sio) writeBytes(b string) {
	if s.pos > len(s.buf) { // writing past the end pads with NULs
		s.buf = append(s.buf, make([]byte, s.pos-len(s.buf))...)
	}
	if end := s.pos + len(b); end > len(s.buf) {
		s.buf = append(s.buf, make([]byte, end-len(s.buf))...)
	}
	copy(s.buf[s.pos:], b)
	s.pos += len(b)
}

func write(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.OneArg("write", args, kw); err != nil {
		return nil, err
	}
	b, err := bytesArg(f, "write", args[0])
	if err != nil {
		return nil, err
	}
	s := self.(*sio)
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.check(); err != nil {
		return nil, err
	}
	s.writeBytes(b)
	return py.None, nil
}

func writelines(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.OneArg("writelines", args, kw); err != nil {
		return nil, err
	}
	it, err := py.Iter(f, args[0])
	if err != nil {
		return nil, err
	}
	for {
		v, err := py.Next(f, it)
		if err != nil {
			return nil, err
		}
		if v == nil {
			return py.None, nil
		}
		if _, err := write(f, self, []py.Object{v}, nil); err != nil {
			return nil, err
		}
	}
}

// Next implements iteration: lines until EOF.
func (s *sio) Next(f *py.Frame) (py.Object, *py.BaseException) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.check(); err != nil {
		return nil, err
	}
	l := s.readLine(-1)
	if l == "" {
		return nil, nil
	}
	return py.NewStr(l), nil
}

// Iter implements iter(s).
func (s *sio) Iter(f *py.Frame) (py.Object, *py.BaseException) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.check(); err != nil {
		return nil, err
	}
	return s, nil
}

var (
	_ py.Iterator  = (*sio)(nil)
	_ py.Iterabler = (*sio)(nil)
)
