// `grumpy-audit scan REPO`: analysis only. JSON (the design.md contract) to stdout unless --output;
// --fail-on gates CI, --baseline turns that into a ratchet.

import type { Command } from 'commander';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeRepository } from '../../analyze/index.js';
import { baselineFindings, newFindings } from '../../analyze/output/baseline.js';
import { toSarif } from '../../analyze/output/sarif.js';
import { summaryTables } from '../../analyze/output/table.js';
import { RulePackError } from '../../analyze/rules/schema.js';
import type { FindingSeverity } from '../../contract.js';
import { formatDiagnostic } from '../../diagnostics.js';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, tableStyle, type CliContext } from '../context.js';
import { checkRepoDir } from './audit.js';
import type { CliCommand } from './types.js';

interface ScanOptions {
  format: string;
  output?: string;
  failOn?: string;
  baseline?: string;
  root?: string[];
  include?: string[];
  exclude?: string[];
  cacheDir?: string;
  cache: boolean;
  threads?: string;
}

const FORMATS = ['table', 'json', 'sarif'];
const FAIL_ON: Record<string, FindingSeverity[]> = { blocker: ['blocker'], warning: ['blocker', 'warning'] };

export const scanCommand: CliCommand = {
  define(program: Command) {
    return program
      .command('scan <repo>')
      .description('analyse REPO: import graph, blockers, verdicts and migration waves (no transpiling)')
      .option('-f, --format <format>', 'table | json | sarif', 'json')
      .option('-o, --output <file>', 'write the result to FILE (a summary table still goes to stdout)')
      .option('--fail-on <severity>', 'exit 1 when findings of this severity (blocker | warning) are present')
      .option('--baseline <file>', 'with --fail-on, ignore findings already in this earlier `scan --format json` output')
      .option('--root <dir...>', 'source roots relative to REPO (default: found automatically)')
      .option('--include <glob...>', 'only scan files matching these globs')
      .option('--exclude <glob...>', 'also skip files matching these globs')
      .option('--cache-dir <dir>', 'incremental cache folder (default REPO/.grumpy-audit/cache)')
      .option('--no-cache', 'neither read nor write the cache')
      .option('--threads <n>', 'parse worker threads (default: CPU count)');
  },
  async run(ctx: CliContext, args: unknown[]) {
    const repo = args[0] as string;
    const opts = args[1] as ScanOptions;
    if (!FORMATS.includes(opts.format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got "${opts.format}")`);
    if (opts.failOn !== undefined && !FAIL_ON[opts.failOn]) throw new UsageError(`--fail-on must be blocker or warning (got "${opts.failOn}")`);
    let threads: number | undefined;
    if (opts.threads !== undefined) {
      threads = Number(opts.threads);
      if (!Number.isInteger(threads) || threads < 1) throw new UsageError(`--threads must be a positive integer (got "${opts.threads}")`);
    }
    checkRepoDir(repo);
    const baseline = opts.baseline !== undefined ? readBaseline(opts.baseline) : undefined;

    let analysis;
    try {
      analysis = await analyzeRepository(repo, {
        roots: opts.root, include: opts.include, exclude: opts.exclude, threads, events: ctx.events,
        cacheDir: opts.cache === false ? false : opts.cacheDir !== undefined ? path.resolve(opts.cacheDir) : undefined,
      });
    } catch (e) {
      if (e instanceof RulePackError) {
        ctx.stderr.write(`grumpy-audit: invalid rule pack: ${e.message}\n`);
        return EXIT_USAGE;
      }
      throw e;
    }
    const { audit, diagnostics } = analysis;
    for (const d of diagnostics) {
      if (d.severity === 'error' || (d.severity === 'warning' && !ctx.quiet)) ctx.stderr.write(formatDiagnostic(d) + '\n');
    }

    const body = opts.format === 'json' ? JSON.stringify(audit, null, 2) + '\n'
      : opts.format === 'sarif' ? JSON.stringify(toSarif(audit), null, 2) + '\n'
        : summaryTables(audit, tableStyle(ctx));
    if (opts.output !== undefined) {
      try {
        writeFileSync(opts.output, body);
      } catch (e) {
        throw new UsageError(`cannot write ${opts.output}: ${(e as Error).message}`);
      }
      if (!ctx.quiet && opts.format !== 'table') ctx.stdout.write(summaryTables(audit, tableStyle(ctx)));
    } else {
      ctx.stdout.write(body);
    }

    if (opts.failOn === undefined) return EXIT_OK;
    const gating = audit.findings.filter((f) => FAIL_ON[opts.failOn!]!.includes(f.severity));
    const failing = baseline ? newFindings(gating, baseline) : gating;
    if (failing.length === 0) return EXIT_OK;
    if (!ctx.quiet) {
      ctx.stderr.write(`${failing.length} ${baseline ? 'new ' : ''}finding(s) at or above --fail-on ${opts.failOn}\n`);
    }
    return EXIT_FINDINGS;
  },
};

function readBaseline(file: string): ReturnType<typeof baselineFindings> & object {
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`cannot read baseline ${file}: ${(e as Error).message}`);
  }
  const findings = baselineFindings(doc);
  if (!findings) throw new UsageError(`baseline ${file}: expected a \`scan --format json\` document (with "findings") or a list of findings`);
  return findings;
}
