// The parser the transpiler uses: the front end's parseOne (src/parse/pool.ts).
// Until that module exists in this checkout, a stand-in asks python2.7's own `ast` module
// (test/transpile/py2ast.py) so the back end can be exercised; it says so on stderr.

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type * as A from '../ast/nodes.js';
import { diag } from '../diagnostics.js';
import { findPython2, python2Env } from '../python2.js';
import type { ParseFn, ParsedSource } from './program.js';

interface FrontEnd {
  parseOne(input: { path: string; text: string; want: { ast: boolean } }): ParsedSource | Promise<ParsedSource>;
}

let frontEnd: FrontEnd | null | undefined;

async function loadFrontEnd(): Promise<FrontEnd | null> {
  if (frontEnd !== undefined) return frontEnd;
  try {
    const spec = '../parse/pool.js';
    frontEnd = (await import(spec)) as FrontEnd;
  } catch {
    frontEnd = null;
  }
  return frontEnd;
}

let warned = false;

export const parseSource: ParseFn = async (file, text) => {
  const fe = await loadFrontEnd();
  if (fe) return fe.parseOne({ path: file, text, want: { ast: true } });
  const py = findPython2();
  const lines = text.split('\n');
  if (!py) {
    return { diagnostics: [diag('parser-missing', 'error', file, 'no parser available (src/parse/pool.ts is missing and python2.7 was not found)')], lines };
  }
  if (!warned && process.env.GRUMPY_QUIET_PARSE !== '1') {
    process.stderr.write('grumpy-audit: note: src/parse is not built yet; parsing with python2.7\'s ast module\n');
    warned = true;
  }
  const script = fileURLToPath(new URL('../../test/transpile/py2ast.py', import.meta.url));
  const r = spawnSync(py.executable, [script, '/dev/stdin'], { input: Buffer.from(text, 'utf8'), env: python2Env(), maxBuffer: 256 << 20 });
  if (r.status !== 0) {
    return { diagnostics: [diag('syntax-error', 'error', file, r.stderr.toString().trim().split('\n').pop() ?? 'syntax error')], lines };
  }
  return { ast: JSON.parse(r.stdout.toString('utf8')) as A.Module, diagnostics: [], lines };
};
