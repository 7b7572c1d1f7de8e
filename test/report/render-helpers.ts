// Shared by the report tests: load a fixture audit, render it into a fresh folder.

import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AuditJson } from '../../src/contract.js';
import { writeReport, type WriteReportResult } from '../../src/report/index.js';
import { repoSources } from '../../src/report/sources.js';
import { historyEntryFrom, type HistoryEntry } from '../../src/state/history.js';

export const FIXTURES = path.join(__dirname, '../../fixtures/report');

export function loadFixture(name: 'sample' | 'xss'): { audit: AuditJson; repo: string; auditFile: string } {
  const auditFile = path.join(FIXTURES, name, 'audit.json');
  return { audit: JSON.parse(readFileSync(auditFile, 'utf8')) as AuditJson, repo: path.join(FIXTURES, name, 'repo'), auditFile };
}

export function fixedHistory(audit: AuditJson): HistoryEntry[] {
  const first = historyEntryFrom(audit, new Date('2026-11-20T09:30:00Z'), '0.1.0');
  // An earlier run where two of today's ready modules were still blocked.
  first.byVerdict = { ...first.byVerdict, ready: first.byVerdict.ready - 2, blocked: first.byVerdict.blocked + 2 };
  return [first, historyEntryFrom(audit, new Date('2026-11-21T09:30:00Z'), '0.1.0')];
}

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `grumpy-${prefix}-`));
}

export async function renderFixture(name: 'sample' | 'xss', outDir = tempDir(name), templatesDir?: string): Promise<WriteReportResult & { outDir: string }> {
  const { audit, repo } = loadFixture(name);
  const result = await writeReport({
    audit, sources: repoSources(repo), history: fixedHistory(audit), outDir,
    generatedAt: new Date('2026-11-21T12:00:00Z'), toolVersion: '0.1.0', templatesDir,
  });
  return { ...result, outDir };
}

/** Blanks what legitimately changes between runs and releases: dates, versions, content hashes. */
export function blank(html: string): string {
  return html
    .replace(/\.[0-9a-f]{10}\.(js|css)\b/g, '.HASH.$1')
    .replace(/\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?Z?)?( UTC)?/g, 'DATE')
    .replace(/(<span class="version">)[^<]*(<\/span>)/g, '$1VERSION$2');
}
