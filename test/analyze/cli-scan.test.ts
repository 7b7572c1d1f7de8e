// scan's outputs and CI gating through the real CLI: JSON contract, SARIF 2.1.0 shape, table,
// --fail-on, --baseline ratchets, explain.

import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditJson } from '../../src/contract.js';
import { cli } from './cli-helper.js';

const FIXTURE = path.resolve(import.meta.dirname, '../../fixtures/analyze/shopfront');

function copy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ga-cli-'));
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

describe('grumpy-audit scan', () => {
  it('writes the JSON contract to stdout by default', () => {
    const r = cli(['scan', FIXTURE, '--no-cache']);
    expect(r.status).toBe(0);
    const a = JSON.parse(r.stdout) as AuditJson;
    expect(Object.keys(a).slice(0, 8)).toEqual(['schemaVersion', 'toolVersion', 'root', 'modules', 'findings', 'cycles', 'waves', 'summary']);
    expect(a.summary.byVerdict).toEqual({ ready: 13, error: 1, 'blocked-by-dependency': 2, blocked: 3 });
    // Not a TTY: no progress bar, only the diagnostics.
    expect(r.stderr).toBe('shopfront/broken.py:1:18: error: invalid syntax [syntax-error]\n');
  });

  it('writes valid SARIF 2.1.0 with rule metadata and 1-based regions', () => {
    const r = cli(['scan', FIXTURE, '--no-cache', '--format', 'sarif']);
    const s = JSON.parse(r.stdout);
    expect(s.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(s.version).toBe('2.1.0');
    const run = s.runs[0];
    const rules = run.tool.driver.rules as { id: string; shortDescription: { text: string }; help: { text: string } }[];
    expect(new Set(rules.map((x) => x.id)).size).toBe(rules.length);
    for (const rule of rules) {
      expect(rule.shortDescription.text.length).toBeGreaterThan(0);
      expect(rule.help.text.length).toBeGreaterThan(0);
    }
    const plugins = run.results.find((x: { ruleId: string }) => x.ruleId === 'dynamic-eval');
    expect(plugins).toMatchObject({
      level: 'error',
      ruleIndex: rules.findIndex((x) => x.id === 'dynamic-eval'),
      locations: [{ physicalLocation: { artifactLocation: { uri: 'shopfront/plugins.py', uriBaseId: 'SRCROOT' }, region: { startLine: 13, startColumn: 13 } } }],
    });
    for (const res of run.results) expect(['error', 'warning', 'note']).toContain(res.level);
  });

  it('prints a summary table with --format table', () => {
    const r = cli(['scan', FIXTURE, '--no-cache', '--format', 'table']);
    expect(r.stdout).toContain('│ blocked-by-dependency │       2 │');
    expect(r.stdout).toContain('1 import cycle(s); 3 migration wave(s)');
  });

  it('--fail-on gates on severity', () => {
    expect(cli(['scan', FIXTURE, '--no-cache', '--fail-on', 'blocker', '-o', path.join(mkdtempSync(path.join(tmpdir(), 'ga-o-')), 'a.json')]).status).toBe(1);
    const clean = mkdtempSync(path.join(tmpdir(), 'ga-clean-'));
    writeFileSync(path.join(clean, 'a.py'), 'import nowhere_to_be_found\n');
    expect(cli(['scan', clean, '--no-cache', '--fail-on', 'blocker']).status).toBe(0);
    expect(cli(['scan', clean, '--no-cache', '--fail-on', 'warning']).status).toBe(1);
  });

  it('--baseline fails only on new findings, and survives line shifts', () => {
    const dir = copy();
    const base = path.join(dir, 'baseline.json');
    expect(cli(['scan', dir, '--no-cache', '-o', base]).status).toBe(0);
    expect(cli(['scan', dir, '--no-cache', '--fail-on', 'blocker', '--baseline', base]).status).toBe(0);
    const util = path.join(dir, 'shopfront', 'plugins.py');
    writeFileSync(util, '\n\n\n' + readFileSync(util, 'utf8'));
    expect(cli(['scan', dir, '--no-cache', '--fail-on', 'blocker', '--baseline', base]).status).toBe(0);
    writeFileSync(path.join(dir, 'shopfront', 'version.py'), "VERSION = eval('1.0')\n");
    const r = cli(['scan', dir, '--no-cache', '--fail-on', 'blocker', '--baseline', base]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('1 new finding(s) at or above --fail-on blocker');
  });

  it('rejects bad options with exit 2', () => {
    expect(cli(['scan', FIXTURE, '--format', 'xml']).status).toBe(2);
    expect(cli(['scan', FIXTURE, '--fail-on', 'info']).status).toBe(2);
    expect(cli(['scan', FIXTURE, '--baseline', '/nonexistent.json']).status).toBe(2);
  });
});

describe('grumpy-audit explain', () => {
  it('prints a rule', () => {
    const r = cli(['explain', 'dynamic-exec']);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('dynamic-exec: exec statement or exec() call');
    expect(r.stdout).toContain('Remediation:');
  });
  it('names close matches for an unknown id (exit 2)', () => {
    const r = cli(['explain', 'eval']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown rule "eval"; did you mean dynamic-eval?');
  });
});
