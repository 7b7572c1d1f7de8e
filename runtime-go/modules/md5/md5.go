// Package md5 is CPython 2.7's _md5 module (hashlib's builtin MD5).
//
// Members: new([string]), MD5Type, digest_size.
package md5

import (
	"crypto/md5"

	"github.com/grumpy-audit/grumpy-audit/runtime-go/modules/internal/hashmod"
	"github.com/grumpy-audit/grumpy-audit/runtime-go/modules/internal/native"
	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

var kind = &hashmod.Kind{Module: "_md5", TypeName: "md5", Name: "MD5", New: md5.New, NoKeywords: true}

func init() {
	native.Register("_md5", "", func() []native.Member {
		return []native.Member{
			native.F("new", kind.Constructor()),
			native.V("MD5Type", kind.Type()),
			native.V("digest_size", py.NewInt(16)),
		}
	})
}
