// Runs the rule pack's query matchers on one file. A matcher's query never runs over the whole
// file: each occurrence of one of its keywords is located in the tree (with a cursor, locate.ts),
// and the query is tried only on the few ancestors of that word whose type is the pattern's root
// type. A file that never
// mentions `eval` costs the eval rule nothing but its share of one regex scan.

import { createRequire } from 'node:module';
import path from 'node:path';
import type Parser from 'tree-sitter';
import type { RuleMatch } from '../facts.js';
import { loadRulePack } from '../rules/load.js';
import { isQueryMatcher, RulePackError, type QueryMatcher, type Rule } from '../rules/schema.js';
import type { Locator } from './locate.js';
import { captureText, isStringLiteral } from './strings.js';

interface Compiled {
  rule: Rule;
  matcher: QueryMatcher;
  /** The matcher's index in rule.match, for error messages. */
  index: number;
  query: Parser.Query | undefined;
  /** Node type of the pattern's root, e.g. "call". */
  rootType: string;
}

interface CompiledPack {
  byKeyword: Map<string, Compiled[]>;
  keywords: RegExp;
}

const require = createRequire(import.meta.url);
let compiled: CompiledPack | undefined;
let rulesInUse: readonly Rule[] | undefined;

/** How far above a keyword a pattern's root may sit (e.g. identifier → attribute → call → subscript → assignment). */
const MAX_CLIMB = 5;
/** Keyword occurrences inside these leaves are prose, not code. */
const INERT = new Set(['string_content', 'comment', 'string_start', 'string_end', 'escape_sequence']);

function compile(rules: readonly Rule[]): CompiledPack {
  const byKeyword = new Map<string, Compiled[]>();
  for (const rule of rules) {
    for (const [index, matcher] of rule.match.entries()) {
      if (!isQueryMatcher(matcher)) continue;
      const c: Compiled = { rule, matcher, index, query: undefined, rootType: patternRootType(matcher.query) };
      for (const k of matcher.keywords) {
        const list = byKeyword.get(k) ?? [];
        list.push(c);
        byKeyword.set(k, list);
      }
    }
  }
  const words = [...byKeyword.keys()].sort((a, b) => b.length - a.length);
  return { byKeyword, keywords: new RegExp(`\\b(?:${words.join('|')})\\b`, 'g') };
}

/** A matcher's query, compiled on first use unless compileRuleQueries() came first. */
function queryOf(c: Compiled): Parser.Query {
  if (c.query) return c.query;
  const { Query } = require('tree-sitter') as typeof Parser;
  try {
    c.query = new Query(require('tree-sitter-python') as Parser.Language, c.matcher.query);
  } catch (e) {
    throw new RulePackError(`${c.rule.source}: ${c.rule.id}.match[${c.index}].query: not a valid tree-sitter-python query: ${(e as Error).message}`);
  }
  return c.query;
}

function pack(): CompiledPack {
  return (compiled ??= compile(rulesInUse ?? loadRulePack().rules));
}

/**
 * The rules whose queries this thread runs. A facts worker gets them from the main thread as
 * plain data rather than parsing the rule files again; without a call, the default pack is loaded.
 */
export function useRules(rules: readonly Rule[]): void {
  if (rulesInUse !== rules) compiled = undefined;
  rulesInUse = rules;
}

/** Compiles every query of the rules in use now (a bad one fails here, not in the middle of a scan). */
export function compileRuleQueries(): void {
  for (const list of pack().byKeyword.values()) for (const c of list) queryOf(c);
}

export function matchRules(loc: Locator, text: string, filePath: string): RuleMatch[] {
  const { byKeyword, keywords: re } = pack();
  const base = path.posix.basename(filePath);
  const out: RuleMatch[] = [];
  const seen = new Set<string>();
  const tried = new Set<string>();
  const rebound = new Map<string, boolean>();
  re.lastIndex = 0;
  loc.reset();
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const matchers = byKeyword.get(m[0]);
    if (!matchers) continue;
    const leaf = loc.locate(m.index, m.index + m[0].length);
    if (INERT.has(leaf.type)) continue;
    // Which (matcher, ancestor) pairs to try, from the path's types alone; the deepest first, as
    // making each ancestor's SyntaxNode moves the cursor up to it.
    const pathLen = loc.path.length;
    const todo: { c: Compiled; depth: number }[] = [];
    for (const c of matchers) {
      if (c.matcher.files && !c.matcher.files.includes(base)) continue;
      for (let depth = pathLen - 1; depth >= 0 && depth >= pathLen - 1 - MAX_CLIMB; depth--) {
        const node = loc.path[depth]!;
        if (node.type !== c.rootType) continue;
        const key = `${c.rule.id}/${c.matcher.query.length}/${node.start}/${node.end}`;
        if (tried.has(key)) continue;
        tried.add(key);
        todo.push({ c, depth });
      }
    }
    todo.sort((a, b) => b.depth - a.depth);
    for (const { c, depth } of todo) {
      for (const qm of queryOf(c).matches(loc.nodeAt(depth), { maxStartDepth: 0 })) {
        const r = toMatch(c, qm, text, rebound);
        if (!r) continue;
        const dup = `${r.ruleId}:${r.line}:${r.column}:${JSON.stringify(r.data)}`;
        if (seen.has(dup)) continue;
        seen.add(dup);
        out.push(r);
      }
    }
  }
  return out.sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
}

const reboundCache = new Map<string, RegExp>();

/** The file defines, imports or assigns `name` itself, so a call to it is not the builtin. */
function rebinds(text: string, name: string): boolean {
  let re = reboundCache.get(name);
  if (!re) {
    re = new RegExp(`^[ \\t]*(?:def[ \\t]+${name}\\b|${name}[ \\t]*=[^=]|(?:from[ \\t]+\\S+[ \\t]+)?import[ \\t][^\\n#]*\\b${name}\\b)`, 'm');
    reboundCache.set(name, re);
  }
  return re.test(text);
}

function isSoleArgumentOf(node: Parser.SyntaxNode, fns: string[], text: string): boolean {
  const args = node.parent;
  if (args?.type !== 'argument_list' || args.namedChildCount !== 1) return false;
  const fn = args.parent?.childForFieldName('function');
  return fn?.type === 'identifier' && fns.includes(text.slice(fn.startIndex, fn.endIndex));
}

/** The node type a query pattern starts with; the schema guarantees queries start "(type". */
export function patternRootType(query: string): string {
  const m = /^\s*(?:;[^\n]*\n\s*)*\(\s*([A-Za-z_]+)/.exec(query);
  if (!m) throw new Error(`query does not start with a node pattern: ${query}`);
  return m[1]!;
}

function toMatch(c: Compiled, qm: Parser.QueryMatch, text: string, rebound: Map<string, boolean>): RuleMatch | undefined {
  let at: Parser.SyntaxNode | undefined;
  let messageId = c.matcher.message ?? 'default';
  const data: Record<string, string> = {};
  for (const cap of qm.captures) {
    if (cap.name === 'match') at = cap.node;
    else if (cap.name === c.matcher.nonLiteral && isStringLiteral(cap.node)) return undefined;
    if (cap.name === c.matcher.literal && isStringLiteral(cap.node)) messageId = 'literal';
    if (!cap.name.startsWith('_') && cap.name !== 'match') data[cap.name] = captureText(cap.node, text);
  }
  if (!at) return undefined;
  if (c.matcher.notArgumentOf && isSoleArgumentOf(at, c.matcher.notArgumentOf, text)) return undefined;
  if (c.matcher.unlessRebound) {
    const cap = qm.captures.find((x) => x.name === c.matcher.unlessRebound);
    if (cap) {
      // One scan of the file per name, however many calls it has (`id(...)` can occur hundreds of times).
      const name = text.slice(cap.node.startIndex, cap.node.endIndex);
      let r = rebound.get(name);
      if (r === undefined) rebound.set(name, (r = rebinds(text, name)));
      if (r) return undefined;
    }
  }
  return { ruleId: c.rule.id, messageId, line: at.startPosition.row + 1, column: at.startPosition.column, data };
}
