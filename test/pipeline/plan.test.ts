// What migrates: every ready module that has an importable name, or the requested ones plus what they need.

import { describe, expect, it } from 'vitest';
import type { AuditJson, ModuleRecord } from '../../src/contract.js';
import { planMigration } from '../../src/pipeline/plan.js';

const mod = (m: Partial<ModuleRecord> & { name: string }): ModuleRecord =>
  ({ path: `${m.name.replace(/\./g, '/')}.py`, lines: 1, verdict: 'ready', imports: [], blockedBy: [], ...m }) as ModuleRecord;

const audit = {
  root: '/r',
  modules: [
    mod({ name: 'pkg', path: 'pkg/__init__.py', isPackage: true }),
    mod({ name: 'pkg.a', imports: [{ module: 'pkg.b', kind: 'internal', line: 1, conditional: false, lazy: false }] }),
    mod({ name: 'pkg.b' }),
    mod({ name: 'pkg.c', verdict: 'blocked' }),
    mod({ name: 'scripts/run-me.py', path: 'scripts/run-me.py', importable: false }),
  ],
} as unknown as AuditJson;

describe('planMigration', () => {
  it('migrates every ready module with an importable name', () => {
    expect(planMigration(audit)).toEqual({ modules: ['pkg', 'pkg.a', 'pkg.b'], refused: [] });
  });

  it('adds parents and imports to requests, and says why the rest cannot migrate', () => {
    expect(planMigration(audit, ['pkg.a', 'pkg.c', 'scripts/run-me.py', 'nope'])).toEqual({
      modules: ['pkg', 'pkg.a', 'pkg.b'],
      refused: [
        { module: 'pkg.c', reason: 'has blocking findings of its own' },
        { module: 'scripts/run-me.py', reason: 'scripts/run-me.py cannot be imported by any module name' },
        { module: 'nope', reason: 'no such module in the repository' },
      ],
    });
  });
});
