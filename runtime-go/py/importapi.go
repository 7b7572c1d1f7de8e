package py

// Import-machinery hooks for the native `imp` module: it needs to see the
// module registry and CPython's reentrant import lock from outside py.

// LookupModule reports whether name is registered (importable), with its
// source filename ("" for native modules) and whether it is a package.
func LookupModule(name string) (filename string, isPackage, ok bool) {
	spec := lookupSpec(name)
	if spec == nil {
		return "", false, false
	}
	return spec.Filename, spec.IsPackage, true
}

// ImportLockAcquire takes the import lock for f's thread (reentrant).
func ImportLockAcquire(f *Frame) { importMu.Lock(f) }

// ImportLockRelease releases one level of the import lock; false when
// f's thread does not hold it (imp.release_lock's RuntimeError).
func ImportLockRelease(f *Frame) bool {
	var ts *threadState
	if f != nil {
		ts = f.thread
	}
	importMu.mu.Lock()
	held := importMu.count > 0 && importMu.owner == ts
	importMu.mu.Unlock()
	if !held {
		return false
	}
	importMu.Unlock()
	return true
}

// ImportLockHeld is imp.lock_held(): whether any thread holds the lock.
func ImportLockHeld() bool {
	importMu.mu.Lock()
	defer importMu.mu.Unlock()
	return importMu.count > 0
}
