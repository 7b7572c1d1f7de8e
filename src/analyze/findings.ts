// Stage: rules. Renders raw matches (query matches from the workers, named-matcher hits from the
// resolved graph) into contract Findings with message templates filled in.

import type { Finding } from '../contract.js';
import type { SourceFile } from '../discover/index.js';
import type { Catalog } from './catalog.js';
import type { FileFacts } from './facts.js';
import type { ResolvedImport } from './resolve.js';
import { renderMessage, type RulePack } from './rules/load.js';
import { runFileMatcher, runImportMatcher, type NamedHit } from './rules/named.js';
import { isQueryMatcher, type Rule } from './rules/schema.js';

export interface FileForRules {
  path: string;
  module?: string;
  facts?: FileFacts;
  imports: ResolvedImport[];
  /** Why the file cannot be parsed (syntax or decoding), with its position. */
  error?: { line: number; column: number; detail: string };
}

export function collectFindings(pack: RulePack, files: FileForRules[], nativeFiles: SourceFile[], catalog: Catalog): Finding[] {
  const out: Finding[] = [];
  const make = (rule: Rule, file: string, module: string | undefined, hit: Omit<NamedHit, 'file'>): Finding => {
    const f: Finding = {
      ruleId: rule.id, category: rule.category, severity: rule.severity, file, line: hit.line, column: hit.column,
      message: renderMessage(rule, hit.messageId, hit.data), messageId: hit.messageId, data: hit.data,
    };
    if (module !== undefined) f.module = module;
    return f;
  };
  for (const rule of pack.rules) {
    for (const m of rule.match) {
      if (isQueryMatcher(m)) continue;
      if (m.named === 'native-file') {
        for (const hit of runFileMatcher(nativeFiles)) out.push(make(rule, hit.file, undefined, hit));
      } else if (m.named === 'syntax') {
        for (const f of files) if (f.error) out.push(make(rule, f.path, f.module, { line: f.error.line, column: f.error.column, messageId: 'default', data: { detail: f.error.detail } }));
      } else {
        for (const f of files) {
          if (f.error) continue; // the syntax finding stands for the whole file
          for (const hit of runImportMatcher(m.named, f.path, f.imports, catalog)) out.push(make(rule, f.path, f.module, hit));
        }
      }
    }
  }
  for (const f of files) {
    if (!f.facts || f.error) continue;
    for (const m of f.facts.matches) {
      const rule = pack.byId.get(m.ruleId);
      // Facts from a worker always come from this pack (the cache is keyed by its hash).
      if (!rule) throw new Error(`facts name unknown rule ${m.ruleId}`);
      out.push(make(rule, f.path, f.module, m));
    }
  }
  return out.sort(compareFindings);
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message);
}
