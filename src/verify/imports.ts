// The import check: does each migrated module import without error under the Go build? It runs
// module-level code, so like verification it happens only when asked for. One process per module,
// so a module that exits, hangs or crashes affects only its own answer.

import { spawn } from 'node:child_process';
import pMap from 'p-map';

export interface ImportCheck {
  ok: boolean;
  /** The exception (last line of what the program printed), a timeout, or the signal. */
  error?: string;
}

function importOne(binary: string, module: string, cwd: string, timeoutMs: number): Promise<ImportCheck> {
  return new Promise((resolve) => {
    const child = spawn(binary, ['--import', module], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, timeoutMs);
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', (e) => err.push(Buffer.from(String(e))));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) return resolve({ ok: true });
      const text = Buffer.concat(err).toString('utf8').trim().split('\n').pop() ?? '';
      resolve({ ok: false, error: timedOut ? `timed out after ${timeoutMs / 1000} s` : text || `exited ${code ?? signal}` });
    });
  });
}

export async function checkImports(binary: string, modules: readonly string[], cwd: string, timeoutMs: number): Promise<Map<string, ImportCheck>> {
  const results = await pMap(modules, (m) => importOne(binary, m, cwd, timeoutMs), { concurrency: 2 });
  return new Map(modules.map((m, i) => [m, results[i]!]));
}
