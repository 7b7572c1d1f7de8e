// The graph and readiness stages on hand-built graphs with known answers.

import { describe, expect, it } from 'vitest';
import { buildGraph, type GraphEdge } from '../../src/analyze/graph.js';
import { assessReadiness, type ModuleStatus } from '../../src/analyze/readiness.js';
import type { Finding } from '../../src/contract.js';

const e = (from: string, to: string, lazy = false): GraphEdge => ({ from, to, lazy, conditional: false, optional: false });
const blocker = (file: string, line: number): Finding => ({
  ruleId: 'dynamic-eval', category: 'dynamic', severity: 'blocker', file, line, column: 0, message: 'eval',
});

describe('graph', () => {
  // app → svc → (a ⇄ b) → leaf; b → a is lazy; c ⇄ d ⇄ e is a three-module cycle.
  const g = buildGraph(['app', 'svc', 'a', 'b', 'leaf', 'c', 'd', 'x'], [
    e('app', 'svc'), e('svc', 'a'), e('a', 'b'), e('b', 'a', true), e('b', 'leaf'),
    e('c', 'd'), e('d', 'x'), e('x', 'c'), e('app', 'app'),
  ]);
  it('finds the strongly connected components', () => {
    expect(g.cycles).toEqual([['a', 'b'], ['c', 'd', 'x']]);
  });
  it('suggests cutting the lazy edge of a cycle', () => {
    expect(g.cycleCuts[0]).toEqual([['b', 'a']]);
    expect(g.cycleCuts[1]).toHaveLength(1);
  });
  it('orders waves leaves first, a cycle as one unit', () => {
    expect(g.waves).toEqual([['c', 'd', 'leaf', 'x'], ['a', 'b'], ['svc'], ['app']]);
  });
  it('lists reverse dependencies, ignoring self-imports', () => {
    expect(g.importedBy.get('a')).toEqual(['b', 'svc']);
    expect(g.importedBy.get('app')).toEqual([]);
  });
  it('survives a 5,000-module chain without recursion', () => {
    const names = Array.from({ length: 5000 }, (_, i) => `m${i}`);
    const chain = buildGraph(names, names.slice(1).map((n, i) => e(names[i]!, n)));
    expect(chain.waves).toHaveLength(5000);
  });
});

describe('readiness', () => {
  // top → mid → {bad, ok}; other → bad; bad2 alone; lone imports nothing.
  const g = buildGraph(['top', 'mid', 'bad', 'ok', 'other', 'bad2', 'lone', 'both'], [
    e('top', 'mid'), e('mid', 'bad'), e('mid', 'ok'), e('other', 'bad'), e('both', 'bad'), e('both', 'bad2'),
  ]);
  const status = (name: string, lines: number, blockers: Finding[] = [], error = false): ModuleStatus => ({ name, lines, blockers, error });
  const r = assessReadiness(g, [
    status('top', 10), status('mid', 20), status('bad', 30, [blocker('bad.py', 3)]), status('ok', 5),
    status('other', 7), status('bad2', 1, [blocker('bad2.py', 1), blocker('bad2.py', 2)]), status('lone', 2), status('both', 4),
  ]);
  it('propagates verdicts transitively and names the root causes', () => {
    expect(Object.fromEntries(r.verdicts)).toEqual({
      top: 'blocked-by-dependency', mid: 'blocked-by-dependency', bad: 'blocked', ok: 'ready',
      other: 'blocked-by-dependency', bad2: 'blocked', lone: 'ready', both: 'blocked-by-dependency',
    });
    expect(r.blockedBy.get('top')).toEqual(['bad']);
    expect(r.blockedBy.get('both')).toEqual(['bad', 'bad2']);
  });
  it('gives the shortest chain to a module blocked on its own', () => {
    expect(r.chains.get('top')).toEqual(['top', 'mid', 'bad']);
  });
  it('computes blocker impact: modules and lines freed by fixing one blocker alone, sorted', () => {
    expect(r.impact).toEqual([
      { target: 'dynamic-eval@bad.py:3', kind: 'finding', modulesFreed: 4, linesFreed: 67 },
      { target: 'bad', kind: 'module', modulesFreed: 4, linesFreed: 67 },
      { target: 'bad2', kind: 'module', modulesFreed: 1, linesFreed: 1 },
    ]);
  });
});
