package py

import (
	"strconv"
	"strings"
)

// BaseException is the Go shape of every exception instance, including
// instances of user-defined subclasses (whose type is then a user *Type).
// It is also the error value every fallible operation returns; nothing in
// the runtime panics for a Python-level error.
//
// Deliberate difference: an old-style class instance raised as an
// exception travels wrapped in a *BaseException whose classic field holds
// it; except clauses and sys.exc_info() unwrap it.
type BaseException struct {
	typ     *Type
	dict    *Dict
	args    *Tuple
	tb      []tbEntry // innermost first
	classic *ClassicInstance
	slots   []Object
	// raised marks an exception raised by a raise statement, which CPython
	// normalises to an instance; one set by the runtime keeps its message
	// string as the value (what PyErr_WriteUnraisable shows).
	raised bool
}

// Error implements Go's error.
func (e *BaseException) Error() string {
	return strings.TrimRight(FormatExceptionOnly(nil, e), "\n")
}

// Type implements Object.
func (e *BaseException) Type() *Type { return e.typ }

// Dict implements DictHolder.
func (e *BaseException) Dict() *Dict {
	if e.dict == nil {
		e.dict = NewDict()
	}
	return e.dict
}

// Args is the exception's args tuple.
func (e *BaseException) Args() *Tuple { return e.args }

// Value is what `except E as v` binds: the instance itself, or the
// wrapped old-style instance.
func (e *BaseException) Value() Object {
	if e.classic != nil {
		return e.classic
	}
	return e
}

// ExcType is sys.exc_info()[0].
func (e *BaseException) ExcType() Object {
	if e.classic != nil {
		return e.classic.class
	}
	return e.typ
}

// The exception hierarchy of Python 2.7.
var (
	BaseExceptionType             = newExcType("BaseException", nil)
	SystemExitType                = newExcType("SystemExit", BaseExceptionType)
	KeyboardInterruptType         = newExcType("KeyboardInterrupt", BaseExceptionType)
	GeneratorExitType             = newExcType("GeneratorExit", BaseExceptionType)
	ExceptionType                 = newExcType("Exception", BaseExceptionType)
	StopIterationType             = newExcType("StopIteration", ExceptionType)
	StandardErrorType             = newExcType("StandardError", ExceptionType)
	BufferErrorType               = newExcType("BufferError", StandardErrorType)
	ArithmeticErrorType           = newExcType("ArithmeticError", StandardErrorType)
	FloatingPointErrorType        = newExcType("FloatingPointError", ArithmeticErrorType)
	OverflowErrorType             = newExcType("OverflowError", ArithmeticErrorType)
	ZeroDivisionErrorType         = newExcType("ZeroDivisionError", ArithmeticErrorType)
	AssertionErrorType            = newExcType("AssertionError", StandardErrorType)
	AttributeErrorType            = newExcType("AttributeError", StandardErrorType)
	EnvironmentErrorType          = newExcType("EnvironmentError", StandardErrorType)
	IOErrorType                   = newExcType("IOError", EnvironmentErrorType)
	OSErrorType                   = newExcType("OSError", EnvironmentErrorType)
	EOFErrorType                  = newExcType("EOFError", StandardErrorType)
	ImportErrorType               = newExcType("ImportError", StandardErrorType)
	LookupErrorType               = newExcType("LookupError", StandardErrorType)
	IndexErrorType                = newExcType("IndexError", LookupErrorType)
	KeyErrorType                  = newExcType("KeyError", LookupErrorType)
	MemoryErrorType               = newExcType("MemoryError", StandardErrorType)
	NameErrorType                 = newExcType("NameError", StandardErrorType)
	UnboundLocalErrorType         = newExcType("UnboundLocalError", NameErrorType)
	ReferenceErrorType            = newExcType("ReferenceError", StandardErrorType)
	RuntimeErrorType              = newExcType("RuntimeError", StandardErrorType)
	NotImplementedErrorType       = newExcType("NotImplementedError", RuntimeErrorType)
	SyntaxErrorType               = newExcType("SyntaxError", StandardErrorType)
	IndentationErrorType          = newExcType("IndentationError", SyntaxErrorType)
	TabErrorType                  = newExcType("TabError", IndentationErrorType)
	SystemErrorType               = newExcType("SystemError", StandardErrorType)
	TypeErrorType                 = newExcType("TypeError", StandardErrorType)
	ValueErrorType                = newExcType("ValueError", StandardErrorType)
	UnicodeErrorType              = newExcType("UnicodeError", ValueErrorType)
	UnicodeDecodeErrorType        = newExcType("UnicodeDecodeError", UnicodeErrorType)
	UnicodeEncodeErrorType        = newExcType("UnicodeEncodeError", UnicodeErrorType)
	UnicodeTranslateErrorType     = newExcType("UnicodeTranslateError", UnicodeErrorType)
	WarningType                   = newExcType("Warning", ExceptionType)
	DeprecationWarningType        = newExcType("DeprecationWarning", WarningType)
	PendingDeprecationWarningType = newExcType("PendingDeprecationWarning", WarningType)
	RuntimeWarningType            = newExcType("RuntimeWarning", WarningType)
	SyntaxWarningType             = newExcType("SyntaxWarning", WarningType)
	UserWarningType               = newExcType("UserWarning", WarningType)
	FutureWarningType             = newExcType("FutureWarning", WarningType)
	ImportWarningType             = newExcType("ImportWarning", WarningType)
	UnicodeWarningType            = newExcType("UnicodeWarning", WarningType)
	BytesWarningType              = newExcType("BytesWarning", WarningType)
)

var allExcTypes []*Type

func init() {
	BaseExceptionType.newFn = excNew
	t := BaseExceptionType
	t.def("__init__", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		e, ok := self.(*BaseException)
		if !ok {
			return nil, NewTypeError("descriptor '__init__' requires a 'exceptions.BaseException' object")
		}
		if len(kw) > 0 {
			return nil, NewTypeError(e.typ.name + " does not take keyword arguments")
		}
		e.args = NewTuple(append([]Object(nil), args...)...)
		if len(args) == 3 && e.typ.IsSubtype(EnvironmentErrorType) {
			e.Dict().setStr("filename", args[2])
			e.args = NewTuple(args[0], args[1])
		}
		return None, nil
	})
	t.def("__str__", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		return self.(*BaseException).builtinStr(f)
	})
	t.def("__repr__", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		e := self.(*BaseException)
		r, err := Repr(f, e.args)
		if err != nil {
			return nil, err
		}
		return NewStr(e.typ.name + r.s), nil
	})
	t.def("__unicode__", func(f *Frame, self Object, args []Object, kw Kwargs) (Object, *BaseException) {
		s, err := self.(*BaseException).Str(f)
		if err != nil {
			return nil, err
		}
		return ToUnicode(f, s)
	})
}

func newExcType(name string, base *Type) *Type {
	t := newBuiltinType(name, base)
	t.module = "exceptions"
	t.hasDict = true
	if base == nil {
		// set in init: excNew refers to the hierarchy being built
	} else {
		t.basic = base.basic
	}
	allExcTypes = append(allExcTypes, t)
	return t
}

func excNew(f *Frame, t *Type, args []Object, kw Kwargs) (Object, *BaseException) {
	e := &BaseException{typ: t, args: NewTuple(append([]Object(nil), args...)...)}
	if len(args) == 3 && t.IsSubtype(EnvironmentErrorType) {
		// EnvironmentError(errno, strerror, filename) keeps two args
		e.Dict().setStr("filename", args[2])
		e.args = NewTuple(args[0], args[1])
	}
	if len(t.slots) > 0 {
		e.slots = make([]Object, len(t.slots))
	}
	return e, nil
}

// NewException builds an exception of type t with a single message arg.
func NewException(t *Type, msg string) *BaseException {
	return &BaseException{typ: t, args: NewTuple(NewStr(msg))}
}

// NewExceptionArgs builds an exception of type t with the given args.
func NewExceptionArgs(t *Type, args ...Object) *BaseException {
	return &BaseException{typ: t, args: NewTuple(args...)}
}

// Convenience constructors for the most common runtime errors.
func NewTypeError(msg string) *BaseException      { return NewException(TypeErrorType, msg) }
func NewValueError(msg string) *BaseException     { return NewException(ValueErrorType, msg) }
func NewIndexError(msg string) *BaseException     { return NewException(IndexErrorType, msg) }
func NewAttributeError(msg string) *BaseException { return NewException(AttributeErrorType, msg) }
func NewNameError(msg string) *BaseException      { return NewException(NameErrorType, msg) }
func NewRuntimeError(msg string) *BaseException   { return NewException(RuntimeErrorType, msg) }
func NewOverflowError(msg string) *BaseException  { return NewException(OverflowErrorType, msg) }
func NewZeroDivisionError(msg string) *BaseException {
	return NewException(ZeroDivisionErrorType, msg)
}

// NewKeyError wraps the missing key as KeyError's only arg.
func NewKeyError(key Object) *BaseException { return NewExceptionArgs(KeyErrorType, key) }

// NewNotImplemented names the unsupported feature and the analyzer rule.
func NewNotImplemented(what, rule string) *BaseException {
	return NewException(NotImplementedErrorType, what+" is not supported by grumpy-audit's Go runtime (rule "+rule+")")
}

// Missing is the error for runtime paths not written yet; it names them.
func Missing(what string) *BaseException {
	return NewException(NotImplementedErrorType, what+" is not implemented in grumpy-audit's Go runtime yet")
}

// IsInstance reports whether the exception is an instance of t.
func (e *BaseException) IsInstance(t *Type) bool { return e.typ.IsSubtype(t) }

func (e *BaseException) envArgs() (errno, strerror Object, ok bool) {
	if e.typ.IsSubtype(EnvironmentErrorType) && len(e.args.elems) >= 2 && len(e.args.elems) <= 3 {
		return e.args.elems[0], e.args.elems[1], true
	}
	return nil, nil, false
}

// Str implements str(exception) with the per-class rules of 2.7 (a
// user-defined __str__ wins).
func (e *BaseException) Str(f *Frame) (Object, *BaseException) {
	if m := userLookup(e.typ, "__str__"); m != nil {
		return callDescr(f, m, e, e.typ, nil, nil)
	}
	return e.builtinStr(f)
}

func (e *BaseException) builtinStr(f *Frame) (Object, *BaseException) {
	args := e.args.elems
	switch {
	case e.typ.IsSubtype(KeyErrorType) && len(args) == 1:
		r, err := Repr(f, args[0])
		return r, err
	case e.typ.IsSubtype(EnvironmentErrorType):
		errno, strerror, ok := e.envArgs()
		fn := e.attr("filename")
		if ok {
			es, err := ToStr(f, errno)
			if err != nil {
				return nil, err
			}
			ss, err := ToStr(f, strerror)
			if err != nil {
				return nil, err
			}
			if fn != nil && fn != None {
				fr, err := Repr(f, fn)
				if err != nil {
					return nil, err
				}
				return NewStr("[Errno " + es.s + "] " + ss.s + ": " + fr.s), nil
			}
			return NewStr("[Errno " + es.s + "] " + ss.s), nil
		}
	case e.typ.IsSubtype(UnicodeDecodeErrorType) && len(args) == 5:
		return unicodeErrorStr(f, e, true)
	case e.typ.IsSubtype(UnicodeEncodeErrorType) && len(args) == 5:
		return unicodeErrorStr(f, e, false)
	}
	switch len(args) {
	case 0:
		return NewStr(""), nil
	case 1:
		return ToStr(f, args[0])
	}
	return ToStr(f, e.args)
}

func unicodeErrorStr(f *Frame, e *BaseException, decode bool) (Object, *BaseException) {
	a := e.args.elems
	enc, _ := a[0].(*Str)
	start, _ := a[2].(*Int)
	end, _ := a[3].(*Int)
	reason, _ := a[4].(*Str)
	if enc == nil || start == nil || end == nil || reason == nil {
		return ToStr(f, e.args)
	}
	if decode {
		obj, _ := a[1].(*Str)
		if obj != nil && end.v == start.v+1 && int(start.v) < len(obj.s) {
			return NewStr("'" + enc.s + "' codec can't decode byte 0x" + hex2(obj.s[start.v]) + " in position " + strconv.FormatInt(start.v, 10) + ": " + reason.s), nil
		}
		return NewStr("'" + enc.s + "' codec can't decode bytes in position " + strconv.FormatInt(start.v, 10) + "-" + strconv.FormatInt(end.v-1, 10) + ": " + reason.s), nil
	}
	obj, _ := a[1].(*Unicode)
	if obj != nil && end.v == start.v+1 && int(start.v) < len(obj.r) {
		c := obj.r[start.v]
		var cs string
		switch {
		case c < 0x100:
			cs = "\\x" + hex2(byte(c))
		case c < 0x10000:
			cs = "\\u" + padHex(int64(c), 4)
		default:
			cs = "\\U" + padHex(int64(c), 8)
		}
		return NewStr("'" + enc.s + "' codec can't encode character u'" + cs + "' in position " + strconv.FormatInt(start.v, 10) + ": " + reason.s), nil
	}
	return NewStr("'" + enc.s + "' codec can't encode characters in position " + strconv.FormatInt(start.v, 10) + "-" + strconv.FormatInt(end.v-1, 10) + ": " + reason.s), nil
}

func hex2(b byte) string {
	const d = "0123456789abcdef"
	return string([]byte{d[b>>4], d[b&15]})
}

func padHex(v int64, n int) string {
	s := strconv.FormatInt(v, 16)
	for len(s) < n {
		s = "0" + s
	}
	return s
}

func (e *BaseException) attr(name string) Object {
	if e.dict == nil {
		return nil
	}
	return e.dict.getStr(name)
}

// Repr implements repr(exception): Name(args) (args repr'd as a tuple).
func (e *BaseException) Repr(f *Frame) (string, *BaseException) {
	if m := userLookup(e.typ, "__repr__"); m != nil {
		r, err := callDescr(f, m, e, e.typ, nil, nil)
		if err != nil {
			return "", err
		}
		s, ok := r.(*Str)
		if !ok {
			return "", NewTypeError("__repr__ returned non-string (type " + r.Type().tpName() + ")")
		}
		return s.s, nil
	}
	r, err := Repr(f, e.args)
	if err != nil {
		return "", err
	}
	return e.typ.name + r.s, nil
}

// GetAttr handles args/message/errno/strerror/filename then the generic path.
func (e *BaseException) GetAttr(f *Frame, name string) (Object, *BaseException) {
	if e.dict != nil {
		if v := e.dict.getStr(name); v != nil {
			if d := e.typ.lookup(name); d != nil {
				if _, ok := d.(DescrSetter); ok {
					return bindDescr(f, d, e, e.typ)
				}
			}
			return v, nil
		}
	}
	switch name {
	case "args":
		return e.args, nil
	case "encoding", "object", "start", "end", "reason":
		// UnicodeEncodeError/UnicodeDecodeError(encoding, object, start, end, reason) and
		// UnicodeTranslateError(object, start, end, reason) keep their arguments as attributes.
		fields := map[string]int{"encoding": 0, "object": 1, "start": 2, "end": 3, "reason": 4}
		n := 5
		if e.typ.IsSubtype(UnicodeTranslateErrorType) {
			fields = map[string]int{"object": 0, "start": 1, "end": 2, "reason": 3}
			n = 4
		}
		i, ok := fields[name]
		if ok && len(e.args.elems) == n && (e.typ.IsSubtype(UnicodeEncodeErrorType) || e.typ.IsSubtype(UnicodeDecodeErrorType) || e.typ.IsSubtype(UnicodeTranslateErrorType)) {
			return e.args.elems[i], nil
		}
	case "code":
		if e.typ.IsSubtype(SystemExitType) {
			if c := e.attr("code"); c != nil {
				return c, nil
			}
			switch len(e.args.elems) {
			case 0:
				return None, nil
			case 1:
				return e.args.elems[0], nil
			}
			return e.args, nil
		}
	case "message":
		if len(e.args.elems) == 1 {
			return e.args.elems[0], nil
		}
		return NewStr(""), nil
	case "errno", "strerror", "filename":
		if e.typ.IsSubtype(EnvironmentErrorType) {
			errno, strerror, ok := e.envArgs()
			switch {
			case name == "errno" && ok:
				return errno, nil
			case name == "strerror" && ok:
				return strerror, nil
			case name == "filename":
				if fn := e.attr("filename"); fn != nil {
					return fn, nil
				}
			}
			return None, nil
		}
	case "__dict__":
		return e.Dict().object(), nil
	case "__class__":
		return e.typ, nil
	}
	return genericGetAttrNoDict(f, e, name)
}

// SetAttr stores attributes in the instance dict (args is settable).
func (e *BaseException) SetAttr(f *Frame, name string, v Object) *BaseException {
	return e.setAttrGeneric(f, name, v)
}

// setAttrGeneric is object.__setattr__ on an exception (no user hook).
func (e *BaseException) setAttrGeneric(f *Frame, name string, v Object) *BaseException {
	if name == "args" && v != nil {
		t, err := TupleOf(f, v)
		if err != nil {
			return err
		}
		e.args = t
		return nil
	}
	if d := e.typ.lookup(name); d != nil {
		if ds, ok := d.(DescrSetter); ok {
			return ds.DescrSet(f, e, v)
		}
	}
	if name == "__dict__" {
		// BaseException's __dict__ setter: the dict itself becomes the namespace
		if v == nil {
			return NewTypeError("__dict__ may not be deleted")
		}
		d := dictStorage(v)
		if d == nil {
			return NewTypeError("__dict__ must be a dictionary")
		}
		e.dict = d
		return nil
	}
	if v == nil {
		if e.dict == nil || e.dict.getStr(name) == nil {
			return attributeError(e, name)
		}
		e.dict.delStr(name)
		return nil
	}
	e.Dict().setStr(name, v)
	return nil
}

var _ Object = (*BaseException)(nil)
var _ error = (*BaseException)(nil)
var _ Strer = (*BaseException)(nil)
var _ Reprer = (*BaseException)(nil)
var _ AttrGetter = (*BaseException)(nil)
var _ AttrSetter = (*BaseException)(nil)

// Raise implements the raise statement with 0-3 operands (nil = absent),
// including instantiation of classes and 2.7's TypeError for bad types.
func Raise(f *Frame, typ, val, tb Object) *BaseException {
	if typ == nil {
		cur := f.ExcInfo()
		if cur == nil {
			return NewTypeError("exceptions must be old-style classes or derived from BaseException, not NoneType")
		}
		// a bare raise reports the raise statement's line (CPython 2)
		if n := len(cur.tb); n > 0 && cur.tb[n-1].frame == f {
			cur.tb[n-1].line = f.Line
		} else {
			cur.addTraceback(f)
		}
		return cur
	}
	var e *BaseException
	switch t := typ.(type) {
	case *Type:
		if !t.IsSubtype(BaseExceptionType) {
			return NewTypeError("exceptions must be old-style classes or derived from BaseException, not type")
		}
		if val != nil && val != None {
			if ve, ok := val.(*BaseException); ok && ve.typ.IsSubtype(t) {
				e = ve
				break
			}
		}
		var args []Object
		if val != nil && val != None {
			if tv, ok := val.(*Tuple); ok {
				args = tv.elems
			} else {
				args = []Object{val}
			}
		}
		o, err := Call(f, t, args, nil)
		if err != nil {
			return err
		}
		ve, ok := o.(*BaseException)
		if !ok {
			return NewTypeError("calling " + t.name + "() should have returned an instance of BaseException, not " + o.Type().tpName())
		}
		e = ve
	case *BaseException:
		if val != nil && val != None {
			return NewTypeError("instance exception may not have a separate value")
		}
		e = t
		if tb == nil || tb == None {
			e.tb = nil
		}
	case *Class:
		var inst Object
		if ci, ok := val.(*ClassicInstance); ok && ci.class.isSubclass(t) {
			inst = ci
		} else {
			var args []Object
			if val != nil && val != None {
				if tv, ok := val.(*Tuple); ok {
					args = tv.elems
				} else {
					args = []Object{val}
				}
			}
			o, err := Call(f, t, args, nil)
			if err != nil {
				return err
			}
			inst = o
		}
		e = &BaseException{typ: classicExcType, classic: inst.(*ClassicInstance), args: NewTuple()}
	case *ClassicInstance:
		if val != nil && val != None {
			return NewTypeError("instance exception may not have a separate value")
		}
		e = &BaseException{typ: classicExcType, classic: t, args: NewTuple()}
	default:
		return NewTypeError("exceptions must be old-style classes or derived from BaseException, not " + typ.Type().tpName())
	}
	if tb != nil && tb != None {
		tbo, ok := tb.(*Traceback)
		if !ok {
			return NewTypeError("raise: arg 3 must be a traceback or None")
		}
		n := len(tbo.entries)
		e.tb = make([]tbEntry, 0, n+1)
		for i := n - 1; i >= tbo.pos; i-- {
			e.tb = append(e.tb, tbo.entries[i])
		}
	}
	e.raised = true
	e.addTraceback(f)
	return e
}

// classicExcType is the placeholder type of a wrapped old-style exception.
var classicExcType = newBuiltinType("instance", nil)

// ExceptionMatches implements `except X:` where X is a class or a tuple
// of classes (nested tuples allowed), for new- and old-style classes.
func ExceptionMatches(f *Frame, e *BaseException, x Object) bool {
	switch t := x.(type) {
	case *Type:
		if e.classic != nil {
			return false
		}
		return e.typ.IsSubtype(t)
	case *Class:
		return e.classic != nil && e.classic.class.isSubclass(t)
	case *Tuple:
		for _, el := range t.elems {
			if ExceptionMatches(f, e, el) {
				return true
			}
		}
	}
	return false
}
