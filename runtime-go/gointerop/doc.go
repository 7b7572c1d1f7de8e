// Package gointerop lets transpiled Python import members of Go packages:
// `from __go__.net.http import ListenAndServe` imports net/http's
// ListenAndServe. The transpiler emits one Register call per Go package a
// member a module uses; this package turns them
// into a runtime module `__go__.net.http` whose members convert their
// arguments and results by reflection.
//
// Generated code uses:
//   - Register(goPath, name, member): add a member to goPath's module.
//   - RegisterPackage(goPath): the module alone (`import __go__.x`).
//   - Func(fn): a Go function, called with converted arguments.
//   - Var(&v): a package variable, read when the module is imported.
//   - Const(v): a constant (or any fixed value).
//   - BigConst(digits): an untyped integer constant beyond 64 bits.
//   - TypeOf[T](): a Go type, as a callable Python type.
//   - Adapter[I, F](): F (a func type implementing the one-method
//     interface I) lets a Python callable be passed where I is expected.
//
// Conversions are in convert.go (docs/go-interop.md has the table). A
// non-nil trailing error result raises GoError (errors.go); a Go panic
// raises GoError too, so a foreign bug never crashes the interpreter.
package gointerop
