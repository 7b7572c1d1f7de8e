// Package sha256 is CPython 2.7's _sha256 module (hashlib's builtin
// SHA-224 and SHA-256).
//
// Members: sha224([string]), sha256([string]).
package sha256

import (
	"crypto/sha256"

	"github.com/grumpy-audit/grumpy-audit/runtime-go/modules/internal/hashmod"
	"github.com/grumpy-audit/grumpy-audit/runtime-go/modules/internal/native"
)

var (
	k224 = &hashmod.Kind{Module: "_sha256", TypeName: "sha224", Name: "SHA224", New: sha256.New224}
	k256 = &hashmod.Kind{Module: "_sha256", TypeName: "sha256", Name: "SHA256", New: sha256.New}
)

func init() {
	native.Register("_sha256", "", func() []native.Member {
		return []native.Member{native.F("sha224", k224.Constructor()), native.F("sha256", k256.Constructor())}
	})
}
