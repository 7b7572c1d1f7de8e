// The parse step the analyzer needs: facts per Python file, from tree-sitter alone. The worker pool
// in facts-pool.ts runs parseForFactsSync on threads; parseInProcess runs it here.

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

/** One file: tree-sitter, then the facts. Used on the calling thread and in the facts workers. */
export function parseForFactsSync(r: FactsRequest): FactsResult {
  if (!parser) {
    const TreeSitter = require('tree-sitter') as typeof Parser;
    parser = new TreeSitter();
    parser.setLanguage(require('tree-sitter-python') as Parser.Language);
  }
  // One input chunk: by default node-tree-sitter hands the text over in small chunks, slicing the
  // rest of the string for each (quadratic on big files; measurably slower on the whole Lib).
  const tree = parser.parse(r.text, undefined, { bufferSize: r.text.length + 1 });
  return { path: r.path, lines: countLines(r.text), facts: extractFacts(tree.rootNode, r.text, r.path), diagnostics: [] };
}

/** Parses on the calling thread, one file at a time. */
export const parseInProcess: ParseForFacts = async (reqs, opts) => {
  const events = opts.events ?? silentSink;
  let done = 0;
  return reqs.map((r) => {
    const out = parseForFactsSync(r);
    progress(events, 'parse', ++done, reqs.length);
    return out;
  });
};
