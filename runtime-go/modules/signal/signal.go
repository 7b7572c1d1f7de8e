// Package signalmod is the part of CPython 2.7's signal module that Go
// can honour exactly: the constants, getsignal, and signal() with SIG_DFL
// or SIG_IGN (the common `signal.signal(signal.SIGPIPE, signal.SIG_DFL)`
// idiom of command-line tools), through os/signal.
//
// Members: signal getsignal default_int_handler NSIG SIG_DFL SIG_IGN and
// the SIG* numbers of Linux.
//
// A Python callable as handler raises NotImplementedError: CPython runs it
// in the main thread between bytecodes, which the Go runtime has no hook
// for yet. Not provided: alarm, pause, setitimer/getitimer, siginterrupt,
// set_wakeup_fd.
package signalmod // "signal" would shadow os/signal

import (
	"os/signal"
	"sync"
	"syscall"

	"github.com/grumpy-audit/grumpy-audit/runtime-go/modules/internal/native"
	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

var names = []struct {
	n string
	v int
}{{"SIGABRT", 6}, {"SIGALRM", 14}, {"SIGBUS", 7}, {"SIGCHLD", 17}, {"SIGCLD", 17}, {"SIGCONT", 18},
	{"SIGFPE", 8}, {"SIGHUP", 1}, {"SIGILL", 4}, {"SIGINT", 2}, {"SIGIO", 29}, {"SIGIOT", 6}, {"SIGKILL", 9},
	{"SIGPIPE", 13}, {"SIGPOLL", 29}, {"SIGPROF", 27}, {"SIGPWR", 30}, {"SIGQUIT", 3}, {"SIGRTMAX", 64},
	{"SIGRTMIN", 34}, {"SIGSEGV", 11}, {"SIGSTOP", 19}, {"SIGSYS", 31}, {"SIGTERM", 15}, {"SIGTRAP", 5},
	{"SIGTSTP", 20}, {"SIGTTIN", 21}, {"SIGTTOU", 22}, {"SIGURG", 23}, {"SIGUSR1", 10}, {"SIGUSR2", 12},
	{"SIGVTALRM", 26}, {"SIGWINCH", 28}, {"SIGXCPU", 24}, {"SIGXFSZ", 25}}

const nsig = 65

var (
	mu            sync.Mutex
	handlers      [nsig]py.Object
	defaultIntHdl *py.BuiltinFunction
)

func init() {
	defaultIntHdl = py.NewBuiltinFunctionIn("signal", "default_int_handler", func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		return nil, py.NewExceptionArgs(py.KeyboardInterruptType)
	})
	for i := range handlers {
		handlers[i] = py.NewInt(0)
	}
	handlers[syscall.SIGINT] = defaultIntHdl
	handlers[syscall.SIGPIPE] = py.NewInt(1) // CPython ignores SIGPIPE at start-up
	native.Register("signal", "This module provides mechanisms to use signal handlers in Python.", func() []native.Member {
		m := []native.Member{
			native.F("signal", setSignal), native.F("getsignal", getsignal),
			native.V("default_int_handler", defaultIntHdl),
			native.V("NSIG", py.NewInt(nsig)), native.V("SIG_DFL", py.NewInt(0)), native.V("SIG_IGN", py.NewInt(1)),
		}
		for _, s := range names {
			m = append(m, native.V(s.n, py.NewInt(int64(s.v))))
		}
		return m
	})
}

func sigArg(f *py.Frame, o py.Object) (int, *py.BaseException) {
	n, err := native.Int(f, o)
	if err != nil {
		return 0, err
	}
	if n < 1 || n >= nsig {
		return 0, py.NewValueError("signal number out of range")
	}
	return n, nil
}

func getsignal(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	out := make([]py.Object, 1)
	if err := native.ParseTuple("getsignal", args, []string{"sig"}, 1, out); err != nil {
		return nil, err
	}
	n, err := sigArg(f, out[0])
	if err != nil {
		return nil, err
	}
	mu.Lock()
	defer mu.Unlock()
	return handlers[n], nil
}

func setSignal(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	out := make([]py.Object, 2)
	if err := native.ParseTuple("signal", args, []string{"sig", "action"}, 2, out); err != nil {
		return nil, err
	}
	n, err := sigArg(f, out[0])
	if err != nil {
		return nil, err
	}
	h := out[1]
	mode := -1
	if i, ok := h.(*py.Int); ok && (i.Value() == 0 || i.Value() == 1) {
		mode = int(i.Value())
	} else if !py.IsCallable(h) {
		return nil, py.NewTypeError("signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object")
	}
	if n == int(syscall.SIGKILL) || n == int(syscall.SIGSTOP) {
		return nil, py.NewExceptionArgs(py.RuntimeErrorType, py.NewInt(22), py.NewStr("Invalid argument"))
	}
	switch {
	case mode == 0:
		signal.Reset(syscall.Signal(n))
	case mode == 1:
		signal.Ignore(syscall.Signal(n))
	case h == defaultIntHdl && n == int(syscall.SIGINT):
		signal.Reset(syscall.Signal(n)) // the process default: Ctrl-C ends the program
	default:
		return nil, py.Missing("signal handlers written in Python")
	}
	mu.Lock()
	defer mu.Unlock()
	old := handlers[n]
	handlers[n] = h
	return old, nil
}
