// The Go side of the dashboard: go vet and the differential runs (python2.7 vs the Go binary).

import type { PipelineInfo, VerificationRun } from '../contract.js';
import type { DiffLine, PipelineView, RunRow } from './model.js';
import type { Pages } from './view-page.js';

const STATUS_CLS: Record<VerificationRun['status'], string> = { equivalent: 'good', different: 'bad', error: 'bad' };

function speed(pythonMs: number | undefined, goMs: number | undefined): string {
  if (!pythonMs || !goMs) return '';
  const r = pythonMs / goMs;
  return r >= 1 ? `${r.toFixed(1)}× faster` : `${(1 / r).toFixed(1)}× slower`;
}

function diffLines(diff: string | undefined): DiffLine[] {
  if (!diff) return [];
  return diff.replace(/\n$/, '').split('\n').map((text) => ({
    text,
    cls: text.startsWith('@@') ? 'hunk' : text.startsWith('+') && !text.startsWith('+++') ? 'add' : text.startsWith('-') && !text.startsWith('---') ? 'del' : '',
  }));
}

export function runRow(run: VerificationRun, pages: Pages, root: string): RunRow {
  return {
    module: run.module, href: pages.moduleHref(run.module, root), args: run.args.join(' '),
    status: run.status, statusCls: STATUS_CLS[run.status] ?? 'bad', reason: run.reason ?? '',
    pythonMs: run.pythonMs ?? null, goMs: run.goMs ?? null, speed: speed(run.pythonMs, run.goMs),
    diffStdout: diffLines(run.diff?.stdout), diffStderr: diffLines(run.diff?.stderr), diffStatus: diffLines(run.diff?.status),
    hasDiff: Boolean(run.diff?.stdout || run.diff?.stderr || run.diff?.status),
    normalized: run.normalized?.length ? `compared with ${run.normalized.join(', ')} masked` : '',
    covers: run.covers?.join(', ') ?? '',
  };
}

export function pipelineView(info: PipelineInfo | undefined, pages: Pages): PipelineView | null {
  if (!info) return null;
  const runs = info.verification.runs.map((r) => runRow(r, pages, ''));
  return {
    goModule: info.goModule,
    vetOk: info.goVet.ok, vetOutput: info.goVet.output ?? '',
    verificationEnabled: info.verification.enabled, python: info.verification.python ?? '', skipped: info.verification.skipped ?? '',
    runs,
    equivalent: runs.filter((r) => r.status === 'equivalent').length,
    different: runs.filter((r) => r.status === 'different').length,
    errors: runs.filter((r) => r.status === 'error').length,
  };
}
