// Rule files are validated when loaded: a malformed rule stops the run with a message naming the
// file, the rule and the field.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRulePack, renderMessage } from '../../src/analyze/rules/load.js';
import { RulePackError, validateRuleFile } from '../../src/analyze/rules/schema.js';

const good = {
  id: 'demo-rule', title: 'Demo', category: 'dynamic', severity: 'blocker',
  messages: { default: 'found {fn}' }, remediation: 'fix it', docs: 'why',
  match: [{ keywords: ['eval'], query: '(call function: (identifier) @fn) @match' }],
};

function errorOf(rule: unknown): string {
  try {
    validateRuleFile('broken.yaml', { rules: [rule] });
  } catch (e) {
    expect(e).toBeInstanceOf(RulePackError);
    return (e as Error).message;
  }
  throw new Error('expected a RulePackError');
}

describe('rule schema', () => {
  it('accepts a well-formed rule', () => {
    const [r] = validateRuleFile('ok.yaml', { rules: [good] });
    expect(r!.source).toBe('ok.yaml');
    expect(renderMessage(r!, 'default', { fn: 'eval' })).toBe('found eval');
  });
  it('names the field of a missing title', () => {
    const { title: _t, ...rest } = good;
    expect(errorOf(rest)).toBe('broken.yaml: rules[0] (demo-rule).title: required, a non-empty string');
  });
  it('rejects an unknown category', () => {
    expect(errorOf({ ...good, category: 'style' })).toBe(
      'broken.yaml: rules[0] (demo-rule).category: "style" is not one of dynamic, c-extension, optional-c-extension, syntax, unsupported-stdlib, missing-import, runtime-semantics');
  });
  it('rejects a query without @match', () => {
    expect(errorOf({ ...good, match: [{ keywords: ['eval'], query: '(call) @c' }] })).toBe(
      'broken.yaml: rules[0] (demo-rule).match[0].query: must capture @match (the finding location)');
  });
  it('rejects a literal option naming no capture', () => {
    expect(errorOf({ ...good, messages: { default: 'x', literal: 'y' }, match: [{ ...good.match[0], literal: 'arg' }] })).toBe(
      'broken.yaml: rules[0] (demo-rule).match[0].literal: must name a capture of the query');
  });
  it('rejects an unknown named matcher and unknown fields', () => {
    expect(errorOf({ ...good, match: [{ named: 'magic' }] })).toMatch(/^broken\.yaml: rules\[0\] \(demo-rule\)\.match\[0\]\.named: "magic" is not one of /);
    expect(errorOf({ ...good, severity_: 'x' })).toBe('broken.yaml: rules[0] (demo-rule).severity_: unknown field');
  });
  it('rejects a message id the messages do not define', () => {
    expect(errorOf({ ...good, match: [{ ...good.match[0], message: 'nope' }] })).toBe(
      'broken.yaml: rules[0] (demo-rule).match[0].message: "nope" is not a key of messages');
  });
  it('stops loading a rules folder with invalid YAML, naming the file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ga-rules-'));
    writeFileSync(path.join(dir, 'bad.yaml'), 'rules: [\n  - id: x\n');
    expect(() => loadRulePack(dir)).toThrow(/^bad\.yaml: not valid YAML/);
  });
  it('rejects the same id in two files', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ga-rules-'));
    const text = `rules:\n  - ${JSON.stringify(good)}\n`;
    writeFileSync(path.join(dir, 'a.yaml'), text);
    writeFileSync(path.join(dir, 'b.yaml'), text);
    expect(() => loadRulePack(dir)).toThrow('b.yaml: rule id "demo-rule" is also defined in a.yaml');
  });
});
