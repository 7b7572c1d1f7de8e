// Loads the rule pack (rules/*.yaml) and the module lists beside it, synchronously: the parse
// workers load it once each, at their first file. A hash of every file read keys the cache.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../../version.js';
import { cachedParse, parseYaml } from './parsed-cache.js';
import { RulePackError, validateRuleFile, type Rule } from './schema.js';

export interface RulePack {
  dir: string;
  rules: Rule[];
  byId: Map<string, Rule>;
  /** sha256 over the rule files and data files, for cache keys. */
  hash: string;
}

export const defaultRulesDir = (): string => path.join(packageRoot, 'rules');

const packs = new Map<string, RulePack>();

/** Loads and validates every rules/*.yaml; throws RulePackError for a malformed file. Cached per dir. */
export function loadRulePack(dir: string = defaultRulesDir()): RulePack {
  const hit = packs.get(dir);
  if (hit) return hit;
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.yaml') || n.endsWith('.json')).sort();
  } catch (e) {
    throw new RulePackError(`cannot read the rules folder ${dir}: ${(e as Error).message}`);
  }
  const hash = createHash('sha256');
  const texts: [string, string][] = [];
  for (const name of names) {
    const text = readFileSync(path.join(dir, name), 'utf8');
    hash.update(name).update('\0').update(text).update('\0');
    texts.push([name, text]);
  }
  const digest = hash.digest('hex');
  const rules = cachedParse('rules', digest, () => parseRuleFiles(texts));
  const byId = new Map(rules.map((r) => [r.id, r]));
  const pack: RulePack = { dir, rules, byId, hash: digest };
  packs.set(dir, pack);
  return pack;
}

/** Parses and validates the rule files; throws RulePackError naming the file. */
function parseRuleFiles(texts: [string, string][]): Rule[] {
  const rules: Rule[] = [];
  for (const [name, text] of texts) {
    if (!name.endsWith('.yaml') || DATA_FILES.has(name)) continue;
    let doc: unknown;
    try {
      doc = parseYaml(text);
    } catch (e) {
      throw new RulePackError(`${name}: not valid YAML: ${(e as Error).message}`);
    }
    rules.push(...validateRuleFile(name, doc));
  }
  const byId = new Map<string, Rule>();
  for (const r of rules) {
    const prev = byId.get(r.id);
    if (prev) throw new RulePackError(`${r.source}: rule id "${r.id}" is also defined in ${prev.source}`);
    byId.set(r.id, r);
  }
  return rules;
}

/** YAML files in rules/ that are module lists, not rule files. */
export const DATA_FILES = new Set(['native-packages.yaml']);

/** Fills `{name}` placeholders from data; unknown names stay visible rather than vanish. */
export function renderMessage(rule: Rule, messageId: string, data: Record<string, string>): string {
  const template = rule.messages[messageId] ?? rule.messages.default!;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => data[key] ?? whole);
}
