// The import check: does each migrated module import without error under the Go build? It runs
// module-level code, so like verification it happens only when asked for. One process per module,
// so a module that exits, hangs or crashes affects only its own answer.

import pMap from 'p-map';
import { runProcess } from './process.js';

export interface ImportCheck {
  ok: boolean;
  /** The exception (last line of what the program printed), a timeout, or the signal. */
  error?: string;
}

async function importOne(binary: string, module: string, cwd: string, timeoutMs: number): Promise<ImportCheck> {
  const r = await runProcess(binary, ['--import', module], { cwd, env: process.env, timeoutMs });
  if (r.status === 0) return { ok: true };
  if (r.timedOut) return { ok: false, error: `timed out after ${timeoutMs / 1000} s` };
  return { ok: false, error: r.stderr.trim().split('\n').pop() || `exited ${r.status}` };
}

export async function checkImports(binary: string, modules: readonly string[], cwd: string, timeoutMs: number): Promise<Map<string, ImportCheck>> {
  const results = await pMap(modules, (m) => importOne(binary, m, cwd, timeoutMs), { concurrency: 2 });
  return new Map(modules.map((m, i) => [m, results[i]!]));
}
