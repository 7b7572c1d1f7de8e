// The errors CPython 2.7 raises after parsing, while compiling a module: in its order, the
// __future__ checks (future.c), then the symbol table's (symtable.c: duplicate arguments, yield
// outside a function, a generator returning a value, a global parameter), then the compiler's
// (compile.c: return/break/continue out of place, a bare except that is not last, a late
// __future__ import). ast.parse skips all of them, so dump-ast does too; running or transpiling a
// module does not. These errors carry a line but no column, as CPython's do.

import type * as A from './nodes.js';

export interface CompileError {
  message: string;
  lineno: number;
}

const FEATURES = new Set(['nested_scopes', 'generators', 'division', 'absolute_import', 'with_statement', 'print_function', 'unicode_literals']);

export function compileChecks(mod: A.Module): CompileError | undefined {
  return futureChecks(mod) ?? symtableChecks(mod) ?? compilerChecks(mod);
}

/** The __future__ imports at the top of the module (after the docstring), as future.c reads them. */
function leadingFutures(mod: A.Module): A.ImportFrom[] {
  const out: A.ImportFrom[] = [];
  for (const [i, st] of mod.body.entries()) {
    if (i === 0 && st._type === 'Expr' && st.value._type === 'Str') continue;
    if (st._type !== 'ImportFrom' || st.module !== '__future__') break;
    out.push(st);
  }
  return out;
}

/** future.c: the leading __future__ imports name known features. */
function futureChecks(mod: A.Module): CompileError | undefined {
  for (const st of leadingFutures(mod)) {
    for (const a of st.names) {
      if (a.name === 'braces') return { message: 'not a chance', lineno: st.lineno };
      if (!FEATURES.has(a.name)) return { message: `future feature ${a.name} is not defined`, lineno: st.lineno };
    }
  }
  return undefined;
}

type Node = { _type: string; lineno?: number } & Record<string, unknown>;

function isNode(v: unknown): v is Node {
  return typeof v === 'object' && v !== null && typeof (v as { _type?: unknown })._type === 'string';
}

/** A node's child nodes in field order (arrays flattened). */
function* children(n: Node): Generator<Node> {
  for (const [k, v] of Object.entries(n)) {
    if (k === '_type' || k === 'ctx') continue;
    if (Array.isArray(v)) {
      for (const x of v) if (isNode(x)) yield x;
    } else if (isNode(v)) {
      yield v;
    }
  }
}

interface Block {
  kind: 'module' | 'function' | 'class';
  /** The line of the def, lambda or class that opened the block. */
  lineno: number;
  params: Set<string>;
  returnsValue: boolean;
  generator: boolean;
}

class SymtableError extends Error {
  constructor(readonly error: CompileError) {
    super(error.message);
  }
}

function symtableChecks(mod: A.Module): CompileError | undefined {
  const fail = (message: string, lineno: number): never => {
    throw new SymtableError({ message, lineno });
  };
  // Found while analysing the finished table, so after any error of the walk itself.
  let analysis: CompileError | undefined;
  const visit = (n: Node, b: Block): void => {
    switch (n._type) {
      case 'FunctionDef':
      case 'Lambda': {
        const f = n as unknown as A.FunctionDef | A.Lambda;
        for (const d of f.args.defaults) visit(d as unknown as Node, b);
        if (f._type === 'FunctionDef') for (const d of f.decorator_list) visit(d as unknown as Node, b);
        const inner: Block = { kind: 'function', lineno: f.lineno, params: new Set(), returnsValue: false, generator: false };
        const param = (name: string): void => {
          if (inner.params.has(name)) fail(`duplicate argument '${name}' in function definition`, f.lineno);
          inner.params.add(name);
        };
        const params = (a: A.expr): void => {
          if (a._type === 'Name') param(a.id);
          else if (a._type === 'Tuple' || a._type === 'List') for (const e of a.elts) params(e);
        };
        for (const a of f.args.args) params(a);
        if (f.args.vararg) param(f.args.vararg);
        if (f.args.kwarg) param(f.args.kwarg);
        if (f._type === 'FunctionDef') for (const s of f.body) visit(s as unknown as Node, inner);
        else visit(f.body as unknown as Node, inner);
        return;
      }
      case 'ClassDef': {
        const c = n as unknown as A.ClassDef;
        for (const e of c.bases) visit(e as unknown as Node, b);
        for (const d of c.decorator_list) visit(d as unknown as Node, b);
        const inner: Block = { kind: 'class', lineno: c.lineno, params: new Set(), returnsValue: false, generator: false };
        for (const s of c.body) visit(s as unknown as Node, inner);
        return;
      }
      case 'GeneratorExp':
      case 'SetComp':
      case 'DictComp': {
        const g = n as unknown as A.GeneratorExp;
        visit(g.generators[0]!.iter as unknown as Node, b);
        const inner: Block = { kind: 'function', lineno: g.lineno, params: new Set(), returnsValue: false, generator: n._type === 'GeneratorExp' };
        g.generators.forEach((gen, i) => {
          if (i > 0) visit(gen.iter as unknown as Node, inner);
          visit(gen.target as unknown as Node, inner);
          for (const c of gen.ifs) visit(c as unknown as Node, inner);
        });
        if (n._type === 'DictComp') {
          const d = n as unknown as A.DictComp;
          visit(d.key as unknown as Node, inner);
          visit(d.value as unknown as Node, inner);
        } else {
          visit((n as unknown as A.GeneratorExp).elt as unknown as Node, inner);
        }
        return;
      }
      case 'Return': {
        const r = n as unknown as A.Return;
        if (r.value) {
          visit(r.value as unknown as Node, b);
          b.returnsValue = true;
          if (b.generator) fail("'return' with argument inside generator", r.lineno);
        }
        return;
      }
      case 'Yield': {
        const y = n as unknown as A.Yield;
        if (y.value) visit(y.value as unknown as Node, b);
        if (b.kind !== 'function') fail("'yield' outside function", y.lineno);
        b.generator = true;
        if (b.returnsValue) fail("'return' with argument inside generator", y.lineno);
        return;
      }
      case 'Global': {
        const g = n as unknown as A.Global;
        for (const name of g.names) {
          if (b.params.has(name)) analysis ??= { message: `name '${name}' is local and global`, lineno: b.lineno };
        }
        return;
      }
    }
    for (const c of children(n)) visit(c, b);
  };
  try {
    const top: Block = { kind: 'module', lineno: 1, params: new Set(), returnsValue: false, generator: false };
    for (const s of mod.body) visit(s as unknown as Node, top);
  } catch (e) {
    if (e instanceof SymtableError) return e.error;
    throw e;
  }
  return analysis;
}

type FBlock = 'loop' | 'except' | 'finally-try' | 'finally-end';

function compilerChecks(mod: A.Module): CompileError | undefined {
  // Later __future__ imports are errors (compile.c compares with the last leading one's line).
  const lastFuture = leadingFutures(mod).at(-1)?.lineno ?? 0;
  // compile.c reports these at the line of the statement compiled last.
  let line = 0;
  const stmts = (list: A.stmt[], inFunction: boolean, fblocks: FBlock[]): CompileError | undefined => {
    for (const s of list) {
      const e = stmt(s, inFunction, fblocks);
      if (e) return e;
    }
    return undefined;
  };
  const nested = (n: Node): CompileError | undefined => {
    // A function, lambda or class body met inside an expression or statement.
    for (const c of children(n)) {
      const e = inner(c);
      if (e) return e;
    }
    return undefined;
  };
  const inner = (n: Node): CompileError | undefined => {
    if (n._type === 'Lambda') return nested((n as unknown as A.Lambda).body as unknown as Node);
    if (n._type === 'FunctionDef' || n._type === 'ClassDef') return stmt(n as unknown as A.stmt, false, []);
    return nested(n);
  };
  const stmt = (s: A.stmt, inFunction: boolean, fblocks: FBlock[]): CompileError | undefined => {
    line = s.lineno;
    switch (s._type) {
      case 'FunctionDef': {
        for (const d of [...s.decorator_list, ...s.args.defaults]) {
          const e = inner(d as unknown as Node);
          if (e) return e;
        }
        return stmts(s.body, true, []);
      }
      case 'ClassDef': {
        for (const d of [...s.decorator_list, ...s.bases]) {
          const e = inner(d as unknown as Node);
          if (e) return e;
        }
        return stmts(s.body, false, []);
      }
      case 'Return':
        if (!inFunction) return { message: "'return' outside function", lineno: s.lineno };
        break;
      case 'Break':
        if (!fblocks.includes('loop')) return { message: "'break' outside loop", lineno: s.lineno };
        return undefined;
      case 'Continue': {
        const top = fblocks[fblocks.length - 1];
        if (top === 'finally-end') return { message: "'continue' not supported inside 'finally' clause", lineno: s.lineno };
        if (!fblocks.includes('loop')) return { message: "'continue' not properly in loop", lineno: s.lineno };
        return undefined;
      }
      case 'For':
      case 'While': {
        const e = nested(s._type === 'For' ? ({ _type: 'x', a: s.target, b: s.iter } as unknown as Node) : (s.test as unknown as Node));
        if (e) return e;
        return stmts(s.body, inFunction, [...fblocks, 'loop']) ?? stmts(s.orelse, inFunction, fblocks);
      }
      case 'TryExcept': {
        const e = stmts(s.body, inFunction, [...fblocks, 'except']);
        if (e) return e;
        for (const [i, h] of s.handlers.entries()) {
          if (!h.type && i < s.handlers.length - 1) return { message: "default 'except:' must be last", lineno: line };
          line = h.lineno;
          const he = (h.type && inner(h.type as unknown as Node)) || (h.name && inner(h.name as unknown as Node)) || stmts(h.body, inFunction, fblocks);
          if (he) return he;
        }
        return stmts(s.orelse, inFunction, fblocks);
      }
      case 'TryFinally':
        return stmts(s.body, inFunction, [...fblocks, 'finally-try']) ?? stmts(s.finalbody, inFunction, [...fblocks, 'finally-end']);
      case 'With': {
        const e = inner(s.context_expr as unknown as Node);
        if (e) return e;
        return stmts(s.body, inFunction, [...fblocks, 'finally-try']);
      }
      case 'If':
        return nested(s.test as unknown as Node) ?? stmts(s.body, inFunction, fblocks) ?? stmts(s.orelse, inFunction, fblocks);
      case 'ImportFrom':
        if (s.module === '__future__' && s.lineno > lastFuture) {
          return { message: 'from __future__ imports must occur at the beginning of the file', lineno: s.lineno };
        }
        return undefined;
    }
    return nested(s as unknown as Node);
  };
  return stmts(mod.body, false, []);
}
