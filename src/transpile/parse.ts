// The transpiler parses with the front end's parseOne (tree-sitter → CPython-shaped AST), then
// applies the checks CPython makes while compiling (ast.parse, and so dump-ast, skips those).
import { compileChecks } from '../ast/compile-checks.js';
import { diag } from '../diagnostics.js';
import { parseOne } from '../parse/pool.js';
import type { ParseFn } from './program.js';

export const parseSource: ParseFn = async (file, text, encoding) => {
  const r = parseOne({ path: file, text, want: { ast: true }, encoding });
  if (r.ast) {
    const e = compileChecks(r.ast);
    if (e) return { ast: undefined, diagnostics: [...r.diagnostics, diag('syntax-error', 'error', file, e.message, e.lineno)] };
  }
  return { ast: r.ast, diagnostics: r.diagnostics };
};
