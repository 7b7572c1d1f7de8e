// ast.dump() of CPython 2.7, byte for byte: `Class(field=value, …)`, lists in brackets, values
// by Python 2 repr, and with include_attributes the quirky `Pass( lineno=1, col_offset=0)`
// spacing that 2.7's `fields and ', ' or ' '` produces for nodes without fields.

import { FIELDS, hasLocation, type AstNode, type PyNumValue, type PyStrValue } from './nodes.js';
import { reprNum, reprStr } from './repr.js';

export interface DumpOptions {
  includeAttributes?: boolean;
}

export function dump(node: AstNode, opts: DumpOptions = {}): string {
  const parts: string[] = [];
  // An explicit stack instead of recursion: deeply nested trees (long elif chains) stay safe.
  type Item = { node: unknown; field?: string } | string;
  const stack: Item[] = [{ node }];
  const attrs = Boolean(opts.includeAttributes);
  while (stack.length) {
    const item = stack.pop()!;
    if (typeof item === 'string') { parts.push(item); continue; }
    const v = item.node;
    if (Array.isArray(v)) {
      parts.push('[');
      const todo: Item[] = [];
      v.forEach((x, k) => { if (k) todo.push(', '); todo.push({ node: x }); });
      todo.push(']');
      for (let k = todo.length - 1; k >= 0; k--) stack.push(todo[k]!);
      continue;
    }
    if (v === null || v === undefined) { parts.push('None'); continue; }
    if (typeof v === 'boolean') { parts.push(v ? 'True' : 'False'); continue; }
    if (typeof v === 'number') { parts.push(String(v)); continue; }
    if (typeof v === 'string') { parts.push(reprStr(v)); continue; }
    const o = v as { _type?: string; kind?: string };
    if (o._type === undefined) {
      // A literal value object (unicode or number).
      parts.push(o.kind === 'unicode' ? reprStr(v as PyStrValue) : reprNum(v as PyNumValue));
      continue;
    }
    const type = o._type;
    const fields = FIELDS[type];
    if (!fields) throw new Error(`dump: unknown node type ${type}`);
    const rec = v as Record<string, unknown>;
    const todo: Item[] = [type + '('];
    fields.forEach((f, k) => {
      todo.push((k ? ', ' : '') + f + '=');
      todo.push({ node: rec[f], field: f });
    });
    if (attrs && hasLocation(type)) {
      todo.push(fields.length ? ', ' : ' ');
      todo.push(`lineno=${rec.lineno}, col_offset=${rec.col_offset}`);
    }
    todo.push(')');
    for (let k = todo.length - 1; k >= 0; k--) stack.push(todo[k]!);
  }
  return parts.join('');
}
