// Finds the node under a piece of text with a tree cursor, keeping the path from the root as plain
// data (type, range, field). node-tree-sitter makes every SyntaxNode a JS object with a weak
// reference and a finalizer, so asking each keyword's leaf for its parents cost the scan more than
// the extraction itself; a cursor makes no objects, and one cursor sweeps a file's hits in order.
// Extractors ask for a SyntaxNode only where they need its children (see nodeAt).

import type Parser from 'tree-sitter';

export interface PathNode {
  type: string;
  start: number;
  end: number;
  /** The field this node fills in its parent ("body", "name", …), if any. */
  field: string | undefined;
}

/** Type and field names by id, shared by every tree of the one tree-sitter-python language. */
const typeNames: string[] = [];
const fieldNames: string[] = [];

export class Locator {
  private readonly cursor: Parser.TreeCursor;
  /** path[0] is the root; the last entry is the cursor's node. */
  readonly path: PathNode[] = [];

  constructor(root: Parser.SyntaxNode) {
    this.cursor = root.walk();
    this.path.push(this.current());
  }

  /** Back to the root, for a new sweep from the start of the file. */
  reset(): void {
    // Not cursor.reset(node): the binding does not marshal that node and reads a stale one.
    while (this.path.length > 1) {
      this.cursor.gotoParent();
      this.path.pop();
    }
  }

  /**
   * Moves to the smallest node spanning [start, end), as SyntaxNode.descendantForIndex does.
   * Cheapest when successive calls move forward through the file.
   */
  locate(start: number, end: number): PathNode {
    const p = this.path;
    const c = this.cursor;
    while (p.length > 1) {
      const top = p[p.length - 1]!;
      if (top.start <= start && end <= top.end) break;
      c.gotoParent();
      p.pop();
    }
    // The binding returns the child's index, or null (its typings say boolean; 0 is a real answer).
    while ((c.gotoFirstChildForIndex(start) as unknown as number | null) !== null) {
      const e = this.current();
      if (e.start > start || e.end < end) {
        c.gotoParent();
        break;
      }
      p.push(e);
    }
    return p[p.length - 1]!;
  }

  /** The SyntaxNode at `depth` of the path; moves the cursor up to it (deeper entries are dropped). */
  nodeAt(depth: number): Parser.SyntaxNode {
    while (this.path.length - 1 > depth) {
      this.cursor.gotoParent();
      this.path.pop();
    }
    return this.cursor.currentNode;
  }

  private current(): PathNode {
    const c = this.cursor;
    const fieldId = c.currentFieldId as number | undefined; // undefined outside a field, whatever the typings say
    return {
      type: (typeNames[c.nodeTypeId] ??= c.nodeType),
      start: c.startIndex,
      end: c.endIndex,
      field: fieldId === undefined ? undefined : (fieldNames[fieldId] ??= c.currentFieldName),
    };
  }
}

/** 1-based line and 0-based column of text indices, counted forward from the previous answer. */
export class LineCounter {
  private index = 0;
  private line = 1;
  private lineStart = 0;

  constructor(private readonly text: string) {}

  at(index: number): { line: number; column: number } {
    if (index < this.index) {
      this.index = 0;
      this.line = 1;
      this.lineStart = 0;
    }
    for (let i = this.text.indexOf('\n', this.index); i >= 0 && i < index; i = this.text.indexOf('\n', i + 1)) {
      this.line++;
      this.lineStart = i + 1;
    }
    this.index = index;
    return { line: this.line, column: index - this.lineStart };
  }
}
