// import statements. Module names are resolved at transpile time (relative and Python 2 implicit
// relative imports included), so generated code imports by absolute name through the runtime.

import type * as A from '../ast/nodes.js';
import type { Body } from './context.js';
import { call, run, storeName } from './expr.js';
import { goUtf8 } from './goliteral.js';
import { isGoModule, resolveGoImport } from './gointerop.js';

function resolveOrReport(b: Body, at: A.stmt, name: string | null, level: number): string | null {
  // Go packages were checked (and any problem reported) before emission: see gointerop.ts.
  if (level === 0 && isGoModule(name)) return resolveGoImport(b.mod, name);
  const abs = b.mod.imports.resolve(name, level);
  if (abs === null && level === 0 && name) {
    // As in CPython, a module found nowhere is an ImportError when the import runs — which a
    // `try/except ImportError` fallback may catch — not a reason to refuse the whole module.
    b.mod.warning(at, 'missing-import', `'${name}' is not a module of this program nor one the runtime provides; importing it raises ImportError at run time`);
    return name;
  }
  if (abs === null) {
    const shown = '.'.repeat(level) + (name ?? '');
    b.mod.error(at, 'missing-import', `cannot import '${shown}': not a module of this program nor one the runtime provides`);
  }
  return abs;
}

export function emitImport(b: Body, st: A.Import): void {
  for (const a of st.names) {
    const abs = resolveOrReport(b, st, a.name, 0);
    if (abs === null) continue;
    const leaf = call(b, `py.ImportModule(f, ${goUtf8(abs)})`);
    if (a.asname) {
      storeName(b, a.asname, leaf);
      continue;
    }
    // `import a.b.c` binds the top-level package `a` (resolved the same way as the full name).
    const top = abs.split('.').length - a.name.split('.').length + 1;
    const topName = abs.split('.').slice(0, top).join('.');
    if (topName !== abs) b.p.line(`_ = ${leaf}`);
    const bound = topName === abs ? leaf : call(b, `py.ImportModule(f, ${goUtf8(topName)})`);
    storeName(b, a.name.split('.')[0]!, bound);
  }
}

export function emitImportFrom(b: Body, st: A.ImportFrom): void {
  const level = st.level ?? 0;
  if (st.module === '__future__') return;
  const abs = resolveOrReport(b, st, st.module, level);
  if (abs === null) return;
  const mod = call(b, `py.ImportModule(f, ${goUtf8(abs)})`);
  for (const a of st.names) {
    if (a.name === '*') {
      run(b, `py.ImportStar(f, ${mod}, ${b.ns ?? 'f.Globals'})`);
      continue;
    }
    const v = call(b, `py.ImportFrom(f, ${mod}, ${goUtf8(abs)}, ${goUtf8(a.name)})`);
    storeName(b, a.asname ?? a.name, v);
  }
}
