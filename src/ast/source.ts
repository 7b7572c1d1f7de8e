// Source bytes → typed AST, exactly as CPython 2.7's `ast.parse(open(f).read())` sees a file:
// the PEP 263 cookie or BOM picks the codec; a file without one is read as raw bytes (so
// non-ASCII bytes reach string literals unchanged — ast.parse accepts them, although running
// the file would not: that refusal is reported as a warning).

import { decodePython2, findCookie, tokenizerNormalName } from '../discover/encoding.js';
import { parseModule, type AstResult } from './index.js';

export interface SourceAst extends AstResult {
  encoding: string;
  /** Set when CPython would refuse the file while running it, but ast.parse accepts it. */
  warning?: { id: string; message: string; line: number };
  /** Set when the bytes cannot be decoded at all (ast.parse fails too). */
  decodeError?: { id: string; message: string; line: number };
}

export function parseSourceBytes(bytes: Uint8Array): SourceAst {
  const d = decodePython2(bytes);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const cookie = findCookie(bom ? bytes.subarray(3) : bytes);
  const normal = cookie ? tokenizerNormalName(cookie.name) : undefined;
  if (!d.error && bom && cookie && normal !== 'utf-8') {
    const message = `encoding problem: ${cookie.name} with BOM`;
    return { lines: d.text.split('\n').length, encoding: d.encoding, decodeError: { id: 'decode-bom-mismatch', message, line: cookie.line } };
  }
  if (!d.error && d.encoding === 'latin-1' && normal !== 'iso-8859-1') {
    // e.g. "latin1": CPython recodes to UTF-8 first, so columns count UTF-8 bytes.
    return { ...parseModule(d.text, { encoding: 'latin-1', utf8Columns: true }), encoding: d.encoding };
  }
  if (d.error) {
    if (d.error.id === 'decode-non-ascii') {
      return { ...parseModule(d.text, { encoding: 'latin-1' }), encoding: 'latin-1', warning: d.error };
    }
    return { lines: d.text.split('\n').length, encoding: d.encoding, decodeError: d.error };
  }
  return { ...parseModule(d.text, { encoding: d.encoding }), encoding: d.encoding };
}
