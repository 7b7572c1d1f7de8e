package py

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// subprocess.Popen._execute_child, POSIX version, without os.fork: a Go
// program cannot fork and go on running Python in the child, so the child's
// part (dup2 of the pipe ends, chdir, exec with a PATH search) is
// syscall.ForkExec's, and an exec failure comes back as the same OSError
// the child would have pickled to the parent. The rest of subprocess.py
// (pipes, communicate, wait) runs as written. preexec_fn, Python code run
// in the child, is refused.

var subprocessParams = []string{"self", "args", "executable", "preexec_fn", "close_fds", "cwd", "env",
	"universal_newlines", "startupinfo", "creationflags", "shell", "to_close",
	"p2cread", "p2cwrite", "c2pread", "c2pwrite", "errread", "errwrite"}

// patchPopen replaces Popen._execute_child once subprocess.py has run.
func patchPopen(m *Module) Object {
	popen := m.dict.getStr("Popen")
	t, ok := popen.(*Type)
	if !ok {
		return popen
	}
	fn := NewFunction(FuncSpec{Name: "_execute_child", Code: NewCode("_execute_child", "subprocess", nil), Params: subprocessParams},
		m.dict, executeChild)
	t.setAttrRaw("_execute_child", fn)
	return popen
}

func executeChild(f *Frame, a []Object) (Object, *BaseException) {
	self := a[0]
	p := map[string]Object{}
	for i, n := range subprocessParams {
		p[n] = a[i]
	}
	if p["preexec_fn"] != None {
		return nil, Missing("subprocess's preexec_fn (Python code run in the child between fork and exec)")
	}
	var argv []string
	switch v := BaseOf(p["args"]).(type) {
	case *Str:
		argv = []string{v.s}
	case *Unicode:
		s, err := ToStr(f, v)
		if err != nil {
			return nil, err
		}
		argv = []string{s.s}
	default:
		items, err := ToSlice(f, p["args"])
		if err != nil {
			return nil, err
		}
		for _, it := range items {
			s, ok := BaseOf(it).(*Str)
			if !ok {
				return nil, NewTypeError("execv() arg 2 must contain only strings")
			}
			argv = append(argv, s.s)
		}
	}
	if t, err := IsTrue(f, p["shell"]); err != nil {
		return nil, err
	} else if t {
		argv = append([]string{"/bin/sh", "-c"}, argv...)
		if e, ok := p["executable"].(*Str); ok && e.s != "" {
			argv[0] = e.s
		}
	}
	if len(argv) == 0 {
		return nil, NewException(IndexErrorType, "list index out of range")
	}
	executable := argv[0]
	if e, ok := p["executable"].(*Str); ok && p["shell"] != True {
		executable = e.s
	}
	var env []string
	if p["env"] != None {
		keys, err := ToSlice(f, p["env"])
		if err != nil {
			return nil, err
		}
		for _, k := range keys {
			v, err := GetItem(f, p["env"], k)
			if err != nil {
				return nil, err
			}
			ks, err1 := ToStr(f, k)
			vs, err2 := ToStr(f, v)
			if err1 != nil || err2 != nil {
				return nil, NewTypeError("execve() arg 3 contains a non-string value")
			}
			env = append(env, ks.s+"="+vs.s)
		}
	} else {
		env = os.Environ()
	}
	fd := func(name string, dflt uintptr) (uintptr, *BaseException) {
		if p[name] == None {
			return dflt, nil
		}
		n, err := IndexInt(f, p[name], "an integer is required")
		return uintptr(n), err
	}
	var files [3]uintptr
	var err *BaseException
	for i, n := range []string{"p2cread", "c2pwrite", "errwrite"} {
		if files[i], err = fd(n, uintptr(i)); err != nil {
			return nil, err
		}
	}
	// The parent's ends must not reach the child (CPython closes them there).
	for _, n := range []string{"p2cwrite", "c2pread", "errread"} {
		if p[n] != None {
			v, err := fd(n, 0)
			if err != nil {
				return nil, err
			}
			syscall.CloseOnExec(int(v))
		}
	}
	if t, _ := IsTrue(f, p["close_fds"]); t {
		closeOnExecAbove(2, files[:])
	}
	attr := &syscall.ProcAttr{Env: env, Files: files[:]}
	if c, ok := p["cwd"].(*Str); ok {
		attr.Dir = c.s
	}
	pid, execErr := forkExecPath(executable, argv, attr, env)
	// The child's ends of the pipes belong to the child now.
	closeInParent := func(child, parent string) *BaseException {
		if p[child] == None || p[parent] == None {
			return nil
		}
		v, err := fd(child, 0)
		if err != nil {
			return err
		}
		syscall.Close(int(v))
		_, err = CallMethod(f, p["to_close"], "remove", []Object{p[child]}, nil)
		return err
	}
	for _, pair := range [][2]string{{"p2cread", "p2cwrite"}, {"c2pwrite", "c2pread"}, {"errwrite", "errread"}} {
		if err := closeInParent(pair[0], pair[1]); err != nil {
			return nil, err
		}
	}
	if execErr != nil {
		return nil, osError(execErr)
	}
	if err := SetAttr(f, self, "pid", NewInt(int64(pid))); err != nil {
		return nil, err
	}
	if err := SetAttr(f, self, "_child_created", True); err != nil {
		return nil, err
	}
	return None, nil
}

// forkExecPath starts argv as execvpe would: a name without a slash is
// looked up on the PATH of the child's environment; of the failures, the
// first that is not "not found" wins, else the last.
func forkExecPath(executable string, argv []string, attr *syscall.ProcAttr, env []string) (int, error) {
	if strings.Contains(executable, "/") {
		return syscall.ForkExec(executable, argv, attr)
	}
	path := "/bin:/usr/bin"
	for _, kv := range env {
		if strings.HasPrefix(kv, "PATH=") {
			path = kv[len("PATH="):]
		}
	}
	var saved, last error
	for _, dir := range strings.Split(path, string(os.PathListSeparator)) {
		pid, err := syscall.ForkExec(filepath.Join(dir, executable), argv, attr)
		if err == nil {
			return pid, nil
		}
		last = err
		if err != syscall.ENOENT && err != syscall.ENOTDIR && saved == nil {
			saved = err
		}
	}
	if saved != nil {
		return 0, saved
	}
	return 0, last
}

// closeOnExecAbove marks every open descriptor above min, other than the
// child's standard ones, close-on-exec (close_fds=True).
func closeOnExecAbove(min int, keep []uintptr) {
	entries, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		return
	}
	for _, e := range entries {
		n, err := strconv.Atoi(e.Name())
		if err != nil || n <= min {
			continue
		}
		kept := false
		for _, k := range keep {
			kept = kept || uintptr(n) == k
		}
		if !kept {
			syscall.CloseOnExec(n)
		}
	}
}

// osError is OSError(errno, strerror) for a failed system call.
func osError(err error) *BaseException {
	n, msg := errnoOf(err)
	if n == 0 {
		return NewException(OSErrorType, msg)
	}
	return NewExceptionArgs(OSErrorType, NewInt(int64(n)), NewStr(msg))
}
