// Human wording for the contract's enums, in one table each, so every page says the same thing.

import type { FindingCategory, Verdict } from '../contract.js';
import type { RichText } from './model.js';

export const VERDICT_LABEL: Record<Verdict, string> = {
  ready: 'Ready',
  blocked: 'Blocked',
  'blocked-by-dependency': 'Blocked by dependency',
  error: 'Error',
};

export const VERDICT_EXPLANATION: Record<Verdict, string> = {
  ready: 'Nothing in this module or in what it imports stops it from being transpiled to Go.',
  blocked: 'This module has findings of its own that stop it from being transpiled to Go.',
  'blocked-by-dependency': 'This module is fine on its own, but it imports a module that is blocked.',
  error: 'The analyzer could not read or parse this module.',
};

export const CATEGORY_LABEL: Record<FindingCategory, string> = {
  dynamic: 'Dynamic code',
  'c-extension': 'C extension',
  'optional-c-extension': 'Optional C extension',
  syntax: 'Syntax',
  'unsupported-stdlib': 'Unsupported stdlib',
  'missing-import': 'Missing import',
  'runtime-semantics': 'Runtime semantics',
};

/** Why findings of each category stand between a module and Go; shown on every rule page. */
export const CATEGORY_WHY: Record<FindingCategory, string> = {
  dynamic: 'The module is compiled ahead of time to Go. There is no Python interpreter in the Go binary, ' +
    'so code that is built from strings or discovered only at run time (exec, eval, compile, dynamic imports) has nothing to run it.',
  'c-extension': 'C extensions are written against the CPython C API, which the Go runtime does not provide. ' +
    'The extension cannot be loaded, so everything that needs it must get a Go-native or pure-Python replacement first.',
  'optional-c-extension': 'The code prefers a C accelerator and falls back to pure Python. ' +
    'It can migrate, but only the fallback path will run under Go, so check that the fallback is complete and fast enough.',
  syntax: 'The file does not parse as Python 2.7, so the transpiler has no syntax tree to translate.',
  'unsupported-stdlib': 'The Go runtime provides the standard library either natively or by transpiling the pure-Python modules. ' +
    'This module is neither, so code importing it cannot run under Go yet.',
  'missing-import': 'The import resolves to nothing in the repository, the standard library or the known third-party packages. ' +
    'The transpiler must see every module it links against.',
  'runtime-semantics': 'The code depends on CPython implementation details (reference-counting finalisation, frames, the GIL) ' +
    'that the Go runtime does not reproduce exactly, so behaviour could differ after migration.',
};

export function pct(part: number, whole: number): string {
  if (whole === 0) return '0%';
  const p = (100 * part) / whole;
  // Never round a partial share up to 100% or down to 0%: "almost done" must not read "done".
  if (part > 0 && part < whole && (p < 1 || p > 99)) return `${p.toFixed(1)}%`;
  return p >= 10 || p === 0 ? `${Math.round(p)}%` : `${p.toFixed(1)}%`;
}

export function width(part: number, whole: number): string {
  return whole === 0 ? '0%' : `${((100 * part) / whole).toFixed(2)}%`;
}

/** Splits "a `b` c" into text and code parts ("" gives none); an unpaired backtick stays as text. */
export function rich(s: string): RichText {
  const parts: RichText = [];
  const re = /`([^`\n]+)`/g;
  let last = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    if (m.index > last) parts.push({ text: s.slice(last, m.index), code: false });
    parts.push({ text: m[1]!, code: true });
    last = m.index + m[0].length;
  }
  if (last < s.length) parts.push({ text: s.slice(last), code: false });
  return parts;
}
