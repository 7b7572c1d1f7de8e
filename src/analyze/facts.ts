// Per-file facts extracted from the tree-sitter tree inside the parse workers: imports and rule
// matches, as plain data. The repository-level analysis (resolve, graph, verdicts) runs later on them.
// SCAFFOLD: the analyzer (issue 7) replaces this body; the signature is what src/parse's worker calls.

import type Parser from 'tree-sitter';

export interface FileFacts {
  imports: unknown[];
  findings: unknown[];
}

export function extractFacts(_root: Parser.SyntaxNode, _text: string, _path: string): FileFacts {
  return { imports: [], findings: [] };
}
