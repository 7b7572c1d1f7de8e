// Every rule's valid snippets produce no finding of that rule; every invalid snippet produces
// exactly the findings listed, at the exact line and column.

import { describe, expect, it } from 'vitest';
import { loadRulePack } from '../../src/analyze/rules/load.js';
import { expected, loadFixture, runCase } from './harness.js';

const pack = loadRulePack();

for (const rule of pack.rules) {
  describe(`rule ${rule.id}`, () => {
    const fixture = loadFixture(rule.id);
    fixture.valid.forEach((c, i) => {
      it(`valid #${i + 1} has no ${rule.id} finding`, async () => {
        expect(await runCase(rule.id, c)).toEqual([]);
      });
    });
    fixture.invalid.forEach((c, i) => {
      it(`invalid #${i + 1} reports exactly the expected findings`, async () => {
        expect(await runCase(rule.id, c)).toEqual(expected(c));
      });
    });
  });
}
