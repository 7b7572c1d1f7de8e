// One file through the parse stage, in whatever thread runs it: our Python 2.7 parser (the
// syntax verdict, CPython's error messages, and the typed AST), then tree-sitter with the
// Python 2 repairs for the analyzer's facts. The worker pool and the in-process path share it.

import type TSParser from 'tree-sitter';
import { diag, type Diagnostic } from '../diagnostics.js';
import type { Module } from '../ast/nodes.js';
import { parseModule } from '../ast/index.js';
import { extractFacts, type FileFacts } from '../analyze/facts.js';
import { createCstParser, parseCst } from './treesitter.js';

export interface ParseRequest {
  path: string;
  text: string;
  want: { ast?: boolean; facts?: boolean };
  /**
   * The file's codec as src/discover decoded it (canonical name). It decides str literal bytes
   * and byte columns; absent means UTF-8 (right for ASCII and UTF-8 files).
   */
  encoding?: string;
}

export interface ParseResult {
  path: string;
  lines: number;
  ast?: Module;
  facts?: FileFacts;
  diagnostics: Diagnostic[];
}

let cstParser: TSParser | undefined;

export function parseOne(req: ParseRequest): ParseResult {
  const r = parseModule(req.text, { encoding: req.encoding, keepTokens: Boolean(req.want.facts) });
  const out: ParseResult = { path: req.path, lines: r.lines, diagnostics: [] };
  if (r.error) {
    const e = r.error;
    const message = e.kind === 'SyntaxError' ? e.message : `${e.kind}: ${e.message}`;
    out.diagnostics.push(diag('syntax-error', 'error', req.path, message, e.lineno, e.col));
  } else if (req.want.ast) {
    out.ast = r.ast;
  }
  if (req.want.facts) {
    cstParser ??= createCstParser();
    const sameIndices = req.text.indexOf('\r') < 0;
    const { tree } = parseCst(cstParser, req.text, sameIndices ? r.tokens : undefined);
    out.facts = extractFacts(tree.rootNode, req.text, req.path);
  }
  return out;
}
