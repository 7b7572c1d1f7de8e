// The parsed rule pack and module lists are cached as JSON keyed by their bytes: a hit must give
// the same value without parsing, and a damaged or failed entry must never stick.

import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadRulePack } from '../../src/analyze/rules/load.js';
import { cachedParse } from '../../src/analyze/rules/parsed-cache.js';

let saved: string | undefined;
let dir: string;

beforeEach(() => {
  saved = process.env.GRUMPY_CACHE_DIR;
  dir = mkdtempSync(path.join(tmpdir(), 'ga-parsed-'));
  process.env.GRUMPY_CACHE_DIR = dir;
});
afterEach(() => {
  if (saved === undefined) delete process.env.GRUMPY_CACHE_DIR;
  else process.env.GRUMPY_CACHE_DIR = saved;
});

describe('cachedParse', () => {
  it('computes once per input hash, then reads the stored JSON', () => {
    let calls = 0;
    const compute = () => { calls++; return { n: 1, list: ['a'] }; };
    expect(cachedParse('t', 'h1', compute)).toEqual({ n: 1, list: ['a'] });
    expect(cachedParse('t', 'h1', compute)).toEqual({ n: 1, list: ['a'] });
    expect(calls).toBe(1);
    expect(cachedParse('t', 'h2', compute)).toEqual({ n: 1, list: ['a'] });
    expect(calls).toBe(2);
  });

  it('recomputes over a damaged entry, and never stores a failure', () => {
    cachedParse('t', 'h', () => 1);
    const stored = readdirSync(path.join(dir, 'parsed'));
    expect(stored).toHaveLength(1);
    writeFileSync(path.join(dir, 'parsed', stored[0]!), '{"trunc');
    expect(cachedParse('t', 'h', () => 2)).toBe(2);
    expect(() => cachedParse('t', 'bad', () => { throw new Error('boom'); })).toThrow('boom');
    expect(cachedParse('t', 'bad', () => 3)).toBe(3);
  });

  it('gives the rule pack the YAML gives', () => {
    const first = loadRulePack(path.resolve('rules'));
    expect(readdirSync(path.join(dir, 'parsed')).some((f) => f.startsWith('rules-'))).toBe(true);
    // A second load in the same process is memoised; compare with what the stored JSON holds.
    const file = readdirSync(path.join(dir, 'parsed')).find((f) => f.startsWith('rules-'))!;
    const fromJson = cachedParse('rules', first.hash, () => { throw new Error('should be a hit'); });
    expect(fromJson).toEqual(first.rules);
    expect(file).toMatch(/^rules-[0-9a-f]{32}\.json$/);
  });
});
