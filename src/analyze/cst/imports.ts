// Import extraction. Statements are found from the text: each word `import` (and each literal
// `__import__` / `import_module` call) is located in the tree with a cursor (locate.ts), which is
// far cheaper than walking or querying the whole tree (bench/scan.ts measures it). A statement's
// names are read from its text, and its flags from the cursor's path; SyntaxNodes are made only
// for the rare imports inside a try body and for dynamic-import calls.

import type Parser from 'tree-sitter';
import type { ImportFact } from '../facts.js';
import { LineCounter, type Locator, type PathNode } from './locate.js';
import { simpleStringValue } from './strings.js';

const IMPORT_WORD = /\bimport\b|\b__import__\b|\bimport_module\b/g;
const STATEMENTS = new Set(['import_statement', 'import_from_statement', 'future_import_statement']);
const DOTTED = /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/;
/** One entry of an import list: a dotted name (spaces allowed around dots), maybe `as name`. */
const IMPORTED = /^\s*(\*|[A-Za-z_]\w*(?:\s*\.\s*[A-Za-z_]\w*)*)(?:\s+as\s+[A-Za-z_]\w*)?\s*$/;

export function extractImports(loc: Locator, text: string): { imports: ImportFact[]; future: string[] } {
  const imports: ImportFact[] = [];
  const future: string[] = [];
  const seen = new Set<number>();
  const lines = new LineCounter(text);
  loc.reset();
  IMPORT_WORD.lastIndex = 0;
  for (let m = IMPORT_WORD.exec(text); m; m = IMPORT_WORD.exec(text)) {
    const word = m[0];
    loc.locate(m.index, m.index + word.length);
    const path = loc.path;
    if (word === 'import') {
      const depth = path.length - 2;
      const stmt = path[depth];
      if (!stmt || !STATEMENTS.has(stmt.type) || seen.has(stmt.start)) continue;
      seen.add(stmt.start);
      const listed = importedNames(text.slice(m.index + word.length, stmt.end));
      if (stmt.type === 'future_import_statement') {
        future.push(...(listed ?? loc.nodeAt(depth).childrenForFieldName('name').map((n) => dotted(nameOf(n), text))));
        continue;
      }
      const at = lines.at(stmt.start);
      const from = stmt.type === 'import_from_statement' ? text.slice(stmt.start + 'from'.length, m.index).replace(/\s|\\/g, '') : '';
      const level = /^\.*/.exec(from)![0].length;
      // Text that is not plain names means tree-sitter recovered from an error: read its nodes.
      const plain = listed !== undefined && (level === from.length || DOTTED.test(from.slice(level)));
      const flags = (plain && pathFlags(path, depth)) || importFlags(loc.nodeAt(depth), text);
      if (!plain) {
        const node = loc.nodeAt(depth);
        if (stmt.type === 'import_statement') {
          for (const n of node.childrenForFieldName('name')) imports.push({ form: 'import', module: dotted(nameOf(n), text), level: 0, names: [], ...at, ...flags });
        } else {
          imports.push({ form: 'from', ...fromParts(node, text), ...at, ...flags });
        }
      } else if (stmt.type === 'import_statement') {
        for (const module of listed) imports.push({ form: 'import', module, level: 0, names: [], ...at, ...flags });
      } else {
        imports.push({ form: 'from', module: from.slice(level), level, names: listed!, ...at, ...flags });
      }
    } else {
      const call = literalImportCall(loc.nodeAt(path.length - 1), text);
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

/**
 * The names after `import`, as written minus whitespace: `a.b as c, d` → ["a.b", "d"];
 * `(x, y as z,)` → ["x", "y"]; `*` → ["*"]. Comments can only sit inside the parentheses.
 * Undefined when the text is not that, i.e. tree-sitter recovered from an error here.
 */
function importedNames(list: string): string[] | undefined {
  const out: string[] = [];
  const parts = list.replace(/#[^\n]*/g, '').replace(/[()\\]/g, ' ').split(',');
  for (const [i, part] of parts.entries()) {
    const m = IMPORTED.exec(part);
    if (m) out.push(m[1]!.replace(/\s+/g, ''));
    else if (!(i === parts.length - 1 && i > 0 && !part.trim())) return undefined; // a trailing comma is fine
  }
  return out;
}

/**
 * The flags of the statement at path[depth], from its ancestors' types alone; undefined when it
 * sits in the body of a try, whose handlers need a closer look (importFlags).
 */
function pathFlags(path: PathNode[], depth: number): Pick<ImportFact, 'conditional' | 'optional' | 'lazy' | 'fallback'> | undefined {
  let conditional = false;
  let lazy = false;
  for (let k = depth - 1; k >= 0; k--) {
    switch (path[k]!.type) {
      case 'if_statement':
        conditional = true;
        break;
      case 'try_statement':
        if (path[k + 1]!.field === 'body') return undefined;
        conditional = true;
        break;
      case 'function_definition':
      case 'lambda':
        lazy = true;
        break;
    }
  }
  return { conditional, optional: false, lazy, fallback: false };
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
