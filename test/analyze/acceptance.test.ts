// The acceptance fixture: a realistic repository exercising every rule, every import form, a cycle,
// optional C imports, ext_modules, .pyx, __go__ imports and every verdict. Its expected JSON is a
// reviewed golden file; regenerate with GRUMPY_UPDATE_GOLDEN=1 and review the diff.

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeRepository } from '../../src/analyze/index.js';
import { loadRulePack } from '../../src/analyze/rules/load.js';
import type { AuditJson } from '../../src/contract.js';

const REPO = path.resolve(import.meta.dirname, '../../fixtures/analyze/shopfront');
const GOLDEN = path.resolve(import.meta.dirname, '../../fixtures/analyze/shopfront.expected.json');

/** The parts of the audit the golden pins: verdicts, edges, findings by file/line/category, graph. */
function essentials(a: AuditJson) {
  return {
    modules: a.modules.map((m) => ({
      name: m.name, path: m.path, verdict: m.verdict, blockedBy: m.blockedBy, blockChain: m.blockChain ?? null, entryPoint: m.entryPoint ?? false,
      imports: m.imports,
    })),
    findings: a.findings.map((f) => ({
      file: f.file, line: f.line, column: f.column, ruleId: f.ruleId, category: f.category, severity: f.severity, module: f.module ?? null,
    })),
    cycles: a.cycles,
    cycleCuts: a.cycleCuts,
    waves: a.waves,
    blockerImpact: a.blockerImpact,
    summary: a.summary,
  };
}

let audit: AuditJson;
beforeAll(async () => {
  audit = (await analyzeRepository(REPO, { cacheDir: false })).audit;
  if (process.env.GRUMPY_UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, JSON.stringify(essentials(audit), null, 1) + '\n');
});

describe('acceptance fixture: shopfront', () => {
  it('matches the reviewed golden (verdicts, edges, findings, cycles, waves, impact)', () => {
    expect(essentials(audit)).toEqual(JSON.parse(readFileSync(GOLDEN, 'utf8')));
  });
  it('exercises every rule of the pack', () => {
    const hit = new Set(audit.findings.map((f) => f.ruleId));
    expect(loadRulePack().rules.map((r) => r.id).filter((id) => !hit.has(id))).toEqual([]);
  });
  it('has every verdict and every import kind', () => {
    expect(new Set(audit.modules.map((m) => m.verdict))).toEqual(new Set(['ready', 'blocked', 'blocked-by-dependency', 'error']));
    expect(new Set(audit.modules.flatMap((m) => m.imports.map((e) => e.kind)))).toEqual(new Set(['internal', 'stdlib', 'third-party', 'go', 'missing']));
  });
  it('flags lazy, conditional, optional, dynamic and native edges', () => {
    const edges = audit.modules.flatMap((m) => m.imports.map((e) => ({ from: m.name, ...e })));
    expect(edges.find((e) => e.from === 'shopfront.customers' && e.module === 'shopfront.orders')).toMatchObject({ lazy: true, conditional: false });
    expect(edges.find((e) => e.from === 'shopfront.legacy' && e.module === 'shopfront.orders')).toMatchObject({ lazy: false, conditional: true });
    expect(edges.find((e) => e.from === 'shopfront.cache' && e.module === 'bz2')).toMatchObject({ optional: true, conditional: true });
    expect(edges.find((e) => e.from === 'shopfront.legacy' && e.line === 11)).toMatchObject({ module: 'shopfront.version', dynamic: true });
    expect(edges.find((e) => e.from === 'shopfront.speed')).toMatchObject({ module: 'shopfront._cart', native: true });
  });
  it('resolves the Python 2 import forms', () => {
    const of = (name: string) => audit.modules.find((m) => m.name === name)!.imports.map((e) => `${e.line}:${e.module}:${e.kind}`);
    // implicit relative `import util`, `from . import version`, `import a.b.c as q` (every package on the way)
    expect(of('shopfront.models')).toEqual([
      '1:shopfront.util:internal', '2:shopfront.version:internal', '3:shopfront.db:internal', '3:shopfront.db.query:internal',
    ]);
    // `from ..util import x` climbs one package
    expect(of('shopfront.db.query')).toEqual(['1:shopfront.util:internal']);
    // a script folder without __init__.py is its scripts' sys.path entry: `import helper` is the neighbouring file
    expect(of('run')).toEqual(['1:helper:internal']);
  });
  it('finds the orders/customers cycle and suggests cutting the lazy edge', () => {
    expect(audit.cycles).toEqual([['shopfront.customers', 'shopfront.orders']]);
    expect(audit.cycleCuts).toEqual([[['shopfront.customers', 'shopfront.orders']]]);
    const wave = audit.waves.find((w) => w.includes('shopfront.orders'))!;
    expect(wave).toContain('shopfront.customers');
  });
  it('explains blocked-by-dependency verdicts with the shortest chain', () => {
    const pricing = audit.modules.find((m) => m.name === 'shopfront.pricing')!;
    expect(pricing).toMatchObject({ verdict: 'blocked-by-dependency', blockedBy: ['shopfront.speed'], blockChain: ['shopfront.pricing', 'shopfront.speed'] });
  });
  it('keeps findings on non-module files without a module', () => {
    const setup = audit.findings.filter((f) => f.file === 'setup.py' || f.file.endsWith('.c') || f.file.endsWith('.pyx'));
    expect(setup.map((f) => `${f.file}:${f.line}:${f.ruleId}:${f.module ?? '-'}`)).toEqual([
      'ext/fastpath.pyx:1:c-extension-source:-', 'native/cart.c:1:c-extension-source:-', 'setup.py:3:c-extension-setup:-', 'setup.py:10:c-extension-setup:-',
    ]);
  });
});
