// Source characters back to source bytes, for str literals: CPython keeps a str literal's bytes
// in the file's own encoding (UTF-8 and latin-1 files keep their bytes as read; other codecs are
// decoded to UTF-8 by the tokenizer and re-encoded by the compiler, which comes to the same).

import { decodePython2 } from '../discover/encoding.js';

const LABELS: Record<string, string> = {
  'shift-jis': 'shift_jis', sjis: 'shift_jis', cp932: 'shift_jis', gb2312: 'gbk', 'utf-16': 'utf-16le',
};

function whatwgLabel(codec: string): string {
  const m = /^cp(125\d)$/.exec(codec);
  if (m) return `windows-${m[1]}`;
  return LABELS[codec] ?? codec;
}

const tables = new Map<string, Map<string, string>>();

/** char → byte-string table for a codec Node's TextDecoder knows (1- and 2-byte forms). */
function tableFor(codec: string): Map<string, string> {
  let t = tables.get(codec);
  if (t) return t;
  t = new Map();
  // Single bytes through the discover stage's own decoder, so both directions agree (it knows
  // cp1252's real high half, which Node's TextDecoder lacks).
  const head = Buffer.from(`# coding: ${codec}\n`, 'latin1');
  for (let b = 0; b < 256; b++) {
    const d = decodePython2(Buffer.concat([head, Buffer.from([b])]));
    const ch = d.text.slice(head.length);
    if (!d.error && ch.length === 1 && ch !== '\ufffd' && !t.has(ch)) t.set(ch, String.fromCharCode(b));
  }
  if (t.size < 200) {
    const dec = new TextDecoder(whatwgLabel(codec), { fatal: false });
    const two = new Uint8Array(2);
    for (let a = 0x81; a < 0xff; a++) {
      for (let b = 0x40; b < 0xff; b++) {
        two[0] = a;
        two[1] = b;
        const ch = dec.decode(two);
        if (ch.length === 1 && ch !== '\ufffd' && !t.has(ch)) t.set(ch, String.fromCharCode(a, b));
      }
    }
  }
  tables.set(codec, t);
  return t;
}

/** The function turning decoded characters into the source bytes, for a canonical codec name. */
export function bytesEncoder(encoding: string | undefined): (chars: string) => string {
  const enc = encoding ?? 'utf-8';
  if (enc === 'latin-1') return (s) => s;
  if (enc === 'utf-8' || enc === 'ascii') {
    return (s) => {
      // eslint-disable-next-line no-control-regex
      if (!/[^\x00-\x7f]/.test(s)) return s;
      return Buffer.from(s, 'utf8').toString('latin1');
    };
  }
  return (s) => {
    // eslint-disable-next-line no-control-regex
    if (!/[^\x00-\x7f]/.test(s)) return s;
    const t = tableFor(enc);
    let out = '';
    for (const ch of s) out += ch.charCodeAt(0) < 0x80 ? ch : (t.get(ch) ?? '?');
    return out;
  };
}
