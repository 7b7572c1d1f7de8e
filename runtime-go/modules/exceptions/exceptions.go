// Package exceptions is CPython 2.7's exceptions module: the built-in
// exception classes (BaseException … Warning subclasses), the same objects
// as in __builtin__.
//
// Members: every exception class the runtime's __builtin__ defines.
package exceptions

import (
	"sort"

	"github.com/grumpy-audit/grumpy-audit/runtime-go/modules/internal/native"
	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

func init() {
	native.Register("exceptions", "Python's standard exception class hierarchy.", func() []native.Member {
		keys, vals := py.Builtins.Entries()
		var m []native.Member
		for i, k := range keys {
			t, ok := vals[i].(*py.Type)
			ks, isStr := k.(*py.Str)
			if ok && isStr && t.IsSubtype(py.BaseExceptionType) {
				m = append(m, native.V(ks.Value(), t))
			}
		}
		sort.Slice(m, func(a, b int) bool { return m[a].Name < m[b].Name })
		return m
	})
}
