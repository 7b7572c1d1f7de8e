// Benchmark: a cold `scan` of the CPython 2.7 Lib to JSON, side by side with python2.7 ast.parse-ing
// the same files in one process; then a warm re-run from the cache. Each measurement runs in its
// own child process and times its own work (interpreter start-up excluded on both sides), and the
// child's whole wall time is printed too.
//
//   npx tsx bench/scan.ts [LIB_DIR] [--threads N] [--rounds N] [--dist]
//
// --dist measures the compiled tool in dist/ (run `npm run build` first), as the installed CLI
// runs; without it the children run the TypeScript sources through tsx, which adds compile time.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { analyzeRepository } from '../src/analyze/index.js';
import type { PipelineEvent } from '../src/events.js';
import { findPython2, python2Env } from '../src/python2.js';

// The figure (1,778 files) counts every .py under the Lib, site-packages included.
const INCLUDE = ['**/*.py'];

interface ChildReport {
  ms: number;
  /** CPU time of the whole process (all threads), user + system. */
  cpuMs: number;
  files: number;
  parsed: number;
  lines: number;
  maxRssMiB: number;
  byVerdict?: Record<string, number>;
  top?: { target: string; modulesFreed: number; linesFreed: number }[];
  fileList?: string[];
  /** The analyzer's per-stage wall times (debug events of stage `timing`). */
  stages?: string[];
}

async function child(root: string, cacheDir: string, threads: number | undefined, out: string): Promise<void> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const stages: string[] = [];
  const events = (e: PipelineEvent) => { if (e.level === 'debug' && e.stage === 'timing') stages.push(e.message); };
  const { audit, parsed } = await analyzeRepository(root, { include: INCLUDE, cacheDir, threads, events });
  writeFileSync(out, JSON.stringify(audit));
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  const report: ChildReport = {
    ms, cpuMs: (cpu.user + cpu.system) / 1000, files: audit.modules.length, parsed, lines: audit.summary.lines,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
    byVerdict: audit.summary.byVerdict as Record<string, number>,
    top: (audit.blockerImpact ?? []).filter((b) => b.kind === 'module').slice(0, 8),
    fileList: audit.modules.map((m) => path.join(audit.root, m.path)),
    stages,
  };
  process.stdout.write(JSON.stringify(report));
}

/** The child for --dist: the same measurement against the compiled analyzer, without tsx. */
function distChild(root: string, cacheDir: string, threads: number | undefined, out: string): string {
  const index = new URL('../dist/analyze/index.js', import.meta.url).href;
  return `
    import { writeFileSync } from 'node:fs';
    import path from 'node:path';
    const { analyzeRepository } = await import(${JSON.stringify(index)});
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const stages = [];
    const events = (e) => { if (e.level === 'debug' && e.stage === 'timing') stages.push(e.message); };
    const { audit, parsed } = await analyzeRepository(${JSON.stringify(root)}, { include: ${JSON.stringify(INCLUDE)}, cacheDir: ${JSON.stringify(cacheDir)}, threads: ${threads ?? 'undefined'}, events });
    writeFileSync(${JSON.stringify(out)}, JSON.stringify(audit));
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(c0);
    process.stdout.write(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, files: audit.modules.length, parsed, lines: audit.summary.lines,
      maxRssMiB: process.resourceUsage().maxRSS / 1024, byVerdict: audit.summary.byVerdict,
      top: (audit.blockerImpact ?? []).filter((b) => b.kind === 'module').slice(0, 8),
      fileList: audit.modules.map((m) => path.join(audit.root, m.path)), stages }));`;
}

/**
 * The floor: plain tree-sitter parsing of the same files on the same number of threads, nothing
 * else (texts read beforehand, workers booted before the clock starts). No scan that parses every
 * file with tree-sitter can be faster than this on this machine. Then the same trees are released
 * (node-tree-sitter frees a tree in a finalizer, after garbage collection), which a scan that does
 * not keep every tree alive also pays: the second figure.
 */
const FLOOR_CHILD = `
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
const [list, threads, pkg] = [process.argv[2], Number(process.argv[3]), process.argv[4]];
const files = readFileSync(list, 'utf8').split('\\n').filter(Boolean);
const texts = files.map((f) => readFileSync(f, 'latin1'));
const shares = Array.from({ length: threads }, () => ({ texts: [], size: 0 }));
for (const t of [...texts].sort((a, b) => b.length - a.length)) {
  const s = shares.reduce((m, x) => (x.size < m.size ? x : m));
  s.texts.push(t);
  s.size += t.length;
}
const code = \`
  const { parentPort } = require('node:worker_threads');
  const req = require('node:module').createRequire(\${JSON.stringify(pkg)});
  const P = req('tree-sitter');
  const p = new P();
  p.setLanguage(req('tree-sitter-python'));
  parentPort.postMessage('ready');
  parentPort.on('message', async (texts) => {
    let trees = texts.map((t) => p.parse(t, undefined, { bufferSize: t.length + 1 }));
    parentPort.postMessage('parsed');
    trees = undefined;
    globalThis.gc();
    for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
    parentPort.postMessage('released');
  });\`;
const workers = shares.map(() => new Worker(code, { eval: true }));
await Promise.all(workers.map((w) => new Promise((r) => w.once('message', r))));
const t0 = performance.now();
const c0 = process.cpuUsage();
let parsing = workers.length;
let parsed = 0;
await Promise.all(workers.map((w, i) => new Promise((r) => {
  w.on('message', (m) => {
    if (m === 'parsed' && --parsing === 0) parsed = performance.now() - t0;
    if (m === 'released') r();
  });
  w.postMessage(shares[i].texts);
})));
const msPlusRelease = performance.now() - t0;
const cpu = process.cpuUsage(c0);
process.stdout.write(JSON.stringify({ ms: parsed, msPlusRelease, cpuMs: (cpu.user + cpu.system) / 1000 }));
process.exit(0);
`;

interface FloorReport {
  /** All workers done parsing. */
  ms: number;
  /** All workers done parsing and releasing their trees. */
  msPlusRelease: number;
  /** CPU of the whole run, release included. */
  cpuMs: number;
}

function runFloor(work: string, list: string, threads: number): FloorReport {
  const script = path.join(work, 'floor.mjs');
  writeFileSync(script, FLOOR_CHILD);
  const pkg = new URL('../package.json', import.meta.url).pathname;
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const r = spawnSync(process.execPath, ['--expose-gc', script, list, String(threads), pkg], { encoding: 'utf8', env });
  if (r.status !== 0) throw new Error(`floor child failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as FloorReport;
}

let useDist = false;

function runChild(root: string, cacheDir: string, threads: number | undefined, out: string): { report: ChildReport; wallMs: number } {
  const t0 = performance.now();
  let args: string[];
  if (useDist) {
    const script = path.join(path.dirname(out), `child-${path.basename(out)}.mjs`);
    writeFileSync(script, distChild(root, cacheDir, threads, out));
    args = [script];
  } else {
    args = ['--import', 'tsx', new URL(import.meta.url).pathname, '--child', root, cacheDir, out, String(threads ?? 0)];
  }
  const env = { ...process.env };
  delete env.NODE_OPTIONS; // tsx's loader must not leak into the compiled child
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env });
  const wallMs = performance.now() - t0;
  if (r.status !== 0) throw new Error(`bench child failed: ${r.stderr}`);
  return { report: JSON.parse(r.stdout) as ChildReport, wallMs };
}

const PY_BENCH = `
import sys, time, ast
paths = [l.rstrip('\\n') for l in open(sys.argv[1])]
srcs = [open(p, 'rb').read() for p in paths]
t = time.time()
c = time.clock()
ok = 0
for p, s in zip(paths, srcs):
    try:
        compile(s, p, 'exec', ast.PyCF_ONLY_AST)
        ok += 1
    except (SyntaxError, TypeError, ValueError):
        pass
sys.stdout.write('%f %d %f\\n' % ((time.time() - t) * 1000, ok, (time.clock() - c) * 1000))
`;

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === '--child') {
    const threads = Number(argv[4]) || undefined;
    await child(argv[1]!, argv[2]!, threads, argv[3]!);
    return;
  }
  const py = findPython2();
  if (!py) throw new Error('python2.7 not found (set GRUMPY_PYTHON2)');
  useDist = argv.includes('--dist');
  const ti = argv.indexOf('--threads');
  const threads = ti >= 0 ? Number(argv[ti + 1]) : undefined;
  const valueAt = new Set([argv.indexOf('--threads') + 1, argv.indexOf('--rounds') + 1].filter((i) => i > 0));
  const root = argv.find((a, i) => !a.startsWith('--') && !valueAt.has(i)) ?? py.libDir;
  const ri = argv.indexOf('--rounds');
  const rounds = ri >= 0 ? Number(argv[ri + 1]) : 3;
  const work = mkdtempSync(path.join(tmpdir(), 'ga-bench-'));
  try {
    // Rounds interleave python2.7 and the scan, so both see the same machine load; the figures
    // are medians, with the best round's ratio beside them.
    const pyScript = path.join(work, 'bench.py');
    writeFileSync(pyScript, PY_BENCH);
    const list = path.join(work, 'files.txt');
    const rows: { pyMs: number; pyOk: number; pyCpuMs: number; cold: ChildReport; coldWall: number; warm: ChildReport; warmWall: number; floor: FloorReport }[] = [];
    for (let i = 0; i < rounds; i++) {
      const cacheDir = path.join(work, `cache-${i}`);
      const cold = runChild(root, cacheDir, threads, path.join(work, `cold-${i}.json`));
      const warm = runChild(root, cacheDir, threads, path.join(work, `warm-${i}.json`));
      writeFileSync(list, cold.report.fileList!.join('\n') + '\n');
      const [pyMs, pyOk, pyCpuMs] = execFileSync(py.executable, [pyScript, list], { encoding: 'utf8', env: python2Env() }).trim().split(' ').map(Number);
      const floor = runFloor(work, list, threads ?? availableParallelism());
      rows.push({ pyMs: pyMs!, pyOk: pyOk!, pyCpuMs: pyCpuMs!, cold: cold.report, coldWall: cold.wallMs, warm: warm.report, warmWall: warm.wallMs, floor });
    }
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const pyMs = med(rows.map((r) => r.pyMs));
    const coldMs = med(rows.map((r) => r.cold.ms));
    const warmMs = med(rows.map((r) => r.warm.ms));
    const bestRatio = Math.min(...rows.map((r) => r.cold.ms / r.pyMs));
    const c = rows[0]!.cold;
    const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    console.log(`CPython 2.7 Lib: ${root}`);
    console.log(`files: ${c.files}, lines: ${c.lines}, threads: ${threads ?? 'all cores'}, analyzer from ${useDist ? 'dist/ (compiled)' : 'src/ via tsx'}, ${rounds} round(s), medians`);
    console.log(`python2.7 ast.parse (${rows[0]!.pyOk} parsed):   ${fmt(pyMs)}   rounds: ${rows.map((r) => fmt(r.pyMs)).join(', ')}`);
    console.log(`cold scan to JSON (${c.parsed} parsed):   ${fmt(coldMs)}   rounds: ${rows.map((r) => fmt(r.cold.ms)).join(', ')}  (child wall ${fmt(med(rows.map((r) => r.coldWall)))})`);
    console.log(`cold scan speed:                 ${Math.round(c.lines / (coldMs / 1000)).toLocaleString('en-US')} LOC/s`);
    console.log(`ratio cold scan / python2.7:     ${(coldMs / pyMs).toFixed(2)}x median, ${bestRatio.toFixed(2)}x best round  (target <= 0.75x)`);
    const floorMs = med(rows.map((r) => r.floor.ms));
    console.log(`floor: tree-sitter parse only:  ${fmt(floorMs)}   rounds: ${rows.map((r) => fmt(r.floor.ms)).join(', ')}  (ratio ${(floorMs / pyMs).toFixed(2)}x; the scan adds ${fmt(coldMs - floorMs)})`);
    const releaseMs = med(rows.map((r) => r.floor.msPlusRelease));
    console.log(`floor: parse + release trees:   ${fmt(releaseMs)}   rounds: ${rows.map((r) => fmt(r.floor.msPlusRelease)).join(', ')}  (ratio ${(releaseMs / pyMs).toFixed(2)}x; CPU ${fmt(med(rows.map((r) => r.floor.cpuMs)))})`);
    const pyCpu = med(rows.map((r) => r.pyCpuMs));
    const coldCpu = med(rows.map((r) => r.cold.cpuMs));
    console.log(`CPU time (load-insensitive):     python2.7 ${fmt(pyCpu)}, cold scan ${fmt(coldCpu)} over all threads` +
      ` = ${fmt(coldCpu / (threads ?? availableParallelism()))} per core if perfectly parallel (ratio ${(coldCpu / (threads ?? availableParallelism()) / pyCpu).toFixed(2)}x)`);
    console.log(`warm re-run (${rows[0]!.warm.parsed} parsed):          ${fmt(warmMs)}   (child wall incl. node start-up ${fmt(med(rows.map((r) => r.warmWall)))})  (target <= 0.3 s)`);
    console.log(`peak memory (max RSS):           cold ${Math.max(...rows.map((r) => r.cold.maxRssMiB)).toFixed(0)} MiB, warm ${Math.max(...rows.map((r) => r.warm.maxRssMiB)).toFixed(0)} MiB  (target <= 1536 MiB)`);
    const medianCold = [...rows].sort((a, b) => a.cold.ms - b.cold.ms)[Math.floor(rows.length / 2)]!.cold;
    console.log(`cold scan stages (median round): ${(medianCold.stages ?? []).join(', ')}`);
    console.log(`verdicts: ${JSON.stringify(c.byVerdict)}`);
    console.log('top blockers (modules freed, lines freed):');
    for (const b of c.top ?? []) console.log(`  ${b.target}: ${b.modulesFreed}, ${b.linesFreed}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
