// Golden tests: every fixtures/ast/NAME.py against python2.7's own output, committed by
// scripts/gen-ast-goldens.ts (NAME.dump, NAME.attrs, or NAME.error). No python2.7 needed here.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSourceBytes } from '../../src/ast/source.js';
import { dump } from '../../src/ast/dump.js';

const DIR = path.resolve(__dirname, '../../fixtures/ast');
const files = readdirSync(DIR).filter((f) => f.endsWith('.py')).sort();

interface Golden { kind: string; message: string; lineno: number | null }

describe('AST goldens from python2.7', () => {
  it('has a broad sample', () => {
    expect(files.length).toBeGreaterThanOrEqual(200);
  });

  for (const f of files) {
    const base = path.join(DIR, f.slice(0, -3));
    if (existsSync(base + '.error')) {
      it(`${f}: rejected as CPython rejects it`, () => {
        const want = JSON.parse(readFileSync(base + '.error', 'utf8')) as Golden;
        const r = parseSourceBytes(readFileSync(path.join(DIR, f)));
        expect(r.ast).toBeUndefined();
        const got = r.error ?? { kind: 'SyntaxError', message: r.decodeError?.message ?? '', lineno: r.decodeError?.line ?? 0 };
        expect(got.kind).toBe(want.kind);
        // CPython prints "s_push: parser stack overflow" on stderr and raises a bare MemoryError.
        expect(got.message).toBe(want.kind === 'MemoryError' ? 's_push: parser stack overflow' : want.message);
        if (want.lineno !== null) expect(got.lineno).toBe(want.lineno);
      });
    } else {
      it(`${f}: dump and attributes match`, () => {
        const r = parseSourceBytes(readFileSync(path.join(DIR, f)));
        expect(r.error).toBeUndefined();
        expect(dump(r.ast!)).toBe(readFileSync(base + '.dump', 'utf8').replace(/\n$/, ''));
        expect(dump(r.ast!, { includeAttributes: true })).toBe(readFileSync(base + '.attrs', 'utf8').replace(/\n$/, ''));
      });
    }
  }
});
