package py

import "sync"

// Threads are goroutines. StartThread runs fn on a new goroutine with its
// own root frame; RunMain waits for non-daemon threads before exiting,
// as CPython's threading module does at shutdown.

var threadsWG sync.WaitGroup

// StartThread starts fn(f) on a goroutine. Uncaught exceptions are
// printed to stderr like thread.start_new_thread does ("Unhandled
// exception in thread started by ..."), via report.
func StartThread(daemon bool, fn func(f *Frame) *BaseException, report func(f *Frame, err *BaseException)) {
	EnableThreads()
	if !daemon {
		threadsWG.Add(1)
	}
	go func() {
		if !daemon {
			defer threadsWG.Done()
		}
		f := NewRootFrame()
		if err := fn(f); err != nil && report != nil {
			report(f, err)
		}
	}()
}

func waitForThreads() { threadsWG.Wait() }
