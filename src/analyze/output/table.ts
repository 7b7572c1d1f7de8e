// The terminal summary: verdicts, findings by category, and the blockers worth fixing first.

import Table from 'cli-table3';
import type { AuditJson, Verdict } from '../../contract.js';

export interface TableStyle {
  head: string[];
  border: string[];
}

const VERDICTS: Verdict[] = ['ready', 'blocked-by-dependency', 'blocked', 'error'];

export function summaryTables(audit: AuditJson, style: TableStyle, topBlockers = 10): string {
  const s = audit.summary;
  const verdicts = new Table({ head: ['verdict', 'modules', 'lines'], style, colAligns: ['left', 'right', 'right'] });
  for (const v of VERDICTS) verdicts.push([v, s.byVerdict[v] ?? 0, s.linesByVerdict?.[v] ?? 0]);
  verdicts.push(['total', s.modules, s.lines]);

  const cats = new Table({ head: ['finding category', 'count'], style, colAligns: ['left', 'right'] });
  for (const [c, n] of Object.entries(s.byCategory).sort()) cats.push([c, n]);

  const parts = [verdicts.toString(), cats.toString()];
  const impact = (audit.blockerImpact ?? []).filter((b) => b.kind === 'module' && b.modulesFreed > 0).slice(0, topBlockers);
  if (impact.length > 0) {
    const t = new Table({ head: ['fix first (module)', 'modules freed', 'lines freed'], style, colAligns: ['left', 'right', 'right'] });
    for (const b of impact) t.push([b.target, b.modulesFreed, b.linesFreed]);
    parts.push(t.toString());
  }
  if (audit.cycles.length > 0) parts.push(`${audit.cycles.length} import cycle(s); ${audit.waves.length} migration wave(s)`);
  else parts.push(`${audit.waves.length} migration wave(s)`);
  return parts.join('\n') + '\n';
}
