// Run history for the trend charts: one JSON object per line in <out>/state/history.jsonl.
// Append-only. A history that does not parse is never silently rewritten: the file is moved
// aside under a unique name, a diagnostic says where, and the entries that did parse carry on.

import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AuditJson, Verdict } from '../contract.js';
import { diag, type Diagnostic } from '../diagnostics.js';

export const HISTORY_FORMAT = 1 as const;
export const HISTORY_FILE = 'history.jsonl';

export interface HistoryEntry {
  format: typeof HISTORY_FORMAT;
  /** ISO 8601 time of the run. */
  at: string;
  toolVersion: string;
  modules: number;
  lines: number;
  byVerdict: Record<Verdict, number>;
  linesByVerdict: Record<Verdict, number>;
  findings: number;
  /** Present once the pipeline transpiles, builds and verifies. */
  migration?: { transpiled: number; builds: number; verified: number };
}

export interface HistoryRead {
  entries: HistoryEntry[];
  diagnostics: Diagnostic[];
}

const VERDICTS: readonly Verdict[] = ['ready', 'blocked', 'blocked-by-dependency', 'error'];

function zeroVerdicts(): Record<Verdict, number> {
  return { ready: 0, blocked: 0, 'blocked-by-dependency': 0, error: 0 };
}

/** The summary one run contributes to the history, counted from the modules themselves. */
export function historyEntryFrom(audit: Readonly<AuditJson>, at: Date, toolVersion: string): HistoryEntry {
  const byVerdict = zeroVerdicts();
  const linesByVerdict = zeroVerdicts();
  let lines = 0;
  let withMigration = 0;
  const migration = { transpiled: 0, builds: 0, verified: 0 };
  for (const m of audit.modules) {
    byVerdict[m.verdict] += 1;
    linesByVerdict[m.verdict] += m.lines;
    lines += m.lines;
    if (m.migration) {
      withMigration += 1;
      if (m.migration.transpiled) migration.transpiled += 1;
      if (m.migration.builds) migration.builds += 1;
      if (m.migration.verified === 'equivalent') migration.verified += 1;
    }
  }
  const entry: HistoryEntry = {
    format: HISTORY_FORMAT, at: at.toISOString(), toolVersion,
    modules: audit.modules.length, lines, byVerdict, linesByVerdict, findings: audit.findings.length,
  };
  if (withMigration > 0) entry.migration = migration;
  return entry;
}

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0;
}

function isVerdictCounts(v: unknown): v is Record<Verdict, number> {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return VERDICTS.every((k) => isCount(o[k]));
}

/** Validates one parsed line; returns why it is not an entry, or undefined when it is one. */
function entryProblem(v: unknown): string | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'not an object';
  const o = v as Record<string, unknown>;
  if (o.format !== HISTORY_FORMAT) return `unknown format ${JSON.stringify(o.format)}`;
  if (typeof o.at !== 'string' || Number.isNaN(Date.parse(o.at))) return 'missing or invalid "at" date';
  if (!isCount(o.modules) || !isCount(o.lines) || !isCount(o.findings)) return 'missing counts';
  if (!isVerdictCounts(o.byVerdict) || !isVerdictCounts(o.linesByVerdict)) return 'missing verdict counts';
  return undefined;
}

function parseHistory(text: string, file: string): { entries: HistoryEntry[]; problems: Diagnostic[] } {
  const entries: HistoryEntry[] = [];
  const problems: Diagnostic[] = [];
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      problems.push(diag('history-corrupt', 'warning', file, 'this line of the run history is not JSON', i + 1));
      return;
    }
    const why = entryProblem(value);
    if (why) problems.push(diag('history-corrupt', 'warning', file, `this line of the run history is not a run summary: ${why}`, i + 1));
    else entries.push(value as HistoryEntry);
  });
  return { entries, problems };
}

/** Reads the history without changing anything on disk. */
export function readHistory(stateDir: string): HistoryRead {
  const file = path.join(stateDir, HISTORY_FILE);
  if (!existsSync(file)) return { entries: [], diagnostics: [] };
  const { entries, problems } = parseHistory(readFileSync(file, 'utf8'), file);
  return { entries, diagnostics: problems };
}

/** A name in stateDir that does not exist yet, so nothing kept aside is ever overwritten. */
function asideName(stateDir: string, at: Date): string {
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  for (let n = 0; ; n++) {
    const name = path.join(stateDir, `history.corrupt-${stamp}${n ? `-${n}` : ''}.jsonl`);
    if (!existsSync(name)) return name;
  }
}

/**
 * Appends one run to the history and returns the whole history, oldest first.
 * When the existing file has lines that are not run summaries, it is renamed aside (reported in
 * the diagnostics, with both paths), and a new file is started from the entries that did parse.
 */
export function appendHistory(stateDir: string, entry: HistoryEntry): HistoryRead {
  mkdirSync(stateDir, { recursive: true });
  const file = path.join(stateDir, HISTORY_FILE);
  const line = JSON.stringify(entry) + '\n';
  if (!existsSync(file)) {
    writeFileSync(file, line, { flag: 'wx' });
    return { entries: [entry], diagnostics: [] };
  }
  const text = readFileSync(file, 'utf8');
  const { entries, problems } = parseHistory(text, file);
  if (problems.length === 0) {
    // A file cut short by a crash mid-write has no final newline; start the new line cleanly.
    appendFileSync(file, (text.length > 0 && !text.endsWith('\n') ? '\n' : '') + line);
    return { entries: [...entries, entry], diagnostics: [] };
  }
  const aside = asideName(stateDir, new Date(entry.at));
  renameSync(file, aside);
  writeFileSync(file, entries.map((e) => JSON.stringify(e) + '\n').join('') + line, { flag: 'wx' });
  const note = diag('history-kept-aside', 'warning', file,
    `the run history had ${problems.length} unreadable line(s); the original file was kept as ${aside} ` +
    `and a new history was started from its ${entries.length} readable run(s)`);
  return { entries: [...entries, entry], diagnostics: [...problems, note] };
}
