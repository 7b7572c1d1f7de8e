// Package py is the grumpy-audit runtime: CPython 2.7's object model in Go.
//
// Every value implements Object (Type() *Type). Further behaviour comes
// from small optional capability interfaces, each implementation checked
// at compile time:
//
//	Binaryer, Inplacer, Unaryer      arithmetic (+ reflected operands)
//	RichComparer, Cmper              comparisons (rich, then __cmp__)
//	Hasher                           hash()
//	Reprer, Strer                    repr() and str()
//	Truther, Lener                   bool() and len()
//	Iterabler, Iterator, Container   iter(), next(), `in`
//	ItemGetter, ItemSetter, ItemDeleter  x[k]
//	Caller                           x(...)
//	AttrGetter, AttrSetter, DictHolder   attribute protocol overrides
//	DescrGetter, DescrSetter         descriptors
//
// Generated code and native modules never call these methods directly:
// they call the standalone operations (Add, Compare, GetAttr, Call, Iter,
// Next, Print, Import...), which hold the fast paths, Python 2's dispatch
// rules and CPython's error messages. Failures are returned as
// *BaseException values; nothing panics for a Python-level error.
// CODEGEN.md (next to this package) is the contract for generated code;
// README.md describes the object model and the concurrency guarantees.
package py
