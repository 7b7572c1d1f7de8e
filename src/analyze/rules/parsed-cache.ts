// The rule files and module lists are YAML, read on every run. Parsing and validating them took a
// third of a warm re-run (yaml's own load included), so the result is kept as JSON in the user
// cache, keyed by the files' bytes and by the code that validates them; YAML is parsed only on a miss.

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheRoot } from '../../build/cache.js';

const require = createRequire(import.meta.url);

/** The loader code: an edited schema must not reuse what an older one validated. */
const LOADER_FILES = ['./load.js', './schema.js', '../catalog.js'].map((f) => fileURLToPath(new URL(f, import.meta.url)));

function loaderStamp(): string {
  return LOADER_FILES.map((f) => {
    try {
      const s = statSync(f);
      return `${s.size}:${s.mtimeMs}`;
    } catch {
      return '?';
    }
  }).join(',');
}

/**
 * `compute()`'s value for these input bytes, from the JSON cache when it has them. Errors thrown
 * by compute() are not cached. A cache that cannot be written (read-only home) only costs time.
 */
export function cachedParse<T>(kind: string, inputHash: string, compute: () => T): T {
  const key = createHash('sha256').update(kind).update('\0').update(inputHash).update('\0').update(loaderStamp()).digest('hex');
  const file = path.join(cacheRoot(), 'parsed', `${kind}-${key.slice(0, 32)}.json`);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    // A miss, or a damaged entry: parse again and rewrite it.
  }
  const value = compute();
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(value));
    renameSync(tmp, file);
  } catch {
    // Not cached this time.
  }
  return value;
}

/** Parses YAML, loading the yaml package only now (a cache hit never needs it). */
export function parseYaml(text: string): unknown {
  return (require('yaml') as typeof import('yaml')).parse(text);
}
