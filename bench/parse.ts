// Parse-stage throughput on a Python 2.7 tree (default: python2.7's own Lib): our parse + typed
// AST, cold, on all cores through the worker pool, against python2.7 ast.parse-ing the same
// files in one process, measured side by side in this run.
// Usage: npm run bench:parse -- [DIR] [--threads N] [--facts]

import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { decodePython2 } from '../src/discover/encoding.js';
import { findPython2, python2Env } from '../src/python2.js';
import { parseFiles, type ParseRequest } from '../src/parse/pool.js';

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
ok = 0
for f in files:
    try:
        ast.parse(open(f).read(), f)
        ok += 1
    except BaseException:
        pass
print '%.4f %d' % (time.time() - t0, ok)
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

  // Ours: read, decode, parse, build the AST in workers, and receive it — all timed.
  const t0 = performance.now();
  const reqs: ParseRequest[] = files.map((f) => {
    const d = decodePython2(readFileSync(f));
    return { path: f, text: d.text, encoding: d.error?.id === 'decode-non-ascii' ? 'latin-1' : d.encoding, want: { ast: true, facts } };
  });
  const results = await parseFiles(reqs, { threads });
  const ours = (performance.now() - t0) / 1000;
  const lines = results.reduce((n, r) => n + r.lines, 0);
  const ok = results.filter((r) => r.ast).length;
  console.log(`files: ${files.length}, lines: ${lines}, threads: ${threads}${facts ? ', with tree-sitter facts' : ''}`);
  console.log(`grumpy-audit parse+ast: ${ours.toFixed(2)} s, ${Math.round(lines / ours)} lines/s (${ok} files parsed)`);

  if (!py) {
    console.log('python2.7 not found: no comparison');
    return;
  }
  const w0 = performance.now();
  const out = execFileSync(py.executable, ['-c', PY_TIMER], { input: files.join('\n'), env: python2Env(), encoding: 'utf8' });
  const wall = (performance.now() - w0) / 1000;
  const [secs, pyOk] = out.trim().split(' ');
  const cpy = Number(secs);
  console.log(`python2.7 ast.parse:    ${cpy.toFixed(2)} s, ${Math.round(lines / cpy)} lines/s (${pyOk} files parsed; ${wall.toFixed(2)} s with startup)`);
  console.log(`ratio: ${(cpy / ours).toFixed(2)}x ${cpy > ours ? 'faster' : 'slower'} than python2.7`);
}

await main();
