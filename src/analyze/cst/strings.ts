// Small CST helpers shared by the extractors.

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
export function simpleStringValue(node: Parser.SyntaxNode): string | undefined {
  if (node.type !== 'string') return undefined;
  const m = /^[uUbB]?[rR]?(['"])((?:(?!\1)[\w.])*)\1$/.exec(node.text);
  return m ? m[2] : undefined;
}

/** One-line, bounded capture text for message templates. */
export function captureText(node: Parser.SyntaxNode): string {
  const t = node.text.replace(/\s+/g, ' ');
  return t.length > 80 ? t.slice(0, 77) + '...' : t;
}
