// Every value a template prints must pass through a named escaping helper: templates are compiled
// with noEscape, so a bare {{value}} would print repository text raw. This walks every template.

import Handlebars from 'handlebars';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HELPER_ARITY, HELPERS, templateFiles } from '../../src/report/render.js';

type Node = { type: string; [k: string]: unknown };
const BLOCK_HELPERS = new Set(['if', 'unless', 'each', 'with']);

function mustaches(node: unknown, out: { path: string; params: number; loc: string }[], file: string): void {
  if (!node || typeof node !== 'object') return;
  const n = node as Node;
  if (n.type === 'MustacheStatement') {
    const p = n.path as { original: string };
    const loc = (n.loc as { start: { line: number } }).start.line;
    out.push({ path: p.original, params: (n.params as unknown[]).length, loc: `${file}:${loc}` });
  }
  for (const v of Object.values(n)) {
    if (Array.isArray(v)) v.forEach((c) => mustaches(c, out, file));
    else if (v && typeof v === 'object' && 'type' in (v as object)) mustaches(v, out, file);
  }
}

describe('templates', () => {
  const dir = path.join(__dirname, '../../reports-templates');
  const files = templateFiles(dir);

  it('print nothing without an escaping helper', () => {
    const bad: string[] = [];
    let total = 0;
    for (const t of files) {
      const found: { path: string; params: number; loc: string }[] = [];
      mustaches(Handlebars.parse(t.text), found, path.basename(t.file));
      total += found.length;
      for (const m of found) {
        const helper = m.path as (typeof HELPERS)[number];
        if (!(HELPERS as readonly string[]).includes(helper) || m.params !== HELPER_ARITY[helper]) bad.push(`${m.loc} {{${m.path}}}`);
      }
    }
    expect(total).toBeGreaterThan(100);
    expect(bad).toEqual([]);
  });

  it('use no triple-stash raw output and only known block helpers', () => {
    const blocks = new Set<string>();
    for (const t of files) {
      expect(t.text, t.file).not.toMatch(/\{\{\{/);
      const walk = (node: unknown): void => {
        if (!node || typeof node !== 'object') return;
        const n = node as Node;
        if (n.type === 'BlockStatement') blocks.add((n.path as { original: string }).original);
        for (const v of Object.values(n)) {
          if (Array.isArray(v)) v.forEach(walk);
          else if (v && typeof v === 'object') walk(v);
        }
      };
      walk(Handlebars.parse(t.text));
    }
    for (const b of blocks) expect(BLOCK_HELPERS.has(b), b).toBe(true);
  });

  it('carry no inline script the Content-Security-Policy would block', () => {
    for (const t of files) {
      expect(t.text, t.file).not.toMatch(/\son[a-z]+=/i);
      for (const tag of t.text.match(/<script[^>]*>/g) ?? []) expect(tag, t.file).toMatch(/\bsrc=|type="application\/json"/);
    }
    const layout = files.find((t) => t.name === 'layout')!;
    expect(layout.text).toContain("script-src 'self'");
  });
});
