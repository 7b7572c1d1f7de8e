// Scopes that become Go closures: def, lambda, class bodies, generator expressions and set/dict
// comprehensions. A nested Python scope is a Go func literal inside its parent's Go function, so
// cells are Go variables of type *py.Cell that the inner literal captures.

import type * as A from '../ast/nodes.js';
import { Body, type BodyKind, type CodeInfo, type Futures } from './context.js';
import { assign, call, expr, forEachValue, not, run, storeName, truth } from './expr.js';
import { goLocal, goUtf8, hasLocalsDict, hiddenParam, LOCALS_DICT } from './goliteral.js';
import { access, type Scope } from './scope.js';
import { needsRv, stmt, stmts, terminates } from './stmt.js';
import { chooseNumLocals } from './numlocals.js';
import { varnamesOf } from './varnames.js';
import { emitStepGenerator, flatGenexp, flatStmts, flattenable, genexpFlattenable } from './genstate.js';

function scopeOf(b: Body, node: A.AstNode): Scope {
  const s = b.mod.table.of.get(node);
  if (!s) throw new Error(`no scope recorded for ${node._type}`);
  return s;
}

/** Declares the Go variables of a scope's locals at the top of its body. */
export function declareLocals(b: Body, skip: Set<string> = new Set()): void {
  const s = b.scope;
  const names = [...s.bound].filter((n) => !s.explicitGlobals.has(n) && !skip.has(n)).sort();
  for (const n of names) {
    if (s.cells.has(n)) b.p.line(`${goLocal(n)} := py.NewCell(nil)`);
    else if (b.numLocals.has(n)) b.p.line(`var ${goLocal(n)} py.Num`);
    else b.p.line(`var ${goLocal(n)} py.Object`);
    b.p.line(`_ = ${goLocal(n)}`);
  }
  if (hasLocalsDict(s)) {
    b.p.line(`var ${LOCALS_DICT} *py.Dict`);
    b.p.line(`_ = ${LOCALS_DICT}`);
  }
}

/** The Go statement that ends a body normally. */
function fallOff(kind: BodyKind): string {
  return kind === 'generator' ? 'return nil, nil' : 'return py.None, nil';
}

interface FuncParts {
  name: string;
  args: A.arguments;
  lineno: number;
  docstring: A.stmt | null;
  emitBody: (inner: Body) => void;
  /** The body always ends in return/raise, so no fall-off return is emitted. */
  terminates: boolean;
}

/**
 * After a top-level assignment, def, class or import of a function body, its fast locals are bound
 * for the rest of the body (never deleted: `del` anywhere opts out), so later loads skip the
 * unbound check.
 */
function markBound(b: Body, st: A.stmt): void {
  const mark = (t: A.expr): void => {
    if (t._type === 'Name') {
      if (access(b.scope, t.id) === 'fast' && !b.scope.deleted.has(t.id)) b.alwaysBound.add(t.id);
    } else if (t._type === 'Tuple' || t._type === 'List') {
      for (const e of t.elts) mark(e);
    }
  };
  const markName = (id: string): void => mark({ _type: 'Name', id, ctx: { _type: 'Store' }, lineno: 0, col_offset: 0 });
  if (st._type === 'Assign') for (const t of st.targets) mark(t);
  else if (st._type === 'FunctionDef' || st._type === 'ClassDef') markName(st.name);
  else if (st._type === 'Import') for (const a of st.names) markName(a.asname ?? a.name.split('.')[0]!);
}

/** A function body's top-level statements, in order. */
function topLevel(b: Body, body: A.stmt[]): void {
  for (const st of body) {
    stmt(b, st);
    if (terminates([st])) return;
    markBound(b, st);
  }
}

/** co_flags bits (CPython 2.7's code.h) and the __future__ features' compiler flags. */
const CO = { optimized: 0x1, newlocals: 0x2, varargs: 0x4, varkeywords: 0x8, nested: 0x10, generator: 0x20, nofree: 0x40 };

function codeFlags(scope: Scope, args: A.arguments, futures: Futures): number {
  let flags = CO.optimized | CO.newlocals;
  if (args.vararg) flags |= CO.varargs;
  if (args.kwarg) flags |= CO.varkeywords;
  // Nested: some enclosing block is a function (comprehensions are functions to CPython's symtable).
  for (let p = scope.parent; p; p = p.parent) {
    if (p.kind === 'function' || p.kind === 'comprehension') {
      flags |= CO.nested;
      break;
    }
  }
  if (scope.isGenerator) flags |= CO.generator;
  if (scope.frees.size === 0 && scope.cells.size === 0) flags |= CO.nofree;
  if (futures.division) flags |= 0x2000;
  if (futures.absoluteImport) flags |= 0x4000;
  if (futures.withStatement) flags |= 0x8000;
  if (futures.printFunction) flags |= 0x10000;
  if (futures.unicodeLiterals) flags |= 0x20000;
  return flags;
}

function codeInfo(scope: Scope, params: string[], args: A.arguments, lineno: number, futures: Futures): CodeInfo {
  return {
    firstLine: lineno, flags: codeFlags(scope, args, futures),
    argcount: params.length, varnames: varnamesOf(scope),
    freevars: [...scope.frees].sort(), cellvars: [...scope.cells].sort(),
  };
}

function scopeIsGen(b: Body, node: A.AstNode): boolean {
  return scopeOf(b, node).isGenerator;
}

/** Emits a function object for def/lambda and returns the Go expression holding it. */
function makeFunction(b: Body, node: A.FunctionDef | A.Lambda, parts: FuncParts): string {
  const scope = scopeOf(b, node);
  const defaults = parts.args.defaults.map((d) => expr(b, d));
  const params = parts.args.args.map((a, i) => (a._type === 'Name' ? a.id : `.${i}`));
  const code = b.mod.code(parts.name, codeInfo(scope, params, parts.args, parts.lineno, b.mod.futures));
  const spec: string[] = [`Name: ${goUtf8(parts.name)}`, `Code: ${code}`];
  if (params.length) spec.push(`Params: []string{${params.map(goUtf8).join(', ')}}`);
  if (defaults.length) spec.push(`Defaults: []py.Object{${defaults.join(', ')}}`);
  if (parts.args.vararg) spec.push(`Varargs: ${goUtf8(parts.args.vararg)}`);
  if (parts.args.kwarg) spec.push(`Kwargs: ${goUtf8(parts.args.kwarg)}`);
  if (scope.frees.size) spec.push(`Closure: []*py.Cell{${[...scope.frees].sort().map(goLocal).join(', ')}}`);
  // A generator keeps its function's frame; any other body lets the runtime recycle it.
  if (!scope.isGenerator) spec.push('ReuseFrame: true');
  if (parts.docstring && parts.docstring._type === 'Expr' && parts.docstring.value._type === 'Str') {
    spec.push(`Doc: ${expr(b, parts.docstring.value)}`);
  }
  const fnVar = b.mod.fresh('fn');
  const kind: BodyKind = scope.isGenerator ? 'generator' : 'function';
  b.p.line(`${fnVar} := py.NewFunction(py.FuncSpec{${spec.join(', ')}}, f.Globals, func(f *py.Frame, args []py.Object) (py.Object, *py.BaseException) {`);
  b.p.indent(() => {
    const inner = new Body(b.mod, b.p, scope, kind);
    if (node._type === 'FunctionDef') inner.numLocals = chooseNumLocals(scope, node.body, b.mod.futures.division);
    for (const n of scope.params) if (!scope.deleted.has(n)) inner.alwaysBound.add(n);
    // Parameters are bound in the function's own body (which returns (Object, error)) even for generators.
    const pre = kind === 'generator' ? new Body(b.mod, b.p, scope, 'function') : inner;
    declareLocals(pre);
    if (node._type === 'FunctionDef' && needsRv(node.body)) {
      b.p.line('var rv py.Object');
      b.p.line('_ = rv');
    }
    // Bind parameters: names directly, tuple parameters by unpacking.
    let i = 0;
    for (const a of parts.args.args) {
      if (a._type === 'Name') {
        storeName(pre, a.id, `args[${i}]`);
      } else {
        if (hasLocalsDict(scope)) b.p.line(`${hiddenParam(i)} := args[${i}]`);
        assign(pre, a, `args[${i}]`);
      }
      i++;
    }
    if (parts.args.vararg) storeName(pre, parts.args.vararg, `args[${i++}]`);
    if (parts.args.kwarg) storeName(pre, parts.args.kwarg, `args[${i++}]`);
    if (kind === 'generator' && node._type === 'FunctionDef' && flattenable(node.body)) {
      emitStepGenerator(inner, 'return py.NewGeneratorStep(f, ', (sb) => flatStmts(sb, node.body, (st) => markBound(sb, st)));
      b.p.line('}), nil');
    } else if (kind === 'generator') {
      b.p.line('return py.NewGenerator(f, func(f *py.Frame, gen *py.Generator) (py.Object, *py.BaseException) {');
      b.p.indent(() => {
        parts.emitBody(inner);
        if (!parts.terminates) b.p.line(fallOff('generator'));
      });
      b.p.line('}), nil');
    } else {
      parts.emitBody(inner);
      if (!parts.terminates) b.p.line(fallOff('function'));
    }
  });
  b.p.line('})');
  return fnVar;
}

export function emitFunctionDef(b: Body, st: A.FunctionDef): void {
  const decos = st.decorator_list.map((d) => expr(b, d));
  const doc = st.body[0] && st.body[0]._type === 'Expr' && st.body[0].value._type === 'Str' ? st.body[0] : null;
  let fn = makeFunction(b, st, {
    name: st.name, args: st.args, lineno: st.lineno, docstring: doc,
    emitBody: (inner) => topLevel(inner, st.body),
    terminates: terminates(st.body),
  });
  for (const d of decos.reverse()) fn = call(b, `py.Call(f, ${d}, []py.Object{${fn}}, nil)`);
  storeName(b, st.name, fn);
}

export function emitLambda(b: Body, e: A.Lambda): string {
  return makeFunction(b, e, {
    name: '<lambda>', args: e.args, lineno: e.lineno, docstring: null, terminates: !scopeIsGen(b, e),
    emitBody: (inner) => {
      const scope = inner.scope;
      if (scope.isGenerator) {
        // A lambda containing yield is a generator whose body is one expression statement.
        const v = expr(inner, e.body);
        inner.p.line(`_ = ${v}`);
        return;
      }
      inner.p.line(`f.Line = ${e.lineno}`);
      const v = expr(inner, e.body);
      inner.p.line(`return ${v}, nil`);
    },
  });
}

/** Generator expressions and set/dict comprehensions: own scope, outermost iterable evaluated outside. */
export function emitComprehensionScope(b: Body, e: A.GeneratorExp | A.SetComp | A.DictComp): string {
  const scope = scopeOf(b, e);
  const first = expr(b, e.generators[0]!.iter);
  const it = call(b, `py.Iter(f, ${first})`);
  const code = b.mod.code(scope.name);
  const kind: BodyKind = e._type === 'GeneratorExp' ? 'generator' : 'function';
  const emitLoops = (inner: Body, leaf: () => void): void => {
    // The comprehension's own frame reports its line in tracebacks.
    inner.p.line(`f.Line = ${e.lineno}`);
    const rec = (i: number): void => {
      if (i === e.generators.length) { leaf(); return; }
      const g = e.generators[i]!;
      const body = (): void => {
        for (const c of g.ifs) {
          const t = truth(inner, c);
          inner.p.line(`if ${not(t)} {`);
          inner.p.indent(() => inner.p.line('continue'));
          inner.p.line('}');
        }
        rec(i + 1);
      };
      if (i === 0) forEachValue(inner, it, g.target, body);
      else forEachValue(inner, expr(inner, g.iter), g.target, body);
    };
    rec(0);
  };
  if (kind === 'generator' && genexpFlattenable(e as A.GeneratorExp)) {
    // The genexp's locals and resume state are declared in a block of the enclosing function.
    const t = b.mod.fresh();
    b.p.line(`var ${t} py.Object`);
    b.p.line('{');
    b.p.indent(() => {
      const inner = new Body(b.mod, b.p, scope, 'generator');
      inner.dotZero = it;
      declareLocals(inner);
      emitStepGenerator(inner, `${t} = py.NewGeneratorStepCode(f, ${code}, `, (sb) => flatGenexp(sb, e as A.GeneratorExp, it));
      b.p.line('})');
    });
    b.p.line('}');
    return t;
  }
  if (kind === 'generator') {
    const ge = e as A.GeneratorExp;
    const t = b.mod.fresh();
    b.p.line(`${t} := py.NewGeneratorCode(f, ${code}, func(f *py.Frame, gen *py.Generator) (py.Object, *py.BaseException) {`);
    b.p.indent(() => {
      const inner = new Body(b.mod, b.p, scope, 'generator');
      inner.dotZero = it;
      declareLocals(inner);
      emitLoops(inner, () => {
        const v = expr(inner, ge.elt);
        const sent = call(inner, `gen.Yield(f, ${v})`);
        inner.p.line(`_ = ${sent}`);
      });
      b.p.line('return nil, nil');
    });
    b.p.line('})');
    return t;
  }
  // Set and dict comprehensions run in their own frame and return the built container.
  const t = b.mod.fresh();
  b.p.line(`${t}, err := py.RunFrame(f, ${code}, func(f *py.Frame) (py.Object, *py.BaseException) {`);
  b.p.indent(() => {
    const inner = new Body(b.mod, b.p, scope, 'function');
    inner.dotZero = it;
    declareLocals(inner);
    const acc = b.mod.fresh('acc');
    if (e._type === 'SetComp') b.p.line(`${acc} := py.NewSet()`);
    else b.p.line(`${acc} := py.NewDict()`);
    emitLoops(inner, () => {
      if (e._type === 'SetComp') {
        const v = expr(inner, e.elt);
        run(inner, `${acc}.Add(f, ${v})`);
      } else if (e._type === 'DictComp') {
        const k = expr(inner, e.key);
        const v = expr(inner, e.value);
        run(inner, `${acc}.SetItem(f, ${k}, ${v})`);
      }
    });
    b.p.line(`return ${acc}, nil`);
  });
  b.p.line('})');
  b.check();
  return t;
}

export function emitClassDef(b: Body, st: A.ClassDef): void {
  const scope = scopeOf(b, st);
  const bases = st.bases.map((x) => expr(b, x));
  const decos = st.decorator_list.map((d) => expr(b, d));
  const code = b.mod.code(st.name);
  const ns = b.mod.fresh('ns');
  b.p.line(`${ns} := py.NewDict()`);
  // The class body runs in its own frame (tracebacks say "in ClassName") and fills the namespace.
  b.p.line(`if err := py.RunClassBody(f, ${code}, ${ns}, func(f *py.Frame, ${ns} *py.Dict) *py.BaseException {`);
  b.p.indent(() => {
    const inner = new Body(b.mod, b.p, scope, 'class', ns);
    run(inner, `${ns}.SetItem(f, ${inner.mod.strConst('__module__')}, f.Globals.GetStr("__name__"))`);
    const doc = st.body[0];
    if (doc && doc._type === 'Expr' && doc.value._type === 'Str') {
      run(inner, `${ns}.SetItem(f, ${inner.mod.strConst('__doc__')}, ${expr(inner, doc.value)})`);
    }
    stmts(inner, st.body);
    if (!terminates(st.body)) b.p.line('return nil');
  });
  b.p.line('}); err != nil {');
  b.p.indent(() => b.p.line(b.raise()));
  b.p.line('}');
  let cls = call(b, `py.BuildClass(f, ${goUtf8(st.name)}, []py.Object{${bases.join(', ')}}, ${ns})`);
  for (const d of decos.reverse()) cls = call(b, `py.Call(f, ${d}, []py.Object{${cls}}, nil)`);
  storeName(b, st.name, cls);
}
