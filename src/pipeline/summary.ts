// The migration part of the terminal summary, and the ratchet that compares a run with a baseline.

import Table from 'cli-table3';
import type { AuditJson, ModuleRecord } from '../contract.js';

export function migrationTable(audit: Readonly<AuditJson>, style: { head: string[]; border: string[] }): string {
  const migrated = audit.modules.filter((m) => m.migration);
  const count = (p: (m: ModuleRecord) => boolean): number => migrated.filter(p).length;
  const t = new Table({ head: ['migration', 'modules'], style, colAligns: ['left', 'right'] });
  t.push(['ready to migrate', audit.modules.filter((m) => m.verdict === 'ready').length]);
  t.push(['transpiled', count((m) => m.migration!.transpiled)]);
  t.push(['builds', count((m) => m.migration!.builds)]);
  if (migrated.some((m) => m.migration!.imports !== undefined)) t.push(['imports without error', count((m) => m.migration!.imports === true)]);
  t.push(['verified equivalent', count((m) => m.migration!.verified === 'equivalent')]);
  t.push(['verified different', count((m) => m.migration!.verified === 'different')]);
  t.push(['drifted since migration', count((m) => m.migration!.drift)]);
  let text = t.toString() + '\n';
  const failed = migrated.filter((m) => m.migration!.error);
  if (failed.length > 0) {
    const f = new Table({ head: ['needs attention', 'why'], style, colWidths: [28, 80], wordWrap: true });
    for (const m of failed.slice(0, 15)) f.push([m.name, firstLine(m.migration!.error!)]);
    text += f.toString() + '\n';
    if (failed.length > 15) text += `… and ${failed.length - 15} more (see the report)\n`;
  }
  const tp = audit.pipeline?.transpile;
  if (tp) text += `transpile: ${tp.modules} Go package(s), ${tp.reused} reused unchanged from earlier runs\n`;
  const v = audit.pipeline?.verification;
  if (v?.skipped) text += `verification: ${v.skipped}\n`;
  else if (v) {
    for (const r of v.runs) text += `verify ${[r.module, ...r.args].join(' ')}: ${r.status}${r.reason ? ` (${r.reason})` : ''}\n`;
  }
  return text;
}

function firstLine(s: string): string {
  const l = s.split('\n').find((x) => x.trim() && !x.startsWith('#')) ?? s;
  return l.length > 200 ? l.slice(0, 197) + '…' : l;
}

const LEVEL = { 'not-run': 0, error: 0, different: 0, equivalent: 1 } as const;

/** Modules that were further along in the baseline than now: un-transpiled, broken or no longer equivalent. */
export function regressions(baseline: Readonly<AuditJson>, current: Readonly<AuditJson>): string[] {
  const now = new Map(current.modules.map((m) => [m.name, m]));
  const out: string[] = [];
  for (const b of baseline.modules) {
    const was = b.migration;
    if (!was) continue;
    const is = now.get(b.name)?.migration;
    if (!is) { out.push(`${b.name}: no longer migrated`); continue; }
    if (was.transpiled && !is.transpiled) out.push(`${b.name}: no longer transpiles`);
    else if (was.builds && !is.builds) out.push(`${b.name}: no longer builds`);
    else if (LEVEL[was.verified] > LEVEL[is.verified] && is.verified !== 'not-run') out.push(`${b.name}: verification ${was.verified} → ${is.verified}`);
  }
  return out;
}
