package gointerop

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"sync"

	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

// Object is a Go value seen from Python. Its Python type is the Go type's
// (TypeFor); exported methods and struct fields are attributes, Go funcs
// are callable, and slices, arrays and maps support len, indexing and
// iteration. Values made by calling a type are addressable, so methods
// with pointer receivers work on them.
type Object struct {
	typ *py.Type
	v   reflect.Value
}

// Type implements py.Object.
func (o *Object) Type() *py.Type { return o.typ }

// Value is the wrapped Go value.
func (o *Object) Value() reflect.Value { return o.v }

// FuncObject is a wrapped Go func: the only wrapped values that are
// callable, so Python's callable() tells them apart.
type FuncObject struct{ Object }

// Call calls the Go func.
func (o *FuncObject) Call(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	return callGo(f, o.v.Type().String(), o.v, args, kw)
}

func wrap(v reflect.Value) py.Object {
	o := Object{typ: TypeFor(v.Type()), v: v}
	if v.Kind() == reflect.Func {
		return &FuncObject{o}
	}
	return &o
}

// asObject unwraps either kind of wrapped Go value.
func asObject(o py.Object) (*Object, bool) {
	switch w := o.(type) {
	case *Object:
		return w, true
	case *FuncObject:
		return &w.Object, true
	}
	return nil, false
}

// GoValue is the Go value behind a wrapped Python object.
func GoValue(o py.Object) (reflect.Value, bool) {
	w, ok := asObject(o)
	if !ok {
		return reflect.Value{}, false
	}
	return w.v, true
}

// Repr is <Go net/http.Header value map[...]>.
func (o *Object) Repr(f *py.Frame) (string, *py.BaseException) {
	return "<Go " + o.v.Type().String() + " value " + o.goString() + ">", nil
}

// Str uses the value's String or Error method, else Go's %v.
func (o *Object) Str(f *py.Frame) (py.Object, *py.BaseException) {
	return py.NewStr(o.goString()), nil
}

func (o *Object) goString() (s string) {
	defer func() {
		if r := recover(); r != nil {
			// A String method that panics on its zero value (common for nil pointers).
			s = fmt.Sprintf("<%T: String panicked: %v>", o.v.Interface(), r)
		}
	}()
	if o.v.CanInterface() {
		return fmt.Sprint(o.v.Interface())
	}
	return o.v.String()
}

// container is the slice, array or map behind o (following one pointer).
func (o *Object) container() (reflect.Value, bool) {
	v := o.v
	if v.Kind() == reflect.Pointer && !v.IsNil() && v.Elem().Kind() == reflect.Array {
		v = v.Elem()
	}
	switch v.Kind() {
	case reflect.Slice, reflect.Array, reflect.Map, reflect.String, reflect.Chan:
		return v, true
	}
	return v, false
}

// Len is len() of a slice, array, map, string or channel.
func (o *Object) Len(f *py.Frame) (int, *py.BaseException) {
	if v, ok := o.container(); ok {
		return v.Len(), nil
	}
	return 0, py.NewTypeError("object of type '" + o.typ.Name() + "' has no len()")
}

// Truth is false for nil and for empty containers; any other Go value is
// true, as a Python object without __len__ or __nonzero__ is (a zero
// struct included).
func (o *Object) Truth(f *py.Frame) (bool, *py.BaseException) {
	switch o.v.Kind() {
	case reflect.Pointer, reflect.Interface, reflect.Func, reflect.Chan:
		return !o.v.IsNil(), nil
	}
	if v, ok := o.container(); ok {
		return v.Len() > 0, nil
	}
	return true, nil
}

func (o *Object) index(f *py.Frame, v reflect.Value, key py.Object) (int, *py.BaseException) {
	n, ok := pyInteger(key)
	if !ok || !n.IsInt64() {
		return 0, py.NewTypeError("Go " + v.Type().String() + " indices must be integers")
	}
	i := n.Int64()
	if i < 0 {
		i += int64(v.Len())
	}
	if i < 0 || i >= int64(v.Len()) {
		return 0, py.NewIndexError("Go " + v.Type().String() + " index out of range")
	}
	return int(i), nil
}

// GetItem indexes a slice or array, or looks a map key up (KeyError when
// absent).
func (o *Object) GetItem(f *py.Frame, key py.Object) (py.Object, *py.BaseException) {
	v, ok := o.container()
	if !ok || v.Kind() == reflect.Chan {
		return nil, py.NewTypeError("'" + o.typ.Name() + "' object has no attribute '__getitem__'")
	}
	if v.Kind() == reflect.Map {
		k, err := toGo(f, key, v.Type().Key(), nil)
		if err != nil {
			return nil, err
		}
		e := v.MapIndex(k)
		if !e.IsValid() {
			return nil, py.NewKeyError(key)
		}
		return fromGo(e), nil
	}
	i, err := o.index(f, v, key)
	if err != nil {
		return nil, err
	}
	return fromGo(v.Index(i)), nil
}

// SetItem stores into a slice, an addressable array or a map.
func (o *Object) SetItem(f *py.Frame, key, value py.Object) *py.BaseException {
	v, ok := o.container()
	if !ok || v.Kind() == reflect.String || v.Kind() == reflect.Chan {
		return py.NewTypeError("'" + o.typ.Name() + "' object does not support item assignment")
	}
	e, err := toGo(f, value, v.Type().Elem(), nil)
	if err != nil {
		return err
	}
	if v.Kind() == reflect.Map {
		k, err := toGo(f, key, v.Type().Key(), nil)
		if err != nil {
			return err
		}
		v.SetMapIndex(k, e)
		return nil
	}
	i, err := o.index(f, v, key)
	if err != nil {
		return err
	}
	if !v.Index(i).CanSet() {
		return py.NewTypeError("Go " + v.Type().String() + " value is not addressable (a copy)")
	}
	v.Index(i).Set(e)
	return nil
}

// Iter iterates elements of a slice or array, or the keys of a map in Go's
// order (sorted for ints and strings, so output is reproducible).
func (o *Object) Iter(f *py.Frame) (py.Object, *py.BaseException) {
	v, ok := o.container()
	if !ok || v.Kind() == reflect.Chan {
		return nil, py.NewTypeError("'" + o.typ.Name() + "' object is not iterable")
	}
	var items []py.Object
	if v.Kind() == reflect.Map {
		keys := v.MapKeys()
		sort.SliceStable(keys, func(i, j int) bool { return lessKey(keys[i], keys[j]) })
		for _, k := range keys {
			items = append(items, fromGo(k))
		}
	} else if v.Kind() == reflect.String {
		for _, b := range []byte(v.String()) {
			items = append(items, py.NewStr(string([]byte{b})))
		}
	} else {
		items = elems(v)
	}
	return py.Iter(f, py.NewTuple(items...))
}

func lessKey(a, b reflect.Value) bool {
	switch a.Kind() {
	case reflect.String:
		return a.String() < b.String()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return a.Int() < b.Int()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return a.Uint() < b.Uint()
	}
	return false
}

// RichCompare gives == and != for comparable Go values.
func (o *Object) RichCompare(f *py.Frame, op py.CmpOp, y py.Object) (py.Object, *py.BaseException) {
	w, ok := asObject(y)
	// Value.Comparable also checks the dynamic values inside interfaces, where == would panic.
	if !ok || (op != py.EQ && op != py.NE) || w.v.Type() != o.v.Type() || !o.v.Comparable() || !w.v.Comparable() {
		return py.NotImplemented, nil
	}
	eq := o.v.Interface() == w.v.Interface()
	return py.NewBool(eq == (op == py.EQ)), nil
}

// Hash agrees with RichCompare: pointers, chans and funcs hash by address,
// other comparable values by their Go syntax (%#v, which prints nested
// pointers as addresses), and non-comparable values (slices, maps) are
// unhashable, as Python's mutable containers are.
func (o *Object) Hash(f *py.Frame) (int64, *py.BaseException) {
	v := o.v
	if v.Kind() == reflect.Interface && !v.IsNil() {
		v = v.Elem()
	}
	if !v.Comparable() {
		return 0, py.NewTypeError("unhashable type: '" + o.typ.Name() + "'")
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Chan, reflect.Func, reflect.UnsafePointer:
		return int64(v.Pointer()), nil
	}
	if !v.CanInterface() {
		return 0, py.NewTypeError("unhashable type: '" + o.typ.Name() + "'")
	}
	return py.NewStr(fmt.Sprintf("%T%#v", v.Interface(), v.Interface())).Hash(f)
}

var (
	typesMu sync.Mutex
	types   = map[reflect.Type]*py.Type{}
)

// TypeFor is the Python type of Go type t: one per Go type, named after
// it (`<type '__go__.net/http.Header'>`), callable to make values, with
// t's exported methods (those of *t too) and struct fields in its dict.
func TypeFor(t reflect.Type) *py.Type {
	typesMu.Lock()
	defer typesMu.Unlock()
	if pt, ok := types[t]; ok {
		return pt
	}
	name, module := t.String(), "__go__"
	if t.Name() != "" && t.PkgPath() != "" {
		module = "__go__." + strings.ReplaceAll(t.PkgPath(), "/", ".")
		name = t.Name()
	}
	pt := py.NewBuiltinType(name, module, py.ObjectType)
	pt.SetFinal()
	types[t] = pt
	st := t
	if st.Kind() == reflect.Pointer {
		st = st.Elem()
	}
	if st.Kind() == reflect.Struct {
		for _, sf := range reflect.VisibleFields(st) {
			if sf.IsExported() && !sf.Anonymous {
				pt.Dict().SetStr(sf.Name, fieldDescr(sf))
			}
		}
	}
	mt := t
	if t.Kind() != reflect.Pointer && t.Kind() != reflect.Interface {
		mt = reflect.PointerTo(t)
	}
	for i := 0; i < mt.NumMethod(); i++ {
		m := mt.Method(i)
		pt.Def(m.Name, methodFn(m.Name))
	}
	pt.SetNew(func(f *py.Frame, _ *py.Type, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		return newValue(f, t, args, kw)
	})
	return pt
}

// methodFn calls method name on self: through its address when the
// method has a pointer receiver and the value is addressable.
func methodFn(name string) func(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	return func(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		o, ok := asObject(self)
		if !ok {
			return nil, py.NewTypeError("descriptor '" + name + "' needs a Go value")
		}
		if o.v.Kind() == reflect.Interface && o.v.IsNil() {
			return nil, py.NewAttributeError("nil Go " + o.v.Type().String() + " has no methods")
		}
		// A nil pointer receiver is fine: Go methods may handle it, and a panic becomes GoError.
		m := o.v.MethodByName(name)
		if !m.IsValid() && o.v.CanAddr() {
			m = o.v.Addr().MethodByName(name)
		}
		if !m.IsValid() {
			return nil, py.NewTypeError("Go method " + o.v.Type().String() + "." + name + " has a pointer receiver; this value is a copy (make it by calling the type)")
		}
		return callGo(f, o.v.Type().String()+"."+name, m, args, kw)
	}
}

func fieldDescr(sf reflect.StructField) *py.GetSet {
	field := func(o py.Object) (reflect.Value, *py.BaseException) {
		w, ok := asObject(o)
		if !ok {
			return reflect.Value{}, py.NewTypeError("field " + sf.Name + " needs a Go value")
		}
		v := w.v
		if v.Kind() == reflect.Pointer {
			if v.IsNil() {
				return reflect.Value{}, py.NewAttributeError("nil Go " + v.Type().String() + " has no field " + sf.Name)
			}
			v = v.Elem()
		}
		fv, err := v.FieldByIndexErr(sf.Index)
		if err != nil {
			return reflect.Value{}, py.NewAttributeError("Go " + v.Type().String() + "." + sf.Name + " is promoted through a nil embedded pointer")
		}
		return fv, nil
	}
	get := func(f *py.Frame, o py.Object) (py.Object, *py.BaseException) {
		v, err := field(o)
		if err != nil {
			return nil, err
		}
		return fromGo(v), nil
	}
	set := func(f *py.Frame, o py.Object, val py.Object) *py.BaseException {
		v, err := field(o)
		if err != nil {
			return err
		}
		if !v.CanSet() {
			return py.NewAttributeError("field " + sf.Name + " of this Go value is not settable (the value is a copy)")
		}
		g, err := toGo(f, val, sf.Type, nil)
		if err != nil {
			return err
		}
		v.Set(g)
		return nil
	}
	return py.NewGetSet(sf.Name, get, set)
}

// newValue is T(...): T() is the zero value, T(x) converts x (a Python
// callable becomes a func of type T, a list a slice...), T(Field=v, ...)
// fills a struct. The result is addressable. A pointer type *T makes a
// new(T).
func newValue(f *py.Frame, t reflect.Type, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if t.Kind() == reflect.Interface {
		return nil, py.NewTypeError("cannot create a value of Go interface type " + t.String())
	}
	if len(args) > 1 {
		return nil, py.NewTypeError("Go type " + t.String() + "() takes at most 1 argument (" + fmt.Sprint(len(args)) + " given)")
	}
	p := reflect.New(t)
	v := p.Elem()
	switch {
	case len(args) > 0:
	case t.Kind() == reflect.Pointer:
		v.Set(reflect.New(t.Elem()))
	case t.Kind() == reflect.Map:
		// T() is usable at once, like the literal T{}: a nil map would panic on the first store.
		v.Set(reflect.MakeMap(t))
	}
	if len(args) == 1 {
		g, err := toGo(f, args[0], t, nil)
		if err != nil {
			return nil, err
		}
		v.Set(g)
	}
	if len(kw) > 0 {
		sv := v
		if sv.Kind() == reflect.Pointer {
			sv = sv.Elem()
		}
		if sv.Kind() != reflect.Struct {
			return nil, py.NewTypeError("Go type " + t.String() + "() takes no keyword arguments (only structs have fields)")
		}
		for _, k := range kw {
			if err := setField(f, sv, k.Name, k.Value, nil); err != nil {
				return nil, err
			}
		}
	}
	return wrap(v), nil
}

var (
	_ py.Caller       = (*FuncObject)(nil)
	_ py.Reprer       = (*Object)(nil)
	_ py.Strer        = (*Object)(nil)
	_ py.Lener        = (*Object)(nil)
	_ py.Truther      = (*Object)(nil)
	_ py.ItemGetter   = (*Object)(nil)
	_ py.ItemSetter   = (*Object)(nil)
	_ py.Iterabler    = (*Object)(nil)
	_ py.RichComparer = (*Object)(nil)
	_ py.Hasher       = (*Object)(nil)
)
