// The parse step the analyzer needs: facts per Python file. src/parse (the front end's worker pool)
// provides it; until that lands this in-process fallback with the same request/result shape is used.

import { createRequire } from 'node:module';
import type Parser from 'tree-sitter';
import type { Diagnostic } from '../diagnostics.js';
import type { EventSink } from '../events.js';
import { progress, silentSink } from '../events.js';
import { extractFacts, type FileFacts } from './facts.js';

export interface FactsRequest {
  path: string;
  text: string;
}

export interface FactsResult {
  path: string;
  lines: number;
  facts?: FileFacts;
  diagnostics: Diagnostic[];
}

export type ParseForFacts = (reqs: FactsRequest[], opts: { threads?: number; events?: EventSink }) => Promise<FactsResult[]>;

export function countLines(text: string): number {
  if (text.length === 0) return 0;
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return text.endsWith('\n') ? n : n + 1;
}

const require = createRequire(import.meta.url);
let parser: Parser | undefined;

/** Parses on the calling thread, one file at a time. */
export const parseInProcess: ParseForFacts = async (reqs, opts) => {
  if (!parser) {
    const TreeSitter = require('tree-sitter') as typeof Parser;
    parser = new TreeSitter();
    parser.setLanguage(require('tree-sitter-python') as Parser.Language);
  }
  const events = opts.events ?? silentSink;
  const out: FactsResult[] = [];
  let done = 0;
  for (const r of reqs) {
    const tree = parser.parse(r.text);
    out.push({ path: r.path, lines: countLines(r.text), facts: extractFacts(tree.rootNode, r.text, r.path), diagnostics: [] });
    progress(events, 'parse', ++done, reqs.length);
  }
  return out;
};
