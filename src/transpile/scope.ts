// Scope analysis: CPython 2.7's symtable rules, computed from the typed AST.
//
// Every module, class, def, lambda, generator expression, set and dict comprehension gets a
// Scope. List comprehensions are not scopes in Python 2: their targets bind in the enclosing
// scope (and so "leak"). The result decides, for every name in every scope, how the generated
// code reaches it — and so which error a missing binding raises:
//   fast    a plain local of a function     → UnboundLocalError
//   cell    a local captured by an inner scope → UnboundLocalError
//   free    a variable of an enclosing function → NameError "free variable … in enclosing scope"
//   global  LOAD_GLOBAL (function scopes, or `global` anywhere) → NameError "global name …"
//   name    LOAD_NAME (module and class bodies: locals dict, then globals, then builtins)
//           → NameError "name … is not defined"

import type * as A from '../ast/nodes.js';

export type ScopeKind = 'module' | 'class' | 'function' | 'comprehension';
export type NameAccess = 'fast' | 'cell' | 'free' | 'global' | 'name';

export interface Scope {
  kind: ScopeKind;
  /** The Python-visible name: the def/class name, `<lambda>`, `<genexpr>`, `<module>`… */
  name: string;
  node: A.AstNode;
  parent: Scope | null;
  children: Scope[];
  /** Names bound in this scope (assignment, def, import, parameters…), excluding `global` ones. */
  bound: Set<string>;
  /** Names referenced (loaded) in this scope. */
  used: Set<string>;
  /** Names deleted by `del name` here (so never assumed bound). */
  deleted: Set<string>;
  /** Names declared `global` here. */
  explicitGlobals: Set<string>;
  /** Bound names that inner scopes capture. */
  cells: Set<string>;
  /** Names this scope takes from an enclosing function scope (also ones it only passes through). */
  frees: Set<string>;
  /** Parameter names in order, flattened (tuple parameters included), then *args, **kwargs. */
  params: string[];
  isGenerator: boolean;
  /** Line of the defining statement or expression. */
  lineno: number;
}

export interface ScopeTable {
  module: Scope;
  /** The scope each scope-introducing node opened. */
  of: Map<A.AstNode, Scope>;
}

function newScope(kind: ScopeKind, name: string, node: A.AstNode, parent: Scope | null, lineno: number): Scope {
  const s: Scope = {
    kind, name, node, parent, children: [], bound: new Set(), used: new Set(), deleted: new Set(), explicitGlobals: new Set(),
    cells: new Set(), frees: new Set(), params: [], isGenerator: false, lineno,
  };
  parent?.children.push(s);
  return s;
}

/** How `name` is reached from `scope`. */
export function access(scope: Scope, name: string): NameAccess {
  if (scope.explicitGlobals.has(name)) return 'global';
  if (scope.kind === 'module') return 'name';
  if (scope.kind === 'class') {
    if (scope.bound.has(name)) return 'name';
    if (scope.frees.has(name)) return 'free';
    return 'name';
  }
  if (scope.cells.has(name)) return 'cell';
  if (scope.bound.has(name)) return 'fast';
  if (scope.frees.has(name)) return 'free';
  return 'global';
}

export function analyzeScopes(mod: A.Module): ScopeTable {
  const of = new Map<A.AstNode, Scope>();
  const module = newScope('module', '<module>', mod, null, 1);
  of.set(mod, module);
  const b = new Binder(of);
  b.stmts(mod.body, module);
  resolveFrees(module);
  return { module, of };
}

/** Pass 1: collect bindings, uses, globals and nested scopes. */
class Binder {
  constructor(private readonly of: Map<A.AstNode, Scope>) {}

  bind(s: Scope, name: string): void {
    if (!s.explicitGlobals.has(name)) s.bound.add(name);
  }

  stmts(body: A.stmt[], s: Scope): void {
    for (const st of body) this.stmt(st, s);
  }

  stmt(st: A.stmt, s: Scope): void {
    switch (st._type) {
      case 'FunctionDef': {
        for (const d of st.decorator_list) this.expr(d, s);
        for (const d of st.args.defaults) this.expr(d, s);
        this.bind(s, st.name);
        const fs = newScope('function', st.name, st, s, st.lineno);
        this.of.set(st, fs);
        this.params(st.args, fs);
        this.stmts(st.body, fs);
        return;
      }
      case 'ClassDef': {
        for (const e of st.bases) this.expr(e, s);
        for (const d of st.decorator_list) this.expr(d, s);
        this.bind(s, st.name);
        const cs = newScope('class', st.name, st, s, st.lineno);
        this.of.set(st, cs);
        this.stmts(st.body, cs);
        return;
      }
      case 'Return': if (st.value) this.expr(st.value, s); return;
      case 'Delete': for (const t of st.targets) this.target(t, s); return;
      case 'Assign':
        this.expr(st.value, s);
        for (const t of st.targets) this.target(t, s);
        return;
      case 'AugAssign':
        this.expr(st.value, s);
        if (st.target._type === 'Name') {
          s.used.add(st.target.id);
          this.bind(s, st.target.id);
        } else {
          this.target(st.target, s);
        }
        return;
      case 'Print':
        if (st.dest) this.expr(st.dest, s);
        for (const v of st.values) this.expr(v, s);
        return;
      case 'For':
        this.expr(st.iter, s);
        this.target(st.target, s);
        this.stmts(st.body, s);
        this.stmts(st.orelse, s);
        return;
      case 'While':
      case 'If':
        this.expr(st.test, s);
        this.stmts(st.body, s);
        this.stmts(st.orelse, s);
        return;
      case 'With':
        this.expr(st.context_expr, s);
        if (st.optional_vars) this.target(st.optional_vars, s);
        this.stmts(st.body, s);
        return;
      case 'Raise':
        if (st.type) this.expr(st.type, s);
        if (st.inst) this.expr(st.inst, s);
        if (st.tback) this.expr(st.tback, s);
        return;
      case 'TryExcept':
        this.stmts(st.body, s);
        for (const h of st.handlers) {
          if (h.type) this.expr(h.type, s);
          if (h.name) this.target(h.name, s);
          this.stmts(h.body, s);
        }
        this.stmts(st.orelse, s);
        return;
      case 'TryFinally':
        this.stmts(st.body, s);
        this.stmts(st.finalbody, s);
        return;
      case 'Assert':
        this.expr(st.test, s);
        if (st.msg) this.expr(st.msg, s);
        return;
      case 'Import':
        for (const a of st.names) this.bind(s, a.asname ?? a.name.split('.')[0]!);
        return;
      case 'ImportFrom':
        for (const a of st.names) if (a.name !== '*') this.bind(s, a.asname ?? a.name);
        return;
      case 'Exec':
        this.expr(st.body, s);
        if (st.globals) this.expr(st.globals, s);
        if (st.locals) this.expr(st.locals, s);
        return;
      case 'Global':
        for (const n of st.names) {
          s.explicitGlobals.add(n);
          s.bound.delete(n);
        }
        return;
      case 'Expr': this.expr(st.value, s); return;
      case 'Pass': case 'Break': case 'Continue': return;
    }
  }

  params(args: A.arguments, fs: Scope): void {
    const flat = (e: A.expr): void => {
      if (e._type === 'Name') {
        fs.params.push(e.id);
        this.bind(fs, e.id);
      } else if (e._type === 'Tuple' || e._type === 'List') {
        for (const x of e.elts) flat(x);
      }
    };
    for (const a of args.args) flat(a);
    if (args.vararg) { fs.params.push(args.vararg); this.bind(fs, args.vararg); }
    if (args.kwarg) { fs.params.push(args.kwarg); this.bind(fs, args.kwarg); }
  }

  target(t: A.expr, s: Scope): void {
    switch (t._type) {
      case 'Name':
        if (t.ctx._type === 'Del') s.deleted.add(t.id);
        this.bind(s, t.id);
        return;
      case 'Tuple': case 'List': for (const e of t.elts) this.target(e, s); return;
      case 'Attribute': this.expr(t.value, s); return;
      case 'Subscript': this.expr(t.value, s); this.slice(t.slice, s); return;
      default: this.expr(t, s);
    }
  }

  slice(sl: A.slice, s: Scope): void {
    switch (sl._type) {
      case 'Index': this.expr(sl.value, s); return;
      case 'Slice':
        if (sl.lower) this.expr(sl.lower, s);
        if (sl.upper) this.expr(sl.upper, s);
        if (sl.step) this.expr(sl.step, s);
        return;
      case 'ExtSlice': for (const d of sl.dims) this.slice(d, s); return;
      case 'Ellipsis': return;
    }
  }

  comprehensionScope(node: A.GeneratorExp | A.SetComp | A.DictComp, s: Scope, name: string): void {
    const gens = node.generators;
    // The outermost iterable is evaluated in the enclosing scope and passed in.
    this.expr(gens[0]!.iter, s);
    const cs = newScope('comprehension', name, node, s, node.lineno);
    this.of.set(node, cs);
    gens.forEach((g, i) => {
      if (i > 0) this.expr(g.iter, cs);
      this.target(g.target, cs);
      for (const c of g.ifs) this.expr(c, cs);
    });
    if (node._type === 'DictComp') {
      this.expr(node.key, cs);
      this.expr(node.value, cs);
    } else {
      this.expr(node.elt, cs);
    }
    if (node._type === 'GeneratorExp') cs.isGenerator = true;
  }

  expr(e: A.expr, s: Scope): void {
    switch (e._type) {
      case 'BoolOp': for (const v of e.values) this.expr(v, s); return;
      case 'BinOp': this.expr(e.left, s); this.expr(e.right, s); return;
      case 'UnaryOp': this.expr(e.operand, s); return;
      case 'Lambda': {
        for (const d of e.args.defaults) this.expr(d, s);
        const fs = newScope('function', '<lambda>', e, s, e.lineno);
        this.of.set(e, fs);
        this.params(e.args, fs);
        this.expr(e.body, fs);
        return;
      }
      case 'IfExp': this.expr(e.test, s); this.expr(e.body, s); this.expr(e.orelse, s); return;
      case 'Dict': e.keys.forEach((k, i) => { this.expr(k, s); this.expr(e.values[i]!, s); }); return;
      case 'Set': for (const x of e.elts) this.expr(x, s); return;
      case 'ListComp':
        for (const g of e.generators) {
          this.expr(g.iter, s);
          this.target(g.target, s);
          for (const c of g.ifs) this.expr(c, s);
        }
        this.expr(e.elt, s);
        return;
      case 'SetComp': this.comprehensionScope(e, s, '<setcomp>'); return;
      case 'DictComp': this.comprehensionScope(e, s, '<dictcomp>'); return;
      case 'GeneratorExp': this.comprehensionScope(e, s, '<genexpr>'); return;
      case 'Yield':
        s.isGenerator = true;
        if (e.value) this.expr(e.value, s);
        return;
      case 'Compare': this.expr(e.left, s); for (const c of e.comparators) this.expr(c, s); return;
      case 'Call':
        this.expr(e.func, s);
        for (const a of e.args) this.expr(a, s);
        for (const k of e.keywords) this.expr(k.value, s);
        if (e.starargs) this.expr(e.starargs, s);
        if (e.kwargs) this.expr(e.kwargs, s);
        return;
      case 'Repr': this.expr(e.value, s); return;
      case 'Num': case 'Str': return;
      case 'Attribute': this.expr(e.value, s); return;
      case 'Subscript': this.expr(e.value, s); this.slice(e.slice, s); return;
      case 'Name':
        if (e.ctx._type === 'Load') s.used.add(e.id);
        else this.bind(s, e.id);
        return;
      case 'List': case 'Tuple':
        for (const x of e.elts) {
          if (e.ctx._type === 'Load') this.expr(x, s);
          else this.target(x, s);
        }
        return;
    }
  }
}

/**
 * Pass 2: resolve free variables bottom-up, as CPython's analyze_block does. A name used in a
 * function-like scope, not bound there nor declared global, is free if some enclosing function
 * scope binds it (class scopes are skipped for lookup but still pass the cell through).
 */
function resolveFrees(s: Scope): void {
  for (const c of s.children) resolveFrees(c);
  if (s.kind === 'module') return;
  const wanted = new Set<string>();
  for (const n of s.used) {
    if (s.explicitGlobals.has(n)) continue;
    if (s.kind !== 'class' && s.bound.has(n)) continue;
    if (s.kind === 'class' && s.bound.has(n)) continue;
    wanted.add(n);
  }
  // Names inner scopes take from outside: they pass through this scope unless it binds them.
  for (const c of s.children) {
    for (const n of c.frees) {
      if (s.kind !== 'class' && s.bound.has(n) && !s.explicitGlobals.has(n)) {
        s.cells.add(n);
      } else if (!s.explicitGlobals.has(n)) {
        wanted.add(n);
      }
    }
  }
  for (const n of wanted) {
    if (bindingFunctionAbove(s, n)) s.frees.add(n);
  }
}

/** Is `name` bound (not global) in an enclosing function-like scope, skipping classes? */
function bindingFunctionAbove(s: Scope, name: string): boolean {
  for (let p = s.parent; p; p = p.parent) {
    if (p.kind === 'module') return false;
    if (p.kind === 'class') continue;
    if (p.explicitGlobals.has(name)) return false;
    if (p.bound.has(name)) return true;
  }
  return false;
}
