// Package termios is CPython 2.7's termios module on Linux, over the
// kernel's TCGETS/TCSETS* ioctls the way glibc implements the POSIX calls
// (32-entry cc lists as glibc's NCCS, speeds kept in c_cflag), plus the
// constants of table.go (generated from CPython 2.7).
//
// Members:
//
//	tcgetattr(fd)              [iflag, oflag, cflag, lflag, ispeed, ospeed, cc]
//	tcsetattr(fd, when, attrs) when is TCSANOW, TCSADRAIN or TCSAFLUSH
//	tcsendbreak(fd, duration)  tcdrain(fd)  tcflush(fd, queue)  tcflow(fd, action)
//	error                      termios.error(errno, strerror)
//	B* V* TC* I* O* C* …       constants
//
// fd is an int or an object with a fileno() method.
package termios

import (
	"syscall"
	"unsafe"

	"github.com/grumpy-audit/grumpy-audit/runtime-go/modules/internal/native"
	"github.com/grumpy-audit/grumpy-audit/runtime-go/modules/posix"
	pyselect "github.com/grumpy-audit/grumpy-audit/runtime-go/modules/select"
	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

const (
	nccs = 32 // glibc's NCCS: the length of the cc list
	// speed bits of c_cflag (glibc keeps both speeds there)
	cbaud   = 0o10017
	cbaudex = 0o10000
	vmin    = 6
	vtime   = 5
	// Linux ioctl requests the syscall package does not name
	tcsbrk  = 0x5409
	tcsbrkp = 0x5425
	tcflsh  = 0x540b
	tcxonc  = 0x540a
	tcsetsw = 0x5403
	tcsetsf = 0x5404
)

var errorType = native.NewExceptionClass("termios", "error", py.ExceptionType)

func init() {
	native.Register("termios", "POSIX terminal control: tty attributes, flushing, flow control and breaks.", func() []native.Member {
		ms := []native.Member{
			native.V("error", errorType),
			native.F("tcgetattr", tcgetattr),
			native.F("tcsetattr", tcsetattr),
			native.F("tcsendbreak", simple("tcsendbreak", "duration", func(fd, n int) syscall.Errno {
				// glibc: a break of the default length for duration <= 0
				if n <= 0 {
					return ioctl(fd, tcsbrk, 0)
				}
				return ioctl(fd, tcsbrkp, uintptr((n+99)/100))
			})),
			native.F("tcdrain", tcdrain),
			native.F("tcflush", simple("tcflush", "queue", func(fd, n int) syscall.Errno {
				return ioctl(fd, tcflsh, uintptr(n))
			})),
			native.F("tcflow", simple("tcflow", "action", func(fd, n int) syscall.Errno {
				return ioctl(fd, tcxonc, uintptr(n))
			})),
		}
		for _, c := range constants {
			ms = append(ms, native.V(c.name, py.NewInt(c.value)))
		}
		return ms
	})
}

func ioctl(fd int, req, arg uintptr) syscall.Errno {
	_, _, e := syscall.Syscall(syscall.SYS_IOCTL, uintptr(fd), req, arg)
	return e
}

func termErr(e syscall.Errno) *py.BaseException {
	return py.NewExceptionArgs(errorType, py.NewInt(int64(e)), py.NewStr(posix.Strerror(int(e))))
}

// parse is PyArg_ParseTuple with an fd converter first.
func parse(f *py.Frame, fname string, args []py.Object, kw py.Kwargs, names []string) ([]py.Object, int, *py.BaseException) {
	if err := native.NoKwArgs(fname, kw); err != nil {
		return nil, 0, err
	}
	out := make([]py.Object, len(names))
	if err := native.ParseTuple(fname, args, names, len(names), out); err != nil {
		return nil, 0, err
	}
	fd, err := pyselect.Fileno(f, out[0])
	if err != nil {
		return nil, 0, err
	}
	return out, fd, nil
}

func getattr(fd int) (syscall.Termios, syscall.Errno) {
	var t syscall.Termios
	e := ioctl(fd, syscall.TCGETS, uintptr(unsafe.Pointer(&t)))
	return t, e
}

func tcgetattr(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	_, fd, err := parse(f, "tcgetattr", args, kw, []string{"fd"})
	if err != nil {
		return nil, err
	}
	t, e := getattr(fd)
	if e != 0 {
		return nil, termErr(e)
	}
	cc := make([]py.Object, nccs)
	for i := range cc {
		var c byte
		if i < len(t.Cc) {
			c = t.Cc[i]
		}
		cc[i] = py.NewStr(string([]byte{c}))
	}
	// in non-canonical mode VMIN and VTIME are counts, not characters
	if t.Lflag&syscall.ICANON == 0 {
		cc[vmin] = py.NewInt(int64(t.Cc[vmin]))
		cc[vtime] = py.NewInt(int64(t.Cc[vtime]))
	}
	speed := py.NewInt(int64(t.Cflag & (cbaud | cbaudex)))
	return py.NewList(py.NewInt(int64(t.Iflag)), py.NewInt(int64(t.Oflag)), py.NewInt(int64(t.Cflag)),
		py.NewInt(int64(t.Lflag)), speed, speed, py.NewList(cc...)), nil
}

// validSpeed reports a B* constant cfsetospeed accepts.
func validSpeed(s int64) bool {
	return s >= 0 && s&^(cbaud|cbaudex) == 0 && (s <= 0o17 || (s >= 0o10001 && s <= 0o10017))
}

func tcsetattr(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	out, fd, err := parse(f, "tcsetattr", args, kw, []string{"fd", "when", "attributes"})
	if err != nil {
		return nil, err
	}
	when, err := native.Int(f, out[1])
	if err != nil {
		return nil, err
	}
	attrs, ok := out[2].(*py.List)
	if !ok || len(attrs.Snapshot()) != 7 {
		return nil, py.NewTypeError("tcsetattr, arg 3: must be 7 element list")
	}
	// CPython reads the current mode first, so a non-tty fails here
	t, e := getattr(fd)
	if e != 0 {
		return nil, termErr(e)
	}
	a := attrs.Snapshot()
	var nums [6]int64
	for i := range nums {
		b, ok := native.Big(f, a[i])
		if !ok {
			return nil, py.NewTypeError("an integer is required")
		}
		if !b.IsInt64() {
			return nil, py.NewOverflowError("Python int too large to convert to C long")
		}
		nums[i] = b.Int64()
	}
	cc, ok := a[6].(*py.List)
	if !ok || len(cc.Snapshot()) != nccs {
		return nil, py.NewTypeError("tcsetattr: attributes[6] must be " + native.Itoa(nccs) + " element list")
	}
	var ccs [nccs]byte
	for i, c := range cc.Snapshot() {
		switch v := c.(type) {
		case *py.Str:
			if len(v.Value()) == 1 {
				ccs[i] = v.Value()[0]
				continue
			}
		case *py.Int:
			ccs[i] = byte(v.Value())
			continue
		}
		return nil, py.NewTypeError("tcsetattr: elements of attributes must be characters or integers")
	}
	t.Iflag, t.Oflag, t.Cflag, t.Lflag = uint32(nums[0]), uint32(nums[1]), uint32(nums[2]), uint32(nums[3])
	copy(t.Cc[:], ccs[:])
	if !validSpeed(nums[4]) || !validSpeed(nums[5]) {
		return nil, termErr(syscall.EINVAL)
	}
	// glibc: the output speed goes into c_cflag; an input speed of 0
	// means "same as output"
	t.Cflag = t.Cflag&^(cbaud|cbaudex) | uint32(nums[5])
	if nums[4] != 0 {
		t.Cflag = t.Cflag&^(cbaud|cbaudex) | uint32(nums[4])
	}
	var req uintptr
	switch when {
	case 0: // TCSANOW
		req = syscall.TCSETS
	case 1: // TCSADRAIN
		req = tcsetsw
	case 2: // TCSAFLUSH
		req = tcsetsf
	default:
		return nil, termErr(syscall.EINVAL)
	}
	if e := ioctl(fd, req, uintptr(unsafe.Pointer(&t))); e != 0 {
		return nil, termErr(e)
	}
	return py.None, nil
}

func tcdrain(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	_, fd, err := parse(f, "tcdrain", args, kw, []string{"fd"})
	if err != nil {
		return nil, err
	}
	if e := ioctl(fd, tcsbrk, 1); e != 0 {
		return nil, termErr(e)
	}
	return py.None, nil
}

// simple is a function of (fd, int).
func simple(fname, arg string, op func(fd, n int) syscall.Errno) native.Func {
	return func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		out, fd, err := parse(f, fname, args, kw, []string{"fd", arg})
		if err != nil {
			return nil, err
		}
		n, err := native.Int(f, out[1])
		if err != nil {
			return nil, err
		}
		if e := op(fd, n); e != 0 {
			return nil, termErr(e)
		}
		return py.None, nil
	}
}
