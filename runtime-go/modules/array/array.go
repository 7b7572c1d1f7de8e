// Package array is the basic part of CPython 2.7's array module: typed
// arrays of c b B u h H i I l L f d (LP64 sizes, 'u' is UCS-4).
//
// Members:
//
//	array(typecode[, initializer])  initializer: list, iterable, str
//	                                (machine bytes) or unicode ('u')
//	  append extend insert pop remove index count reverse byteswap
//	  fromlist fromstring fromunicode tolist tostring tounicode
//	  buffer_info; typecode itemsize; len, indexing and slices (read,
//	  assign, delete), + * += *=, in, comparisons, iteration, repr
//	ArrayType                       the same type
//
// Not provided: fromfile/tofile/read/write, __reduce__ (pickling), the
// buffer interface. Items are range-checked with CPython's
// OverflowError texts; 'I' and 'L' items read back as longs, as in 2.7.
package array

import (
	"encoding/binary"
	"math"
	"math/big"
	"strings"
	"sync"

	"github.com/grumpy-audit/grumpy-audit/runtime-go/modules/internal/native"
	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

var arrayType *py.Type

var itemSize = map[byte]int{'c': 1, 'b': 1, 'B': 1, 'u': 4, 'h': 2, 'H': 2, 'i': 4, 'I': 4, 'l': 8, 'L': 8, 'f': 4, 'd': 8}

type array struct {
	mu    sync.Mutex
	code  byte
	items []py.Object
}

func (a *array) Type() *py.Type { return arrayType }

func init() {
	arrayType = native.NewType(native.TypeSpec{Name: "array", Module: "array",
		Doc: "array(typecode [, initializer]) -> array",
		New: newArray,
		Methods: map[string]native.Method{
			"append": m1("append", func(f *py.Frame, a *array, v py.Object) (py.Object, *py.BaseException) {
				x, err := a.conv(f, v)
				if err != nil {
					return nil, err
				}
				a.items = append(a.items, x)
				return py.None, nil
			}),
			"extend":      extend,
			"insert":      insert,
			"pop":         pop,
			"remove":      m1("remove", func(f *py.Frame, a *array, v py.Object) (py.Object, *py.BaseException) { return a.find(f, v, true) }),
			"index":       m1("index", func(f *py.Frame, a *array, v py.Object) (py.Object, *py.BaseException) { return a.find(f, v, false) }),
			"count":       m1("count", count),
			"reverse":     m0("reverse", reverse),
			"byteswap":    m0("byteswap", byteswap),
			"fromlist":    m1("fromlist", fromlist),
			"fromstring":  m1("fromstring", fromstring),
			"fromunicode": m1("fromunicode", fromunicode),
			"tolist": m0("tolist", func(a *array) (py.Object, *py.BaseException) {
				return py.NewList(append([]py.Object(nil), a.items...)...), nil
			}),
			"tostring":  m0("tostring", func(a *array) (py.Object, *py.BaseException) { return py.NewStr(a.bytes()), nil }),
			"tounicode": m0("tounicode", tounicode),
			"buffer_info": m0("buffer_info", func(a *array) (py.Object, *py.BaseException) {
				return py.NewTuple(py.NewInt(py.ID(a)), py.NewInt(int64(len(a.items)))), nil
			}),
			"__copy__": m0("__copy__", func(a *array) (py.Object, *py.BaseException) {
				return &array{code: a.code, items: append([]py.Object(nil), a.items...)}, nil
			}),
		},
		Getters: map[string]func(f *py.Frame, s py.Object) (py.Object, *py.BaseException){
			"typecode": func(f *py.Frame, s py.Object) (py.Object, *py.BaseException) {
				return py.NewStr(string(s.(*array).code)), nil
			},
			"itemsize": func(f *py.Frame, s py.Object) (py.Object, *py.BaseException) {
				return py.NewInt(int64(itemSize[s.(*array).code])), nil
			},
		},
	})
	native.Register("array", "This module defines an object type which can efficiently represent\nan array of basic values.", func() []native.Member {
		return []native.Member{native.V("array", arrayType), native.V("ArrayType", arrayType)}
	})
}

func newArray(f *py.Frame, t *py.Type, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if len(kw) > 0 {
		return nil, py.NewTypeError("array.array() does not take keyword arguments")
	}
	if err := py.UnpackArgs("array", args, nil, 1, 2); err != nil {
		return nil, err
	}
	tc, ok := args[0].(*py.Str)
	if !ok || len(tc.Value()) != 1 {
		return nil, py.NewTypeError("array() argument 1 must be char, not " + args[0].Type().Name())
	}
	code := tc.Value()[0]
	if _, ok := itemSize[code]; !ok {
		return nil, py.NewValueError("bad typecode (must be c, b, B, u, h, H, i, I, l, L, f or d)")
	}
	a := &array{code: code}
	if len(args) == 2 {
		init := args[1]
		switch v := init.(type) {
		case *py.Str:
			if err := a.fromBytes(v.Value()); err != nil {
				return nil, err
			}
		case *py.Unicode:
			if code != 'u' {
				return nil, py.NewTypeError("array initializer must be list or string")
			}
			for _, r := range v.Runes() {
				a.items = append(a.items, py.NewUnicodeRunes([]rune{r}))
			}
		default:
			items, err := py.ToSlice(f, init)
			if err != nil {
				return nil, err
			}
			for _, it := range items {
				x, err := a.conv(f, it)
				if err != nil {
					return nil, err
				}
				a.items = append(a.items, x)
			}
		}
	}
	return native.Wrap(t, arrayType, a), nil
}

// conv checks and normalises one item for the typecode.
func (a *array) conv(f *py.Frame, v py.Object) (py.Object, *py.BaseException) {
	switch a.code {
	case 'c':
		if s, ok := v.(*py.Str); ok && len(s.Value()) == 1 {
			return s, nil
		}
		return nil, py.NewTypeError("array item must be char")
	case 'u':
		if u, ok := v.(*py.Unicode); ok && len(u.Runes()) == 1 {
			return u, nil
		}
		return nil, py.NewTypeError("array item must be unicode character")
	case 'f', 'd':
		x, err := native.Float(f, v)
		if err != nil {
			return nil, err
		}
		if a.code == 'f' {
			x = float64(float32(x))
		}
		return py.NewFloat(x), nil
	}
	if _, ok := v.(*py.Float); ok {
		return nil, py.NewTypeError("integer argument expected, got float")
	}
	b, ok := native.Big(f, v)
	if !ok {
		return nil, py.NewTypeError("an integer is required")
	}
	type lim struct {
		lo, hi int64
		name   string
	}
	limits := map[byte]lim{
		'b': {-128, 127, "signed char"}, 'B': {0, 255, "unsigned byte integer"},
		'h': {-32768, 32767, "signed short integer"}, 'H': {0, 65535, "unsigned short"},
		'i': {math.MinInt32, math.MaxInt32, "signed integer"}, 'I': {0, math.MaxUint32, "unsigned int"},
	}
	switch a.code {
	case 'l':
		if !b.IsInt64() {
			return nil, py.NewOverflowError("Python int too large to convert to C long")
		}
		return py.NewInt(b.Int64()), nil
	case 'L':
		if b.Sign() < 0 {
			return nil, py.NewOverflowError("unsigned long is less than minimum")
		}
		if b.BitLen() > 64 {
			return nil, py.NewOverflowError("long int too large to convert")
		}
		return py.NewLong(new(big.Int).Set(b)), nil
	}
	l := limits[a.code]
	if !b.IsInt64() && b.Sign() > 0 || b.IsInt64() && b.Int64() > l.hi {
		return nil, py.NewOverflowError(l.name + " is greater than maximum")
	}
	if !b.IsInt64() || b.Int64() < l.lo {
		return nil, py.NewOverflowError(l.name + " is less than minimum")
	}
	if a.code == 'I' {
		return py.NewLong(big.NewInt(b.Int64())), nil
	}
	return py.NewInt(b.Int64()), nil
}

func (a *array) fromBytes(s string) *py.BaseException {
	sz := itemSize[a.code]
	if len(s)%sz != 0 {
		return py.NewValueError("string length not a multiple of item size")
	}
	le := binary.LittleEndian
	for i := 0; i < len(s); i += sz {
		b := []byte(s[i : i+sz])
		var v py.Object
		switch a.code {
		case 'c':
			v = py.NewStr(string(b))
		case 'b':
			v = py.NewInt(int64(int8(b[0])))
		case 'B':
			v = py.NewInt(int64(b[0]))
		case 'h':
			v = py.NewInt(int64(int16(le.Uint16(b))))
		case 'H':
			v = py.NewInt(int64(le.Uint16(b)))
		case 'i':
			v = py.NewInt(int64(int32(le.Uint32(b))))
		case 'I':
			v = py.NewLong(big.NewInt(int64(le.Uint32(b))))
		case 'l':
			v = py.NewInt(int64(le.Uint64(b)))
		case 'L':
			v = py.NewLong(new(big.Int).SetUint64(le.Uint64(b)))
		case 'u':
			v = py.NewUnicodeRunes([]rune{rune(le.Uint32(b))})
		case 'f':
			v = py.NewFloat(float64(math.Float32frombits(le.Uint32(b))))
		case 'd':
			v = py.NewFloat(math.Float64frombits(le.Uint64(b)))
		}
		a.items = append(a.items, v)
	}
	return nil
}

func (a *array) bytes() string {
	var sb strings.Builder
	le := binary.LittleEndian
	buf := make([]byte, 8)
	for _, it := range a.items {
		sz := itemSize[a.code]
		switch a.code {
		case 'c':
			sb.WriteString(it.(*py.Str).Value())
			continue
		case 'u':
			le.PutUint32(buf, uint32(it.(*py.Unicode).Runes()[0]))
		case 'f':
			le.PutUint32(buf, math.Float32bits(float32(it.(*py.Float).Value())))
		case 'd':
			le.PutUint64(buf, math.Float64bits(it.(*py.Float).Value()))
		default:
			var u uint64
			switch x := it.(type) {
			case *py.Int:
				u = uint64(x.Value())
			case *py.Long:
				u = x.Big().Uint64()
			}
			le.PutUint64(buf, u)
		}
		sb.Write(buf[:sz])
	}
	return sb.String()
}

func self(o py.Object) *array { return o.(*array) }

func m0(name string, fn func(a *array) (py.Object, *py.BaseException)) native.Method {
	return func(f *py.Frame, s py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		if err := py.NoArgs(name, args, kw); err != nil {
			return nil, err
		}
		a := self(s)
		a.mu.Lock()
		defer a.mu.Unlock()
		return fn(a)
	}
}

func m1(name string, fn func(f *py.Frame, a *array, v py.Object) (py.Object, *py.BaseException)) native.Method {
	return func(f *py.Frame, s py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		if err := py.OneArg(name, args, kw); err != nil {
			return nil, err
		}
		a := self(s)
		a.mu.Lock()
		defer a.mu.Unlock()
		return fn(f, a, args[0])
	}
}

func extend(f *py.Frame, s py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.OneArg("extend", args, kw); err != nil {
		return nil, err
	}
	a := self(s)
	if o, ok := py.BaseOf(args[0]).(*array); ok {
		if o.code != a.code {
			return nil, py.NewTypeError("can only extend with array of same kind")
		}
		o.mu.Lock()
		items := append([]py.Object(nil), o.items...)
		o.mu.Unlock()
		a.mu.Lock()
		a.items = append(a.items, items...)
		a.mu.Unlock()
		return py.None, nil
	}
	items, err := py.ToSlice(f, args[0])
	if err != nil {
		return nil, err
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	for _, it := range items {
		x, err := a.conv(f, it)
		if err != nil {
			return nil, err
		}
		a.items = append(a.items, x)
	}
	return py.None, nil
}

func insert(f *py.Frame, s py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := native.NoKwArgs("insert", kw); err != nil {
		return nil, err
	}
	if len(args) != 2 {
		return nil, py.NewTypeError("insert() takes exactly 2 arguments (" + native.Itoa(len(args)) + " given)")
	}
	i, err := native.Int(f, args[0])
	if err != nil {
		return nil, err
	}
	a := self(s)
	a.mu.Lock()
	defer a.mu.Unlock()
	x, err := a.conv(f, args[1])
	if err != nil {
		return nil, err
	}
	n := len(a.items)
	if i < 0 {
		i = max(i+n, 0)
	}
	i = min(i, n)
	a.items = append(a.items, nil)
	copy(a.items[i+1:], a.items[i:])
	a.items[i] = x
	return py.None, nil
}

func pop(f *py.Frame, s py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.UnpackArgs("pop", args, kw, 0, 1); err != nil {
		return nil, err
	}
	i := -1
	if len(args) == 1 {
		var err *py.BaseException
		if i, err = native.Int(f, args[0]); err != nil {
			return nil, err
		}
	}
	a := self(s)
	a.mu.Lock()
	defer a.mu.Unlock()
	n := len(a.items)
	if n == 0 {
		return nil, py.NewIndexError("pop from empty array")
	}
	if i < 0 {
		i += n
	}
	if i < 0 || i >= n {
		return nil, py.NewIndexError("pop index out of range")
	}
	v := a.items[i]
	a.items = append(a.items[:i], a.items[i+1:]...)
	return v, nil
}

func (a *array) find(f *py.Frame, v py.Object, remove bool) (py.Object, *py.BaseException) {
	for i, it := range a.items {
		eq, err := py.Eq(f, it, v)
		if err != nil {
			return nil, err
		}
		if eq {
			if remove {
				a.items = append(a.items[:i], a.items[i+1:]...)
				return py.None, nil
			}
			return py.NewInt(int64(i)), nil
		}
	}
	if remove {
		return nil, py.NewValueError("array.remove(x): x not in list")
	}
	return nil, py.NewValueError("array.index(x): x not in list")
}

func count(f *py.Frame, a *array, v py.Object) (py.Object, *py.BaseException) {
	n := 0
	for _, it := range a.items {
		eq, err := py.Eq(f, it, v)
		if err != nil {
			return nil, err
		}
		if eq {
			n++
		}
	}
	return py.NewInt(int64(n)), nil
}

func reverse(a *array) (py.Object, *py.BaseException) {
	for i, j := 0, len(a.items)-1; i < j; i, j = i+1, j-1 {
		a.items[i], a.items[j] = a.items[j], a.items[i]
	}
	return py.None, nil
}

func byteswap(a *array) (py.Object, *py.BaseException) {
	sz := itemSize[a.code]
	b := []byte(a.bytes())
	for i := 0; i < len(b); i += sz {
		for l, r := i, i+sz-1; l < r; l, r = l+1, r-1 {
			b[l], b[r] = b[r], b[l]
		}
	}
	a.items = nil
	a.fromBytes(string(b))
	return py.None, nil
}

func fromlist(f *py.Frame, a *array, v py.Object) (py.Object, *py.BaseException) {
	l, ok := v.(*py.List)
	if !ok {
		return nil, py.NewTypeError("arg must be list")
	}
	var add []py.Object
	for _, it := range l.Snapshot() {
		x, err := a.conv(f, it)
		if err != nil {
			return nil, err
		}
		add = append(add, x)
	}
	a.items = append(a.items, add...)
	return py.None, nil
}

func fromstring(f *py.Frame, a *array, v py.Object) (py.Object, *py.BaseException) {
	s, ok := v.(*py.Str)
	if !ok {
		return nil, py.NewTypeError("fromstring() argument 1 must be string or read-only buffer, not " + v.Type().Name())
	}
	return py.None, a.fromBytes(s.Value())
}

func fromunicode(f *py.Frame, a *array, v py.Object) (py.Object, *py.BaseException) {
	u, ok := v.(*py.Unicode)
	if !ok {
		return nil, py.NewTypeError("fromunicode() argument 1 must be unicode, not " + v.Type().Name())
	}
	if a.code != 'u' {
		return nil, py.NewValueError("fromunicode() may only be called on type 'u' arrays")
	}
	for _, r := range u.Runes() {
		a.items = append(a.items, py.NewUnicodeRunes([]rune{r}))
	}
	return py.None, nil
}

func tounicode(a *array) (py.Object, *py.BaseException) {
	if a.code != 'u' {
		return nil, py.NewValueError("tounicode() may only be called on type 'u' arrays")
	}
	r := make([]rune, len(a.items))
	for i, it := range a.items {
		r[i] = it.(*py.Unicode).Runes()[0]
	}
	return py.NewUnicodeRunes(r), nil
}

func (a *array) snapshot() []py.Object {
	a.mu.Lock()
	defer a.mu.Unlock()
	return append([]py.Object(nil), a.items...)
}

// Len implements len().
func (a *array) Len(f *py.Frame) (int, *py.BaseException) {
	a.mu.Lock()
	defer a.mu.Unlock()
	return len(a.items), nil
}

// Hash: arrays are unhashable.
func (a *array) Hash(f *py.Frame) (int64, *py.BaseException) {
	return 0, py.NewTypeError("unhashable type: 'array.array'")
}

// Repr mirrors array('i', [1, 2]), array('c', 'ab'), array('u', u'ab').
func (a *array) Repr(f *py.Frame) (string, *py.BaseException) {
	items := a.snapshot()
	head := "array('" + string(a.code) + "'"
	if len(items) == 0 {
		return head + ")", nil
	}
	var body py.Object
	switch a.code {
	case 'c':
		var sb strings.Builder
		for _, it := range items {
			sb.WriteString(it.(*py.Str).Value())
		}
		body = py.NewStr(sb.String())
	case 'u':
		r := make([]rune, len(items))
		for i, it := range items {
			r[i] = it.(*py.Unicode).Runes()[0]
		}
		body = py.NewUnicodeRunes(r)
	default:
		body = py.NewList(items...)
	}
	s, err := py.Repr(f, body)
	if err != nil {
		return "", err
	}
	return head + ", " + s.Value() + ")", nil
}

// GetItem implements a[i] and a[i:j:k].
func (a *array) GetItem(f *py.Frame, key py.Object) (py.Object, *py.BaseException) {
	items := a.snapshot()
	if sl, ok := key.(*py.Slice); ok {
		sub, err := py.GetItem(f, py.NewList(items...), sl)
		if err != nil {
			return nil, err
		}
		lst, _ := sub.(*py.List)
		return &array{code: a.code, items: lst.Snapshot()}, nil
	}
	i, err := py.IndexInt(f, key, "array indices must be integers")
	if err != nil {
		return nil, err
	}
	if i < 0 {
		i += len(items)
	}
	if i < 0 || i >= len(items) {
		return nil, py.NewIndexError("array index out of range")
	}
	return items[i], nil
}

// SetItem implements a[i] = v and slice assignment from an array.
func (a *array) SetItem(f *py.Frame, key, v py.Object) *py.BaseException {
	if sl, ok := key.(*py.Slice); ok {
		o, ok := py.BaseOf(v).(*array)
		if !ok || o.code != a.code {
			return py.NewTypeError("can only assign array (not \"" + v.Type().Name() + "\") to array slice")
		}
		lst := py.NewList(a.snapshot()...)
		if err := py.SetItem(f, lst, sl, py.NewList(o.snapshot()...)); err != nil {
			return err
		}
		a.mu.Lock()
		a.items = lst.Snapshot()
		a.mu.Unlock()
		return nil
	}
	i, err := py.IndexInt(f, key, "array indices must be integers")
	if err != nil {
		return err
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	x, err := a.conv(f, v)
	if err != nil {
		return err
	}
	if i < 0 {
		i += len(a.items)
	}
	if i < 0 || i >= len(a.items) {
		return py.NewIndexError("array assignment index out of range")
	}
	a.items[i] = x
	return nil
}

// DelItem implements del a[i] and del a[i:j].
func (a *array) DelItem(f *py.Frame, key py.Object) *py.BaseException {
	lst := py.NewList(a.snapshot()...)
	if _, ok := key.(*py.Slice); !ok {
		i, err := py.IndexInt(f, key, "array indices must be integers")
		if err != nil {
			return err
		}
		n, _ := lst.Len(f)
		if i < 0 {
			i += n
		}
		if i < 0 || i >= n {
			return py.NewIndexError("array assignment index out of range")
		}
		key = py.NewInt(int64(i))
	}
	if err := py.DelItem(f, lst, key); err != nil {
		return err
	}
	a.mu.Lock()
	a.items = lst.Snapshot()
	a.mu.Unlock()
	return nil
}

// Iter iterates over a snapshot.
func (a *array) Iter(f *py.Frame) (py.Object, *py.BaseException) {
	return py.Iter(f, py.NewTuple(a.snapshot()...))
}

// Binary implements a + b (same typecode) and a * n.
func (a *array) Binary(f *py.Frame, op py.Op, y py.Object, side py.Side) (py.Object, *py.BaseException) {
	switch op {
	case py.OpAdd:
		o, ok := py.BaseOf(y).(*array)
		if !ok || o.code != a.code {
			return nil, py.NewTypeError("bad argument type for built-in operation")
		}
		l, r := a, o
		if side == py.Right {
			l, r = o, a
		}
		return &array{code: a.code, items: append(l.snapshot(), r.snapshot()...)}, nil
	case py.OpMul:
		n, err := py.IndexInt(f, y, "can't multiply sequence by non-int of type ")
		if err != nil {
			return py.NotImplemented, nil
		}
		items := a.snapshot()
		var out []py.Object
		for k := 0; k < n; k++ {
			out = append(out, items...)
		}
		return &array{code: a.code, items: out}, nil
	}
	return py.NotImplemented, nil
}

// Inplace implements += and *=.
func (a *array) Inplace(f *py.Frame, op py.Op, y py.Object) (py.Object, *py.BaseException) {
	switch op {
	case py.OpAdd:
		o, ok := py.BaseOf(y).(*array)
		if !ok || o.code != a.code {
			return nil, py.NewTypeError("can only extend array with array (not \"" + y.Type().Name() + "\")")
		}
		items := o.snapshot()
		a.mu.Lock()
		a.items = append(a.items, items...)
		a.mu.Unlock()
		return a, nil
	case py.OpMul:
		r, err := a.Binary(f, op, y, py.Left)
		if err != nil || r == py.NotImplemented {
			return r, err
		}
		a.mu.Lock()
		a.items = r.(*array).items
		a.mu.Unlock()
		return a, nil
	}
	return py.NotImplemented, nil
}

// RichCompare compares arrays item by item (any typecodes).
func (a *array) RichCompare(f *py.Frame, op py.CmpOp, y py.Object) (py.Object, *py.BaseException) {
	o, ok := py.BaseOf(y).(*array)
	if !ok {
		return py.NotImplemented, nil
	}
	return py.Compare(f, op, py.NewList(a.snapshot()...), py.NewList(o.snapshot()...))
}

var (
	_ py.Lener        = (*array)(nil)
	_ py.ItemGetter   = (*array)(nil)
	_ py.ItemSetter   = (*array)(nil)
	_ py.ItemDeleter  = (*array)(nil)
	_ py.Iterabler    = (*array)(nil)
	_ py.Binaryer     = (*array)(nil)
	_ py.Inplacer     = (*array)(nil)
	_ py.RichComparer = (*array)(nil)
	_ py.Reprer       = (*array)(nil)
	_ py.Hasher       = (*array)(nil)
)
