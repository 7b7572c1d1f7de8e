// The content-hash build cache: $XDG_CACHE_HOME/grumpy-audit (or ~/.cache/grumpy-audit).
// A key covers everything that can change a binary: the Python sources and their module names,
// the transpiler's own code and the runtime's Go sources.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function cacheRoot(): string {
  if (process.env.GRUMPY_CACHE_DIR) return process.env.GRUMPY_CACHE_DIR;
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'grumpy-audit');
}

export function sha256(...parts: (string | Buffer)[]): string {
  const h = createHash('sha256');
  for (const p of parts) {
    h.update(typeof p === 'string' ? Buffer.from(p, 'utf8') : p);
    h.update('\0');
  }
  return h.digest('hex');
}

const treeHashes = new Map<string, string>();

/** A hash of every file under dir whose name passes `want` (path and bytes), memoised per process. */
export function hashTree(dir: string, want: (name: string) => boolean): string {
  const memo = treeHashes.get(dir);
  if (memo) return memo;
  const h = createHash('sha256');
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const full = path.join(d, name);
      const st = statSync(full);
      if (st.isDirectory()) walk(full);
      else if (want(name)) {
        h.update(path.relative(dir, full));
        h.update('\0');
        h.update(readFileSync(full));
        h.update('\0');
      }
    }
  };
  walk(dir);
  const digest = h.digest('hex');
  treeHashes.set(dir, digest);
  return digest;
}

/** Size cap of the cached binaries: GRUMPY_CACHE_MAX_MB, default 2 GiB. */
function binaryCacheCap(): number {
  const mb = Number(process.env.GRUMPY_CACHE_MAX_MB);
  return (Number.isFinite(mb) && mb > 0 ? mb : 2048) * 1024 * 1024;
}

/** Marks a cached file as just used, for pruneCache's least-recently-used order. */
export function touchCached(file: string): void {
  try {
    const now = new Date();
    utimesSync(file, now, now);
  } catch {
    // a cache entry removed meanwhile is rebuilt next time
  }
}

/** Deletes the least recently used files of dir (with their side files, same name plus a suffix)
 *  until the rest fits the cap. Every changed program adds a binary of several MB, so without
 *  this the cache only grows. */
export function pruneCache(dir: string, keep: string, cap = binaryCacheCap()): void {
  let entries: { name: string; size: number; mtime: number }[];
  try {
    entries = readdirSync(dir).map((name) => {
      const st = statSync(path.join(dir, name));
      return { name, size: st.size, mtime: st.mtimeMs };
    });
  } catch {
    return;
  }
  let total = entries.reduce((n, e) => n + e.size, 0);
  const binaries = entries.filter((e) => !e.name.includes('.')).sort((a, b) => a.mtime - b.mtime);
  for (const b of binaries) {
    if (total <= cap) break;
    if (path.join(dir, b.name) === keep) continue;
    for (const e of entries.filter((x) => x.name === b.name || x.name.startsWith(`${b.name}.`))) {
      rmSync(path.join(dir, e.name), { force: true });
      total -= e.size;
    }
  }
}
