// Package py is the grumpy-audit runtime: CPython 2.7's object model in Go.
package py
