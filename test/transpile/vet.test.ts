// Generated Go passes `go vet` (and builds): `grumpy-audit build --vet` on programs that exercise
// try/finally control flow, generators, closures and classes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findGo } from '../../src/build/toolchain.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = mkdtempSync(path.join(os.tmpdir(), 'grumpy-vet-'));

describe.skipIf(typeof findGo() === 'string')('go vet on generated code', () => {
  for (const name of ['exceptions_flow', 'generators_send', 'closures', 'classes_new', 'with_stmt']) {
    it(name, () => {
      const r = spawnSync(process.execPath, [path.join(root, 'bin', 'grumpy-audit.js'), '--quiet', 'build', `${name}.py`, '-o', path.join(out, name), '--vet'],
        { cwd: path.join(root, 'fixtures', 'conformance'), encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    }, 300_000);
  }
});
