// Python 2.7 repr() of the literal values ast.dump prints: str, unicode, int, long, float, complex.

import type { PyNumValue, PyStrValue } from './nodes.js';
import { floatValue, formatShort } from './literals.js';

const hex2 = (c: number): string => (c < 16 ? '0' : '') + c.toString(16);

/** repr(str) for a byte string (one char per byte). */
export function reprBytes(s: string): string {
  const quote = s.indexOf("'") >= 0 && s.indexOf('"') < 0 ? '"' : "'";
  let out = quote;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === quote.charCodeAt(0) || c === 92) out += '\\' + s[i];
    else if (c === 9) out += '\\t';
    else if (c === 10) out += '\\n';
    else if (c === 13) out += '\\r';
    else if (c < 32 || c >= 127) out += '\\x' + hex2(c);
    else out += s[i];
  }
  return out + quote;
}

/** repr(unicode) of a UCS-4 build: u'…' with \x, \u and \U escapes. */
export function reprUnicode(codePoints: Iterable<number>, hasSingle: boolean, hasDouble: boolean): string {
  const quote = hasSingle && !hasDouble ? '"' : "'";
  const q = quote.charCodeAt(0);
  let out = 'u' + quote;
  for (const c of codePoints) {
    if (c === q || c === 92) out += '\\' + String.fromCharCode(c);
    else if (c === 9) out += '\\t';
    else if (c === 10) out += '\\n';
    else if (c === 13) out += '\\r';
    else if (c < 32 || c === 127 || (c >= 128 && c < 256)) out += '\\x' + hex2(c);
    else if (c >= 0x10000) out += '\\U' + c.toString(16).padStart(8, '0');
    else if (c >= 256) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += String.fromCharCode(c);
  }
  return out + quote;
}

export function reprStr(s: PyStrValue): string {
  if (typeof s === 'string') return reprBytes(s);
  const cps = s.codePoints ?? codePointsOf(s.value);
  return reprUnicode(cps, s.value.indexOf("'") >= 0, s.value.indexOf('"') >= 0);
}

function codePointsOf(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) out.push(ch.codePointAt(0)!);
  return out;
}

export function reprNum(n: PyNumValue): string {
  switch (n.kind) {
    case 'int': return n.value;
    case 'long': return n.value + 'L';
    case 'float': return n.value;
    case 'complex': {
      const re = floatValue(n.real);
      const im = formatShort(floatValue(n.imag));
      if (re === 0 && !Object.is(re, -0)) return im + 'j';
      const imSigned = im.startsWith('-') ? im : '+' + im;
      return `(${formatShort(re)}${imSigned}j)`;
    }
  }
}
