// Which invocations verification plans, from a synthetic scan result over real files on disk.

import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AuditJson, ModuleRecord } from '../../src/contract.js';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { entryInvocations, isTestModule, UNITTEST_MAIN } from '../../src/pipeline/entrypoints.js';
import { normalizeOutput } from '../../src/verify/differential.js';

const TEST_SOURCE = 'import unittest\n\nclass T(unittest.TestCase):\n    def test_x(self):\n        pass\n';

function repo(files: Record<string, string>, modules: Partial<ModuleRecord>[]): AuditJson {
  const root = mkdtempSync(path.join(tmpdir(), 'ga-entry-'));
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
    writeFileSync(path.join(root, f), text);
  }
  return {
    root, modules: modules.map((m) => ({ lines: 1, verdict: 'ready', imports: [], blockedBy: [], ...m }) as ModuleRecord),
  } as unknown as AuditJson;
}

const imp = (module: string) => ({ module, kind: 'stdlib' as const, line: 1, conditional: false, lazy: false });

describe('entryInvocations', () => {
  const audit = repo({
    'app.py': 'if __name__ == "__main__":\n    print 1\n',
    'tests/__init__.py': '',
    'tests/test_a.py': TEST_SOURCE,
    'tests/test_b.py': TEST_SOURCE + 'exec "x = 1"\n',
    'tests/helpers.py': 'import unittest\n',
  }, [
    { name: 'app', path: 'app.py', entryPoint: true },
    { name: 'tests', path: 'tests/__init__.py', isPackage: true },
    { name: 'tests.test_a', path: 'tests/test_a.py', imports: [imp('unittest')] },
    { name: 'tests.test_b', path: 'tests/test_b.py', imports: [imp('unittest')], verdict: 'blocked' },
    { name: 'tests.helpers', path: 'tests/helpers.py', imports: [imp('unittest')] },
  ]);
  const migrated = new Set(['app', 'tests', 'tests.test_a', 'tests.helpers', UNITTEST_MAIN]);

  it('plans scripts, each migrated test module under -m unittest, and discovery', () => {
    const plan = entryInvocations(audit, { ...DEFAULT_CONFIG, entryPoints: [{ module: 'app', args: ['-v'] }] }, migrated, '/lib');
    expect(plan.map((i) => [i.module, i.args, i.covers ?? null, i.skip ?? null])).toEqual([
      ['app', ['-v'], null, null],
      ['app', [], null, null],
      ['unittest', ['tests.test_a'], ['tests.test_a'], null],
      // discovery would import the blocked test module too, so the Go build cannot run it
      ['unittest', ['discover'], ['tests.test_a', 'tests.test_b'], 'unittest discover: tests.test_b not migrated'],
    ]);
    expect(plan[2]!.moduleFile).toBe(path.join('/lib', 'unittest', '__main__.py'));
    expect(plan[2]!.cwd).toBe(audit.root);
  });

  it('keeps to the configured commands when discovery is off, and does not repeat them', () => {
    const config = { ...DEFAULT_CONFIG, discoverEntryPoints: false, entryPoints: [{ module: 'app' }] };
    expect(entryInvocations(audit, config, migrated).map((i) => i.module)).toEqual(['app']);
    const both = entryInvocations(audit, { ...DEFAULT_CONFIG, entryPoints: [{ module: 'app' }] }, migrated);
    expect(both.filter((i) => i.module === 'app')).toHaveLength(1);
  });

  it('skips unittest runs when unittest.__main__ is not in the build', () => {
    const plan = entryInvocations(audit, DEFAULT_CONFIG, new Set(['app', 'tests', 'tests.test_a']));
    expect(plan.find((i) => i.args[0] === 'tests.test_a')!.skip).toBe('unittest tests.test_a: unittest.__main__ is not in the Go build');
  });

  it('recognises test modules by a TestCase subclass and an import of unittest', () => {
    const m = audit.modules[2]!;
    expect(isTestModule(m, TEST_SOURCE)).toBe(true);
    expect(isTestModule(m, 'import unittest\n')).toBe(false);
    expect(isTestModule({ ...m, imports: [] }, TEST_SOURCE)).toBe(false);
  });
});

describe('normalizeOutput', () => {
  it("masks unittest's run time and nothing else", () => {
    const out = normalizeOutput('..\n----\nRan 2 tests in 0.013s\n\nOK\nRan 1 test in 12.500s\nRan 2 tests in 0.013s (x)\n');
    expect(out.text).toBe('..\n----\nRan 2 tests in N.NNNs\n\nOK\nRan 1 test in N.NNNs\nRan 2 tests in 0.013s (x)\n');
    expect(out.masked).toEqual(['unittest run time']);
    expect(normalizeOutput('plain\n')).toEqual({ text: 'plain\n', masked: [] });
  });
});
