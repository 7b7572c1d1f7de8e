import { isAscii } from 'node:buffer';

// Decodes Python 2.7 source bytes the way CPython 2.7's tokenizer does: a UTF-8 BOM, or a
// PEP 263 coding cookie on line 1 or 2, else ASCII. Python 2.7 checks line 2 even when line 1
// is code, unlike Python 3.

export interface Decoded {
  text: string;
  /** The codec the file declares ('ascii' when it declares none). */
  encoding: string;
  bom: boolean;
  /** Set when CPython would refuse the file; text is then a best-effort latin-1 decoding. */
  error?: { id: string; message: string; line: number };
}

const COOKIE = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;

/** Python codec aliases (lower-cased, '_' → '-') to a canonical name. */
const ALIASES: Record<string, string> = {
  'utf-8': 'utf-8', utf8: 'utf-8', 'utf-8-sig': 'utf-8', u8: 'utf-8', utf: 'utf-8',
  'latin-1': 'latin-1', latin1: 'latin-1', latin: 'latin-1', l1: 'latin-1',
  'iso-8859-1': 'latin-1', 'iso8859-1': 'latin-1', 'iso-latin-1': 'latin-1', '8859': 'latin-1', cp819: 'latin-1',
  ascii: 'ascii', 'us-ascii': 'ascii', 646: 'ascii',
};

/** Codecs Node's TextDecoder implements exactly as Python does, keyed by Python name. */
const WHATWG: Record<string, string> = {
  cp1250: 'windows-1250', cp1251: 'windows-1251', cp1252: 'windows-1252', cp1253: 'windows-1253',
  cp1254: 'windows-1254', cp1255: 'windows-1255', cp1256: 'windows-1256', cp1257: 'windows-1257',
  cp1258: 'windows-1258', 'windows-1252': 'windows-1252', 'windows-1251': 'windows-1251',
  'iso-8859-2': 'iso-8859-2', 'iso-8859-5': 'iso-8859-5', 'iso-8859-7': 'iso-8859-7',
  'iso-8859-15': 'iso-8859-15', 'koi8-r': 'koi8-r', 'koi8-u': 'koi8-u', 'euc-jp': 'euc-jp',
  'shift-jis': 'shift_jis', 'shift_jis': 'shift_jis', sjis: 'shift_jis', cp932: 'shift_jis',
  gbk: 'gbk', gb2312: 'gbk', gb18030: 'gb18030', big5: 'big5', 'euc-kr': 'euc-kr', 'utf-16': 'utf-16le',
};

/**
 * CPython's tokenizer normalises only exact spellings of utf-8 and latin-1 ("utf-8", "latin-1",
 * "iso-8859-1", each optionally followed by "-…"); other spellings ("utf8", "latin1") go through
 * the codec machinery. A BOM needs the normalised "utf-8", and only a normalised latin-1 file
 * keeps raw bytes (one per column) instead of UTF-8 columns.
 */
export function tokenizerNormalName(cookie: string): string {
  const buf = cookie.slice(0, 12).toLowerCase().replace(/_/g, '-');
  if (buf === 'utf-8' || buf.startsWith('utf-8-')) return 'utf-8';
  if (/^(latin-1|iso-8859-1|iso-latin-1)(-|$)/.test(buf)) return 'iso-8859-1';
  return cookie;
}

export function canonicalCodec(name: string): string | undefined {
  const n = name.toLowerCase().replace(/_/g, '-');
  // CPython's tokenizer normalises "utf-8-*" and "latin-1-*"/"iso-8859-1-*" prefixes itself.
  if (n === 'utf-8' || n.startsWith('utf-8-')) return 'utf-8';
  if (/^(latin-1|iso-8859-1|iso-latin-1)(-|$)/.test(n)) return 'latin-1';
  if (ALIASES[n]) return ALIASES[n];
  if (WHATWG[n]) return n;
  const noDash = n.replace(/-/g, '');
  if (ALIASES[noDash]) return ALIASES[noDash];
  return undefined;
}

// Node's TextDecoder decodes 'windows-1252' as latin-1, so cp1252's 0x80-0x9f block is ours.
const CP1252_HIGH = [0x20ac, -1, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, -1, 0x017d, -1, -1, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, -1, 0x017e, 0x0178];

function cp1252(bytes: Uint8Array): { text: string; bad?: number } {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80 || b >= 0xa0) out += String.fromCharCode(b);
    else {
      const cp = CP1252_HIGH[b - 0x80]!;
      if (cp < 0) return { text: out, bad: i };
      out += String.fromCharCode(cp);
    }
  }
  return { text: out };
}

function latin1(bytes: Uint8Array): string {
  // Buffer's latin1 decoder maps each byte to the code point of the same value, natively.
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/** The first two physical lines, as latin-1 text, for cookie detection. */
function firstTwoLines(bytes: Uint8Array): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length && lines.length < 2; i++) {
    if (bytes[i] === 0x0a) {
      lines.push(latin1(bytes.subarray(start, i)));
      start = i + 1;
    }
  }
  if (lines.length < 2 && start < bytes.length) lines.push(latin1(bytes.subarray(start, Math.min(bytes.length, start + 4096))));
  return lines;
}

export function findCookie(bytes: Uint8Array): { name: string; line: number } | undefined {
  const lines = firstTwoLines(bytes);
  for (let i = 0; i < lines.length; i++) {
    const m = COOKIE.exec(lines[i]!);
    if (m) return { name: m[1]!, line: i + 1 };
  }
  return undefined;
}

function lineOfOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

export function decodePython2(bytes: Uint8Array): Decoded {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  const cookie = findCookie(body);
  let encoding = 'ascii';
  if (cookie) {
    const canon = canonicalCodec(cookie.name);
    if (!canon) {
      return {
        text: latin1(body), encoding: cookie.name, bom,
        error: { id: 'decode-unknown-encoding', message: `unknown encoding: ${cookie.name}`, line: cookie.line },
      };
    }
    encoding = canon;
  }
  if (bom) {
    if (cookie && tokenizerNormalName(cookie.name) !== 'utf-8') {
      return {
        text: latin1(body), encoding, bom,
        error: { id: 'decode-bom-mismatch', message: `encoding problem: ${cookie.name} with BOM`, line: cookie.line },
      };
    }
    encoding = 'utf-8';
  }
  if (encoding === 'latin-1') return { text: latin1(body), encoding, bom };
  if (encoding === 'ascii') {
    if (isAscii(body)) return { text: latin1(body), encoding, bom };
    for (let i = 0; i < body.length; i++) {
      if (body[i]! >= 0x80) {
        const line = lineOfOffset(body, i);
        const hex = body[i]!.toString(16).padStart(2, '0');
        return {
          text: latin1(body), encoding, bom,
          error: {
            id: 'decode-non-ascii',
            message: `Non-ASCII character '\\x${hex}' on line ${line}, but no encoding declared; see http://python.org/dev/peps/pep-0263/ for details`,
            line,
          },
        };
      }
    }
    return { text: latin1(body), encoding, bom };
  }
  if (encoding === 'cp1252' || encoding === 'windows-1252') {
    const r = cp1252(body);
    if (r.bad === undefined) return { text: r.text, encoding, bom };
    const line = lineOfOffset(body, r.bad);
    return {
      text: latin1(body), encoding, bom,
      error: { id: 'decode-invalid-bytes', message: `'${encoding}' codec can't decode byte 0x${body[r.bad]!.toString(16)} on line ${line}`, line },
    };
  }
  const label = encoding === 'utf-8' ? 'utf-8' : WHATWG[encoding]!;
  try {
    const text = new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(body);
    return { text, encoding, bom };
  } catch {
    const bad = firstUndecodable(body, label);
    const line = lineOfOffset(body, bad);
    return {
      text: new TextDecoder(label, { ignoreBOM: true }).decode(body), encoding, bom,
      error: { id: 'decode-invalid-bytes', message: `'${encoding}' codec can't decode byte 0x${body[bad]?.toString(16).padStart(2, '0')} on line ${line}`, line },
    };
  }
}

/** Binary search for the first line whose prefix fails to decode; good enough to name a line. */
function firstUndecodable(body: Uint8Array, label: string): number {
  let lo = 0;
  let hi = body.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    try {
      // stream: a multi-byte sequence cut by the prefix is not an error.
      new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(body.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid;
    }
  }
  return lo;
}
