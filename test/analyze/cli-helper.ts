import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import path from 'node:path';

const ENTRY = path.resolve(import.meta.dirname, 'cli-entry.ts');
const ROOT = path.resolve(import.meta.dirname, '../..');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Spawns `grumpy-audit ARGS` from source through tsx, in a real child process; `prefix` runs it
 * under another command (e.g. setpriv).
 */
export function cli(args: string[], opts: SpawnSyncOptions = {}, prefix: string[] = []): CliRun {
  const argv = [process.execPath, '--import', 'tsx', ENTRY, ...args];
  const [cmd, ...rest] = [...prefix, ...argv];
  const r = spawnSync(cmd!, rest, {
    cwd: ROOT, encoding: 'utf8', timeout: 120_000, ...opts,
    env: { ...process.env, NO_COLOR: '1', ...(opts.env ?? {}) },
  });
  return { status: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}
