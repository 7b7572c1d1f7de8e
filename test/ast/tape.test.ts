// The thread wire form of the AST round-trips every golden fixture exactly.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSourceBytes } from '../../src/ast/source.js';
import { decodeTape, encodeTape } from '../../src/ast/tape.js';
import { dump } from '../../src/ast/dump.js';
import { parseModule } from '../../src/ast/index.js';

const DIR = path.resolve(__dirname, '../../fixtures/ast');

describe('AST tape', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.py')).sort();
  // Trees deeper than the recursive encoder's stack: the pool re-parses those on the main
  // thread (tested in test/parse), so here they must fail loudly, never silently.
  it('throws RangeError for trees too deep to encode', () => {
    const r = parseModule(`x = ${Array.from({ length: 100_000 }, () => 'a').join(' + ')}\n`);
    expect(() => encodeTape(r.ast!)).toThrow(RangeError);
  });

  it('round-trips every fixture that parses', () => {
    let checked = 0;
    for (const f of files) {
      const r = parseSourceBytes(readFileSync(path.join(DIR, f)));
      if (!r.ast) continue;
      const back = decodeTape(encodeTape(r.ast));
      expect(JSON.parse(JSON.stringify(back)), f).toEqual(JSON.parse(JSON.stringify(r.ast)));
      expect(dump(back, { includeAttributes: true }), f).toBe(dump(r.ast, { includeAttributes: true }));
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(60);
  });
});
