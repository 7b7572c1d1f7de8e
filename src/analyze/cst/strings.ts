// Small CST helpers shared by the extractors. Text is always sliced from the original source by
// position: the front end parses a same-length repaired copy, so node.text may differ.

import type Parser from 'tree-sitter';

/** A plain string literal (or an implicit concatenation of them): its value is known statically. */
export function isStringLiteral(node: Parser.SyntaxNode): boolean {
  if (node.type === 'string') return !node.namedChildren.some((c) => c.type === 'interpolation');
  if (node.type === 'concatenated_string') return node.namedChildren.every(isStringLiteral);
  return false;
}

/**
 * The value of a simple string literal (no escapes beyond the quotes' own), for module names in
 * `__import__('a.b')`; undefined when it is not that simple.
 */
export function simpleStringValue(node: Parser.SyntaxNode, text: string): string | undefined {
  if (node.type !== 'string') return undefined;
  const m = /^[uUbB]?[rR]?(['"])((?:(?!\1)[\w.])*)\1$/.exec(text.slice(node.startIndex, node.endIndex));
  return m ? m[2] : undefined;
}

/** One-line, bounded capture text for message templates. */
export function captureText(node: Parser.SyntaxNode, text: string): string {
  const t = text.slice(node.startIndex, Math.min(node.endIndex, node.startIndex + 400)).replace(/\s+/g, ' ');
  return t.length > 80 ? t.slice(0, 77) + '...' : t;
}
