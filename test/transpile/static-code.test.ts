// Literal exec/eval compiled statically: which shapes are inlined and which stay blocked.

import { describe, expect, it } from 'vitest';
import { parseModule } from '../../src/ast/index.js';
import { dump } from '../../src/ast/dump.js';
import type * as A from '../../src/ast/nodes.js';
import { futuresOf } from '../../src/transpile/module.js';
import { inlineLiteralEval, inlineLiteralExec } from '../../src/transpile/static-code.js';

function rewrite(src: string): { before: A.Module; after: A.Module } {
  const before = parseModule(src).ast!;
  const futures = futuresOf(before);
  return { before, after: inlineLiteralEval(inlineLiteralExec(before, futures), futures, true) };
}

const same = (src: string) => {
  const { before, after } = rewrite(src);
  expect(dump(after, { includeAttributes: true }), src).toBe(dump(before, { includeAttributes: true }));
};

describe('static literal exec/eval', () => {
  it('inlines module-level exec statements, at the exec line, without touching the input', () => {
    const src = 'if 1:\n    exec "x = 1\\ny = 2"\n';
    const { before, after } = rewrite(src);
    expect(dump(after)).toBe(dump(parseModule('if 1:\n    x = 1\n    y = 2\n').ast!));
    const inner = (after.body[0] as A.If).body;
    expect(inner.map((s) => s.lineno)).toEqual([2, 2]);
    expect(before.body[0]!._type).toBe('If');
    expect((before.body[0] as A.If).body[0]!._type).toBe('Exec');
  });

  it('replaces constant evals by their expression, in functions too', () => {
    const { after } = rewrite('def f():\n    return eval("[1, (2, None)]")\n');
    expect(dump(after)).toBe(dump(parseModule('def f():\n    return [1, (2, None)]\n').ast!));
  });

  it('leaves everything else to the blocked-feature errors', () => {
    same('def f():\n    exec "x = 1"\n'); // function scope: exec would change how locals work
    same('exec "x = 1" in {}\n'); // explicit namespaces
    same('exec code\n'); // not a literal
    same('exec "return 1"\n'); // not valid module-level code
    same('exec "from __future__ import division"\n');
    same('exec "from ._native import *"\n'); // CPython's bsddb/db.py: would fail at compile time instead of run time
    same('exec "from os import *"\n');
    same('exec "x = \\xe9"\n'); // non-ASCII source bytes
    same('print eval("n + 1")\n'); // names: the scope eval sees differs from an inlined expression's
    same('print eval("lambda: 1")\n'); // opens a scope
    same('print eval("1", {})\n');
    same('exec "x = 1 +"\n'); // does not parse: CPython raises at run time
    same('from __future__ import print_function\nexec "print(1)"\n');
  });

  it('leaves a shadowed eval alone', () => {
    const before = parseModule('print eval("1")\n').ast!;
    expect(inlineLiteralEval(before, futuresOf(before), false)).toBe(before);
  });
});
