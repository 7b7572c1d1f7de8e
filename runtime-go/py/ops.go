package py

import (
	"math/big"
	"strconv"
	"sync"
	"unsafe"
)

// This file holds the standalone operations generated code calls. Each
// tries its fast paths, then the operand's capability interface, then the
// reflected operand, and finally raises CPython's TypeError.

var opSymbols = [numOps]string{"+", "-", "*", "/", "/", "//", "%", "** or pow()", "<<", ">>", "&", "|", "^", "divmod()"}

// Add is a + b.
func Add(f *Frame, a, b Object) (Object, *BaseException) {
	if x, ok := a.(*Int); ok {
		if y, ok := b.(*Int); ok {
			s := x.v + y.v
			if (s > x.v) == (y.v > 0) {
				return NewInt(s), nil
			}
		}
	} else if x, ok := a.(*Str); ok {
		// exact str + str: what Str.Binary would do, without the dispatch
		if y, ok := b.(*Str); ok {
			return concatStr(x.s, y.s), nil
		}
	}
	return binaryOp(f, OpAdd, a, b)
}

// Sub is a - b.
func Sub(f *Frame, a, b Object) (Object, *BaseException) {
	if x, ok := a.(*Int); ok {
		if y, ok := b.(*Int); ok {
			s := x.v - y.v
			if (s < x.v) == (y.v > 0) {
				return NewInt(s), nil
			}
		}
	}
	return binaryOp(f, OpSub, a, b)
}

// Mul is a * b.
func Mul(f *Frame, a, b Object) (Object, *BaseException) {
	if x, ok := a.(*Int); ok {
		// operands of 32 bits cannot overflow 64
		if y, ok := b.(*Int); ok && x.v == int64(int32(x.v)) && y.v == int64(int32(y.v)) {
			return NewInt(x.v * y.v), nil
		}
	}
	return binaryOp(f, OpMul, a, b)
}

// Div is Python 2's classic a / b (floor for ints).
func Div(f *Frame, a, b Object) (Object, *BaseException) { return binaryOp(f, OpDiv, a, b) }

// TrueDiv is a / b under `from __future__ import division`.
func TrueDiv(f *Frame, a, b Object) (Object, *BaseException) { return binaryOp(f, OpTrueDiv, a, b) }

// FloorDiv is a // b.
func FloorDiv(f *Frame, a, b Object) (Object, *BaseException) {
	return binaryOp(f, OpFloorDiv, a, b)
}

// Mod is a % b (also str % args).
func Mod(f *Frame, a, b Object) (Object, *BaseException) {
	// int % positive int (bools included: the result is an int anyway)
	if x, ok := a.(*Int); ok {
		if y, ok := b.(*Int); ok && y.v > 0 {
			m := x.v % y.v
			if m < 0 {
				m += y.v
			}
			return NewInt(m), nil
		}
	}
	return binaryOp(f, OpMod, a, b)
}

// Pow is a ** b.
func Pow(f *Frame, a, b Object) (Object, *BaseException) { return binaryOp(f, OpPow, a, b) }

// LShift is a << b.
func LShift(f *Frame, a, b Object) (Object, *BaseException) { return binaryOp(f, OpLShift, a, b) }

// RShift is a >> b.
func RShift(f *Frame, a, b Object) (Object, *BaseException) { return binaryOp(f, OpRShift, a, b) }

// And is a & b.
func And(f *Frame, a, b Object) (Object, *BaseException) { return binaryOp(f, OpAnd, a, b) }

// Or is a | b.
func Or(f *Frame, a, b Object) (Object, *BaseException) { return binaryOp(f, OpOr, a, b) }

// Xor is a ^ b.
func Xor(f *Frame, a, b Object) (Object, *BaseException) { return binaryOp(f, OpXor, a, b) }

// Divmod is divmod(a, b).
func Divmod(f *Frame, a, b Object) (Object, *BaseException) { return binaryOp(f, OpDivmod, a, b) }

// BinaryOp applies op to a and b (the generic entry point).
func BinaryOp(f *Frame, op Op, a, b Object) (Object, *BaseException) { return binaryOp(f, op, a, b) }

func binaryOp(f *Frame, op Op, a, b Object) (Object, *BaseException) {
	// fast paths: int op int (bools excluded from & | ^, which keep bool)
	// and float op float
	switch x := a.(type) {
	case *Int:
		if y, ok := b.(*Int); ok {
			if op < OpAnd || (x != True && x != False) || (y != True && y != False) {
				if r, err := intOp(op, x.v, y.v); r != NotImplemented {
					return r, err
				}
			}
		}
	case *Float:
		if y, ok := b.(*Float); ok {
			if r, err := floatOp(op, x.v, y.v); r != NotImplemented {
				return r, err
			}
		}
	}
	at, bt := a.Type(), b.Type()
	triedB := false
	if at != bt && bt.IsSubtype(at) && !bt.builtin {
		if bb, ok := b.(Binaryer); ok {
			r, err := bb.Binary(f, op, a, Right)
			if err != nil || r != NotImplemented {
				return r, err
			}
			triedB = true
		}
	}
	if ab, ok := a.(Binaryer); ok {
		r, err := ab.Binary(f, op, b, Left)
		if err != nil || r != NotImplemented {
			return r, err
		}
	}
	if !triedB {
		if bb, ok := b.(Binaryer); ok {
			r, err := bb.Binary(f, op, a, Right)
			if err != nil || r != NotImplemented {
				return r, err
			}
		}
	}
	return nil, binaryTypeError(op, a, b)
}

func binaryTypeError(op Op, a, b Object) *BaseException {
	an, bn := typeNameForError(a), typeNameForError(b)
	switch op {
	case OpAdd:
		if _, ok := a.(*Str); ok {
			return NewTypeError("cannot concatenate 'str' and '" + bn + "' objects")
		}
		if _, ok := a.(*Tuple); ok {
			return NewTypeError("can only concatenate tuple (not \"" + bn + "\") to tuple")
		}
		if _, ok := a.(*List); ok {
			return NewTypeError("can only concatenate list (not \"" + bn + "\") to list")
		}
	case OpMul:
		if isSequence(a) || isSequence(b) {
			other := b
			if !isSequence(a) {
				other = a
			}
			return NewTypeError("can't multiply sequence by non-int of type '" + typeNameForError(other) + "'")
		}
	}
	return NewTypeError("unsupported operand type(s) for " + opSymbols[op] + ": '" + an + "' and '" + bn + "'")
}

func typeNameForError(o Object) string {
	if _, ok := o.(*ClassicInstance); ok {
		return "instance"
	}
	return o.Type().tpName()
}

func isSequence(o Object) bool {
	switch o.(type) {
	case *Str, *Unicode, *List, *Tuple, *ByteArray:
		return true
	}
	return false
}

var inplaceSymbols = [numOps]string{"+=", "-=", "*=", "/=", "/=", "//=", "%=", "**=", "<<=", ">>=", "&=", "|=", "^=", ""}

// Inplace is a op= b: __iadd__ and friends, falling back to Binary.
func Inplace(f *Frame, op Op, a, b Object) (Object, *BaseException) {
	switch x := a.(type) {
	case *Int:
		if y, ok := b.(*Int); ok && op < OpAnd {
			return intOp(op, x.v, y.v)
		}
	case *Float:
		if y, ok := b.(*Float); ok && op < OpLShift {
			return floatOp(op, x.v, y.v)
		}
	}
	if ip, ok := a.(Inplacer); ok {
		r, err := ip.Inplace(f, op, b)
		if err != nil || r != NotImplemented {
			return r, err
		}
	}
	r, err := binaryOp(f, op, a, b)
	if err != nil && err.typ == TypeErrorType && len(err.args.elems) == 1 {
		if s, ok := err.args.elems[0].(*Str); ok && len(s.s) > 27 && s.s[:27] == "unsupported operand type(s)" {
			return nil, NewTypeError("unsupported operand type(s) for " + inplaceSymbols[op] + ": '" + typeNameForError(a) + "' and '" + typeNameForError(b) + "'")
		}
	}
	return r, err
}

// IAdd is a += b.
func IAdd(f *Frame, a, b Object) (Object, *BaseException) {
	if x, ok := a.(*Int); ok {
		if y, ok := b.(*Int); ok {
			s := x.v + y.v
			if (s > x.v) == (y.v > 0) {
				return NewInt(s), nil
			}
		}
	}
	return Inplace(f, OpAdd, a, b)
}

var unarySymbols = [...]string{"unary -", "unary +", "unary ~", "abs()"}

// UnaryOpCall applies a unary operator.
func UnaryOpCall(f *Frame, op UnaryOp, a Object) (Object, *BaseException) {
	if u, ok := a.(Unaryer); ok {
		r, err := u.Unary(f, op)
		if err != nil || r != NotImplemented {
			return r, err
		}
	}
	if op == UAbs {
		return nil, NewTypeError("bad operand type for abs(): '" + typeNameForError(a) + "'")
	}
	return nil, NewTypeError("bad operand type for " + unarySymbols[op] + ": '" + typeNameForError(a) + "'")
}

// Neg is -a.
func Neg(f *Frame, a Object) (Object, *BaseException) { return UnaryOpCall(f, UNeg, a) }

// Pos is +a.
func Pos(f *Frame, a Object) (Object, *BaseException) { return UnaryOpCall(f, UPos, a) }

// Invert is ~a.
func Invert(f *Frame, a Object) (Object, *BaseException) { return UnaryOpCall(f, UInvert, a) }

// Abs is abs(a).
func Abs(f *Frame, a Object) (Object, *BaseException) { return UnaryOpCall(f, UAbs, a) }

// IsTrue is bool(o) as used by if/while/and/or/not.
func IsTrue(f *Frame, o Object) (bool, *BaseException) {
	switch v := o.(type) {
	case *Int:
		return v.v != 0, nil
	case *NoneObject:
		return false, nil
	case Truther:
		return v.Truth(f)
	case Lener:
		n, err := v.Len(f)
		return n != 0, err
	}
	return true, nil
}

// Not is `not o` as an object.
func Not(f *Frame, o Object) (Object, *BaseException) {
	t, err := IsTrue(f, o)
	if err != nil {
		return nil, err
	}
	return NewBool(!t), nil
}

// Repr is repr(o).
func Repr(f *Frame, o Object) (*Str, *BaseException) {
	switch v := o.(type) {
	case *Str:
		return NewStr(strRepr(v.s)), nil
	case Reprer:
		s, err := v.Repr(f)
		if err != nil {
			return nil, err
		}
		return NewStr(s), nil
	}
	return NewStr(defaultRepr(o)), nil
}

// ToStr is str(o) (unicode results are encoded with the default codec).
func ToStr(f *Frame, o Object) (*Str, *BaseException) {
	r, err := StrObject(f, o)
	if err != nil {
		return nil, err
	}
	switch v := r.(type) {
	case *Str:
		return v, nil
	case *Unicode:
		e, err := Encode(f, v.r, defaultEncoding, "strict")
		if err != nil {
			return nil, err
		}
		return e.(*Str), nil
	}
	return nil, NewTypeError("__str__ returned non-string (type " + r.Type().tpName() + ")")
}

// StrObject is str(o) but keeps a unicode result (print uses it).
func StrObject(f *Frame, o Object) (Object, *BaseException) {
	switch v := o.(type) {
	case *Str:
		return v, nil
	case Strer:
		return v.Str(f)
	}
	return Repr(f, o)
}

// Hash is hash(o).
func Hash(f *Frame, o Object) (int64, *BaseException) {
	switch v := o.(type) {
	case *Str:
		return v.hash(), nil
	case *Int:
		if v.v == -1 {
			return -2, nil
		}
		return v.v, nil
	case Hasher:
		return v.Hash(f)
	}
	return idHash(o), nil
}

// Len is len(o).
func Len(f *Frame, o Object) (int, *BaseException) {
	if l, ok := o.(Lener); ok {
		return l.Len(f)
	}
	return 0, NewTypeError("object of type '" + typeNameForError(o) + "' has no len()")
}

// GetItem is o[key].
func GetItem(f *Frame, o, key Object) (Object, *BaseException) {
	if l, ok := o.(*List); ok {
		if i, ok := key.(*Int); ok {
			l.mu.Lock()
			n := int64(len(l.elems))
			idx := i.v
			if idx < 0 {
				idx += n
			}
			if idx >= 0 && idx < n {
				v := l.elems[idx]
				l.mu.Unlock()
				return v, nil
			}
			l.mu.Unlock()
		}
	}
	if g, ok := o.(ItemGetter); ok {
		return g.GetItem(f, key)
	}
	if _, ok := o.(*Type); ok {
		return nil, NewTypeError("'type' object has no attribute '__getitem__'")
	}
	return nil, NewTypeError("'" + typeNameForError(o) + "' object has no attribute '__getitem__'")
}

// SetItem is o[key] = v.
func SetItem(f *Frame, o, key, v Object) *BaseException {
	if l, ok := o.(*List); ok {
		if i, ok := key.(*Int); ok {
			l.mu.Lock()
			n := int64(len(l.elems))
			idx := i.v
			if idx < 0 {
				idx += n
			}
			if idx >= 0 && idx < n {
				l.elems[idx] = v
				l.mu.Unlock()
				return nil
			}
			l.mu.Unlock()
		}
	}
	if s, ok := o.(ItemSetter); ok {
		return s.SetItem(f, key, v)
	}
	return NewTypeError("'" + typeNameForError(o) + "' object does not support item assignment")
}

// DelItem is del o[key].
func DelItem(f *Frame, o, key Object) *BaseException {
	if s, ok := o.(ItemDeleter); ok {
		return s.DelItem(f, key)
	}
	return NewTypeError("'" + typeNameForError(o) + "' object doesn't support item deletion")
}

// GetSlice is o[lo:hi] (either may be nil): __getslice__ for classes
// that define it, otherwise a slice object.
func GetSlice(f *Frame, o, lo, hi Object) (Object, *BaseException) {
	if r, ok, err := simpleSliceHook(f, o, "__getslice__", lo, hi); ok || err != nil {
		return r, err
	}
	return GetItem(f, o, NewSlice(lo, hi, nil))
}

// SetSlice is o[lo:hi] = v.
func SetSlice(f *Frame, o, lo, hi, v Object) *BaseException {
	if _, ok, err := simpleSliceHook(f, o, "__setslice__", lo, hi, v); ok || err != nil {
		return err
	}
	return SetItem(f, o, NewSlice(lo, hi, nil), v)
}

// DelSlice is del o[lo:hi].
func DelSlice(f *Frame, o, lo, hi Object) *BaseException {
	if _, ok, err := simpleSliceHook(f, o, "__delslice__", lo, hi); ok || err != nil {
		return err
	}
	return DelItem(f, o, NewSlice(lo, hi, nil))
}

func simpleSliceHook(f *Frame, o Object, name string, lo, hi Object, extra ...Object) (Object, bool, *BaseException) {
	var m Object
	switch v := o.(type) {
	case *Instance:
		m = userLookup(v.typ, name)
	case *ClassicInstance:
		m = v.class.lookup(name)
	default:
		return nil, false, nil
	}
	if m == nil {
		return nil, false, nil
	}
	n, err := Len(f, o)
	if err != nil {
		n = 0
	}
	conv := func(x Object, def int64) (Object, *BaseException) {
		if x == nil || x == None {
			return NewInt(def), nil
		}
		i, err := IndexInt(f, x, "slice indices must be integers or None or have an __index__ method")
		if err != nil {
			return nil, err
		}
		if i < 0 {
			i += n
		}
		return NewInt(int64(i)), nil
	}
	l, err := conv(lo, 0)
	if err != nil {
		return nil, true, err
	}
	h, err := conv(hi, 1<<63-1)
	if err != nil {
		return nil, true, err
	}
	args := append([]Object{l, h}, extra...)
	if ci, ok := o.(*ClassicInstance); ok {
		r, err := ci.callMethod(f, name, args...)
		return r, true, err
	}
	r, err := callDescr(f, m, o, o.Type(), args, nil)
	return r, true, err
}

// Contains is `x in o`.
func Contains(f *Frame, o, x Object) (bool, *BaseException) {
	if c, ok := o.(Container); ok {
		return c.Contains(f, x)
	}
	return iterContains(f, o, x)
}

func iterContains(f *Frame, o, x Object) (bool, *BaseException) {
	it, err := Iter(f, o)
	if err != nil {
		if err.IsInstance(TypeErrorType) {
			return false, NewTypeError("argument of type '" + typeNameForError(o) + "' is not iterable")
		}
		return false, err
	}
	for {
		v, err := Next(f, it)
		if err != nil || v == nil {
			return false, err
		}
		eq, err := Eq(f, v, x)
		if err != nil || eq {
			return eq, err
		}
	}
}

// Call calls callable with positional args and keyword args.
func Call(f *Frame, callable Object, args []Object, kw Kwargs) (Object, *BaseException) {
	switch c := callable.(type) {
	case *Function:
		return c.invoke(f, nil, args, kw)
	case Caller:
		return c.Call(f, args, kw)
	}
	return nil, NewTypeError("'" + typeNameForError(callable) + "' object is not callable")
}

// Call0 to Call3 are the allocation-light positional call forms.
func Call0(f *Frame, c Object) (Object, *BaseException) { return Call(f, c, nil, nil) }

// Call1 calls c(a).
func Call1(f *Frame, c, a Object) (Object, *BaseException) {
	if fn, ok := c.(*Function); ok && fn.nparams == 1 && len(fn.params) == 1 {
		return fn.call1(f, a)
	}
	if t, ok := c.(*Type); ok {
		if r, done, err := newPlain1(f, t, a); done {
			return r, err
		}
	}
	if c == Object(StrType) {
		// str(int): *Int is exactly int or bool (subclass instances are
		// not *Int), so the decimal text is the whole result
		if i, ok := a.(*Int); ok && i != True && i != False {
			return NewStr(strconv.FormatInt(i.v, 10)), nil
		}
	}
	return Call(f, c, []Object{a}, nil)
}

// Call2 calls c(a, b).
func Call2(f *Frame, c, a, b Object) (Object, *BaseException) {
	if fn, ok := c.(*Function); ok && fn.nparams == 2 && len(fn.params) == 2 {
		fr, err := fn.newFrame(f)
		if err != nil {
			return nil, err
		}
		fr.argBuf[0], fr.argBuf[1] = a, b
		return fn.run(fr, fr.argBuf[:2])
	}
	if t, ok := c.(*Type); ok {
		if r, done, err := newPlain2(f, t, a, b); done {
			return r, err
		}
	}
	return Call(f, c, []Object{a, b}, nil)
}

// Call3 calls c(a, b, d).
func Call3(f *Frame, c, a, b, d Object) (Object, *BaseException) {
	if fn, ok := c.(*Function); ok && fn.nparams == 3 && len(fn.params) == 3 {
		fr, err := fn.newFrame(f)
		if err != nil {
			return nil, err
		}
		fr.argBuf[0], fr.argBuf[1], fr.argBuf[2] = a, b, d
		return fn.run(fr, fr.argBuf[:3])
	}
	if t, ok := c.(*Type); ok {
		if r, done, err := newPlain3(f, t, a, b, d); done {
			return r, err
		}
	}
	return Call(f, c, []Object{a, b, d}, nil)
}

// newFrame makes the frame for a call of fn from caller: a recycled one
// when fn allows it and the thread has one.
func (fn *Function) newFrame(caller *Frame) (*Frame, *BaseException) {
	if caller == nil {
		return &Frame{Code: fn.code, Globals: fn.globals}, nil
	}
	depth := caller.depth + 1
	if depth > recursionLimit {
		return nil, NewRuntimeError("maximum recursion depth exceeded")
	}
	if interruptPending.Load() || detachedPending.Load() {
		if err := checkInterrupt(caller); err != nil {
			return nil, err
		}
	}
	var fr *Frame
	ts := caller.thread
	if ts != nil && fn.reuse && len(ts.free) > 0 {
		n := len(ts.free)
		fr = ts.free[n-1]
		ts.free = ts.free[:n-1]
	} else {
		fr = &Frame{}
	}
	fr.Back, fr.Code, fr.Globals, fr.depth, fr.thread = caller, fn.code, fn.globals, depth, ts
	return fr, nil
}

func (fn *Function) run(fr *Frame, args []Object) (Object, *BaseException) {
	r, err := fn.body(fr, args)
	if err != nil {
		err.addTraceback(fr)
		return nil, err
	}
	if fn.reuse {
		reuseFrame(fr)
	}
	return r, nil
}

func (fn *Function) call1(caller *Frame, a Object) (Object, *BaseException) {
	fr, err := fn.newFrame(caller)
	if err != nil {
		return nil, err
	}
	fr.argBuf[0] = a
	return fn.run(fr, fr.argBuf[:1])
}

// CallStar is a call with *args and/or **kwargs (star, starstar may be nil).
func CallStar(f *Frame, callable Object, args []Object, kw Kwargs, star, starstar Object) (Object, *BaseException) {
	if star != nil {
		extra, err := ToSlice(f, star)
		if err != nil {
			if err.IsInstance(TypeErrorType) {
				return nil, NewTypeError(callableName(callable) + " argument after * must be an iterable, not " + star.Type().tpName())
			}
			return nil, err
		}
		all := make([]Object, 0, len(args)+len(extra))
		args = append(append(all, args...), extra...)
	}
	if starstar != nil {
		d, ok := starstar.(*Dict)
		if !ok {
			d = NewDict()
			if err := d.Update(f, starstar); err != nil {
				return nil, NewTypeError(callableName(callable) + " argument after ** must be a mapping, not " + starstar.Type().tpName())
			}
		}
		keys, values := d.Entries()
		nkw := make(Kwargs, 0, len(kw)+len(keys))
		nkw = append(nkw, kw...)
		for i, k := range keys {
			ks, ok := k.(*Str)
			if !ok {
				return nil, NewTypeError(callableName(callable) + " keywords must be strings")
			}
			for _, e := range kw {
				if e.Name == ks.s {
					return nil, NewTypeError(callableName(callable) + " got multiple values for keyword argument '" + ks.s + "'")
				}
			}
			nkw = append(nkw, Kwarg{ks.s, values[i]})
		}
		kw = nkw
	}
	return Call(f, callable, args, kw)
}

func callableName(c Object) string {
	switch v := c.(type) {
	case *Function:
		return v.name + "()"
	case *Method:
		return v.fnName() + "()"
	case *BuiltinFunction:
		return v.name + "()"
	case *Type:
		return v.name + "()"
	}
	return c.Type().name + " object"
}

// CallMethod is obj.name(*args, **kw) without allocating a bound method
// when the attribute is a plain method on the type.
func CallMethod(f *Frame, obj Object, name string, args []Object, kw Kwargs) (Object, *BaseException) {
	t := obj.Type()
	switch obj.(type) {
	case *Instance, *List, *Dict, *Str, *Set, *Unicode, *Tuple:
		d := t.lookup(name)
		inInstDict := false
		if inst, ok := obj.(*Instance); ok {
			if dict := inst.loadDict(); dict != nil && dict.getStr(name) != nil {
				inInstDict = true
			}
			if t.attrHooks().getattribute != nil {
				inInstDict = true
			}
		}
		if !inInstDict {
			switch m := d.(type) {
			case *Function:
				return m.invoke(f, obj, args, kw)
			case *BuiltinMethod:
				return m.fn(f, obj, args, kw)
			}
		}
	}
	m, err := GetAttr(f, obj, name)
	if err != nil {
		return nil, err
	}
	return Call(f, m, args, kw)
}

// IsCallable is callable(o).
func IsCallable(o Object) bool {
	switch v := o.(type) {
	case *Instance:
		return userLookup(v.typ, "__call__") != nil || IsCallable(v.base)
	case *ClassicInstance:
		return v.class.lookup("__call__") != nil
	case Caller:
		return true
	}
	return false
}

// Iter is iter(o).
func Iter(f *Frame, o Object) (Object, *BaseException) {
	switch v := o.(type) {
	case Iterabler:
		return v.Iter(f)
	case ItemGetter:
		return &seqIter{seq: o}, nil
	}
	return nil, NewTypeError("'" + typeNameForError(o) + "' object is not iterable")
}

// Next advances an iterator: (nil, nil) at exhaustion.
func Next(f *Frame, it Object) (Object, *BaseException) {
	if interruptPending.Load() || detachedPending.Load() {
		if err := checkInterrupt(f); err != nil {
			return nil, err
		}
	}
	if g, ok := it.(*Generator); ok && g.step != nil {
		// for loops and builtins over state-machine generators: a direct call
		return g.resumeStep(f, None, nil)
	}
	if n, ok := it.(Iterator); ok {
		return n.Next(f)
	}
	return nil, NewTypeError(typeNameForError(it) + " object is not an iterator")
}

// seqIter iterates str, tuple or any __getitem__ sequence by index.
type seqIter struct {
	mu    plock
	typ   *Type // overrides the reported type (listreverseiterator)
	seq   Object
	elems []Object
	str   string
	i     int
	done  bool
}

var (
	seqIterType       = newBuiltinType("iterator", nil)
	tupleIterType     = newBuiltinType("tupleiterator", nil)
	bytearrayIterType = newBuiltinType("bytearray_iterator", nil)
)

func (it *seqIter) Type() *Type {
	if it.typ != nil {
		return it.typ
	}
	switch it.seq.(type) {
	case *Tuple:
		return tupleIterType
	case *ByteArray:
		return bytearrayIterType
	}
	return seqIterType
}
func (it *seqIter) Iter(f *Frame) (Object, *BaseException) { return it, nil }
func (it *seqIter) Next(f *Frame) (Object, *BaseException) {
	it.mu.Lock()
	if it.done {
		it.mu.Unlock()
		return nil, nil
	}
	i := it.i
	it.i++
	switch s := it.seq.(type) {
	case *Tuple:
		it.mu.Unlock()
		if i < len(it.elems) {
			return it.elems[i], nil
		}
		it.done = true
		return nil, nil
	case *Str:
		it.mu.Unlock()
		if i < len(it.str) {
			return charStrs[it.str[i]], nil
		}
		it.done = true
		_ = s
		return nil, nil
	}
	it.mu.Unlock()
	v, err := GetItem(f, it.seq, NewInt(int64(i)))
	if err != nil {
		if err.IsInstance(IndexErrorType) || err.IsInstance(StopIterationType) {
			it.done = true
			return nil, nil
		}
		return nil, err
	}
	return v, nil
}

// ToSlice drains any iterable into a Go slice (a copy).
func ToSlice(f *Frame, o Object) ([]Object, *BaseException) {
	switch v := o.(type) {
	case *Tuple:
		return append([]Object(nil), v.elems...), nil
	case *List:
		return v.Snapshot(), nil
	}
	it, err := Iter(f, o)
	if err != nil {
		return nil, err
	}
	var out []Object
	for {
		x, err := Next(f, it)
		if err != nil {
			return nil, err
		}
		if x == nil {
			return out, nil
		}
		out = append(out, x)
	}
}

// TupleOf is tuple(o).
func TupleOf(f *Frame, o Object) (*Tuple, *BaseException) {
	if t, ok := o.(*Tuple); ok {
		return t, nil
	}
	s, err := ToSlice(f, o)
	if err != nil {
		return nil, err
	}
	return NewTuple(s...), nil
}

// Unpack implements `a, b = o` with CPython 2's ValueError messages.
func Unpack(f *Frame, o Object, n int) ([]Object, *BaseException) {
	var items []Object
	switch v := o.(type) {
	case *Tuple:
		items = v.elems
	case *List:
		items = v.Snapshot()
	default:
		it, err := Iter(f, o)
		if err != nil {
			if err.IsInstance(TypeErrorType) {
				return nil, NewTypeError("'" + typeNameForError(o) + "' object is not iterable")
			}
			return nil, err
		}
		for {
			x, err := Next(f, it)
			if err != nil {
				return nil, err
			}
			if x == nil {
				break
			}
			if len(items) == n {
				return nil, NewValueError("too many values to unpack")
			}
			items = append(items, x)
		}
	}
	if len(items) < n {
		if len(items) == 1 {
			return nil, NewValueError("need more than 1 value to unpack")
		}
		return nil, NewValueError("need more than " + itoa(len(items)) + " values to unpack")
	}
	if len(items) > n {
		return nil, NewValueError("too many values to unpack")
	}
	return items, nil
}

// IndexInt converts an index operand (__index__) to a Go int. msg is the
// TypeError text; when it ends in a space the type name is appended.
func IndexInt(f *Frame, o Object, msg string) (int, *BaseException) {
	switch v := o.(type) {
	case *Int:
		return int(v.v), nil
	case *Long:
		if v.v.IsInt64() {
			return int(v.v.Int64()), nil
		}
		if v.v.Sign() < 0 {
			return -1 << 62, nil
		}
		return 1 << 62, nil
	case *Instance:
		if r, found, err := callSpecial(f, v, "__index__"); found || err != nil {
			if err != nil {
				return 0, err
			}
			return IndexInt(f, r, msg)
		}
		if v.base != nil {
			return IndexInt(f, v.base, msg)
		}
	case *ClassicInstance:
		if v.class.lookup("__index__") != nil {
			r, err := v.callMethod(f, "__index__")
			if err != nil {
				return 0, err
			}
			return IndexInt(f, r, msg)
		}
	}
	if len(msg) > 0 && msg[len(msg)-1] == ' ' {
		return 0, NewTypeError(msg + typeNameForError(o))
	}
	return 0, NewTypeError(msg)
}

// IndexBig is __index__ returning an arbitrary-precision value.
func IndexBig(f *Frame, o Object) (*big.Int, bool) {
	switch v := o.(type) {
	case *Int:
		return big.NewInt(v.v), true
	case *Long:
		return v.v, true
	}
	return nil, false
}

// reprEnter guards recursive containers like Py_ReprEnter. The set of
// containers being printed is per thread (on the frame's thread state),
// so it needs no lock; calls without a frame share a locked global set.
var reprMu sync.Mutex
var reprActive = map[Object]int{}

func reprEnter(f *Frame, o Object) bool {
	if f != nil && f.thread != nil {
		ts := f.thread
		if ts.repr == nil {
			ts.repr = map[Object]bool{}
		}
		if ts.repr[o] {
			return false
		}
		ts.repr[o] = true
		return true
	}
	reprMu.Lock()
	defer reprMu.Unlock()
	if reprActive[o] > 0 {
		return false
	}
	reprActive[o]++
	return true
}

func reprLeave(f *Frame, o Object) {
	if f != nil && f.thread != nil {
		delete(f.thread.repr, o)
		return
	}
	reprMu.Lock()
	if reprActive[o]--; reprActive[o] <= 0 {
		delete(reprActive, o)
	}
	reprMu.Unlock()
}

// addrValue is the object's address, used for id() and identity hashes.
// Go's collector does not move heap objects, so it is stable.
func addrValue(o Object) uintptr {
	type iface struct {
		t, d unsafe.Pointer
	}
	return uintptr((*iface)(unsafe.Pointer(&o)).d)
}

// ID is id(o).
func ID(o Object) int64 { return int64(addrValue(o)) }
