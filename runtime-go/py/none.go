package py

// NoneObject is the type of None; NotImplementedObject and EllipsisObject
// are the other singletons. All three compare by identity and hash by
// address in CPython; here their hashes are fixed constants.
type NoneObject struct{ _ byte }

// NoneType is `NoneType`.
var NoneType = newBuiltinType("NoneType", nil)

// None is the None singleton.
var None = &NoneObject{}

// Type implements Object.
func (*NoneObject) Type() *Type { return NoneType }

// Repr implements repr(None).
func (*NoneObject) Repr(f *Frame) (string, *BaseException) { return "None", nil }

// Truth implements bool(None).
func (*NoneObject) Truth(f *Frame) (bool, *BaseException) { return false, nil }

// NotImplementedObject is the type of NotImplemented.
type NotImplementedObject struct{ _ byte }

// NotImplementedType is `NotImplementedType`.
var NotImplementedType = newBuiltinType("NotImplementedType", nil)

// NotImplemented is returned by operator implementations that decline.
var NotImplemented = &NotImplementedObject{}

// Type implements Object.
func (*NotImplementedObject) Type() *Type { return NotImplementedType }

// Repr implements repr(NotImplemented).
func (*NotImplementedObject) Repr(f *Frame) (string, *BaseException) { return "NotImplemented", nil }

// EllipsisObject is the type of Ellipsis.
type EllipsisObject struct{ _ byte }

// EllipsisType is `ellipsis`.
var EllipsisType = newBuiltinType("ellipsis", nil)

// Ellipsis is the `...` singleton.
var Ellipsis = &EllipsisObject{}

// Type implements Object.
func (*EllipsisObject) Type() *Type { return EllipsisType }

// Repr implements repr(Ellipsis).
func (*EllipsisObject) Repr(f *Frame) (string, *BaseException) { return "Ellipsis", nil }

func init() {
	NoneType.final = true
	NotImplementedType.final = true
	EllipsisType.final = true
}

var _ Reprer = (*NoneObject)(nil)
var _ Truther = (*NoneObject)(nil)
