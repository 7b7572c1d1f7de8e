// Package all links every native stdlib module into a program: generated
// code imports it once, for side effects, instead of one import per module.
// A module whose name starts with "_" lives in the directory without it
// (Go ignores "_" directories): _sre is modules/sre.
package all

import (
	_ "github.com/grumpy-audit/grumpy-audit/runtime-go/modules/array"
	_ "github.com/grumpy-audit/grumpy-audit/runtime-go/modules/binascii"
	_ "github.com/grumpy-audit/grumpy-audit/runtime-go/modules/bisect"
	_ "github.com/grumpy-audit/grumpy-audit/runtime-go/modules/cStringIO"
	_ "github.com/grumpy-audit/grumpy-audit/runtime-go/modules/cmath"
	_ "github.com/grumpy-audit/grumpy-audit/runtime-go/modules/codecs"
	_ "github.com/grumpy-audit/grumpy-audit/runtime-go/modules/collections"
	_ "github.com/grumpy-audit/grumpy-audit/runtime-go/modules/csv"
	_ "github.com/grumpy-audit/grumpy-audit/runtime-go/modules/datetime"
	_ "github.com/grumpy-audit/grumpy-audit/runtime-go/modules/errno"
	_ "github.com/grumpy-audit/grumpy-audit/runtime-go/modules/exceptions"
	_ "github.com/grumpy-audit/grumpy-audit/runtime-go/modules/functools"
	_ "github.com/grumpy-audit/grumpy-audit/runtime-go/modules/future_builtins"
	_ "github.com/grumpy-audit/grumpy-audit/runtime-go/modules/gc"
	_ "github.com/grumpy-audit/grumpy-audit/runtime-go/modules/heapq"
	_ "github.com/grumpy-audit/grumpy-audit/runtime-go/modules/itertools"
	_ "github.com/grumpy-audit/grumpy-audit/runtime-go/modules/math"
	_ "github.com/grumpy-audit/grumpy-audit/runtime-go/modules/md5"
	_ "github.com/grumpy-audit/grumpy-audit/runtime-go/modules/operator"
	_ "github.com/grumpy-audit/grumpy-audit/runtime-go/modules/posix"
	_ "github.com/grumpy-audit/grumpy-audit/runtime-go/modules/random"
	_ "github.com/grumpy-audit/grumpy-audit/runtime-go/modules/select"
	_ "github.com/grumpy-audit/grumpy-audit/runtime-go/modules/sha"
	_ "github.com/grumpy-audit/grumpy-audit/runtime-go/modules/sha256"
	_ "github.com/grumpy-audit/grumpy-audit/runtime-go/modules/sha512"
	_ "github.com/grumpy-audit/grumpy-audit/runtime-go/modules/signal"
	_ "github.com/grumpy-audit/grumpy-audit/runtime-go/modules/socket"
	_ "github.com/grumpy-audit/grumpy-audit/runtime-go/modules/sre"
	_ "github.com/grumpy-audit/grumpy-audit/runtime-go/modules/strop"
	_ "github.com/grumpy-audit/grumpy-audit/runtime-go/modules/struct"
	_ "github.com/grumpy-audit/grumpy-audit/runtime-go/modules/time"
	_ "github.com/grumpy-audit/grumpy-audit/runtime-go/modules/unicodedata"
	_ "github.com/grumpy-audit/grumpy-audit/runtime-go/modules/weakref"
	_ "github.com/grumpy-audit/grumpy-audit/runtime-go/modules/zlib"
)
