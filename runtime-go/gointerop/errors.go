package gointerop

import (
	"fmt"
	"reflect"

	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

// GoErrorType is __go__.GoError, an Exception subclass raised for a
// non-nil Go error result. Its message is err.Error(); its `error`
// attribute wraps the Go error value itself (for errors.Is-style checks
// through the error's own methods).
var GoErrorType = newGoErrorType()

func newGoErrorType() *py.Type {
	d := py.NewDict()
	d.SetStr("__module__", py.NewStr("__go__"))
	d.SetStr("__doc__", py.NewStr("A Go function returned a non-nil error or panicked."))
	t, err := py.NewClass(nil, py.TypeType, "GoError", []*py.Type{py.ExceptionType}, d)
	if err != nil {
		// Only a broken runtime could refuse `class GoError(Exception)`.
		panic("gointerop: cannot create GoError: " + err.Error())
	}
	return t
}

var errorType = reflect.TypeFor[error]()

// raiseGoError turns a Go error into the Python exception to raise. A
// Python exception that travelled through Go (a callback raised it) comes
// back unchanged.
func raiseGoError(err error) *py.BaseException {
	if e, ok := err.(*py.BaseException); ok {
		return e
	}
	exc := py.NewException(GoErrorType, err.Error())
	exc.Dict().SetStr("error", wrap(reflect.ValueOf(&err).Elem()))
	return exc
}

// panicError describes a recovered Go panic from the function named who.
func panicError(who string, r any) *py.BaseException {
	return py.NewException(GoErrorType, fmt.Sprintf("Go panic in %s: %v", who, r))
}
