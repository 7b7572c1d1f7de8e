// rules/stdlib-modules.json is data derived from python2.7: the committed file must be exactly what
// scripts/gen-stdlib-list.py prints when python2.7 runs it.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPython2, python2Env } from '../../src/python2.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const py = findPython2();

describe('stdlib module list', () => {
  it.skipIf(!py)('matches a fresh run of the generator under python2.7', () => {
    const fresh = execFileSync(py!.executable, [path.join(ROOT, 'scripts/gen-stdlib-list.py')], { encoding: 'utf8', env: python2Env() });
    expect(fresh).toBe(readFileSync(path.join(ROOT, 'rules/stdlib-modules.json'), 'utf8'));
  });
  it('records C and pure modules', () => {
    const doc = JSON.parse(readFileSync(path.join(ROOT, 'rules/stdlib-modules.json'), 'utf8')) as { modules: Record<string, string> };
    expect([doc.modules.sys, doc.modules.itertools, doc.modules.json, doc.modules['xml.dom.minidom'], doc.modules._winreg])
      .toEqual(['builtin', 'extension', 'pure', 'pure', 'other-platform']);
  });
});
