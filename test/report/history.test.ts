import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditJson } from '../../src/contract.js';
import { appendHistory, historyEntryFrom, readHistory } from '../../src/state/history.js';

const audit = JSON.parse(readFileSync(path.join(__dirname, '../../fixtures/report/sample/audit.json'), 'utf8')) as AuditJson;

function tmp(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'grumpy-history-'));
}

describe('run history', () => {
  it('summarises a run from the modules', () => {
    const e = historyEntryFrom(audit, new Date('2026-11-21T10:00:00Z'), '0.1.0');
    expect(e.modules).toBe(audit.summary.modules);
    expect(e.lines).toBe(audit.summary.lines);
    expect(e.byVerdict).toEqual({ ready: 8, blocked: 4, 'blocked-by-dependency': 2, error: 1 });
    expect(e.linesByVerdict.ready).toBe(audit.summary.linesByVerdict!.ready);
    expect(e.migration).toBeUndefined();
  });

  it('appends one line per run and reads them back in order', () => {
    const dir = tmp();
    appendHistory(dir, historyEntryFrom(audit, new Date('2026-11-20T10:00:00Z'), '0.1.0'));
    const second = appendHistory(dir, historyEntryFrom(audit, new Date('2026-11-21T10:00:00Z'), '0.1.0'));
    expect(second.entries.map((e) => e.at)).toEqual(['2026-11-20T10:00:00.000Z', '2026-11-21T10:00:00.000Z']);
    expect(readFileSync(path.join(dir, 'history.jsonl'), 'utf8').trim().split('\n')).toHaveLength(2);
    expect(readHistory(dir)).toEqual({ entries: second.entries, diagnostics: [] });
  });

  it('keeps a corrupt history aside under a new name and reports it', () => {
    const dir = tmp();
    appendHistory(dir, historyEntryFrom(audit, new Date('2026-11-20T10:00:00Z'), '0.1.0'));
    const file = path.join(dir, 'history.jsonl');
    const original = readFileSync(file, 'utf8') + '{"format":1,"at":"2026-11-2\n';
    writeFileSync(file, original);
    expect(readHistory(dir).diagnostics.map((d) => [d.id, d.line])).toEqual([['history-corrupt', 2]]);

    const after = appendHistory(dir, historyEntryFrom(audit, new Date('2026-11-21T10:00:00Z'), '0.1.0'));
    expect(after.entries).toHaveLength(2);
    expect(after.diagnostics.map((d) => d.id)).toEqual(['history-corrupt', 'history-kept-aside']);
    const aside = readdirSync(dir).filter((f) => f.startsWith('history.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(path.join(dir, aside[0]!), 'utf8')).toBe(original);
    expect(readHistory(dir).diagnostics).toEqual([]);
  });
});
