// Regenerates the AST goldens in fixtures/ast/ with python2.7 (found by findPython2):
// for every NAME.py, NAME.dump = ast.dump(ast.parse(src)), NAME.attrs = the same with
// include_attributes=True, or NAME.error = {"kind", "message", "lineno"} when CPython rejects
// the file. Usage: npm run goldens:ast   (the goldens are committed; tests never need python2.7)

import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findPython2, python2Env } from '../src/python2.js';

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/ast');

// ast.dump recurses once per nesting level: deep fixtures need a big stack and recursion limit.
const PY = `
import ast, sys, json, threading
sys.setrecursionlimit(200000)
threading.stack_size(1 << 29)
def main():
  for line in sys.stdin:
    f = line.rstrip('\\n')
    try:
        t = ast.parse(open(f, 'rb').read(), f)
        out = {'ok': True, 'dump': ast.dump(t), 'attrs': ast.dump(t, include_attributes=True)}
    except BaseException as e:
        msg = e.args[0] if isinstance(e, SyntaxError) else str(e)
        out = {'ok': False, 'kind': type(e).__name__, 'message': msg, 'lineno': getattr(e, 'lineno', None)}
    sys.stdout.write(json.dumps(out) + '\\n')
th = threading.Thread(target=main)
th.start()
th.join()
`;

const py = findPython2();
if (!py) {
  console.error('gen-ast-goldens: python2.7 not found (set GRUMPY_PYTHON2)');
  process.exit(2);
}
const files = readdirSync(DIR).filter((f) => f.endsWith('.py')).sort();
const out = execFileSync(py.executable, ['-c', PY], {
  input: files.map((f) => path.join(DIR, f)).join('\n') + '\n', env: python2Env(), encoding: 'utf8', maxBuffer: 1 << 28,
}).trim().split('\n');
files.forEach((f, k) => {
  const base = path.join(DIR, f.slice(0, -3));
  const r = JSON.parse(out[k]!) as { ok: boolean; dump?: string; attrs?: string; kind?: string; message?: string; lineno?: number | null };
  for (const ext of ['.dump', '.attrs', '.error']) if (existsSync(base + ext)) rmSync(base + ext);
  if (r.ok) {
    writeFileSync(base + '.dump', r.dump + '\n');
    writeFileSync(base + '.attrs', r.attrs + '\n');
  } else {
    writeFileSync(base + '.error', JSON.stringify({ kind: r.kind, message: r.message, lineno: r.lineno ?? null }) + '\n');
  }
});
console.log(`gen-ast-goldens: ${files.length} goldens written to ${path.relative(process.cwd(), DIR)}`);
