package iomod

import (
	"strings"

	"github.com/grumpy-audit/grumpy-audit/runtime-go/modules/internal/native"
	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

// The abstract bases. Their methods work on any object through its
// Python-level methods (self.read, self.closed, ...), as iobase.c does, so
// they are defined without unwrapping self: a user subclass's overrides
// must be seen.

var iobaseType, rawIOBaseType, bufferedIOBaseType, textIOBaseType *py.Type

// closedKey is where _IOBase keeps its closed flag in the instance dict.
const closedKey = "__IOBase_closed"

func call(f *py.Frame, o py.Object, name string, args ...py.Object) (py.Object, *py.BaseException) {
	return py.CallMethod(f, o, name, args, nil)
}

func unsupported(msg string) *py.BaseException {
	return py.NewExceptionArgs(unsupportedOperation, py.NewStr(msg))
}

func closedErr() *py.BaseException { return py.NewValueError("I/O operation on closed file.") }

// isClosed reads self.closed.
func isClosed(f *py.Frame, self py.Object) (bool, *py.BaseException) {
	c, err := py.GetAttr(f, self, "closed")
	if err != nil {
		return false, err
	}
	return py.IsTrue(f, c)
}

func checkClosed(f *py.Frame, self py.Object) *py.BaseException {
	c, err := isClosed(f, self)
	if err != nil {
		return err
	}
	if c {
		return closedErr()
	}
	return nil
}

// checkAbility calls self.readable() (or writable/seekable).
func checkAbility(f *py.Frame, self py.Object, what string) *py.BaseException {
	r, err := call(f, self, what+"able")
	if err != nil {
		return err
	}
	ok, err := py.IsTrue(f, r)
	if err != nil {
		return err
	}
	if !ok {
		return unsupported("File or stream is not " + what + "able.")
	}
	return nil
}

type method = func(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException)

func noArgs(name string, fn func(f *py.Frame, self py.Object) (py.Object, *py.BaseException)) method {
	return func(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		if err := py.NoArgs(name, args, kw); err != nil {
			return nil, err
		}
		return fn(f, self)
	}
}

func raiser(name, msg string) method {
	return func(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		return nil, unsupported(msg)
	}
}

// sizeArg is CPython's _PyIO_ConvertSsize_t: None or an integer, default -1.
func sizeArg(f *py.Frame, fname string, args []py.Object, kw py.Kwargs, def int) (int, *py.BaseException) {
	if err := native.NoKwArgs(fname, kw); err != nil {
		return 0, err
	}
	out := make([]py.Object, 1)
	if err := native.ParseTuple(fname, args, []string{"size"}, 0, out); err != nil {
		return 0, err
	}
	if out[0] == nil || out[0] == py.None {
		return def, nil
	}
	if _, ok := out[0].(*py.Float); ok {
		return 0, py.NewTypeError("integer argument expected, got float")
	}
	if _, ok := native.Big(f, out[0]); !ok {
		return 0, py.NewTypeError("integer argument expected, got '" + out[0].Type().Name() + "'")
	}
	return native.Int(f, out[0])
}

// bytesOf returns the bytes of a str/bytearray result.
func bytesOf(f *py.Frame, o py.Object, what string) (string, *py.BaseException) {
	switch v := o.(type) {
	case *py.Str:
		return v.Value(), nil
	case *py.ByteArray:
		s, err := py.ToStr(f, v)
		if err != nil {
			return "", err
		}
		return s.Value(), nil
	}
	if s, ok := py.BaseOf(o).(*py.Str); ok {
		return s.Value(), nil
	}
	return "", py.NewException(py.IOErrorType, what+" should have returned a bytes object, not '"+o.Type().Name()+"'")
}

func initBases() {
	iobaseType = py.NewBuiltinType("_IOBase", "_io", nil)
	iobaseType.SetHasDict()
	d := iobaseType.Dict()
	d.SetStr("__doc__", py.NewStr("Abstract base of every stream class."))
	iobaseType.Def("seek", raiser("seek", "seek"))
	iobaseType.Def("truncate", raiser("truncate", "truncate"))
	iobaseType.Def("fileno", raiser("fileno", "fileno"))
	iobaseType.Def("tell", noArgs("tell", func(f *py.Frame, self py.Object) (py.Object, *py.BaseException) {
		return call(f, self, "seek", py.NewInt(0), py.NewInt(1))
	}))
	iobaseType.Def("flush", noArgs("flush", func(f *py.Frame, self py.Object) (py.Object, *py.BaseException) {
		if closedFlag(f, self) {
			return nil, closedErr()
		}
		return py.None, nil
	}))
	iobaseType.Def("close", noArgs("close", func(f *py.Frame, self py.Object) (py.Object, *py.BaseException) {
		if closedFlag(f, self) {
			return py.None, nil
		}
		_, err := call(f, self, "flush")
		if e := py.SetAttr(f, self, closedKey, py.True); e != nil && err == nil {
			err = e
		}
		if err != nil {
			return nil, err
		}
		return py.None, nil
	}))
	for _, what := range []string{"seek", "read", "writ"} {
		iobaseType.Def(what+"able", noArgs(what+"able", func(f *py.Frame, self py.Object) (py.Object, *py.BaseException) {
			return py.False, nil
		}))
		what := what
		name := "_check" + strings.ToUpper(what[:1]) + what[1:] + "able"
		iobaseType.Def(name, func(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			if err := checkAbility(f, self, what); err != nil {
				return nil, err
			}
			return py.True, nil
		})
	}
	iobaseType.Def("_checkClosed", func(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		if err := checkClosed(f, self); err != nil {
			return nil, err
		}
		return py.True, nil
	})
	iobaseType.Def("isatty", noArgs("isatty", func(f *py.Frame, self py.Object) (py.Object, *py.BaseException) {
		if err := checkClosed(f, self); err != nil {
			return nil, err
		}
		return py.False, nil
	}))
	iobaseType.Def("__enter__", noArgs("__enter__", func(f *py.Frame, self py.Object) (py.Object, *py.BaseException) {
		if err := checkClosed(f, self); err != nil {
			return nil, err
		}
		return self, nil
	}))
	iobaseType.Def("__exit__", func(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		return call(f, self, "close")
	})
	iobaseType.Def("__iter__", noArgs("__iter__", func(f *py.Frame, self py.Object) (py.Object, *py.BaseException) {
		if err := checkClosed(f, self); err != nil {
			return nil, err
		}
		return self, nil
	}))
	iobaseType.Def("next", noArgs("next", func(f *py.Frame, self py.Object) (py.Object, *py.BaseException) {
		line, err := call(f, self, "readline")
		if err != nil {
			return nil, err
		}
		n, err := py.Len(f, line)
		if err != nil {
			return nil, err
		}
		if n == 0 {
			return nil, py.NewExceptionArgs(py.StopIterationType)
		}
		return line, nil
	}))
	iobaseType.Def("readline", genericReadline)
	iobaseType.Def("readlines", genericReadlines)
	iobaseType.Def("writelines", func(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		if err := py.OneArg("writelines", args, kw); err != nil {
			return nil, err
		}
		if err := checkClosed(f, self); err != nil {
			return nil, err
		}
		it, err := py.Iter(f, args[0])
		if err != nil {
			return nil, err
		}
		for {
			line, err := py.Next(f, it)
			if err != nil {
				return nil, err
			}
			if line == nil {
				return py.None, nil
			}
			if _, err := call(f, self, "write", line); err != nil {
				return nil, err
			}
		}
	})
	d.SetStr("closed", py.NewGetSet("closed", func(f *py.Frame, o py.Object) (py.Object, *py.BaseException) {
		return py.NewBool(closedFlag(f, o)), nil
	}, nil))

	rawIOBaseType = py.NewBuiltinType("_RawIOBase", "_io", iobaseType)
	rawIOBaseType.Dict().SetStr("__doc__", py.NewStr("Abstract base of unbuffered binary streams."))
	rawIOBaseType.Def("read", func(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		n, err := sizeArg(f, "read", args, kw, -1)
		if err != nil {
			return nil, err
		}
		if n < 0 {
			return call(f, self, "readall")
		}
		b, err := py.Call(f, py.ByteArrayType, []py.Object{py.NewInt(int64(n))}, nil)
		if err != nil {
			return nil, err
		}
		r, err := call(f, self, "readinto", b)
		if err != nil || r == py.None {
			return r, err
		}
		got, err := native.Int(f, r)
		if err != nil {
			return nil, err
		}
		s, err := bytesOf(f, b, "readinto()")
		if err != nil {
			return nil, err
		}
		return py.NewStr(s[:max(0, min(got, len(s)))]), nil
	})
	rawIOBaseType.Def("readall", noArgs("readall", func(f *py.Frame, self py.Object) (py.Object, *py.BaseException) {
		var sb strings.Builder
		for {
			r, err := call(f, self, "read", py.NewInt(defaultBufferSize))
			if err != nil {
				return nil, err
			}
			if r == py.None {
				if sb.Len() == 0 {
					return py.None, nil
				}
				break
			}
			s, err := bytesOf(f, r, "read()")
			if err != nil {
				return nil, err
			}
			if s == "" {
				break
			}
			sb.WriteString(s)
		}
		return py.NewStr(sb.String()), nil
	}))

	bufferedIOBaseType = py.NewBuiltinType("_BufferedIOBase", "_io", iobaseType)
	bufferedIOBaseType.Dict().SetStr("__doc__", py.NewStr("Abstract base of buffered binary streams."))
	for _, n := range []string{"detach", "read", "read1", "write"} {
		bufferedIOBaseType.Def(n, raiser(n, n))
	}
	bufferedIOBaseType.Def("readinto", func(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		if err := py.OneArg("readinto", args, kw); err != nil {
			return nil, err
		}
		n, err := py.Len(f, args[0])
		if err != nil {
			return nil, err
		}
		data, err := call(f, self, "read", py.NewInt(int64(n)))
		if err != nil {
			return nil, err
		}
		s, err := bytesOf(f, data, "read()")
		if err != nil {
			return nil, err
		}
		if err := fillBuffer(f, args[0], s); err != nil {
			return nil, err
		}
		return offObj(int64(len(s))), nil
	})

	textIOBaseType = py.NewBuiltinType("_TextIOBase", "_io", iobaseType)
	textIOBaseType.Dict().SetStr("__doc__", py.NewStr("Abstract base of text streams."))
	for _, n := range []string{"detach", "read", "readline", "write"} {
		textIOBaseType.Def(n, raiser(n, n))
	}
	for _, n := range []string{"encoding", "newlines", "errors"} {
		textIOBaseType.Dict().SetStr(n, py.NewGetSet(n, func(f *py.Frame, o py.Object) (py.Object, *py.BaseException) {
			return py.None, nil
		}, nil))
	}
}

// closedFlag is _IOBase's own closed state (the instance attribute).
func closedFlag(f *py.Frame, self py.Object) bool {
	v, err := py.GetAttr(f, self, closedKey)
	if err != nil {
		return false
	}
	t, _ := py.IsTrue(f, v)
	return t
}

// fillBuffer copies s into the start of a writable buffer (bytearray or
// array), as readinto does.
func fillBuffer(f *py.Frame, buf py.Object, s string) *py.BaseException {
	if len(s) == 0 {
		return nil
	}
	sl, err := py.Call(f, py.Builtins.GetStr("slice"), []py.Object{py.NewInt(0), py.NewInt(int64(len(s)))}, nil)
	if err != nil {
		return err
	}
	return py.SetItem(f, buf, sl, py.NewStr(s))
}

func genericReadline(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	limit, err := sizeArg(f, "readline", args, kw, -1)
	if err != nil {
		return nil, err
	}
	hasPeek := py.HasAttr(f, self, "peek")
	var res []byte
	for limit < 0 || len(res) < limit {
		n := 1
		if hasPeek {
			ahead, err := call(f, self, "peek", py.NewInt(1))
			if err != nil {
				return nil, err
			}
			s, err := bytesOf(f, ahead, "peek()")
			if err != nil {
				return nil, err
			}
			if s == "" {
				break
			}
			n = strings.IndexByte(s, '\n') + 1
			if n == 0 {
				n = len(s)
			}
			if limit >= 0 {
				n = min(n, limit-len(res))
			}
		}
		b, err := call(f, self, "read", py.NewInt(int64(n)))
		if err != nil {
			return nil, err
		}
		s, err := bytesOf(f, b, "read()")
		if err != nil {
			return nil, err
		}
		if s == "" {
			break
		}
		res = append(res, s...)
		if res[len(res)-1] == '\n' {
			break
		}
	}
	return py.NewStr(string(res)), nil
}

func genericReadlines(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	hint, err := sizeArg(f, "readlines", args, kw, 0)
	if err != nil {
		return nil, err
	}
	it, err := py.Iter(f, self)
	if err != nil {
		return nil, err
	}
	var lines []py.Object
	total := 0
	for {
		line, err := py.Next(f, it)
		if err != nil {
			return nil, err
		}
		if line == nil {
			break
		}
		lines = append(lines, line)
		if hint > 0 {
			n, err := py.Len(f, line)
			if err != nil {
				return nil, err
			}
			total += n
			if total >= hint {
				break
			}
		}
	}
	return py.NewList(lines...), nil
}
