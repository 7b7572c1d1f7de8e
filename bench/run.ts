// Benchmark runner (not a test): builds each bench/programs/*.py once with `grumpy-audit build`,
// then times the binary and python2.7 on the same program side by side, alternating, and prints
// per-benchmark ratios (CPython time / Go time: > 1 means we are faster), their geometric mean,
// and the 2-thread vs 1-thread speedup of the threads_cpu pair.
//
// Usage: npx tsc -p . && npx tsx bench/run.ts [--reps N] [NAME…]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findPython2, python2Env } from '../src/python2.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const progDir = path.join(root, 'bench', 'programs');
const argv = process.argv.slice(2);
const repsAt = argv.indexOf('--reps');
const reps = repsAt >= 0 ? Number(argv[repsAt + 1]) : 3;
const names = argv.filter((a, i) => !a.startsWith('--') && (repsAt < 0 || i !== repsAt + 1));
const py = findPython2();
if (!py) {
  process.stderr.write('bench: python2.7 not found\n');
  process.exit(2);
}
const binDir = path.join(os.tmpdir(), 'grumpy-bench');
mkdirSync(binDir, { recursive: true });

function time(cmd: string, args: string[], env?: NodeJS.ProcessEnv): { secs: number; out: string } {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd: progDir, env, encoding: 'utf8', maxBuffer: 64 << 20 });
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return { secs, out: r.stdout };
}

const programs = readdirSync(progDir).filter((f) => f.endsWith('.py')).map((f) => f.slice(0, -3)).sort()
  .filter((n) => names.length === 0 || names.includes(n));
const results = new Map<string, { go: number; cpy: number }>();
for (const name of programs) {
  const bin = path.join(binDir, name);
  try {
    execFileSync(process.execPath, [path.join(root, 'bin', 'grumpy-audit.js'), '--quiet', 'build', `${name}.py`, '-o', bin],
      { cwd: progDir, stdio: ['ignore', 'inherit', 'inherit'] });
  } catch {
    process.stdout.write(`${name.padEnd(16)} BUILD FAILED (no ratio)\n`);
    continue;
  }
  let go = Infinity;
  let cpy = Infinity;
  let goOut = '';
  let cpyOut = '';
  for (let i = 0; i < reps; i++) {
    // Alternate which goes first so neither always runs on a warmer machine.
    const order = i % 2 === 0 ? ['go', 'cpy'] : ['cpy', 'go'];
    for (const which of order) {
      if (which === 'go') {
        const r = time(bin, []);
        go = Math.min(go, r.secs);
        goOut = r.out;
      } else {
        const r = time(py.executable, [`${name}.py`], python2Env());
        cpy = Math.min(cpy, r.secs);
        cpyOut = r.out;
      }
    }
    if (goOut !== cpyOut) throw new Error(`${name}: output differs from CPython:\n${goOut}\nvs\n${cpyOut}`);
  }
  results.set(name, { go, cpy });
  process.stdout.write(`${name.padEnd(16)} cpython ${cpy.toFixed(3)}s  go ${go.toFixed(3)}s  ratio ${(cpy / go).toFixed(2)}x\n`);
}
const ratios = [...results.values()].map((r) => r.cpy / r.go);
if (ratios.length) {
  const geo = Math.exp(ratios.reduce((s, r) => s + Math.log(r), 0) / ratios.length);
  process.stdout.write(`geometric mean ratio (CPython time / Go time): ${geo.toFixed(2)}x over ${ratios.length} programs (best of ${reps})\n`);
}
const t1 = results.get('threads_cpu1');
const t2 = results.get('threads_cpu2');
if (t1 && t2) {
  process.stdout.write(`threads: 2-thread speedup over 1 thread: go ${(t1.go / t2.go).toFixed(2)}x, cpython ${(t1.cpy / t2.cpy).toFixed(2)}x\n`);
}
