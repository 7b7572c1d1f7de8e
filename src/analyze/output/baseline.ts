// Baselines for CI ratchets: a finding is "known" when the baseline has one with the same rule,
// file and message. Lines are ignored so that edits above a known finding do not make it new.

import type { Finding } from '../../contract.js';

const key = (f: Pick<Finding, 'ruleId' | 'file' | 'message'>) => `${f.ruleId}\0${f.file}\0${f.message}`;

/** Findings not covered by the baseline; each baseline entry covers one finding (a multiset). */
export function newFindings(findings: Finding[], baseline: Pick<Finding, 'ruleId' | 'file' | 'message'>[]): Finding[] {
  const budget = new Map<string, number>();
  for (const b of baseline) budget.set(key(b), (budget.get(key(b)) ?? 0) + 1);
  return findings.filter((f) => {
    const n = budget.get(key(f)) ?? 0;
    if (n === 0) return true;
    budget.set(key(f), n - 1);
    return false;
  });
}

/** Reads the findings of a baseline file: a `scan --format json` document or a bare findings list. */
export function baselineFindings(doc: unknown): Pick<Finding, 'ruleId' | 'file' | 'message'>[] | undefined {
  const list = Array.isArray(doc) ? doc : (doc as { findings?: unknown } | null)?.findings;
  if (!Array.isArray(list)) return undefined;
  const ok = list.every((f) => f && typeof f.ruleId === 'string' && typeof f.file === 'string' && typeof f.message === 'string');
  return ok ? (list as Pick<Finding, 'ruleId' | 'file' | 'message'>[]) : undefined;
}
