// Import extraction. Statements are found from the text: each word `import` (and each literal
// `__import__` / `import_module` call) is located in the tree with one native lookup, which is far
// cheaper than walking or querying the whole tree (bench/scan.ts measures it).

import type Parser from 'tree-sitter';
import type { ImportFact } from '../facts.js';
import { simpleStringValue } from './strings.js';

const IMPORT_WORD = /\bimport\b|\b__import__\b|\bimport_module\b/g;
const STATEMENTS = new Set(['import_statement', 'import_from_statement', 'future_import_statement']);

export function extractImports(root: Parser.SyntaxNode, text: string): { imports: ImportFact[]; future: string[] } {
  const imports: ImportFact[] = [];
  const future: string[] = [];
  const seen = new Set<number>();
  IMPORT_WORD.lastIndex = 0;
  for (let m = IMPORT_WORD.exec(text); m; m = IMPORT_WORD.exec(text)) {
    const word = m[0];
    const leaf = root.descendantForIndex(m.index, m.index + word.length);
    if (word === 'import') {
      const stmt = leaf.parent;
      if (!stmt || !STATEMENTS.has(stmt.type) || seen.has(stmt.startIndex)) continue;
      seen.add(stmt.startIndex);
      if (stmt.type === 'future_import_statement') {
        for (const n of stmt.childrenForFieldName('name')) future.push(dotted(nameOf(n), text));
        continue;
      }
      const flags = importFlags(stmt, text);
      const at = { line: stmt.startPosition.row + 1, column: stmt.startPosition.column };
      if (stmt.type === 'import_statement') {
        for (const n of stmt.childrenForFieldName('name')) {
          imports.push({ form: 'import', module: dotted(nameOf(n), text), level: 0, names: [], ...at, ...flags });
        }
      } else {
        imports.push({ form: 'from', ...fromParts(stmt, text), ...at, ...flags });
      }
    } else {
      const call = literalImportCall(leaf, text);
      if (!call || seen.has(call.node.startIndex)) continue;
      seen.add(call.node.startIndex);
      imports.push({
        form: 'dynamic', module: call.name, level: 0, names: [],
        line: call.node.startPosition.row + 1, column: call.node.startPosition.column, ...importFlags(call.node, text),
      });
    }
  }
  return { imports, future };
}

function nameOf(n: Parser.SyntaxNode): Parser.SyntaxNode {
  return n.type === 'aliased_import' ? (n.childForFieldName('name') ?? n) : n;
}

/** Names come from the original text: the front end's Python 2 repairs may rewrite node.text. */
function dotted(n: Parser.SyntaxNode, text: string): string {
  return text.slice(n.startIndex, n.endIndex).replace(/\s+/g, '');
}

function fromParts(stmt: Parser.SyntaxNode, text: string): Pick<ImportFact, 'module' | 'level' | 'names'> {
  const modNode = stmt.childForFieldName('module_name');
  let module = '';
  let level = 0;
  if (modNode?.type === 'relative_import') {
    for (const c of modNode.namedChildren) {
      if (c.type === 'import_prefix') level = dotted(c, text).length;
      else if (c.type === 'dotted_name') module = dotted(c, text);
    }
  } else if (modNode) {
    module = dotted(modNode, text);
  }
  const names = stmt.namedChildren.some((c) => c.type === 'wildcard_import')
    ? ['*']
    : stmt.childrenForFieldName('name').map((n) => dotted(nameOf(n), text));
  return { module, level, names };
}

/** `__import__('a.b')` or `importlib.import_module('a.b')` with a literal, non-relative name. */
function literalImportCall(leaf: Parser.SyntaxNode, text: string): { node: Parser.SyntaxNode; name: string } | undefined {
  let fn = leaf;
  if (fn.parent?.type === 'attribute' && fn.parent.childForFieldName('attribute')?.startIndex === fn.startIndex) fn = fn.parent;
  const call = fn.parent;
  if (!call || call.type !== 'call' || call.childForFieldName('function')?.startIndex !== fn.startIndex) return undefined;
  const first = call.childForFieldName('arguments')?.firstNamedChild;
  if (!first) return undefined;
  const name = simpleStringValue(first, text);
  if (!name || name.startsWith('.')) return undefined;
  return { node: call, name };
}

const CATCHES_IMPORT_ERROR = /^except\b\s*(?::|[^:]*\b(?:ImportError|Exception|BaseException|StandardError)\b)/;

/** Where the import sits: under if/try (conditional), in a try guarded for ImportError (optional), in a function (lazy). */
function importFlags(stmt: Parser.SyntaxNode, text: string): Pick<ImportFact, 'conditional' | 'optional' | 'lazy' | 'fallback'> {
  let conditional = false;
  let optional = false;
  let lazy = false;
  let fallback = false;
  let prev = stmt;
  for (let n = stmt.parent; n; prev = n, n = n.parent) {
    switch (n.type) {
      case 'if_statement':
        conditional = true;
        break;
      case 'try_statement': {
        conditional = true;
        if (optional || n.childForFieldName('body')?.startIndex !== prev.startIndex) break;
        for (const clause of n.namedChildren) {
          if (clause.type !== 'except_clause') continue;
          const block = clause.namedChildren.find((c) => c.type === 'block');
          const header = text.slice(clause.startIndex, block ? block.startIndex : clause.endIndex);
          if (!CATCHES_IMPORT_ERROR.test(header)) continue;
          optional = true;
          const body = block?.namedChildren.filter((c) => c.type !== 'comment') ?? [];
          if (!(body.length === 1 && body[0]!.type === 'raise_statement')) fallback = true;
        }
        break;
      }
      case 'function_definition':
      case 'lambda':
        lazy = true;
        break;
    }
  }
  return { conditional, optional, lazy, fallback };
}
