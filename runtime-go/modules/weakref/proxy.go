package weakref

import (
	"github.com/grumpy-audit/grumpy-audit/runtime-go/modules/internal/native"
	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

// proxy is weakref.proxy: it forwards every operation to the referent
// and raises ReferenceError once that is gone.
type proxy struct {
	get func() py.Object
	typ *py.Type
}

// callableProxy adds __call__ (CallableProxyType).
type callableProxy struct{ proxy }

var proxyType, callableProxyType *py.Type

func init() {
	proxyType = native.NewType(native.TypeSpec{Name: "weakproxy"})
	callableProxyType = native.NewType(native.TypeSpec{Name: "weakcallableproxy"})
}

func (p *proxy) Type() *py.Type { return p.typ }

func (p *proxy) obj() (py.Object, *py.BaseException) {
	if o := p.get(); o != nil {
		return o, nil
	}
	return nil, py.NewException(py.ReferenceErrorType, "weakly-referenced object no longer exists")
}

func newProxy(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.UnpackArgs("proxy", args, kw, 1, 2); err != nil {
		return nil, err
	}
	obj := args[0]
	var cb py.Object
	if len(args) == 2 && args[1] != py.None {
		cb = args[1]
	}
	p := &proxy{typ: proxyType}
	var out py.Object = p
	if py.IsCallable(obj) {
		cp := &callableProxy{proxy{typ: callableProxyType}}
		p, out = &cp.proxy, cp
	}
	get, ok := weakGet(obj, func() {
		if cb != nil {
			if py.Threaded() {
				go runCallback(cb, out)
			} else {
				py.RunDetached(func() { runCallback(cb, out) })
			}
		}
	})
	if !ok {
		return nil, py.NewTypeError("cannot create weak reference to '" + obj.Type().Name() + "' object")
	}
	p.get = get
	return out, nil
}

// GetAttr forwards attribute reads.
func (p *proxy) GetAttr(f *py.Frame, name string) (py.Object, *py.BaseException) {
	o, err := p.obj()
	if err != nil {
		return nil, err
	}
	return py.GetAttr(f, o, name)
}

// SetAttr forwards attribute writes and deletions.
func (p *proxy) SetAttr(f *py.Frame, name string, v py.Object) *py.BaseException {
	o, err := p.obj()
	if err != nil {
		return err
	}
	return py.SetAttr(f, o, name, v)
}

// Repr mirrors <weakproxy at 0x...; to 'C' at 0x...>.
func (p *proxy) Repr(f *py.Frame) (string, *py.BaseException) {
	o := p.get()
	if o == nil {
		return "<weakproxy at " + native.Addr(p) + "; dead>", nil
	}
	return "<weakproxy at " + native.Addr(p) + " to " + o.Type().Name() + " at " + native.Addr(o) + ">", nil
}

// Str is str(referent).
func (p *proxy) Str(f *py.Frame) (py.Object, *py.BaseException) {
	o, err := p.obj()
	if err != nil {
		return nil, err
	}
	return py.StrObject(f, o)
}

// Hash: proxies are unhashable.
func (p *proxy) Hash(f *py.Frame) (int64, *py.BaseException) {
	return 0, py.NewTypeError("unhashable type: '" + p.typ.Name() + "'")
}

// Truth is bool(referent).
func (p *proxy) Truth(f *py.Frame) (bool, *py.BaseException) {
	o, err := p.obj()
	if err != nil {
		return false, err
	}
	return py.IsTrue(f, o)
}

// Len is len(referent).
func (p *proxy) Len(f *py.Frame) (int, *py.BaseException) {
	o, err := p.obj()
	if err != nil {
		return 0, err
	}
	return py.Len(f, o)
}

// GetItem forwards o[k].
func (p *proxy) GetItem(f *py.Frame, k py.Object) (py.Object, *py.BaseException) {
	o, err := p.obj()
	if err != nil {
		return nil, err
	}
	return py.GetItem(f, o, k)
}

// SetItem forwards o[k] = v.
func (p *proxy) SetItem(f *py.Frame, k, v py.Object) *py.BaseException {
	o, err := p.obj()
	if err != nil {
		return err
	}
	return py.SetItem(f, o, k, v)
}

// DelItem forwards del o[k].
func (p *proxy) DelItem(f *py.Frame, k py.Object) *py.BaseException {
	o, err := p.obj()
	if err != nil {
		return err
	}
	return py.DelItem(f, o, k)
}

// Iter is iter(referent).
func (p *proxy) Iter(f *py.Frame) (py.Object, *py.BaseException) {
	o, err := p.obj()
	if err != nil {
		return nil, err
	}
	return py.Iter(f, o)
}

// Contains forwards `in`.
func (p *proxy) Contains(f *py.Frame, x py.Object) (bool, *py.BaseException) {
	o, err := p.obj()
	if err != nil {
		return false, err
	}
	return py.Contains(f, o, x)
}

// RichCompare compares referents (a proxy operand is unwrapped).
func (p *proxy) RichCompare(f *py.Frame, op py.CmpOp, y py.Object) (py.Object, *py.BaseException) {
	o, err := p.obj()
	if err != nil {
		return nil, err
	}
	if q, ok := unwrap(y); ok {
		if y, err = q.obj(); err != nil {
			return nil, err
		}
	}
	return py.Compare(f, op, o, y)
}

// Binary forwards arithmetic on the referent.
func (p *proxy) Binary(f *py.Frame, op py.Op, y py.Object, side py.Side) (py.Object, *py.BaseException) {
	o, err := p.obj()
	if err != nil {
		return nil, err
	}
	if q, ok := unwrap(y); ok {
		if y, err = q.obj(); err != nil {
			return nil, err
		}
	}
	if side == py.Right {
		return py.BinaryOp(f, op, y, o)
	}
	return py.BinaryOp(f, op, o, y)
}

func unwrap(y py.Object) (*proxy, bool) {
	switch q := y.(type) {
	case *proxy:
		return q, true
	case *callableProxy:
		return &q.proxy, true
	}
	return nil, false
}

// Call forwards calls (CallableProxyType only).
func (c *callableProxy) Call(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	o, err := c.obj()
	if err != nil {
		return nil, err
	}
	return py.Call(f, o, args, kw)
}

// removeDeadWeakref is _remove_dead_weakref(dict, key): drop the entry
// when it holds a dead weak reference.
func removeDeadWeakref(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.UnpackArgs("_remove_dead_weakref", args, kw, 2, 2); err != nil {
		return nil, err
	}
	d, ok := py.BaseOf(args[0]).(*py.Dict)
	if !ok {
		return nil, py.NewTypeError("_remove_dead_weakref() argument 1 must be dict, not " + args[0].Type().Name())
	}
	v, err := d.Get(f, args[1])
	if err != nil || v == nil {
		return py.None, err
	}
	if r, ok := py.BaseOf(v).(*ref); ok && r.get() == nil {
		if err := d.DelItem(f, args[1]); err != nil && !err.IsInstance(py.KeyErrorType) {
			return nil, err
		}
	}
	return py.None, nil
}

var (
	_ py.AttrGetter   = (*proxy)(nil)
	_ py.AttrSetter   = (*proxy)(nil)
	_ py.Reprer       = (*proxy)(nil)
	_ py.Strer        = (*proxy)(nil)
	_ py.Hasher       = (*proxy)(nil)
	_ py.Truther      = (*proxy)(nil)
	_ py.Lener        = (*proxy)(nil)
	_ py.ItemGetter   = (*proxy)(nil)
	_ py.ItemSetter   = (*proxy)(nil)
	_ py.ItemDeleter  = (*proxy)(nil)
	_ py.Iterabler    = (*proxy)(nil)
	_ py.Container    = (*proxy)(nil)
	_ py.RichComparer = (*proxy)(nil)
	_ py.Binaryer     = (*proxy)(nil)
	_ py.Caller       = (*callableProxy)(nil)
)
