// The transpiler parses with the front end's parseOne (tree-sitter → CPython-shaped AST).
import { parseOne } from '../parse/pool.js';
import type { ParseFn } from './program.js';

export const parseSource: ParseFn = async (file, text, encoding) => {
  const r = parseOne({ path: file, text, want: { ast: true }, encoding });
  return { ast: r.ast, diagnostics: r.diagnostics };
};
