// Program collection: which modules a script pulls in and how CPython 2.7 would name them.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectProgram } from '../../src/transpile/program.js';
import { parseSource } from '../../src/transpile/parse.js';

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'grumpy-prog-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

const native = new Set(['sys', 'math']);

describe('collectProgram', () => {
  it('follows absolute, implicit relative and explicit relative imports', async () => {
    const dir = tree({
      'main.py': 'import sys\nimport pkg.a\nfrom pkg import b\n',
      'pkg/__init__.py': '',
      'pkg/a.py': 'import helper\n',
      'pkg/helper.py': 'x = 1\n',
      'pkg/b.py': 'from __future__ import absolute_import\nfrom . import a\nfrom .sub import c\n',
      'pkg/sub/__init__.py': '',
      'pkg/sub/c.py': 'import math\n',
      'unused.py': '',
    });
    const p = await collectProgram({ kind: 'script', path: path.join(dir, 'main.py') }, [], native, parseSource);
    expect(p.diagnostics).toEqual([]);
    expect(p.modules.map((m) => m.name).sort()).toEqual(
      ['__main__', 'pkg', 'pkg.a', 'pkg.b', 'pkg.helper', 'pkg.sub', 'pkg.sub.c']);
    const b = p.modules.find((m) => m.name === 'pkg.b')!;
    expect(b.imports.resolve('sub', 1)).toBe('pkg.sub');
    expect(b.imports.resolve('helper', 0)).toBe(null); // absolute_import: no implicit relative
    const a = p.modules.find((m) => m.name === 'pkg.a')!;
    expect(a.imports.resolve('helper', 0)).toBe('pkg.helper');
    expect(a.imports.resolve('sys', 0)).toBe('sys');
  });

  it('a stdlib codecs.py brings the encodings package and the common codecs the runtime imports by name', async () => {
    const lib = tree({
      'codecs.py': 'import _codecs\n', 'encodings/__init__.py': 'import codecs\n', 'encodings/utf_8.py': '',
      'encodings/latin_1.py': '', 'encodings/koi8_r.py': '',
    });
    const dir = tree({ 'main.py': 'import codecs\n' });
    const p = await collectProgram({ kind: 'script', path: path.join(dir, 'main.py') }, [lib], new Set(['_codecs']), parseSource, { stdlibDirs: [lib] });
    expect(p.diagnostics).toEqual([]);
    expect(p.modules.map((m) => m.name).sort()).toEqual(['__main__', 'codecs', 'encodings', 'encodings.latin_1', 'encodings.utf_8']);
    // a user module named codecs gets nothing extra
    const own = tree({ 'main.py': 'import codecs\n', 'codecs.py': '' });
    const q = await collectProgram({ kind: 'script', path: path.join(own, 'main.py') }, [lib], new Set(['_codecs']), parseSource, { stdlibDirs: [lib] });
    expect(q.modules.map((m) => m.name).sort()).toEqual(['__main__', 'codecs']);
  });

  it('anydbm brings dumbdbm, the backend it imports by name', async () => {
    const lib = tree({ 'anydbm.py': 'import whichdb\n', 'whichdb.py': '', 'dumbdbm.py': 'import os\n', 'os.py': '' });
    const dir = tree({ 'main.py': 'import anydbm\n' });
    const p = await collectProgram({ kind: 'script', path: path.join(dir, 'main.py') }, [lib], native, parseSource, { stdlibDirs: [lib] });
    expect(p.modules.map((m) => m.name).sort()).toEqual(['__main__', 'anydbm', 'dumbdbm', 'os', 'whichdb']);
  });

  it('resolves names that only exist in sys.modules once their package ran (os.path), not other missing ones', async () => {
    const lib = tree({ 'os.py': 'import posixpath as path\n', 'posixpath.py': '' });
    const dir = tree({ 'main.py': 'import os.path\nfrom os.path import join\nimport os.nothing\n' });
    const p = await collectProgram({ kind: 'script', path: path.join(dir, 'main.py') }, [lib], native, parseSource, { stdlibDirs: [lib] });
    const main = p.modules.find((m) => m.name === '__main__')!;
    expect(main.imports.resolve('os.path', 0)).toBe('os.path');
    expect(main.imports.isModule('os.path')).toBe(true);
    expect(main.imports.resolve('os.nothing', 0)).toBe(null);
    expect(p.modules.map((m) => m.name).sort()).toEqual(['__main__', 'os', 'posixpath']);
  });

  it('shows module paths as CPython prints them (relative to the sys.path entry)', async () => {
    const dir = tree({ 'app/main.py': 'import mod\n', 'app/mod.py': '' });
    const p = await collectProgram({ kind: 'script', path: path.join(dir, 'app', 'main.py') }, [], native, parseSource);
    const files = Object.fromEntries(p.modules.map((m) => [m.name, m.file]));
    expect(files).toEqual({ __main__: path.join(dir, 'app', 'main.py'), mod: path.join(dir, 'app', 'mod.py') });
  });

  it('-m runs a module as __main__ after importing its packages', async () => {
    const dir = tree({ 'p/__init__.py': '', 'p/m.py': 'from . import q\n', 'p/q.py': '' });
    const p = await collectProgram({ kind: 'module', name: 'p.m' }, [dir], native, parseSource);
    expect(p.main).toBe('__main__');
    expect(p.modules.map((m) => m.name).sort()).toEqual(['__main__', 'p', 'p.q']);
  });

  it('a file CPython cannot decode is an error, not a guess', async () => {
    const dir = tree({ 'main.py': 'print "caf\u00e9"\n' });
    const p = await collectProgram({ kind: 'script', path: path.join(dir, 'main.py') }, [], native, parseSource);
    expect(p.diagnostics.map((d) => [d.id, d.line])).toEqual([['decode-non-ascii', 1]]);
  });
});
