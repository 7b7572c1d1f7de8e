// The named matchers: rules that need the resolved import graph or the file list rather than one
// file's tree. Each returns raw hits; findings.ts renders them like query matches.

import type { SourceFile } from '../../discover/index.js';
import type { Catalog } from '../catalog.js';
import type { ResolvedImport } from '../resolve.js';
import type { NamedMatcher } from './schema.js';

export interface NamedHit {
  file: string;
  line: number;
  column: number;
  messageId: string;
  data: Record<string, string>;
}

/** A C import inside try/except ImportError with a fallback is a warning, not a blocker. */
const softened = (e: ResolvedImport) => e.optional && e.fallback;

const IMPL_TEXT: Record<string, string> = { builtin: 'C (built-in)', extension: 'C (extension)', 'other-platform': 'C (Windows/macOS only)' };

type NativeImport = { kind: 'stdlib' | 'package' | 'repo'; data: Record<string, string> } | undefined;

/** Answers per edge: three rules ask about every import edge of the repository. */
const nativeImportMemo = new WeakMap<ResolvedImport, { catalog: Catalog; answer: NativeImport }>();

/** Whether an import edge loads native code, and how to describe it. */
export function nativeImport(e: ResolvedImport, catalog: Catalog): NativeImport {
  const memo = nativeImportMemo.get(e);
  if (memo?.catalog === catalog) return memo.answer;
  const answer = nativeImportUncached(e, catalog);
  nativeImportMemo.set(e, { catalog, answer });
  return answer;
}

function nativeImportUncached(e: ResolvedImport, catalog: Catalog): NativeImport {
  if (e.nativeFile) return { kind: 'repo', data: { module: e.module, note: `built from ${e.nativeFile} in this repository` } };
  if (e.kind === 'stdlib' && e.stdlib && e.stdlib.impl !== 'pure' && !catalog.support.provides(e.stdlib.module, e.stdlib.impl)) {
    // Modules for other platforms only matter when imported unconditionally.
    if (e.stdlib.impl === 'other-platform' && (e.conditional || e.optional)) return undefined;
    return { kind: 'stdlib', data: { module: e.stdlib.module, impl: IMPL_TEXT[e.stdlib.impl]! } };
  }
  if (e.kind === 'third-party') {
    const pkg = catalog.nativePackage(e.module);
    if (pkg) return { kind: 'package', data: { module: e.module, note: pkg.pkg.note } };
  }
  return undefined;
}

export function runImportMatcher(name: NamedMatcher, file: string, imports: ResolvedImport[], catalog: Catalog): NamedHit[] {
  const hits: NamedHit[] = [];
  for (const e of imports) {
    const at = { file, line: e.line, column: e.column };
    switch (name) {
      case 'native-package-import': {
        const n = nativeImport(e, catalog);
        if (n && n.kind !== 'stdlib' && !softened(e)) hits.push({ ...at, messageId: 'default', data: n.data });
        break;
      }
      case 'unsupported-stdlib-import': {
        const n = nativeImport(e, catalog);
        if (n && n.kind === 'stdlib' && !softened(e)) hits.push({ ...at, messageId: 'default', data: n.data });
        break;
      }
      case 'optional-native-import': {
        const n = nativeImport(e, catalog);
        if (n && softened(e)) hits.push({ ...at, messageId: 'default', data: { module: n.data.module! } });
        break;
      }
      case 'missing-import':
        if (e.kind === 'missing' && !e.optional) hits.push({ ...at, messageId: e.badRelative ? 'relative' : 'default', data: { module: e.module } });
        break;
      default:
        break;
    }
  }
  return hits;
}

const NATIVE_KIND_TEXT: Record<string, string> = {
  'c-source': 'C/C++ source', cython: 'Cython', swig: 'SWIG interface', 'native-binary': 'compiled extension',
};

export function runFileMatcher(files: SourceFile[]): NamedHit[] {
  return files
    .filter((f) => f.kind !== 'python')
    .map((f) => ({ file: f.path, line: 1, column: 0, messageId: 'default', data: { kind: NATIVE_KIND_TEXT[f.kind]!, file: f.path } }));
}
