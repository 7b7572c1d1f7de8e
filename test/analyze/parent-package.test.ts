import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { analyzeRepository } from '../../src/analyze/index.js';

describe('package __init__ runs before its submodules', () => {
  it('blocks a clean submodule whose package is blocked, without reporting a cycle', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'ga-parent-'));
    mkdirSync(path.join(root, 'pkg'));
    writeFileSync(path.join(root, 'pkg', '__init__.py'), 'from pkg import sub\nexec "x = 1"\n');
    writeFileSync(path.join(root, 'pkg', 'sub.py'), 'VALUE = 1\n');
    writeFileSync(path.join(root, 'main.py'), 'import pkg.sub\nprint pkg.sub.VALUE\n');
    const { audit } = await analyzeRepository(root, { cacheDir: false, threads: 1 });
    const verdict = Object.fromEntries(audit.modules.map((m) => [m.name, [m.verdict, m.blockedBy]]));
    expect(verdict).toEqual({
      main: ['blocked-by-dependency', ['pkg']],
      pkg: ['blocked', []],
      'pkg.sub': ['blocked-by-dependency', ['pkg']],
    });
    expect(audit.cycles).toEqual([]);
  });
});
