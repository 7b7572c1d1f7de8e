// co_varnames in CPython 2.7's order: the parameters, then every other fast local in the order the
// compiler first meets its name, load or store (a value before its targets, a for loop's iterable
// before its target, a dict display's value before its key). Cell variables that are not
// parameters are not fast locals and stay out. locals() fills its dict from this list backwards,
// so with colliding hashes the order decides how the dict iterates.

import type * as A from '../ast/nodes.js';
import type { Scope } from './scope.js';

const cache = new WeakMap<Scope, string[]>();

/** The scope's co_varnames (function, lambda or comprehension scopes). */
export function varnamesOf(scope: Scope): string[] {
  let out = cache.get(scope);
  if (!out) {
    out = compute(scope);
    cache.set(scope, out);
  }
  return out;
}

function compute(scope: Scope): string[] {
  const node = scope.node;
  const named = scope.kind === 'comprehension' ? ['.0'] : parameters(node);
  const candidates = new Set([...scope.bound].filter((n) => !named.includes(n) && !scope.explicitGlobals.has(n) && !scope.cells.has(n)));
  const seen = new Set<string>();
  const order: string[] = [];
  const name = (id: string): void => {
    if (candidates.has(id) && !seen.has(id)) {
      seen.add(id);
      order.push(id);
    }
  };
  const w = new Walker(name);
  if (node._type === 'FunctionDef' || node._type === 'Lambda') {
    // A tuple parameter is unpacked first thing: its names come right after the parameters.
    for (const a of node.args.args) if (a._type !== 'Name') w.expr(a);
  }
  if (node._type === 'FunctionDef') w.stmts(node.body);
  else if (node._type === 'Lambda') w.expr(node.body);
  else if (node._type === 'GeneratorExp' || node._type === 'SetComp' || node._type === 'DictComp') w.comprehensionBody(node);
  // Anything the walk did not meet (it should meet all) keeps a stable place at the end.
  for (const n of [...candidates].sort()) name(n);
  return [...named, ...order];
}

/** Parameter names as CPython lists them: a tuple parameter is the hidden `.i`, then *args, **kwargs. */
export function parameters(node: A.AstNode): string[] {
  if (node._type !== 'FunctionDef' && node._type !== 'Lambda') return [];
  const out = node.args.args.map((a, i) => (a._type === 'Name' ? a.id : `.${i}`));
  if (node.args.vararg) out.push(node.args.vararg);
  if (node.args.kwarg) out.push(node.args.kwarg);
  return out;
}

/** Visits names in the order CPython 2.7's compiler emits code for them, nested scopes skipped. */
class Walker {
  constructor(private readonly name: (id: string) => void) {}

  stmts(list: A.stmt[]): void {
    for (const s of list) this.stmt(s);
  }

  exprs(list: (A.expr | null | undefined)[]): void {
    for (const e of list) if (e) this.expr(e);
  }

  stmt(s: A.stmt): void {
    switch (s._type) {
      case 'FunctionDef':
        this.exprs(s.decorator_list);
        this.exprs(s.args.defaults);
        this.name(s.name);
        return;
      case 'ClassDef':
        this.exprs(s.decorator_list);
        this.exprs(s.bases);
        this.name(s.name);
        return;
      case 'Return': this.exprs([s.value]); return;
      case 'Delete': this.exprs(s.targets); return;
      case 'Assign': this.expr(s.value); this.exprs(s.targets); return;
      case 'AugAssign': this.expr(s.target); this.expr(s.value); return;
      case 'Print': this.exprs([s.dest, ...s.values]); return;
      case 'For': this.expr(s.iter); this.expr(s.target); this.stmts(s.body); this.stmts(s.orelse); return;
      case 'While': this.expr(s.test); this.stmts(s.body); this.stmts(s.orelse); return;
      case 'If': this.expr(s.test); this.stmts(s.body); this.stmts(s.orelse); return;
      case 'With': this.expr(s.context_expr); this.exprs([s.optional_vars]); this.stmts(s.body); return;
      case 'Raise': this.exprs([s.type, s.inst, s.tback]); return;
      case 'TryExcept':
        this.stmts(s.body);
        for (const h of s.handlers) {
          this.exprs([h.type, h.name]);
          this.stmts(h.body);
        }
        this.stmts(s.orelse);
        return;
      case 'TryFinally': this.stmts(s.body); this.stmts(s.finalbody); return;
      case 'Assert': this.exprs([s.test, s.msg]); return;
      case 'Import': for (const a of s.names) this.name(a.asname ?? a.name.split('.')[0]!); return;
      case 'ImportFrom': for (const a of s.names) if (a.name !== '*') this.name(a.asname ?? a.name); return;
      case 'Exec': this.exprs([s.body, s.globals, s.locals]); return;
      case 'Expr': this.expr(s.value); return;
      default: return; // Global, Pass, Break, Continue
    }
  }

  expr(e: A.expr): void {
    switch (e._type) {
      case 'Name': this.name(e.id); return;
      case 'BoolOp': this.exprs(e.values); return;
      case 'BinOp': this.expr(e.left); this.expr(e.right); return;
      case 'UnaryOp': this.expr(e.operand); return;
      case 'Lambda': this.exprs(e.args.defaults); return;
      case 'IfExp': this.expr(e.test); this.expr(e.body); this.expr(e.orelse); return;
      case 'Dict': e.keys.forEach((k, i) => { this.expr(e.values[i]!); this.expr(k); }); return;
      case 'Set': this.exprs(e.elts); return;
      case 'ListComp':
        for (const g of e.generators) this.generator(g);
        this.expr(e.elt);
        return;
      case 'SetComp': case 'DictComp': case 'GeneratorExp': this.expr(e.generators[0]!.iter); return;
      case 'Yield': this.exprs([e.value]); return;
      case 'Compare': this.expr(e.left); this.exprs(e.comparators); return;
      case 'Call':
        this.expr(e.func);
        this.exprs(e.args);
        for (const k of e.keywords) this.expr(k.value);
        this.exprs([e.starargs, e.kwargs]);
        return;
      case 'Repr': this.expr(e.value); return;
      case 'Attribute': this.expr(e.value); return;
      case 'Subscript': this.expr(e.value); this.slice(e.slice); return;
      case 'List': case 'Tuple': this.exprs(e.elts); return;
      default: return; // Num, Str
    }
  }

  /** A comprehension's own code: the first target, then the rest, then the element. */
  comprehensionBody(e: A.GeneratorExp | A.SetComp | A.DictComp): void {
    e.generators.forEach((g, i) => {
      if (i > 0) this.expr(g.iter);
      this.expr(g.target);
      this.exprs(g.ifs);
    });
    if (e._type === 'DictComp') {
      this.expr(e.value);
      this.expr(e.key);
    } else {
      this.expr(e.elt);
    }
  }

  private generator(g: A.comprehension): void {
    this.expr(g.iter);
    this.expr(g.target);
    this.exprs(g.ifs);
  }

  private slice(s: A.slice): void {
    switch (s._type) {
      case 'Index': this.expr(s.value); return;
      case 'Slice': this.exprs([s.lower, s.upper, s.step]); return;
      case 'ExtSlice': for (const d of s.dims) this.slice(d); return;
      default: return; // Ellipsis
    }
  }
}
