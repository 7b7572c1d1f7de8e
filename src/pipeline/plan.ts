// Chooses what migrates: every `ready` module for the whole job, or the requested modules plus the
// internal modules they import for `migrate`. Requests that cannot migrate are reported, not dropped.
// Files python2.7 cannot import by any module name (`importable: false`: a name that is not an
// identifier, or one another file already took) have no name to run under, so they never migrate.

import type { AuditJson, ModuleRecord } from '../contract.js';

export interface MigrationPlan {
  /** Internal modules to transpile, sorted. */
  modules: string[];
  /** Requested or needed modules that cannot migrate, with the reason. */
  refused: { module: string; reason: string }[];
}

function reasonNotReady(m: ModuleRecord): string {
  if (m.verdict === 'blocked-by-dependency') return `blocked by ${m.blockedBy.join(', ')}`;
  if (m.verdict === 'error') return 'does not parse';
  return 'has blocking findings of its own';
}

export function planMigration(audit: Readonly<AuditJson>, only?: readonly string[]): MigrationPlan {
  const byName = new Map(audit.modules.map((m) => [m.name, m]));
  if (!only || only.length === 0) {
    return { modules: audit.modules.filter((m) => m.verdict === 'ready' && m.importable !== false).map((m) => m.name).sort(), refused: [] };
  }
  const chosen = new Set<string>();
  const refused: MigrationPlan['refused'] = [];
  const visit = (name: string, requestedBy?: string): void => {
    if (chosen.has(name)) return;
    const m = byName.get(name);
    if (!m) {
      refused.push({ module: name, reason: requestedBy ? `imported by ${requestedBy} but not found` : 'no such module in the repository' });
      return;
    }
    if (m.verdict !== 'ready') {
      refused.push({ module: name, reason: reasonNotReady(m) });
      return;
    }
    if (m.importable === false) {
      refused.push({ module: name, reason: `${m.path} cannot be imported by any module name` });
      return;
    }
    chosen.add(name);
    // Parent packages run before their submodules, so they migrate too.
    const parts = name.split('.');
    for (let i = 1; i < parts.length; i++) visit(parts.slice(0, i).join('.'), name);
    for (const e of m.imports) if (e.kind === 'internal') visit(e.module, name);
  };
  for (const name of only) visit(name);
  return { modules: [...chosen].sort(), refused };
}
