// Package sha512 is CPython 2.7's _sha512 module (hashlib's builtin
// SHA-384 and SHA-512).
//
// Members: sha384([string]), sha512([string]).
package sha512

import (
	"crypto/sha512"

	"github.com/grumpy-audit/grumpy-audit/runtime-go/modules/internal/hashmod"
	"github.com/grumpy-audit/grumpy-audit/runtime-go/modules/internal/native"
)

var (
	k384 = &hashmod.Kind{Module: "_sha512", TypeName: "sha384", Name: "SHA384", New: sha512.New384}
	k512 = &hashmod.Kind{Module: "_sha512", TypeName: "sha512", Name: "SHA512", New: sha512.New}
)

func init() {
	native.Register("_sha512", "", func() []native.Member {
		return []native.Member{native.F("sha384", k384.Constructor()), native.F("sha512", k512.Constructor())}
	})
}
