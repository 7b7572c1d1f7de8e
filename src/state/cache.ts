// The analyzer's incremental cache: parse facts per file, keyed by content hash and path, valid for
// one tool version and one rule pack. It is a single file read and written in one go, because a
// warm scan of a big repository must load it in a few milliseconds, not open a file per module.

import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { diag, type Diagnostic } from '../diagnostics.js';
import type { FileFacts } from '../analyze/facts.js';

export interface CachedFacts {
  lines: number;
  facts?: FileFacts;
  diagnostics: Diagnostic[];
}

const FORMAT = 1;
const FILE = 'facts-v1.bin';

interface CacheFile {
  format: number;
  key: string;
  entries: Map<string, CachedFacts>;
}

export class FactsCache {
  private readonly old: Map<string, CachedFacts>;
  private readonly next = new Map<string, CachedFacts>();
  hits = 0;
  misses = 0;

  private constructor(readonly dir: string, readonly key: string, old: Map<string, CachedFacts>) {
    this.old = old;
  }

  /** Opens the cache in `dir` for `key` (tool version + rules hash); a stale or unreadable cache starts empty. */
  static open(dir: string, key: string): { cache: FactsCache; diagnostics: Diagnostic[] } {
    const diagnostics: Diagnostic[] = [];
    let entries = new Map<string, CachedFacts>();
    let bytes: Buffer | undefined;
    try {
      bytes = readFileSync(path.join(dir, FILE));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
        diagnostics.push(diag('cache-unreadable', 'warning', path.join(dir, FILE), `cannot read the cache, scanning cold: ${(e as Error).message}`));
      }
    }
    if (bytes) {
      try {
        const doc = deserialize(bytes) as CacheFile;
        if (doc.format === FORMAT && doc.key === key && doc.entries instanceof Map) entries = doc.entries;
      } catch (e) {
        diagnostics.push(diag('cache-corrupt', 'warning', path.join(dir, FILE), `ignoring a corrupt cache: ${(e as Error).message}`));
      }
    }
    return { cache: new FactsCache(dir, key, entries), diagnostics };
  }

  get(filePath: string, sha256: string): CachedFacts | undefined {
    const k = `${sha256}\0${filePath}`;
    const v = this.old.get(k);
    if (v) {
      this.hits++;
      this.next.set(k, v);
    } else {
      this.misses++;
    }
    return v;
  }

  set(filePath: string, sha256: string, value: CachedFacts): void {
    this.next.set(`${sha256}\0${filePath}`, value);
  }

  /** Writes the entries used or added in this run (dropping the rest), atomically. */
  save(): Diagnostic | undefined {
    if (this.misses === 0 && this.next.size === this.old.size) return undefined;
    const file = path.join(this.dir, FILE);
    try {
      mkdirSync(this.dir, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, serialize({ format: FORMAT, key: this.key, entries: this.next } satisfies CacheFile));
      renameSync(tmp, file);
      return undefined;
    } catch (e) {
      return diag('cache-unwritable', 'warning', file, `cannot write the cache: ${(e as Error).message}`);
    }
  }
}

const RESULT_FILE = 'result-v1.bin';

/** A whole previous result, reused as is when the repository's fingerprint has not changed. */
export interface StoredResult<T> {
  fingerprint: string;
  value: T;
}

/** Whether a previous result exists at all (whatever its fingerprint): a cheap early hint. */
export function hasStoredResult(dir: string): boolean {
  return existsSync(path.join(dir, RESULT_FILE));
}

export function loadResult<T>(dir: string, fingerprint: string): T | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path.join(dir, RESULT_FILE));
  } catch {
    return undefined;
  }
  try {
    const doc = deserialize(bytes) as { format: number } & StoredResult<T>;
    return doc.format === FORMAT && doc.fingerprint === fingerprint ? doc.value : undefined;
  } catch {
    return undefined; // a damaged result file only costs the fast path; the facts cache still works
  }
}

export function saveResult<T>(dir: string, fingerprint: string, value: T): Diagnostic | undefined {
  const file = path.join(dir, RESULT_FILE);
  try {
    mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, serialize({ format: FORMAT, fingerprint, value }));
    renameSync(tmp, file);
    return undefined;
  } catch (e) {
    return diag('cache-unwritable', 'warning', file, `cannot write the cache: ${(e as Error).message}`);
  }
}
