// Regenerates fixtures/compile-checks/expected.json with python2.7: for every NAME.py there, what
// compile(src, NAME.py, 'exec') says ({"ok": true} or the SyntaxError's message and line).
// Usage: npx tsx scripts/gen-compile-check-goldens.ts   (the golden is committed)

import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findPython2, python2Env } from '../src/python2.js';

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/compile-checks');
const PY = `
import sys, json
out = {}
for f in sys.argv[1:]:
    try:
        compile(open(f).read(), f.split('/')[-1], 'exec')
        out[f.split('/')[-1]] = {'ok': True}
    except SyntaxError as e:
        out[f.split('/')[-1]] = {'ok': False, 'message': e.msg, 'lineno': e.lineno}
print json.dumps(out, indent=1, sort_keys=True)
`;

const py = findPython2();
if (!py) {
  console.error('gen-compile-check-goldens: python2.7 not found (set GRUMPY_PYTHON2)');
  process.exit(2);
}
const files = readdirSync(DIR).filter((f) => f.endsWith('.py')).sort().map((f) => path.join(DIR, f));
const json = execFileSync(py.executable, ['-c', PY, ...files], { encoding: 'utf8', env: python2Env() });
writeFileSync(path.join(DIR, 'expected.json'), json);
console.log(`${files.length} cases written to fixtures/compile-checks/expected.json`);
