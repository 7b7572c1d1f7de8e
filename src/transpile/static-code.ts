// exec and eval of a string literal known at transpile time, compiled statically (the one
// exception the design allows to "exec/eval are not transpiled"). Only shapes whose meaning
// cannot change by being inlined:
//   - `exec "code"` (no `in`) in module-level code, outside any def or class: the code's
//     statements take the exec's place, so the names it binds are module globals, as under CPython;
//   - `eval("expr")` (one argument) anywhere, when the expression names nothing but True, False
//     and None and opens no scope of its own (no lambda, no comprehension): it becomes that
//     expression.
// The snippet inherits the module's __future__ division, as CPython's exec/eval inherit the
// caller's flags; snippets whose parse would depend on print_function or unicode_literals are left
// alone. Inlined nodes carry the exec/eval's line, so tracebacks name that line (CPython would add
// a `File "<string>"` frame for an exception raised inside the snippet). Everything else stays a
// blocked feature (blocked.ts).

import type * as A from '../ast/nodes.js';
import { parseModule } from '../ast/index.js';
import type { Futures } from './context.js';

const ASCII = /^[\x00-\x7f]*$/;

type Node = Record<string, unknown>;

/** Calls visit on every AST node under root (root included when it is one), depth first; a visit
 *  returning 'skip' does not descend into that node, 'stop' ends the walk. */
function walk(root: unknown, visit: (n: Node) => void | 'skip' | 'stop'): void {
  let stopped = false;
  const go = (node: unknown): void => {
    if (stopped || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const n of node) go(n);
      return;
    }
    const n = node as Node;
    const r = typeof n._type === 'string' ? visit(n) : undefined;
    if (r === 'stop') stopped = true;
    if (r) return;
    for (const [k, v] of Object.entries(n)) if (k !== '_type') go(v);
  };
  go(root);
}

/** Whether any node under root satisfies pred (not looking inside nodes `into` refuses). */
function some(root: unknown, pred: (n: Node) => boolean, into: (n: Node) => boolean = () => true): boolean {
  let found = false;
  walk(root, (n) => {
    if (pred(n)) {
      found = true;
      return 'stop';
    }
    return into(n) ? undefined : 'skip';
  });
  return found;
}
const NO_SCOPE_EXPRS = new Set(['Lambda', 'ListComp', 'GeneratorExp', 'DictComp', 'SetComp', 'Yield']);
const CONSTANT_NAMES = new Set(['True', 'False', 'None']);

/** The module with its literal exec statements inlined (a copy when anything changed). */
export function inlineLiteralExec(root: A.Module, futures: Futures): A.Module {
  if (!hasCandidate(root, 'Exec')) return root;
  const copy = structuredClone(root);
  copy.body = rewriteModuleLevel(copy.body, futures);
  return copy;
}

/** The module with eligible literal eval calls replaced by their expression. `isBuiltinEval` says
 *  whether the name `eval` still means the builtin (no module-level binding shadows it). */
export function inlineLiteralEval(root: A.Module, futures: Futures, isBuiltinEval: boolean): A.Module {
  if (!isBuiltinEval || !hasCandidate(root, 'Call')) return root;
  const copy = structuredClone(root);
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit);
    if (!node || typeof node !== 'object') return node;
    const n = node as Record<string, unknown>;
    if (n._type === 'Call') {
      const inlined = literalEval(n as unknown as A.Call, futures);
      if (inlined) return inlined;
    }
    for (const [k, v] of Object.entries(n)) {
      if (k !== '_type' && v && typeof v === 'object') n[k] = visit(v);
    }
    return n;
  };
  copy.body = visit(copy.body) as A.stmt[];
  return copy;
}

function hasCandidate(root: A.Module, type: 'Exec' | 'Call'): boolean {
  return some(root.body, (n) =>
    n._type === type && literalOf(type === 'Exec' ? (n as unknown as A.Exec).body : (n as unknown as A.Call).args[0]) !== undefined);
}

/** An ASCII str or unicode literal's text. */
function literalOf(e: A.expr | undefined): string | undefined {
  if (!e || e._type !== 'Str') return undefined;
  const text = typeof e.s === 'string' ? e.s : e.s.value;
  return ASCII.test(text) ? text : undefined;
}

function rewriteModuleLevel(body: A.stmt[], futures: Futures): A.stmt[] {
  const out: A.stmt[] = [];
  for (const st of body) {
    if (st._type === 'Exec') {
      const inlined = literalExec(st, futures);
      if (inlined) {
        out.push(...inlined);
        continue;
      }
    }
    // Module-level code includes the blocks of if/for/while/try/with, but not defs or classes.
    const s = st as unknown as Record<string, unknown>;
    for (const key of ['body', 'orelse', 'finalbody']) {
      if (Array.isArray(s[key]) && st._type !== 'FunctionDef' && st._type !== 'ClassDef') s[key] = rewriteModuleLevel(s[key] as A.stmt[], futures);
    }
    if (st._type === 'TryExcept') for (const h of st.handlers) h.body = rewriteModuleLevel(h.body, futures);
    out.push(st);
  }
  return out;
}

function parseSnippet(text: string, futures: Futures): A.stmt[] | undefined {
  // Without the caller's print_function/unicode_literals the snippet could parse differently.
  if ((futures.printFunction && /\bprint\b/.test(text)) || (futures.unicodeLiterals && /['"]/.test(text))) return undefined;
  const r = parseModule(text.endsWith('\n') ? text : `${text}\n`);
  return r.ast?.body;
}

function literalExec(st: A.Exec, futures: Futures): A.stmt[] | undefined {
  if (st.globals || st.locals) return undefined;
  const text = literalOf(st.body);
  if (text === undefined) return undefined;
  const body = parseSnippet(text, futures);
  if (!body || !fitsModuleLevel(body, false)) return undefined;
  return relocate(body, st);
}

function literalEval(c: A.Call, futures: Futures): A.expr | undefined {
  if (c.func._type !== 'Name' || c.func.id !== 'eval' || c.args.length !== 1 || c.keywords.length > 0 || c.starargs || c.kwargs) return undefined;
  const text = literalOf(c.args[0]);
  if (text === undefined) return undefined;
  // eval ignores leading blanks, and a trailing newline ends the expression.
  const body = parseSnippet(text.replace(/^[ \t]+/, ''), futures);
  const only = body?.length === 1 ? body[0]! : undefined;
  if (only?._type !== 'Expr' || !selfContained(only.value)) return undefined;
  relocate([only], c);
  return only.value;
}

/** No names but constants, no scopes of its own. */
function selfContained(e: A.expr): boolean {
  return !some(e, (n) => NO_SCOPE_EXPRS.has(n._type as string) || (n._type === 'Name' && !CONSTANT_NAMES.has(n.id as string)));
}

/** Statements valid as module-level code: no return/yield outside a def, no break/continue outside a loop. */
function fitsModuleLevel(body: A.stmt[], inLoop: boolean): boolean {
  for (const st of body) {
    switch (st._type) {
      case 'FunctionDef':
      case 'ClassDef':
        if (st._type === 'ClassDef' && !fitsModuleLevel(st.body, false)) return false;
        continue;
      case 'Return':
      case 'Global':
        return false;
      case 'ImportFrom':
        // A relative or star import that cannot be resolved is a compile error, where the exec
        // it came from would only fail when run: those stay exec statements.
        if (st.module === '__future__' || (st.level ?? 0) > 0 || st.names.some((a) => a.name === '*')) return false;
        continue;
      case 'Break':
      case 'Continue':
        if (!inLoop) return false;
        continue;
      case 'Expr':
        if (containsYield(st.value)) return false;
        continue;
    }
    const s = st as unknown as Record<string, unknown>;
    const loop = st._type === 'For' || st._type === 'While';
    if (Array.isArray(s.body) && !fitsModuleLevel(s.body as A.stmt[], inLoop || loop)) return false;
    if (Array.isArray(s.orelse) && !fitsModuleLevel(s.orelse as A.stmt[], inLoop)) return false;
    if (Array.isArray(s.finalbody) && !fitsModuleLevel(s.finalbody as A.stmt[], inLoop)) return false;
    if (st._type === 'TryExcept' && !st.handlers.every((h) => fitsModuleLevel(h.body, inLoop))) return false;
    if (containsYield(st)) return false;
  }
  return true;
}

/** A yield of this scope (not of a def, lambda or class inside it). */
function containsYield(node: unknown): boolean {
  return some(node, (n) => n._type === 'Yield', (n) => n._type !== 'FunctionDef' && n._type !== 'Lambda' && n._type !== 'ClassDef');
}

/** Every node of the snippet placed at `at`'s position. */
function relocate(body: A.stmt[], at: A.Located): A.stmt[] {
  walk(body, (n) => {
    if (typeof n.lineno === 'number') {
      n.lineno = at.lineno;
      n.col_offset = at.col_offset;
    }
  });
  return body;
}
