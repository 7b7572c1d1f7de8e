// Expression lowering. Each function emits the statements that compute a Python expression and
// returns a Go expression naming the result (a temporary or a package constant). Every fallible
// runtime call is followed by an error check that leaves through the body's current exit.

import type * as A from '../ast/nodes.js';
import type { Body } from './context.js';
import { access } from './scope.js';
import { goBytes, goLocal, goUtf8, hasLocalsDict, hiddenParam, LOCALS_DICT } from './goliteral.js';
import { binaryFn, compareCall, numOp, unaryFn } from './rt.js';
import { emitComprehensionScope, emitLambda } from './func.js';
import { varnamesOf } from './varnames.js';

/** `t, err := call` + check; returns t. */
export function call(b: Body, callExpr: string): string {
  const t = b.mod.fresh();
  b.p.line(`${t}, err := ${callExpr}`);
  b.check();
  return t;
}

/** `t := value` for an infallible expression that must be evaluated exactly once. */
export function bind(b: Body, value: string): string {
  const t = b.mod.fresh();
  b.p.line(`${t} := ${value}`);
  return t;
}

/** A fallible call returning only an error. */
export function run(b: Body, callExpr: string): void {
  b.p.line(`if err := ${callExpr}; err != nil {`);
  b.p.indent(() => b.p.line(b.raise()));
  b.p.line('}');
}

/** Go negation of a bool expression from truth(): parenthesised unless it is one operand. */
export function not(c: string): string {
  return /^!*[\wµ]+$/.test(c) ? `!${c}` : `!(${c})`;
}

/** Evaluates e for its truth value; returns a Go bool expression. */
export function truth(b: Body, e: A.expr): string {
  if (e._type === 'UnaryOp' && e.op._type === 'Not') {
    return not(truth(b, e.operand));
  }
  if (e._type === 'Compare' && e.ops.length === 1) {
    const op = e.ops[0]!._type;
    const rich: Partial<Record<A.CmpOpName, string>> = { Eq: 'EQ', NotEq: 'NE', Lt: 'LT', LtE: 'LE', Gt: 'GT', GtE: 'GE' };
    // (A number literal too: `x > 1000` compares two plain ints without the generic dispatch.)
    const unboxed = (x: A.expr): boolean => numOpOf(b, x) !== null || isNumLocal(b, x) ||
      (x._type === 'Num' && (x.n.kind === 'int' || x.n.kind === 'float'));
    if (rich[op] && (unboxed(e.left) || unboxed(e.comparators[0]!))) {
      const l = numExpr(b, e.left);
      const r = numExpr(b, e.comparators[0]!);
      // Two plain ints compare inline; anything else through NumCompareBool.
      const fast = { Eq: 'EqFast', NotEq: 'NeFast', Lt: 'LtFast', LtE: 'LeFast', Gt: 'GtFast', GtE: 'GeFast' }[op as string];
      return fastOrCall(b, `py.${fast}(${l}, ${r})`, `py.NumCompareBool(f, py.${rich[op]}, ${l}, ${r})`);
    }
    const l = expr(b, e.left);
    const r = expr(b, e.comparators[0]!);
    if (op === 'Is') return `${l} == ${r}`;
    if (op === 'IsNot') return `${l} != ${r}`;
    if (op === 'In') return call(b, `py.Contains(f, ${r}, ${l})`);
    if (op === 'NotIn') return `!${call(b, `py.Contains(f, ${r}, ${l})`)}`;
    return call(b, `py.CompareBool(f, py.${rich[op]}, ${l}, ${r})`);
  }
  if (e._type === 'BoolOp') return boolTruth(b, e);
  if (numOpOf(b, e) || isNumLocal(b, e)) {
    const n = numExpr(b, e);
    return fastOrCall(b, `py.TruthFast(${n})`, `py.NumTruth(f, ${n})`);
  }
  const v = expr(b, e);
  const t = b.mod.fresh();
  b.p.line(`${t}, err := py.IsTrue(f, ${v})`);
  b.check();
  return t;
}

/**
 * `a or b` / `a and b` as a test: each operand's truth is taken once and short-circuits in Go, as
 * CPython's peephole-optimised jumps do (never the truth of the value the BoolOp would return).
 */
function boolTruth(b: Body, e: A.BoolOp): string {
  const t = b.mod.fresh();
  b.p.line(`var ${t} bool`);
  const rec = (i: number): void => {
    b.p.line(`${t} = ${truth(b, e.values[i]!)}`);
    if (i === e.values.length - 1) return;
    b.p.line(e.op._type === 'And' ? `if ${t} {` : `if !${t} {`);
    b.p.indent(() => rec(i + 1));
    b.p.line('}');
  };
  rec(0);
  return t;
}

/** The runtime Op of a BinOp that the unboxed Num path handles, or null. */
export function numOpOf(b: Body, e: A.expr): string | null {
  return e._type === 'BinOp' ? numOp(e.op._type, b.mod.futures.division) : null;
}

/** A BinOp with another such BinOp or an unboxed local as an operand: worth computing unboxed. */
function numTree(b: Body, e: A.BinOp): boolean {
  const unboxed = (x: A.expr): boolean => numOpOf(b, x) !== null || isNumLocal(b, x);
  return numOpOf(b, e) !== null && (unboxed(e.left) || unboxed(e.right));
}

/** A load of a local held unboxed (numlocals.ts). */
export function isNumLocal(b: Body, e: A.expr): e is A.Name {
  return e._type === 'Name' && b.numLocals.has(e.id);
}

/** The current py.Num value of an unboxed local (after its unbound check), bound once. */
export function numLocal(b: Body, id: string): string {
  checkNumBound(b, id);
  return bind(b, goLocal(id));
}

function checkNumBound(b: Body, id: string): void {
  if (b.definitelyBound(id)) return;
  b.p.line(`if !${goLocal(id)}.Bound() {`);
  b.p.indent(() => b.p.line(b.raise(`py.UnboundLocal(${goUtf8(id)})`)));
  b.p.line('}');
}

/** `t, ok := fast; if !ok { t, err = slow }` for two Go expressions of the same result type. */
export function fastOrCall(b: Body, fast: string, slow: string): string {
  const t = b.mod.fresh();
  const ok = b.mod.fresh('ok');
  b.p.line(`${t}, ${ok} := ${fast}`);
  b.p.line(`if !${ok} {`);
  b.p.indent(() => {
    b.p.line('var err *py.BaseException');
    b.p.line(`if ${t}, err = ${slow}; err != nil {`);
    b.p.indent(() => b.p.line(b.raise()));
    b.p.line('}');
  });
  b.p.line('}');
  return t;
}

/** An index evaluated as a py.Num (`num`) with its object form for the generic path (`box`). */
export interface NumKey {
  num: string;
  box: string;
}

/** The key of x[k] as a NumKey when k is an unboxed local or an int literal (emits its evaluation). */
export function numIndex(b: Body, sl: A.slice): NumKey | null {
  if (sl._type !== 'Index') return null;
  const v = sl.value;
  if (isNumLocal(b, v)) return { num: numLocal(b, v.id), box: `${goLocal(v.id)}.Box()` };
  if (v._type === 'Num' && v.n.kind === 'int') return { num: numExpr(b, v), box: num(b, v.n) };
  return null;
}

/** o[key]: a list indexed by a plain int without boxing the int or calling the generic GetItem. */
export function getItemNum(b: Body, o: string, key: NumKey): string {
  return fastOrCall(b, `py.ListItemNum(${o}, ${key.num})`, `py.GetItem(f, ${o}, ${key.box})`);
}

/** o[key] = v. */
export function setItemNum(b: Body, o: string, key: NumKey, v: string): void {
  b.p.line(`if !py.SetListItemNum(${o}, ${key.num}, ${v}) {`);
  b.p.indent(() => run(b, `py.SetItem(f, ${o}, ${key.box}, ${v})`));
  b.p.line('}');
}

/**
 * Evaluates e as a py.Num (runtime-go/py/num.go): nested arithmetic keeps its intermediate ints and
 * floats unboxed; every other operand is evaluated as usual, in the same order, and enters by
 * NumOf. Returns a Go expression of type py.Num.
 */
export function numExpr(b: Body, e: A.expr): string {
  const op = numOpOf(b, e);
  if (!op || e._type !== 'BinOp') {
    if (e._type === 'Num' && (e.n.kind === 'int' || e.n.kind === 'float')) {
      return b.mod.constant(`n${e.n.kind}:${e.n.value}`, `py.NumOf(${num(b, e.n)})`);
    }
    if (isNumLocal(b, e)) return numLocal(b, e.id);
    // m.fn(x) in arithmetic (math.sqrt(d2)): the result stays unboxed when m.fn is a module builtin
    // with a float fast path; anything else is the ordinary CallMethod1. The argument is passed as
    // the object itself, so a callee that keeps it sees the very same object.
    if (e._type === 'Call' && e.func._type === 'Attribute' && e.args.length === 1 && !e.keywords.length &&
      !e.starargs && !e.kwargs) {
      const o = expr(b, e.func.value);
      const arg = e.args[0]!;
      if (isNumLocal(b, arg)) {
        // An unboxed argument is boxed (once, kept in the local) only when the fast path misses.
        const a = numLocal(b, arg.id);
        const name = nameConst(b, e.func.attr);
        return fastOrCall(b, `py.Float1Num(${o}, ${name}, ${a})`, `py.CallMethodNum1(f, ${o}, ${name}, ${goLocal(arg.id)}.Box())`);
      }
      const a = expr(b, arg);
      return call(b, `py.CallMethodNum1(f, ${o}, ${nameConst(b, e.func.attr)}, ${a})`);
    }
    return bind(b, `py.NumOf(${expr(b, e)})`);
  }
  const l = numExpr(b, e.left);
  const r = numExpr(b, e.right);
  return numArith(b, op, l, r, `py.NumBinary(f, py.${op}, ${l}, ${r})`);
}

/**
 * op on two py.Num operands: the inlinable int fast path, then the inlinable float one, and `slow`
 * (NumBinary, or NumInplaceNum for an unboxed local) only when both miss (mixed operands,
 * overflow, objects, errors). Returns the py.Num result.
 */
export function numArith(b: Body, op: string, l: string, r: string, slow: string): string {
  const fasts = [NUM_FAST[op], FLOAT_FAST[op]].filter((x): x is string => x !== undefined);
  if (!fasts.length) return call(b, slow);
  const t = b.mod.fresh();
  const ok = b.mod.fresh('ok');
  b.p.line(`${t}, ${ok} := py.${fasts[0]}(${l}, ${r})`);
  const miss = (i: number): void => {
    if (i < fasts.length) {
      b.p.line(`if ${t}, ${ok} = py.${fasts[i]}(${l}, ${r}); !${ok} {`);
      b.p.indent(() => miss(i + 1));
      b.p.line('}');
      return;
    }
    b.p.line('var err *py.BaseException');
    b.p.line(`if ${t}, err = ${slow}; err != nil {`);
    b.p.indent(() => b.p.line(b.raise()));
    b.p.line('}');
  };
  b.p.line(`if !${ok} {`);
  b.p.indent(() => miss(1));
  b.p.line('}');
  return t;
}

const FLOAT_FAST: Partial<Record<string, string>> = {
  OpAdd: 'AddFloat', OpSub: 'SubFloat', OpMul: 'MulFloat', OpDiv: 'DivFloat', OpTrueDiv: 'DivFloat',
};

export const NUM_FAST: Partial<Record<string, string>> = {
  OpAdd: 'AddFast', OpSub: 'SubFast', OpMul: 'MulFast', OpMod: 'ModFast', OpAnd: 'AndFast', OpOr: 'OrFast', OpXor: 'XorFast',
};

export function exprs(b: Body, es: A.expr[]): string[] {
  return es.map((e) => expr(b, e));
}

function list(items: string[]): string {
  return `[]py.Object{${items.join(', ')}}`;
}

export function expr(b: Body, e: A.expr): string {
  switch (e._type) {
    case 'Num': return num(b, e.n);
    case 'Str': return str(b, e.s);
    case 'Name': return loadName(b, e.id, e);
    case 'Attribute': {
      const o = expr(b, e.value);
      return call(b, `py.GetAttrSite(f, ${o}, ${nameConst(b, e.attr)}, &${b.mod.site()})`);
    }
    case 'Subscript': return subscript(b, e);
    case 'BinOp': {
      if (numTree(b, e)) return bind(b, `${numExpr(b, e)}.Object()`);
      const l = expr(b, e.left);
      const r = expr(b, e.right);
      return call(b, `${binaryFn(e.op._type, b.mod.futures.division)}(f, ${l}, ${r})`);
    }
    case 'UnaryOp': {
      if (e.op._type === 'Not') {
        const t = truth(b, e.operand);
        return `py.NewBool(${not(t)})`;
      }
      const v = expr(b, e.operand);
      return call(b, `${unaryFn(e.op._type)}(f, ${v})`);
    }
    case 'BoolOp': return boolOp(b, e);
    case 'Compare': return compare(b, e);
    case 'IfExp': {
      const t = b.mod.fresh();
      b.p.line(`var ${t} py.Object`);
      const c = truth(b, e.test);
      b.p.line(`if ${c} {`);
      b.p.indent(() => b.p.line(`${t} = ${expr(b, e.body)}`));
      b.p.line('} else {');
      b.p.indent(() => b.p.line(`${t} = ${expr(b, e.orelse)}`));
      b.p.line('}');
      return t;
    }
    case 'Call': return callExpr(b, e);
    // Displays build a new object: bind it once, so `x = y = []` shares one list.
    case 'Tuple': return bind(b, `py.NewTuple(${exprs(b, e.elts).join(', ')})`);
    case 'List': return bind(b, `py.NewList(${exprs(b, e.elts).join(', ')})`);
    case 'Set': return call(b, `py.NewSetFrom(f, ${list(exprs(b, e.elts))})`);
    case 'Dict': {
      const t = b.mod.fresh();
      b.p.line(`${t} := py.NewDictPresized(${e.keys.length})`);
      e.keys.forEach((k, i) => {
        // CPython 2.7 evaluates the value before the key in a display.
        const v = expr(b, e.values[i]!);
        const kk = expr(b, k);
        run(b, `${t}.SetItem(f, ${kk}, ${v})`);
      });
      return t;
    }
    case 'Repr': {
      const v = expr(b, e.value);
      return call(b, `py.Repr(f, ${v})`);
    }
    case 'Lambda': return emitLambda(b, e);
    case 'ListComp': return listComp(b, e);
    case 'GeneratorExp': case 'SetComp': case 'DictComp':
      return emitComprehensionScope(b, e);
    case 'Yield': {
      if (b.kind !== 'generator') {
        b.mod.error(e, 'unsupported-yield', "'yield' outside a function is not supported");
        return 'py.None';
      }
      const v = e.value ? expr(b, e.value) : 'py.None';
      return call(b, `gen.Yield(f, ${v})`);
    }
  }
}

export function num(b: Body, n: A.PyNumValue): string {
  switch (n.kind) {
    case 'int': return b.mod.constant(`i:${n.value}`, `py.NewInt(${n.value})`);
    case 'long': return b.mod.constant(`l:${n.value}`, `py.NewLongFromString(${goBytes(n.value)})`);
    case 'float': return b.mod.constant(`f:${n.value}`, `py.NewFloat(${goFloat(n.value)})`);
    case 'complex': return b.mod.constant(`c:${n.real}:${n.imag}`, `py.NewComplex(${goFloat(n.real)}, ${goFloat(n.imag)})`);
  }
}

/** A Go expression for a float in Python repr form (non-finite values and -0.0 via the runtime). */
function goFloat(v: string): string {
  // Go constants have no infinities or negative zero; these few come from the math package.
  if (v === 'inf') return 'math.Inf(1)';
  if (v === '-inf') return 'math.Inf(-1)';
  if (v === 'nan') return 'math.NaN()';
  if (v === '-0.0') return 'math.Copysign(0, -1)';
  return /[.e]/.test(v) ? v : `${v}.0`;
}

export function str(b: Body, s: A.PyStrValue): string {
  if (typeof s === 'string') return b.mod.strConst(s);
  if (s.codePoints) {
    return b.mod.constant(`u:${s.codePoints.join(',')}`, `py.NewUnicodeRunes([]rune{${s.codePoints.join(', ')}})`);
  }
  return b.mod.constant(`u:${s.value}`, `py.NewUnicode(${goUtf8(s.value)})`);
}

/** A Go *py.Str constant for an identifier (interned per module; its hash is computed once). */
export function nameConst(b: Body, id: string): string {
  return b.mod.strConst(id);
}

export function loadName(b: Body, id: string, at: { lineno: number; col_offset: number }): string {
  void at;
  // 2.7 compiles None as a constant (binding the name is a SyntaxError): no global lookup.
  if (id === 'None') return 'py.None';
  const how = access(b.scope, id);
  switch (how) {
    case 'fast': {
      const v = goLocal(id);
      if (b.numLocals.has(id)) {
        checkNumBound(b, id);
        return bind(b, `${v}.Box()`);
      }
      if (!b.definitelyBound(id)) {
        b.p.line(`if ${v} == nil {`);
        b.p.indent(() => b.p.line(b.raise(`py.UnboundLocal(${goUtf8(id)})`)));
        b.p.line('}');
      }
      return v;
    }
    case 'cell': case 'free': {
      const t = b.mod.fresh();
      b.p.line(`${t} := ${goLocal(id)}.Get()`);
      b.p.line(`if ${t} == nil {`);
      b.p.indent(() => b.p.line(b.raise(how === 'cell' ? `py.UnboundLocal(${goUtf8(id)})` : `py.UnboundFree(${goUtf8(id)})`)));
      b.p.line('}');
      return t;
    }
    case 'global': return call(b, `py.LoadGlobal(f, ${nameConst(b, id)})`);
    case 'name':
      if (b.ns) return call(b, `py.LoadClassName(f, ${b.ns}, ${nameConst(b, id)})`);
      return call(b, `py.LoadName(f, ${nameConst(b, id)})`);
  }
}

function subscript(b: Body, e: A.Subscript): string {
  const o = expr(b, e.value);
  const sl = e.slice;
  if (sl._type === 'Slice' && sl.step === null) {
    const lo = sl.lower ? expr(b, sl.lower) : 'nil';
    const hi = sl.upper ? expr(b, sl.upper) : 'nil';
    return call(b, `py.GetSlice(f, ${o}, ${lo}, ${hi})`);
  }
  const ni = numIndex(b, sl);
  if (ni) return getItemNum(b, o, ni);
  const k = sliceKey(b, sl);
  return call(b, `py.GetItem(f, ${o}, ${k})`);
}

/** The key object for x[...]: an index value, a slice object, Ellipsis, or a tuple of those. */
export function sliceKey(b: Body, sl: A.slice): string {
  switch (sl._type) {
    case 'Index': return expr(b, sl.value);
    case 'Ellipsis': return 'py.Ellipsis';
    case 'Slice': {
      const lo = sl.lower ? expr(b, sl.lower) : 'py.None';
      const hi = sl.upper ? expr(b, sl.upper) : 'py.None';
      const st = sl.step ? expr(b, sl.step) : 'py.None';
      return `py.NewSlice(${lo}, ${hi}, ${st})`;
    }
    case 'ExtSlice': return `py.NewTuple(${sl.dims.map((d) => sliceKey(b, d)).join(', ')})`;
  }
}

function boolOp(b: Body, e: A.BoolOp): string {
  const t = b.mod.fresh();
  b.p.line(`var ${t} py.Object`);
  const rec = (i: number): void => {
    b.p.line(`${t} = ${expr(b, e.values[i]!)}`);
    if (i === e.values.length - 1) return;
    const c = b.mod.fresh();
    b.p.line(`${c}, err := py.IsTrue(f, ${t})`);
    b.check();
    b.p.line(e.op._type === 'And' ? `if ${c} {` : `if ${not(c)} {`);
    b.p.indent(() => rec(i + 1));
    b.p.line('}');
  };
  rec(0);
  return t;
}

function compare(b: Body, e: A.Compare): string {
  const left = expr(b, e.left);
  if (e.ops.length === 1) {
    const right = expr(b, e.comparators[0]!);
    return compareOne(b, e.ops[0]!._type, left, right);
  }
  // a < b < c: each operand evaluated once, stop at the first false result.
  const t = b.mod.fresh();
  b.p.line(`var ${t} py.Object`);
  const rec = (i: number, l: string): void => {
    const r = expr(b, e.comparators[i]!);
    b.p.line(`${t} = ${compareOne(b, e.ops[i]!._type, l, r)}`);
    if (i === e.ops.length - 1) return;
    const ok = b.mod.fresh();
    b.p.line(`${ok}, err := py.IsTrue(f, ${t})`);
    b.check();
    b.p.line(`if ${ok} {`);
    b.p.indent(() => rec(i + 1, r));
    b.p.line('}');
  };
  rec(0, left);
  return t;
}

function compareOne(b: Body, op: A.CmpOpName, l: string, r: string): string {
  if (op === 'In' || op === 'NotIn') {
    const t = call(b, `py.Contains(f, ${r}, ${l})`);
    return op === 'In' ? `py.NewBool(${t})` : `py.NewBool(!${t})`;
  }
  const c = compareCall(op, l, r);
  return c.fallible ? call(b, c.call) : c.call;
}

/** Methods whose result keeps the file in use (an iterator over it, or the file itself). */
const KEEPS_FILE = new Set(['__iter__', 'xreadlines', '__enter__']);

/**
 * `open(...).m(...)`: nothing else holds that file, so CPython frees (and closes) it as soon as the
 * call returns; the transpiler closes it there, so a write is on disk by the next statement.
 */
function isTemporaryFile(b: Body, recv: A.expr, method: string): boolean {
  if (recv._type !== 'Call' || recv.func._type !== 'Name' || KEEPS_FILE.has(method)) return false;
  const id = recv.func.id;
  if (id !== 'open' && id !== 'file') return false;
  const how = access(b.scope, id);
  return (how === 'global' || how === 'name') && !b.mod.table.module.bound.has(id);
}

function callExpr(b: Body, e: A.Call): string {
  const special = specialCall(b, e);
  if (special) return special;
  // obj.method(...) without star-args goes through CallMethod: no bound-method allocation.
  if (e.func._type === 'Attribute' && !e.starargs && !e.kwargs) {
    const o = expr(b, e.func.value);
    const args = exprs(b, e.args);
    const kw = kwargs(b, e.keywords);
    const name = nameConst(b, e.func.attr);
    const r = kw === 'nil' && args.length <= 2
      ? call(b, `py.CallMethod${args.length}(f, ${[o, name, ...args].join(', ')})`)
      : call(b, `py.CallMethodStr(f, ${o}, ${name}, ${args.length ? list(args) : 'nil'}, ${kw})`);
    if (isTemporaryFile(b, e.func.value, e.func.attr)) b.p.line(`py.CloseTemporaryFile(f, ${o})`);
    return r;
  }
  const fn = expr(b, e.func);
  const args = exprs(b, e.args);
  const kw = kwargs(b, e.keywords);
  if (e.starargs || e.kwargs) {
    const st = e.starargs ? expr(b, e.starargs) : 'nil';
    const ss = e.kwargs ? expr(b, e.kwargs) : 'nil';
    return call(b, `py.CallStar(f, ${fn}, ${args.length ? list(args) : 'nil'}, ${kw}, ${st}, ${ss})`);
  }
  if (kw === 'nil' && args.length <= 3) return call(b, `py.Call${args.length}(f, ${[fn, ...args].join(', ')})`);
  return call(b, `py.Call(f, ${fn}, ${args.length ? list(args) : 'nil'}, ${kw})`);
}

function kwargs(b: Body, kws: A.keyword[]): string {
  if (kws.length === 0) return 'nil';
  const items = kws.map((k) => `{Name: ${goUtf8(k.arg)}, Value: ${expr(b, k.value)}}`);
  return `py.Kwargs{${items.join(', ')}}`;
}

/** Builtins that need the caller's scope: locals(), vars() and globals() with no arguments. */
function specialCall(b: Body, e: A.Call): string | null {
  if (e.func._type !== 'Name' || e.args.length || e.keywords.length || e.starargs || e.kwargs) return null;
  const id = e.func.id;
  const how = access(b.scope, id);
  if (how !== 'global' && how !== 'name') return null;
  if (b.scope.kind === 'class' && b.scope.bound.has(id)) return null;
  if (id !== 'locals' && id !== 'vars') return null;
  if (b.scope.kind === 'module') return 'f.Globals';
  if (b.scope.kind === 'class') return b.ns!;
  // A function's locals() is its frame's one dict, refreshed from the bound locals on each call
  // (a name unbound since the last call leaves it), as CPython's frame does.
  if (!hasLocalsDict(b.scope)) throw new Error(`locals() in a ${b.scope.kind} scope without a locals dict`);
  const t = LOCALS_DICT;
  b.p.line(`if ${t} == nil {`);
  b.p.indent(() => b.p.line(`${t} = py.NewDict()`));
  b.p.line('}');
  // In CPython's order: co_varnames backwards, then the cell and free variables, each backwards.
  const cells = [...b.scope.cells].sort().reverse();
  const locals = [...varnamesOf(b.scope)].reverse();
  for (const n of [...locals, ...cells, ...[...b.scope.frees].sort().reverse()]) {
    const k = nameConst(b, n);
    if (n.startsWith('.')) {
      // A hidden argument: a comprehension's iterator, or a tuple parameter kept whole.
      const v = b.scope.kind === 'comprehension' ? b.dotZero : hiddenParam(Number(n.slice(1)));
      if (v) run(b, `${t}.SetItem(f, ${k}, ${v})`);
      continue;
    }
    const v = access(b.scope, n) === 'fast' ? goLocal(n) : `${goLocal(n)}.Get()`;
    b.p.line(`if v := ${v}; v != nil {`);
    b.p.indent(() => run(b, `${t}.SetItem(f, ${k}, v)`));
    b.p.line(`} else if had, _ := ${t}.Contains(f, ${k}); had {`);
    b.p.indent(() => run(b, `${t}.DelItem(f, ${k})`));
    b.p.line('}');
  }
  return t;
}

function listComp(b: Body, e: A.ListComp): string {
  const t = b.mod.fresh();
  b.p.line(`${t} := py.NewList()`);
  const rec = (i: number): void => {
    if (i === e.generators.length) {
      const v = expr(b, e.elt);
      b.p.line(`${t}.Append(${v})`);
      return;
    }
    const g = e.generators[i]!;
    forEach(b, g.iter, g.target, () => {
      for (const cond of g.ifs) {
        const c = truth(b, cond);
        b.p.line(`if ${not(c)} {`);
        b.p.indent(() => b.p.line('continue'));
        b.p.line('}');
      }
      rec(i + 1);
    });
  };
  rec(0);
  return t;
}

/**
 * `for target in iter: body` as a Go loop over py.Next. The body callback emits inside the loop;
 * `continue` and `break` in it act on this loop. Returns nothing; the exhausted flag is optional.
 */
export function forEach(b: Body, iterE: A.expr, target: A.expr, body: () => void, exhausted?: string, line?: number): void {
  // `for x in range(...)`: py.IterCall yields the ints lazily when the callee is the builtin range
  // (checked at run time, so a rebound `range` still gets its own call).
  if (iterE._type === 'Call' && iterE.func._type === 'Name' && iterE.func.id === 'range' && iterE.args.length >= 1 &&
    iterE.args.length <= 3 && !iterE.keywords.length && !iterE.starargs && !iterE.kwargs) {
    const fn = expr(b, iterE.func);
    const args = exprs(b, iterE.args);
    const it = call(b, `py.IterCall(f, ${[fn, ...args].join(', ')})`);
    loopOver(b, it, target, body, exhausted, line);
    return;
  }
  const seq = expr(b, iterE);
  forEachValue(b, seq, target, body, exhausted, line);
}

/** `line`: the for statement's line, set again before each next() so errors there point at it. */
export function forEachValue(b: Body, seq: string, target: A.expr, body: () => void, exhausted?: string, line?: number): void {
  loopOver(b, call(b, `py.Iter(f, ${seq})`), target, body, exhausted, line);
}

function loopOver(b: Body, it: string, target: A.expr, body: () => void, exhausted?: string, line?: number): void {
  b.p.line('for {');
  b.p.indent(() => {
    if (line !== undefined) b.p.line(`f.Line = ${line}`);
    const item = b.mod.fresh();
    // An unboxed loop variable takes range/xrange ints without boxing them.
    const unboxed = isNumLocal(b, target);
    const more = unboxed ? b.mod.fresh('more') : '';
    b.p.line(unboxed ? `${item}, ${more}, err := py.NextNum(f, ${it})` : `${item}, err := py.Next(f, ${it})`);
    b.check();
    b.p.line(unboxed ? `if !${more} {` : `if ${item} == nil {`);
    b.p.indent(() => {
      if (exhausted) b.p.line(`${exhausted} = true`);
      b.p.line('break');
    });
    b.p.line('}');
    if (unboxed) b.p.line(`${goLocal(target.id)} = ${item}`);
    else assign(b, target, item);
    body();
  });
  b.p.line('}');
}

/** Stores value into an assignment target (names, attributes, items, slices, nested unpacking). */
export function assign(b: Body, target: A.expr, value: string): void {
  switch (target._type) {
    case 'Name': storeName(b, target.id, value); return;
    case 'Attribute': {
      const o = expr(b, target.value);
      run(b, `py.SetAttrSite(f, ${o}, ${nameConst(b, target.attr)}, ${value}, &${b.mod.site()})`);
      return;
    }
    case 'Subscript': {
      const o = expr(b, target.value);
      const sl = target.slice;
      if (sl._type === 'Slice' && sl.step === null) {
        const lo = sl.lower ? expr(b, sl.lower) : 'nil';
        const hi = sl.upper ? expr(b, sl.upper) : 'nil';
        run(b, `py.SetSlice(f, ${o}, ${lo}, ${hi}, ${value})`);
        return;
      }
      const ni = numIndex(b, sl);
      if (ni) {
        setItemNum(b, o, ni, value);
        return;
      }
      const k = sliceKey(b, sl);
      run(b, `py.SetItem(f, ${o}, ${k}, ${value})`);
      return;
    }
    case 'Tuple': case 'List': {
      const t = b.mod.fresh();
      b.p.line(`${t}, err := py.Unpack(f, ${value}, ${target.elts.length})`);
      b.check();
      target.elts.forEach((el, i) => assign(b, el, `${t}[${i}]`));
      return;
    }
    default:
      b.mod.error(target, 'unsupported-target', `cannot assign to ${target._type}`);
  }
}

export function storeName(b: Body, id: string, value: string): void {
  const how = access(b.scope, id);
  switch (how) {
    case 'fast':
      if (b.numLocals.has(id)) b.p.line(`${goLocal(id)} = py.NumOf(${value})`);
      else b.p.line(`${goLocal(id)} = ${value}`);
      return;
    case 'cell': case 'free': b.p.line(`${goLocal(id)}.Set(${value})`); return;
    case 'global': b.p.line(`py.StoreGlobal(f, ${nameConst(b, id)}, ${value})`); return;
    case 'name':
      if (b.ns) run(b, `${b.ns}.SetItem(f, ${nameConst(b, id)}, ${value})`);
      else b.p.line(`py.StoreGlobal(f, ${nameConst(b, id)}, ${value})`);
      return;
  }
}

export function deleteName(b: Body, id: string): void {
  const how = access(b.scope, id);
  switch (how) {
    case 'fast':
      b.p.line(`if ${goLocal(id)} == nil {`);
      b.p.indent(() => b.p.line(b.raise(`py.UnboundLocal(${goUtf8(id)})`)));
      b.p.line('}');
      b.p.line(`${goLocal(id)} = nil`);
      return;
    case 'cell': case 'free':
      b.p.line(`if ${goLocal(id)}.Get() == nil {`);
      b.p.indent(() => b.p.line(b.raise(how === 'cell' ? `py.UnboundLocal(${goUtf8(id)})` : `py.UnboundFree(${goUtf8(id)})`)));
      b.p.line('}');
      b.p.line(`${goLocal(id)}.Set(nil)`);
      return;
    case 'global':
      run(b, b.scope.kind === 'module' ? `py.DelGlobal(f, ${nameConst(b, id)})` : `py.DelGlobalInFunc(f, ${nameConst(b, id)})`);
      return;
    case 'name':
      if (b.ns) run(b, `py.DelClassName(f, ${b.ns}, ${nameConst(b, id)})`);
      else run(b, `py.DelGlobal(f, ${nameConst(b, id)})`);
      return;
  }
}
