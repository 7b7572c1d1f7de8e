package gointerop

import (
	"reflect"

	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

func reflectTypeFor[T any]() reflect.Type { return reflect.TypeFor[T]() }

func goValue(o py.Object) reflect.Value {
	v, _ := GoValue(o)
	return v
}
