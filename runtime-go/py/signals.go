package py

import (
	"os"
	"os/signal"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// Process signals as CPython sets them up: SIGPIPE is ignored (a write
// to a closed pipe raises IOError EPIPE instead of killing the process)
// and SIGINT becomes KeyboardInterrupt in the main thread. A signal with
// a Python handler (signal.signal) is noted when it arrives, and the
// handler runs in the main thread at its next function call or loop
// iteration, as CPython runs handlers between bytecodes; time.sleep on
// the main thread returns early for it, as CPython's does.

// interruptPending is set when some signal waits for the main thread.
var interruptPending atomic.Bool

const nsig = 65

var (
	sigMu       sync.Mutex
	sigHandlers [nsig]Object // Python handlers; none for SIGINT means KeyboardInterrupt
	sigRouted   [nsig]bool   // arrivals are noted for the main thread
	sigPending  [nsig]atomic.Bool
	sigArrived  = make(chan os.Signal, 32)
	sigWake     = make(chan struct{}, 1)
)

func installSignalHandlers() {
	signal.Ignore(syscall.SIGPIPE)
	signal.Notify(sigArrived, os.Interrupt)
	sigMu.Lock()
	sigRouted[syscall.SIGINT] = true
	sigMu.Unlock()
	go func() {
		for s := range sigArrived {
			n, ok := s.(syscall.Signal)
			if !ok || int(n) <= 0 || int(n) >= nsig {
				continue
			}
			sigPending[n].Store(true)
			interruptPending.Store(true)
			select {
			case sigWake <- struct{}{}:
			default:
			}
		}
	}()
}

// HandleSignal routes sig to handler, a Python callable run as
// handler(signum, frame) on the main thread.
func HandleSignal(sig int, handler Object) {
	sigMu.Lock()
	sigHandlers[sig], sigRouted[sig] = handler, true
	sigMu.Unlock()
	signal.Notify(sigArrived, syscall.Signal(sig))
}

// UnhandleSignal stops routing sig to Python; the caller resets or
// ignores it at the process level.
func UnhandleSignal(sig int) {
	sigMu.Lock()
	sigHandlers[sig], sigRouted[sig] = nil, false
	sigMu.Unlock()
	sigPending[sig].Store(false)
}

// checkInterrupt runs what waits for the calling thread: in
// single-threaded mode the work queued by RunDetached, and on the main
// thread the handlers of arrived signals (their error is returned).
func checkInterrupt(f *Frame) *BaseException {
	if detachedPending.Load() && !threaded.Load() {
		runDetachedQueue(f)
	}
	if f != nil && f.thread == mainThread && interruptPending.CompareAndSwap(true, false) {
		return runSignalHandlers(f)
	}
	return nil
}

func runSignalHandlers(f *Frame) *BaseException {
	for sig := 1; sig < nsig; sig++ {
		if !sigPending[sig].CompareAndSwap(true, false) {
			continue
		}
		sigMu.Lock()
		h := sigHandlers[sig]
		sigMu.Unlock()
		var err *BaseException
		switch {
		case h != nil:
			_, err = Call(f, h, []Object{NewInt(int64(sig)), frameView(f)}, nil)
		case sig == int(syscall.SIGINT):
			err = NewExceptionArgs(KeyboardInterruptType)
		}
		if err != nil {
			// the others wait for the next check, as CPython leaves them tripped
			for s := sig + 1; s < nsig; s++ {
				if sigPending[s].Load() {
					interruptPending.Store(true)
					break
				}
			}
			return err
		}
	}
	return nil
}

// AwaitOwnSignal follows os.kill of the program's own pid: when sig goes
// to a Python handler, it waits (briefly) for the signal to arrive and
// runs the handler, so it runs before the next statement as in CPython.
func AwaitOwnSignal(f *Frame, sig int) *BaseException {
	if sig <= 0 || sig >= nsig || f == nil || f.thread != mainThread {
		return nil
	}
	sigMu.Lock()
	routed := sigRouted[sig]
	sigMu.Unlock()
	if !routed {
		return nil
	}
	for deadline := time.Now().Add(100 * time.Millisecond); !sigPending[sig].Load() && time.Now().Before(deadline); {
		time.Sleep(50 * time.Microsecond)
	}
	return checkInterrupt(f)
}

// SleepInterruptible is time.sleep: on the main thread a signal ends it
// early and its handler runs before sleep returns.
func SleepInterruptible(f *Frame, d time.Duration) *BaseException {
	if f == nil || f.thread != mainThread {
		time.Sleep(d)
		return nil
	}
	// Signals that came before the call are handled before the sleep.
	if err := checkInterrupt(f); err != nil {
		return err
	}
	select {
	case <-sigWake: // a signal handled earlier
	default:
	}
	if !interruptPending.Load() {
		t := time.NewTimer(d)
		select {
		case <-t.C:
		case <-sigWake:
			t.Stop()
		}
	}
	return checkInterrupt(f)
}

// PauseForSignal is signal.pause(): it waits for a signal, then runs its handler.
func PauseForSignal(f *Frame) *BaseException {
	select {
	case <-sigWake:
	default:
	}
	if !interruptPending.Load() {
		<-sigWake
	}
	return checkInterrupt(f)
}
