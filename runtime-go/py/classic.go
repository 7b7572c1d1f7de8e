package py

import (
	"strings"
	"sync/atomic"
	"unsafe"
)

// Class is an old-style class (classobj): depth-first left-to-right
// attribute lookup, no metaclass, instances of type `instance`.
type Class struct {
	name  string
	bases []*Class
	dict  *Dict
}

// ClassType is `classobj`; ClassicInstanceType is `instance`.
var (
	ClassType           = newBuiltinType("classobj", nil)
	ClassicInstanceType = newBuiltinType("instance", nil)
)

// NewClassicClass creates an old-style class from its body namespace.
func NewClassicClass(name string, bases []*Class, dict *Dict) *Class {
	if dict.getStr("__doc__") == nil {
		dict.setStr("__doc__", None)
	}
	return &Class{name: name, bases: bases, dict: dict}
}

// Type implements Object.
func (c *Class) Type() *Type { return ClassType }

// Dict implements DictHolder.
func (c *Class) Dict() *Dict { return c.dict }

func (c *Class) lookup(name string) Object {
	if v := c.dict.getStr(name); v != nil {
		return v
	}
	for _, b := range c.bases {
		if v := b.lookup(name); v != nil {
			return v
		}
	}
	return nil
}

func (c *Class) isSubclass(o *Class) bool {
	if c == o {
		return true
	}
	for _, b := range c.bases {
		if b.isSubclass(o) {
			return true
		}
	}
	return false
}

func (c *Class) qualname() string {
	if m, ok := c.dict.getStr("__module__").(*Str); ok && m.s != "__builtin__" && m.s != "exceptions" {
		return m.s + "." + c.name
	}
	return c.name
}

// Repr mirrors <class __main__.C at 0x...>.
func (c *Class) Repr(f *Frame) (string, *BaseException) {
	if _, ok := c.dict.getStr("__module__").(*Str); !ok {
		// class_repr's form when __module__ is gone (a replaced __dict__)
		return "<class ?." + c.name + " at " + addrOf(c) + ">", nil
	}
	return "<class " + c.qualname() + " at " + addrOf(c) + ">", nil
}

// Str is the dotted name, as classobj's tp_str.
func (c *Class) Str(f *Frame) (Object, *BaseException) { return NewStr(c.qualname()), nil }

// GetAttr looks up class attributes; functions become unbound methods.
func (c *Class) GetAttr(f *Frame, name string) (Object, *BaseException) {
	switch name {
	case "__name__":
		return NewStr(c.name), nil
	case "__dict__":
		return c.dict.object(), nil
	case "__bases__":
		bs := make([]Object, len(c.bases))
		for i, b := range c.bases {
			bs[i] = b
		}
		return NewTuple(bs...), nil
	}
	v := c.lookup(name)
	if v == nil {
		return nil, attributeError(c, name)
	}
	if fn, ok := v.(*Function); ok {
		return &Method{fn: fn, class: c}, nil
	}
	return descrGet(f, v, nil, nil)
}

// SetAttr stores into the class dict; assigning __dict__ replaces it.
func (c *Class) SetAttr(f *Frame, name string, v Object) *BaseException {
	if name == "__dict__" {
		d := dictStorage(v)
		if d == nil {
			return NewTypeError("__dict__ must be a dictionary object")
		}
		c.dict = d
		return nil
	}
	if v == nil {
		if !c.dict.delStr(name) {
			return attributeError(c, name)
		}
		return nil
	}
	c.dict.setStr(name, v)
	return nil
}

// Call instantiates: a new instance, then __init__.
func (c *Class) Call(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
	inst := &ClassicInstance{class: c, dict: NewDict()}
	if c.lookup("__del__") != nil {
		trackClassicDel(inst)
	}
	init := c.lookup("__init__")
	if init == nil {
		if len(args) > 0 || len(kw) > 0 {
			return nil, NewTypeError("this constructor takes no arguments")
		}
		return inst, nil
	}
	r, err := inst.callBound(f, init, args, kw)
	if err != nil {
		return nil, err
	}
	if r != None {
		return nil, NewTypeError("__init__() should return None")
	}
	return inst, nil
}

// ClassicInstance is an instance of an old-style class. Every special
// method is looked up through the instance (so instance attributes can
// define them), and binary operators go through __coerce__ as in 2.7.
type ClassicInstance struct {
	class *Class
	dict  *Dict
}

// Type implements Object.
func (i *ClassicInstance) Type() *Type { return ClassicInstanceType }

// Dict implements DictHolder.
func (i *ClassicInstance) Dict() *Dict { return i.loadDict() }

// loadDict and storeDict access the dict pointer, which assigning
// __dict__ replaces (see (*Instance).loadDict).
func (i *ClassicInstance) loadDict() *Dict {
	return (*Dict)(atomic.LoadPointer((*unsafe.Pointer)(unsafe.Pointer(&i.dict))))
}

func (i *ClassicInstance) storeDict(d *Dict) {
	atomic.StorePointer((*unsafe.Pointer)(unsafe.Pointer(&i.dict)), unsafe.Pointer(d))
}

func (i *ClassicInstance) getAttrNoHook(f *Frame, name string) (Object, bool, *BaseException) {
	if v := i.loadDict().getStr(name); v != nil {
		return v, true, nil
	}
	v := i.class.lookup(name)
	if v == nil {
		return nil, false, nil
	}
	if fn, ok := v.(*Function); ok {
		return &Method{fn: fn, self: i, class: i.class}, true, nil
	}
	r, err := descrGet(f, v, i, nil)
	return r, true, err
}

// GetAttr implements instance attribute lookup with __getattr__.
func (i *ClassicInstance) GetAttr(f *Frame, name string) (Object, *BaseException) {
	switch name {
	case "__dict__":
		return i.loadDict().object(), nil
	case "__class__":
		return i.class, nil
	}
	v, ok, err := i.getAttrNoHook(f, name)
	if err != nil || ok {
		return v, err
	}
	if ga := i.class.lookup("__getattr__"); ga != nil {
		return i.callBound(f, ga, []Object{NewStr(name)}, nil)
	}
	return nil, attributeError(i, name)
}

// SetAttr honours __setattr__/__delattr__, except for __dict__ and
// __class__, which instance_setattr handles before looking for them.
func (i *ClassicInstance) SetAttr(f *Frame, name string, v Object) *BaseException {
	switch name {
	case "__dict__":
		// the same dict object becomes the namespace; del is refused
		d := dictStorage(v)
		if d == nil {
			return NewTypeError("__dict__ must be set to a dictionary")
		}
		i.storeDict(d)
		return nil
	case "__class__":
		c, ok := v.(*Class)
		if !ok {
			return NewTypeError("__class__ must be set to a class")
		}
		i.class = c
		return nil
	}
	hook := "__setattr__"
	args := []Object{NewStr(name), v}
	if v == nil {
		hook, args = "__delattr__", args[:1]
	}
	if m := i.class.lookup(hook); m != nil {
		_, err := i.callBound(f, m, args, nil)
		return err
	}
	dict := i.loadDict()
	if v == nil {
		if !dict.delStr(name) {
			return attributeError(i, name)
		}
		return nil
	}
	dict.setStr(name, v)
	return nil
}

func (i *ClassicInstance) callBound(f *Frame, m Object, args []Object, kw Kwargs) (Object, *BaseException) {
	if fn, ok := m.(*Function); ok {
		return fn.invoke(f, i, args, kw)
	}
	b, err := descrGet(f, m, i, nil)
	if err != nil {
		return nil, err
	}
	return Call(f, b, args, kw)
}

// method finds a special method through the instance (nil if absent).
func (i *ClassicInstance) method(f *Frame, name string) (Object, *BaseException) {
	v, ok, err := i.getAttrNoHook(f, name)
	if err != nil || ok {
		return v, err
	}
	if ga := i.class.lookup("__getattr__"); ga != nil {
		r, err := i.callBound(f, ga, []Object{NewStr(name)}, nil)
		if err != nil {
			if err.IsInstance(AttributeErrorType) {
				return nil, nil
			}
			return nil, err
		}
		return r, nil
	}
	return nil, nil
}

func (i *ClassicInstance) callMethod(f *Frame, name string, args ...Object) (Object, *BaseException) {
	m, err := i.method(f, name)
	if err != nil {
		return nil, err
	}
	if m == nil {
		return nil, attributeError(i, name)
	}
	return Call(f, m, args, nil)
}

// Repr uses __repr__ or <__main__.C instance at 0x...>.
func (i *ClassicInstance) Repr(f *Frame) (string, *BaseException) {
	m, err := i.method(f, "__repr__")
	if err != nil {
		return "", err
	}
	if m == nil {
		return "<" + i.class.qualname() + " instance at " + addrOf(i) + ">", nil
	}
	r, err := Call(f, m, nil, nil)
	if err != nil {
		return "", err
	}
	s, ok := r.(*Str)
	if !ok {
		return "", NewTypeError("__repr__ returned non-string (type " + r.Type().tpName() + ")")
	}
	return s.s, nil
}

// Str uses __str__ or falls back to repr.
func (i *ClassicInstance) Str(f *Frame) (Object, *BaseException) {
	m, err := i.method(f, "__str__")
	if err != nil {
		return nil, err
	}
	if m == nil {
		s, err := i.Repr(f)
		if err != nil {
			return nil, err
		}
		return NewStr(s), nil
	}
	return Call(f, m, nil, nil)
}

// Truth uses __nonzero__ then __len__.
func (i *ClassicInstance) Truth(f *Frame) (bool, *BaseException) {
	for _, name := range []string{"__nonzero__", "__len__"} {
		m, err := i.method(f, name)
		if err != nil {
			return false, err
		}
		if m != nil {
			r, err := Call(f, m, nil, nil)
			if err != nil {
				return false, err
			}
			n, ok := r.(*Int)
			if !ok {
				return false, NewTypeError("__nonzero__ should return an int")
			}
			if n.v < 0 {
				return false, NewValueError("__nonzero__ should return >= 0")
			}
			return n.v != 0, nil
		}
	}
	return true, nil
}

// Len uses __len__.
func (i *ClassicInstance) Len(f *Frame) (int, *BaseException) {
	r, err := i.callMethod(f, "__len__")
	if err != nil {
		return 0, err
	}
	return lenResult(r)
}

// Hash uses __hash__; defining __eq__/__cmp__ without it is unhashable.
func (i *ClassicInstance) Hash(f *Frame) (int64, *BaseException) {
	m, err := i.method(f, "__hash__")
	if err != nil {
		return 0, err
	}
	if m == nil {
		if i.class.lookup("__eq__") != nil || i.class.lookup("__cmp__") != nil {
			return 0, NewTypeError("unhashable instance")
		}
		return idHash(i), nil
	}
	r, err := Call(f, m, nil, nil)
	if err != nil {
		return 0, err
	}
	return Hash(f, r)
}

// Binary implements operators with __coerce__ first, as instance_add.
func (i *ClassicInstance) Binary(f *Frame, op Op, y Object, side Side) (Object, *BaseException) {
	name := binaryNames[op][0]
	if side == Right {
		name = binaryNames[op][1]
	}
	var other Object = y
	self := Object(i)
	if co, err := i.method(f, "__coerce__"); err != nil {
		return nil, err
	} else if co != nil {
		r, err := Call(f, co, []Object{y}, nil)
		if err != nil {
			return nil, err
		}
		if r == None || r == NotImplemented {
			return NotImplemented, nil
		}
		pair, ok := r.(*Tuple)
		if !ok || len(pair.elems) != 2 {
			return nil, NewTypeError("coercion should return None or 2-tuple")
		}
		self, other = pair.elems[0], pair.elems[1]
		if _, still := self.(*ClassicInstance); !still {
			if side == Left {
				return binaryOp(f, op, self, other)
			}
			return binaryOp(f, op, other, self)
		}
	}
	ci := self.(*ClassicInstance)
	m, err := ci.method(f, name)
	if err != nil {
		return nil, err
	}
	if m == nil {
		return NotImplemented, nil
	}
	return Call(f, m, []Object{other}, nil)
}

// Inplace uses __iadd__ and friends.
func (i *ClassicInstance) Inplace(f *Frame, op Op, y Object) (Object, *BaseException) {
	if inplaceNames[op] == "" {
		return NotImplemented, nil
	}
	m, err := i.method(f, inplaceNames[op])
	if err != nil || m == nil {
		return NotImplemented, err
	}
	return Call(f, m, []Object{y}, nil)
}

// Unary uses __neg__ and friends.
func (i *ClassicInstance) Unary(f *Frame, op UnaryOp) (Object, *BaseException) {
	m, err := i.method(f, unaryNames[op])
	if err != nil || m == nil {
		if err == nil {
			return nil, attributeError(i, unaryNames[op])
		}
		return nil, err
	}
	return Call(f, m, nil, nil)
}

// RichCompare uses __eq__ and friends when defined.
func (i *ClassicInstance) RichCompare(f *Frame, op CmpOp, y Object) (Object, *BaseException) {
	m, err := i.method(f, richNames[op])
	if err != nil || m == nil {
		return NotImplemented, err
	}
	return Call(f, m, []Object{y}, nil)
}

// Cmp uses __cmp__ (after __coerce__ when the other is not an instance).
func (i *ClassicInstance) Cmp(f *Frame, y Object) (int, bool, *BaseException) {
	m, err := i.method(f, "__cmp__")
	if err != nil || m == nil {
		return 0, false, err
	}
	r, err := Call(f, m, []Object{y}, nil)
	if err != nil {
		return 0, false, err
	}
	if r == NotImplemented {
		return 0, false, nil
	}
	n, ok := r.(*Int)
	if !ok {
		return 0, false, NewTypeError("comparison did not return an int")
	}
	return cmp3(n.v, 0), true, nil
}

// Call uses __call__.
func (i *ClassicInstance) Call(f *Frame, args []Object, kw Kwargs) (Object, *BaseException) {
	m, err := i.method(f, "__call__")
	if err != nil {
		return nil, err
	}
	if m == nil {
		return nil, attributeError(i, "__call__")
	}
	return Call(f, m, args, kw)
}

// GetItem uses __getitem__.
func (i *ClassicInstance) GetItem(f *Frame, key Object) (Object, *BaseException) {
	return i.callMethod(f, "__getitem__", key)
}

// SetItem uses __setitem__.
func (i *ClassicInstance) SetItem(f *Frame, key, v Object) *BaseException {
	_, err := i.callMethod(f, "__setitem__", key, v)
	return err
}

// DelItem uses __delitem__.
func (i *ClassicInstance) DelItem(f *Frame, key Object) *BaseException {
	_, err := i.callMethod(f, "__delitem__", key)
	return err
}

// Contains uses __contains__, else iteration.
func (i *ClassicInstance) Contains(f *Frame, x Object) (bool, *BaseException) {
	m, err := i.method(f, "__contains__")
	if err != nil {
		return false, err
	}
	if m == nil {
		return iterContains(f, i, x)
	}
	r, err := Call(f, m, []Object{x}, nil)
	if err != nil {
		return false, err
	}
	return IsTrue(f, r)
}

// Iter uses __iter__, else __getitem__.
func (i *ClassicInstance) Iter(f *Frame) (Object, *BaseException) {
	m, err := i.method(f, "__iter__")
	if err != nil {
		return nil, err
	}
	if m != nil {
		r, err := Call(f, m, nil, nil)
		if err != nil {
			return nil, err
		}
		if !isIterator(r) {
			return nil, NewTypeError("__iter__ returned non-iterator of type '" + typeNameForError(r) + "'")
		}
		return r, nil
	}
	if g, _ := i.method(f, "__getitem__"); g != nil {
		return &seqIter{seq: i}, nil
	}
	return nil, NewTypeError("iteration over non-sequence")
}

// Next uses next().
func (i *ClassicInstance) Next(f *Frame) (Object, *BaseException) {
	r, err := i.callMethod(f, "next")
	if err != nil && err.IsInstance(StopIterationType) {
		return nil, nil
	}
	return r, err
}

var _ Caller = (*Class)(nil)
var _ Binaryer = (*ClassicInstance)(nil)
var _ Cmper = (*ClassicInstance)(nil)

// classicName helps error messages.
func classicName(s string) string { return strings.TrimSpace(s) }
