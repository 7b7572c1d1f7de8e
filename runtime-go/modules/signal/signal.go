// Package signalmod is CPython 2.7's signal module over os/signal: the
// constants, getsignal, signal() with SIG_DFL, SIG_IGN or a Python
// handler (run in the main thread at its next call or loop iteration,
// py.HandleSignal), alarm and pause.
//
// Members: signal getsignal default_int_handler alarm pause NSIG SIG_DFL
// SIG_IGN and the SIG* numbers of Linux.
//
// Not provided: setitimer/getitimer, siginterrupt, set_wakeup_fd.
package signalmod // "signal" would shadow os/signal

import (
	"math"
	"os/signal"
	"sync"
	"syscall"
	"time"

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
			native.F("alarm", alarm), native.F("pause", pause),
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
	switch mode {
	case 0:
		py.UnhandleSignal(n)
		signal.Reset(syscall.Signal(n))
	case 1:
		py.UnhandleSignal(n)
		signal.Ignore(syscall.Signal(n))
	default:
		py.HandleSignal(n, h) // default_int_handler too: calling it raises KeyboardInterrupt
	}
	mu.Lock()
	defer mu.Unlock()
	old := handlers[n]
	handlers[n] = h
	return old, nil
}

var (
	alarmMu       sync.Mutex
	alarmTimer    *time.Timer
	alarmDeadline time.Time
)

// alarm schedules SIGALRM in secs seconds (0 cancels) and returns the
// seconds left of the previous alarm, rounded as glibc's alarm(3) does.
func alarm(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	out := make([]py.Object, 1)
	if err := native.ParseTuple("alarm", args, []string{"seconds"}, 1, out); err != nil {
		return nil, err
	}
	secs, err := native.Int(f, out[0])
	if err != nil {
		return nil, err
	}
	alarmMu.Lock()
	defer alarmMu.Unlock()
	left := 0
	if alarmTimer != nil && alarmTimer.Stop() {
		left = int(math.Floor(time.Until(alarmDeadline).Seconds() + 0.5))
		if left == 0 {
			left = 1 // a pending alarm never reports 0
		}
	}
	alarmTimer = nil
	if secs > 0 {
		alarmDeadline = time.Now().Add(time.Duration(secs) * time.Second)
		alarmTimer = time.AfterFunc(time.Duration(secs)*time.Second, func() {
			_ = syscall.Kill(syscall.Getpid(), syscall.SIGALRM)
		})
	}
	return py.NewInt(int64(left)), nil
}

// pause waits for a signal and runs its handler.
func pause(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.NoArgs("pause", args, kw); err != nil {
		return nil, err
	}
	if err := py.PauseForSignal(f); err != nil {
		return nil, err
	}
	return py.None, nil
}
