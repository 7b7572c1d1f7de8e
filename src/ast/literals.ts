// Python 2.7 literal decoding: string tokens to str (bytes) or unicode values, number tokens to
// int/long/float/complex, and the repr() forms ast.dump prints. The behaviour follows CPython
// 2.7's parsestr/parsenumber and its escape codecs; see nodes.ts for the value representation.

import type { PyNumValue, PyStrValue, PyUnicode } from './nodes.js';
import { unicodeName } from './unicodenames.js';

export class LiteralError extends Error {
  /** 'SyntaxError' or 'ValueError': what ast.parse raises for this literal. */
  constructor(message: string, readonly kind: 'SyntaxError' | 'ValueError' = 'SyntaxError') {
    super(message);
  }
}

export interface StringContext {
  /** `from __future__ import unicode_literals` anywhere in the file. */
  unicodeLiterals: boolean;
  /** Turns decoded source characters back into the source bytes CPython keeps in a str. */
  toBytes: (chars: string) => string;
}

const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);
const UINT64_LIMIT = 1n << 64n;

/** Decodes one string token (prefix, quotes and body). */
export function decodeStringToken(tok: string, ctx: StringContext): PyStrValue {
  let i = 0;
  let unicode = ctx.unicodeLiterals;
  let raw = false;
  let c = tok.charCodeAt(0) | 32;
  if (c === 117 /* u */) { unicode = true; c = tok.charCodeAt(++i) | 32; }
  if (c === 98 /* b */) { unicode = false; c = tok.charCodeAt(++i) | 32; }
  if (c === 114 /* r */) { raw = true; i++; }
  const q = tok.charCodeAt(i);
  let start = i + 1;
  let end = tok.length - 1;
  if (tok.charCodeAt(i + 1) === q && tok.charCodeAt(i + 2) === q && tok.length >= i + 6) {
    start = i + 3;
    end = tok.length - 3;
  }
  const body = tok.slice(start, end);
  if (unicode) return raw ? decodeRawUnicode(body) : decodeUnicodeEscape(body);
  const bytes = ctx.toBytes(body);
  if (raw || bytes.indexOf('\\') < 0) return bytes;
  return decodeStrEscape(bytes);
}

/** Escape processing for str literals (PyString_DecodeEscape). Input and output are byte strings. */
function decodeStrEscape(s: string): string {
  let out = '';
  const n = s.length;
  let i = 0;
  while (i < n) {
    const bs = s.indexOf('\\', i);
    if (bs < 0) { out += s.slice(i); break; }
    out += s.slice(i, bs);
    i = bs + 1;
    if (i >= n) throw new LiteralError('Trailing \\ in string', 'ValueError');
    const ch = s[i++]!;
    switch (ch) {
      case '\n': break;
      case '\\': out += '\\'; break;
      case "'": out += "'"; break;
      case '"': out += '"'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 't': out += '\t'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 'v': out += '\v'; break;
      case 'a': out += '\x07'; break;
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        let v = ch.charCodeAt(0) - 48;
        for (let k = 0; k < 2 && i < n && s[i]! >= '0' && s[i]! <= '7'; k++) v = v * 8 + (s.charCodeAt(i++) - 48);
        out += String.fromCharCode(v & 0xff);
        break;
      }
      case 'x': {
        if (i + 1 < n && isHex(s.charCodeAt(i)) && isHex(s.charCodeAt(i + 1))) {
          out += String.fromCharCode(parseInt(s.slice(i, i + 2), 16));
          i += 2;
        } else {
          throw new LiteralError('invalid \\x escape', 'ValueError');
        }
        break;
      }
      default:
        out += '\\' + ch;
    }
  }
  return out;
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

/** Collects unicode output, tracking exact code points once an escape yields a surrogate. */
class UBuilder {
  s = '';
  cps: number[] | undefined;
  text(t: string): void {
    this.s += t;
    if (this.cps) for (const ch of t) this.cps.push(ch.codePointAt(0)!);
  }
  cp(v: number): void {
    if (v >= 0xd800 && v <= 0xdfff && !this.cps) {
      this.cps = [];
      for (const ch of this.s) this.cps.push(ch.codePointAt(0)!);
    }
    this.s += String.fromCodePoint(v);
    if (this.cps) this.cps.push(v);
  }
  done(): PyUnicode {
    const u: PyUnicode = { kind: 'unicode', value: this.s };
    if (this.cps) u.codePoints = this.cps;
    return u;
  }
}

function ucodecError(start: number, end: number, reason: string): LiteralError {
  const pos = end - start > 1 ? `in position ${start}-${end - 1}` : `in position ${start}`;
  return new LiteralError(`(unicode error) 'unicodeescape' codec can't decode bytes ${pos}: ${reason}`);
}

/** The unicode-escape codec over the literal's characters. */
function decodeUnicodeEscape(s: string): PyUnicode {
  const b = new UBuilder();
  const n = s.length;
  let i = 0;
  while (i < n) {
    const bs = s.indexOf('\\', i);
    if (bs < 0) { b.text(s.slice(i)); break; }
    b.text(s.slice(i, bs));
    i = bs + 1;
    const ch = s[i++];
    switch (ch) {
      case '\n': break;
      case '\\': b.text('\\'); break;
      case "'": b.text("'"); break;
      case '"': b.text('"'); break;
      case 'b': b.text('\b'); break;
      case 'f': b.text('\f'); break;
      case 't': b.text('\t'); break;
      case 'n': b.text('\n'); break;
      case 'r': b.text('\r'); break;
      case 'v': b.text('\v'); break;
      case 'a': b.text('\x07'); break;
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        let v = ch.charCodeAt(0) - 48;
        for (let k = 0; k < 2 && i < n && s[i]! >= '0' && s[i]! <= '7'; k++) v = v * 8 + (s.charCodeAt(i++) - 48);
        b.cp(v);
        break;
      }
      case 'x': case 'u': case 'U': {
        const count = ch === 'x' ? 2 : ch === 'u' ? 4 : 8;
        let k = 0;
        while (k < count && i + k < n && isHex(s.charCodeAt(i + k))) k++;
        if (k < count) {
          const what = ch === 'x' ? 'truncated \\xXX escape' : ch === 'u' ? 'truncated \\uXXXX escape' : 'truncated \\UXXXXXXXX escape';
          throw ucodecError(bs, i + k, what);
        }
        const v = parseInt(s.slice(i, i + count), 16);
        if (v > 0x10ffff) throw ucodecError(bs, i + count, 'illegal Unicode character');
        i += count;
        b.cp(v);
        break;
      }
      case 'N': {
        const close = s[i] === '{' ? s.indexOf('}', i) : -1;
        if (close < 0 || close === i + 1) throw ucodecError(bs, Math.min(n, i + 1), 'malformed \\N character escape');
        const name = s.slice(i + 1, close);
        const v = unicodeName(name);
        if (v === null) {
          throw new LiteralError(`\\N{${name}} escapes need the Unicode character name database, which grumpy-audit does not bundle`);
        }
        if (v === undefined) throw ucodecError(bs, close + 1, 'unknown Unicode character name');
        i = close + 1;
        b.cp(v);
        break;
      }
      case undefined:
        throw ucodecError(bs, n, '\\ at end of string');
      default:
        b.text('\\' + ch);
    }
  }
  return b.done();
}

/** The raw-unicode-escape codec: only \u and \U after an odd run of backslashes are escapes. */
function decodeRawUnicode(s: string): PyUnicode {
  const b = new UBuilder();
  const n = s.length;
  let i = 0;
  while (i < n) {
    const bs = s.indexOf('\\', i);
    if (bs < 0) { b.text(s.slice(i)); break; }
    b.text(s.slice(i, bs));
    let j = bs;
    while (j < n && s[j] === '\\') j++;
    const run = j - bs;
    const next = s[j];
    if ((run & 1) === 0 || (next !== 'u' && next !== 'U')) {
      b.text(s.slice(bs, j));
      i = j;
      continue;
    }
    b.text('\\'.repeat(run - 1));
    const count = next === 'u' ? 4 : 8;
    let k = 0;
    while (k < count && j + 1 + k < n && isHex(s.charCodeAt(j + 1 + k))) k++;
    if (k < count) {
      throw new LiteralError(`(unicode error) 'rawunicodeescape' codec can't decode bytes in position ${j - 1}-${j + k}: truncated \\${next === 'u' ? 'uXXXX' : 'UXXXXXXXX'}`);
    }
    const v = parseInt(s.slice(j + 1, j + 1 + count), 16);
    if (v > 0x10ffff) throw new LiteralError(`(unicode error) 'rawunicodeescape' codec can't decode bytes in position ${j - 1}-${j + count}: \\Uxxxxxxxx out of range`);
    b.cp(v);
    i = j + 1 + count;
  }
  return b.done();
}

/** Concatenation of adjacent literals: str + unicode is unicode (ASCII-decoding the str). */
export function concatStrings(parts: PyStrValue[]): PyStrValue {
  if (parts.length === 1) return parts[0]!;
  if (parts.every((p) => typeof p === 'string')) return (parts as string[]).join('');
  const b = new UBuilder();
  for (const p of parts) {
    if (typeof p === 'string') {
      for (let k = 0; k < p.length; k++) {
        if (p.charCodeAt(k) >= 0x80) {
          throw new LiteralError(`(unicode error) 'ascii' codec can't decode byte 0x${p.charCodeAt(k).toString(16)} in position ${k}: ordinal not in range(128)`);
        }
      }
      b.text(p);
    } else if (p.codePoints) {
      for (const cp of p.codePoints) b.cp(cp);
    } else {
      b.text(p.value);
    }
  }
  return b.done();
}

// ---------------------------------------------------------------------------------------------
// Numbers

/** Parses a NUMBER token (with a leading '-' when CPython folded a unary minus into it). */
export function parseNumber(s: string): PyNumValue {
  const last = s.charCodeAt(s.length - 1) | 32;
  if (last === 108 /* l */) return { kind: 'long', value: parseIntLiteral(s.slice(0, -1)).toString() };
  if (last === 106 /* j */) {
    return { kind: 'complex', real: '0.0', imag: floatRepr(Number(s.slice(0, -1))) };
  }
  const neg = s[0] === '-';
  const body = neg ? s.slice(1) : s;
  const isInt = /^0[xXoObB]/.test(body) || !/[.eE]/.test(body);
  if (!isInt) return { kind: 'float', value: floatRepr(Number(s)) };
  const v = parseIntLiteral(s);
  // CPython: unsigned parsing for literals starting with '0' (so 2**63..2**64-1 become long),
  // signed parsing otherwise; anything outside a C long is a long.
  if (!neg && body[0] === '0') {
    if (v >= UINT64_LIMIT || v > INT64_MAX) return { kind: 'long', value: v.toString() };
    return { kind: 'int', value: v.toString() };
  }
  if (v > INT64_MAX || v < INT64_MIN) return { kind: 'long', value: v.toString() };
  return { kind: 'int', value: v.toString() };
}

/** Integer literal text (optionally signed) with Python 2 bases, including 0777 octal. */
function parseIntLiteral(s: string): bigint {
  const neg = s[0] === '-';
  let body = neg ? s.slice(1) : s;
  let v: bigint;
  if (/^0[xX]/.test(body)) v = BigInt('0x' + body.slice(2));
  else if (/^0[oO]/.test(body)) v = BigInt('0o' + body.slice(2));
  else if (/^0[bB]/.test(body)) v = BigInt('0b' + body.slice(2));
  else if (body.length > 1 && body[0] === '0') {
    body = body.replace(/^0+/, '') || '0';
    v = BigInt('0o' + body);
  } else v = BigInt(body);
  return neg ? -v : v;
}

/** repr(float) as Python 2.7 prints it (shortest round-trip digits, '%r' layout). */
export function floatRepr(x: number): string {
  const r = formatShort(x);
  return /^-?\d+$/.test(r) ? r + '.0' : r;
}

/** The 'r' format without the '.0' Python adds for floats (used for complex parts). */
export function formatShort(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(x.toExponential())!;
  const sign = m[1]!;
  const digits = m[2]! + (m[3] ?? '');
  const exp = Number(m[4]);
  const decpt = exp + 1;
  if (decpt > -4 && decpt <= 16) {
    if (decpt <= 0) return `${sign}0.${'0'.repeat(-decpt)}${digits}`;
    if (decpt >= digits.length) return sign + digits + '0'.repeat(decpt - digits.length);
    return `${sign}${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
  }
  const mant = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  const e = Math.abs(exp);
  return `${sign}${mant}e${exp < 0 ? '-' : '+'}${e < 10 ? '0' + e : e}`;
}

/** Number.parseFloat-compatible reading of our float strings (for consumers). */
export function floatValue(repr: string): number {
  if (repr === 'inf') return Infinity;
  if (repr === '-inf') return -Infinity;
  if (repr === 'nan') return NaN;
  return Number(repr);
}
