// Per-file facts extracted from the tree-sitter tree inside the parse workers: imports and raw rule
// matches, as plain data. The repository-level analysis (resolve, graph, verdicts) runs later on them.
// Everything here must stay cheap: it runs on every file of every scan (see bench/scan.ts).

import type Parser from 'tree-sitter';
import { extractImports } from './cst/imports.js';
import { Locator } from './cst/locate.js';
import { matchRules } from './cst/match.js';
import { firstSyntaxError } from './cst/syntax.js';

export interface ImportFact {
  /** `import a.b`, `from a import b`, or a literal `__import__('a.b')` / `importlib.import_module('a.b')`. */
  form: 'import' | 'from' | 'dynamic';
  /** Dotted module name as written, without leading dots ("" for `from . import x`). */
  module: string;
  /** Number of leading dots of a relative from-import; 0 otherwise. */
  level: number;
  /** Names imported by a from-import (["*"] for a star import); empty otherwise. */
  names: string[];
  /** 1-based line and 0-based column of the import statement (or call). */
  line: number;
  column: number;
  /** Under an if/elif/else or try statement. */
  conditional: boolean;
  /** In the body of a try whose handlers catch ImportError. */
  optional: boolean;
  /** Inside a function, method or lambda: runs on call, not at import time. */
  lazy: boolean;
  /** Optional imports only: the ImportError handler does something besides re-raising. */
  fallback: boolean;
}

/** One raw rule match; the rules stage turns it into a Finding with the module's name. */
export interface RuleMatch {
  ruleId: string;
  messageId: string;
  line: number;
  column: number;
  /** Capture texts for the message template ({name} → data.name). */
  data: Record<string, string>;
}

export interface SyntaxErrorFact {
  line: number;
  column: number;
  message: string;
}

export interface FileFacts {
  imports: ImportFact[];
  matches: RuleMatch[];
  /** `from __future__ import ...` feature names. */
  future: string[];
  /** Has an `if __name__ == '__main__':` block (a script entry point). */
  hasMainGuard: boolean;
  /** First ERROR or MISSING node of the tree, when the file does not parse. */
  syntaxError?: SyntaxErrorFact;
}

const MAIN_GUARD = /^if\s+(?:__name__\s*==\s*(['"])__main__\1|(['"])__main__\2\s*==\s*__name__)\s*:/m;

export function extractFacts(root: Parser.SyntaxNode, text: string, path: string): FileFacts {
  const loc = new Locator(root);
  const { imports, future } = extractImports(loc, text);
  const facts: FileFacts = {
    imports,
    matches: matchRules(loc, text, path),
    future,
    hasMainGuard: text.includes('__main__') && MAIN_GUARD.test(text),
  };
  if (root.hasError) {
    const err = firstSyntaxError(root, text);
    if (err) facts.syntaxError = err;
  }
  return facts;
}
