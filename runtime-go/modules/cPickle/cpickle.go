// Package cpickle is cPickle, CPython 2.7's C pickler, made of the pure
// Python pickle module's Pickler and Unpickler under cPickle's names (the
// transpiler compiles pickle.py into any program that imports cPickle).
//
// Pickles load either way, with CPython too. The bytes are pickle.py's:
// cPickle numbers its memo from 1 and leaves out objects nothing else
// refers to (it reads their reference counts, which the Go runtime does
// not keep), so its output differs from pickle's, and from ours, in the
// memo opcodes. Its exceptions are pickle's classes here, where cPickle
// has its own.
//
// Members: dump dumps load loads Pickler Unpickler PickleError
// PicklingError UnpicklingError UnpickleableError BadPickleGet
// HIGHEST_PROTOCOL format_version compatible_formats __version__
package cpickle

import "github.com/grumpy-audit/grumpy-audit/runtime-go/py"

func init() {
	py.RegisterModule(py.ModuleSpec{Name: "cPickle", Init: func(f *py.Frame, m *py.Module) *py.BaseException {
		pickle, err := py.ImportModule(f, "pickle")
		if err != nil {
			return err
		}
		d := m.Dict()
		d.SetStr("__doc__", py.NewStr("C implementation and optimization of the Python pickle module."))
		d.SetStr("__version__", py.NewStr("1.71"))
		for _, name := range []string{"dump", "dumps", "load", "loads", "Pickler", "Unpickler", "PickleError",
			"PicklingError", "UnpicklingError", "HIGHEST_PROTOCOL", "format_version", "compatible_formats"} {
			v, err := py.GetAttr(f, pickle, name)
			if err != nil {
				return err
			}
			d.SetStr(name, v)
		}
		// cPickle's own two subclasses of pickle's errors.
		for _, e := range []struct{ name, base string }{{"UnpickleableError", "PicklingError"}, {"BadPickleGet", "UnpicklingError"}} {
			ns := py.NewDict()
			ns.SetStr("__module__", py.NewStr("cPickle"))
			cls, err := py.Call(f, py.TypeType, []py.Object{py.NewStr(e.name), py.NewTuple(d.GetStr(e.base)), ns}, nil)
			if err != nil {
				return err
			}
			d.SetStr(e.name, cls)
		}
		return nil
	}})
}
