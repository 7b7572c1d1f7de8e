// Source roots and Python 2 import resolution on small real repositories.

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeRepository } from '../../src/analyze/index.js';
import { findSourceRoots, packageDirs } from '../../src/analyze/roots.js';

function repo(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ga-res-'));
  for (const [rel, body] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), body);
  }
  return dir;
}

async function edges(files: Record<string, string>, opts: { roots?: string[] } = {}): Promise<Record<string, string[]>> {
  const { audit } = await analyzeRepository(repo(files), { cacheDir: false, ...opts });
  return Object.fromEntries(audit.modules.map((m) => [m.name, m.imports.map((e) => `${e.module}:${e.kind}`)]));
}

describe('source roots', () => {
  it('reads package_dir from setup.py as text', () => {
    expect(packageDirs("setup(package_dir={'': 'src'}, packages=['a'])")).toEqual([['', 'src']]);
    expect(packageDirs('setup(package_dir=dict(pkg="lib/pkg"))')).toEqual([['pkg', 'lib/pkg']]);
  });
  it('finds the repository, src/ and lib/ when they hold code outside a package', () => {
    expect(findSourceRoots(['src/pkg/__init__.py', 'lib/util.py', 'tools/x.py'], undefined, undefined)).toEqual(['', 'src', 'lib']);
    expect(findSourceRoots(['src/__init__.py', 'src/a.py'], undefined, undefined)).toEqual(['']);
    expect(findSourceRoots(['code/pkg/__init__.py'], "package_dir={'': 'code'}", undefined)).toEqual(['', 'code']);
    expect(findSourceRoots(['a.py'], undefined, ['./app/', 'lib'])).toEqual(['app', 'lib']);
  });
  it('names modules below a src/ layout declared in setup.py', async () => {
    expect(await edges({
      'setup.py': "from setuptools import setup\nsetup(name='pkg', package_dir={'': 'code'}, packages=['pkg'])\n",
      'code/pkg/__init__.py': '',
      'code/pkg/a.py': 'from pkg import b\n',
      'code/pkg/b.py': 'x = 1\n',
    })).toEqual({ pkg: [], 'pkg.a': ['pkg.b:internal'], 'pkg.b': [] });
  });
  it('--root replaces the automatic roots', async () => {
    const files = { 'app/__init__.py': '', 'app/pkg/__init__.py': '', 'app/pkg/a.py': 'import pkg.b\n', 'app/pkg/b.py': '' };
    expect(Object.keys(await edges(files))).toEqual(['app', 'app.pkg', 'app.pkg.a', 'app.pkg.b']);
    expect(await edges(files, { roots: ['app'] })).toEqual({ pkg: [], 'pkg.a': ['pkg.b:internal'], 'pkg.b': [] });
  });
});

describe('Python 2 import semantics', () => {
  it('an implicit relative import finds the sibling before the stdlib', async () => {
    const e = await edges({ 'pkg/__init__.py': '', 'pkg/json.py': '', 'pkg/a.py': 'import json\n' });
    expect(e['pkg.a']).toEqual(['pkg.json:internal']);
  });
  it('from __future__ import absolute_import turns that off', async () => {
    const e = await edges({ 'pkg/__init__.py': '', 'pkg/json.py': '', 'pkg/a.py': 'from __future__ import absolute_import\nimport json\n' });
    expect(e['pkg.a']).toEqual(['json:stdlib']);
  });
  it('builtin modules win over a sibling of the same name', async () => {
    const e = await edges({ 'pkg/__init__.py': '', 'pkg/sys.py': '', 'pkg/a.py': 'import sys\n' });
    expect(e['pkg.a']).toEqual(['sys:stdlib']);
  });
  it('from a import b: submodule when it exists, else an attribute of a', async () => {
    const e = await edges({ 'pkg/__init__.py': 'helper = 1\n', 'pkg/sub.py': '', 'main.py': 'from pkg import sub, helper\n' });
    expect(e.main).toEqual(['pkg:internal', 'pkg.sub:internal']);
  });
  it('explicit relative imports climb packages; import a.b.c depends on every package on the way', async () => {
    const e = await edges({
      'a/__init__.py': '', 'a/b/__init__.py': '', 'a/b/c.py': 'from .. import x\nfrom ..x import y\n', 'a/x.py': '', 'main.py': 'import a.b.c\n',
    });
    expect(e['a.b.c']).toEqual(['a.x:internal', 'a.x:internal']); // one edge per statement
    expect(e.main).toEqual(['a:internal', 'a.b:internal', 'a.b.c:internal']);
  });
  it('literal __import__ and importlib.import_module are edges; __go__ imports are go', async () => {
    const e = await edges({
      'm.py': "import importlib\nx = __import__('os.path')\ny = importlib.import_module('json')\nfrom __go__.net.http import Get\n",
    });
    expect(e.m).toEqual(['importlib:stdlib', 'os.path:stdlib', 'json:stdlib', '__go__.net.http:go']);
  });
  it('a missing submodule of an internal package is missing', async () => {
    const e = await edges({ 'pkg/__init__.py': '', 'm.py': 'import pkg.nothere\n' });
    expect(e.m).toEqual(['pkg:internal', 'pkg.nothere:missing']);
  });
});

describe('module records', () => {
  it('mark scripts with a __main__ guard as entry points', async () => {
    const { audit } = await analyzeRepository(repo({ 'tool.py': "def main(): pass\nif __name__ == '__main__':\n    main()\n", 'lib.py': 'x = 1\n' }), { cacheDir: false });
    expect(audit.modules.map((m) => [m.name, m.entryPoint ?? false])).toEqual([['lib', false], ['tool', true]]);
  });
});

describe('sys.modules aliases from the stdlib list', () => {
  it('resolve os.path and email.Utils to their real modules when the repository is the stdlib', async () => {
    const e = await edges({
      'os.py': 'import posixpath as path\n', 'posixpath.py': '', 'email/__init__.py': '', 'email/utils.py': '',
      'user.py': 'import os.path\nfrom email.Utils import formatdate\n',
    });
    expect(e.user).toEqual(['os:internal', 'posixpath:internal', 'email:internal', 'email.utils:internal']);
  });
  it('leave them stdlib imports in an ordinary repository', async () => {
    const e = await edges({ 'user.py': 'import os.path\nimport email.Utils\n' });
    expect(e.user).toEqual(['os.path:stdlib', 'email.Utils:stdlib']);
  });
});
