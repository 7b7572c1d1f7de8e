package iomod

import (
	"math/big"
	"strings"
	"sync"
	"syscall"

	"github.com/grumpy-audit/grumpy-audit/runtime-go/modules/internal/native"
	"github.com/grumpy-audit/grumpy-audit/runtime-go/modules/posix"
	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

// fileIO is _io.FileIO: unbuffered reads and writes on a descriptor.
type fileIO struct {
	mu        sync.Mutex
	fd        int
	readable  bool
	writable  bool
	appending bool
	closefd   bool
	seekable  int // -1 unknown, 0 no, 1 yes
	dict      *py.Dict
}

var fileIOType *py.Type

func (fi *fileIO) Type() *py.Type { return fileIOType }
func (fi *fileIO) Dict() *py.Dict { return fi.dict }

func errnoErr(e error, filename py.Object) *py.BaseException {
	en, ok := e.(syscall.Errno)
	if !ok {
		en = syscall.EIO
	}
	return native.EnvError(py.IOErrorType, int(en), posix.Strerror(int(en)), filename)
}

func (fi *fileIO) modeString() string {
	switch {
	case fi.appending && fi.readable:
		return "ab+"
	case fi.appending:
		return "ab"
	case fi.readable && fi.writable:
		return "rb+"
	case fi.readable:
		return "rb"
	}
	return "wb"
}

func (fi *fileIO) checkClosed() *py.BaseException {
	if fi.fd < 0 {
		return py.NewValueError("I/O operation on closed file")
	}
	return nil
}

// fio runs fn locked, after the closed check.
func fio(name string, fn func(f *py.Frame, fi *fileIO, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException)) native.Method {
	return func(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		fi := self.(*fileIO)
		fi.mu.Lock()
		defer fi.mu.Unlock()
		if err := fi.checkClosed(); err != nil {
			return nil, err
		}
		return fn(f, fi, args, kw)
	}
}

func (fi *fileIO) readN(n int) (py.Object, *py.BaseException) {
	if !fi.readable {
		return nil, py.NewValueError("File not open for reading")
	}
	buf := make([]byte, n)
	for {
		got, e := syscall.Read(fi.fd, buf)
		if e == syscall.EINTR {
			continue
		}
		if e == syscall.EAGAIN {
			return py.None, nil
		}
		if e != nil {
			return nil, errnoErr(e, nil)
		}
		return py.NewStr(string(buf[:got])), nil
	}
}

func (fi *fileIO) readAll() (py.Object, *py.BaseException) {
	if !fi.readable {
		return nil, py.NewValueError("File not open for reading")
	}
	var out []byte
	buf := make([]byte, defaultBufferSize)
	for {
		got, e := syscall.Read(fi.fd, buf)
		if e == syscall.EINTR {
			continue
		}
		if e == syscall.EAGAIN {
			if len(out) == 0 {
				return py.None, nil
			}
			break
		}
		if e != nil {
			return nil, errnoErr(e, nil)
		}
		if got == 0 {
			break
		}
		out = append(out, buf[:got]...)
		if len(buf) < 1<<20 && len(out) >= len(buf) {
			buf = make([]byte, len(buf)*2)
		}
	}
	return py.NewStr(string(out)), nil
}

func (fi *fileIO) writeAll(s string) (int, *py.BaseException) {
	if !fi.writable {
		return 0, py.NewValueError("File not open for writing")
	}
	for {
		n, e := syscall.Write(fi.fd, []byte(s))
		if e == syscall.EINTR {
			continue
		}
		if e == syscall.EAGAIN {
			return -1, nil
		}
		if e != nil {
			return 0, errnoErr(e, nil)
		}
		return n, nil
	}
}

func offObj(n int64) py.Object { return py.NewLong(big.NewInt(n)) }

func initFileIO() {
	methods := map[string]native.Method{
		"__init__": fileIOInit,
		"read": fio("read", func(f *py.Frame, fi *fileIO, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			n, err := sizeArg(f, "read", args, kw, -1)
			if err != nil {
				return nil, err
			}
			if n < 0 {
				return fi.readAll()
			}
			return fi.readN(n)
		}),
		"readall": fio("readall", func(f *py.Frame, fi *fileIO, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			if err := py.NoArgs("readall", args, kw); err != nil {
				return nil, err
			}
			return fi.readAll()
		}),
		"readinto": func(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			if err := py.OneArg("readinto", args, kw); err != nil {
				return nil, err
			}
			n, err := py.Len(f, args[0])
			if err != nil {
				return nil, err
			}
			fi := self.(*fileIO)
			fi.mu.Lock()
			if err := fi.checkClosed(); err != nil {
				fi.mu.Unlock()
				return nil, err
			}
			r, err := fi.readN(n)
			fi.mu.Unlock()
			if err != nil || r == py.None {
				return r, err
			}
			s := r.(*py.Str).Value()
			if err := fillBuffer(f, args[0], s); err != nil {
				return nil, err
			}
			return offObj(int64(len(s))), nil
		},
		"write": func(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			if err := py.OneArg("write", args, kw); err != nil {
				return nil, err
			}
			fi := self.(*fileIO)
			fi.mu.Lock()
			defer fi.mu.Unlock()
			if err := fi.checkClosed(); err != nil {
				return nil, err
			}
			var s string
			if u, ok := args[0].(*py.Unicode); ok { // "s*" encodes unicode with the default encoding
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
			n, err := fi.writeAll(s)
			if err != nil {
				return nil, err
			}
			if n < 0 {
				return py.None, nil
			}
			return offObj(int64(n)), nil
		},
		"seek": fio("seek", func(f *py.Frame, fi *fileIO, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			if err := native.NoKwArgs("seek", kw); err != nil {
				return nil, err
			}
			out := make([]py.Object, 2)
			if err := native.ParseTuple("seek", args, []string{"pos", "whence"}, 1, out); err != nil {
				return nil, err
			}
			if _, ok := out[0].(*py.Float); ok {
				return nil, py.NewTypeError("an integer is required")
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
			r, e := syscall.Seek(fi.fd, int64(pos), whence)
			if e != nil {
				return nil, errnoErr(e, nil)
			}
			return offObj(r), nil
		}),
		"tell": fio("tell", func(f *py.Frame, fi *fileIO, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			if err := py.NoArgs("tell", args, kw); err != nil {
				return nil, err
			}
			r, e := syscall.Seek(fi.fd, 0, 1)
			if e != nil {
				return nil, errnoErr(e, nil)
			}
			return offObj(r), nil
		}),
		"truncate": fio("truncate", func(f *py.Frame, fi *fileIO, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			if err := native.NoKwArgs("truncate", kw); err != nil {
				return nil, err
			}
			out := make([]py.Object, 1)
			if err := native.ParseTuple("truncate", args, []string{"size"}, 0, out); err != nil {
				return nil, err
			}
			if !fi.writable {
				return nil, py.NewValueError("File not open for writing")
			}
			var size py.Object
			if out[0] == nil || out[0] == py.None {
				r, e := syscall.Seek(fi.fd, 0, 1)
				if e != nil {
					return nil, errnoErr(e, nil)
				}
				size = offObj(r)
			} else {
				size = out[0]
			}
			n, err := native.Int(f, size)
			if err != nil {
				return nil, err
			}
			if e := syscall.Ftruncate(fi.fd, int64(n)); e != nil {
				return nil, errnoErr(e, nil)
			}
			return size, nil
		}),
		"close": func(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			if err := py.NoArgs("close", args, kw); err != nil {
				return nil, err
			}
			fi := self.(*fileIO)
			fi.mu.Lock()
			fd := fi.fd
			fi.fd = -1
			fi.mu.Unlock()
			if fd >= 0 && fi.closefd {
				if e := syscall.Close(fd); e != nil {
					return nil, errnoErr(e, nil)
				}
			}
			return py.None, nil
		},
		"seekable": fio("seekable", func(f *py.Frame, fi *fileIO, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			if err := py.NoArgs("seekable", args, kw); err != nil {
				return nil, err
			}
			if fi.seekable < 0 {
				fi.seekable = 1
				if _, e := syscall.Seek(fi.fd, 0, 1); e != nil {
					fi.seekable = 0
				}
			}
			return py.NewBool(fi.seekable == 1), nil
		}),
		"readable": fio("readable", func(f *py.Frame, fi *fileIO, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			return py.NewBool(fi.readable), py.NoArgs("readable", args, kw)
		}),
		"writable": fio("writable", func(f *py.Frame, fi *fileIO, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			return py.NewBool(fi.writable), py.NoArgs("writable", args, kw)
		}),
		"fileno": fio("fileno", func(f *py.Frame, fi *fileIO, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			return py.NewInt(int64(fi.fd)), py.NoArgs("fileno", args, kw)
		}),
		"isatty": fio("isatty", func(f *py.Frame, fi *fileIO, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			return py.NewBool(isatty(fi.fd)), py.NoArgs("isatty", args, kw)
		}),
	}
	getters := map[string]func(f *py.Frame, self py.Object) (py.Object, *py.BaseException){
		"closed": func(f *py.Frame, self py.Object) (py.Object, *py.BaseException) {
			fi := self.(*fileIO)
			fi.mu.Lock()
			defer fi.mu.Unlock()
			return py.NewBool(fi.fd < 0), nil
		},
		"closefd": func(f *py.Frame, self py.Object) (py.Object, *py.BaseException) {
			return py.NewBool(self.(*fileIO).closefd), nil
		},
		"mode": func(f *py.Frame, self py.Object) (py.Object, *py.BaseException) {
			fi := self.(*fileIO)
			fi.mu.Lock()
			defer fi.mu.Unlock()
			return py.NewUnicode(fi.modeString()), nil
		},
	}
	fileIOType = native.NewType(native.TypeSpec{Name: "FileIO", Module: "_io", Bases: []*py.Type{rawIOBaseType},
		Doc: "Unbuffered binary I/O on a file descriptor.",
		New: func(f *py.Frame, t *py.Type, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			return native.Wrap(t, fileIOType, &fileIO{fd: -1, seekable: -1, closefd: true, dict: py.NewDict()}), nil
		},
		Methods: methods, Getters: getters})
	fileIOType.SetHasDict()
}

func isatty(fd int) bool {
	var t syscall.Termios
	_, _, e := syscall.Syscall(syscall.SYS_IOCTL, uintptr(fd), syscall.TCGETS, uintptr(unsafePointer(&t)))
	return e == 0
}

// parseRawMode reads FileIO's mode: exactly one of r/w/a, at most one
// '+', and 'b' ignored.
func parseRawMode(mode string) (readable, writable, appending bool, flags int, err *py.BaseException) {
	rwa, plus := false, false
	bad := py.NewValueError("Must have exactly one of read/write/append mode and at most one plus")
	for _, c := range mode {
		switch c {
		case 'r', 'w', 'a':
			if rwa {
				return false, false, false, 0, bad
			}
			rwa = true
			switch c {
			case 'r':
				readable, flags = true, syscall.O_RDONLY
			case 'w':
				writable, flags = true, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_TRUNC
			case 'a':
				writable, appending, flags = true, true, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_APPEND
			}
		case '+':
			if plus {
				return false, false, false, 0, bad
			}
			plus = true
		case 'b':
		default:
			return false, false, false, 0, py.NewValueError("invalid mode: " + mode)
		}
	}
	if !rwa {
		return false, false, false, 0, bad
	}
	if plus {
		readable, writable = true, true
		flags = flags&^(syscall.O_RDONLY|syscall.O_WRONLY) | syscall.O_RDWR
	}
	return readable, writable, appending, flags, nil
}

func fileIOInit(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	out := make([]py.Object, 3)
	if err := native.ParseKw("fileio", args, kw, []string{"file", "mode", "closefd"}, 1, out); err != nil {
		return nil, err
	}
	fi := self.(*fileIO)
	mode := "r"
	if out[1] != nil {
		s, ok := out[1].(*py.Str)
		if !ok {
			return nil, py.NewTypeError("FileIO() argument 2 must be string, not " + out[1].Type().Name())
		}
		mode = s.Value()
	}
	closefd := true
	if out[2] != nil {
		n, err := native.Int(f, out[2])
		if err != nil {
			return nil, err
		}
		closefd = n != 0
	}
	if _, ok := out[0].(*py.Float); ok {
		return nil, py.NewTypeError("integer argument expected, got float")
	}
	readable, writable, appending, flags, err := parseRawMode(mode)
	if err != nil {
		return nil, err
	}
	fd := -1
	var name string
	isName := false
	switch v := out[0].(type) {
	case *py.Str:
		name, isName = v.Value(), true
	case *py.Unicode:
		e, err := py.Encode(f, v.Runes(), "utf-8", "strict")
		if err != nil {
			return nil, err
		}
		name, isName = e.(*py.Str).Value(), true
	default:
		n, err := native.Int(f, out[0])
		if err != nil {
			return nil, py.NewTypeError("coercing to Unicode: need string or buffer, " + out[0].Type().Name() + " found")
		}
		if n < 0 {
			return nil, py.NewValueError("negative file descriptor")
		}
		fd = n
	}
	if isName {
		if !closefd {
			return nil, py.NewValueError("Cannot use closefd=False with file name")
		}
		if strings.IndexByte(name, 0) >= 0 {
			return nil, py.NewTypeError("file() argument 1 must be encoded string without null bytes, not str")
		}
		for {
			var e error
			fd, e = syscall.Open(name, flags|syscall.O_CLOEXEC, 0o666)
			if e == syscall.EINTR {
				continue
			}
			if e != nil {
				return nil, errnoErr(e, out[0])
			}
			break
		}
		var st syscall.Stat_t
		if e := syscall.Fstat(fd, &st); e == nil && st.Mode&syscall.S_IFMT == syscall.S_IFDIR {
			syscall.Close(fd)
			return nil, errnoErr(syscall.EISDIR, out[0])
		}
	}
	fi.mu.Lock()
	fi.fd, fi.readable, fi.writable, fi.appending, fi.closefd, fi.seekable = fd, readable, writable, appending, closefd, -1
	fi.mu.Unlock()
	fi.dict.SetStr("name", out[0])
	if appending {
		syscall.Seek(fd, 0, 2) // CPython starts appending files at the end
	}
	return py.None, nil
}

// Repr is <_io.FileIO name='x' mode='rb'>.
func (fi *fileIO) Repr(f *py.Frame) (string, *py.BaseException) {
	fi.mu.Lock()
	defer fi.mu.Unlock()
	if fi.fd < 0 {
		return "<_io.FileIO [closed]>", nil
	}
	mode := fi.modeString()
	if name := fi.dict.GetStr("name"); name != nil {
		r, err := py.Repr(f, name)
		if err != nil {
			return "", err
		}
		return "<_io.FileIO name=" + r.Value() + " mode='" + mode + "'>", nil
	}
	return "<_io.FileIO fd=" + native.Itoa(fi.fd) + " mode='" + mode + "'>", nil
}

var (
	_ py.Reprer     = (*fileIO)(nil)
	_ py.DictHolder = (*fileIO)(nil)
)
