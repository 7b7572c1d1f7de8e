// \N{NAME} lookup for unicode literals: the algorithmically named ranges (CJK unified ideographs,
// Hangul syllables) are computed; every other name comes from the generated table of Unicode
// 5.2 names (CPython 2.7's unicodedata), inflated on first use. Lookup ignores case, as CPython's.

import { inflateSync } from 'node:zlib';
import { NAMES_DEFLATED_BASE64 } from './unicode-names-data.js';

let table: Map<string, number> | undefined;

function names(): Map<string, number> {
  if (table) return table;
  table = new Map();
  const text = inflateSync(Buffer.from(NAMES_DEFLATED_BASE64, 'base64')).toString('latin1');
  for (const line of text.split('\n')) {
    const sp = line.indexOf(' ');
    table.set(line.slice(sp + 1), parseInt(line.slice(0, sp), 16));
  }
  return table;
}

const JAMO_L = ['G', 'GG', 'N', 'D', 'DD', 'R', 'M', 'B', 'BB', 'S', 'SS', '', 'J', 'JJ', 'C', 'K', 'T', 'P', 'H'];
const JAMO_V = ['A', 'AE', 'YA', 'YAE', 'EO', 'E', 'YEO', 'YE', 'O', 'WA', 'WAE', 'OE', 'YO', 'U', 'WEO', 'WE', 'WI', 'YU', 'EU', 'YI', 'I'];
const JAMO_T = ['', 'G', 'GG', 'GS', 'N', 'NJ', 'NH', 'D', 'L', 'LG', 'LM', 'LB', 'LS', 'LT', 'LP', 'LH', 'M', 'B', 'BS', 'S', 'SS', 'NG', 'J', 'C', 'K', 'T', 'P', 'H'];

// Unicode 5.2 (CPython 2.7's unicodedata) CJK unified ideograph blocks.
const CJK: Array<[number, number]> = [[0x3400, 0x4db5], [0x4e00, 0x9fcb], [0x20000, 0x2a6d6], [0x2a700, 0x2b734]];

/** The code point for a Unicode name, or undefined when unknown (null is kept for "no data"). */
export function unicodeName(name: string): number | undefined | null {
  const up = name.toUpperCase();
  const cjk = /^CJK UNIFIED IDEOGRAPH-([0-9A-F]{4,5})$/.exec(up);
  if (cjk) {
    const v = parseInt(cjk[1]!, 16);
    return CJK.some(([a, b]) => v >= a && v <= b) ? v : undefined;
  }
  if (up.startsWith('HANGUL SYLLABLE ')) {
    const rest = up.slice('HANGUL SYLLABLE '.length);
    for (let l = 0; l < JAMO_L.length; l++) {
      for (let v = 0; v < JAMO_V.length; v++) {
        for (let t = 0; t < JAMO_T.length; t++) {
          if (JAMO_L[l]! + JAMO_V[v]! + JAMO_T[t]! === rest) return 0xac00 + (l * 21 + v) * 28 + t;
        }
      }
    }
    return undefined;
  }
  return names().get(up);
}
