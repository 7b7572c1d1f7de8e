// Parse-stage throughput on a Python 2.7 tree (default: python2.7's own Lib): our parse + typed
// AST, cold, on all cores through the worker pool, against python2.7 ast.parse-ing the same
// files in one process, measured side by side in this run.
// Usage: npm run build && npm run bench:parse -- [DIR] [--threads N] [--facts]
// It measures the compiled code in dist/ (what the grumpy-audit bin runs), not tsx's on-the-fly
// transpilation of src/.

import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ParseRequest, ParseResult } from '../src/parse/pool.js';
import type { decodePython2 as DecodeFn } from '../src/discover/encoding.js';
import type { findPython2 as FindFn, python2Env as EnvFn } from '../src/python2.js';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist');
if (!existsSync(path.join(dist, 'parse/pool.js'))) {
  console.error('bench/parse: dist/ not built; run `npm run build` first');
  process.exit(2);
}
const { parseFiles } = (await import(path.join(dist, 'parse/pool.js'))) as { parseFiles: (r: ParseRequest[], o: { threads: number }) => Promise<ParseResult[]> };
const { decodePython2 } = (await import(path.join(dist, 'discover/encoding.js'))) as { decodePython2: typeof DecodeFn };
const { findPython2, python2Env } = (await import(path.join(dist, 'python2.js'))) as { findPython2: typeof FindFn; python2Env: typeof EnvFn };

function listPy(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && e.name.endsWith('.py')) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

const PY_TIMER = `
import ast, sys, time
files = sys.stdin.read().split('\\n')
t0 = time.time()
c0 = time.clock()
ok = 0
for f in files:
    try:
        ast.parse(open(f).read(), f)
        ok += 1
    except BaseException:
        pass
print '%.4f %.4f %d' % (time.time() - t0, time.clock() - c0, ok)
`;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const py = findPython2();
  const dir = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a)) ?? py?.libDir;
  if (!dir) throw new Error('no directory given and no python2.7 found');
  const ti = args.indexOf('--threads');
  const threads = ti >= 0 ? Number(args[ti + 1]) : availableParallelism();
  const facts = args.includes('--facts');
  const files = listPy(dir);

  // Ours, cold: read and decode (the discover stage's job), then the parse stage proper:
  // parse and build the typed AST on all lanes and receive every AST on the main thread.
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const reqs: ParseRequest[] = files.map((f) => {
    const d = decodePython2(readFileSync(f));
    return { path: f, text: d.text, encoding: d.error?.id === 'decode-non-ascii' ? 'latin-1' : d.encoding, want: { ast: true, facts } };
  });
  const t1 = performance.now();
  const results = await parseFiles(reqs, { threads });
  const t2 = performance.now();
  const cpu = process.cpuUsage(c0);
  const stage = (t2 - t1) / 1000;
  const ours = (t2 - t0) / 1000;
  const lines = results.reduce((n, r) => n + r.lines, 0);
  const ok = results.filter((r) => r.ast).length;
  console.log(`files: ${files.length}, lines: ${lines}, threads: ${threads}${facts ? ', with tree-sitter facts' : ''}`);
  console.log(`grumpy-audit parse stage:        ${stage.toFixed(2)} s, ${Math.round(lines / stage)} lines/s (${ok} files parsed)`);
  console.log(`grumpy-audit read+decode+parse:  ${ours.toFixed(2)} s, ${Math.round(lines / ours)} lines/s (CPU, all threads: ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s)`);

  if (!py) {
    console.log('python2.7 not found: no comparison');
    return;
  }
  const w0 = performance.now();
  const out = execFileSync(py.executable, ['-c', PY_TIMER], { input: files.join('\n'), env: python2Env(), encoding: 'utf8' });
  const wall = (performance.now() - w0) / 1000;
  const [secs, cpuSecs, pyOk] = out.trim().split(' ');
  const cpy = Number(secs);
  console.log(`python2.7 read+ast.parse:        ${cpy.toFixed(2)} s, ${Math.round(lines / cpy)} lines/s (${pyOk} files parsed; CPU ${Number(cpuSecs).toFixed(2)} s; ${wall.toFixed(2)} s with startup)`);
  console.log(`ratio (parse stage):             ${(cpy / stage).toFixed(2)}x ${cpy > stage ? 'faster' : 'slower'} than python2.7`);
  console.log(`ratio (read+decode+parse):       ${(cpy / ours).toFixed(2)}x ${cpy > ours ? 'faster' : 'slower'} than python2.7`);
  console.log(`load average at the end: ${loadavg().map((x) => x.toFixed(1)).join(' ')} (on ${availableParallelism()} cores)`);
}

await main();
