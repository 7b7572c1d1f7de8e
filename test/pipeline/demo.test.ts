// End to end: the README's main job on the bundled demo repository, through the real CLI —
// tree-sitter scan, transpile, `go build`, and verification against python2.7 when it is present.

import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AuditJson, ModuleRecord } from '../../src/contract.js';
import { findPython2 } from '../../src/python2.js';
import { runCli, type CliRun } from '../helpers/cli.js';


describe('grumpy-audit fixtures/demo --verify --check-imports', () => {
  let repo: string;
  let audit: AuditJson;
  let run: CliRun;
  const mod = (name: string): ModuleRecord => audit.modules.find((m) => m.name === name)!;

  beforeAll(async () => {
    repo = path.join(mkdtempSync(path.join(tmpdir(), 'ga-demo-')), 'demo');
    cpSync('fixtures/demo', repo, { recursive: true, filter: (s) => !s.includes('.grumpy-audit') });
    run = await runCli([repo, '--verify', '--check-imports']);
    audit = JSON.parse(readFileSync(path.join(repo, '.grumpy-audit', 'audit.json'), 'utf8')) as AuditJson;
  }, 600_000);

  it('exits 0 and writes every output', () => {
    expect(run.stderr).not.toContain('internal error');
    expect(run.status).toBe(0);
    for (const f of ['audit.json', 'audit.sarif', 'report/index.html', 'state/manifest.json', 'state/history.jsonl', 'go/go.mod', 'go/bin/app']) {
      expect(existsSync(path.join(repo, '.grumpy-audit', f)), f).toBe(true);
    }
    expect(JSON.parse(readFileSync(path.join(repo, '.grumpy-audit', 'audit.sarif'), 'utf8')).version).toBe('2.1.0');
  });

  it('reports the blocked modules with their reasons', () => {
    expect(mod('inventory.plugins').verdict).toBe('blocked');
    expect(audit.findings.filter((f) => f.module === 'inventory.plugins').map((f) => `${f.ruleId}:${f.line}`)).toEqual(['dynamic-exec:11']);
    expect(mod('inventory.fastsum').verdict).toBe('blocked');
    expect(audit.findings.some((f) => f.module === 'inventory.fastsum' && f.category === 'c-extension' && f.line === 3)).toBe(true);
    expect(mod('inventory.admin').verdict).toBe('blocked-by-dependency');
    expect(mod('inventory.admin').blockedBy).toEqual(['inventory.plugins']);
    for (const name of ['inventory.plugins', 'inventory.fastsum', 'inventory.admin']) expect(mod(name).migration).toBeUndefined();
  });

  it('transpiles, builds and verifies the ready modules the CLI entry point runs', () => {
    const verified = findPython2() ? 'equivalent' : 'not-run';
    for (const name of ['inventory', 'inventory.cli', 'inventory.models', 'inventory.pricing', 'inventory.report', 'inventory.storage']) {
      expect(mod(name).migration, name).toMatchObject({ transpiled: true, builds: true, verified, drift: false });
    }
    if (findPython2()) {
      // The configured commands, then the discovered ones: the test module's __main__ block, the
      // suite under `-m unittest`, and unittest discovery from the repository root.
      expect(audit.pipeline!.verification.runs.map((r) => [r.module, r.args, r.status, r.covers ?? null])).toEqual([
        ['inventory.cli', [], 'equivalent', null], ['inventory.cli', ['--fail'], 'equivalent', null],
        ['tests.test_pricing', [], 'equivalent', null],
        ['unittest', ['tests.test_pricing'], 'equivalent', ['tests.test_pricing']],
        ['unittest', ['discover'], 'equivalent', ['tests.test_pricing']],
      ]);
      expect(mod('tests.test_pricing').migration).toMatchObject({ verified: 'equivalent' });
    } else {
      expect(audit.pipeline!.verification.skipped).toContain('python2.7 was not found');
    }
    expect(audit.pipeline!.goVet.ok).toBe(true);
  });

  it('migrates the Go-interop module, which only the Go build can run', () => {
    expect(mod('inventory.shout').imports.map((e) => [e.module, e.kind])).toEqual([['__go__.strings', 'go']]);
    expect(mod('inventory.shout').migration).toMatchObject({ transpiled: true, builds: true, verified: 'not-run' });
  });

  it('imports every built module under the Go build, the unittest suite included', () => {
    for (const name of ['inventory', 'inventory.cli', 'inventory.models', 'inventory.shout', 'tests']) {
      expect(mod(name).migration, name).toMatchObject({ transpiled: true, builds: true, imports: true });
    }
    // tests.test_pricing imports unittest, transpiled from the CPython Lib (namedtuple via its native
    // override); without a python2.7 there is no Lib to take it from.
    expect(mod('tests.test_pricing').migration).toMatchObject(findPython2()
      ? { transpiled: true, builds: true, imports: true }
      : { transpiled: true, builds: true, imports: false, error: 'import failed: ImportError: No module named unittest' });
  });

  it('gives every ready module a migration record, with the reason when a step failed', () => {
    for (const m of audit.modules.filter((x) => x.verdict === 'ready')) {
      expect(m.migration, m.name).toBeDefined();
      if (!m.migration!.builds) expect(m.migration!.error, m.name).toMatch(/\S/);
    }
  });

  it('builds a program that runs like python2.7 -m', () => {
    const app = path.join(repo, '.grumpy-audit', 'go', 'bin', 'app');
    const r = spawnSync(app, ['inventory.cli', '--fail'], { cwd: repo, encoding: 'utf8' });
    expect(r.status).toBe(3);
    expect(r.stdout).toContain('error: cannot take 5 of B200: only 3 left\n');
    expect(r.stdout).toContain('E500\tSprocket\t15\t7\n');
  });
});
