// The parse stage: parseOne's diagnostics and results, tree-sitter's Python 2 repairs (each
// shown to be needed), a 10 MB source, and the worker pool against the in-process path.

import { describe, expect, it } from 'vitest';
import { parseOne, parseFiles, workerMode, type ParseRequest } from '../../src/parse/pool.js';
import { createCstParser, parseCst, type SyntaxNode } from '../../src/parse/treesitter.js';
import type { PipelineEvent } from '../../src/events.js';
import { parseModule } from '../../src/ast/index.js';
import type { Assign } from '../../src/ast/nodes.js';

const req = (text: string, path = 'm.py'): ParseRequest => ({ path, text, want: { ast: true } });

function errorNodes(root: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  const c = root.walk();
  for (;;) {
    if (c.nodeType === 'ERROR' || c.nodeIsMissing) out.push(c.currentNode);
    if (c.gotoFirstChild()) continue;
    while (!c.gotoNextSibling()) if (!c.gotoParent()) return out;
  }
}

describe('parseOne', () => {
  it('returns the typed AST and the line count', () => {
    const r = parseOne(req('x = 1\nprint x\n'));
    expect(r.diagnostics).toEqual([]);
    expect(r.lines).toBe(2);
    expect(r.ast!.body.map((s) => s._type)).toEqual(['Assign', 'Print']);
  });

  it('reports a syntax error with file, line, column and CPython\'s message', () => {
    const r = parseOne(req('x = 1\ny = = 2\n', 'pkg/bad.py'));
    expect(r.ast).toBeUndefined();
    expect(r.diagnostics).toEqual([{ id: 'syntax-error', severity: 'error', file: 'pkg/bad.py', line: 2, column: 4, message: 'invalid syntax' }]);
  });

  it('names the IndentationError cases as CPython does', () => {
    expect(parseOne(req('if x:\n        a\n    b\n')).diagnostics[0]!.message)
      .toBe('IndentationError: unindent does not match any outer indentation level');
    expect(parseOne(req('x\n  y\n')).diagnostics[0]!.message).toBe('IndentationError: unexpected indent');
    expect(parseOne(req('s = "abc\n')).diagnostics[0]!.message).toBe('EOL while scanning string literal');
  });

  it('gives facts from the tree-sitter tree when asked', () => {
    const r = parseOne({ path: 'm.py', text: 'import os\n', want: { facts: true } });
    expect(r.ast).toBeUndefined();
    expect(Array.isArray(r.facts!.imports)).toBe(true);
  });
});

describe('tree-sitter Python 2 repairs', () => {
  const parser = createCstParser();
  it('backticks: plain tree-sitter reads them as strings, the repaired parse as expressions', () => {
    const text = 'x = `a` + `b, c`\ny = `x`\n';
    expect(parser.parse(text).rootNode.descendantsOfType('string').length).toBe(3);
    const { tree } = parseCst(parser, text);
    expect(tree.rootNode.hasError).toBe(false);
    expect(tree.rootNode.descendantsOfType('string').length).toBe(0);
    const parens = tree.rootNode.descendantsOfType(['parenthesized_expression', 'tuple']);
    expect(parens.map((n) => text.slice(n.startIndex, n.endIndex))).toEqual(['`a`', '`b, c`', '`x`']);
  });

  const cases: Array<[string, string]> = [
    ['exec with an expression', 'exec f.read() in g, l\nexec compile(s,\n  "f", "exec") in d\nexec t % (1,)\n'],
    ['True/False/None as attributes', 'v = xmlrpclib.False, m.True, o.None\n'],
    ['async/await as names', 'def f(self, async=1):\n    await = async\n    return await\n'],
    ['from __future__ import *', 'from __future__ import *\n'],
  ];
  for (const [name, text] of cases) {
    it(`${name}: plain tree-sitter fails, the repaired parse has no ERROR nodes`, () => {
      expect(parser.parse(text).rootNode.hasError).toBe(true);
      const { tree, repairs } = parseCst(parser, text);
      expect(repairs).toBeGreaterThan(0);
      expect(errorNodes(tree.rootNode)).toEqual([]);
      expect(tree.rootNode.hasError).toBe(false);
      expect(tree.rootNode.endIndex).toBe(text.length);
    });
  }

  it('keeps positions: nodes slice the original text', () => {
    const text = 'v = xmlrpclib.False\nexec f.read() in g\n';
    const { tree } = parseCst(parser, text);
    const attr = tree.rootNode.descendantsOfType('attribute')[0]!;
    expect(text.slice(attr.startIndex, attr.endIndex)).toBe('xmlrpclib.False');
    const ex = tree.rootNode.descendantsOfType('exec_statement')[0]!;
    expect(text.slice(ex.startIndex, ex.endIndex)).toBe('exec f.read() in g');
  });

  it('parses a 10 MB file, tree and AST', () => {
    const unit = 'def f%d(a, b=1):\n    """Doc é."""\n    return [x * 2 for x in range(a) if x %% b]\n\n';
    const parts: string[] = [];
    let size = 0;
    for (let k = 0; size < 10_000_000; k++) {
      const s = unit.replace('%d', String(k)).replace('%%', '%');
      parts.push(s);
      size += s.length;
    }
    const text = parts.join('');
    expect(text.length).toBeGreaterThanOrEqual(10_000_000);
    const r = parseModule(text, { keepTokens: true });
    expect(r.error).toBeUndefined();
    expect(r.ast!.body.length).toBe(parts.length);
    const { tree } = parseCst(parser, text, r.tokens);
    expect(tree.rootNode.hasError).toBe(false);
    expect(tree.rootNode.endIndex).toBe(text.length);
    expect(tree.rootNode.namedChildCount).toBe(parts.length);
  }, 120_000);
});

describe('parseFiles', () => {
  it('runs real worker threads here', () => {
    expect(workerMode()).toBe('thread');
  });

  it('matches parseOne, in request order, with progress events', async () => {
    const reqs: ParseRequest[] = [];
    for (let k = 0; k < 9; k++) {
      const text = k === 4 ? 'def (:\n' : `import os\nx${k} = [i ** ${k} for i in range(${k})]\n`;
      reqs.push({ path: `f${k}.py`, text, want: { ast: true, facts: true } });
    }
    const events: PipelineEvent[] = [];
    const got = await parseFiles(reqs, { threads: 2, events: (e) => events.push(e) });
    expect(got.map((r) => r.path)).toEqual(reqs.map((r) => r.path));
    expect(JSON.parse(JSON.stringify(got))).toEqual(JSON.parse(JSON.stringify(reqs.map(parseOne))));
    expect(got[4]!.diagnostics[0]!.message).toBe('invalid syntax');
    expect(events.filter((e) => e.level === 'progress').length).toBe(9);
  });

  it('returns ASTs too deep to cross threads as JSON (parsed on the main thread)', async () => {
    const deep = `x = ${Array.from({ length: 100_000 }, () => 'a').join(' + ')}\n`;
    const reqs: ParseRequest[] = Array.from({ length: 4 }, (_, k) => ({ path: `d${k}.py`, text: k === 2 ? deep : 'y = 1\n', want: { ast: true } }));
    const got = await parseFiles(reqs, { threads: 2 });
    let e = (got[2]!.ast!.body[0] as Assign).value;
    let depth = 0;
    while (e._type === 'BinOp') { e = e.left; depth++; }
    expect(depth).toBe(99_999);
  }, 60_000);
});
