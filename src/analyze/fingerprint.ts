// A fingerprint of everything a scan reads: the listing of the repository with each entry's size,
// times, inode and mode (as git's index does), the options, the tool and the rule pack. When it
// matches the previous run's, that run's result is the answer and no file needs reading.

import fg from 'fast-glob';
import { createHash } from 'node:crypto';
import { realpathSync, type Stats } from 'node:fs';
import path from 'node:path';
import { DEFAULT_EXCLUDES } from '../discover/index.js';
import { toolVersion } from '../version.js';
import { runtimeNativeModules } from './catalog.js';

export interface FingerprintInput {
  repo: string;
  include?: string[];
  exclude?: string[];
  roots?: string[];
  rulesHash: string;
  rulesDir: string;
  /** Excluded from the listing when it lies inside the repository (it changes on every run). */
  cacheDir: string;
  /** Called with the running total of .py bytes listed so far. */
  onPythonBytes?: (bytes: number) => void;
}

export interface Fingerprint {
  hash: string;
  /** Bytes of .py files in the listing: tells a cold scan early whether worker threads will pay. */
  pythonBytes: number;
}

export async function repositoryFingerprint(input: FingerprintInput): Promise<Fingerprint> {
  const root = realpathSync(path.resolve(input.repo));
  const h = createHash('sha256');
  h.update(JSON.stringify({
    root, tool: toolVersion, rules: input.rulesHash, include: input.include ?? null, exclude: input.exclude ?? null, roots: input.roots ?? null,
  }));
  h.update(runtimeNativeModules().join(','));
  const rel = path.relative(root, path.resolve(input.cacheDir));
  const ignore = [...(input.include && input.include.length > 0 ? [] : DEFAULT_EXCLUDES), ...(input.exclude ?? [])];
  if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) ignore.push(`${rel.split(path.sep).join('/')}/**`);
  const options: fg.Options = { cwd: root, dot: true, onlyFiles: false, followSymbolicLinks: false, suppressErrors: true, ignore, stats: true };
  let entries: fg.Entry[] = [];
  let pythonBytes = 0;
  if (input.onPythonBytes) {
    // Streamed, so that onPythonBytes hears about a big repository while the listing goes on.
    for await (const item of fg.stream('**', options)) {
      const e = item as unknown as fg.Entry;
      entries.push(e);
      if (e.stats && e.path.endsWith('.py')) {
        pythonBytes += e.stats.size;
        input.onPythonBytes(pythonBytes);
      }
    }
  } else {
    // In one go: about half the cost of the stream (a warm re-run is mostly this listing).
    entries = await fg('**', { ...options, objectMode: true });
    for (const e of entries) if (e.stats && e.path.endsWith('.py')) pythonBytes += e.stats.size;
  }
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const e of entries) {
    const s = e.stats as Stats | undefined;
    h.update(`${e.path}\0${s ? `${s.size}:${s.mtimeMs}:${s.ctimeMs}:${s.ino}:${s.mode}` : '?'}\n`);
  }
  return { hash: h.digest('hex'), pythonBytes };
}
