// Package sha is CPython 2.7's _sha module (hashlib's builtin SHA-1).
//
// Members: new([string]), blocksize, digest_size, digestsize.
package sha

import (
	"crypto/sha1"

	"github.com/grumpy-audit/grumpy-audit/runtime-go/modules/internal/hashmod"
	"github.com/grumpy-audit/grumpy-audit/runtime-go/modules/internal/native"
	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

var kind = &hashmod.Kind{Module: "_sha", TypeName: "sha", Name: "SHA1", New: sha1.New}

func init() {
	native.Register("_sha", "", func() []native.Member {
		return []native.Member{
			native.F("new", kind.Constructor()),
			native.V("blocksize", py.NewInt(1)),
			native.V("digest_size", py.NewInt(20)),
			native.V("digestsize", py.NewInt(20)),
		}
	})
}
