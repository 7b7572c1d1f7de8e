// The incremental cache: a warm run parses nothing, a changed file is re-parsed alone, and every
// run's result equals a cold run on the same tree.

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
    const warm = await analyzeRepository(dir, { cacheDir });
    expect(warm.parsed).toBe(0);
    expect(warm.cacheHits).toBe(20);
    expect(warm.audit).toEqual(cold.audit);
  });

  it('re-parses only a changed file, and matches an uncached run of the changed tree', async () => {
    const dir = copy();
    await analyzeRepository(dir, {});
    const file = path.join(dir, 'shopfront', 'util.py');
    writeFileSync(file, readFileSync(file, 'utf8') + '\n\ndef run(s):\n    return eval(s)\n');
    const warm = await analyzeRepository(dir, {});
    expect(warm.parsed).toBe(1);
    expect(warm.cacheHits).toBe(19);
    const uncached = await analyzeRepository(dir, { cacheDir: false });
    expect(warm.audit).toEqual(uncached.audit);
    expect(warm.audit.modules.find((m) => m.name === 'shopfront.util')!.verdict).toBe('blocked');
  });

  it('a corrupt cache is reported and ignored', async () => {
    const dir = copy();
    const cacheDir = path.join(dir, 'c');
    const cold = await analyzeRepository(dir, { cacheDir });
    writeFileSync(path.join(cacheDir, 'facts-v1.bin'), 'not a cache');
    const again = await analyzeRepository(dir, { cacheDir });
    expect(again.diagnostics.filter((d) => d.id.startsWith('cache-')).map((d) => d.id)).toEqual(['cache-corrupt']);
    expect(again.parsed).toBe(20);
    const { diagnostics: d1, ...rest } = again.audit;
    expect(d1!.map((d) => d.id)).toEqual(['cache-corrupt']);
    expect({ ...rest, diagnostics: [] }).toEqual(cold.audit);
  });
});
