// A RuleTester-style harness: each case is a small repository written to a temp folder and scanned
// for real (discover, tree-sitter, resolve, rules); the findings of one rule are compared exactly.

import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { analyzeRepository } from '../../src/analyze/index.js';

export interface ExpectedError {
  file?: string;
  line: number;
  column: number;
  messageId: string;
}

export interface RuleCase {
  code?: string;
  files?: Record<string, string>;
  errors?: ExpectedError[];
}

export interface RuleFixture {
  valid: RuleCase[];
  invalid: RuleCase[];
}

export const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/rules');

export function loadFixture(ruleId: string): RuleFixture {
  return parseYaml(readFileSync(path.join(FIXTURES, `${ruleId}.yaml`), 'utf8')) as RuleFixture;
}

export function fixtureIds(): string[] {
  return readdirSync(FIXTURES).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5)).sort();
}

/** Scans the case as a repository and returns the rule's findings as {file, line, column, messageId}. */
export async function runCase(ruleId: string, c: RuleCase): Promise<Required<ExpectedError>[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ga-rule-'));
  try {
    const files = c.files ?? { 'mod.py': c.code ?? '' };
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      // Fixture text is written as UTF-8 bytes, so a non-ASCII character without a cookie is a real decode error.
      writeFileSync(path.join(dir, rel), text);
    }
    const { audit } = await analyzeRepository(dir, { cacheDir: false });
    return audit.findings
      .filter((f) => f.ruleId === ruleId)
      .map((f) => ({ file: f.file, line: f.line, column: f.column, messageId: f.messageId ?? 'default' }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function expected(c: RuleCase): Required<ExpectedError>[] {
  const defaultFile = c.files ? undefined : 'mod.py';
  return (c.errors ?? []).map((e) => ({ file: e.file ?? defaultFile ?? '(missing file in fixture)', line: e.line, column: e.column, messageId: e.messageId }));
}
