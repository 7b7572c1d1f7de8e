// Regenerates fixtures/conformance goldens (.out, .err, .rc) by running each program under CPython 2.7.
// Usage: npx tsx scripts/gen-conformance-goldens.ts [NAME…]
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findPython2, python2Env } from '../src/python2.js';
import { listConformancePrograms } from '../src/verify/conformance.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'conformance');
const py = findPython2();
if (!py) {
  process.stderr.write('gen-conformance-goldens: python2.7 not found (set GRUMPY_PYTHON2)\n');
  process.exit(2);
}
const only = new Set(process.argv.slice(2));
let n = 0;
for (const prog of listConformancePrograms(root)) {
  if (only.size && !only.has(prog.name)) continue;
  const r = spawnSync(py.executable, [prog.script], {
    cwd: prog.cwd,
    // No .pyc litter in the fixtures; stdin is empty so programs cannot depend on a terminal.
    env: python2Env({ PYTHONDONTWRITEBYTECODE: '1' }),
    input: '',
    timeout: 60_000,
    maxBuffer: 64 << 20,
  });
  if (r.error) throw r.error;
  writeFileSync(`${prog.goldenStem}.out`, r.stdout);
  writeFileSync(`${prog.goldenStem}.err`, r.stderr);
  writeFileSync(`${prog.goldenStem}.rc`, `${r.status ?? 1}\n`);
  n++;
  process.stdout.write(`${prog.name}: rc=${r.status}\n`);
}
process.stdout.write(`${n} goldens written\n`);
