// One call for a pipeline run: append this run to <outDir>/state/history.jsonl, then write the report.

import path from 'node:path';
import type { AuditJson } from '../contract.js';
import type { Diagnostic } from '../diagnostics.js';
import { appendHistory, historyEntryFrom, type HistoryEntry } from '../state/history.js';
import { toolVersion as currentToolVersion } from '../version.js';
import { writeReport, type WriteReportResult } from './index.js';

export interface ReportRunOptions {
  readonly audit: Readonly<AuditJson>;
  readonly sources: (path: string) => string | undefined;
  /** e.g. REPO/.grumpy-audit: the history goes to <outDir>/state/, the site to <outDir>/report/. */
  readonly outDir: string;
  readonly now?: Date;
}

export interface ReportRunResult extends WriteReportResult {
  history: HistoryEntry[];
  /** history-corrupt / history-kept-aside warnings; print them, they do not stop the run. */
  diagnostics: Diagnostic[];
}

export async function reportRun(opts: ReportRunOptions): Promise<ReportRunResult> {
  const now = opts.now ?? new Date();
  const history = appendHistory(path.join(opts.outDir, 'state'), historyEntryFrom(opts.audit, now, currentToolVersion));
  const result = await writeReport({ audit: opts.audit, sources: opts.sources, history: history.entries, outDir: opts.outDir, generatedAt: now });
  return { ...result, history: history.entries, diagnostics: history.diagnostics };
}
