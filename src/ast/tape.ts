// A compact wire form of the typed AST, for moving ASTs between threads: one Int32Array (moved,
// not copied) plus one string holding all the tree's strings back to back (cloning one string
// is a copy; cloning millions of small ones is not). Decoding builds objects directly, which costs a fraction
// of JSON.parse on the same tree (no key parsing); see bench/parse.ts for the figures.
//
// Layout, preorder: a node is its type index, then its fields in FIELDS order, then lineno and
// col_offset when located. Each field is encoded by its kind (kindOf): a nested node (or -1 for
// None), a list (length, items), a string length (or -1), a literal value, a bool or a small int.
// Deep trees make both directions recurse; callers catch RangeError (see src/parse/worker.ts).

import { FIELDS, hasLocation, type AstNode, type Module, type PyNumValue, type PyStrValue } from './nodes.js';

export interface Tape {
  ints: Int32Array;
  /** Every string of the tree, concatenated; the tape holds each one's length (-1: None). */
  text: string;
}

type Kind = 'node' | 'nodes' | 'ident' | 'idents' | 'str' | 'num' | 'bool' | 'int';

const TYPES = Object.keys(FIELDS);
const TYPE_INDEX = new Map(TYPES.map((t, k) => [t, k]));
const IDENT_FIELDS = new Set(['name', 'id', 'attr', 'arg', 'asname', 'module', 'vararg', 'kwarg']);
const LIST_FIELDS = new Set([
  'body', 'decorator_list', 'bases', 'targets', 'values', 'orelse', 'handlers', 'finalbody', 'names',
  'elts', 'keys', 'generators', 'ops', 'comparators', 'args', 'keywords', 'dims', 'ifs', 'defaults',
]);

function kindOf(type: string, field: string): Kind {
  if (type === 'Str' && field === 's') return 'str';
  if (type === 'Num' && field === 'n') return 'num';
  if (type === 'Print' && field === 'nl') return 'bool';
  if (type === 'ImportFrom' && field === 'level') return 'int';
  if (type === 'Global' && field === 'names') return 'idents';
  if (field === 'name' && type === 'ExceptHandler') return 'node';
  if ((field === 'body' || field === 'orelse') && type === 'IfExp') return 'node';
  if (field === 'body' && (type === 'Lambda' || type === 'Expression' || type === 'Exec')) return 'node';
  if (field === 'args' && type === 'FunctionDef') return 'node';
  if (field === 'args' && type === 'Lambda') return 'node';
  if (IDENT_FIELDS.has(field)) return 'ident';
  if (LIST_FIELDS.has(field)) return 'nodes';
  return 'node';
}

/** Per type: its fields with their kinds, and whether it is located. */
const SCHEMA: Array<{ type: string; fields: Array<[string, Kind]>; located: boolean }> = TYPES.map((type) => ({
  type,
  fields: FIELDS[type]!.map((f) => [f, kindOf(type, f)] as [string, Kind]),
  located: hasLocation(type),
}));

const NUM_KINDS = ['int', 'long', 'float', 'complex'] as const;

// The decoder is generated once from SCHEMA: one switch case per node type, building each node
// as an object literal, so decoded nodes get the parser's own shapes (fast property access).

type Decoder = (ints: Int32Array, text: string, numKinds: readonly string[], consts: unknown[]) => Module;

const FIELD_DECODE: Record<Kind, string> = {
  node: 'N()', nodes: 'L()', ident: 'S()', idents: 'LS()', str: 'STR()', num: 'NUM()',
  bool: '(I[i++] === 1)', int: 'INT()',
};

function buildDecoder(): Decoder {
  const cases = SCHEMA.map((sch, t) => {
    if (!sch.fields.length && !sch.located) return `case ${t}: return C[${t}];`;
    const props = [`_type: ${JSON.stringify(sch.type)}`, ...sch.fields.map(([f, kind]) => `${f}: ${FIELD_DECODE[kind]}`)];
    if (sch.located) props.push('lineno: I[i++]', 'col_offset: I[i++]');
    return `case ${t}: return { ${props.join(', ')} };`;
  }).join('\n');
  const src = `
    let i = 0;
    let at = 0;
    function S() { const n = I[i++]; if (n < 0) return null; const s = X.slice(at, at + n); at += n; return s; }
    function INT() { const v = I[i++]; return v < 0 ? null : v; }
    function L() { const n = I[i++]; const a = new Array(n); for (let k = 0; k < n; k++) a[k] = N(); return a; }
    function LS() { const n = I[i++]; const a = new Array(n); for (let k = 0; k < n; k++) a[k] = S(); return a; }
    function STR() {
      if (I[i++] === 0) return S();
      const u = { kind: 'unicode', value: S() };
      const n = I[i++];
      if (n >= 0) { u.codePoints = Array.from(I.subarray(i, i + n)); i += n; }
      return u;
    }
    function NUM() {
      const k = I[i++];
      if (k === 3) return { kind: 'complex', real: S(), imag: S() };
      return { kind: K[k], value: S() };
    }
    function N() {
      switch (I[i++]) {\n${cases}\n}
      return null;
    }
    return N();`;
  return new Function('I', 'X', 'K', 'C', src) as Decoder;
}

const decoder = buildDecoder();
/** Shared frozen singletons (Load, Add, Eq…), as the parser itself shares them. */
const CONSTS: unknown[] = SCHEMA.map((sch) => (sch.fields.length || sch.located ? undefined : Object.freeze({ _type: sch.type })));

export function encodeTape(root: Module): Tape {
  let ints = new Int32Array(4096);
  let n = 0;
  const strs: string[] = [];
  const put = (v: number): void => {
    if (n === ints.length) {
      const bigger = new Int32Array(ints.length * 2);
      bigger.set(ints);
      ints = bigger;
    }
    ints[n++] = v;
  };
  const str = (s: string | null): void => {
    if (s === null) { put(-1); return; }
    put(s.length);
    strs.push(s);
  };
  // A plain loop over the schema: measured faster than a generated per-type encoder here.
  const node = (v: AstNode | null): void => {
    if (v === null) { put(-1); return; }
    const t = TYPE_INDEX.get(v._type)!;
    const sch = SCHEMA[t]!;
    put(t);
    const rec = v as unknown as Record<string, unknown>;
    const fields = sch.fields;
    for (let k = 0; k < fields.length; k++) {
      const f = fields[k]!;
      const x = rec[f[0]];
      switch (f[1]) {
        case 'node': node(x as AstNode | null); break;
        case 'nodes': {
          const list = x as AstNode[];
          put(list.length);
          for (let j = 0; j < list.length; j++) node(list[j]!);
          break;
        }
        case 'ident': str(x as string | null); break;
        case 'idents': {
          const list = x as string[];
          put(list.length);
          for (let j = 0; j < list.length; j++) str(list[j]!);
          break;
        }
        case 'str': {
          const sv = x as PyStrValue;
          if (typeof sv === 'string') { put(0); str(sv); break; }
          put(1);
          str(sv.value);
          const cps = sv.codePoints;
          put(cps ? cps.length : -1);
          if (cps) for (const c of cps) put(c);
          break;
        }
        case 'num': {
          const num = x as PyNumValue;
          put(NUM_KINDS.indexOf(num.kind));
          if (num.kind === 'complex') { str(num.real); str(num.imag); } else str(num.value);
          break;
        }
        case 'bool': put(x ? 1 : 0); break;
        case 'int': put(x === null ? -1 : (x as number)); break;
      }
    }
    if (sch.located) {
      put(rec.lineno as number);
      put(rec.col_offset as number);
    }
  };
  node(root);
  return { ints: ints.slice(0, n), text: strs.join('') };
}

export function decodeTape(tape: Tape): Module {
  return decoder(tape.ints, tape.text, NUM_KINDS, CONSTS);
}
