import { cpSync, existsSync, readFileSync, appendFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeReport } from '../../src/report/index.js';
import { repoSources } from '../../src/report/sources.js';
import { fixedHistory, loadFixture, renderFixture, tempDir } from './render-helpers.js';

describe('incremental regeneration', () => {
  it('rewrites nothing when nothing changed, and records a hash per page', async () => {
    const first = await renderFixture('sample');
    expect(first.written).toBe(first.files.length - 1); // everything but status.json, counted apart
    const again = await renderFixture('sample', first.outDir);
    expect(again.written).toBe(0);
    const status = JSON.parse(readFileSync(path.join(first.outDir, 'report/status.json'), 'utf8'));
    expect(status.format).toBe(1);
    expect(status.toolVersion).toBe('0.1.0');
    expect(status.globalHash).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(status.pages)).toContain('modules/shop.pricing.html');
  });

  it('rewrites only the pages whose data changed, and removes pages of vanished modules', async () => {
    const { audit, repo } = loadFixture('sample');
    const outDir = tempDir('incr');
    const base = { sources: repoSources(repo), history: fixedHistory(audit), outDir, generatedAt: new Date('2026-11-21T12:00:00Z'), toolVersion: '0.1.0' };
    await writeReport({ ...base, audit });
    const shell = audit.modules.find((m) => m.name === 'shop.shell')!;
    const changed = {
      ...audit,
      modules: audit.modules.filter((m) => m.name !== 'tools.migrate').map((m) => (m === shell ? { ...m, lines: m.lines + 1 } : m)),
      findings: audit.findings.filter((f) => f.module !== 'tools.migrate'),
    };
    const r = await writeReport({ ...base, audit: changed });
    const rewritten = r.written;
    // index, modules, rules, graph, shop.shell's page and the missing-import rule page (now without occurrences).
    expect(rewritten).toBeLessThanOrEqual(8);
    expect(rewritten).toBeGreaterThanOrEqual(5);
    expect(existsSync(path.join(outDir, 'report/modules/tools.migrate.html'))).toBe(false);
    expect(existsSync(path.join(outDir, 'report/modules/shop.shell.html'))).toBe(true);
  });

  it('rewrites every page when a template changes, and drops superseded assets', async () => {
    const templates = tempDir('tpl');
    cpSync(path.join(__dirname, '../../reports-templates'), templates, { recursive: true });
    const first = await renderFixture('sample', undefined, templates);
    appendFileSync(path.join(templates, 'assets/style.css'), '\n/* changed */\n');
    const second = await renderFixture('sample', first.outDir, templates);
    const status = JSON.parse(readFileSync(path.join(first.outDir, 'report/status.json'), 'utf8'));
    // Every page, plus the one asset whose content (so whose name) changed.
    expect(second.written).toBe(Object.keys(status.pages).length + 1);
    const css = readdirSync(path.join(first.outDir, 'report/assets')).filter((f) => f.startsWith('style.'));
    expect(css).toHaveLength(1);
  });
});
