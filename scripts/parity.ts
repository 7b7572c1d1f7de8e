// AST parity with CPython 2.7: for every .py file under a directory, compare our dump with
// python2.7's `ast.dump(ast.parse(open(f).read(), f))`, without and with attributes.
// Usage: npm run parity -- /path/to/Lib [--list N] [--show FILE]
// Prints mismatch lists and the final lines `parity: N/M files identical` (structure) and
// `parity (attributes): N/M files identical`.

import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { findPython2, python2Env } from '../src/python2.js';
import { parseSourceBytes } from '../src/ast/source.js';
import { dump } from '../src/ast/dump.js';

const PY_HELPER = `
import ast, sys, json
for line in sys.stdin:
    f = line.rstrip('\\n')
    try:
        t = ast.parse(open(f).read(), f)
        out = {'f': f, 'ok': True, 'd': ast.dump(t), 'a': ast.dump(t, include_attributes=True)}
    except BaseException as e:
        out = {'f': f, 'ok': False, 'e': '%s: %s' % (type(e).__name__, e)}
    sys.stdout.write(json.dumps(out) + '\\n')
`;

interface PyOut { f: string; ok: boolean; d?: string; a?: string; e?: string }

function listPy(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && e.name.endsWith('.py')) out.push(p);
    }
  };
  walk(dir);
  return out;
}

function firstDiff(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 80);
  return `ours:    …${a.slice(from, i + 80)}\n    cpython: …${b.slice(from, i + 80)}`;
}

function main(): number {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('--'));
  const listN = Number(args[args.indexOf('--list') + 1] ?? 0) || 10;
  if (!dir) {
    console.error('usage: npm run parity -- DIR [--list N]');
    return 2;
  }
  const py = findPython2();
  if (!py) {
    console.error('parity: python2.7 not found (set GRUMPY_PYTHON2)');
    return 2;
  }
  const files = listPy(path.resolve(dir));
  const pyOut = execFileSync(py.executable, ['-c', PY_HELPER], {
    input: files.join('\n') + '\n', env: python2Env(), maxBuffer: 1 << 30, encoding: 'utf8',
  }).trim().split('\n').map((l) => JSON.parse(l) as PyOut);
  const byFile = new Map(pyOut.map((o) => [o.f, o]));

  let same = 0;
  let sameAttr = 0;
  let accepted = 0;
  const weFail: string[] = [];
  const cpyFail: string[] = [];
  const bothFail: string[] = [];
  const structural: string[] = [];
  const attributes: string[] = [];
  for (const f of files) {
    const p = byFile.get(f)!;
    const r = parseSourceBytes(readFileSync(f));
    const rel = path.relative(dir, f);
    if (!p.ok) {
      if (r.ast) cpyFail.push(`${rel}: CPython: ${p.e}`);
      else {
        const ours = r.error ? `${r.error.kind}: ${r.error.message}` : `SyntaxError: ${r.decodeError?.message}`;
        bothFail.push(`${rel}\n    ours:    ${ours}\n    cpython: ${p.e}`);
        same++;
        sameAttr++;
      }
      continue;
    }
    accepted++;
    if (!r.ast) {
      const why = r.error ? `${r.error.lineno}:${r.error.col}: ${r.error.kind}: ${r.error.message}` : r.decodeError?.message;
      weFail.push(`${rel}: ${why}`);
      continue;
    }
    const d = dump(r.ast);
    if (d !== p.d) { structural.push(`${rel}\n    ${firstDiff(d, p.d!)}`); continue; }
    same++;
    const a = dump(r.ast, { includeAttributes: true });
    if (a !== p.a) { attributes.push(`${rel}\n    ${firstDiff(a, p.a!)}`); continue; }
    sameAttr++;
  }
  const show = (title: string, items: string[]): void => {
    console.log(`${title}: ${items.length}`);
    for (const x of items.slice(0, listN)) console.log(`  ${x}`);
    if (items.length > listN) console.log(`  … ${items.length - listN} more`);
  };
  show('CPython accepts, we fail', weFail);
  show('CPython fails, we accept', cpyFail);
  show('structural mismatches', structural);
  show('attribute mismatches', attributes);
  show('both reject', bothFail);
  console.log(`CPython accepts ${accepted}/${files.length} files`);
  console.log(`parity: ${same}/${files.length} files identical (${same - bothFail.length} parsed identically, ${bothFail.length} rejected by both)`);
  console.log(`parity (attributes): ${sameAttr}/${files.length} files identical`);
  return weFail.length || cpyFail.length || structural.length ? 1 : 0;
}

process.exitCode = main();
