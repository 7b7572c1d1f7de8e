// Package gc is CPython 2.7's gc module over Go's collector.
//
// Members:
//
//	collect([generation])    runs Go's GC; returns 0 (Go does not count
//	                         unreachable objects the way CPython's cycle
//	                         collector does)
//	enable disable isenabled  turn automatic collection on/off
//	                         (debug.SetGCPercent)
//	get_threshold set_threshold get_debug set_debug get_count
//	                         accepted and remembered; they do not tune Go
//	is_tracked(obj)          False for atoms and dicts of atoms, else True
//	garbage                  always an empty list (Go frees cycles)
//	DEBUG_* constants
//
// get_objects, get_referrers and get_referents raise NotImplementedError:
// the Go heap cannot be walked.
package gc

import (
	"runtime"
	"runtime/debug"
	"sync"

	"github.com/grumpy-audit/grumpy-audit/runtime-go/modules/internal/native"
	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

var (
	mu         sync.Mutex
	enabled    = true
	savedPct   = 100
	thresholds = [3]int{700, 10, 10}
	debugFlags = 0
)

func init() {
	native.Register("gc", "This module provides access to the garbage collector for reference cycles.", func() []native.Member {
		return []native.Member{
			native.F("collect", collect),
			native.F("enable", func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
				if err := py.NoArgs("enable", args, kw); err != nil {
					return nil, err
				}
				mu.Lock()
				defer mu.Unlock()
				if !enabled {
					debug.SetGCPercent(savedPct)
					enabled = true
				}
				return py.None, nil
			}),
			native.F("disable", func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
				if err := py.NoArgs("disable", args, kw); err != nil {
					return nil, err
				}
				mu.Lock()
				defer mu.Unlock()
				if enabled {
					savedPct = debug.SetGCPercent(-1)
					enabled = false
				}
				return py.None, nil
			}),
			native.F("isenabled", func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
				if err := py.NoArgs("isenabled", args, kw); err != nil {
					return nil, err
				}
				mu.Lock()
				defer mu.Unlock()
				return py.NewBool(enabled), nil
			}),
			native.F("get_threshold", func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
				if err := py.NoArgs("get_threshold", args, kw); err != nil {
					return nil, err
				}
				mu.Lock()
				defer mu.Unlock()
				return py.NewTuple(py.NewInt(int64(thresholds[0])), py.NewInt(int64(thresholds[1])), py.NewInt(int64(thresholds[2]))), nil
			}),
			native.F("set_threshold", setThreshold),
			native.F("get_debug", func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
				if err := py.NoArgs("get_debug", args, kw); err != nil {
					return nil, err
				}
				mu.Lock()
				defer mu.Unlock()
				return py.NewInt(int64(debugFlags)), nil
			}),
			native.F("set_debug", func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
				out := make([]py.Object, 1)
				if err := native.ParseTuple("set_debug", args, []string{"flags"}, 1, out); err != nil {
					return nil, err
				}
				n, err := native.Int(f, out[0])
				if err != nil {
					return nil, err
				}
				mu.Lock()
				debugFlags = n
				mu.Unlock()
				return py.None, nil
			}),
			native.F("get_count", func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
				if err := py.NoArgs("get_count", args, kw); err != nil {
					return nil, err
				}
				return py.NewTuple(py.NewInt(0), py.NewInt(0), py.NewInt(0)), nil
			}),
			native.F("is_tracked", isTracked),
			native.F("get_objects", missing("gc.get_objects")),
			native.F("get_referrers", missing("gc.get_referrers")),
			native.F("get_referents", missing("gc.get_referents")),
			native.V("garbage", py.NewList()),
			native.V("DEBUG_STATS", py.NewInt(1)), native.V("DEBUG_COLLECTABLE", py.NewInt(2)),
			native.V("DEBUG_UNCOLLECTABLE", py.NewInt(4)), native.V("DEBUG_INSTANCES", py.NewInt(8)),
			native.V("DEBUG_OBJECTS", py.NewInt(16)), native.V("DEBUG_SAVEALL", py.NewInt(32)),
			native.V("DEBUG_LEAK", py.NewInt(62)),
		}
	})
}

func missing(what string) native.Func {
	return func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		return nil, py.Missing(what + " (the Go heap cannot be walked)")
	}
}

func collect(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	out := make([]py.Object, 1)
	if err := native.ParseKw("collect", args, kw, []string{"generation"}, 0, out); err != nil {
		return nil, err
	}
	if out[0] != nil {
		g, err := native.Int(f, out[0])
		if err != nil {
			return nil, err
		}
		if g < 0 || g > 2 {
			return nil, py.NewValueError("invalid generation")
		}
	}
	runtime.GC()
	return py.NewInt(0), nil
}

func setThreshold(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	out := make([]py.Object, 3)
	if err := native.ParseTuple("set_threshold", args, []string{"threshold0", "threshold1", "threshold2"}, 1, out); err != nil {
		return nil, err
	}
	mu.Lock()
	defer mu.Unlock()
	for i, o := range out {
		if o == nil {
			continue
		}
		n, err := native.Int(f, o)
		if err != nil {
			return nil, err
		}
		thresholds[i] = n
	}
	return py.None, nil
}

// isTracked follows CPython: atoms (None, numbers, strings) are not
// tracked; containers, instances, functions and classes are.
func isTracked(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.OneArg("is_tracked", args, kw); err != nil {
		return nil, err
	}
	return py.NewBool(tracked(f, args[0])), nil
}

// tracked: atoms are not tracked; a dict only once it holds a tracked key
// or value (CPython's MAINTAIN_TRACKING); other containers always.
func tracked(f *py.Frame, o py.Object) bool {
	switch v := o.(type) {
	case *py.NoneObject, *py.Int, *py.Long, *py.Float, *py.Complex, *py.Str, *py.Unicode:
		return false
	case *py.Dict:
		keys, vals := v.Entries()
		for i := range keys {
			if tracked(f, keys[i]) || tracked(f, vals[i]) {
				return true
			}
		}
		return false
	}
	return true
}
