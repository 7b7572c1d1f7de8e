// Package fcntl is CPython 2.7's fcntl module on Linux: the fcntl() and
// ioctl() system calls with int or string (buffer) arguments, flock(),
// lockf() (over fcntl record locks, as CPython does), and the integer
// constants of table.go (generated from CPython 2.7).
//
// Members:
//
//	fcntl(fd, op[, arg])                 int result, or the arg buffer back
//	ioctl(fd, op[, arg[, mutate_flag]])  as fcntl; a bytearray arg is
//	                                     mutated in place when mutate_flag
//	flock(fd, op)                        flock(2)
//	lockf(fd, op[, length[, start[, whence]]])
//	F_* FD_* LOCK_* DN_* I_*             constants
//
// fd is an int or an object with a fileno() method. Failures raise
// IOError(errno, strerror) with glibc's message.
package fcntl

import (
	"syscall"
	"unsafe"

	"github.com/grumpy-audit/grumpy-audit/runtime-go/modules/internal/native"
	"github.com/grumpy-audit/grumpy-audit/runtime-go/modules/posix"
	pyselect "github.com/grumpy-audit/grumpy-audit/runtime-go/modules/select"
	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

// maxArg is CPython's 1024-byte limit on a buffer argument.
const maxArg = 1024

func init() {
	native.Register("fcntl", "File and I/O control (fcntl, ioctl, flock, lockf) on file descriptors.", func() []native.Member {
		ms := []native.Member{
			native.F("fcntl", fcntlFn),
			native.F("ioctl", ioctlFn),
			native.F("flock", flockFn),
			native.F("lockf", lockfFn),
		}
		for _, c := range constants {
			ms = append(ms, native.V(c.name, py.NewInt(c.value)))
		}
		return ms
	})
}

func ioErr(e syscall.Errno) *py.BaseException {
	return native.EnvError(py.IOErrorType, int(e), posix.Strerror(int(e)), nil)
}

var usage = map[string]string{
	"fcntl": "fcntl requires a file or file descriptor, an integer and optionally a third integer or a string",
	"ioctl": "ioctl requires a file or file descriptor, an integer and optionally an integer or buffer argument",
}

// args parses the positional-only (fd, op, ...) head shared by all four.
func args(f *py.Frame, fname string, a []py.Object, kw py.Kwargs, names []string, required int) ([]py.Object, int, int, *py.BaseException) {
	if err := native.NoKwArgs(fname, kw); err != nil {
		return nil, 0, 0, err
	}
	out := make([]py.Object, len(names))
	if err := native.ParseTuple(fname, a, names, required, out); err != nil {
		// fcntl and ioctl try two PyArg_ParseTuple forms, then say this
		if msg := usage[fname]; msg != "" {
			return nil, 0, 0, py.NewTypeError(msg)
		}
		return nil, 0, 0, err
	}
	fd, err := pyselect.Fileno(f, out[0])
	if err != nil {
		return nil, 0, 0, err
	}
	op, err := native.Int(f, out[1])
	if err != nil {
		return nil, 0, 0, err
	}
	return out, fd, op, nil
}

// call runs fcntl/ioctl (trap) with an int or buffer argument; a str
// argument returns the buffer as the OS left it.
func call(f *py.Frame, fname string, trap uintptr, fd, op int, arg py.Object, mutate bool) (py.Object, *py.BaseException) {
	if arg == nil {
		arg = py.NewInt(0)
	}
	switch v := arg.(type) {
	case *py.Str, *py.ByteArray:
		s, err := py.ToStr(f, v)
		if err != nil {
			return nil, err
		}
		buf := []byte(s.Value())
		if len(buf) > maxArg && !(mutate && isByteArray(v)) {
			return nil, py.NewValueError(fname + " string arg too long")
		}
		// room for the OS to write past a short argument, as CPython's
		// fixed 1024-byte buffer allows
		full := make([]byte, max(len(buf), maxArg)+1)
		copy(full, buf)
		r, _, e := syscall.Syscall(trap, uintptr(fd), uintptr(op), uintptr(unsafe.Pointer(&full[0])))
		if e != 0 {
			return nil, ioErr(e)
		}
		if ba, ok := v.(*py.ByteArray); ok && mutate {
			for i := range buf {
				if err := ba.SetItem(f, py.NewInt(int64(i)), py.NewInt(int64(full[i]))); err != nil {
					return nil, err
				}
			}
			return py.NewInt(int64(int32(r))), nil
		}
		return py.NewStr(string(full[:len(buf)])), nil
	}
	n, err := native.Int(f, arg)
	if err != nil {
		return nil, err
	}
	r, _, e := syscall.Syscall(trap, uintptr(fd), uintptr(op), uintptr(n))
	if e != 0 {
		return nil, ioErr(e)
	}
	return py.NewInt(int64(int32(r))), nil
}

func isByteArray(o py.Object) bool { _, ok := o.(*py.ByteArray); return ok }

func fcntlFn(f *py.Frame, a []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	out, fd, op, err := args(f, "fcntl", a, kw, []string{"fd", "op", "arg"}, 2)
	if err != nil {
		return nil, err
	}
	return call(f, "fcntl", syscall.SYS_FCNTL, fd, op, out[2], false)
}

func ioctlFn(f *py.Frame, a []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	out, fd, op, err := args(f, "ioctl", a, kw, []string{"fd", "op", "arg", "mutate_flag"}, 2)
	if err != nil {
		return nil, err
	}
	mutate := true
	if out[3] != nil {
		if mutate, err = py.IsTrue(f, out[3]); err != nil {
			return nil, err
		}
	}
	// op is an unsigned request code in C
	return call(f, "ioctl", syscall.SYS_IOCTL, fd, int(uint32(op)), out[2], mutate)
}

func flockFn(f *py.Frame, a []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	_, fd, op, err := args(f, "flock", a, kw, []string{"fd", "operation"}, 2)
	if err != nil {
		return nil, err
	}
	if e := syscall.Flock(fd, op); e != nil {
		return nil, ioErr(e.(syscall.Errno))
	}
	return py.None, nil
}

func lockfFn(f *py.Frame, a []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	out, fd, op, err := args(f, "lockf", a, kw, []string{"fd", "operation", "length", "start", "whence"}, 2)
	if err != nil {
		return nil, err
	}
	var nums [3]int64
	for i, o := range out[2:] {
		if o == nil {
			continue
		}
		b, ok := native.Big(f, o)
		if !ok {
			return nil, py.NewTypeError("an integer is required")
		}
		if !b.IsInt64() {
			return nil, py.NewOverflowError("Python int too large to convert to C long")
		}
		nums[i] = b.Int64()
	}
	lk := syscall.Flock_t{Len: nums[0], Start: nums[1], Whence: int16(nums[2])}
	switch {
	case op == syscall.LOCK_UN:
		lk.Type = syscall.F_UNLCK
	case op&syscall.LOCK_SH != 0:
		lk.Type = syscall.F_RDLCK
	case op&syscall.LOCK_EX != 0:
		lk.Type = syscall.F_WRLCK
	default:
		return nil, py.NewValueError("unrecognized lockf argument")
	}
	cmd := syscall.F_SETLKW
	if op&syscall.LOCK_NB != 0 {
		cmd = syscall.F_SETLK
	}
	if e := syscall.FcntlFlock(uintptr(fd), cmd, &lk); e != nil {
		return nil, ioErr(e.(syscall.Errno))
	}
	return py.None, nil
}
