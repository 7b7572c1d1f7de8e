// Package posix is the basic part of CPython 2.7's posix module (Linux),
// enough for the pure os.py and posixpath.py: files and directories,
// descriptors, process ids, environment, stat, plus the integer constants
// (O_*, F_OK…, W*, EX_*) generated from CPython 2.7 (table.go).
//
// Members:
//
//	error                                  OSError
//	environ                                dict of the environment at start
//	getcwd getcwdu chdir listdir mkdir rmdir remove unlink rename link
//	symlink readlink chmod access utime umask
//	stat lstat fstat stat_result stat_float_times
//	open read write close dup dup2 lseek fsync ftruncate pipe isatty fdopen
//	getpid getppid getuid geteuid getgid getegid getgroups getpgrp getlogin
//	kill waitpid wait _exit system popen times uname urandom strerror putenv unsetenv
//	WIFEXITED WEXITSTATUS WIFSIGNALED WTERMSIG WIFSTOPPED WSTOPSIG
//	WCOREDUMP WIFCONTINUED
//
// Not provided (AttributeError, so os.py's feature tests see them as
// absent): fork and the exec*/spawn family, pty, chroot,
// set*id, statvfs, sysconf/pathconf/confstr, tmpnam/tempnam/tmpfile,
// mkfifo/mknod, nice, ttyname. Go programs cannot fork; system() runs
// /bin/sh -c through os/exec, popen() through syscall.ForkExec, and
// subprocess.Popen starts its children natively (py/subprocess.go).
//
// stat_result is a class deriving from tuple (its type prints as
// <class 'posix.stat_result'>).
package posix

import (
	"crypto/rand"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"time"
	"unsafe"

	"github.com/grumpy-audit/grumpy-audit/runtime-go/modules/internal/native"
	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

var statResultType *py.Type

var statFields = []string{"st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size", "st_atime", "st_mtime", "st_ctime"}

// floatTimes is stat_float_times(); atomic because any thread may flip it.
var floatTimes atomic.Bool

func init() { floatTimes.Store(true) }

func init() {
	getters := map[string]func(f *py.Frame, s py.Object) (py.Object, *py.BaseException){}
	for i, name := range statFields[:7] {
		i := i
		getters[name] = func(f *py.Frame, s py.Object) (py.Object, *py.BaseException) { return s.(*py.Tuple).Elems()[i], nil }
	}
	statResultType = native.NewHeapType(native.TypeSpec{Name: "stat_result", Module: "posix",
		Doc: "stat_result: Result from stat or lstat.", Bases: []*py.Type{py.TupleType}, Getters: getters,
		New: func(f *py.Frame, t *py.Type, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			out := make([]py.Object, 2)
			if err := native.ParseKw("stat_result", args, kw, []string{"sequence", "dict"}, 1, out); err != nil {
				return nil, err
			}
			items, err := py.ToSlice(f, out[0])
			if err != nil {
				return nil, err
			}
			if len(items) < 10 || len(items) > 16 {
				return nil, py.NewTypeError("posix.stat_result() takes an at least 10-sequence (" + strconv.Itoa(len(items)) + "-sequence given)")
			}
			inst := py.NewInstanceWithBase(t, py.NewTuple(items[:10]...))
			d := inst.(py.DictHolder).Dict()
			for i, name := range statFields[7:] {
				d.SetStr(name, items[7+i])
			}
			return inst, nil
		},
		Values: map[string]py.Object{"n_fields": py.NewInt(16), "n_sequence_fields": py.NewInt(10), "n_unnamed_fields": py.NewInt(3)},
	})
	statResultType.Def("__repr__", func(f *py.Frame, s py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		var sb strings.Builder
		sb.WriteString("posix.stat_result(")
		for i, v := range py.BaseOf(s).(*py.Tuple).Elems() {
			if i > 0 {
				sb.WriteString(", ")
			}
			r, err := py.Repr(f, v)
			if err != nil {
				return nil, err
			}
			sb.WriteString(statFields[i] + "=" + r.Value())
		}
		sb.WriteString(")")
		return py.NewStr(sb.String()), nil
	})
	native.Register("posix", "This module provides access to operating system functionality that is\nstandardized by the C Standard and the POSIX standard (a thinly\ndisguised Unix interface).  Refer to the library manual and\ncorresponding Unix manual entries for more information on calls.", members)
}

func members() []native.Member {
	m := []native.Member{
		native.V("error", py.OSErrorType),
		native.V("environ", environ()),
		native.V("stat_result", statResultType),
		fnPath("getcwd", 0, func(f *py.Frame, a []string) (py.Object, *py.BaseException) {
			d, err := os.Getwd()
			if err != nil {
				return nil, osErr(err, "")
			}
			return py.NewStr(d), nil
		}),
		fnPath("getcwdu", 0, func(f *py.Frame, a []string) (py.Object, *py.BaseException) {
			d, err := os.Getwd()
			if err != nil {
				return nil, osErr(err, "")
			}
			return py.Decode(f, d, "utf-8", "strict")
		}),
		fnPath("chdir", 1, func(f *py.Frame, a []string) (py.Object, *py.BaseException) {
			return none(syscall.Chdir(a[0]), a[0])
		}),
		native.F("listdir", listdir),
		native.F("mkdir", mkdir),
		fnPath("rmdir", 1, func(f *py.Frame, a []string) (py.Object, *py.BaseException) { return none(syscall.Rmdir(a[0]), a[0]) }),
		fnPath("remove", 1, func(f *py.Frame, a []string) (py.Object, *py.BaseException) { return none(syscall.Unlink(a[0]), a[0]) }),
		fnPath("unlink", 1, func(f *py.Frame, a []string) (py.Object, *py.BaseException) { return none(syscall.Unlink(a[0]), a[0]) }),
		fnPath("rename", 2, func(f *py.Frame, a []string) (py.Object, *py.BaseException) {
			return none(syscall.Rename(a[0], a[1]), "")
		}),
		fnPath("link", 2, func(f *py.Frame, a []string) (py.Object, *py.BaseException) {
			return none(syscall.Link(a[0], a[1]), "")
		}),
		fnPath("symlink", 2, func(f *py.Frame, a []string) (py.Object, *py.BaseException) {
			return none(syscall.Symlink(a[0], a[1]), "")
		}),
		fnPath("readlink", 1, func(f *py.Frame, a []string) (py.Object, *py.BaseException) {
			s, err := os.Readlink(a[0])
			if err != nil {
				return nil, osErr(err, a[0])
			}
			return py.NewStr(s), nil
		}),
		native.F("chmod", chmod),
		native.F("access", access),
		native.F("utime", utime),
		native.F("umask", func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			n, err := intArgs(f, "umask", args, kw, 1)
			if err != nil {
				return nil, err
			}
			return py.NewInt(int64(syscall.Umask(n[0]))), nil
		}),
		native.F("stat", statFn("stat", syscall.Stat)),
		native.F("lstat", statFn("lstat", syscall.Lstat)),
		native.F("fstat", fstat),
		native.F("stat_float_times", statFloatTimes),
		native.F("open", open),
		native.F("read", read),
		native.F("write", write),
		fdFn("close", func(fd int) (py.Object, *py.BaseException) { return none(syscall.Close(fd), "") }),
		fdFn("fsync", func(fd int) (py.Object, *py.BaseException) { return none(syscall.Fsync(fd), "") }),
		fdFn("dup", func(fd int) (py.Object, *py.BaseException) {
			n, err := syscall.Dup(fd)
			if err != nil {
				return nil, osErr(err, "")
			}
			return py.NewInt(int64(n)), nil
		}),
		fdFn("isatty", func(fd int) (py.Object, *py.BaseException) {
			var st syscall.Stat_t
			if syscall.Fstat(fd, &st) != nil || st.Mode&syscall.S_IFMT != syscall.S_IFCHR {
				return py.False, nil
			}
			return py.NewBool(isTerminal(fd)), nil
		}),
		native.F("dup2", func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			n, err := intArgs(f, "dup2", args, kw, 2)
			if err != nil {
				return nil, err
			}
			return none(syscall.Dup3(n[0], n[1], 0), "")
		}),
		native.F("lseek", lseek),
		native.F("ftruncate", ftruncate),
		native.F("pipe", pipe),
		native.F("fdopen", fdopen),
		idFn("getpid", os.Getpid), idFn("getppid", os.Getppid), idFn("getuid", os.Getuid), idFn("geteuid", os.Geteuid),
		idFn("getgid", os.Getgid), idFn("getegid", os.Getegid), idFn("getpgrp", syscall.Getpgrp),
		native.F("getgroups", getgroups),
		native.F("getlogin", getlogin),
		native.F("kill", func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			n, err := intArgs(f, "kill", args, kw, 2)
			if err != nil {
				return nil, err
			}
			if e := syscall.Kill(n[0], syscall.Signal(n[1])); e != nil {
				return none(e, "")
			}
			if n[0] == syscall.Getpid() || n[0] == 0 {
				// CPython's handler runs right after kill() returns, the signal
				// being delivered to the calling thread: wait for it likewise.
				if err := py.AwaitOwnSignal(f, n[1]); err != nil {
					return nil, err
				}
			}
			return py.None, nil
		}),
		native.F("waitpid", func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			n, err := intArgs(f, "waitpid", args, kw, 2)
			if err != nil {
				return nil, err
			}
			return wait4(n[0], n[1])
		}),
		native.F("wait", func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			if err := py.NoArgs("wait", args, kw); err != nil {
				return nil, err
			}
			return wait4(-1, 0)
		}),
		native.F("_exit", func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			n, err := intArgs(f, "_exit", args, kw, 1)
			if err != nil {
				return nil, err
			}
			os.Exit(n[0])
			return py.None, nil
		}),
		native.F("system", system),
		native.F("popen", func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			a := make([]py.Object, 3)
			if err := native.ParseTuple("popen", args, []string{"command", "mode", "bufsize"}, 1, a); err != nil {
				return nil, err
			}
			cmd, ok := a[0].(*py.Str)
			if !ok {
				return nil, py.NewTypeError("popen() argument 1 must be string, not " + a[0].Type().Name())
			}
			mode := ""
			if a[1] != nil {
				m, ok := a[1].(*py.Str)
				if !ok {
					return nil, py.NewTypeError("popen() argument 2 must be string, not " + a[1].Type().Name())
				}
				mode = m.Value()
			}
			return py.Popen(f, cmd.Value(), mode)
		}),
		native.F("times", times),
		native.F("uname", uname),
		native.F("urandom", urandom),
		native.F("strerror", strerror),
		native.F("putenv", putenv),
		native.F("unsetenv", unsetenv),
	}
	for _, w := range waitMacros {
		w := w
		m = append(m, native.F(w.name, func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			n, err := intArgs(f, w.name, args, kw, 1)
			if err != nil {
				return nil, err
			}
			return w.fn(syscall.WaitStatus(n[0])), nil
		}))
	}
	for _, c := range constants {
		m = append(m, native.V(c.name, py.NewInt(c.value)))
	}
	return m
}

var waitMacros = []struct {
	name string
	fn   func(s syscall.WaitStatus) py.Object
}{
	{"WIFEXITED", func(s syscall.WaitStatus) py.Object { return py.NewBool(s.Exited()) }},
	{"WEXITSTATUS", func(s syscall.WaitStatus) py.Object { return py.NewInt(int64((s >> 8) & 0xff)) }},
	{"WIFSIGNALED", func(s syscall.WaitStatus) py.Object { return py.NewBool(s.Signaled()) }},
	{"WTERMSIG", func(s syscall.WaitStatus) py.Object { return py.NewInt(int64(s & 0x7f)) }},
	{"WIFSTOPPED", func(s syscall.WaitStatus) py.Object { return py.NewBool(s.Stopped()) }},
	{"WSTOPSIG", func(s syscall.WaitStatus) py.Object { return py.NewInt(int64((s >> 8) & 0xff)) }},
	{"WCOREDUMP", func(s syscall.WaitStatus) py.Object { return py.NewBool(s.CoreDump()) }},
	{"WIFCONTINUED", func(s syscall.WaitStatus) py.Object { return py.NewBool(s.Continued()) }},
}

// osErr builds OSError(errno, strerror[, filename]) like posix_error.
func osErr(err error, filename string) *py.BaseException {
	errno := syscall.EIO
	switch e := err.(type) {
	case syscall.Errno:
		errno = e
	case *os.PathError:
		if en, ok := e.Err.(syscall.Errno); ok {
			errno = en
		}
	case *os.LinkError:
		if en, ok := e.Err.(syscall.Errno); ok {
			errno = en
		}
	case *os.SyscallError:
		if en, ok := e.Err.(syscall.Errno); ok {
			errno = en
		}
	}
	var fn py.Object
	if filename != "" {
		fn = py.NewStr(filename)
	}
	return native.EnvError(py.OSErrorType, int(errno), message(int(errno)), fn)
}

func message(n int) string {
	if m, ok := messages[n]; ok {
		return m
	}
	return "Unknown error " + strconv.Itoa(n)
}

func none(err error, filename string) (py.Object, *py.BaseException) {
	if err != nil {
		return nil, osErr(err, filename)
	}
	return py.None, nil
}

func environ() py.Object {
	d := py.NewDict()
	f := py.NewRootFrame()
	for _, kv := range os.Environ() {
		if i := strings.IndexByte(kv, '='); i > 0 {
			d.SetItem(f, py.NewStr(kv[:i]), py.NewStr(kv[i+1:]))
		}
	}
	return d
}

// pathArg is the "et" conversion of a path: str, or unicode encoded.
func pathArg(f *py.Frame, fname string, o py.Object) (string, *py.BaseException) {
	switch v := py.BaseOf(o).(type) {
	case *py.Str:
		return v.Value(), nil
	case *py.Unicode:
		e, err := py.Encode(f, v.Runes(), "utf-8", "strict")
		if err != nil {
			return "", err
		}
		return e.(*py.Str).Value(), nil
	}
	return "", py.NewTypeError("coercing to Unicode: need string or buffer, " + o.Type().Name() + " found")
}

// fnPath makes a function of n path arguments.
func fnPath(name string, n int, fn func(f *py.Frame, a []string) (py.Object, *py.BaseException)) native.Member {
	return native.F(name, func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		if err := native.NoKwArgs(name, kw); err != nil {
			return nil, err
		}
		if len(args) != n {
			return nil, py.NewTypeError(name + "() takes exactly " + plural(n) + " (" + strconv.Itoa(len(args)) + " given)")
		}
		paths := make([]string, n)
		for i, a := range args {
			var err *py.BaseException
			if paths[i], err = pathArg(f, name, a); err != nil {
				return nil, err
			}
		}
		return fn(f, paths)
	})
}

func plural(n int) string {
	if n == 1 {
		return "1 argument"
	}
	if n == 0 {
		return "no arguments"
	}
	return strconv.Itoa(n) + " arguments"
}

// wait4 is waitpid(pid, options) -> (pid, status), retrying on EINTR.
func wait4(pid, options int) (py.Object, *py.BaseException) {
	for {
		var st syscall.WaitStatus
		got, e := syscall.Wait4(pid, &st, options, nil)
		if e == syscall.EINTR {
			continue
		}
		if e != nil {
			return nil, osErr(e, "")
		}
		return py.NewTuple(py.NewInt(int64(got)), py.NewInt(int64(st))), nil
	}
}

func intArgs(f *py.Frame, name string, args []py.Object, kw py.Kwargs, n int) ([]int, *py.BaseException) {
	if err := native.NoKwArgs(name, kw); err != nil {
		return nil, err
	}
	if len(args) != n {
		return nil, py.NewTypeError(name + "() takes exactly " + plural(n) + " (" + strconv.Itoa(len(args)) + " given)")
	}
	out := make([]int, n)
	for i, a := range args {
		var err *py.BaseException
		if out[i], err = native.Int(f, a); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func fdFn(name string, fn func(fd int) (py.Object, *py.BaseException)) native.Member {
	return native.F(name, func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		n, err := intArgs(f, name, args, kw, 1)
		if err != nil {
			return nil, err
		}
		return fn(n[0])
	})
}

func idFn(name string, fn func() int) native.Member {
	return native.F(name, func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		if err := py.NoArgs(name, args, kw); err != nil {
			return nil, err
		}
		return py.NewInt(int64(fn())), nil
	})
}

func listdir(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := native.NoKwArgs("listdir", kw); err != nil {
		return nil, err
	}
	if len(args) != 1 {
		return nil, py.NewTypeError("listdir() takes exactly 1 argument (" + strconv.Itoa(len(args)) + " given)")
	}
	_, uni := args[0].(*py.Unicode)
	path, err := pathArg(f, "listdir", args[0])
	if err != nil {
		return nil, err
	}
	d, e := os.Open(path)
	if e != nil {
		return nil, osErr(e, path)
	}
	defer d.Close()
	// readdir order, as CPython returns it (not sorted)
	names, e := d.Readdirnames(-1)
	if e != nil {
		return nil, osErr(e, path)
	}
	out := make([]py.Object, len(names))
	for i, n := range names {
		out[i] = py.NewStr(n)
		if uni {
			if u, err := py.Decode(f, n, "utf-8", "strict"); err == nil {
				out[i] = u
			}
		}
	}
	return py.NewList(out...), nil
}

func mkdir(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := native.NoKwArgs("mkdir", kw); err != nil {
		return nil, err
	}
	if err := py.UnpackArgs("mkdir", args, nil, 1, 2); err != nil {
		return nil, err
	}
	path, err := pathArg(f, "mkdir", args[0])
	if err != nil {
		return nil, err
	}
	mode := 0777
	if len(args) == 2 {
		if mode, err = native.Int(f, args[1]); err != nil {
			return nil, err
		}
	}
	return none(syscall.Mkdir(path, uint32(mode)), path)
}

func chmod(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := native.NoKwArgs("chmod", kw); err != nil {
		return nil, err
	}
	if len(args) != 2 {
		return nil, py.NewTypeError("chmod() takes exactly 2 arguments (" + strconv.Itoa(len(args)) + " given)")
	}
	path, err := pathArg(f, "chmod", args[0])
	if err != nil {
		return nil, err
	}
	mode, err := native.Int(f, args[1])
	if err != nil {
		return nil, err
	}
	return none(syscall.Chmod(path, uint32(mode)), path)
}

func access(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := native.NoKwArgs("access", kw); err != nil {
		return nil, err
	}
	if len(args) != 2 {
		return nil, py.NewTypeError("access() takes exactly 2 arguments (" + strconv.Itoa(len(args)) + " given)")
	}
	path, err := pathArg(f, "access", args[0])
	if err != nil {
		return nil, err
	}
	mode, err := native.Int(f, args[1])
	if err != nil {
		return nil, err
	}
	return py.NewBool(syscall.Access(path, uint32(mode)) == nil), nil
}

func utime(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.UnpackArgs("utime", args, kw, 2, 2); err != nil {
		return nil, err
	}
	path, err := pathArg(f, "utime", args[0])
	if err != nil {
		return nil, err
	}
	var at, mt time.Time
	if args[1] == py.None {
		at = time.Now()
		mt = at
	} else {
		t, ok := args[1].(*py.Tuple)
		if !ok || len(t.Elems()) != 2 {
			return nil, py.NewTypeError("utime() arg 2 must be a tuple (atime, mtime)")
		}
		a, err := native.Float(f, t.Elems()[0])
		if err != nil {
			return nil, err
		}
		m, err := native.Float(f, t.Elems()[1])
		if err != nil {
			return nil, err
		}
		at = time.Unix(0, int64(a*1e9))
		mt = time.Unix(0, int64(m*1e9))
	}
	return none(os.Chtimes(path, at, mt), path)
}

func statResult(st *syscall.Stat_t) py.Object {
	tf := func(ts syscall.Timespec) py.Object {
		if floatTimes.Load() {
			return py.NewFloat(float64(ts.Sec) + float64(ts.Nsec)*1e-9)
		}
		return py.NewInt(ts.Sec)
	}
	seq := py.NewTuple(py.NewInt(int64(st.Mode)), py.NewInt(int64(st.Ino)), py.NewInt(int64(st.Dev)), py.NewInt(int64(st.Nlink)),
		py.NewInt(int64(st.Uid)), py.NewInt(int64(st.Gid)), py.NewInt(st.Size),
		py.NewInt(st.Atim.Sec), py.NewInt(st.Mtim.Sec), py.NewInt(st.Ctim.Sec))
	inst := py.NewInstanceWithBase(statResultType, seq)
	d := inst.(py.DictHolder).Dict()
	d.SetStr("st_atime", tf(st.Atim))
	d.SetStr("st_mtime", tf(st.Mtim))
	d.SetStr("st_ctime", tf(st.Ctim))
	d.SetStr("st_blksize", py.NewInt(st.Blksize))
	d.SetStr("st_blocks", py.NewInt(st.Blocks))
	d.SetStr("st_rdev", py.NewInt(int64(st.Rdev)))
	return inst
}

func statFn(name string, fn func(string, *syscall.Stat_t) error) native.Func {
	return func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		if err := native.NoKwArgs(name, kw); err != nil {
			return nil, err
		}
		if len(args) != 1 {
			return nil, py.NewTypeError(name + "() takes exactly 1 argument (" + strconv.Itoa(len(args)) + " given)")
		}
		path, err := pathArg(f, name, args[0])
		if err != nil {
			return nil, err
		}
		var st syscall.Stat_t
		if e := fn(path, &st); e != nil {
			return nil, osErr(e, path)
		}
		return statResult(&st), nil
	}
}

func fstat(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	n, err := intArgs(f, "fstat", args, kw, 1)
	if err != nil {
		return nil, err
	}
	var st syscall.Stat_t
	if e := syscall.Fstat(n[0], &st); e != nil {
		return nil, osErr(e, "")
	}
	return statResult(&st), nil
}

func statFloatTimes(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.UnpackArgs("stat_float_times", args, kw, 0, 1); err != nil {
		return nil, err
	}
	if len(args) == 0 {
		return py.NewBool(floatTimes.Load()), nil
	}
	t, err := py.IsTrue(f, args[0])
	if err != nil {
		return nil, err
	}
	floatTimes.Store(t)
	return py.None, nil
}

func open(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	out := make([]py.Object, 3)
	if err := native.ParseKw("open", args, kw, []string{"filename", "flag", "mode"}, 2, out); err != nil {
		return nil, err
	}
	path, err := pathArg(f, "open", out[0])
	if err != nil {
		return nil, err
	}
	flag, err := native.Int(f, out[1])
	if err != nil {
		return nil, err
	}
	mode := 0777
	if out[2] != nil {
		if mode, err = native.Int(f, out[2]); err != nil {
			return nil, err
		}
	}
	fd, e := syscall.Open(path, flag, uint32(mode))
	if e != nil {
		return nil, osErr(e, path)
	}
	return py.NewInt(int64(fd)), nil
}

func read(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	n, err := intArgs(f, "read", args, kw, 2)
	if err != nil {
		return nil, err
	}
	if n[1] < 0 {
		return nil, osErr(syscall.EINVAL, "")
	}
	buf := make([]byte, n[1])
	k, e := syscall.Read(n[0], buf)
	if e != nil {
		return nil, osErr(e, "")
	}
	return py.NewStr(string(buf[:k])), nil
}

func write(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := native.NoKwArgs("write", kw); err != nil {
		return nil, err
	}
	if len(args) != 2 {
		return nil, py.NewTypeError("write() takes exactly 2 arguments (" + strconv.Itoa(len(args)) + " given)")
	}
	fd, err := native.Int(f, args[0])
	if err != nil {
		return nil, err
	}
	var data string
	switch v := py.BaseOf(args[1]).(type) {
	case *py.Str:
		data = v.Value()
	case *py.Unicode:
		e, err := py.Encode(f, v.Runes(), "ascii", "strict")
		if err != nil {
			return nil, err
		}
		data = e.(*py.Str).Value()
	default:
		return nil, py.NewTypeError("write() argument 2 must be string or buffer, not " + args[1].Type().Name())
	}
	k, e := syscall.Write(fd, []byte(data))
	if e != nil {
		return nil, osErr(e, "")
	}
	return py.NewInt(int64(k)), nil
}

func lseek(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	n, err := intArgs(f, "lseek", args, kw, 3)
	if err != nil {
		return nil, err
	}
	off, e := syscall.Seek(n[0], int64(n[1]), n[2])
	if e != nil {
		return nil, osErr(e, "")
	}
	return py.NewInt(off), nil
}

func ftruncate(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	n, err := intArgs(f, "ftruncate", args, kw, 2)
	if err != nil {
		return nil, err
	}
	return none(syscall.Ftruncate(n[0], int64(n[1])), "")
}

func pipe(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.NoArgs("pipe", args, kw); err != nil {
		return nil, err
	}
	var p [2]int
	if e := syscall.Pipe(p[:]); e != nil {
		return nil, osErr(e, "")
	}
	return py.NewTuple(py.NewInt(int64(p[0])), py.NewInt(int64(p[1]))), nil
}

func fdopen(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	out := make([]py.Object, 3)
	if err := native.ParseKw("fdopen", args, kw, []string{"fd", "mode", "bufsize"}, 1, out); err != nil {
		return nil, err
	}
	fd, err := native.Int(f, out[0])
	if err != nil {
		return nil, err
	}
	mode := "r"
	if out[1] != nil {
		s, ok := out[1].(*py.Str)
		if !ok {
			return nil, py.NewTypeError("fdopen() argument 2 must be string, not " + out[1].Type().Name())
		}
		mode = s.Value()
	}
	if mode == "" || strings.IndexByte("rwa", mode[0]) < 0 {
		return nil, py.NewValueError("invalid file mode '" + mode + "'")
	}
	var st syscall.Stat_t
	if e := syscall.Fstat(fd, &st); e != nil {
		return nil, osErr(e, "")
	}
	return py.NewFileFromOS(os.NewFile(uintptr(fd), "<fdopen>"), "<fdopen>", mode), nil
}

func getgroups(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.NoArgs("getgroups", args, kw); err != nil {
		return nil, err
	}
	gs, e := os.Getgroups()
	if e != nil {
		return nil, osErr(e, "")
	}
	out := make([]py.Object, len(gs))
	for i, g := range gs {
		out[i] = py.NewInt(int64(g))
	}
	return py.NewList(out...), nil
}

func getlogin(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.NoArgs("getlogin", args, kw); err != nil {
		return nil, err
	}
	if u := os.Getenv("LOGNAME"); u != "" {
		return py.NewStr(u), nil
	}
	return nil, osErr(syscall.ENOTTY, "")
}

func system(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := native.NoKwArgs("system", kw); err != nil {
		return nil, err
	}
	if len(args) != 1 {
		return nil, py.NewTypeError("system() takes exactly 1 argument (" + strconv.Itoa(len(args)) + " given)")
	}
	cmd, ok := args[0].(*py.Str)
	if !ok {
		return nil, py.NewTypeError("system() argument 1 must be string, not " + args[0].Type().Name())
	}
	// flush Python-level stdout first so output interleaves as in CPython
	if so, err := py.GetAttr(f, py.SysModule, "stdout"); err == nil {
		py.CallMethod(f, so, "flush", nil, nil)
	}
	c := exec.Command("/bin/sh", "-c", cmd.Value())
	c.Stdin, c.Stdout, c.Stderr = os.Stdin, os.Stdout, os.Stderr
	e := c.Run()
	if e == nil {
		return py.NewInt(0), nil
	}
	if ee, ok := e.(*exec.ExitError); ok {
		if ws, ok := ee.Sys().(syscall.WaitStatus); ok {
			return py.NewInt(int64(ws)), nil
		}
	}
	return py.NewInt(127 << 8), nil
}

func times(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.NoArgs("times", args, kw); err != nil {
		return nil, err
	}
	var t syscall.Tms
	ticks, e := syscall.Times(&t)
	if e != nil {
		return nil, osErr(e, "")
	}
	const hz = 100.0 // sysconf(_SC_CLK_TCK) on Linux
	return py.NewTuple(py.NewFloat(float64(t.Utime)/hz), py.NewFloat(float64(t.Stime)/hz),
		py.NewFloat(float64(t.Cutime)/hz), py.NewFloat(float64(t.Cstime)/hz), py.NewFloat(float64(ticks)/hz)), nil
}

func uname(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.NoArgs("uname", args, kw); err != nil {
		return nil, err
	}
	var u syscall.Utsname
	if e := syscall.Uname(&u); e != nil {
		return nil, osErr(e, "")
	}
	str := func(a [65]int8) py.Object {
		b := make([]byte, 0, len(a))
		for _, c := range a {
			if c == 0 {
				break
			}
			b = append(b, byte(c))
		}
		return py.NewStr(string(b))
	}
	return py.NewTuple(str(u.Sysname), str(u.Nodename), str(u.Release), str(u.Version), str(u.Machine)), nil
}

func urandom(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	n, err := intArgs(f, "urandom", args, kw, 1)
	if err != nil {
		return nil, err
	}
	if n[0] < 0 {
		return nil, py.NewValueError("negative argument not allowed")
	}
	b := make([]byte, n[0])
	if _, e := rand.Read(b); e != nil {
		return nil, osErr(e, "")
	}
	return py.NewStr(string(b)), nil
}

func strerror(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	n, err := intArgs(f, "strerror", args, kw, 1)
	if err != nil {
		return nil, err
	}
	return py.NewStr(message(n[0])), nil
}

func putenv(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := native.NoKwArgs("putenv", kw); err != nil {
		return nil, err
	}
	if len(args) != 2 {
		return nil, py.NewTypeError("putenv() takes exactly 2 arguments (" + strconv.Itoa(len(args)) + " given)")
	}
	k, ok1 := args[0].(*py.Str)
	v, ok2 := args[1].(*py.Str)
	if !ok1 || !ok2 {
		return nil, py.NewTypeError("putenv() argument must be string")
	}
	return none(os.Setenv(k.Value(), v.Value()), "")
}

func unsetenv(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := native.NoKwArgs("unsetenv", kw); err != nil {
		return nil, err
	}
	if len(args) != 1 {
		return nil, py.NewTypeError("unsetenv() takes exactly 1 argument (" + strconv.Itoa(len(args)) + " given)")
	}
	k, ok := args[0].(*py.Str)
	if !ok {
		return nil, py.NewTypeError("unsetenv() argument 1 must be string, not " + args[0].Type().Name())
	}
	return none(os.Unsetenv(k.Value()), "")
}

// isTerminal asks the tty driver, as isatty(3) does.
func isTerminal(fd int) bool {
	var t syscall.Termios
	_, _, e := syscall.Syscall(syscall.SYS_IOCTL, uintptr(fd), syscall.TCGETS, uintptr(unsafe.Pointer(&t)))
	return e == 0
}

// Strerror is glibc's strerror text for errno n (shared with the select
// and _socket modules, whose errors quote it).
func Strerror(n int) string { return message(n) }
