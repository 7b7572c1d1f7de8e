// Package weakref is the basic part of CPython 2.7's _weakref module, on
// Go's weak pointers (package weak) and runtime.AddCleanup.
//
// Members:
//
//	ref(object[, callback])   weak reference; r() is the object or None;
//	                          subclassable (weakref.KeyedRef); hash and ==
//	                          follow the referent; reprs as CPython's
//	ReferenceType             the same type
//	getweakrefcount(object) getweakrefs(object)
//
// Semantics as far as Go's collector allows: an object dies when Go's GC
// finds it unreachable, not at the moment its last reference goes (CPython
// frees by reference counting, so `del x` kills a ref at once; here only a
// later collection does). A callback runs after the collection, on its own
// goroutine with a fresh frame, like a short-lived thread; an exception it
// raises is printed to stderr as CPython prints ignored exceptions.
// Weak references work to instances of classes (new- and old-style),
// classes and functions; other objects raise CPython's TypeError
// "cannot create weak reference to 'int' object".
//
//	proxy(object[, callback])  transparent proxy (ProxyType, or
//	                          CallableProxyType for callables): forwards
//	                          attributes, items, calls, len, iter, str,
//	                          comparisons and arithmetic; ReferenceError
//	                          once dead
//	_remove_dead_weakref(dict, key)
package weakref

import (
	"fmt"
	"os"
	"runtime"
	"sync"
	"weak"

	"github.com/grumpy-audit/grumpy-audit/runtime-go/modules/internal/native"
	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

var refType *py.Type

// ref is a weak reference. get returns the referent or nil once dead.
type ref struct {
	mu       sync.Mutex
	get      func() py.Object
	callback py.Object
	hash     int64
	hashed   bool
	id       int64 // the referent's id while alive (for the registry)
}

func (r *ref) Type() *py.Type { return refType }

var (
	regMu    sync.Mutex
	registry = map[int64][]*ref{} // live referent id -> its refs
)

func init() {
	refType = native.NewType(native.TypeSpec{Name: "weakref",
		New: newRef,
		Methods: map[string]native.Method{
			"__call__": func(f *py.Frame, s py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
				return s.(*ref).Call(f, args, kw)
			},
			"__init__": func(f *py.Frame, s py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
				return py.None, nil
			},
		},
	})
	native.Register("_weakref", "Weak-reference support module.", func() []native.Member {
		return []native.Member{
			native.V("ref", refType),
			native.V("ReferenceType", refType),
			native.F("getweakrefcount", getweakrefcount),
			native.F("proxy", newProxy),
			native.V("ProxyType", proxyType),
			native.V("CallableProxyType", callableProxyType),
			native.F("_remove_dead_weakref", removeDeadWeakref),
			native.F("getweakrefs", getweakrefs),
		}
	})
}

// weakGet makes a weak getter for the object kinds CPython can weakly
// reference, with a cleanup that fires when the object is collected.
func weakGet(o py.Object, onDeath func()) (func() py.Object, bool) {
	switch v := o.(type) {
	case *py.Instance:
		w := weak.Make(v)
		runtime.AddCleanup(v, func(struct{}) { onDeath() }, struct{}{})
		return func() py.Object {
			if p := w.Value(); p != nil {
				return p
			}
			return nil
		}, true
	case *py.ClassicInstance:
		w := weak.Make(v)
		runtime.AddCleanup(v, func(struct{}) { onDeath() }, struct{}{})
		return func() py.Object {
			if p := w.Value(); p != nil {
				return p
			}
			return nil
		}, true
	case *py.Function:
		w := weak.Make(v)
		runtime.AddCleanup(v, func(struct{}) { onDeath() }, struct{}{})
		return func() py.Object {
			if p := w.Value(); p != nil {
				return p
			}
			return nil
		}, true
	case *py.Type:
		w := weak.Make(v)
		runtime.AddCleanup(v, func(struct{}) { onDeath() }, struct{}{})
		return func() py.Object {
			if p := w.Value(); p != nil {
				return p
			}
			return nil
		}, true
	case *py.Class:
		w := weak.Make(v)
		runtime.AddCleanup(v, func(struct{}) { onDeath() }, struct{}{})
		return func() py.Object {
			if p := w.Value(); p != nil {
				return p
			}
			return nil
		}, true
	}
	return nil, false
}

func newRef(f *py.Frame, t *py.Type, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if len(kw) > 0 && t == refType {
		return nil, py.NewTypeError("ref() does not take keyword arguments")
	}
	if err := py.UnpackArgs("__new__", args, nil, 1, 2); err != nil {
		return nil, err
	}
	obj := args[0]
	var cb py.Object
	if len(args) == 2 && args[1] != py.None {
		cb = args[1]
	}
	id := py.ID(obj)
	// a plain ref without callback is shared, as in CPython
	if cb == nil && t == refType {
		regMu.Lock()
		for _, r := range registry[id] {
			if r.callback == nil && r.get() == obj {
				regMu.Unlock()
				return r, nil
			}
		}
		regMu.Unlock()
	}
	r := &ref{callback: cb, id: id}
	var wrapped py.Object = r
	if t != refType {
		wrapped = py.NewInstanceWithBase(t, r)
	}
	onDeath := func() {
		regMu.Lock()
		delete(registry, id)
		regMu.Unlock()
		if cb != nil {
			if py.Threaded() {
				go runCallback(cb, wrapped)
			} else {
				py.RunDetached(func() { runCallback(cb, wrapped) })
			}
		}
	}
	get, ok := weakGet(obj, onDeath)
	if !ok {
		return nil, py.NewTypeError("cannot create weak reference to '" + obj.Type().Name() + "' object")
	}
	r.get = get
	regMu.Lock()
	registry[id] = append(registry[id], r)
	regMu.Unlock()
	return wrapped, nil
}

func runCallback(cb, r py.Object) {
	f := py.NewRootFrame()
	if _, err := py.Call1(f, cb, r); err != nil {
		msg := err.Error()
		if s, e := py.ToStr(f, err); e == nil {
			msg = err.Type().Name() + ": " + s.Value()
		}
		fmt.Fprintf(os.Stderr, "Exception %s in %s ignored\n", msg, "<weakref callback>")
	}
}

// Call is r(): the referent or None.
func (r *ref) Call(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.UnpackArgs("weakref", args, kw, 0, 0); err != nil {
		return nil, err
	}
	if o := r.get(); o != nil {
		return o, nil
	}
	return py.None, nil
}

// Repr mirrors <weakref at 0x...; to 'Foo' at 0x...> and "; dead>".
func (r *ref) Repr(f *py.Frame) (string, *py.BaseException) {
	o := r.get()
	if o == nil {
		return "<weakref at " + native.Addr(r) + "; dead>", nil
	}
	name := ""
	if n, err := py.GetAttr(f, o, "__name__"); err == nil {
		if ns, ok := n.(*py.Str); ok {
			name = " (" + ns.Value() + ")"
		}
	}
	return "<weakref at " + native.Addr(r) + "; to '" + o.Type().Name() + "' at " + native.Addr(o) + name + ">", nil
}

// Hash is the referent's hash, remembered once computed.
func (r *ref) Hash(f *py.Frame) (int64, *py.BaseException) {
	r.mu.Lock()
	if r.hashed {
		h := r.hash
		r.mu.Unlock()
		return h, nil
	}
	r.mu.Unlock()
	o := r.get()
	if o == nil {
		return 0, py.NewTypeError("weak object has gone away")
	}
	h, err := py.Hash(f, o)
	if err != nil {
		return 0, err
	}
	r.mu.Lock()
	r.hash, r.hashed = h, true
	r.mu.Unlock()
	return h, nil
}

// RichCompare: live refs compare their referents, dead ones by identity.
func (r *ref) RichCompare(f *py.Frame, op py.CmpOp, y py.Object) (py.Object, *py.BaseException) {
	o, ok := py.BaseOf(y).(*ref)
	if !ok || op != py.EQ && op != py.NE {
		return py.NotImplemented, nil
	}
	a, b := r.get(), o.get()
	if a == nil || b == nil {
		return py.NewBool((r == o) == (op == py.EQ)), nil
	}
	return py.Compare(f, op, a, b)
}

func getweakrefcount(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.OneArg("getweakrefcount", args, kw); err != nil {
		return nil, err
	}
	return py.NewInt(int64(len(refsOf(args[0])))), nil
}

func getweakrefs(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.OneArg("getweakrefs", args, kw); err != nil {
		return nil, err
	}
	rs := refsOf(args[0])
	out := make([]py.Object, len(rs))
	for i, r := range rs {
		out[i] = r
	}
	return py.NewList(out...), nil
}

func refsOf(o py.Object) []*ref {
	regMu.Lock()
	defer regMu.Unlock()
	var out []*ref
	for _, r := range registry[py.ID(o)] {
		if r.get() == o {
			out = append(out, r)
		}
	}
	return out
}

var (
	_ py.Caller       = (*ref)(nil)
	_ py.Reprer       = (*ref)(nil)
	_ py.Hasher       = (*ref)(nil)
	_ py.RichComparer = (*ref)(nil)
)
