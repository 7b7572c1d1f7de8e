package py

import "strings"

// Compare implements Python 2's PyObject_RichCompare: rich comparison
// (reflected operand first when it is a subclass), then __cmp__, then
// the default ordering (None smallest, numbers before everything else,
// otherwise by type name, then by address).
func Compare(f *Frame, op CmpOp, a, b Object) (Object, *BaseException) {
	if x, ok := a.(*Int); ok {
		if y, ok := b.(*Int); ok {
			return NewBool(cmpResult(op, cmp3(x.v, y.v))), nil
		}
	}
	if x, ok := a.(*Str); ok {
		if y, ok := b.(*Str); ok {
			return NewBool(cmpResult(op, strings.Compare(x.s, y.s))), nil
		}
	}
	at, bt := a.Type(), b.Type()
	triedB := false
	if at != bt && bt.IsSubtype(at) && !bt.builtin {
		if rb, ok := b.(RichComparer); ok {
			r, err := rb.RichCompare(f, swapCmp(op), a)
			if err != nil || r != NotImplemented {
				return r, err
			}
			triedB = true
		}
	}
	if ra, ok := a.(RichComparer); ok {
		r, err := ra.RichCompare(f, op, b)
		if err != nil || r != NotImplemented {
			return r, err
		}
	}
	if !triedB {
		if rb, ok := b.(RichComparer); ok {
			r, err := rb.RichCompare(f, swapCmp(op), a)
			if err != nil || r != NotImplemented {
				return r, err
			}
		}
	}
	c, err := cmp3Way(f, a, b)
	if err != nil {
		return nil, err
	}
	return NewBool(cmpResult(op, c)), nil
}

// cmp3Way is the __cmp__ stage plus the default ordering.
func cmp3Way(f *Frame, a, b Object) (int, *BaseException) {
	if ca, ok := a.(Cmper); ok {
		c, ok, err := ca.Cmp(f, b)
		if err != nil {
			return 0, err
		}
		if ok {
			return c, nil
		}
	}
	if cb, ok := b.(Cmper); ok {
		c, ok, err := cb.Cmp(f, a)
		if err != nil {
			return 0, err
		}
		if ok {
			return -c, nil
		}
	}
	return defaultCmp(a, b), nil
}

func isNumber(o Object) bool {
	switch v := o.(type) {
	case *Int, *Long, *Float, *Complex:
		return true
	case *Instance:
		return v.base != nil && isNumber(v.base)
	}
	return false
}

// defaultCmp is default_3way_compare of 2.7.
func defaultCmp(a, b Object) int {
	if a == b {
		return 0
	}
	at, bt := a.Type(), b.Type()
	if at == bt {
		return addrCmp(a, b)
	}
	if a == Object(None) {
		return -1
	}
	if b == Object(None) {
		return 1
	}
	an, bn := typeNameForError(a), typeNameForError(b)
	if isNumber(a) {
		an = ""
	}
	if isNumber(b) {
		bn = ""
	}
	if c := strings.Compare(an, bn); c != 0 {
		return c
	}
	return addrCmp(at, bt)
}

func addrCmp(a, b Object) int {
	x, y := addrValue(a), addrValue(b)
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}

// CompareBool is Compare followed by truth testing (for if/while).
func CompareBool(f *Frame, op CmpOp, a, b Object) (bool, *BaseException) {
	if x, ok := a.(*Int); ok {
		if y, ok := b.(*Int); ok {
			return cmpResult(op, cmp3(x.v, y.v)), nil
		}
	}
	r, err := Compare(f, op, a, b)
	if err != nil {
		return false, err
	}
	return IsTrue(f, r)
}

// Eq is a == b as a Go bool (identity implies equality, like
// PyObject_RichCompareBool in containers).
func Eq(f *Frame, a, b Object) (bool, *BaseException) {
	if a == b {
		return true, nil
	}
	if eq, ok := fastEqual(a, b); ok {
		return eq, nil
	}
	return CompareBool(f, EQ, a, b)
}

// Less is a < b as a Go bool (sorting, min, max).
func Less(f *Frame, a, b Object) (bool, *BaseException) { return CompareBool(f, LT, a, b) }

// Cmp is the cmp() builtin.
func Cmp(f *Frame, a, b Object) (int, *BaseException) {
	if a == b {
		return 0, nil
	}
	if x, ok := a.(*Int); ok {
		if y, ok := b.(*Int); ok {
			return cmp3(x.v, y.v), nil
		}
	}
	// cmp() tries __cmp__ first, then rich ==, <, >.
	_, aci := a.(*ClassicInstance)
	_, bci := b.(*ClassicInstance)
	if !aci && !bci {
		if _, ok := a.(Cmper); ok {
			if c, ok, err := a.(Cmper).Cmp(f, b); err != nil || ok {
				return c, err
			}
		}
	}
	for _, t := range []struct {
		op CmpOp
		r  int
	}{{EQ, 0}, {LT, -1}, {GT, 1}} {
		r, err := CompareBool(f, t.op, a, b)
		if err != nil {
			return 0, err
		}
		if r {
			return t.r, nil
		}
	}
	return cmp3Way(f, a, b)
}

// In is `x in container` as an object.
func In(f *Frame, x, container Object) (Object, *BaseException) {
	r, err := Contains(f, container, x)
	if err != nil {
		return nil, err
	}
	return NewBool(r), nil
}

// NotIn is `x not in container` as an object.
func NotIn(f *Frame, x, container Object) (Object, *BaseException) {
	r, err := Contains(f, container, x)
	if err != nil {
		return nil, err
	}
	return NewBool(!r), nil
}
