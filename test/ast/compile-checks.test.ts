// The errors CPython raises while compiling a parsed module, checked against python2.7's compile()
// on fixtures/compile-checks (expected.json, from scripts/gen-compile-check-goldens.ts).

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileChecks } from '../../src/ast/compile-checks.js';
import { parseModule } from '../../src/ast/index.js';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/compile-checks');
const expected = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Record<string, { ok: boolean; message?: string; lineno?: number }>;

describe('compileChecks', () => {
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.py')).sort()) {
    it(name, () => {
      const r = parseModule(readFileSync(path.join(dir, name), 'utf8'), {});
      expect(r.error).toBeUndefined();
      const got = compileChecks(r.ast!);
      const want = expected[name]!;
      expect(got ? { ok: false, message: got.message, lineno: got.lineno } : { ok: true }).toEqual(want);
    });
  }
});
