// The default command: the whole pipeline on a repository. `migrate` is the same job limited to
// the named modules and the internal modules they import.

import type { Command } from 'commander';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { summaryTables } from '../../analyze/output/table.js';
import type { AuditJson, FindingSeverity } from '../../contract.js';
import { formatDiagnostic } from '../../diagnostics.js';
import { runAudit } from '../../pipeline/index.js';
import { migrationTable, regressions } from '../../pipeline/summary.js';
import { EXIT_FINDINGS, EXIT_OK, UsageError, tableStyle, type CliContext } from '../context.js';
import type { CliCommand } from './types.js';

export function checkRepoDir(repo: string): void {
  if (!existsSync(repo)) throw new UsageError(`no such file or directory: ${repo}`);
  if (!statSync(repo).isDirectory()) throw new UsageError(`not a directory: ${repo} (grumpy-audit scans a repository folder)`);
}

interface PipelineCliOptions {
  out?: string;
  verify?: boolean;
  root?: string[];
  include?: string[];
  exclude?: string[];
  threads?: string;
  report: boolean;
  checkImports?: boolean;
  failOn?: string;
  baseline?: string;
}

const FAIL_ON: Record<string, FindingSeverity[]> = { blocker: ['blocker'], warning: ['blocker', 'warning'] };

function pipelineOptions(cmd: Command): Command {
  return cmd
    .option('-o, --out <dir>', 'output folder (default REPO/.grumpy-audit)')
    .option('--verify', 'run entry points under python2.7 and the Go build and compare (executes the code)')
    .option('--no-verify', 'do not verify, even if grumpy-audit.json asks for it')
    .option('--check-imports', 'import every built module under the Go build (runs module-level code)')
    .option('--no-report', 'skip the HTML report')
    .option('--root <dir...>', 'source roots relative to REPO (default: found automatically)')
    .option('--include <glob...>', 'only scan files matching these globs')
    .option('--exclude <glob...>', 'also skip files matching these globs')
    .option('--threads <n>', 'parse worker threads (default: CPU count)')
    .option('--fail-on <severity>', 'exit 1 when findings of this severity (blocker | warning) are present')
    .option('--baseline <audit.json>', 'exit 1 when a module migrated, built or verified in this earlier audit.json regressed');
}

function readBaselineAudit(file: string): AuditJson {
  try {
    const doc = JSON.parse(readFileSync(file, 'utf8')) as AuditJson;
    if (doc.schemaVersion !== 1 || !Array.isArray(doc.modules)) throw new Error('not a grumpy-audit audit.json (schemaVersion 1)');
    return doc;
  } catch (e) {
    throw new UsageError(`cannot use --baseline ${file}: ${(e as Error).message}`);
  }
}

async function runPipeline(ctx: CliContext, repo: string, opts: PipelineCliOptions, only?: string[]): Promise<number> {
  checkRepoDir(repo);
  if (opts.failOn !== undefined && !FAIL_ON[opts.failOn]) throw new UsageError(`--fail-on must be blocker or warning (got "${opts.failOn}")`);
  let threads: number | undefined;
  if (opts.threads !== undefined) {
    threads = Number(opts.threads);
    if (!Number.isInteger(threads) || threads < 1) throw new UsageError(`--threads must be a positive integer (got "${opts.threads}")`);
  }
  const baseline = opts.baseline !== undefined ? readBaselineAudit(opts.baseline) : undefined;
  const result = await runAudit(repo, {
    out: opts.out, verify: opts.verify, roots: opts.root, include: opts.include, exclude: opts.exclude,
    threads, only, noReport: !opts.report, checkImports: opts.checkImports, events: ctx.events,
  });
  for (const d of result.diagnostics) {
    if (d.severity === 'error' || (d.severity === 'warning' && !ctx.quiet)) ctx.stderr.write(formatDiagnostic(d) + '\n');
  }
  for (const r of result.plan.refused) ctx.stderr.write(`grumpy-audit: cannot migrate ${r.module}: ${r.reason}\n`);
  if (!ctx.quiet) {
    ctx.stdout.write(summaryTables(result.audit, tableStyle(ctx)));
    ctx.stdout.write(migrationTable(result.audit, tableStyle(ctx)));
  }
  ctx.stdout.write(`${result.reportIndex ? `report: ${result.reportIndex}\n` : ''}results: ${result.outDir}/audit.json\n`);

  let status = only && result.plan.refused.length > 0 ? EXIT_FINDINGS : EXIT_OK;
  if (opts.failOn !== undefined) {
    const n = result.audit.findings.filter((f) => FAIL_ON[opts.failOn!]!.includes(f.severity)).length;
    if (n > 0) {
      ctx.stderr.write(`${n} finding(s) at or above --fail-on ${opts.failOn}\n`);
      status = EXIT_FINDINGS;
    }
  }
  if (baseline) {
    const regressed = regressions(baseline, result.audit);
    for (const r of regressed) ctx.stderr.write(`regression: ${r}\n`);
    if (regressed.length > 0) status = EXIT_FINDINGS;
  }
  return status;
}

export const auditCommand: CliCommand = {
  define(program: Command) {
    return pipelineOptions(program
      .command('audit [repo]', { isDefault: true })
      .description('the whole job on REPO (default "."): scan, transpile the ready modules to Go, build, verify, report'));
  },
  async run(ctx: CliContext, args: unknown[]) {
    return runPipeline(ctx, (args[0] as string | undefined) ?? '.', args[1] as PipelineCliOptions);
  },
};

export const migrateCommand: CliCommand = {
  define(program: Command) {
    return pipelineOptions(program
      .command('migrate <repo> <modules...>')
      .description('migrate just these modules (and the internal modules they import); earlier migrations are kept'));
  },
  async run(ctx: CliContext, args: unknown[]) {
    return runPipeline(ctx, args[0] as string, args[2] as PipelineCliOptions, args[1] as string[]);
  },
};
