// Package errno is CPython 2.7's errno module for Linux: every E* name as
// an int, and errorcode, the dict from value to name. The table is
// generated from CPython 2.7 by gen_table.py (see table.go).
//
// Members: E2BIG … EXFULL (all of Linux's), errorcode.
package errno

import (
	"github.com/grumpy-audit/grumpy-audit/runtime-go/modules/internal/native"
	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

func init() {
	native.Register("errno", "This module makes available standard errno system symbols.", members)
}

func members() []native.Member {
	var out []native.Member
	for _, e := range table {
		out = append(out, native.V(e.name, py.NewInt(int64(e.value))))
	}
	// Small int keys never collide in the table, so inserting in value
	// order prints in CPython's order.
	codes := py.NewDict()
	f := py.NewRootFrame()
	for v := 0; v < 4096; v++ {
		if name, ok := codeNames[v]; ok {
			codes.SetItem(f, py.NewInt(int64(v)), py.NewStr(name))
		}
	}
	return append(out, native.V("errorcode", codes))
}
