// Bad input: each case gets a clear diagnostic naming the file (and line, where there is one), and
// complete results for everything else. These run the real CLI in a child process.

import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditJson } from '../../src/contract.js';
import { cli } from './cli-helper.js';

function repo(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ga-bad-'));
  chmodSync(dir, 0o755);
  for (const [rel, body] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true, mode: 0o755 });
    writeFileSync(path.join(dir, rel), body);
  }
  return dir;
}

function scan(dir: string, extra: string[] = [], prefix: string[] = []): { status: number | null; audit: AuditJson; stderr: string } {
  const r = cli(['scan', dir, '--no-cache', ...extra], {}, prefix);
  return { status: r.status, audit: JSON.parse(r.stdout) as AuditJson, stderr: r.stderr };
}

const verdicts = (a: AuditJson) => Object.fromEntries(a.modules.map((m) => [m.name, m.verdict]));

describe('scan: bad input', () => {
  it('a nonexistent path is a usage error (exit 2)', () => {
    const r = cli(['scan', '/nonexistent/grumpy-repo']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('grumpy-audit: no such file or directory: /nonexistent/grumpy-repo\n');
  });

  it('a file instead of a directory is a usage error (exit 2)', () => {
    const dir = repo({ 'a.py': 'x = 1\n' });
    const r = cli(['scan', path.join(dir, 'a.py')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`not a directory: ${path.join(dir, 'a.py')}`);
  });

  it('an empty repository gives an empty, valid result', () => {
    const { status, audit } = scan(repo({}));
    expect(status).toBe(0);
    expect(audit.schemaVersion).toBe(1);
    expect(audit.modules).toEqual([]);
    expect(audit.summary).toMatchObject({ modules: 0, lines: 0 });
  });

  it('an unreadable file is reported by name and the rest is scanned', () => {
    const dir = repo({ 'ok.py': 'import secret\n', 'secret.py': 'x = 1\n' });
    chmodSync(path.join(dir, 'secret.py'), 0o000);
    // root reads a mode-000 file anyway; without the two DAC capabilities it gets EACCES like anyone.
    const prefix = process.getuid?.() === 0
      ? ['setpriv', '--bounding-set', '-dac_override,-dac_read_search', '--inh-caps', '-dac_override,-dac_read_search']
      : [];
    const { status, audit, stderr } = scan(dir, [], prefix);
    expect(status).toBe(0);
    expect(stderr).toContain('secret.py: error: cannot read file: EACCES');
    expect(audit.modules.map((m) => m.name)).toEqual(['ok']);
    expect(audit.findings.map((f) => `${f.file}:${f.line}:${f.ruleId}`)).toEqual(['ok.py:1:missing-import']);
  });

  it('a 10 MB generated file is scanned completely', () => {
    const line = 'value_%d = compute(%d, "padding text for size")  # comment\n';
    let body = '';
    let n = 0;
    while (body.length < 10 * 1024 * 1024) body += line.replace(/%d/g, String(n++));
    const { status, audit } = scan(repo({ 'big.py': body, 'small.py': 'import big\n' }));
    expect(status).toBe(0);
    expect(audit.modules.find((m) => m.name === 'big')).toMatchObject({ lines: n, verdict: 'ready' });
    expect(verdicts(audit)).toEqual({ big: 'ready', small: 'ready' });
  }, 60_000);

  it('deeply nested code does not crash the scan', () => {
    let code = '';
    for (let i = 0; i < 150; i++) code += ' '.repeat(i) + `if x${i}:\n`;
    code += ' '.repeat(150) + 'y = ' + '('.repeat(500) + 'eval(s)' + ')'.repeat(500) + '\n';
    const { status, audit } = scan(repo({ 'deep.py': code }));
    expect(status).toBe(0);
    expect(audit.findings.map((f) => `${f.line}:${f.column}:${f.ruleId}`)).toEqual([`151:${150 + 4 + 500}:dynamic-eval`]);
    expect(verdicts(audit)).toEqual({ deep: 'blocked' });
  });

  it('syntax errors give the verdict error, with file and line, and the rest is analysed', () => {
    const { audit } = scan(repo({ 'bad.py': 'x = 1\nif x\n    y = 2\n', 'good.py': 'import bad\n', 'other.py': 'z = 3\n' }));
    expect(verdicts(audit)).toEqual({ bad: 'error', good: 'blocked-by-dependency', other: 'ready' });
    expect(audit.findings.filter((f) => f.ruleId === 'syntax').map((f) => `${f.file}:${f.line}`)).toEqual(['bad.py:2']);
  });

  it('mixed encodings: cookies and BOMs decode, an undecodable file is an error naming its line', () => {
    const latin1 = Buffer.concat([Buffer.from('# -*- coding: latin-1 -*-\ns = "'), Buffer.from([0xe9]), Buffer.from('"\n')]);
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('s = "\u00e9"\n')]);
    const noCookie = Buffer.concat([Buffer.from('x = 1\ns = "'), Buffer.from([0xc3, 0xa9]), Buffer.from('"\n')]);
    const { audit, stderr } = scan(repo({ 'lat.py': latin1, 'bom.py': bom, 'nocookie.py': noCookie }));
    expect(verdicts(audit)).toEqual({ bom: 'ready', lat: 'ready', nocookie: 'error' });
    expect(audit.findings.map((f) => `${f.file}:${f.line}:${f.ruleId}`)).toEqual(['nocookie.py:2:syntax']);
    expect(stderr).toContain("nocookie.py:2:1: error: Non-ASCII character '\\xc3' on line 2, but no encoding declared");
  });

  it('hostile file names are kept verbatim in JSON and percent-encoded in SARIF', () => {
    const dir = repo({ 'my module.py': 'eval(x)\n', '\u00fcn\u00efcode.py': 'y = 1\n', '<script>alert(1)<script>.py': 'z = 2\n' });
    const { audit } = scan(dir);
    expect(audit.modules.map((m) => m.path).sort()).toEqual(['<script>alert(1)<script>.py', 'my module.py', '\u00fcn\u00efcode.py']);
    const sarif = JSON.parse(cli(['scan', dir, '--no-cache', '--format', 'sarif']).stdout);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('my%20module.py');
  });

  it('symlink loops are reported and skipped', () => {
    const dir = repo({ 'pkg/__init__.py': '', 'pkg/a.py': 'x = 1\n' });
    symlinkSync('..', path.join(dir, 'pkg', 'loop'));
    const { status, audit, stderr } = scan(dir);
    expect(status).toBe(0);
    expect(stderr).toContain('pkg/loop: warning: directory symlink loops back');
    expect(audit.modules.map((m) => m.name)).toEqual(['pkg', 'pkg.a']);
  });

  it('a repository with no __init__.py anywhere still resolves sibling imports', () => {
    const { audit } = scan(repo({ 'tools/run.py': 'import helper\nimport shared\n', 'tools/helper.py': 'x = 1\n', 'shared.py': 'y = 2\n' }));
    // tools/ is not a package: its files are scripts, importing each other by their plain names.
    expect(audit.modules.map((m) => m.name)).toEqual(['helper', 'run', 'shared']);
    const run = audit.modules.find((m) => m.name === 'run')!;
    expect(run.imports.map((e) => `${e.module}:${e.kind}`)).toEqual(['helper:internal', 'shared:internal']);
  });
});
