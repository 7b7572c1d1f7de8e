package py

import "math"

// Unboxed locals (CODEGEN.md §4): a function local that the transpiler
// sees assigned from arithmetic is a Go variable of type Num instead of
// Object, so `acc = (acc * 31 + i) % m` and `i += 1` allocate nothing
// while the value stays a plain int or float. The zero Num is an unbound
// local. Where the local is used as an object it is boxed once with Box,
// and the box is kept in the variable: every later use until the next
// assignment sees the same object, as with CPython's boxed locals.

// Bound reports whether the local holds a value.
func (n Num) Bound() bool { return n.o != nil || n.k != numObj }

// Box returns the local's value as an object, boxing a computed number
// once and remembering the box.
func (n *Num) Box() Object {
	if n.o == nil {
		n.box()
	}
	return n.o
}

func (n *Num) box() {
	switch n.k {
	case numInt:
		n.o = NewInt(int64(n.v))
	case numFloat:
		n.o = NewFloat(math.Float64frombits(n.v))
	}
}

// NextNum is Next for a loop whose variable is an unboxed local: the ints
// of range/xrange iterators travel unboxed. ok=false means exhausted.
func NextNum(f *Frame, it Object) (Num, bool, *BaseException) {
	if x, isRange := it.(*xrangeIter); isRange && !interruptPending.Load() && !detachedPending.Load() {
		if x.left <= 0 {
			return Num{}, false, nil
		}
		v := x.next
		x.next += x.step
		x.left--
		return numI(v), true, nil
	}
	v, err := Next(f, it)
	if err != nil || v == nil {
		return Num{}, false, err
	}
	return NumOf(v), true, nil
}

// NumInplaceNum is a op= b where a is an unboxed local: plain numbers
// through the fast path (int and float have no in-place methods), anything
// else through Inplace.
func NumInplaceNum(f *Frame, op Op, a, b Num) (Num, *BaseException) {
	if r, ok := numFast(op, a, b); ok {
		return r, nil
	}
	r, err := Inplace(f, op, a.Object(), b.Object())
	if err != nil {
		return Num{}, err
	}
	return NumOf(r), nil
}

// ListItemNum is o[i] for a list and a plain int 0 <= i < len(o) in
// single-threaded mode (so no lock is needed), inlined at the call site;
// ok=false means "call GetItem", which handles everything else.
func ListItemNum(o Object, i Num) (Object, bool) {
	if l, isList := o.(*List); isList && i.k == numInt && i.v < uint64(len(l.elems)) && !threaded.Load() {
		return l.elems[i.v], true
	}
	return nil, false
}

// SetListItemNum is o[i] = v on the same terms; false means "call SetItem".
func SetListItemNum(o Object, i Num, v Object) bool {
	if l, isList := o.(*List); isList && i.k == numInt && i.v < uint64(len(l.elems)) && !threaded.Load() {
		l.elems[i.v] = v
		return true
	}
	return false
}

// Float1Num is m.fn(a) for a module builtin with a float fast path and a
// plain number a; ok=false means "call CallMethodNum1".
func Float1Num(o Object, name *Str, a Num) (Num, bool) {
	if m, ok := o.(*Module); ok && a.k != numObj {
		if bf, ok := m.dict.getStrH(name.s, name.hash()).(*BuiltinFunction); ok && bf.float1 != nil {
			x := math.Float64frombits(a.v)
			if a.k == numInt {
				x = float64(int64(a.v))
			}
			if r, ok := bf.float1(x); ok {
				return numF(r), true
			}
		}
	}
	return Num{}, false
}

// LtFast to GeFast compare two plain ints inline; ok=false means "call
// NumCompareBool", which handles every other case.
func LtFast(a, b Num) (r, ok bool) {
	return int64(a.v) < int64(b.v), a.k == numInt && b.k == numInt
}

// LeFast is a <= b.
func LeFast(a, b Num) (r, ok bool) {
	return int64(a.v) <= int64(b.v), a.k == numInt && b.k == numInt
}

// EqFast is a == b.
func EqFast(a, b Num) (r, ok bool) {
	return a.v == b.v, a.k == numInt && b.k == numInt
}

// NeFast is a != b.
func NeFast(a, b Num) (r, ok bool) {
	return a.v != b.v, a.k == numInt && b.k == numInt
}

// GtFast is a > b.
func GtFast(a, b Num) (r, ok bool) {
	return int64(a.v) > int64(b.v), a.k == numInt && b.k == numInt
}

// GeFast is a >= b.
func GeFast(a, b Num) (r, ok bool) {
	return int64(a.v) >= int64(b.v), a.k == numInt && b.k == numInt
}

// TruthFast is the truth of a plain int inline; ok=false means "call
// NumTruth".
func TruthFast(n Num) (r, ok bool) {
	return n.v != 0, n.k == numInt
}
