// Locates the first syntax error in a tree-sitter tree (ERROR or MISSING node), without recursion:
// deeply nested files must not overflow the stack.

import type Parser from 'tree-sitter';
import type { SyntaxErrorFact } from '../facts.js';

export function firstSyntaxError(root: Parser.SyntaxNode, text: string): SyntaxErrorFact | undefined {
  let node: Parser.SyntaxNode = root;
  for (;;) {
    let next: Parser.SyntaxNode | undefined;
    for (const child of node.children) {
      if (child.type === 'ERROR' || child.isMissing) return describe(child, text);
      if (child.hasError) {
        next = child;
        break;
      }
    }
    // hasError on a node with no erroneous child means the node itself is the error.
    if (!next) return node === root ? undefined : describe(node, text);
    node = next;
  }
}

function describe(node: Parser.SyntaxNode, text: string): SyntaxErrorFact {
  const at = { line: node.startPosition.row + 1, column: node.startPosition.column };
  if (node.isMissing) return { ...at, message: `invalid syntax: expected ${JSON.stringify(node.type)}` };
  const first = text.slice(node.startIndex, Math.min(node.endIndex, node.startIndex + 200)).split('\n', 1)[0]!.trim().slice(0, 40);
  return { ...at, message: first ? `invalid syntax near ${JSON.stringify(first)}` : 'invalid syntax' };
}
