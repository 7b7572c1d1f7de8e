// Native overrides of pure-stdlib functions that need a dynamic feature (design.md section 3):
// the program imports CPython's own collections.py, transpiled from the Lib on this machine, and
// must print what python2.7 printed (the committed golden).

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findPython2 } from '../../src/python2.js';
import { runCli } from '../helpers/cli.js';

const dir = path.resolve('fixtures/stdlib');

describe('stdlib overrides', () => {
  // The stdlib comes from the user's CPython 2.7 Lib, so without python2.7 there is nothing to transpile.
  it.skipIf(!findPython2())('collections.namedtuple behaves as in CPython 2.7', async () => {
    const r = await runCli(['run', 'namedtuple_override.py'], { cwd: dir });
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
    expect(r.stdout).toBe(readFileSync(path.join(dir, 'namedtuple_override.out'), 'utf8'));
  }, 300_000);
});
