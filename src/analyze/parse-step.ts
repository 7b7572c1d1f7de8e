// The parse step the analyzer needs: facts per Python file, from tree-sitter alone. The same code
// runs in the facts workers (facts-worker.ts) and on the main thread (facts-pool.ts).

import { createRequire } from 'node:module';
import type Parser from 'tree-sitter';
import type { Diagnostic } from '../diagnostics.js';
import type { parseOne as ParseOne } from '../parse/parse-one.js';
import type { createCstParser as CreateCstParser, parseCst as ParseCst } from '../parse/treesitter.js';
import { compileRuleQueries, useRules } from './cst/match.js';
import type { Rule } from './rules/schema.js';
import { extractFacts, type FileFacts } from './facts.js';

export interface FactsRequest {
  path: string;
  text: string;
  /** The codec discover decoded the file with; the front end needs it for exact syntax errors. */
  encoding?: string;
}

export interface FactsResult {
  path: string;
  lines: number;
  facts?: FileFacts;
  diagnostics: Diagnostic[];
}

export function countLines(text: string): number {
  if (text.length === 0) return 0;
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return text.endsWith('\n') ? n : n + 1;
}

const require = createRequire(import.meta.url);
let parser: Parser | undefined;

function getParser(): Parser {
  if (!parser) {
    const TreeSitter = require('tree-sitter') as typeof Parser;
    parser = new TreeSitter();
    parser.setLanguage(require('tree-sitter-python') as Parser.Language);
  }
  return parser;
}

/**
 * Loads tree-sitter and compiles the rule queries now, e.g. while a worker waits for its first
 * batch (nearly every query is needed on a big repository). `rules`: the rules to match (default:
 * the rule pack on disk).
 */
export function warmUp(rules?: readonly Rule[]): void {
  if (rules) useRules(rules);
  getParser();
  compileRuleQueries();
}

/** One file: plain tree-sitter, then the facts. A tree with an error still needs recheckSyntax. */
function parsePlain(r: FactsRequest): FactsResult {
  // One input chunk: by default node-tree-sitter hands the text over in small chunks, slicing the
  // rest of the string for each (quadratic on big files; measurably slower on the whole Lib).
  const tree = getParser().parse(r.text, undefined, { bufferSize: r.text.length + 1 });
  return { path: r.path, lines: countLines(r.text), facts: extractFacts(tree.rootNode, r.text, r.path), diagnostics: [] };
}

/** A batch of files, in order, with plain tree-sitter only: a result with a syntaxError still needs recheck(). */
export function parseBatchPlain(reqs: FactsRequest[]): FactsResult[] {
  return reqs.map(parsePlain);
}

/** A batch of files, in order, rechecking the few that plain tree-sitter rejects. */
export async function parseBatch(reqs: FactsRequest[]): Promise<FactsResult[]> {
  const out = parseBatchPlain(reqs);
  for (let i = 0; i < out.length; i++) {
    if (out[i]!.facts?.syntaxError) out[i] = await recheck(out[i]!, reqs[i]!);
  }
  return out;
}

/** Starts loading the front end, for a caller that knows it will need it soon. */
export function preloadFrontEnd(): Promise<unknown> {
  frontEndLoading ??= loadFrontEnd().then((fe) => (frontEnd = fe));
  return frontEndLoading;
}

/** The Python 2 repairs, then the front end's verdict, for a file plain tree-sitter rejected. */
export async function recheck(r: FactsResult, req: FactsRequest): Promise<FactsResult> {
  if (!frontEnd) await preloadFrontEnd();
  return recheckSyntax(frontEnd!, r, req);
}

interface FrontEnd {
  parseOne: typeof ParseOne;
  createCstParser: typeof CreateCstParser;
  parseCst: typeof ParseCst;
}

let frontEnd: FrontEnd | undefined;
let frontEndLoading: Promise<unknown> | undefined;
let repairParser: ReturnType<typeof CreateCstParser> | undefined;

/** Loaded on demand: the front end is only needed for the few files plain tree-sitter rejects. */
async function loadFrontEnd(): Promise<FrontEnd> {
  const [one, ts] = await Promise.all([import('../parse/parse-one.js'), import('../parse/treesitter.js')]);
  return { parseOne: one.parseOne, createCstParser: ts.createCstParser, parseCst: ts.parseCst };
}

/**
 * tree-sitter-python misreads some valid Python 2 (`exec f(x) in d`, `x.False`, `async` as a name).
 * A file whose plain tree has an error is parsed again with the front end's Python 2 repairs; if
 * that tree still has one, the front end's parser (the syntax oracle) gives the exact verdict and
 * message. Only those few files pay for it.
 */
function recheckSyntax(fe: FrontEnd, r: FactsResult, req: FactsRequest): FactsResult {
  repairParser ??= fe.createCstParser();
  const repaired = fe.parseCst(repairParser, req.text).tree;
  if (!repaired.rootNode.hasError) return { ...r, facts: extractFacts(repaired.rootNode, req.text, r.path) };
  const exact = fe.parseOne({ path: r.path, text: req.text, want: { facts: true }, ...(req.encoding ? { encoding: req.encoding } : {}) });
  const facts = exact.facts ?? r.facts!;
  const accepted = !exact.diagnostics.some((d) => d.severity === 'error');
  if (accepted && facts.syntaxError) delete facts.syntaxError;
  return { path: r.path, lines: exact.lines, facts, diagnostics: exact.diagnostics };
}
