// State-machine generators. A generator whose yields all sit in simple positions — a statement
// `yield v` or `x = yield v`, nested only in if/elif/else, while and for (never in try, except,
// finally, with, or inside a larger expression) — is emitted as a Go function (py.GenStep) that
// runs from one yield to the next: a resume is a plain call instead of a coroutine switch.
//
// The body is lowered to flat code at the function's top level: loops and ifs that contain a
// yield become labels and gotos, everything else is ordinary emitted code wrapped in `{ … }` when
// it declares temporaries (Go forbids a goto over a declaration in the same block). Each yield
// saves its resume point and returns the value; a `switch` at entry jumps to the label after the
// yield that suspended. Python locals are already Go variables of the enclosing function, which
// the step function closes over; the only other values living across a yield are the iterators
// of flat for loops, hoisted next to them.
//
// With no try or with around a suspended yield, throw() and close() run no generator code, so the
// runtime handles them without calling the body (generator.go: resumeStep).

import type * as A from '../ast/nodes.js';
import { Body, type Label, type StepCtx } from './context.js';
import { assign, call, expr, not, truth } from './expr.js';
import { stmt, terminates } from './stmt.js';

/** Yield expressions of this scope inside `node` (nested scopes excluded, their outer parts included). */
export function countYields(node: unknown): number {
  if (Array.isArray(node)) return node.reduce((n: number, x) => n + countYields(x), 0);
  if (node === null || typeof node !== 'object' || !('_type' in node)) return 0;
  const n = node as A.AstNode;
  switch (n._type) {
    case 'Yield': return 1 + countYields(n.value);
    case 'FunctionDef': return countYields(n.decorator_list) + countYields(n.args.defaults);
    case 'ClassDef': return countYields(n.bases) + countYields(n.decorator_list);
    case 'Lambda': return countYields(n.args.defaults);
    // The outermost iterable of a comprehension scope is evaluated in the enclosing scope.
    case 'GeneratorExp': case 'SetComp': case 'DictComp': return countYields(n.generators[0]!.iter);
  }
  let total = 0;
  for (const v of Object.values(n)) if (v !== null && typeof v === 'object') total += countYields(v);
  return total;
}

/** Can this generator function body be a state machine? */
export function flattenable(body: A.stmt[]): boolean {
  return body.every((st) => {
    if (countYields(st) === 0) return true;
    switch (st._type) {
      case 'Expr': return st.value._type === 'Yield' && countYields(st.value.value) === 0;
      case 'Assign': return st.value._type === 'Yield' && countYields(st.value.value) === 0 && countYields(st.targets) === 0;
      case 'If': case 'While':
        return countYields(st.test) === 0 && flattenable(st.body) && flattenable(st.orelse);
      case 'For':
        return countYields(st.iter) === 0 && countYields(st.target) === 0 && flattenable(st.body) && flattenable(st.orelse);
      default: return false;
    }
  });
}

/** Can this generator expression be a state machine? (Only a yield inside it prevents it.) */
export function genexpFlattenable(e: A.GeneratorExp): boolean {
  return countYields(e.elt) === 0 && e.generators.every((g, i) =>
    (i === 0 || countYields(g.iter) === 0) && countYields(g.target) === 0 && countYields(g.ifs) === 0);
}

/**
 * Emits `return <ctor>func(f *py.Frame, sent py.Object) (py.Object, *py.BaseException) {…})` in b's
 * printer. `emitBody` writes the flat body through the Body it is given and says whether it ended
 * in a terminating statement.
 */
export function emitStepGenerator(b: Body, ctor: string, emitBody: (sb: Body) => boolean): void {
  const step: StepCtx = { state: 'gen.State', resumes: 0, hoisted: [] };
  const sub = b.p.sub();
  sub.indent(() => {
    const sb = new Body(b.mod, sub, b.scope, 'generator');
    for (const n of b.alwaysBound) sb.alwaysBound.add(n);
    sb.dotZero = b.dotZero;
    sb.step = step;
    if (!emitBody(sb)) sub.line('return nil, nil');
  });
  for (const h of step.hoisted) b.p.line(h);
  b.p.line(`${ctor}func(f *py.Frame, gen *py.Generator, sent py.Object) (py.Object, *py.BaseException) {`);
  b.p.indent(() => {
    if (!step.resumes) return;
    b.p.line(`switch ${step.state} {`);
    for (let k = 1; k <= step.resumes; k++) {
      b.p.line(`case ${k}:`);
      b.p.indent(() => b.p.line(`goto yield${k}`));
    }
    b.p.line('}');
  });
  b.p.append(sub);
}

function stepOf(b: Body): StepCtx {
  if (!b.step) throw new Error('flat emission outside a state-machine generator');
  return b.step;
}

function label(b: Body, prefix: string): Label {
  return { name: b.mod.fresh(prefix), used: false };
}

function goto(b: Body, l: Label): void {
  l.used = true;
  b.p.line(`goto ${l.name}`);
}

/** A value that must survive a yield: a variable declared in the enclosing function. */
function hoist(b: Body, prefix: string): string {
  const v = b.mod.fresh(prefix);
  stepOf(b).hoisted.push(`var ${v} py.Object`);
  return v;
}

/** Emits code that declares nothing at this level visible to a later goto. */
function scoped(b: Body, emit: () => void): void {
  const m = b.p.mark();
  emit();
  b.p.wrapDecls(m);
}

/** `yield v` (targets null) or `t1 = t2 = yield v`: suspend, then bind the sent value. */
export function emitYield(b: Body, y: A.Yield, targets: A.expr[] | null): void {
  const step = stepOf(b);
  const k = ++step.resumes;
  scoped(b, () => {
    const v = y.value ? expr(b, y.value) : 'py.None';
    b.p.line(`${step.state} = ${k}`);
    b.p.line(`return ${v}, nil`);
  });
  b.p.label(`yield${k}`);
  if (targets) scoped(b, () => { for (const t of targets) assign(b, t, 'sent'); });
}

/**
 * A statement list of a state-machine body. `onTop` marks locals bound by top-level statements.
 * Returns whether the emitted code ends in a terminating statement (statements after one are not
 * emitted: they never run, and Go code after it would be unreachable).
 */
export function flatStmts(b: Body, body: A.stmt[], onTop?: (st: A.stmt) => void): boolean {
  for (const st of body) {
    if (flatStmt(b, st)) return true;
    onTop?.(st);
  }
  return false;
}

/** One statement; returns whether its code ends in a terminating statement. */
function flatStmt(b: Body, st: A.stmt): boolean {
  if (countYields(st) === 0) {
    scoped(b, () => stmt(b, st));
    return terminates([st]);
  }
  switch (st._type) {
    case 'Expr':
      b.line(st);
      emitYield(b, st.value as A.Yield, null);
      return false;
    case 'Assign':
      b.line(st);
      emitYield(b, st.value as A.Yield, st.targets);
      return false;
    case 'If': return flatIf(b, st);
    // The test's goto always reaches the code after a loop.
    case 'While': flatWhile(b, st); return false;
    case 'For': flatFor(b, st); return false;
    default: throw new Error(`flatStmt: ${st._type} with yield`);
  }
}

function flatIf(b: Body, st: A.If): boolean {
  b.line(st);
  const orelse = st.orelse.length ? label(b, 'orelse') : null;
  const end = label(b, 'endif');
  scoped(b, () => {
    const c = truth(b, st.test);
    b.p.line(`if ${not(c)} {`);
    b.p.indent(() => goto(b, orelse ?? end));
    b.p.line('}');
  });
  const bodyEnds = flatStmts(b, st.body);
  if (orelse) {
    if (!bodyEnds) goto(b, end);
    b.p.label(orelse.name);
    if (flatStmts(b, st.orelse) && !end.used) return true;
  }
  if (end.used) b.p.label(end.name);
  return false;
}

/** The loop's body, back edge, else clause and exit label, shared by while and for. */
function loopRest(b: Body, st: A.While | A.For, top: Label, setTop: (name: string) => void, orelse: Label | null, end: Label): void {
  b.loops.push({ depth: b.closureDepth, brk: end, cont: top });
  const bodyEnds = flatStmts(b, st.body);
  b.loops.pop();
  if (!bodyEnds) goto(b, top);
  if (top.used) setTop(top.name);
  if (orelse) {
    b.p.label(orelse.name);
    flatStmts(b, st.orelse);
  }
  if (end.used) b.p.label(end.name);
}

function flatWhile(b: Body, st: A.While): void {
  const top = label(b, 'loop');
  const orelse = st.orelse.length ? label(b, 'orelse') : null;
  const end = label(b, 'endloop');
  const setTop = b.p.labelSlot();
  // The test's line is set on every iteration, so errors in it point at the while.
  b.line(st);
  scoped(b, () => {
    const c = truth(b, st.test);
    b.p.line(`if ${not(c)} {`);
    b.p.indent(() => goto(b, orelse ?? end));
    b.p.line('}');
  });
  loopRest(b, st, top, setTop, orelse, end);
}

function flatFor(b: Body, st: A.For): void {
  b.line(st);
  const it = hoist(b, 'iter');
  scoped(b, () => {
    const seq = expr(b, st.iter);
    b.p.line(`${it} = ${call(b, `py.Iter(f, ${seq})`)}`);
  });
  const top = label(b, 'loop');
  const orelse = st.orelse.length ? label(b, 'orelse') : null;
  const end = label(b, 'endloop');
  const setTop = b.p.labelSlot();
  b.p.line(`f.Line = ${st.lineno}`);
  scoped(b, () => {
    const item = call(b, `py.Next(f, ${it})`);
    b.p.line(`if ${item} == nil {`);
    b.p.indent(() => {
      // The exhausted iterator is dropped, as CPython pops it off the stack.
      b.p.line(`${it} = nil`);
      goto(b, orelse ?? end);
    });
    b.p.line('}');
    assign(b, st.target, item);
  });
  loopRest(b, st, top, setTop, orelse, end);
}

/** A generator expression's loops and yield, flat. `first` is the outermost iterator (evaluated outside). */
export function flatGenexp(b: Body, e: A.GeneratorExp, first: string): boolean {
  // The frame keeps its line across resumes: tracebacks show the genexp's line.
  b.p.line(`f.Line = ${e.lineno}`);
  const rec = (i: number): void => {
    if (i === e.generators.length) {
      emitYield(b, { _type: 'Yield', value: e.elt, lineno: e.lineno, col_offset: e.col_offset }, null);
      return;
    }
    const g = e.generators[i]!;
    let it = first;
    if (i > 0) {
      it = hoist(b, 'iter');
      scoped(b, () => {
        const seq = expr(b, g.iter);
        b.p.line(`${it} = ${call(b, `py.Iter(f, ${seq})`)}`);
      });
    }
    const top = label(b, 'loop');
    const end = label(b, 'endloop');
    const setTop = b.p.labelSlot();
    scoped(b, () => {
      const item = call(b, `py.Next(f, ${it})`);
      b.p.line(`if ${item} == nil {`);
      b.p.indent(() => {
        if (i > 0) b.p.line(`${it} = nil`);
        goto(b, end);
      });
      b.p.line('}');
      assign(b, g.target, item);
      for (const c of g.ifs) {
        const t = truth(b, c);
        b.p.line(`if ${not(t)} {`);
        b.p.indent(() => goto(b, top));
        b.p.line('}');
      }
    });
    rec(i + 1);
    goto(b, top);
    setTop(top.name);
    b.p.label(end.name);
  };
  rec(0);
  return false;
}
