// Rule pages (what, why it blocks Go, how to fix, every occurrence) and the rule index.

import type { FindingCategory, RuleMeta } from '../contract.js';
import type { AuditFacts } from './facts.js';
import { CATEGORY_LABEL, CATEGORY_WHY, rich } from './labels.js';
import type { CountRow, RulesView, RuleView } from './model.js';
import type { Pages } from './view-page.js';

/** Every rule with findings, plus every rule the audit describes, sorted by id. */
export function ruleIds(facts: AuditFacts): string[] {
  return [...new Set([...facts.rules.keys(), ...facts.findingsByRule.keys()])].sort();
}

export function ruleView(id: string, facts: AuditFacts, pages: Pages): RuleView {
  const root = '../';
  const meta: RuleMeta | undefined = facts.rules.get(id);
  const found = facts.findingsByRule.get(id) ?? [];
  const category: FindingCategory = meta?.category ?? found[0]?.category ?? 'dynamic';
  return {
    page: pages.page(`Rule ${id}`, 'rules', 1),
    id, title: meta?.title ?? id, category, categoryLabel: CATEGORY_LABEL[category] ?? category,
    severity: meta?.severity ?? found[0]?.severity ?? 'info', known: meta !== undefined,
    message: rich(meta?.message ?? ''), docs: rich(meta?.docs ?? ''), remediation: rich(meta?.remediation ?? ''),
    whyItBlocks: CATEGORY_WHY[category] ?? '',
    occurrences: found.map((f) => ({
      file: f.file, line: f.line, column: f.column, message: rich(f.message), module: f.module ?? null, severity: f.severity,
      href: f.module ? pages.moduleHref(f.module, root, f.line) : null,
    })),
    modules: new Set(found.map((f) => f.module ?? f.file)).size,
  };
}

export function rulesView(facts: AuditFacts, pages: Pages): RulesView {
  const rules: CountRow[] = ruleIds(facts).map((id) => {
    const found = facts.findingsByRule.get(id) ?? [];
    const category = facts.rules.get(id)?.category ?? found[0]?.category ?? 'dynamic';
    return {
      key: id, label: facts.rules.get(id)?.title ?? id, href: pages.ruleHref(id, ''), count: found.length,
      blockers: found.filter((f) => f.severity === 'blocker').length, cls: `c-${category}`,
    };
  });
  return { page: pages.page('Rules', 'rules', 0), rules };
}
