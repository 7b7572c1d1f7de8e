// Statement lowering. try bodies become Go closures returning (control code, exception), so an
// exception, `return`, `break` or `continue` leaving a try block is an ordinary Go value that the
// handlers, else and finally code then act on — no panics, no gotos.

import type * as A from '../ast/nodes.js';
import { CTL_BREAK, CTL_CONTINUE, CTL_RETURN, type Body } from './context.js';
import {
  assign, bind, call, deleteName, expr, forEach, getItemNum, isNumLocal, nameConst, not, numArith, numExpr, numIndex, numLocal,
  numOpOf, run, setItemNum, sliceKey, truth,
} from './expr.js';
import { goLocal } from './goliteral.js';
import { emitClassDef, emitFunctionDef } from './func.js';
import { goUtf8 } from './goliteral.js';
import { inplaceFn, numOp } from './rt.js';
import { execRaise } from './blocked.js';
import { emitImport, emitImportFrom } from './imports.js';

export function stmts(b: Body, body: A.stmt[]): void {
  for (const st of body) {
    stmt(b, st);
    // Code after return/raise/break/continue never runs; emitting it would be unreachable Go.
    if (terminates([st])) return;
  }
}

export function stmt(b: Body, st: A.stmt): void {
  b.line(st);
  switch (st._type) {
    case 'Expr': {
      // A docstring in a function or module is not code.
      const v = expr(b, st.value);
      if (/^(?:t|fn)\d+$/.test(v)) b.p.line(`_ = ${v}`);
      return;
    }
    case 'Assign': {
      // `x = <arithmetic>` into an unboxed local: the result is never boxed.
      const t0 = st.targets[0]!;
      if (st.targets.length === 1 && isNumLocal(b, t0) && numOpOf(b, st.value)) {
        const n = numExpr(b, st.value);
        b.p.line(`${goLocal(t0.id)} = ${n}`);
        return;
      }
      const v = expr(b, st.value);
      for (const t of st.targets) assign(b, t, v);
      return;
    }
    case 'AugAssign': return augAssign(b, st);
    case 'Print': return print(b, st);
    case 'Pass': return;
    case 'If': {
      const c = truth(b, st.test);
      b.p.line(`if ${c} {`);
      b.p.indent(() => stmts(b, st.body));
      if (st.orelse.length) {
        b.p.line('} else {');
        b.p.indent(() => stmts(b, st.orelse));
      }
      b.p.line('}');
      return;
    }
    case 'While': return whileLoop(b, st);
    case 'For': return forLoop(b, st);
    case 'Break': return jump(b, CTL_BREAK, 'break');
    case 'Continue': return jump(b, CTL_CONTINUE, 'continue');
    case 'Return': return ret(b, st);
    case 'FunctionDef': return emitFunctionDef(b, st);
    case 'ClassDef': return emitClassDef(b, st);
    case 'Delete': for (const t of st.targets) del(b, t); return;
    case 'Global': return;
    case 'Assert': {
      const c = truth(b, st.test);
      b.p.line(`if ${not(c)} {`);
      b.p.indent(() => {
        // `assert c, m` raises AssertionError(m): m is one argument even when it is a tuple.
        const exc = st.msg ? call(b, `py.Call1(f, py.AssertionErrorType, ${expr(b, st.msg)})`) : 'py.AssertionErrorType';
        b.p.line(b.raise(`py.Raise(f, ${exc}, nil, nil)`));
      });
      b.p.line('}');
      return;
    }
    case 'Raise': {
      if (!st.type) {
        b.p.line(b.raise('py.Raise(f, nil, nil, nil)'));
        return;
      }
      const t = expr(b, st.type);
      const v = st.inst ? expr(b, st.inst) : 'nil';
      const tb = st.tback ? expr(b, st.tback) : 'nil';
      b.p.line(b.raise(`py.Raise(f, ${t}, ${v}, ${tb})`));
      return;
    }
    case 'TryExcept': return tryExcept(b, st);
    case 'TryFinally': return tryFinally(b, st);
    case 'With': return withStmt(b, st);
    case 'Import': return emitImport(b, st);
    case 'ImportFrom': return emitImportFrom(b, st);
    case 'Exec':
      // User code: reported by findBlocked (dynamic-exec), the module is not built. Stdlib: raises.
      if (b.mod.stdlib) {
        // An if, not a bare return: the statements after it stay reachable for go vet.
        b.p.line(`if err := ${execRaise()}; err != nil {`);
        b.p.indent(() => b.p.line(b.raise()));
        b.p.line('}');
      }
      return;
  }
}

/** `cur op= value`: evaluates the value and applies the in-place operator; returns the result. */
function inplace(b: Body, st: A.AugAssign, fn: string, cur: string): string {
  const op = numOpOf(b, st.value) || isNumLocal(b, st.value) ? numOp(st.op._type, b.mod.futures.division) : null;
  // An arithmetic value stays unboxed up to the in-place operation.
  if (op) {
    // The fast paths apply to plain numbers only (no in-place methods); NumOf keeps cur itself for
    // the generic path, so an object result is stored back as it came.
    const c = bind(b, `py.NumOf(${cur})`);
    const v = numExpr(b, st.value);
    return bind(b, `${numArith(b, op, c, v, `py.NumInplaceNum(f, py.${op}, ${c}, ${v})`)}.Object()`);
  }
  const v = expr(b, st.value);
  return call(b, `${fn}${cur}, ${v})`);
}

function augAssign(b: Body, st: A.AugAssign): void {
  const fn = inplaceFn(st.op._type, b.mod.futures.division);
  const t = st.target;
  const op = numOp(st.op._type, b.mod.futures.division);
  if (isNumLocal(b, t) && op) {
    // An unboxed local: int and float have no in-place methods, so the fast path is the binary one.
    const cur = numLocal(b, t.id);
    const v = numExpr(b, st.value);
    b.p.line(`${goLocal(t.id)} = ${numArith(b, op, cur, v, `py.NumInplaceNum(f, py.${op}, ${cur}, ${v})`)}`);
    return;
  }
  if (t._type === 'Name') {
    const cur = expr(b, t);
    assign(b, t, inplace(b, st, fn, cur));
    return;
  }
  if (t._type === 'Attribute') {
    const o = expr(b, t.value);
    const cur = call(b, `py.GetAttrSite(f, ${o}, ${nameConst(b, t.attr)}, &${b.mod.site()})`);
    const r = inplace(b, st, fn, cur);
    run(b, `py.SetAttrSite(f, ${o}, ${nameConst(b, t.attr)}, ${r}, &${b.mod.site()})`);
    return;
  }
  if (t._type === 'Subscript') {
    const o = expr(b, t.value);
    const sl = t.slice;
    if (sl._type === 'Slice' && sl.step === null) {
      const lo = sl.lower ? expr(b, sl.lower) : 'nil';
      const hi = sl.upper ? expr(b, sl.upper) : 'nil';
      const cur = call(b, `py.GetSlice(f, ${o}, ${lo}, ${hi})`);
      const r = inplace(b, st, fn, cur);
      run(b, `py.SetSlice(f, ${o}, ${lo}, ${hi}, ${r})`);
      return;
    }
    // (The key is read again for the store: not when a list comprehension in the value could rebind it.)
    const ni = hasListComp(st.value) ? null : numIndex(b, sl);
    if (ni) {
      const r = inplace(b, st, fn, getItemNum(b, o, ni));
      setItemNum(b, o, ni, r);
      return;
    }
    const k = sliceKey(b, sl);
    const cur = call(b, `py.GetItem(f, ${o}, ${k})`);
    const r = inplace(b, st, fn, cur);
    run(b, `py.SetItem(f, ${o}, ${k}, ${r})`);
    return;
  }
  b.mod.error(st, 'unsupported-target', `cannot augment-assign to ${t._type}`);
}

/** Does e contain a list comprehension (whose Python 2 loop variable leaks into this scope)? */
function hasListComp(e: unknown): boolean {
  if (!e || typeof e !== 'object') return false;
  if (Array.isArray(e)) return e.some(hasListComp);
  if ((e as { _type?: string })._type === 'ListComp') return true;
  return Object.values(e).some(hasListComp);
}

function print(b: Body, st: A.Print): void {
  // Each item is evaluated and printed before the next is evaluated (PRINT_ITEM), then the newline.
  const dest = st.dest ? expr(b, st.dest) : 'nil';
  for (const v of st.values) run(b, `py.Print(f, ${dest}, []py.Object{${expr(b, v)}}, false)`);
  if (st.nl) run(b, `py.Print(f, ${dest}, nil, true)`);
}

function del(b: Body, t: A.expr): void {
  switch (t._type) {
    case 'Name': deleteName(b, t.id); return;
    case 'Attribute': {
      const o = expr(b, t.value);
      run(b, `py.DelAttr(f, ${o}, ${goUtf8(t.attr)})`);
      return;
    }
    case 'Subscript': {
      const o = expr(b, t.value);
      const sl = t.slice;
      if (sl._type === 'Slice' && sl.step === null) {
        const lo = sl.lower ? expr(b, sl.lower) : 'nil';
        const hi = sl.upper ? expr(b, sl.upper) : 'nil';
        run(b, `py.DelSlice(f, ${o}, ${lo}, ${hi})`);
        return;
      }
      run(b, `py.DelItem(f, ${o}, ${sliceKey(b, sl)})`);
      return;
    }
    case 'Tuple': case 'List': for (const e of t.elts) del(b, e); return;
    default: b.mod.error(t, 'unsupported-target', `cannot delete ${t._type}`);
  }
}

/** break/continue: a Go jump when the loop is in this Go function, a control code from a try-closure otherwise. */
function jump(b: Body, code: number, goStmt: string): void {
  const loop = b.loops[b.loops.length - 1];
  if (loop === undefined) return;
  if (loop.depth === b.closureDepth) {
    const label = code === CTL_BREAK ? loop.brk : loop.cont;
    if (label) {
      label.used = true;
      b.p.line(`goto ${label.name}`);
    } else {
      b.p.line(goStmt);
    }
  } else {
    b.ctlUsed[b.closureDepth]!.add(code);
    b.p.line(`return ${code}, nil`);
  }
}

function ret(b: Body, st: A.Return): void {
  if (b.kind === 'generator') {
    if (st.value) b.mod.error(st, 'syntax-error', "'return' with argument inside generator");
    if (b.inClosure) {
      b.ctlUsed[b.closureDepth]!.add(CTL_RETURN);
      b.p.line('rv = nil');
      b.p.line(`return ${CTL_RETURN}, nil`);
    } else {
      b.p.line('return nil, nil');
    }
    return;
  }
  const v = st.value ? expr(b, st.value) : 'py.None';
  if (b.inClosure) {
    b.ctlUsed[b.closureDepth]!.add(CTL_RETURN);
    b.p.line(`rv = ${v}`);
    b.p.line(`return ${CTL_RETURN}, nil`);
  } else {
    b.p.line(`return ${v}, nil`);
  }
}

function loopBody(b: Body, body: A.stmt[]): void {
  b.loops.push({ depth: b.closureDepth });
  stmts(b, body);
  b.loops.pop();
}

function whileLoop(b: Body, st: A.While): void {
  const done = st.orelse.length ? b.mod.fresh('exhausted') : null;
  if (done) b.p.line(`${done} := false`);
  b.p.line('for {');
  b.p.indent(() => {
    // Each test is on the while's line (the body moved f.Line on).
    b.p.line(`f.Line = ${st.lineno}`);
    const c = truth(b, st.test);
    b.p.line(`if ${not(c)} {`);
    b.p.indent(() => {
      if (done) b.p.line(`${done} = true`);
      b.p.line('break');
    });
    b.p.line('}');
    loopBody(b, st.body);
  });
  b.p.line('}');
  if (done) {
    b.p.line(`if ${done} {`);
    b.p.indent(() => stmts(b, st.orelse));
    b.p.line('}');
  }
}

function forLoop(b: Body, st: A.For): void {
  const done = st.orelse.length ? b.mod.fresh('exhausted') : null;
  if (done) b.p.line(`${done} := false`);
  forEach(b, st.iter, st.target, () => loopBody(b, st.body), done ?? undefined, st.lineno);
  if (done) {
    b.p.line(`if ${done} {`);
    b.p.indent(() => stmts(b, st.orelse));
    b.p.line('}');
  }
}

/**
 * Runs `body` inside a Go closure `func() (int, *py.BaseException)` and returns the names of the
 * control-code and exception variables. The caller decides what the exception means.
 */
function closure(b: Body, body: () => void, ends = false): { ctl: string; exc: string; used: Set<number> } {
  const ctl = b.mod.fresh('ctl');
  const exc = b.mod.fresh('exc');
  b.p.line(`${ctl}, ${exc} := func() (int, *py.BaseException) {`);
  b.closureDepth++;
  b.ctlUsed.push(new Set());
  b.p.indent(() => {
    body();
    if (!ends) b.p.line('return 0, nil');
  });
  const used = b.ctlUsed.pop()!;
  b.closureDepth--;
  b.p.line('}()');
  return { ctl, exc, used };
}

/** After a try-closure: re-issue the return/break/continue it reported, in the current context. */
function propagate(b: Body, ctl: string, used: Set<number>): void {
  if (used.size === 0) {
    b.p.line(`_ = ${ctl}`);
    return;
  }
  for (const code of [CTL_RETURN, CTL_BREAK, CTL_CONTINUE]) {
    if (!used.has(code)) continue;
    b.p.line(`if ${ctl} == ${code} {`);
    b.p.indent(() => {
      if (code === CTL_RETURN) {
        if (b.inClosure) {
          b.ctlUsed[b.closureDepth]!.add(CTL_RETURN);
          b.p.line(`return ${CTL_RETURN}, nil`);
        } else if (b.kind === 'generator') {
          b.p.line('return nil, nil');
        } else {
          b.p.line('return rv, nil');
        }
      } else {
        jump(b, code, code === CTL_BREAK ? 'break' : 'continue');
      }
    });
    b.p.line('}');
  }
}

/** Functions with try statements keep a pending return value in `rv`. */
export function needsRv(body: A.stmt[]): boolean {
  const walk = (ss: A.stmt[]): boolean => ss.some((s) => {
    switch (s._type) {
      case 'TryExcept': case 'TryFinally': case 'With': return true;
      case 'If': case 'While': case 'For': return walk(s.body) || walk(s.orelse);
      default: return false;
    }
  });
  return walk(body);
}

function tryExcept(b: Body, st: A.TryExcept): void {
  const { ctl, exc, used } = closure(b, () => stmts(b, st.body), terminates(st.body));
  b.p.line(`if ${exc} != nil {`);
  b.p.indent(() => {
    b.p.line(`f.Catch(${exc})`);
    b.p.line(`${exc}Line := f.Line`);
    handlers(b, st.handlers, exc);
  });
  if (st.orelse.length) {
    b.p.line(`} else if ${ctl} == 0 {`);
    b.p.indent(() => stmts(b, st.orelse));
  }
  b.p.line('}');
  propagate(b, ctl, used);
}

function handlers(b: Body, hs: A.ExceptHandler[], exc: string): void {
  const rec = (i: number): void => {
    if (i === hs.length) {
      // No handler matched: the traceback keeps the line the exception came from.
      b.p.line(`f.Line = ${exc}Line`);
      b.p.line(b.raise(exc));
      return;
    }
    const h = hs[i]!;
    const body = (): void => {
      b.p.line(`f.Line = ${h.lineno}`);
      if (h.name) assign(b, h.name, `${exc}.Value()`);
      stmts(b, h.body);
    };
    if (!h.type) {
      b.p.line(`_ = ${exc}Line`);
      body();
      return;
    }
    b.p.line(`f.Line = ${h.lineno}`);
    const t = expr(b, h.type);
    b.p.line(`if py.ExceptionMatches(f, ${exc}, ${t}) {`);
    b.p.indent(body);
    b.p.line('} else {');
    b.p.indent(() => rec(i + 1));
    b.p.line('}');
  };
  if (hs.some((h) => h.type)) b.p.line(`_ = ${exc}Line`);
  rec(0);
}

function tryFinally(b: Body, st: A.TryFinally): void {
  const { ctl, exc, used } = closure(b, () => stmts(b, st.body), terminates(st.body));
  const line = b.mod.fresh('line');
  b.p.line(`${line} := f.Line`);
  b.p.line(`if ${exc} != nil {`);
  b.p.indent(() => b.p.line(`f.Catch(${exc})`));
  b.p.line('}');
  if (terminates(st.finalbody)) {
    // return/break/continue in finally discards the pending exception and control code.
    b.p.line(`_, _ = ${ctl}, ${line}`);
    stmts(b, st.finalbody);
    return;
  }
  stmts(b, st.finalbody);
  b.p.line(`if ${exc} != nil {`);
  b.p.indent(() => {
    b.p.line(`f.Line = ${line}`);
    b.p.line(b.raise(exc));
  });
  b.p.line('}');
  propagate(b, ctl, used);
}

function withStmt(b: Body, st: A.With): void {
  const mgr = expr(b, st.context_expr);
  const exit = b.mod.fresh('exit');
  const val = b.mod.fresh('val');
  b.p.line(`${exit}, ${val}, err := py.WithEnter(f, ${mgr})`);
  b.check();
  const { ctl, exc, used } = closure(b, () => {
    if (st.optional_vars) assign(b, st.optional_vars, val);
    else b.p.line(`_ = ${val}`);
    stmts(b, st.body);
  }, terminates(st.body));
  b.p.line(`if ${exc} != nil {`);
  b.p.indent(() => {
    b.p.line(`f.Catch(${exc})`);
    const line = b.mod.fresh('line');
    b.p.line(`${line} := f.Line`);
    const sup = b.mod.fresh('suppress');
    b.p.line(`${sup}, err := py.WithExit(f, ${exit}, ${exc})`);
    b.check();
    b.p.line(`if !${sup} {`);
    b.p.indent(() => {
      b.p.line(`f.Line = ${line}`);
      b.p.line(b.raise(exc));
    });
    b.p.line('}');
  });
  b.p.line('} else {');
  b.p.indent(() => {
    b.p.line(`if _, err := py.WithExit(f, ${exit}, nil); err != nil {`);
    b.p.indent(() => b.p.line(b.raise()));
    b.p.line('}');
  });
  b.p.line('}');
  propagate(b, ctl, used);
}

/**
 * Does the Go code for this statement list end in a terminating statement (Go spec sense)?
 * Then no fall-off `return` may follow it, or `go vet` reports unreachable code.
 */
export function terminates(body: A.stmt[]): boolean {
  const last = body[body.length - 1];
  if (!last) return false;
  switch (last._type) {
    // break/continue only end a statement list inside a loop body or a try-closure, where the
    // caller emits nothing after it (or they became `return code, nil`).
    case 'Return': case 'Raise': case 'Break': case 'Continue': return true;
    case 'If': return last.orelse.length > 0 && terminates(last.body) && terminates(last.orelse);
    // A finally that always leaves is the last Go statement emitted for the try.
    case 'TryFinally': return terminates(last.finalbody);
    default: return false;
  }
}
