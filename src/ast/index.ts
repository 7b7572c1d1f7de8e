// The ast stage's entry: decoded Python 2.7 source → the typed Module, or CPython's syntax error.

import type { Module } from './nodes.js';
import { normaliseNewlines, tokenize, tokenStream, type Token } from './tokenize.js';
import { ParseFailure, parseTokens, type SyntaxErrorInfo } from './parser.js';
import { bytesEncoder } from './encode.js';

export type { SyntaxErrorInfo } from './parser.js';

export interface AstResult {
  ast?: Module;
  error?: SyntaxErrorInfo;
  /** Physical lines in the source. */
  lines: number;
  /** The tokens, when AstOptions.keepTokens asked for them (indices into the normalised text). */
  tokens?: Token[];
}

export interface AstOptions {
  /**
   * The file's codec (canonical names as src/discover/encoding.ts gives them). It decides the
   * bytes of str literals and whether col_offset counts UTF-8 bytes or (latin-1) characters.
   * Defaults to 'utf-8'.
   */
  encoding?: string;
  /** Count UTF-8 columns even for latin-1 (a cookie spelled "latin1"; see source.ts). */
  utf8Columns?: boolean;
  /** Return the tokens too (src/parse reuses them to repair tree-sitter's input). */
  keepTokens?: boolean;
}

export function parseModule(text: string, opts: AstOptions = {}): AstResult {
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    // CPython refuses such source before tokenizing (compile() raises TypeError).
    const lineno = text.slice(0, nul).split('\n').length;
    const error = { kind: 'TypeError', message: 'compile() expected string without null bytes', lineno, col: 0 };
    return { error, lines: normaliseNewlines(text).split('\n').length - 1 };
  }
  const src = normaliseNewlines(text);
  const latin1 = opts.encoding === 'latin-1' && !opts.utf8Columns;
  const toBytes = bytesEncoder(opts.encoding);
  // The whole token list when someone needs it, or when unicode_literals may be imported (it
  // applies file-wide); otherwise tokens stream into the parser and die young.
  if (opts.keepTokens || src.indexOf('unicode_literals') >= 0) {
    const { tokens, lines } = tokenize(src, !latin1);
    const kept = opts.keepTokens ? { tokens } : {};
    try {
      return { ast: parseTokens(tokens, { toBytes }), lines, ...kept };
    } catch (e) {
      if (e instanceof ParseFailure) return { error: e.info, lines, ...kept };
      throw e;
    }
  }
  const stream = tokenStream(src, !latin1);
  try {
    const ast = parseTokens(stream, { toBytes, unicodeLiterals: false });
    return { ast, lines: stream.lines };
  } catch (e) {
    if (!(e instanceof ParseFailure)) throw e;
    // The line count covers the whole file even when parsing stopped early.
    while (!stream.done) stream.fill([], 1 << 16);
    return { error: e.info, lines: stream.lines };
  }
}
