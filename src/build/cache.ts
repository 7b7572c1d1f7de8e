// The content-hash build cache: $XDG_CACHE_HOME/grumpy-audit (or ~/.cache/grumpy-audit).
// A key covers everything that can change a binary: the Python sources and their module names,
// the transpiler's own code and the runtime's Go sources.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
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
