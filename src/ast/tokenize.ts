// A Python 2.7 tokenizer with CPython's token positions and error behaviour (Parser/tokenizer.c
// and parsetok.c semantics, written from their documented behaviour):
// - a token's lineno is the line where it ENDS, and its col_offset is -1 when it started on an
//   earlier line (multi-line strings) — the quirk `ast` shows for docstrings;
// - col_offset counts bytes: UTF-8 bytes of the decoded line, except in latin-1 files, where
//   CPython keeps the raw bytes (one per character);
// - tabs indent to the next multiple of 8; at most 100 indentation levels;
// - the error codes CPython reports (EOL/EOF in strings, bad dedent, bad continuation…).
// Errors stop tokenizing: the last token is then an ERROR token carrying the message, so the
// parser reports it only if it gets that far, as CPython does.

export const enum T {
  NAME = 1, NUMBER, STRING, OP, NEWLINE, INDENT, DEDENT, ENDMARKER, ERROR,
}

export interface Token {
  type: T;
  /** Source text of the token (for ERROR: the message). */
  str: string;
  lineno: number;
  col: number;
  /** Character index of the token's start in the normalised text (for error columns). */
  start: number;
  /** Set on the NEWLINE/DEDENT/ENDMARKER that end of input implies. */
  implied?: boolean;
}

export interface TokenizeError {
  message: string;
  /** 'SyntaxError' | 'IndentationError' | … : the class CPython raises. */
  kind: string;
  lineno: number;
  col: number;
}

const MAXINDENT = 100;

// Character classes, by char code.
const ID_START = new Uint8Array(128);
const ID_CHAR = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  ID_START[c] = /[A-Za-z_]/.test(ch) ? 1 : 0;
  ID_CHAR[c] = /[A-Za-z0-9_]/.test(ch) ? 1 : 0;
}

/** Length of the operator at pos: 3 for **= //= <<= >>=, 2 for the two-character ones. */
function opLength(text: string, pos: number, c: number): number {
  const d = text.charCodeAt(pos + 1);
  switch (c) {
    case 42: // *
    case 47: // /
      if (d === c) return text.charCodeAt(pos + 2) === 61 ? 3 : 2;
      return d === 61 ? 2 : 1;
    case 60: // <
      if (d === 60) return text.charCodeAt(pos + 2) === 61 ? 3 : 2;
      return d === 61 || d === 62 ? 2 : 1;
    case 62: // >
      if (d === 62) return text.charCodeAt(pos + 2) === 61 ? 3 : 2;
      return d === 61 ? 2 : 1;
    case 33: case 61: case 37: case 38: case 94: case 124: case 43: case 45: // ! = % & ^ | + -
      return d === 61 ? 2 : 1;
    default:
      return 1;
  }
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isHex = (c: number): boolean => isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);

export interface TokenizeResult {
  tokens: Token[];
  error?: TokenizeError;
  /** Physical line count, as `lines` in ParseResult. */
  lines: number;
}

/** The text CPython's tokenizer sees: \r\n and \r become \n, and a final newline is added. */
export function normaliseNewlines(text: string): string {
  let t = text.indexOf('\r') >= 0 ? text.replace(/\r\n?/g, '\n') : text;
  if (t.length === 0 || t.charCodeAt(t.length - 1) !== 10) t += '\n';
  return t;
}

/**
 * Tokenizes normalised text (see normaliseNewlines). `byteCols` selects UTF-8 byte columns
 * (true) or character columns (latin-1 files, where each character is one source byte).
 */
export function tokenize(text: string, byteCols = true): TokenizeResult {
  const stream = tokenStream(text, byteCols);
  const tokens: Token[] = [];
  stream.fill(tokens, Infinity);
  return { tokens, error: stream.error, lines: stream.lines };
}

/** Tokens on demand: the parser pulls a batch at a time, so tokens die young (cheap GC). */
export interface TokenStream {
  /** Appends up to `count` more tokens to `out` (fewer only at the end of input). */
  fill(out: Token[], count: number): void;
  readonly done: boolean;
  /** Physical line count; final once done. */
  readonly lines: number;
  readonly error: TokenizeError | undefined;
}

export function tokenStream(text: string, byteCols = true): TokenStream {
  let tokens: Token[] = [];
  let target = 0;
  let done = false;
  const n = text.length;
  // eslint-disable-next-line no-control-regex
  const ascii = !byteCols || !/[^\x00-\x7f]/.test(text);
  let pos = 0;
  let lineno = 1;
  let lineStart = 0;
  let level = 0; // bracket depth
  const indstack = [0];
  let atbol = true;
  let error: TokenizeError | undefined;

  const colOf = (idx: number): number => {
    if (idx < lineStart) return -1;
    if (ascii) return idx - lineStart;
    return utf8Len(text, lineStart, idx);
  };
  const fail = (message: string, idx: number, kind = 'SyntaxError', line = lineno): void => {
    const col = idx >= lineStart ? colOf(idx) : 0;
    error = { message, kind, lineno: line, col };
    tokens.push({ type: T.ERROR, str: message, lineno: line, col, start: idx });
  };
  const colAt = (from: number, idx: number): number => (ascii ? idx - from : utf8Len(text, from, idx));
  // At end of input CPython still counts the last line read, not the one after its newline.
  const eofLine = (): number => (n > 0 && text.charCodeAt(n - 1) === 10 ? lineno - 1 : lineno);
  const push = (type: T, start: number, end: number): void => {
    tokens.push({ type, str: text.slice(start, end), lineno, col: colOf(start), start });
  };

  return {
    fill(out: Token[], count: number): void {
      if (done) return;
      tokens = out;
      target = out.length + count;
      run();
    },
    get done() { return done; },
    get lines() { return Math.max(lineno - (text.endsWith('\n') ? 1 : 0), 0); },
    get error() { return error; },
  };

  // The tokenizer loop proper; returns when `target` tokens are buffered or input ends.
  function run(): void {
    outer: while (true) {
      if (tokens.length >= target) return;
      if (atbol) {
        atbol = false;
        let col = 0;
        let p = pos;
        for (;;) {
          const c = text.charCodeAt(p);
          if (c === 32) col++;
          else if (c === 9) col = (Math.floor(col / 8) + 1) * 8;
          else if (c === 12) col = 0;
          else break;
          p++;
        }
        const c = text.charCodeAt(p);
        const blank = c === 35 /* # */ || c === 10 || p >= n;
        if (!blank && level === 0) {
          const top = indstack[indstack.length - 1]!;
          if (col > top) {
            if (indstack.length >= MAXINDENT) {
              fail('too many levels of indentation', p, 'IndentationError');
              break;
            }
            indstack.push(col);
            tokens.push({ type: T.INDENT, str: '', lineno, col: -1, start: p });
          } else if (col < top) {
            while (indstack.length > 1 && col < indstack[indstack.length - 1]!) {
              indstack.pop();
              tokens.push({ type: T.DEDENT, str: '', lineno, col: -1, start: p });
            }
            if (col !== indstack[indstack.length - 1]) {
              fail('unindent does not match any outer indentation level', p, 'IndentationError');
              break;
            }
          }
        }
        pos = p;
      }

      // Skip spaces, tabs and form feeds.
      let c = text.charCodeAt(pos);
      while (c === 32 || c === 9 || c === 12) c = text.charCodeAt(++pos);
      if (c === 35) {
        // A comment runs to the end of the line.
        const nl = text.indexOf('\n', pos);
        pos = nl < 0 ? n : nl;
        c = text.charCodeAt(pos);
      }
      if (pos >= n) break;

      const start = pos;
      if (c === 10) {
        pos++;
        if (level === 0 && lineHasTokens(tokens)) push(T.NEWLINE, start, start + 1);
        lineno++;
        lineStart = pos;
        atbol = true;
        continue;
      }

      if (c < 128 && ID_START[c]) {
        // String prefixes: b, br, r, u, ur (any case).
        let p = pos;
        const c0 = c | 32;
        if (c0 === 98 /* b */ || c0 === 117 /* u */) {
          let q = p + 1;
          if ((text.charCodeAt(q) | 32) === 114) q++;
          const qc = text.charCodeAt(q);
          if (qc === 39 || qc === 34) { pos = q; if (!scanString(start)) break outer; continue; }
        } else if (c0 === 114 /* r */) {
          const qc = text.charCodeAt(p + 1);
          if (qc === 39 || qc === 34) { pos = p + 1; if (!scanString(start)) break outer; continue; }
        }
        p++;
        for (;;) {
          const d = text.charCodeAt(p);
          if (d < 128 && ID_CHAR[d]) p++;
          else break;
        }
        pos = p;
        push(T.NAME, start, p);
        continue;
      }

      if (c === 39 || c === 34) {
        if (!scanString(start)) break;
        continue;
      }

      if (isDigit(c) || (c === 46 && isDigit(text.charCodeAt(pos + 1)))) {
        const end = scanNumber(text, pos);
        if (end < 0) {
          fail('invalid token', start);
          break;
        }
        pos = end;
        push(T.NUMBER, start, end);
        continue;
      }

      if (c === 92 /* \ */) {
        const d = text.charCodeAt(pos + 1);
        if (d !== 10) {
          fail('unexpected character after line continuation character', pos + 1);
          break;
        }
        pos += 2;
        lineno++;
        lineStart = pos;
        continue;
      }

      // Operators.
      if (c === 40 || c === 91 || c === 123) level++;
      else if (c === 41 || c === 93 || c === 125) level--;
      // An unknown character becomes a one-character OP the grammar never accepts, as in CPython.
      pos += opLength(text, pos, c);
      push(T.OP, start, pos);
    }

    if (!error) {
      // End of input, as CPython's parsetok sees it: an implied NEWLINE if the logical line has
      // tokens (also inside brackets or after a backslash, where the parser then fails), the
      // pending DEDENTs and the end marker, all on the last line read.
      const line = eofLine();
      const lastLineStart = text.lastIndexOf('\n', n - 2) + 1;
      const col = n > 0 ? colAt(lastLineStart, n - 1) : 0;
      if (lineHasTokens(tokens)) tokens.push({ type: T.NEWLINE, str: '', lineno: line, col, start: n, implied: true });
      while (indstack.length > 1) {
        indstack.pop();
        tokens.push({ type: T.DEDENT, str: '', lineno: line, col, start: n, implied: true });
      }
      tokens.push({ type: T.ENDMARKER, str: '', lineno: line, col, start: n, implied: true });
    }
    done = true;
  }

  // Scans a string literal whose quote is at `pos`; `start` is where its prefix began.
  function scanString(start: number): boolean {
    const quote = text.charCodeAt(pos);
    let p = pos + 1;
    let triple = false;
    if (text.charCodeAt(p) === quote && text.charCodeAt(p + 1) === quote) {
      triple = true;
      p += 2;
    }
    for (;;) {
      if (p >= n) {
        pos = n;
        fail(triple ? 'EOF while scanning triple-quoted string literal' : 'EOL while scanning string literal', start, 'SyntaxError', eofLine());
        return false;
      }
      const d = text.charCodeAt(p);
      if (d === 10) {
        if (!triple) {
          pos = p;
          fail('EOL while scanning string literal', p);
          return false;
        }
        p++;
        lineno++;
        lineStart = p;
      } else if (d === 92) {
        const e = text.charCodeAt(p + 1);
        p += 2;
        if (e === 10) {
          lineno++;
          lineStart = p;
        } else if (p > n) {
          pos = n;
          fail('EOL while scanning string literal', start);
          return false;
        }
      } else if (d === quote) {
        if (!triple) { p++; break; }
        if (text.charCodeAt(p + 1) === quote && text.charCodeAt(p + 2) === quote) { p += 3; break; }
        p++;
      } else p++;
    }
    pos = p;
    push(T.STRING, start, p);
    return true;
  }
}

/** True when the current logical line produced a token, so a NEWLINE is due. */
function lineHasTokens(tokens: Token[]): boolean {
  const last = tokens[tokens.length - 1];
  return last !== undefined && last.type !== T.NEWLINE && last.type !== T.INDENT && last.type !== T.DEDENT;
}

/** The end of the number literal at `pos`, or a negative value for an invalid token. */
function scanNumber(text: string, pos: number): number {
  let p = pos;
  let c = text.charCodeAt(p);
  const fraction = (): void => {
    do c = text.charCodeAt(++p); while (isDigit(c));
  };
  const exponentAndImag = (): void => {
    if (c === 101 || c === 69) {
      // An 'e' not followed by digits is not an exponent: `1else` is 1, else (bpo-21642).
      const ePos = p;
      c = text.charCodeAt(++p);
      if (c === 43 || c === 45) c = text.charCodeAt(++p);
      if (!isDigit(c)) { p = ePos; c = text.charCodeAt(p); return; }
      do c = text.charCodeAt(++p); while (isDigit(c));
    }
    if (c === 106 || c === 74) c = text.charCodeAt(++p);
  };
  if (c === 46) {
    fraction();
    exponentAndImag();
    return p;
  }
  if (c === 48) {
    c = text.charCodeAt(++p);
    if (c === 46) { fraction(); exponentAndImag(); return p; }
    if (c === 106 || c === 74) return p + 1;
    const x = c | 32;
    if (x === 120) {
      c = text.charCodeAt(++p);
      if (!isHex(c)) return -1;
      do c = text.charCodeAt(++p); while (isHex(c));
    } else if (x === 111) {
      c = text.charCodeAt(++p);
      if (c < 48 || c > 55) return -1;
      do c = text.charCodeAt(++p); while (c >= 48 && c <= 55);
    } else if (x === 98) {
      c = text.charCodeAt(++p);
      if (c !== 48 && c !== 49) return -1;
      do c = text.charCodeAt(++p); while (c === 48 || c === 49);
    } else {
      let foundDecimal = false;
      while (c >= 48 && c <= 55) c = text.charCodeAt(++p);
      if (isDigit(c)) {
        foundDecimal = true;
        do c = text.charCodeAt(++p); while (isDigit(c));
      }
      if (c === 46) { fraction(); exponentAndImag(); return p; }
      if (c === 101 || c === 69 || c === 106 || c === 74) { exponentAndImag(); return p; }
      if (foundDecimal) return -1;
    }
    if (c === 108 || c === 76) p++;
    return p;
  }
  do c = text.charCodeAt(++p); while (isDigit(c));
  if (c === 108 || c === 76) return p + 1;
  if (c === 46) fraction();
  exponentAndImag();
  return p;
}

/** UTF-8 byte length of text[from, to). */
export function utf8Len(text: string, from: number, to: number): number {
  let bytes = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) { bytes += 4; i++; } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}
