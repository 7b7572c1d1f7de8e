// Literal decoding as Python 2.7 does it, per source encoding, and the value representation of
// src/ast/nodes.ts. Expected values were checked against python2.7 (see fixtures/ast goldens).

import { describe, expect, it } from 'vitest';
import { parseSourceBytes } from '../../src/ast/source.js';
import { parseModule } from '../../src/ast/index.js';
import type { Assign, Expr, Module, Name, Num, PyNumValue, PyStrValue, Str } from '../../src/ast/nodes.js';

const enc = (text: string, codec: BufferEncoding = 'utf8'): Buffer => Buffer.from(text, codec);

function assigned(m: Module | undefined, k = 0): Assign {
  expect(m).toBeDefined();
  return m!.body[k] as Assign;
}
const strOf = (m: Module | undefined, k = 0): PyStrValue => (assigned(m, k).value as Str).s;
const numOf = (src: string): PyNumValue => ((parseModule(src).ast!.body[0] as Expr).value as Num).n;
const secondTargetCol = (m: Module | undefined): number => (assigned(m, 1).targets[0] as Name).col_offset;

describe('str and unicode literals under each source encoding', () => {
  it('utf-8 cookie: str keeps the UTF-8 bytes, unicode the characters, columns count bytes', () => {
    const r = parseSourceBytes(enc('# coding: utf-8\ns = "é€"; t = u"é€"\n'));
    expect(strOf(r.ast)).toBe('\xc3\xa9\xe2\x82\xac');
    expect(strOf(r.ast, 1)).toEqual({ kind: 'unicode', value: 'é€' });
    expect(secondTargetCol(r.ast)).toBe(13);
  });

  it('latin-1 cookie: str keeps the latin-1 bytes, columns count bytes of the file', () => {
    const r = parseSourceBytes(enc('# -*- coding: latin-1 -*-\ns = "é"; t = u"é"\n', 'latin1'));
    expect(strOf(r.ast)).toBe('\xe9');
    expect(strOf(r.ast, 1)).toEqual({ kind: 'unicode', value: 'é' });
    expect(secondTargetCol(r.ast)).toBe(9);
  });

  it('"latin1" spelled without the dash: same values, but UTF-8 columns (CPython recodes)', () => {
    const r = parseSourceBytes(enc('# coding: latin1\ns = "é"; t = 1\n', 'latin1'));
    expect(strOf(r.ast)).toBe('\xe9');
    expect(secondTargetCol(r.ast)).toBe(10);
  });

  it('cp1252: str literals are re-encoded to cp1252 bytes', () => {
    const bytes = Buffer.concat([enc('# coding: cp1252\ns = "'), Buffer.from([0x80, 0x92]), enc('"; t = u"'), Buffer.from([0x80]), enc('"\n')]);
    const r = parseSourceBytes(bytes);
    expect(strOf(r.ast)).toBe('\x80\x92');
    expect(strOf(r.ast, 1)).toEqual({ kind: 'unicode', value: '€' });
  });

  it('koi8-r: str literals are re-encoded to koi8-r bytes', () => {
    const bytes = Buffer.concat([enc('# coding: koi8-r\ns = "'), Buffer.from([0xd0, 0xd2]), enc('"; t = u"'), Buffer.from([0xd0]), enc('"\n')]);
    const r = parseSourceBytes(bytes);
    expect(strOf(r.ast)).toBe('\xd0\xd2');
    expect(strOf(r.ast, 1)).toEqual({ kind: 'unicode', value: 'п' });
  });

  it('UTF-8 BOM without cookie: UTF-8; with a cookie spelled "utf8": CPython\'s BOM error', () => {
    const ok = parseSourceBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), enc('s = "é"\n')]));
    expect(strOf(ok.ast)).toBe('\xc3\xa9');
    const bad = parseSourceBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), enc('# coding: utf8\ns = 1\n')]));
    expect(bad.ast).toBeUndefined();
    expect(bad.decodeError!.message).toBe('encoding problem: utf8 with BOM');
  });

  it('no cookie: raw bytes, as ast.parse of the file\'s bytes, with a warning that running it fails', () => {
    const r = parseSourceBytes(Buffer.from([0x73, 0x20, 0x3d, 0x20, 0x22, 0xe9, 0x22, 0x0a]));
    expect(strOf(r.ast)).toBe('\xe9');
    expect(r.warning!.id).toBe('decode-non-ascii');
  });

  it('unknown codec: an error naming it', () => {
    const r = parseSourceBytes(enc('# coding: klingon\nx = 1\n'));
    expect(r.ast).toBeUndefined();
    expect(r.decodeError!.message).toBe('unknown encoding: klingon');
  });
});

describe('escapes, prefixes and concatenation', () => {
  const s = (src: string): PyStrValue => strOf(parseModule(src).ast);
  it('str escapes, octal truncation and unknown escapes', () => {
    expect(s(String.raw`x = '\x41\101\n\t\\\q\777'` + '\n')).toBe('AA\n\t\\\\q\xff');
  });
  it('unicode escapes, \\N names and raw unicode', () => {
    expect(s(String.raw`x = u'\u20ac\U0001F600\N{SNOWMAN}\777'` + '\n')).toEqual({ kind: 'unicode', value: '€😀☃\u01ff' });
    expect(s(String.raw`x = ur'\u20ac\n'` + '\n')).toEqual({ kind: 'unicode', value: '€\\n' });
    expect(s(String.raw`x = r'\u20ac\n'` + '\n')).toBe('\\u20ac\\n');
  });
  it('surrogate escapes keep exact code points (UCS-4 build)', () => {
    expect(s(String.raw`x = u'a\ud83d\ude00'` + '\n')).toEqual({ kind: 'unicode', value: 'a\ud83d\ude00', codePoints: [0x61, 0xd83d, 0xde00] });
  });
  it('implicit concatenation of str and unicode is unicode', () => {
    expect(s("x = 'a' u'b' r'\\c'\n")).toEqual({ kind: 'unicode', value: 'ab\\c' });
  });
  it('unicode_literals applies to the whole file, b-prefix stays str', () => {
    const m = parseModule('x = "doc"\nfrom __future__ import unicode_literals\ny = b"b"\n').ast;
    expect(strOf(m)).toEqual({ kind: 'unicode', value: 'doc' });
    expect(strOf(m, 2)).toBe('b');
  });
});

describe('numbers', () => {
  it('int vs long', () => {
    expect(numOf('10L\n')).toEqual({ kind: 'long', value: '10' });
    expect(numOf('9223372036854775807\n')).toEqual({ kind: 'int', value: '9223372036854775807' });
    expect(numOf('9223372036854775808\n')).toEqual({ kind: 'long', value: '9223372036854775808' });
    expect(numOf('-9223372036854775808\n')).toEqual({ kind: 'int', value: '-9223372036854775808' });
    expect(numOf('0xffffffffffffffff\n')).toEqual({ kind: 'long', value: '18446744073709551615' });
  });
  it('octal, hex and binary', () => {
    expect(numOf('0777\n')).toEqual({ kind: 'int', value: '511' });
    expect(numOf('0o17\n')).toEqual({ kind: 'int', value: '15' });
    expect(numOf('0x1F\n')).toEqual({ kind: 'int', value: '31' });
    expect(numOf('0b101\n')).toEqual({ kind: 'int', value: '5' });
    expect(numOf('0777L\n')).toEqual({ kind: 'long', value: '511' });
  });
  it('floats keep the exact double in Python repr form', () => {
    expect(numOf('1e16\n')).toEqual({ kind: 'float', value: '1e+16' });
    expect(numOf('0.1\n')).toEqual({ kind: 'float', value: '0.1' });
    expect(numOf('-0.0\n')).toEqual({ kind: 'float', value: '-0.0' });
    expect(numOf('1e400\n')).toEqual({ kind: 'float', value: 'inf' });
    expect(numOf('1e-5\n')).toEqual({ kind: 'float', value: '1e-05' });
  });
  it('imaginary literals, with the minus folded into them', () => {
    expect(numOf('1.5j\n')).toEqual({ kind: 'complex', real: '0.0', imag: '1.5' });
    expect(numOf('-2j\n')).toEqual({ kind: 'complex', real: '0.0', imag: '-2.0' });
  });
});

describe('print statement vs print function', () => {
  it('print is a statement until the print_function future import', () => {
    const m = parseModule('print(1)\nfrom __future__ import print_function\nprint(1)\n').ast!;
    expect(m.body[0]!._type).toBe('Print');
    expect(((m.body[2] as Expr).value)._type).toBe('Call');
  });
});
