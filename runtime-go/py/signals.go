package py

import (
	"os"
	"os/signal"
	"sync/atomic"
	"syscall"
)

// Process signals as CPython sets them up: SIGPIPE is ignored (a write
// to a closed pipe raises IOError EPIPE instead of killing the process)
// and SIGINT becomes KeyboardInterrupt in the main thread, delivered at
// the next function call or loop iteration.

var interruptPending atomic.Bool

func installSignalHandlers() {
	signal.Ignore(syscall.SIGPIPE)
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt)
	go func() {
		for range ch {
			interruptPending.Store(true)
		}
	}()
}

// checkInterrupt raises a pending KeyboardInterrupt on the main thread;
// in single-threaded mode it first runs work queued by RunDetached.
func checkInterrupt(f *Frame) *BaseException {
	if detachedPending.Load() && !threaded.Load() {
		runDetachedQueue(f)
	}
	if f != nil && f.thread == mainThread && interruptPending.CompareAndSwap(true, false) {
		return NewExceptionArgs(KeyboardInterruptType)
	}
	return nil
}
