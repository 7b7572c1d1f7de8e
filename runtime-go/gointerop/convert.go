package gointerop

import (
	"math"
	"math/big"
	"reflect"
	"strconv"

	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

// Python → Go. toGo converts o to a value assignable to t, raising
// TypeError when no conversion exists and OverflowError when a number
// does not fit. It never silently truncates.
func toGo(f *py.Frame, o py.Object, t reflect.Type, sc *callScope) (reflect.Value, *py.BaseException) {
	if w, ok := asObject(o); ok {
		return fromWrapped(w, t)
	}
	switch t.Kind() {
	case reflect.Bool:
		if o == py.True || o == py.False {
			return reflect.ValueOf(o == py.True).Convert(t), nil
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if n, ok := pyInteger(o); ok {
			if !n.IsInt64() || reflect.Zero(t).OverflowInt(n.Int64()) {
				return reflect.Value{}, py.NewOverflowError("Python int too large to convert to Go " + t.String())
			}
			v := reflect.New(t).Elem()
			v.SetInt(n.Int64())
			return v, nil
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		if n, ok := pyInteger(o); ok {
			if n.Sign() < 0 {
				return reflect.Value{}, py.NewOverflowError("can't convert negative value to Go " + t.String())
			}
			if !n.IsUint64() || reflect.Zero(t).OverflowUint(n.Uint64()) {
				return reflect.Value{}, py.NewOverflowError("Python int too large to convert to Go " + t.String())
			}
			v := reflect.New(t).Elem()
			v.SetUint(n.Uint64())
			return v, nil
		}
	case reflect.Float32, reflect.Float64:
		var x float64
		if fl, ok := o.(*py.Float); ok {
			x = fl.Value()
		} else if n, ok := pyInteger(o); ok {
			x, _ = new(big.Float).SetInt(n).Float64()
		} else {
			break
		}
		if !math.IsInf(x, 0) && reflect.Zero(t).OverflowFloat(x) {
			return reflect.Value{}, py.NewOverflowError("Python float too large to convert to Go " + t.String())
		}
		return reflect.ValueOf(x).Convert(t), nil
	case reflect.Complex64, reflect.Complex128:
		if c, ok := pyComplex(f, o); ok {
			return reflect.ValueOf(c).Convert(t), nil
		}
	case reflect.String:
		if s, ok := pyString(o); ok {
			return reflect.ValueOf(s).Convert(t), nil
		}
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			if s, ok := o.(*py.Str); ok {
				return reflect.ValueOf([]byte(s.Value())).Convert(t), nil
			}
			if ba, ok := o.(*py.ByteArray); ok {
				// A copy: Go may keep the slice, and the bytearray stays Python's to mutate.
				if s, err := ba.Str(f); err == nil {
					if bs, ok := s.(*py.Str); ok {
						return reflect.ValueOf([]byte(bs.Value())).Convert(t), nil
					}
				}
			}
		}
		if items, ok := pySequence(o); ok {
			v := reflect.MakeSlice(t, len(items), len(items))
			for i, it := range items {
				e, err := toGo(f, it, t.Elem(), sc)
				if err != nil {
					return reflect.Value{}, err
				}
				v.Index(i).Set(e)
			}
			return v, nil
		}
		if o == py.None {
			return reflect.Zero(t), nil
		}
	case reflect.Array:
		if items, ok := pySequence(o); ok {
			if len(items) != t.Len() {
				return reflect.Value{}, py.NewValueError("Go " + t.String() + " needs exactly " + strconv.Itoa(t.Len()) + " items, got " + strconv.Itoa(len(items)))
			}
			v := reflect.New(t).Elem()
			for i, it := range items {
				e, err := toGo(f, it, t.Elem(), sc)
				if err != nil {
					return reflect.Value{}, err
				}
				v.Index(i).Set(e)
			}
			return v, nil
		}
	case reflect.Map:
		if d, ok := o.(*py.Dict); ok {
			keys, vals := d.Entries()
			v := reflect.MakeMapWithSize(t, len(keys))
			for i := range keys {
				k, err := toGo(f, keys[i], t.Key(), sc)
				if err != nil {
					return reflect.Value{}, err
				}
				e, err := toGo(f, vals[i], t.Elem(), sc)
				if err != nil {
					return reflect.Value{}, err
				}
				v.SetMapIndex(k, e)
			}
			return v, nil
		}
		if o == py.None {
			return reflect.Zero(t), nil
		}
	case reflect.Pointer:
		if o == py.None {
			return reflect.Zero(t), nil
		}
		// A plain value where *T is expected: convert to T and pass a fresh pointer.
		e, err := toGo(f, o, t.Elem(), sc)
		if err != nil {
			return reflect.Value{}, err
		}
		p := reflect.New(t.Elem())
		p.Elem().Set(e)
		return p, nil
	case reflect.Struct:
		if d, ok := o.(*py.Dict); ok {
			return structFromDict(f, d, t, sc)
		}
	case reflect.Func:
		if o == py.None {
			return reflect.Zero(t), nil
		}
		if py.IsCallable(o) {
			return makeFunc(o, t, sc), nil
		}
	case reflect.Interface:
		return toInterface(f, o, t, sc)
	case reflect.Chan, reflect.UnsafePointer:
		if o == py.None && t.Kind() == reflect.Chan {
			return reflect.Zero(t), nil
		}
		return reflect.Value{}, py.NewTypeError("cannot convert Python " + o.Type().Name() + " to Go " + t.String() + ": only Go values of that type can be passed")
	}
	return reflect.Value{}, cannotConvert(o, t)
}

func cannotConvert(o py.Object, t reflect.Type) *py.BaseException {
	return py.NewTypeError("cannot convert Python " + o.Type().Name() + " to Go " + t.String())
}

// fromWrapped passes a wrapped Go value on, taking its address or
// dereferencing it when that is what makes it fit.
func fromWrapped(w *Object, t reflect.Type) (reflect.Value, *py.BaseException) {
	v := w.v
	switch {
	case v.Type().AssignableTo(t):
		return v, nil
	case v.CanAddr() && v.Addr().Type().AssignableTo(t):
		return v.Addr(), nil
	case v.Kind() == reflect.Pointer && !v.IsNil() && v.Elem().Type().AssignableTo(t):
		return v.Elem(), nil
	case v.Type().ConvertibleTo(t) && v.Kind() == t.Kind() && v.Kind() != reflect.Pointer:
		// Between defined types with the same underlying type (http.Header ↔ map), as Go's T(v).
		return v.Convert(t), nil
	}
	return reflect.Value{}, py.NewTypeError("cannot use Go " + v.Type().String() + " as Go " + t.String())
}

// pyInteger reads a Python int, long or bool.
func pyInteger(o py.Object) (*big.Int, bool) {
	switch n := o.(type) {
	case *py.Int:
		return big.NewInt(n.Value()), true
	case *py.Long:
		return n.Big(), true
	}
	return nil, false
}

// pyString reads str (bytes as they are) or unicode (encoded as UTF-8).
func pyString(o py.Object) (string, bool) {
	switch s := o.(type) {
	case *py.Str:
		return s.Value(), true
	case *py.Unicode:
		return string(s.Runes()), true
	}
	return "", false
}

var complexType = py.NewComplex(0, 0).Type()

func pyComplex(f *py.Frame, o py.Object) (complex128, bool) {
	if o.Type() != complexType {
		return 0, false
	}
	re, err1 := py.GetAttr(f, o, "real")
	im, err2 := py.GetAttr(f, o, "imag")
	if err1 != nil || err2 != nil {
		return 0, false
	}
	r, ok1 := re.(*py.Float)
	i, ok2 := im.(*py.Float)
	if !ok1 || !ok2 {
		return 0, false
	}
	return complex(r.Value(), i.Value()), true
}

// pySequence reads a list or tuple (not arbitrary iterables: a str must
// not silently become a slice of one-character strings).
func pySequence(o py.Object) ([]py.Object, bool) {
	switch s := o.(type) {
	case *py.List:
		return s.Snapshot(), true
	case *py.Tuple:
		return s.Elems(), true
	}
	return nil, false
}

func structFromDict(f *py.Frame, d *py.Dict, t reflect.Type, sc *callScope) (reflect.Value, *py.BaseException) {
	v := reflect.New(t).Elem()
	keys, vals := d.Entries()
	for i, k := range keys {
		name, ok := pyString(k)
		if !ok {
			return reflect.Value{}, py.NewTypeError("Go struct " + t.String() + " field names must be strings")
		}
		if err := setField(f, v, name, vals[i], sc); err != nil {
			return reflect.Value{}, err
		}
	}
	return v, nil
}

// setField assigns an exported field of the addressable struct v.
func setField(f *py.Frame, v reflect.Value, name string, o py.Object, sc *callScope) *py.BaseException {
	sf, ok := v.Type().FieldByName(name)
	if !ok || !sf.IsExported() {
		return py.NewAttributeError("Go struct " + v.Type().String() + " has no exported field '" + name + "'")
	}
	e, err := toGo(f, o, sf.Type, sc)
	if err != nil {
		return err
	}
	fv, ferr := v.FieldByIndexErr(sf.Index)
	if ferr != nil {
		return py.NewAttributeError("Go " + v.Type().String() + "." + name + " is promoted through a nil embedded pointer")
	}
	fv.Set(e)
	return nil
}

// toInterface picks the Go value for an interface-typed parameter: the
// natural Go form of a Python value when it implements t, else a Python
// callable through the interface's registered adapter func type.
func toInterface(f *py.Frame, o py.Object, t reflect.Type, sc *callScope) (reflect.Value, *py.BaseException) {
	if o == py.None {
		return reflect.Zero(t), nil
	}
	if e, ok := o.(*py.BaseException); ok && reflect.TypeOf(e).Implements(t) {
		v := reflect.New(t).Elem()
		v.Set(reflect.ValueOf(e))
		return v, nil
	}
	if t.NumMethod() == 0 {
		g, err := natural(f, o)
		if err != nil {
			return reflect.Value{}, err
		}
		v := reflect.New(t).Elem()
		if g != nil {
			v.Set(reflect.ValueOf(g))
		}
		return v, nil
	}
	if fn, ok := adapterFor(t); ok && py.IsCallable(o) {
		return makeFunc(o, fn, sc), nil
	}
	if py.IsCallable(o) && t.NumMethod() == 1 {
		return reflect.Value{}, py.NewTypeError("cannot pass a Python callable as Go " + t.String() + ": no func type implementing it was imported (convert it first, e.g. HandlerFunc(callable))")
	}
	return reflect.Value{}, py.NewTypeError("Python " + o.Type().Name() + " does not implement Go " + t.String())
}

// natural is the Go value of o for an `any` slot: int, *big.Int (beyond
// int64), float64, bool, string, []any, map[string]any (or map[any]any
// when a key is not a string), nil for None; other objects stay Python
// objects (they come back unchanged).
func natural(f *py.Frame, o py.Object) (any, *py.BaseException) {
	if w, ok := asObject(o); ok {
		return w.v.Interface(), nil
	}
	switch x := o.(type) {
	case *py.Int:
		if o == py.True || o == py.False {
			return o == py.True, nil
		}
		if x.Value() >= math.MinInt && x.Value() <= math.MaxInt {
			return int(x.Value()), nil
		}
		return x.Value(), nil
	case *py.Long:
		return new(big.Int).Set(x.Big()), nil
	case *py.Float:
		return x.Value(), nil
	case *py.Str:
		return x.Value(), nil
	case *py.Unicode:
		return string(x.Runes()), nil
	case *py.List, *py.Tuple:
		items, _ := pySequence(o)
		out := make([]any, len(items))
		for i, it := range items {
			g, err := natural(f, it)
			if err != nil {
				return nil, err
			}
			out[i] = g
		}
		return out, nil
	case *py.Dict:
		keys, vals := x.Entries()
		strKeys := true
		for _, k := range keys {
			if _, ok := pyString(k); !ok {
				strKeys = false
			}
		}
		if strKeys {
			out := make(map[string]any, len(keys))
			for i, k := range keys {
				s, _ := pyString(k)
				g, err := natural(f, vals[i])
				if err != nil {
					return nil, err
				}
				out[s] = g
			}
			return out, nil
		}
		out := make(map[any]any, len(keys))
		for i, k := range keys {
			gk, err := natural(f, k)
			if err != nil {
				return nil, err
			}
			if gk != nil && !reflect.TypeOf(gk).Comparable() {
				return nil, py.NewTypeError("cannot use Python " + k.Type().Name() + " as a Go map key")
			}
			g, err := natural(f, vals[i])
			if err != nil {
				return nil, err
			}
			out[gk] = g
		}
		return out, nil
	}
	if o == py.None {
		return nil, nil
	}
	return o, nil
}

// Go → Python. fromGo converts v to its Python value: numbers, strings
// and bool by value (defined types such as time.Duration included, so
// arithmetic works); unnamed slices, arrays and maps copied into
// list/tuple/dict ([]byte into str); everything else wrapped.
func fromGo(v reflect.Value) py.Object {
	if !v.IsValid() {
		return py.None
	}
	switch v.Kind() {
	case reflect.Bool:
		return py.NewBool(v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return py.NewInt(v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		if u := v.Uint(); u > math.MaxInt64 {
			return py.NewLong(new(big.Int).SetUint64(u))
		}
		return py.NewInt(int64(v.Uint()))
	case reflect.Float32, reflect.Float64:
		return py.NewFloat(v.Float())
	case reflect.Complex64, reflect.Complex128:
		c := v.Complex()
		return py.NewComplex(real(c), imag(c))
	case reflect.String:
		return py.NewStr(v.String())
	case reflect.Interface:
		if v.IsNil() {
			return py.None
		}
		e := v.Elem()
		if o, ok := e.Interface().(py.Object); ok {
			return o
		}
		return fromGo(e)
	case reflect.Pointer, reflect.Map, reflect.Slice, reflect.Func, reflect.Chan:
		if v.IsNil() {
			return py.None
		}
	}
	if v.Type().Name() == "" {
		switch v.Kind() {
		case reflect.Slice:
			if v.Type().Elem().Kind() == reflect.Uint8 {
				return py.NewStr(string(v.Bytes()))
			}
			return py.NewList(elems(v)...)
		case reflect.Array:
			return py.NewTuple(elems(v)...)
		case reflect.Map:
			d := py.NewDictPresized(v.Len())
			it := v.MapRange()
			for it.Next() {
				if err := d.SetItem(nil, fromGo(it.Key()), fromGo(it.Value())); err != nil {
					// An unhashable key (a Go slice key is impossible; a wrapped value hashes by identity).
					return wrap(v)
				}
			}
			return d
		}
	}
	return wrap(v)
}

func elems(v reflect.Value) []py.Object {
	out := make([]py.Object, v.Len())
	for i := range out {
		out[i] = fromGo(v.Index(i))
	}
	return out
}
