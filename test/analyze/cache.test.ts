// The incremental cache: a warm run with nothing changed reads no file at all (the stored result is
// reused), a changed file is re-parsed alone, and every run's result equals a cold run.

import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeRepository } from '../../src/analyze/index.js';

const FIXTURE = path.resolve(import.meta.dirname, '../../fixtures/analyze/shopfront');

function copy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ga-cache-'));
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

describe('facts cache', () => {
  it('a warm run parses nothing and equals the cold run', async () => {
    const dir = copy();
    const cacheDir = path.join(dir, 'cache-here');
    const cold = await analyzeRepository(dir, { cacheDir });
    expect(cold.cacheHits).toBe(0);
    expect(cold.parsed).toBe(20);
    expect(cold.reusedResult).toBe(false);
    const warm = await analyzeRepository(dir, { cacheDir });
    expect(warm.reusedResult).toBe(true);
    expect(warm.parsed).toBe(0);
    expect(warm.audit).toEqual(cold.audit);
    expect(warm.diagnostics).toEqual(cold.diagnostics);
  });

  it('re-parses only a changed file, and matches an uncached run of the changed tree', async () => {
    const dir = copy();
    await analyzeRepository(dir, {});
    const file = path.join(dir, 'shopfront', 'util.py');
    writeFileSync(file, readFileSync(file, 'utf8') + '\n\ndef run(s):\n    return eval(s)\n');
    const warm = await analyzeRepository(dir, {});
    expect(warm.reusedResult).toBe(false);
    expect(warm.parsed).toBe(1);
    expect(warm.cacheHits).toBe(19);
    const uncached = await analyzeRepository(dir, { cacheDir: false });
    expect(warm.audit).toEqual(uncached.audit);
    expect(warm.audit.modules.find((m) => m.name === 'shopfront.util')!.verdict).toBe('blocked');
  });

  it('a new file, even an empty one, invalidates the stored result', async () => {
    const dir = copy();
    await analyzeRepository(dir, {});
    writeFileSync(path.join(dir, 'shopfront', 'extra.py'), '');
    const again = await analyzeRepository(dir, {});
    expect(again.reusedResult).toBe(false);
    expect(again.parsed).toBe(1);
    expect(again.audit.modules.map((m) => m.name)).toContain('shopfront.extra');
  });

  it('a corrupt cache is reported and ignored', async () => {
    const dir = copy();
    const cacheDir = path.join(dir, 'c');
    const cold = await analyzeRepository(dir, { cacheDir });
    writeFileSync(path.join(cacheDir, 'facts-v1.bin'), 'not a cache');
    writeFileSync(path.join(cacheDir, 'result-v1.bin'), 'not a result either');
    const again = await analyzeRepository(dir, { cacheDir });
    expect(again.diagnostics.filter((d) => d.id.startsWith('cache-')).map((d) => d.id)).toEqual(['cache-corrupt']);
    expect(again.parsed).toBe(20);
    const { diagnostics: d1, ...rest } = again.audit;
    expect(d1!.map((d) => d.id)).toEqual(['cache-corrupt', 'syntax-error']);
    expect({ ...rest, diagnostics: d1!.filter((d) => d.id !== 'cache-corrupt') }).toEqual(cold.audit);
  });
});
