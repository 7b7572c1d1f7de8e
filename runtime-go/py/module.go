package py

import (
	"sort"
	"strings"
	"sync"
)

// Module is a Python module: a name and its namespace dict.
type Module struct {
	name string
	dict *Dict
}

// ModuleType is `module`.
var ModuleType = newBuiltinType("module", nil)

// NewModule makes an empty module with __name__ and __doc__ set.
func NewModule(name string) *Module {
	m := &Module{name: name, dict: NewDict()}
	m.dict.setStr("__name__", NewStr(name))
	m.dict.setStr("__doc__", None)
	return m
}

// Type implements Object.
func (m *Module) Type() *Type { return ModuleType }

// Dict implements DictHolder: the module globals.
func (m *Module) Dict() *Dict { return m.dict }

// Name is the module's __name__ at creation.
func (m *Module) Name() string { return m.name }

// Repr mirrors <module 'x' from 'x.py'> and <module 'sys' (built-in)>.
func (m *Module) Repr(f *Frame) (string, *BaseException) {
	if fn, ok := m.dict.getStr("__file__").(*Str); ok {
		return "<module '" + m.name + "' from '" + fn.s + "'>", nil
	}
	return "<module '" + m.name + "' (built-in)>", nil
}

// GetAttr reads the module dict.
func (m *Module) GetAttr(f *Frame, name string) (Object, *BaseException) {
	if v := m.dict.getStr(name); v != nil {
		return v, nil
	}
	if name == "__dict__" {
		return m.dict, nil
	}
	if name == "__class__" {
		return ModuleType, nil
	}
	return nil, NewAttributeError("'module' object has no attribute '" + name + "'")
}

// SetAttr writes the module dict (__dict__ itself is a read-only member).
func (m *Module) SetAttr(f *Frame, name string, v Object) *BaseException {
	if name == "__dict__" {
		return NewTypeError("readonly attribute")
	}
	if v == nil {
		if !m.dict.delStr(name) {
			return NewAttributeError(name)
		}
		return nil
	}
	m.dict.setStr(name, v)
	return nil
}

// ModuleSpec registers one importable module: a transpiled Python module
// or a native Go one.
type ModuleSpec struct {
	Name      string   // absolute dotted name, "pkg.sub" ("pkg" for pkg/__init__.py)
	Filename  string   // as CPython prints it in tracebacks and __file__; "" for native
	Lines     []string // source lines, for tracebacks without the source tree
	IsPackage bool     // sets __path__
	// Init runs the module body in frame f (whose Globals is m's dict).
	Init func(f *Frame, m *Module) *BaseException
}

var (
	registryMu sync.Mutex
	registry   = map[string]*ModuleSpec{}
	importMu   = newOwnerLock() // CPython's reentrant import lock
)

// RegisterModule adds a module to the registry; generated and native
// packages call it from init().
func RegisterModule(spec ModuleSpec) {
	registryMu.Lock()
	registry[spec.Name] = &spec
	registryMu.Unlock()
}

// RegisteredModules lists registered names (sorted), for tests.
func RegisteredModules() []string {
	registryMu.Lock()
	defer registryMu.Unlock()
	var out []string
	for k := range registry {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func lookupSpec(name string) *ModuleSpec {
	registryMu.Lock()
	defer registryMu.Unlock()
	return registry[name]
}

// SysModules is sys.modules.
var SysModules = NewDict()

// ImportModule imports the dotted module name (absolute) and returns the
// leaf module, importing each parent package first as CPython does.
func ImportModule(f *Frame, name string) (Object, *BaseException) {
	parts := strings.Split(name, ".")
	var mod Object
	for i := range parts {
		sub := strings.Join(parts[:i+1], ".")
		m, err := importOne(f, sub, mod)
		if err != nil {
			return nil, err
		}
		mod = m
	}
	return mod, nil
}

// importOne imports a single module whose parent (if any) is imported.
func importOne(f *Frame, name string, parent Object) (Object, *BaseException) {
	if m := SysModules.getStr(name); m != nil && m != None {
		return m, nil
	}
	importMu.Lock(f)
	if m := SysModules.getStr(name); m != nil && m != None {
		importMu.Unlock()
		return m, nil
	}
	spec := lookupSpec(name)
	if spec == nil {
		importMu.Unlock()
		short := name
		if i := strings.LastIndexByte(name, '.'); i >= 0 {
			short = name[i+1:]
		}
		return nil, NewException(ImportErrorType, "No module named "+short)
	}
	m, err := runModule(f, spec, name)
	importMu.Unlock()
	if err != nil {
		return nil, err
	}
	if parent != nil {
		short := name[strings.LastIndexByte(name, '.')+1:]
		if err := SetAttr(f, parent, short, m); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// runModule creates the module, publishes it in sys.modules and runs its
// body; on failure the half-initialised module is removed again.
func runModule(f *Frame, spec *ModuleSpec, asName string) (*Module, *BaseException) {
	return runModuleFrom(f, spec, asName, locateSource(spec))
}

// runModuleFrom is runModule with the file the module was found as (its
// __file__ and co_filename).
func runModuleFrom(f *Frame, spec *ModuleSpec, asName, file string) (*Module, *BaseException) {
	relocateCodes(spec.Filename, file)
	m := NewModule(asName)
	if file != "" {
		m.dict.setStr("__file__", NewStr(file))
	}
	if spec.IsPackage {
		dir := file
		if i := strings.LastIndexByte(dir, '/'); i >= 0 {
			dir = dir[:i]
		} else {
			dir = "."
		}
		m.dict.setStr("__path__", NewList(NewStr(dir)))
		m.dict.setStr("__package__", NewStr(spec.Name))
	} else if i := strings.LastIndexByte(spec.Name, '.'); i >= 0 {
		m.dict.setStr("__package__", NewStr(spec.Name[:i]))
	} else {
		m.dict.setStr("__package__", None)
	}
	if err := SysModules.SetItem(f, NewStr(asName), m); err != nil {
		return nil, err
	}
	if spec.Init != nil {
		code := &Code{Name: "<module>", Filename: file, Lines: spec.Lines}
		mf := NewFrame(f, code, m.dict)
		err := mf.checkDepth() // a module that reloads itself recurses through here
		if err == nil {
			err = spec.Init(mf, m)
		}
		if err != nil {
			err.addTraceback(mf)
			SysModules.delStr(asName)
			return nil, err
		}
		applyOverrides(spec, m)
	}
	return m, nil
}

// Import is __import__(name, globals, locals, fromlist, level) for an
// absolute name: the top package when fromlist is empty, else the leaf.
func Import(f *Frame, name string, fromlist []string) (Object, *BaseException) {
	m, err := ImportModule(f, name)
	if err != nil {
		return nil, err
	}
	if len(fromlist) == 0 {
		top := name
		if i := strings.IndexByte(name, '.'); i >= 0 {
			top = name[:i]
		}
		return SysModules.getStr(top), nil
	}
	return m, nil
}

// ImportFrom is `from mod import name`: the attribute, or the submodule
// mod.name, else CPython's ImportError.
func ImportFrom(f *Frame, mod Object, modName, name string) (Object, *BaseException) {
	if v, err := GetAttr(f, mod, name); err == nil {
		return v, nil
	} else if !err.IsInstance(AttributeErrorType) {
		return nil, err
	}
	if _, isPkg := mod.(*Module); isPkg && lookupSpec(modName+"."+name) != nil {
		if _, err := ImportModule(f, modName+"."+name); err != nil {
			return nil, err
		}
		if v, err := GetAttr(f, mod, name); err == nil {
			return v, nil
		}
	}
	return nil, NewException(ImportErrorType, "cannot import name "+name)
}

// ImportStar is `from mod import *` into globals: __all__ when present,
// else every name not starting with an underscore.
func ImportStar(f *Frame, mod Object, globals *Dict) *BaseException {
	var names []Object
	if all, err := GetAttr(f, mod, "__all__"); err == nil {
		items, err := ToSlice(f, all)
		if err != nil {
			return err
		}
		names = items
	} else {
		d, err := GetAttr(f, mod, "__dict__")
		if err != nil {
			return NewException(ImportErrorType, "from-import-* object has no __dict__ and no __all__")
		}
		dd, ok := d.(*Dict)
		if !ok {
			return NewTypeError("__dict__ is not a dict")
		}
		for _, k := range dd.Keys() {
			if ks, ok := k.(*Str); ok && !strings.HasPrefix(ks.s, "_") {
				names = append(names, k)
			}
		}
	}
	for _, n := range names {
		ns, ok := n.(*Str)
		if !ok {
			return NewTypeError("attribute name must be string, not '" + n.Type().tpName() + "'")
		}
		v, err := GetAttr(f, mod, ns.s)
		if err != nil {
			return err
		}
		globals.setStr(ns.s, v)
	}
	return nil
}

var _ AttrGetter = (*Module)(nil)
var _ DictHolder = (*Module)(nil)

// ownerLock is a lock reentrant for the thread (goroutine) holding it,
// identified by the frames' thread state.
type ownerLock struct {
	mu    sync.Mutex
	cond  *sync.Cond
	owner *threadState
	count int
}

func newOwnerLock() *ownerLock {
	l := &ownerLock{}
	l.cond = sync.NewCond(&l.mu)
	return l
}

func (l *ownerLock) Lock(f *Frame) {
	var ts *threadState
	if f != nil {
		ts = f.thread
	}
	l.mu.Lock()
	for l.count > 0 && l.owner != ts {
		l.cond.Wait()
	}
	l.owner = ts
	l.count++
	l.mu.Unlock()
}

func (l *ownerLock) Unlock() {
	l.mu.Lock()
	l.count--
	if l.count == 0 {
		l.owner = nil
		l.cond.Broadcast()
	}
	l.mu.Unlock()
}

func init() {
	// module(name[, doc]): types.ModuleType(...) makes an empty module, as
	// imp.new_module does.
	ModuleType.newFn = func(f *Frame, t *Type, args []Object, kw Kwargs) (Object, *BaseException) {
		var a [2]Object
		if err := ParseArgs("module", args, kw, []string{"name", "doc"}, 1, a[:]); err != nil {
			return nil, err
		}
		name, ok := a[0].(*Str)
		if !ok {
			return nil, NewTypeError("module.__init__() argument 1 must be string, not " + typeNameForError(a[0]))
		}
		m := NewModule(name.s)
		if a[1] != nil {
			m.dict.setStr("__doc__", a[1])
		}
		if t != ModuleType {
			// an instance of a module subclass would need the module dict as its __dict__
			return nil, Missing("instances of module subclasses")
		}
		return m, nil
	}
}
