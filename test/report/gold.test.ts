// Gold files: the rendered HTML of the sample fixture, after blanking dates, versions and hashes.
// Regenerate with UPDATE_GOLD=1 npx vitest run test/report/gold.test.ts, and review the diff.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { blank, FIXTURES, renderFixture } from './render-helpers.js';

const PAGES = ['index.html', 'modules.html', 'rules.html', 'graph.html', 'modules/shop.pricing.html', 'modules/shop.web.views.html', 'rules/dynamic-exec.html'];
const GOLD = path.join(FIXTURES, 'gold');

describe('gold files', () => {
  let reportDir = '';
  beforeAll(async () => {
    const r = await renderFixture('sample');
    reportDir = path.join(r.outDir, 'report');
  });

  for (const page of PAGES) {
    it(`renders ${page} as recorded`, () => {
      const actual = blank(readFileSync(path.join(reportDir, page), 'utf8'));
      const goldFile = path.join(GOLD, page);
      if (process.env.UPDATE_GOLD || !existsSync(goldFile)) {
        mkdirSync(path.dirname(goldFile), { recursive: true });
        writeFileSync(goldFile, actual);
      }
      expect(actual).toBe(readFileSync(goldFile, 'utf8'));
    });
  }
});
