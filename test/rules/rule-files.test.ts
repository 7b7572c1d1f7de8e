// checkRuleFiles: one id ties a rule to its fixtures and its documentation page; a rule missing
// either, or a fixture or page naming no rule, fails the suite.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRulePack } from '../../src/analyze/rules/load.js';
import { fixtureIds, loadFixture } from './harness.js';

const pack = loadRulePack();
const DOCS = path.resolve(import.meta.dirname, '../../docs/rules');

describe('checkRuleFiles', () => {
  for (const rule of pack.rules) {
    it(`${rule.id} has a positive and a negative fixture`, () => {
      const f = loadFixture(rule.id);
      expect(f.valid.length).toBeGreaterThan(0);
      expect(f.invalid.length).toBeGreaterThan(0);
      for (const c of f.invalid) expect(c.errors?.length ?? 0).toBeGreaterThan(0);
    });
    it(`${rule.id} has a docs page that names it`, () => {
      const page = path.join(DOCS, `${rule.id}.md`);
      expect(existsSync(page)).toBe(true);
      const text = readFileSync(page, 'utf8');
      expect(text.startsWith(`# ${rule.id}`)).toBe(true);
      expect(text).toContain(rule.title);
    });
  }
  it('every fixture file names a rule', () => {
    expect(fixtureIds().filter((id) => !pack.byId.has(id))).toEqual([]);
  });
  it('every docs page names a rule', () => {
    const pages = readdirSync(DOCS).filter((f) => f.endsWith('.md') && f !== 'README.md').map((f) => f.slice(0, -3));
    expect(pages.filter((id) => !pack.byId.has(id))).toEqual([]);
  });
});
