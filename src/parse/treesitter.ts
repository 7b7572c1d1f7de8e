// tree-sitter-python setup and the repair of its Python 2 gaps.
//
// tree-sitter-python 0.25 accepts most Python 2 but not all of it. We close the gaps by parsing
// a rewritten copy of the text of the SAME LENGTH, so every node position still points into
// the original source. The rewrites are driven by our own Python 2.7 tokens (src/ast), which
// know exactly where each construct is:
// - backtick repr `x`: tree-sitter reads backticks as string quotes; they become ( and );
// - `exec <expr> in g, l` when <expr> is more than one name or string: tree-sitter only takes
//   a name or string there, so the expression becomes a same-sized placeholder name (or a
//   triple-quoted string when it spans lines);
// - `x.True`, `x.False`, `x.None` (attribute names that tree-sitter reads as literals) and
//   `async`/`await`/`nonlocal` used as names: upper-cased;
// - `from __future__ import *` (tree-sitter's future import takes names only): __FUTURE__.
// Consequence for readers of the tree: `node.text` shows the rewritten text; slice the original
// text with node.startIndex/endIndex instead (positions are identical).

import { createRequire } from 'node:module';
import type TSParser from 'tree-sitter';
import { normaliseNewlines, T, tokenize, type Token } from '../ast/tokenize.js';

const require = createRequire(import.meta.url);

export type Tree = TSParser.Tree;
export type SyntaxNode = TSParser.SyntaxNode;

let ParserCtor: typeof TSParser | undefined;
let language: unknown;

/** A tree-sitter parser for Python; one per thread (parsers are not shareable). */
export function createCstParser(): TSParser {
  if (!ParserCtor) {
    ParserCtor = require('tree-sitter') as typeof TSParser;
    language = require('tree-sitter-python');
  }
  const p = new ParserCtor();
  p.setLanguage(language as TSParser.Language);
  return p;
}

export interface Cst {
  tree: Tree;
  /** Number of same-length rewrites applied before parsing. */
  repairs: number;
}

const CHUNK = 1 << 16;

/**
 * Parses `text` with the Python 2 repairs. `tokens` may be passed when the caller already
 * tokenized the same text (only valid when the text has no '\r', so indices coincide).
 */
export function parseCst(parser: TSParser, text: string, tokens?: Token[]): Cst {
  const toks = tokens ?? tokenize(sameLengthNewlines(text)).tokens;
  const edits = repairEdits(toks, text);
  let input = text;
  if (edits.length) {
    const parts: string[] = [];
    let at = 0;
    for (const e of edits) {
      parts.push(text.slice(at, e.start), e.text);
      at = e.start + e.text.length;
    }
    parts.push(text.slice(at));
    input = parts.join('');
  }
  // The callback form keeps big sources (10 MB+) out of one giant N-API string copy.
  const tree = parser.parse((index: number) => input.slice(index, index + CHUNK));
  return { tree, repairs: edits.length };
}

/** Same-length newline normalisation, so token indices stay valid for the original text. */
function sameLengthNewlines(text: string): string {
  if (text.indexOf('\r') < 0) return text.length && text.endsWith('\n') ? text : normaliseNewlines(text);
  return text.replace(/\r\n/g, '\n\n').replace(/\r/g, '\n');
}

interface Edit { start: number; text: string }

const UPPER_NAMES = new Set(['async', 'await', 'nonlocal']);
const LITERAL_NAMES = new Set(['True', 'False', 'None']);

function repairEdits(toks: Token[], text: string): Edit[] {
  const edits: Edit[] = [];
  const ticks: number[] = []; // bracket depth of each open backtick
  let depth = 0;
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    if (t.type === T.OP) {
      const c = t.str;
      if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === ')' || c === ']' || c === '}') depth--;
      else if (c === '`') {
        if (ticks.length && ticks[ticks.length - 1] === depth) {
          ticks.pop();
          edits.push({ start: t.start, text: ')' });
        } else {
          ticks.push(depth);
          edits.push({ start: t.start, text: '(' });
        }
      }
      continue;
    }
    if (t.type !== T.NAME) continue;
    const prev = toks[k - 1];
    if (LITERAL_NAMES.has(t.str) && prev && prev.type === T.OP && prev.str === '.') {
      edits.push({ start: t.start, text: t.str.toUpperCase() });
    } else if (UPPER_NAMES.has(t.str)) {
      edits.push({ start: t.start, text: t.str.toUpperCase() });
    } else if (t.str === '__future__' && prev?.str === 'from' && toks[k + 2]?.str === '*') {
      // `from __future__ import *` parses in CPython (the compiler rejects it later).
      edits.push({ start: t.start, text: '__FUTURE__' });
    } else if (t.str === 'exec' && isStatementStart(toks, k)) {
      const e = execCodeEdit(toks, k, text);
      if (e) edits.push(e);
    }
  }
  edits.sort((a, b) => a.start - b.start);
  return edits;
}

function isStatementStart(toks: Token[], k: number): boolean {
  const p = toks[k - 1];
  if (!p) return true;
  return p.type === T.NEWLINE || p.type === T.INDENT || p.type === T.DEDENT || (p.type === T.OP && (p.str === ';' || p.str === ':'));
}

/** The placeholder for exec's code expression, when it is not a lone name or string. */
function execCodeEdit(toks: Token[], k: number, text: string): Edit | undefined {
  const first = k + 1;
  let depth = 0;
  let j = first;
  for (; j < toks.length; j++) {
    const t = toks[j]!;
    if (t.type === T.OP) {
      if (t.str === '(' || t.str === '[' || t.str === '{') depth++;
      else if (t.str === ')' || t.str === ']' || t.str === '}') depth--;
      else if (depth === 0 && t.str === ';') break;
    } else if (depth === 0 && (t.type === T.NEWLINE || t.type === T.ENDMARKER || t.type === T.ERROR || (t.type === T.NAME && t.str === 'in'))) {
      break;
    }
  }
  const last = j - 1;
  if (last < first) return undefined;
  const only = toks[first]!;
  if (last === first && (only.type === T.NAME || only.type === T.STRING)) return undefined;
  const start = only.start;
  const end = toks[last]!.start + tokenLength(toks[last]!);
  const span = text.slice(start, end);
  if (span.indexOf('\n') < 0) return { start, text: '_'.repeat(span.length) };
  if (span.length < 6) return undefined;
  const inner = span.slice(3, -3).replace(/[^\n]/g, ' ');
  return { start, text: `"""${inner}"""` };
}

function tokenLength(t: Token): number {
  return t.type === T.ERROR ? 0 : t.str.length;
}
