// The conformance suite: every program in fixtures/conformance runs through the built CLI
// (`node bin/grumpy-audit.js run …`) and must match CPython 2.7's committed goldens byte for byte:
// stdout, stderr and exit status. Two programs build/run at a time; GOCACHE is shared.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listConformancePrograms } from '../../src/verify/conformance.js';
import { findGo } from '../../src/build/toolchain.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = path.join(root, 'bin', 'grumpy-audit.js');
const programs = listConformancePrograms(path.join(root, 'fixtures', 'conformance'));
const only = process.env.CONFORMANCE_ONLY?.split(',');

let running = 0;
const waiters: (() => void)[] = [];
async function slot<T>(fn: () => Promise<T>): Promise<T> {
  while (running >= 2) await new Promise<void>((r) => waiters.push(r));
  running++;
  try {
    return await fn();
  } finally {
    running--;
    waiters.shift()?.();
  }
}

function runCli(cwd: string, script: string): Promise<{ out: Buffer; err: Buffer; rc: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'run', script], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ out: Buffer.concat(out), err: Buffer.concat(err), rc: code ?? -1 }));
  });
}

describe.skipIf(typeof findGo() === 'string').concurrent('conformance (grumpy-audit run vs CPython 2.7 goldens)', () => {
  for (const prog of programs) {
    if (only && !only.includes(prog.name)) continue;
    it(prog.name, async () => {
      const r = await slot(() => runCli(prog.cwd, prog.script));
      const want = {
        out: readFileSync(`${prog.goldenStem}.out`, 'latin1'),
        err: readFileSync(`${prog.goldenStem}.err`, 'latin1'),
        rc: Number(readFileSync(`${prog.goldenStem}.rc`, 'utf8').trim()),
      };
      expect({ out: r.out.toString('latin1'), err: r.err.toString('latin1'), rc: r.rc }).toEqual(want);
    }, 600_000);
  }
});
