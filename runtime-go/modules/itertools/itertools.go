// Package itertools is CPython 2.7's itertools module: lazy iterator types
// with 2.7's constructors, reprs (count(5), repeat('a', 3)) and errors.
//
// Members:
//
//	count(start=0, step=1)            start, start+step, …
//	cycle(iterable)                   repeat the items forever
//	repeat(object[, times])           object, times times or forever
//	chain(*iterables), chain.from_iterable(iterable)
//	compress(data, selectors)         data items whose selector is true
//	dropwhile(pred, seq) takewhile(pred, seq)
//	groupby(iterable[, key])          (key, group iterator) pairs
//	ifilter(pred, seq) ifilterfalse(pred, seq)
//	imap(func, *seqs)                 stops at the shortest; func None gives tuples
//	islice(seq, [start,] stop [, step])
//	izip(*seqs) izip_longest(*seqs, fillvalue=None)
//	starmap(func, seq)                func(*item)
//	tee(iterable, n=2)                n independent iterators
//	product(*seqs, repeat=1) permutations(seq[, r])
//	combinations(seq, r) combinations_with_replacement(seq, r)
//
// Each iterator serialises its own next() with a mutex, so sharing one
// iterator between threads is as safe as under CPython's GIL. A next()
// that re-enters the same iterator deadlocks instead of raising CPython's
// RuntimeError ("cannot re-enter the tee iterator"); that is documented,
// not emulated.
package itertools

import (
	"sync"

	"github.com/grumpy-audit/grumpy-audit/runtime-go/modules/internal/native"
	"github.com/grumpy-audit/grumpy-audit/runtime-go/py"
)

func init() {
	native.Register("itertools", "Functional tools for creating and using iterators.", members)
}

func members() []native.Member {
	return []native.Member{
		native.V("count", countType),
		native.V("cycle", cycleType),
		native.V("repeat", repeatType),
		native.V("chain", chainType),
		native.V("compress", compressType),
		native.V("dropwhile", dropwhileType),
		native.V("takewhile", takewhileType),
		native.V("groupby", groupbyType),
		native.V("ifilter", ifilterType),
		native.V("ifilterfalse", ifilterfalseType),
		native.V("imap", imapType),
		native.V("islice", isliceType),
		native.V("izip", izipType),
		native.V("izip_longest", izipLongestType),
		native.V("starmap", starmapType),
		native.F("tee", tee),
		native.V("product", productType),
		native.V("permutations", permutationsType),
		native.V("combinations", combinationsType),
		native.V("combinations_with_replacement", cwrType),
	}
}

// iter is the common part of every iterator: its type and the lock that
// makes one next() atomic.
type iter struct {
	typ *py.Type
	mu  sync.Mutex
}

func (it *iter) Type() *py.Type { return it.typ }

// iterType builds an itertools iterator type with __iter__ and next.
func iterType(name, doc string, newFn func(f *py.Frame, t *py.Type, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException)) *py.Type {
	return native.NewType(native.TypeSpec{Name: name, Module: "itertools", Doc: doc, New: newFn,
		Methods: map[string]native.Method{"__iter__": native.SelfIter, "next": native.NextMethod}})
}

func iterOf(f *py.Frame, o py.Object) (py.Object, *py.BaseException) { return py.Iter(f, o) }

// ---- count ----

type count struct {
	iter
	cur, step py.Object
}

var countType = iterType("count", "count(start=0, step=1) --> count object", func(f *py.Frame, t *py.Type, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	out := make([]py.Object, 2)
	if err := native.ParseKw("count", args, kw, []string{"start", "step"}, 0, out); err != nil {
		return nil, err
	}
	c := &count{iter: iter{typ: t}, cur: py.NewInt(0), step: py.NewInt(1)}
	if out[0] != nil {
		c.cur = out[0]
	}
	if out[1] != nil {
		c.step = out[1]
	}
	for _, v := range []py.Object{c.cur, c.step} {
		if !isNumber(v) {
			return nil, py.NewTypeError("a number is required")
		}
	}
	return c, nil
})

func isNumber(v py.Object) bool {
	switch v.(type) {
	case *py.Int, *py.Long, *py.Float, *py.Complex:
		return true
	}
	t := v.Type()
	return t.Lookup("__int__") != nil || t.Lookup("__float__") != nil || t.Name() == "instance"
}

func (c *count) Iter(f *py.Frame) (py.Object, *py.BaseException) { return c, nil }

func (c *count) Next(f *py.Frame) (py.Object, *py.BaseException) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v := c.cur
	n, err := py.Add(f, c.cur, c.step)
	if err != nil {
		return nil, err
	}
	c.cur = n
	return v, nil
}

func (c *count) Repr(f *py.Frame) (string, *py.BaseException) {
	c.mu.Lock()
	cur, step := c.cur, c.step
	c.mu.Unlock()
	r, err := py.Repr(f, cur)
	if err != nil {
		return "", err
	}
	if s, ok := step.(*py.Int); ok && s.Value() == 1 && s != py.True {
		return "count(" + r.Value() + ")", nil
	}
	sr, err := py.Repr(f, step)
	if err != nil {
		return "", err
	}
	return "count(" + r.Value() + ", " + sr.Value() + ")", nil
}

// ---- cycle ----

type cycle struct {
	iter
	src   py.Object
	saved []py.Object
	pos   int
	done  bool
}

var cycleType = iterType("cycle", "cycle(iterable) --> cycle object", func(f *py.Frame, t *py.Type, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := native.NoKw("cycle()", kw); err != nil {
		return nil, err
	}
	if err := py.UnpackArgs("cycle", args, nil, 1, 1); err != nil {
		return nil, err
	}
	src, err := iterOf(f, args[0])
	if err != nil {
		return nil, err
	}
	return &cycle{iter: iter{typ: t}, src: src}, nil
})

func (c *cycle) Iter(f *py.Frame) (py.Object, *py.BaseException) { return c, nil }

func (c *cycle) Next(f *py.Frame) (py.Object, *py.BaseException) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.done {
		v, err := py.Next(f, c.src)
		if err != nil {
			return nil, err
		}
		if v != nil {
			c.saved = append(c.saved, v)
			return v, nil
		}
		c.done = true
	}
	if len(c.saved) == 0 {
		return nil, nil
	}
	v := c.saved[c.pos]
	c.pos = (c.pos + 1) % len(c.saved)
	return v, nil
}

// ---- repeat ----

type repeat struct {
	iter
	obj   py.Object
	times int // -1: forever
}

var repeatType = native.NewType(native.TypeSpec{Name: "repeat", Module: "itertools",
	Doc: "repeat(object [,times]) -> create an iterator which returns the object\nfor the specified number of times.  If not specified, returns the object\nendlessly.",
	New: func(f *py.Frame, t *py.Type, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		out := make([]py.Object, 2)
		if err := native.ParseKw("repeat", args, kw, []string{"object", "times"}, 1, out); err != nil {
			return nil, err
		}
		r := &repeat{iter: iter{typ: t}, obj: out[0], times: -1}
		if out[1] != nil {
			n, err := native.Int(f, out[1])
			if err != nil {
				return nil, err
			}
			r.times = max(n, 0)
		}
		return r, nil
	},
	Methods: map[string]native.Method{"__iter__": native.SelfIter, "next": native.NextMethod,
		"__length_hint__": func(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			r := self.(*repeat)
			r.mu.Lock()
			defer r.mu.Unlock()
			if r.times < 0 {
				return nil, py.NewTypeError("len() of unsized object")
			}
			return py.NewInt(int64(r.times)), nil
		}}})

func (r *repeat) Iter(f *py.Frame) (py.Object, *py.BaseException) { return r, nil }

func (r *repeat) Next(f *py.Frame) (py.Object, *py.BaseException) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.times == 0 {
		return nil, nil
	}
	if r.times > 0 {
		r.times--
	}
	return r.obj, nil
}

func (r *repeat) Repr(f *py.Frame) (string, *py.BaseException) {
	s, err := py.Repr(f, r.obj)
	if err != nil {
		return "", err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.times < 0 {
		return "repeat(" + s.Value() + ")", nil
	}
	return "repeat(" + s.Value() + ", " + native.Itoa(r.times) + ")", nil
}

// ---- chain ----

type chain struct {
	iter
	sources py.Object // iterator over the iterables
	cur     py.Object
}

var chainType = native.NewType(native.TypeSpec{Name: "chain", Module: "itertools",
	Doc: "chain(*iterables) --> chain object",
	New: func(f *py.Frame, t *py.Type, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		if err := native.NoKw("chain()", kw); err != nil {
			return nil, err
		}
		src, err := py.Iter(f, py.NewTuple(append([]py.Object(nil), args...)...))
		if err != nil {
			return nil, err
		}
		return &chain{iter: iter{typ: t}, sources: src}, nil
	},
	Methods: map[string]native.Method{"__iter__": native.SelfIter, "next": native.NextMethod}})

func init() {
	// chain.from_iterable is a classmethod taking one iterable of iterables.
	fi := py.NewBuiltinFunction("from_iterable", func(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		if len(args) < 1 {
			return nil, py.NewTypeError("from_iterable() takes exactly one argument (0 given)")
		}
		t := args[0].(*py.Type)
		if err := py.OneArg("from_iterable", args[1:], kw); err != nil {
			return nil, err
		}
		src, err := py.Iter(f, args[1])
		if err != nil {
			return nil, err
		}
		return &chain{iter: iter{typ: t}, sources: src}, nil
	})
	chainType.Dict().SetStr("from_iterable", py.NewClassMethod(fi))
}

func (c *chain) Iter(f *py.Frame) (py.Object, *py.BaseException) { return c, nil }

func (c *chain) Next(f *py.Frame) (py.Object, *py.BaseException) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for {
		if c.cur == nil {
			if c.sources == nil {
				return nil, nil
			}
			next, err := py.Next(f, c.sources)
			if err != nil {
				return nil, err
			}
			if next == nil {
				c.sources = nil
				return nil, nil
			}
			if c.cur, err = py.Iter(f, next); err != nil {
				return nil, err
			}
		}
		v, err := py.Next(f, c.cur)
		if err != nil {
			return nil, err
		}
		if v != nil {
			return v, nil
		}
		c.cur = nil
	}
}

// ---- compress ----

type compress struct {
	iter
	data, sel py.Object
}

var compressType = iterType("compress", "compress(data, selectors) --> iterator over selected data", func(f *py.Frame, t *py.Type, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	out := make([]py.Object, 2)
	if err := native.ParseKw("compress", args, kw, []string{"data", "selectors"}, 2, out); err != nil {
		return nil, err
	}
	d, err := iterOf(f, out[0])
	if err != nil {
		return nil, err
	}
	s, err := iterOf(f, out[1])
	if err != nil {
		return nil, err
	}
	return &compress{iter: iter{typ: t}, data: d, sel: s}, nil
})

func (c *compress) Iter(f *py.Frame) (py.Object, *py.BaseException) { return c, nil }

func (c *compress) Next(f *py.Frame) (py.Object, *py.BaseException) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for {
		d, err := py.Next(f, c.data)
		if err != nil || d == nil {
			return nil, err
		}
		s, err := py.Next(f, c.sel)
		if err != nil || s == nil {
			return nil, err
		}
		ok, err := py.IsTrue(f, s)
		if err != nil {
			return nil, err
		}
		if ok {
			return d, nil
		}
	}
}

// ---- predicate iterators: dropwhile, takewhile, ifilter, ifilterfalse ----

type predMode int

const (
	dropWhile predMode = iota
	takeWhile
	filterTrue
	filterFalse
)

type predIter struct {
	iter
	mode  predMode
	pred  py.Object
	src   py.Object
	state bool // dropwhile: done dropping; takewhile: stopped
}

func predType(name, doc string, mode predMode) *py.Type {
	return iterType(name, doc, func(f *py.Frame, t *py.Type, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		if err := native.NoKw(name+"()", kw); err != nil {
			return nil, err
		}
		if err := py.UnpackArgs(name, args, nil, 2, 2); err != nil {
			return nil, err
		}
		src, err := iterOf(f, args[1])
		if err != nil {
			return nil, err
		}
		return &predIter{iter: iter{typ: t}, mode: mode, pred: args[0], src: src}, nil
	})
}

var (
	dropwhileType    = predType("dropwhile", "dropwhile(predicate, iterable) --> dropwhile object", dropWhile)
	takewhileType    = predType("takewhile", "takewhile(predicate, iterable) --> takewhile object", takeWhile)
	ifilterType      = predType("ifilter", "ifilter(function or None, sequence) --> ifilter object", filterTrue)
	ifilterfalseType = predType("ifilterfalse", "ifilterfalse(function or None, sequence) --> ifilterfalse object", filterFalse)
)

func (p *predIter) Iter(f *py.Frame) (py.Object, *py.BaseException) { return p, nil }

func (p *predIter) test(f *py.Frame, v py.Object) (bool, *py.BaseException) {
	if p.pred == py.None && (p.mode == filterTrue || p.mode == filterFalse) {
		return py.IsTrue(f, v)
	}
	r, err := py.Call1(f, p.pred, v)
	if err != nil {
		return false, err
	}
	return py.IsTrue(f, r)
}

func (p *predIter) Next(f *py.Frame) (py.Object, *py.BaseException) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.mode == takeWhile && p.state {
		return nil, nil
	}
	for {
		v, err := py.Next(f, p.src)
		if err != nil || v == nil {
			return nil, err
		}
		if p.mode == dropWhile && p.state {
			return v, nil
		}
		ok, err := p.test(f, v)
		if err != nil {
			return nil, err
		}
		switch p.mode {
		case dropWhile:
			if !ok {
				p.state = true
				return v, nil
			}
		case takeWhile:
			if ok {
				return v, nil
			}
			p.state = true
			return nil, nil
		case filterTrue:
			if ok {
				return v, nil
			}
		case filterFalse:
			if !ok {
				return v, nil
			}
		}
	}
}

// ---- groupby ----

type groupby struct {
	iter
	src                  py.Object
	keyfn                py.Object
	tgtKey, curKey, curV py.Object
	exhausted            bool
}

type grouper struct {
	iter
	parent *groupby
	tgtKey py.Object
}

var grouperType = iterType("_grouper", "", nil)

var groupbyType = iterType("groupby", "groupby(iterable[, keyfunc]) -> create an iterator which returns\n(key, sub-iterator) grouped by each value of key(value).\n", func(f *py.Frame, t *py.Type, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	out := make([]py.Object, 2)
	if err := native.ParseKw("groupby", args, kw, []string{"iterable", "key"}, 1, out); err != nil {
		return nil, err
	}
	src, err := iterOf(f, out[0])
	if err != nil {
		return nil, err
	}
	g := &groupby{iter: iter{typ: t}, src: src, keyfn: out[1]}
	if g.keyfn == nil {
		g.keyfn = py.None
	}
	return g, nil
})

// step advances the underlying iterator by one item (caller holds mu).
func (g *groupby) step(f *py.Frame) (bool, *py.BaseException) {
	v, err := py.Next(f, g.src)
	if err != nil {
		return false, err
	}
	if v == nil {
		return false, nil
	}
	k := v
	if g.keyfn != py.None {
		if k, err = py.Call1(f, g.keyfn, v); err != nil {
			return false, err
		}
	}
	g.curKey, g.curV = k, v
	return true, nil
}

func (g *groupby) Iter(f *py.Frame) (py.Object, *py.BaseException) { return g, nil }

func (g *groupby) Next(f *py.Frame) (py.Object, *py.BaseException) {
	g.mu.Lock()
	defer g.mu.Unlock()
	// skip the rest of the current group; like CPython, the current key
	// survives exhaustion so the last grouper can still yield its item
	for {
		if g.curKey != nil {
			if g.tgtKey == nil {
				break
			}
			eq, err := py.Eq(f, g.tgtKey, g.curKey)
			if err != nil {
				return nil, err
			}
			if !eq {
				break
			}
		}
		ok, err := g.step(f)
		if err != nil || !ok {
			return nil, err
		}
	}
	g.tgtKey = g.curKey
	return py.NewTuple(g.curKey, &grouper{iter: iter{typ: grouperType}, parent: g, tgtKey: g.tgtKey}), nil
}

func (gr *grouper) Iter(f *py.Frame) (py.Object, *py.BaseException) { return gr, nil }

func (gr *grouper) Next(f *py.Frame) (py.Object, *py.BaseException) {
	g := gr.parent
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.curKey == nil {
		ok, err := g.step(f)
		if err != nil || !ok {
			return nil, err
		}
	}
	eq, err := py.Eq(f, gr.tgtKey, g.curKey)
	if err != nil {
		return nil, err
	}
	if !eq {
		return nil, nil
	}
	v := g.curV
	g.curKey, g.curV = nil, nil
	return v, nil
}

// ---- imap, starmap ----

type imap struct {
	iter
	fn   py.Object
	srcs []py.Object
	star bool
}

var imapType = iterType("imap", "imap(func, *iterables) --> imap object", func(f *py.Frame, t *py.Type, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := native.NoKw("imap()", kw); err != nil {
		return nil, err
	}
	if len(args) < 2 {
		return nil, py.NewTypeError("imap() must have at least two arguments.")
	}
	m := &imap{iter: iter{typ: t}, fn: args[0]}
	for _, a := range args[1:] {
		it, err := iterOf(f, a)
		if err != nil {
			return nil, err
		}
		m.srcs = append(m.srcs, it)
	}
	return m, nil
})

var starmapType = iterType("starmap", "starmap(function, sequence) --> starmap object", func(f *py.Frame, t *py.Type, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := native.NoKw("starmap()", kw); err != nil {
		return nil, err
	}
	if err := py.UnpackArgs("starmap", args, nil, 2, 2); err != nil {
		return nil, err
	}
	it, err := iterOf(f, args[1])
	if err != nil {
		return nil, err
	}
	return &imap{iter: iter{typ: t}, fn: args[0], srcs: []py.Object{it}, star: true}, nil
})

func (m *imap) Iter(f *py.Frame) (py.Object, *py.BaseException) { return m, nil }

func (m *imap) Next(f *py.Frame) (py.Object, *py.BaseException) {
	m.mu.Lock()
	defer m.mu.Unlock()
	vals := make([]py.Object, len(m.srcs))
	for i, s := range m.srcs {
		v, err := py.Next(f, s)
		if err != nil || v == nil {
			return nil, err
		}
		vals[i] = v
	}
	if m.star {
		args, err := py.ToSlice(f, vals[0])
		if err != nil {
			return nil, err
		}
		return py.Call(f, m.fn, args, nil)
	}
	if m.fn == py.None {
		return py.NewTuple(vals...), nil
	}
	return py.Call(f, m.fn, vals, nil)
}

// ---- islice ----

type islice struct {
	iter
	src              py.Object
	next, stop, step int // stop -1: none
	cnt              int
}

const maxint = 1<<63 - 1

var isliceType = iterType("islice", "islice(iterable, [start,] stop [, step]) --> islice object", func(f *py.Frame, t *py.Type, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := native.NoKw("islice()", kw); err != nil {
		return nil, err
	}
	if err := py.UnpackArgs("islice", args, nil, 2, 4); err != nil {
		return nil, err
	}
	s := &islice{iter: iter{typ: t}, stop: -1, step: 1}
	idx := func(o py.Object, msg string) (int, *py.BaseException) {
		if o == py.None {
			return -1, nil
		}
		switch v := o.(type) {
		case *py.Int:
			if v.Value() >= 0 {
				return int(v.Value()), nil
			}
		case *py.Long:
			if v.Big().Sign() >= 0 && v.Big().IsInt64() {
				return int(v.Big().Int64()), nil
			}
		}
		return 0, py.NewValueError(msg)
	}
	const stopMsg = "Stop argument for islice() must be None or an integer: 0 <= x <= maxint."
	const idxMsg = "Indices for islice() must be None or an integer: 0 <= x <= maxint."
	var err *py.BaseException
	if len(args) == 2 {
		if s.stop, err = idx(args[1], stopMsg); err != nil {
			return nil, err
		}
	} else {
		start, err := idx(args[1], idxMsg)
		if err != nil {
			return nil, err
		}
		if start >= 0 {
			s.next = start
		}
		if s.stop, err = idx(args[2], stopMsg); err != nil {
			return nil, err
		}
		if len(args) == 4 {
			step := -1
			if args[3] != py.None {
				if v, ok := args[3].(*py.Int); ok {
					step = int(v.Value())
				} else {
					step = 0
				}
				if step < 1 {
					return nil, py.NewValueError("Step for islice() must be a positive integer or None.")
				}
				s.step = step
			}
		}
	}
	if s.src, err = iterOf(f, args[0]); err != nil {
		return nil, err
	}
	return s, nil
})

func (s *islice) Iter(f *py.Frame) (py.Object, *py.BaseException) { return s, nil }

func (s *islice) Next(f *py.Frame) (py.Object, *py.BaseException) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.src == nil {
		return nil, nil
	}
	for s.cnt < s.next {
		v, err := py.Next(f, s.src)
		if err != nil || v == nil {
			return nil, err
		}
		s.cnt++
	}
	if s.stop != -1 && s.cnt >= s.stop {
		return nil, nil
	}
	v, err := py.Next(f, s.src)
	if err != nil || v == nil {
		return nil, err
	}
	s.cnt++
	old := s.next
	s.next += s.step
	if s.next < old || (s.stop != -1 && s.next > s.stop) {
		s.next = s.stop
	}
	return v, nil
}

// ---- izip, izip_longest ----

type izip struct {
	iter
	srcs    []py.Object
	longest bool
	fill    py.Object
	active  int
}

func zipSources(f *py.Frame, name string, args []py.Object) ([]py.Object, *py.BaseException) {
	var srcs []py.Object
	for i, a := range args {
		it, err := py.Iter(f, a)
		if err != nil {
			if err.IsInstance(py.TypeErrorType) {
				return nil, py.NewTypeError(name + " argument #" + native.Itoa(i+1) + " must support iteration")
			}
			return nil, err
		}
		srcs = append(srcs, it)
	}
	return srcs, nil
}

var izipType = iterType("izip", "izip(iter1 [,iter2 [...]]) --> izip object", func(f *py.Frame, t *py.Type, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := native.NoKw("izip()", kw); err != nil {
		return nil, err
	}
	srcs, err := zipSources(f, "izip", args)
	if err != nil {
		return nil, err
	}
	return &izip{iter: iter{typ: t}, srcs: srcs}, nil
})

var izipLongestType = iterType("izip_longest", "izip_longest(iter1 [,iter2 [...]], [fillvalue=None]) --> izip_longest object", func(f *py.Frame, t *py.Type, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	fill := py.Object(py.None)
	for _, k := range kw {
		if k.Name != "fillvalue" || len(kw) > 1 {
			return nil, py.NewTypeError("izip_longest() got an unexpected keyword argument")
		}
		fill = k.Value
	}
	srcs, err := zipSources(f, "izip_longest", args)
	if err != nil {
		return nil, err
	}
	return &izip{iter: iter{typ: t}, srcs: srcs, longest: true, fill: fill, active: len(srcs)}, nil
})

func (z *izip) Iter(f *py.Frame) (py.Object, *py.BaseException) { return z, nil }

func (z *izip) Next(f *py.Frame) (py.Object, *py.BaseException) {
	z.mu.Lock()
	defer z.mu.Unlock()
	if len(z.srcs) == 0 {
		return nil, nil
	}
	vals := make([]py.Object, len(z.srcs))
	for i, s := range z.srcs {
		if s == nil {
			vals[i] = z.fill
			continue
		}
		v, err := py.Next(f, s)
		if err != nil {
			return nil, err
		}
		if v == nil {
			if !z.longest {
				z.srcs = nil
				return nil, nil
			}
			z.active--
			if z.active == 0 {
				z.srcs = nil
				return nil, nil
			}
			z.srcs[i] = nil
			v = z.fill
		}
		vals[i] = v
	}
	return py.NewTuple(vals...), nil
}

// ---- tee ----

// teeData is the buffer shared by the tee iterators: items are kept until
// every iterator has passed them.
type teeData struct {
	mu    sync.Mutex
	src   py.Object
	items []py.Object
	base  int // absolute index of items[0]
	done  bool
}

type teeIter struct {
	iter
	data *teeData
	pos  int
}

var teeType = native.NewType(native.TypeSpec{Name: "tee", Module: "itertools",
	Doc: "Iterator wrapped to make it copyable",
	New: func(f *py.Frame, t *py.Type, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		if err := native.NoKw("tee()", kw); err != nil {
			return nil, err
		}
		if err := py.UnpackArgs("tee", args, nil, 1, 1); err != nil {
			return nil, err
		}
		return newTee(f, t, args[0])
	},
	Methods: map[string]native.Method{"__iter__": native.SelfIter, "next": native.NextMethod,
		"__copy__": func(f *py.Frame, self py.Object, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
			t := self.(*teeIter)
			t.data.mu.Lock()
			defer t.data.mu.Unlock()
			return &teeIter{iter: iter{typ: t.typ}, data: t.data, pos: t.pos}, nil
		}}})

func newTee(f *py.Frame, typ *py.Type, o py.Object) (*teeIter, *py.BaseException) {
	if t, ok := o.(*teeIter); ok {
		t.data.mu.Lock()
		defer t.data.mu.Unlock()
		return &teeIter{iter: iter{typ: typ}, data: t.data, pos: t.pos}, nil
	}
	src, err := py.Iter(f, o)
	if err != nil {
		return nil, err
	}
	return &teeIter{iter: iter{typ: typ}, data: &teeData{src: src}}, nil
}

func (t *teeIter) Iter(f *py.Frame) (py.Object, *py.BaseException) { return t, nil }

func (t *teeIter) Next(f *py.Frame) (py.Object, *py.BaseException) {
	d := t.data
	d.mu.Lock()
	defer d.mu.Unlock()
	i := t.pos - d.base
	if i < len(d.items) {
		t.pos++
		return d.items[i], nil
	}
	if d.done {
		return nil, nil
	}
	v, err := py.Next(f, d.src)
	if err != nil {
		return nil, err
	}
	if v == nil {
		d.done = true
		return nil, nil
	}
	d.items = append(d.items, v)
	t.pos++
	return v, nil
}

func tee(f *py.Frame, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	if err := py.UnpackArgs("tee", args, kw, 1, 2); err != nil {
		return nil, err
	}
	n := 2
	if len(args) == 2 {
		var err *py.BaseException
		if n, err = native.Int(f, args[1]); err != nil {
			return nil, err
		}
	}
	if n < 0 {
		return nil, py.NewValueError("n must be >= 0")
	}
	src, err := py.Iter(f, args[0])
	if err != nil {
		return nil, err
	}
	if n == 0 {
		return py.NewTuple(), nil
	}
	out := make([]py.Object, n)
	first, err := newTee(f, teeType, src)
	if err != nil {
		return nil, err
	}
	out[0] = first
	for i := 1; i < n; i++ {
		if out[i], err = newTee(f, teeType, first); err != nil {
			return nil, err
		}
	}
	return py.NewTuple(out...), nil
}

// ---- combinatorics: product, permutations, combinations, cwr ----

// combo yields index vectors over pools; all four share the machinery.
type combo struct {
	iter
	pools   [][]py.Object
	idx     []int
	cycles  []int // permutations
	r, kind int
	first   bool
	done    bool
}

const (
	kProduct = iota
	kPerm
	kComb
	kCWR
)

var productType = iterType("product", "product(*iterables) --> product object", func(f *py.Frame, t *py.Type, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	rep := 1
	for _, k := range kw {
		if k.Name != "repeat" {
			return nil, py.NewTypeError("'" + k.Name + "' is an invalid keyword argument for this function")
		}
		var err *py.BaseException
		if rep, err = native.Int(f, k.Value); err != nil {
			return nil, err
		}
	}
	if rep < 0 {
		return nil, py.NewValueError("repeat argument cannot be negative")
	}
	var base [][]py.Object
	for _, a := range args {
		items, err := py.ToSlice(f, a)
		if err != nil {
			return nil, err
		}
		base = append(base, items)
	}
	c := &combo{iter: iter{typ: t}, kind: kProduct, first: true}
	for i := 0; i < rep; i++ {
		c.pools = append(c.pools, base...)
	}
	c.idx = make([]int, len(c.pools))
	for _, p := range c.pools {
		if len(p) == 0 {
			c.done = true
		}
	}
	return c, nil
})

func comboNew(name string, kind int, rRequired bool) func(f *py.Frame, t *py.Type, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
	return func(f *py.Frame, t *py.Type, args []py.Object, kw py.Kwargs) (py.Object, *py.BaseException) {
		out := make([]py.Object, 2)
		req := 1
		if rRequired {
			req = 2
		}
		if err := native.ParseKw(name, args, kw, []string{"iterable", "r"}, req, out); err != nil {
			return nil, err
		}
		pool, err := py.ToSlice(f, out[0])
		if err != nil {
			return nil, err
		}
		r := len(pool)
		if out[1] != nil && out[1] != py.None {
			if r, err = native.Int(f, out[1]); err != nil {
				return nil, err
			}
		}
		if r < 0 {
			return nil, py.NewValueError("r must be non-negative")
		}
		n := len(pool)
		c := &combo{iter: iter{typ: t}, kind: kind, r: r, first: true, pools: [][]py.Object{pool}}
		switch kind {
		case kPerm:
			if r > n {
				c.done = true
			}
			c.idx = make([]int, n)
			for i := range c.idx {
				c.idx[i] = i
			}
			c.cycles = make([]int, r)
			for i := range c.cycles {
				c.cycles[i] = n - i
			}
		case kComb:
			if r > n {
				c.done = true
			}
			c.idx = make([]int, r)
			for i := range c.idx {
				c.idx[i] = i
			}
		case kCWR:
			if n == 0 && r > 0 {
				c.done = true
			}
			c.idx = make([]int, r)
		}
		return c, nil
	}
}

var (
	permutationsType = iterType("permutations", "permutations(iterable[, r]) --> permutations object", comboNew("permutations", kPerm, false))
	combinationsType = iterType("combinations", "combinations(iterable, r) --> combinations object", comboNew("combinations", kComb, true))
	cwrType          = iterType("combinations_with_replacement", "combinations_with_replacement(iterable, r) --> combinations_with_replacement object", comboNew("combinations_with_replacement", kCWR, true))
)

func (c *combo) Iter(f *py.Frame) (py.Object, *py.BaseException) { return c, nil }

func (c *combo) Next(f *py.Frame) (py.Object, *py.BaseException) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.done {
		return nil, nil
	}
	if c.first {
		c.first = false
		return c.result(), nil
	}
	if !c.advance() {
		c.done = true
		return nil, nil
	}
	return c.result(), nil
}

func (c *combo) result() py.Object {
	switch c.kind {
	case kProduct:
		out := make([]py.Object, len(c.pools))
		for i, p := range c.pools {
			out[i] = p[c.idx[i]]
		}
		return py.NewTuple(out...)
	case kPerm:
		out := make([]py.Object, c.r)
		for i := 0; i < c.r; i++ {
			out[i] = c.pools[0][c.idx[i]]
		}
		return py.NewTuple(out...)
	}
	out := make([]py.Object, c.r)
	for i, j := range c.idx {
		out[i] = c.pools[0][j]
	}
	return py.NewTuple(out...)
}

// advance moves to the next index vector in CPython's order.
func (c *combo) advance() bool {
	switch c.kind {
	case kProduct:
		for i := len(c.idx) - 1; i >= 0; i-- {
			c.idx[i]++
			if c.idx[i] < len(c.pools[i]) {
				return true
			}
			c.idx[i] = 0
		}
		return false
	case kPerm:
		n := len(c.idx)
		for i := c.r - 1; i >= 0; i-- {
			c.cycles[i]--
			if c.cycles[i] == 0 {
				// rotate idx[i:] left by one
				v := c.idx[i]
				copy(c.idx[i:], c.idx[i+1:])
				c.idx[n-1] = v
				c.cycles[i] = n - i
			} else {
				j := c.cycles[i]
				c.idx[i], c.idx[n-j] = c.idx[n-j], c.idx[i]
				return true
			}
		}
		return false
	case kComb:
		n := len(c.pools[0])
		i := c.r - 1
		for i >= 0 && c.idx[i] == i+n-c.r {
			i--
		}
		if i < 0 {
			return false
		}
		c.idx[i]++
		for j := i + 1; j < c.r; j++ {
			c.idx[j] = c.idx[j-1] + 1
		}
		return true
	default: // kCWR
		n := len(c.pools[0])
		i := c.r - 1
		for i >= 0 && c.idx[i] == n-1 {
			i--
		}
		if i < 0 {
			return false
		}
		v := c.idx[i] + 1
		for j := i; j < c.r; j++ {
			c.idx[j] = v
		}
		return true
	}
}

var (
	_ py.Iterator = (*count)(nil)
	_ py.Iterator = (*cycle)(nil)
	_ py.Iterator = (*repeat)(nil)
	_ py.Iterator = (*chain)(nil)
	_ py.Iterator = (*compress)(nil)
	_ py.Iterator = (*predIter)(nil)
	_ py.Iterator = (*groupby)(nil)
	_ py.Iterator = (*grouper)(nil)
	_ py.Iterator = (*imap)(nil)
	_ py.Iterator = (*islice)(nil)
	_ py.Iterator = (*izip)(nil)
	_ py.Iterator = (*teeIter)(nil)
	_ py.Iterator = (*combo)(nil)
	_ py.Reprer   = (*count)(nil)
	_ py.Reprer   = (*repeat)(nil)
)
