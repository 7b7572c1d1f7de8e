// A module-by-module migration session through the real CLI: migrate one module, edit it and see
// drift, migrate a second one, and find every run in the history.

import { describe, expect, it } from 'vitest';
import { appendFileSync, cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AuditJson } from '../../src/contract.js';

import { runCli as cli } from '../helpers/cli.js';

describe('module-by-module migration', () => {
  it('migrates, detects drift, keeps earlier migrations and records three runs', async () => {
    const repo = path.join(mkdtempSync(path.join(tmpdir(), 'ga-migrate-')), 'demo');
    cpSync('fixtures/demo', repo, { recursive: true, filter: (s) => !s.includes('.grumpy-audit') });
    const out = path.join(repo, '.grumpy-audit');
    const audit = (): AuditJson => JSON.parse(readFileSync(path.join(out, 'audit.json'), 'utf8')) as AuditJson;
    const migrated = (a: AuditJson) => a.modules.filter((m) => m.migration).map((m) => m.name);

    // 1. one module: it and the internal modules it needs (its package), nothing else.
    const first = await cli(['migrate', repo, 'inventory.pricing', '--no-verify']);
    expect(first.status, first.stderr).toBe(0);
    expect(migrated(audit())).toEqual(['inventory', 'inventory.pricing']);
    expect(audit().pipeline!.transpile).toEqual({ modules: 2, reused: 0 });
    expect(audit().modules.find((m) => m.name === 'inventory.pricing')!.migration).toMatchObject({ transpiled: true, builds: true, drift: false });

    // 2. edit it: the report run shows drift.
    appendFileSync(path.join(repo, 'inventory', 'pricing.py'), '\n# tweaked after migration\n');
    const report = await cli(['report', repo]);
    expect(report.status, report.stderr).toBe(0);
    const page = readFileSync(path.join(out, 'report', 'modules', 'inventory.pricing.html'), 'utf8');
    expect(page).toMatch(/Source changed since<\/dt>\s*<dd>yes<\/dd>/);

    // 3. a second module: kept modules stay, the drifted one is still flagged.
    const second = await cli(['migrate', repo, 'inventory.models', '--no-verify']);
    expect(second.status, second.stderr).toBe(0);
    const a = audit();
    expect(migrated(a)).toEqual(['inventory', 'inventory.models', 'inventory.pricing']);
    expect(a.modules.find((m) => m.name === 'inventory.pricing')!.migration!.drift).toBe(true);
    expect(a.modules.find((m) => m.name === 'inventory.models')!.migration).toMatchObject({ transpiled: true, builds: true, drift: false });
    // Only what changed is transpiled again: the package comes from the cache, the new module does not.
    expect(a.pipeline!.transpile).toEqual({ modules: 2, reused: 1 });

    // 4. three runs in the history.
    const history = readFileSync(path.join(out, 'state', 'history.jsonl'), 'utf8').trim().split('\n');
    expect(history).toHaveLength(3);
    // …and the dashboard charts migrated modules per run from it.
    const index = readFileSync(path.join(out, 'report', 'index.html'), 'utf8');
    expect(index).toContain('id="chart-migration"');
    const trend = JSON.parse(/<script type="application\/json" id="trend-data">(.*?)<\/script>/.exec(index)![1]!) as { transpiled: number[] };
    expect(trend.transpiled).toEqual([2, 2, 3]);

    // Refusing a blocked module is a clear error with exit 1.
    const refused = await cli(['migrate', repo, 'inventory.plugins', '--no-verify', '--no-report']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('cannot migrate inventory.plugins: has blocking findings of its own');
  }, 600_000);
});
