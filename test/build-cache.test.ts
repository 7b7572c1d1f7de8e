// The binary cache stays within its cap, dropping the least recently used binaries first.

import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pruneCache } from '../src/build/cache.js';

describe('pruneCache', () => {
  it('removes the oldest binaries with their side files until the rest fits, never the one just built', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ga-cache-'));
    const put = (name: string, bytes: number, age: number) => {
      writeFileSync(path.join(dir, name), Buffer.alloc(bytes));
      const t = new Date(Date.now() - age * 1000);
      utimesSync(path.join(dir, name), t, t);
    };
    put('aaaa', 100, 30);
    put('aaaa.diagnostics.json', 10, 30);
    put('bbbb', 100, 20);
    put('cccc', 100, 10);
    put('dddd', 100, 40); // the oldest, but the one just built
    pruneCache(dir, path.join(dir, 'dddd'), 250);
    expect(readdirSync(dir).sort()).toEqual(['cccc', 'dddd']);
    pruneCache(dir, path.join(dir, 'dddd'), 1000);
    expect(readdirSync(dir).sort()).toEqual(['cccc', 'dddd']);
  });
});
