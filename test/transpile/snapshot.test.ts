// Emitter snapshots: fixtures/transpile/NAME.py → NAME.go, reviewed as diffs.
// Regenerate with UPDATE_SNAPSHOTS=1 npx vitest run test/transpile/snapshot.test.ts
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { transpileModule } from '../../src/transpile/module.js';
import { parseSource } from '../../src/transpile/parse.js';
import { findGo } from '../../src/build/toolchain.js';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'transpile');
const update = process.env.UPDATE_SNAPSHOTS === '1';
const cases = readdirSync(dir).filter((f) => f.endsWith('.py') && f !== 'blocked.py').sort();
// Imports resolve to themselves: these fixtures only import absolute, runtime-provided names.
const imports = { resolve: (m: string | null) => m, isModule: () => false };

async function transpile(name: string) {
  const file = path.join(dir, name);
  const text = readFileSync(file, 'utf8');
  const parsed = await parseSource(name, text, 'utf-8');
  if (!parsed.ast) throw new Error(`parse failed: ${JSON.stringify(parsed.diagnostics)}`);
  return transpileModule({
    name: '__main__', file: name, isPackage: false, ast: parsed.ast, lines: text.replace(/\n$/, '').split('\n'),
    goPackage: 'main_', imports,
  });
}

describe('emitter snapshots', () => {
  for (const name of cases) {
    it(name, async () => {
      const out = await transpile(name);
      expect(out.diagnostics).toEqual([]);
      const snap = path.join(dir, name.replace(/\.py$/, '.go'));
      if (update || !existsSync(snap)) writeFileSync(snap, out.source);
      expect(out.source).toBe(readFileSync(snap, 'utf8'));
    });
  }

  it.skipIf(typeof findGo() === 'string')('snapshots are gofmt-clean', () => {
    const unformatted = execFileSync('gofmt', ['-l', ...cases.map((c) => path.join(dir, c.replace(/\.py$/, '.go')))], { encoding: 'utf8' });
    expect(unformatted).toBe('');
  });

  it('blocked features are compile errors naming file, line and rule', async () => {
    const out = await transpile('blocked.py');
    expect(out.diagnostics.map((d) => [d.id, d.file, d.line])).toEqual([
      ['dynamic-exec', 'blocked.py', 2],
      ['dynamic-eval', 'blocked.py', 3],
    ]);
  });
});
