// The view models, checked directly: derived facts the pages print.

import { describe, expect, it } from 'vitest';
import type { AuditJson } from '../../src/contract.js';
import { buildReportModel } from '../../src/report/build.js';
import { rich } from '../../src/report/labels.js';
import { PageNamer } from '../../src/report/links.js';
import { repoSources } from '../../src/report/sources.js';
import { fixedHistory, loadFixture } from './render-helpers.js';

const { audit, repo } = loadFixture('sample');
const model = (a: AuditJson, sources = repoSources(repo)) => buildReportModel({ audit: a, sources, history: fixedHistory(a) }, '0.1.0');

describe('report model', () => {
  it('gives every external dependency a support status from the findings on its import line', () => {
    const index = model(audit).index;
    const status = (rows: { name: string; status: string }[], name: string) => rows.find((r) => r.name === name)?.status;
    expect(status(index.thirdParty, 'numpy')).toBe('C extension');
    expect(status(index.thirdParty, 'flask')).toBe('no blocker found');
    expect(status(index.stdlib, 'cPickle')).toBe('optional C extension');
    expect(status(index.stdlib, 're')).toBe('supported');
    expect(status(index.missing, 'internal_tools')).toBe('missing');
    expect(index.nativeImports.map((d) => d.name).sort()).toEqual(['cPickle', 'numpy']);
    expect(index.nativeInRepo.map((n) => n.file)).toEqual(['setup.py', 'shop/_speedups.c']);
  });

  it('derives blocker impact when the audit has none: modules whose only root blocker is the target', () => {
    const index = model(audit).index;
    expect(index.blockersDerived).toBe(true);
    // shop.pricing has its own findings and imports blocked shop.fastmath: fixing it alone frees nothing.
    expect(index.topBlockers.map((b) => b.target)).not.toContain('shop.pricing');
    expect(index.topBlockers.find((b) => b.target === 'tools.migrate')).toMatchObject({ modulesFreed: 1, linesFreed: 11 });
  });

  it('shows the migration pipeline only when modules carry migration data', () => {
    expect(model(audit).index.migration).toBeNull();
    const migrated: AuditJson = {
      ...audit,
      modules: audit.modules.map((m) => (m.verdict === 'ready'
        ? { ...m, migration: { transpiled: true, builds: m.name !== 'shop.a', verified: m.name === 'shop.util' ? 'equivalent' : 'not-run', sourceHash: 'x', drift: false } }
        : m)),
    };
    const m = model(migrated);
    const rows = m.index.migration!;
    expect(rows.map((r) => [r.key, r.modules])).toEqual([['transpiled', 8], ['builds', 7], ['verified', 1]]);
    expect(m.modules.hasMigration).toBe(true);
    const step = (name: string) => m.modules.rows.find((r) => r.name === name)!.migration;
    expect([step('shop.util'), step('shop.a'), step('shop.b'), step('shop.cart')]).toEqual(['verified', 'transpiled', 'builds', '']);
  });

  it('summarises the Go build and the verification runs when the pipeline ran', () => {
    expect(model(audit).index.pipeline).toBeNull();
    const ran: AuditJson = {
      ...audit,
      pipeline: {
        goModule: 'go', goVet: { ok: true },
        verification: { enabled: true, python: 'python2.7', runs: [
          { module: 'shop.util', args: [], status: 'equivalent', pythonMs: 40, goMs: 10 },
          { module: 'shop.a', args: ['-v'], status: 'different', diff: { stdout: '-a\n+b' }, pythonMs: 10, goMs: 20 },
        ] },
      },
    };
    const m = model(ran);
    expect(m.index.pipeline).toMatchObject({ equivalent: 1, different: 1, errors: 0, vetOk: true });
    expect(m.index.pipeline!.runs.map((r) => [r.href, r.speed, r.hasDiff])).toEqual([
      ['modules/shop.util.html', '4.0× faster', false], ['modules/shop.a.html', '2.0× slower', true],
    ]);
    expect(m.modulePages.find((p) => p.file === 'modules/shop.a.html')!.view().runs.map((r) => r.args)).toEqual(['-v']);
    expect(m.index.pipeline!.runs[1]!.diffStdout).toEqual([{ text: '-a', cls: 'del' }, { text: '+b', cls: 'add' }]);
  });

  it('keeps findings it cannot place on a source line at the top of the module page', () => {
    const shifted: AuditJson = { ...audit, findings: audit.findings.map((f) => (f.ruleId === 'dynamic-exec' ? { ...f, line: 999 } : f)) };
    const page = model(shifted).modulePages.find((p) => p.file === 'modules/shop.pricing.html')!.view();
    expect(page.fileFindings.map((f) => f.ruleId)).toEqual(['dynamic-exec']);
    const unreadable = model(audit, () => undefined).modulePages[0]!.view();
    expect(unreadable.sourceAvailable).toBe(false);
  });

  it('reads no source outside the repository', () => {
    const sources = repoSources(repo);
    expect(sources('shop/cart.py')).toContain('class Cart');
    expect(sources('../audit.json')).toBeUndefined();
    expect(sources('/etc/passwd')).toBeUndefined();
  });

  it('leaves its input untouched', () => {
    const deepFreeze = <T>(o: T): T => {
      if (o && typeof o === 'object') { for (const v of Object.values(o)) deepFreeze(v); Object.freeze(o); }
      return o;
    };
    const frozen = deepFreeze(structuredClone(audit));
    const m = model(frozen);
    for (const p of m.modulePages) p.view();
    expect(frozen).toEqual(audit);
  });

  it('marks `code` in messages as code parts and nothing else', () => {
    expect(rich('`exec` runs <b>code</b> & `x` `')).toEqual([
      { text: 'exec', code: true }, { text: ' runs <b>code</b> & ', code: false }, { text: 'x', code: true }, { text: ' `', code: false },
    ]);
    expect(rich('')).toEqual([]);
  });

  it('names pages safely and uniquely', () => {
    const namer = new PageNamer('modules');
    const names = ['a.b', 'A.b', '<x>', '_x_', '..', 'ok'].map((n) => namer.name(n));
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    for (const n of names) expect(n).toMatch(/^modules\/[A-Za-z0-9_][A-Za-z0-9_.-]*\.html$/);
    expect(namer.name('ok')).toBe('modules/ok.html');
  });
});
