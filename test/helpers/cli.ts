// Runs the built CLI (dist/, via bin/grumpy-audit.js) asynchronously: long pipeline runs must not
// block the test worker's event loop, or vitest's own RPC times out under load.

import { spawn } from 'node:child_process';
import path from 'node:path';

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export const CLI = path.resolve('bin/grumpy-audit.js');

export function runCli(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: opts.cwd, env: { ...process.env, NO_COLOR: '1', ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}
