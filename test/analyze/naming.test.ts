// Module names follow what CPython 2.7 can import: a dotted name needs every folder on the way to be
// a package with an identifier name. Folders that are not (script folders, `lib-tk`-style sys.path
// entries) are their files' sys.path entry; files no import can reach are named by their path.

import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeRepository } from '../../src/analyze/index.js';
import type { AuditJson, ModuleRecord } from '../../src/contract.js';

const REPO = path.resolve(import.meta.dirname, '../../fixtures/analyze/naming');

let audit: AuditJson;
let byPath: Map<string, ModuleRecord>;
beforeAll(async () => {
  audit = (await analyzeRepository(REPO, { cacheDir: false })).audit;
  byPath = new Map(audit.modules.map((m) => [m.path, m]));
});

const nameOf = (p: string) => byPath.get(p)?.name;
const edgesOf = (p: string) => byPath.get(p)!.imports.map((e) => `${e.module}:${e.kind}`);

describe('module names as python2.7 would import them', () => {
  it('names a package chain below the root by its dots', () => {
    expect(nameOf('pkg/__init__.py')).toBe('pkg');
    expect(nameOf('pkg/mod.py')).toBe('pkg.mod');
    expect(byPath.get('pkg/mod.py')!.importable).toBeUndefined();
  });
  it('makes a folder without __init__.py its files\' sys.path entry, never a dotted prefix', () => {
    expect(nameOf('lib-tk/Tkthing.py')).toBe('Tkthing');
    expect(nameOf('tools/run.py')).toBe('run');
    // packages inside such a folder are named from it (lib2to3's tests/data/fixers/myfixes)
    expect(nameOf('tests/data/fixers/myfixes/__init__.py')).toBe('myfixes');
    expect(nameOf('tests/data/fixers/myfixes/fix_a.py')).toBe('myfixes.fix_a');
    expect(audit.modules.some((m) => m.name.includes('-') && m.importable !== false)).toBe(false);
  });
  it('treats a package folder whose name is not an identifier as a sys.path entry', () => {
    expect(nameOf('my-pkg/inner.py')).toBe('inner');
    expect(byPath.get('my-pkg/__init__.py')).toMatchObject({ name: 'my-pkg/__init__.py', importable: false });
  });
  it('names a file whose name is not an identifier by its path, as not importable', () => {
    expect(byPath.get('__phello__.foo.py')).toMatchObject({ name: '__phello__.foo.py', importable: false });
  });
  it('gives a taken name to the first file and names the other by its path, with a diagnostic', () => {
    expect(nameOf('examples/helper.py')).toBe('helper');
    expect(byPath.get('tools/helper.py')).toMatchObject({ name: 'tools/helper.py', importable: false });
    expect(audit.diagnostics).toContainEqual(expect.objectContaining({ id: 'duplicate-module', file: 'tools/helper.py' }));
  });
});

describe('imports see a script folder only from inside it', () => {
  it('a script imports its neighbours first, as sys.path[0] makes it', () => {
    expect(edgesOf('tools/run.py')).toEqual(['json:internal', 'tools/helper.py:internal']);
    expect(edgesOf('examples/demo.py')).toEqual(['helper:internal']);
    expect(edgesOf('lib-tk/Tkthing.py')).toEqual(['Tkconst:internal']);
    expect(edgesOf('tests/data/fixers/myfixes/fix_a.py')).toEqual(['myfixes.fix_b:internal']);
  });
  it('the rest of the repository does not see a script folder: no shadowing of the stdlib', () => {
    expect(edgesOf('pkg/mod.py')).toEqual(['json:stdlib', 'helper:missing', 'Tkthing:missing']);
  });
});
