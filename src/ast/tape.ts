// A compact wire form of the typed AST, for moving ASTs between threads: one Int32Array (moved,
// not copied) plus a list of strings. Decoding builds objects directly, which costs a fraction
// of JSON.parse on the same tree (no key parsing); see bench/parse.ts for the figures.
//
// Layout, preorder: a node is its type index, then its fields in FIELDS order, then lineno and
// col_offset when located. Each field is encoded by its kind (kindOf): a nested node (or -1 for
// None), a list (length, items), a string index (or -1), a literal value, a bool or a small int.
// Deep trees make both directions recurse; callers catch RangeError (see src/parse/worker.ts).

import { FIELDS, hasLocation, type AstNode, type Module, type PyNumValue, type PyStrValue, type PyUnicode } from './nodes.js';

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

export function encodeTape(root: Module): Tape {
  let ints = new Int32Array(1024);
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
  const node = (v: AstNode | null): void => {
    if (v === null) { put(-1); return; }
    const t = TYPE_INDEX.get(v._type)!;
    const sch = SCHEMA[t]!;
    put(t);
    const rec = v as unknown as Record<string, unknown>;
    for (const [f, kind] of sch.fields) {
      const x = rec[f];
      switch (kind) {
        case 'node': node(x as AstNode | null); break;
        case 'nodes': {
          const list = x as AstNode[];
          put(list.length);
          for (const e of list) node(e);
          break;
        }
        case 'ident': str(x as string | null); break;
        case 'idents': {
          const list = x as string[];
          put(list.length);
          for (const e of list) str(e);
          break;
        }
        case 'str': {
          const s = x as PyStrValue;
          if (typeof s === 'string') { put(0); str(s); break; }
          put(1);
          str(s.value);
          const cps = s.codePoints;
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
  return { ints: ints.slice(0, n), strs };
}

export function decodeTape(tape: Tape): Module {
  const { ints, strs } = tape;
  let i = 0;
  const str = (): string | null => {
    const k = ints[i++]!;
    return k < 0 ? null : strs[k]!;
  };
  const node = (): AstNode | null => {
    const t = ints[i++]!;
    if (t < 0) return null;
    const sch = SCHEMA[t]!;
    const out: Record<string, unknown> = { _type: sch.type };
    for (const [f, kind] of sch.fields) {
      switch (kind) {
        case 'node': out[f] = node(); break;
        case 'nodes': {
          const len = ints[i++]!;
          const list = new Array<AstNode | null>(len);
          for (let k = 0; k < len; k++) list[k] = node();
          out[f] = list;
          break;
        }
        case 'ident': out[f] = str(); break;
        case 'idents': {
          const len = ints[i++]!;
          const list = new Array<string | null>(len);
          for (let k = 0; k < len; k++) list[k] = str();
          out[f] = list;
          break;
        }
        case 'str': {
          if (ints[i++] === 0) { out[f] = str(); break; }
          const u: PyUnicode = { kind: 'unicode', value: str()! };
          const len = ints[i++]!;
          if (len >= 0) u.codePoints = Array.from(ints.subarray(i, i + len));
          if (len > 0) i += len;
          out[f] = u;
          break;
        }
        case 'num': {
          const kind = NUM_KINDS[ints[i++]!]!;
          out[f] = kind === 'complex' ? { kind, real: str(), imag: str() } : { kind, value: str() };
          break;
        }
        case 'bool': out[f] = ints[i++] === 1; break;
        case 'int': { const v = ints[i++]!; out[f] = v < 0 ? null : v; break; }
      }
    }
    if (sch.located) {
      out.lineno = ints[i++];
      out.col_offset = ints[i++];
    }
    return out as unknown as AstNode;
  };
  return node() as Module;
}
