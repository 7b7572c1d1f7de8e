// Scope analysis against CPython 2.7's symtable rules (the answers python2.7's `symtable`
// module gives for the same snippets).
import { describe, expect, it } from 'vitest';
import type { Scope } from '../../src/transpile/scope.js';
import { access, analyzeScopes } from '../../src/transpile/scope.js';
import { parseSource } from '../../src/transpile/parse.js';

async function scopes(src: string) {
  const parsed = await parseSource('t.py', src);
  if (!parsed.ast) throw new Error(JSON.stringify(parsed.diagnostics));
  return analyzeScopes(parsed.ast);
}

function find(s: Scope, name: string): Scope {
  if (s.name === name) return s;
  for (const c of s.children) {
    try { return find(c, name); } catch { /* keep looking */ }
  }
  throw new Error(`no scope ${name}`);
}

describe('scope analysis', () => {
  it('locals, globals, cells and frees', async () => {
    const t = await scopes('g = 1\ndef outer(a):\n    x = 1\n    def inner():\n        return x + g\n    return inner\n');
    const outer = find(t.module, 'outer');
    const inner = find(t.module, 'inner');
    expect([...outer.cells]).toEqual(['x']);
    expect([...inner.frees]).toEqual(['x']);
    expect(access(outer, 'a')).toBe('fast');
    expect(access(outer, 'x')).toBe('cell');
    expect(access(inner, 'x')).toBe('free');
    expect(access(inner, 'g')).toBe('global');
    expect(access(t.module, 'g')).toBe('name');
  });

  it('assignment anywhere makes a local (UnboundLocalError, not NameError)', async () => {
    const t = await scopes('x = 1\ndef f():\n    print x\n    x = 2\n');
    expect(access(find(t.module, 'f'), 'x')).toBe('fast');
  });

  it('global statements and augmented assignment', async () => {
    const t = await scopes('n = 0\ndef f():\n    global n\n    n += 1\ndef g():\n    m += 1\n');
    expect(access(find(t.module, 'f'), 'n')).toBe('global');
    expect(access(find(t.module, 'g'), 'm')).toBe('fast');
  });

  it('class scope is not visible to methods, but passes closures through', async () => {
    const t = await scopes('def fn():\n    v = 1\n    class C(object):\n        v = 2\n        def m(self):\n            return v\n    return C\n');
    const m = find(t.module, 'm');
    const c = find(t.module, 'C');
    expect(access(m, 'v')).toBe('free');
    expect(access(c, 'v')).toBe('name');
    expect(c.frees.has('v')).toBe(true);
    expect(find(t.module, 'fn').cells.has('v')).toBe(true);
  });

  it('list comprehensions leak; generator expressions and set/dict comprehensions do not', async () => {
    const t = await scopes('def f(xs):\n    a = [i for i in xs]\n    b = list(j for j in xs)\n    c = {k for k in xs}\n    d = {p: p for p in xs}\n');
    const f = find(t.module, 'f');
    expect(f.bound.has('i')).toBe(true);
    expect(f.bound.has('j')).toBe(false);
    expect(f.bound.has('k')).toBe(false);
    expect(f.bound.has('p')).toBe(false);
    expect(find(t.module, '<genexpr>').isGenerator).toBe(true);
  });

  it('the outermost iterable of a genexp is evaluated in the enclosing scope', async () => {
    const t = await scopes('def f():\n    xs = [1]\n    return (x for x in xs)\n');
    expect(find(t.module, 'f').cells.size).toBe(0);
    expect(access(find(t.module, '<genexpr>'), 'x')).toBe('fast');
  });

  it('yield makes a generator, also inside a list comprehension (Python 2)', async () => {
    const t = await scopes('def f():\n    z = [(yield i) for i in range(2)]\ndef g():\n    return 1\n');
    expect(find(t.module, 'f').isGenerator).toBe(true);
    expect(find(t.module, 'g').isGenerator).toBe(false);
  });

  it('tuple parameters, *args and **kwargs are parameters', async () => {
    const t = await scopes('def f((a, b), c=1, *rest, **kw):\n    pass\n');
    expect(find(t.module, 'f').params).toEqual(['a', 'b', 'c', 'rest', 'kw']);
  });
});
