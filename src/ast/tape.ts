// A compact wire form of the typed AST, for moving ASTs between threads: one Int32Array (moved,
// not copied) plus a list of strings. Decoding builds objects directly, which costs a fraction
// of JSON.parse on the same tree (no key parsing); see bench/parse.ts for the figures.
//
// Layout, preorder: a node is its type index, then its fields in FIELDS order, then lineno and
// col_offset when located. Each field is encoded by its kind (kindOf): a nested node (or -1 for
// None), a list (length, items), a string index (or -1), a literal value, a bool or a small int.
// Deep trees make both directions recurse; callers catch RangeError (see src/parse/worker.ts).

import { FIELDS, hasLocation, type Module } from './nodes.js';

export interface Tape {
  ints: Int32Array;
  strs: string[];
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

// Both directions are generated once from SCHEMA: one switch case per node type, building each
// node as an object literal, so decoded nodes get the parser's own shapes (fast property access)
// and nothing walks field lists at run time.

type Encoder = (root: Module, put: (v: number) => void, str: (s: string | null) => void) => void;
type Decoder = (ints: Int32Array, strs: string[], numKinds: readonly string[], consts: unknown[]) => Module;

const FIELD_ENCODE: Record<Kind, (x: string) => string> = {
  node: (x) => `N(${x});`,
  nodes: (x) => `{ const a = ${x}; P(a.length); for (let k = 0; k < a.length; k++) N(a[k]); }`,
  ident: (x) => `S(${x});`,
  idents: (x) => `{ const a = ${x}; P(a.length); for (let k = 0; k < a.length; k++) S(a[k]); }`,
  str: (x) => `STR(${x});`,
  num: (x) => `NUM(${x});`,
  bool: (x) => `P(${x} ? 1 : 0);`,
  int: (x) => `P(${x} === null ? -1 : ${x});`,
};

const FIELD_DECODE: Record<Kind, string> = {
  node: 'N()', nodes: 'L()', ident: 'S()', idents: 'LS()', str: 'STR()', num: 'NUM()',
  bool: '(I[i++] === 1)', int: 'INT()',
};

function buildEncoder(): Encoder {
  const cases = SCHEMA.map((sch, t) => {
    const body = sch.fields.map(([f, kind]) => FIELD_ENCODE[kind](`v.${f}`)).join(' ');
    const loc = sch.located ? 'P(v.lineno); P(v.col_offset);' : '';
    return `case ${t}: P(${t}); ${body} ${loc} return;`;
  }).join('\n');
  const src = `
    const NUMK = { int: 0, long: 1, float: 2, complex: 3 };
    function STR(s) {
      if (typeof s === 'string') { P(0); S(s); return; }
      P(1); S(s.value);
      const c = s.codePoints; P(c ? c.length : -1);
      if (c) for (let k = 0; k < c.length; k++) P(c[k]);
    }
    function NUM(n) { P(NUMK[n.kind]); if (n.kind === 'complex') { S(n.real); S(n.imag); } else S(n.value); }
    function N(v) {
      if (v === null) { P(-1); return; }
      switch (TI.get(v._type)) {\n${cases}\n}
      throw new Error('encodeTape: unknown node type ' + v._type);
    }
    N(root);`;
  const make = new Function('TI', `return function (root, P, S) {${src}};`) as (ti: Map<string, number>) => Encoder;
  return make(TYPE_INDEX);
}

function buildDecoder(): Decoder {
  const cases = SCHEMA.map((sch, t) => {
    if (!sch.fields.length && !sch.located) return `case ${t}: return C[${t}];`;
    const props = [`_type: ${JSON.stringify(sch.type)}`, ...sch.fields.map(([f, kind]) => `${f}: ${FIELD_DECODE[kind]}`)];
    if (sch.located) props.push('lineno: I[i++]', 'col_offset: I[i++]');
    return `case ${t}: return { ${props.join(', ')} };`;
  }).join('\n');
  const src = `
    let i = 0;
    function S() { const k = I[i++]; return k < 0 ? null : X[k]; }
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

const encoder = buildEncoder();
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
    put(strs.length);
    strs.push(s);
  };
  encoder(root, put, str);
  return { ints: ints.slice(0, n), strs };
}

export function decodeTape(tape: Tape): Module {
  return decoder(tape.ints, tape.strs, NUM_KINDS, CONSTS);
}
