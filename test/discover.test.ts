import { describe, expect, it, beforeAll } from 'vitest';
import { mkdtempSync, writeFileSync, mkdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { discover } from '../src/discover/index.js';
import { decodePython2 } from '../src/discover/encoding.js';

const enc = (s: string) => new TextEncoder().encode(s);

describe('decodePython2', () => {
  it('decodes plain ASCII', () => {
    const d = decodePython2(enc('x = 1\n'));
    expect(d).toEqual({ text: 'x = 1\n', encoding: 'ascii', bom: false });
  });
  it('honours a UTF-8 BOM', () => {
    const d = decodePython2(new Uint8Array([0xef, 0xbb, 0xbf, ...enc('s = "\u00e9"\n')]));
    expect(d.bom).toBe(true);
    expect(d.encoding).toBe('utf-8');
    expect(d.text).toBe('s = "\u00e9"\n');
  });
  it('rejects a BOM with a non-utf-8 cookie as CPython does', () => {
    const d = decodePython2(new Uint8Array([0xef, 0xbb, 0xbf, ...enc('# -*- coding: latin-1 -*-\n')]));
    expect(d.error?.message).toBe('encoding problem: latin-1 with BOM');
  });
  it('reads a latin-1 cookie on line 1, byte for byte (not windows-1252)', () => {
    const d = decodePython2(new Uint8Array([...enc('# -*- coding: latin-1 -*-\ns = "'), 0x80, 0xe9, ...enc('"\n')]));
    expect(d.encoding).toBe('latin-1');
    expect(d.text).toBe('# -*- coding: latin-1 -*-\ns = "\u0080\u00e9"\n');
  });
  it('reads a cookie on line 2 even after code on line 1 (Python 2 rule)', () => {
    const d = decodePython2(new Uint8Array([...enc('x = 1\n# vim: set fileencoding=utf-8 :\ns = "'), 0xc3, 0xa9, ...enc('"\n')]));
    expect(d.encoding).toBe('utf-8');
    expect(d.text).toContain('\u00e9');
  });
  it('ignores a cookie on line 3', () => {
    const d = decodePython2(new Uint8Array([...enc('\n\n# coding: utf-8\ns = "'), 0xc3, 0xa9, ...enc('"\n')]));
    expect(d.error?.id).toBe('decode-non-ascii');
  });
  it('decodes cp1252 through its cookie', () => {
    const d = decodePython2(new Uint8Array([...enc('# coding=cp1252\ns = "'), 0x80, ...enc('"\n')]));
    expect(d.text).toContain('\u20ac');
  });
  it('names the line of a non-ASCII byte when no encoding is declared', () => {
    const d = decodePython2(new Uint8Array([...enc('x = 1\ny = "'), 0xe2, ...enc('"\n')]));
    expect(d.error).toEqual({
      id: 'decode-non-ascii', line: 2,
      message: "Non-ASCII character '\\xe2' on line 2, but no encoding declared; see http://python.org/dev/peps/pep-0263/ for details",
    });
  });
  it('reports an unknown codec', () => {
    const d = decodePython2(enc('# coding: klingon\n'));
    expect(d.error).toEqual({ id: 'decode-unknown-encoding', message: 'unknown encoding: klingon', line: 1 });
  });
  it('reports bytes invalid in the declared codec, with their line', () => {
    const d = decodePython2(new Uint8Array([...enc('# coding: utf-8\n\ns = "'), 0xff, ...enc('"\n')]));
    expect(d.error?.id).toBe('decode-invalid-bytes');
    expect(d.error?.line).toBe(3);
  });
});

describe('discover', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'ga-discover-'));
    mkdirSync(path.join(root, 'pkg'));
    writeFileSync(path.join(root, 'pkg', '__init__.py'), '');
    writeFileSync(path.join(root, 'pkg', 'mod.py'), 'import os\n');
    writeFileSync(path.join(root, 'pkg', 'fast.c'), 'int x;\n');
    writeFileSync(path.join(root, 'bin.py'), new Uint8Array([0x7f, 0x45, 0x00, 0x01]));
    mkdirSync(path.join(root, '.git'));
    writeFileSync(path.join(root, '.git', 'hook.py'), 'x\n');
    mkdirSync(path.join(root, 'venv', 'lib'), { recursive: true });
    writeFileSync(path.join(root, 'venv', 'lib', 'six.py'), 'x\n');
    symlinkSync('.', path.join(root, 'pkg', 'loop'));
    symlinkSync('/etc', path.join(root, 'outside'));
    symlinkSync('missing.py', path.join(root, 'dangling.py'));
  });

  it('finds sources, skips ignored folders, and reports bad files instead of failing', async () => {
    const d = await discover(root);
    expect(d.files.map((f) => [f.path, f.kind])).toEqual([
      ['bin.py', 'python'], ['pkg/__init__.py', 'python'], ['pkg/fast.c', 'c-source'], ['pkg/mod.py', 'python'],
    ]);
    const ids = d.diagnostics.map((x) => `${x.id}:${x.file}`).sort();
    expect(ids).toEqual([
      'binary-file:bin.py', 'empty-file:pkg/__init__.py', 'symlink-loop:pkg/loop',
      'symlink-outside-root:outside', 'unreadable-file:dangling.py',
    ]);
  });

  it('lets --exclude drop files and --include choose them', async () => {
    expect((await discover(root, { exclude: ['**/*.c'] })).files.map((f) => f.path)).not.toContain('pkg/fast.c');
    expect((await discover(root, { include: ['venv/**/*.py'] })).files.map((f) => f.path)).toEqual(['venv/lib/six.py']);
  });
});

describe('CPython tokenizer quirks', () => {
  it('accepts a BOM only with the exact utf-8 spelling of the cookie', () => {
    const bom = [0xef, 0xbb, 0xbf];
    expect(decodePython2(new Uint8Array([...bom, ...enc('# coding: utf-8\n')])).error).toBeUndefined();
    expect(decodePython2(new Uint8Array([...bom, ...enc('# coding: UTF_8\n')])).error).toBeUndefined();
    expect(decodePython2(new Uint8Array([...bom, ...enc('# coding: utf8\n')])).error?.message).toBe('encoding problem: utf8 with BOM');
  });
});
