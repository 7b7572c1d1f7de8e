// The rule pack's shape, and its validation at load time. A malformed rule stops the run with a
// RulePackError naming the file, the rule and the field: rule files are data shipped with the tool.

import type { FindingCategory, FindingSeverity } from '../../contract.js';

export const CATEGORIES: readonly FindingCategory[] = [
  'dynamic', 'c-extension', 'optional-c-extension', 'syntax', 'unsupported-stdlib', 'missing-import', 'runtime-semantics',
];
export const SEVERITIES: readonly FindingSeverity[] = ['blocker', 'warning', 'info'];

/** Matchers implemented in code (src/analyze/rules/named.ts), for what a query cannot express. */
export const NAMED_MATCHERS = [
  'native-package-import', 'optional-native-import', 'native-file', 'unsupported-stdlib-import', 'missing-import', 'syntax',
] as const;
export type NamedMatcher = (typeof NAMED_MATCHERS)[number];

export interface QueryMatcher {
  /** Words that must occur in the file for the query to run at all (a cheap prefilter). */
  keywords: string[];
  /** A tree-sitter query; the capture @match is the finding's location. */
  query: string;
  /** Message id for this matcher's findings (default: "default"). */
  message?: string;
  /** Capture whose being a plain string literal selects the "literal" message. */
  literal?: string;
  /** Capture that must NOT be a string literal for the match to count. */
  nonLiteral?: string;
  /** Basenames the matcher applies to (e.g. setup.py); all Python files when absent. */
  files?: string[];
  /** Skip a match that is the whole argument of a call to one of these functions (`type(f.func_code)`). */
  notArgumentOf?: string[];
  /**
   * Capture holding a builtin's name: skip the match when the file rebinds that name itself
   * (`from re import compile`, `def input(...)`, `input = raw_input`), since the call is then not the builtin.
   */
  unlessRebound?: string;
}

export interface NamedMatcherSpec {
  named: NamedMatcher;
}

export type Matcher = QueryMatcher | NamedMatcherSpec;

export interface Rule {
  id: string;
  title: string;
  category: FindingCategory;
  severity: FindingSeverity;
  /** Message templates by id; "default" always exists. `{name}` is filled from the finding's data. */
  messages: Record<string, string>;
  remediation: string;
  docs: string;
  match: Matcher[];
  /** The rule file it came from, relative to the rules folder. */
  source: string;
}

export class RulePackError extends Error {}

export function isQueryMatcher(m: Matcher): m is QueryMatcher {
  return (m as QueryMatcher).query !== undefined;
}

const ID_RE = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** Validates one parsed rule file; returns its rules or throws RulePackError naming file and field. */
export function validateRuleFile(file: string, doc: unknown): Rule[] {
  const fail = (where: string, what: string): never => {
    throw new RulePackError(`${file}: ${where}: ${what}`);
  };
  if (!isObject(doc) || !Array.isArray(doc.rules)) fail('rules', 'expected a top-level "rules" list');
  const rules: Rule[] = [];
  (doc as { rules: unknown[] }).rules.forEach((raw, i) => {
    const at = (field: string) => `rules[${i}]${isObject(raw) && typeof raw.id === 'string' ? ` (${raw.id})` : ''}.${field}`;
    if (!isObject(raw)) fail(`rules[${i}]`, 'expected a mapping');
    const r = raw as Record<string, unknown>;
    for (const k of Object.keys(r)) {
      if (!['id', 'title', 'category', 'severity', 'messages', 'remediation', 'docs', 'match'].includes(k)) fail(at(k), 'unknown field');
    }
    const str = (field: string): string => {
      const v = r[field];
      if (typeof v !== 'string' || v.trim() === '') fail(at(field), 'required, a non-empty string');
      return v as string;
    };
    const id = str('id');
    if (!ID_RE.test(id)) fail(at('id'), `"${id}" is not a kebab-case id`);
    const category = str('category') as FindingCategory;
    if (!CATEGORIES.includes(category)) fail(at('category'), `"${category}" is not one of ${CATEGORIES.join(', ')}`);
    const severity = str('severity') as FindingSeverity;
    if (!SEVERITIES.includes(severity)) fail(at('severity'), `"${severity}" is not one of ${SEVERITIES.join(', ')}`);
    if (!isObject(r.messages)) fail(at('messages'), 'required, a mapping of message id to template');
    const messages = r.messages as Record<string, unknown>;
    if (typeof messages.default !== 'string') fail(at('messages.default'), 'required, a string');
    for (const [k, v] of Object.entries(messages)) if (typeof v !== 'string') fail(at(`messages.${k}`), 'must be a string');
    if (!Array.isArray(r.match) || r.match.length === 0) fail(at('match'), 'required, a non-empty list of matchers');
    const match = (r.match as unknown[]).map((m, j) => validateMatcher(m, `${at('match')}[${j}]`, messages as Record<string, string>, fail));
    rules.push({
      id, title: str('title'), category, severity, messages: messages as Record<string, string>,
      remediation: str('remediation'), docs: str('docs'), match, source: file,
    });
  });
  return rules;
}

function validateMatcher(
  m: unknown, at: string, messages: Record<string, string>, fail: (where: string, what: string) => never,
): Matcher {
  if (!isObject(m)) return fail(at, 'expected a mapping');
  if ('named' in m) {
    if (Object.keys(m).length !== 1) fail(at, 'a named matcher takes no other fields');
    if (!(NAMED_MATCHERS as readonly string[]).includes(m.named as string)) {
      fail(`${at}.named`, `"${String(m.named)}" is not one of ${NAMED_MATCHERS.join(', ')}`);
    }
    return { named: m.named as NamedMatcher };
  }
  for (const k of Object.keys(m)) {
    if (!['keywords', 'query', 'message', 'literal', 'nonLiteral', 'files', 'notArgumentOf', 'unlessRebound'].includes(k)) fail(`${at}.${k}`, 'unknown field');
  }
  if (typeof m.query !== 'string' || m.query.trim() === '') fail(`${at}.query`, 'required, a tree-sitter query (or use "named")');
  const query = m.query as string;
  if (!/@match\b/.test(query)) fail(`${at}.query`, 'must capture @match (the finding location)');
  if (!/^\s*\(\s*[A-Za-z_]+/.test(query)) fail(`${at}.query`, 'must start with one node pattern, "(type ...", whose root type the keyword prefilter climbs to');
  if (!Array.isArray(m.keywords) || m.keywords.length === 0 || !m.keywords.every((k) => typeof k === 'string' && /^\w+$/.test(k))) {
    fail(`${at}.keywords`, 'required, a non-empty list of words');
  }
  if (m.message !== undefined && (typeof m.message !== 'string' || !(m.message in messages))) {
    fail(`${at}.message`, `"${String(m.message)}" is not a key of messages`);
  }
  for (const k of ['literal', 'nonLiteral', 'unlessRebound'] as const) {
    if (m[k] === undefined) continue;
    if (typeof m[k] !== 'string' || !new RegExp(`@${m[k]}\\b`).test(query)) fail(`${at}.${k}`, `must name a capture of the query`);
  }
  if (m.literal !== undefined && !('literal' in messages)) fail(`${at}.literal`, 'needs a "literal" message');
  if (m.files !== undefined && (!Array.isArray(m.files) || !m.files.every((f) => typeof f === 'string'))) fail(`${at}.files`, 'must be a list of basenames');
  if (m.notArgumentOf !== undefined && (!Array.isArray(m.notArgumentOf) || !m.notArgumentOf.every((f) => typeof f === 'string'))) {
    fail(`${at}.notArgumentOf`, 'must be a list of function names');
  }
  const out: QueryMatcher = { keywords: m.keywords as string[], query };
  if (m.message !== undefined) out.message = m.message as string;
  if (m.literal !== undefined) out.literal = m.literal as string;
  if (m.nonLiteral !== undefined) out.nonLiteral = m.nonLiteral as string;
  if (m.files !== undefined) out.files = m.files as string[];
  if (m.notArgumentOf !== undefined) out.notArgumentOf = m.notArgumentOf as string[];
  if (m.unlessRebound !== undefined) out.unlessRebound = m.unlessRebound as string;
  return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
