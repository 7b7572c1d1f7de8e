// `grumpy-audit report REPO [--out DIR] [--from-json audit.json]`: analyses REPO (or reads a saved
// audit.json), appends this run to the history and writes the HTML report. The renderer does not
// care where the AuditJson came from.

import type { Command } from 'commander';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeRepository } from '../../analyze/index.js';
import { RulePackError } from '../../analyze/rules/schema.js';
import { SCHEMA_VERSION, type AuditJson } from '../../contract.js';
import { formatDiagnostic } from '../../diagnostics.js';
import { withMigrationStatus } from '../../pipeline/status.js';
import { reportRun } from '../../report/run.js';
import { loadManifest } from '../../state/manifest.js';
import { toolVersion } from '../../version.js';
import { repoSources } from '../../report/sources.js';
import { EXIT_OK, EXIT_USAGE, UsageError, type CliContext } from '../context.js';
import { checkRepoDir } from './audit.js';
import type { CliCommand } from './types.js';

interface ReportOptions { out?: string; fromJson?: string; include?: string[]; exclude?: string[] }

function readAudit(file: string): AuditJson {
  if (!existsSync(file)) throw new UsageError(`no such file: ${file}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`${file} is not JSON: ${(e as Error).message}`);
  }
  const a = parsed as Partial<AuditJson> | null;
  if (!a || typeof a !== 'object' || a.schemaVersion !== SCHEMA_VERSION || !Array.isArray(a.modules) || !Array.isArray(a.findings)) {
    throw new UsageError(`${file} is not a grumpy-audit audit.json (schemaVersion ${SCHEMA_VERSION})`);
  }
  return { cycles: [], waves: [], ...a } as AuditJson;
}

export const reportCommand: CliCommand = {
  define(program: Command) {
    return program
      .command('report [repo]')
      .description('write the HTML migration report for REPO (default ".") to OUT/report/')
      .option('--out <dir>', 'output folder (default REPO/.grumpy-audit)')
      .option('--from-json <file>', 'render this audit.json (from `scan --format json`) instead of analysing REPO')
      .option('--include <glob...>', 'only scan files matching these globs')
      .option('--exclude <glob...>', 'also skip files matching these globs');
  },
  async run(ctx: CliContext, args: unknown[]) {
    const repo = (args[0] as string | undefined) ?? '.';
    const opts = args[1] as ReportOptions;
    checkRepoDir(repo);
    const outDir = path.resolve(opts.out ?? path.join(repo, '.grumpy-audit'));
    let audit: AuditJson;
    if (opts.fromJson) {
      audit = readAudit(opts.fromJson);
    } else {
      try {
        const analysis = await analyzeRepository(repo, {
          include: opts.include, exclude: opts.exclude, events: ctx.events, cacheDir: path.join(outDir, 'cache'),
        });
        for (const d of analysis.diagnostics) {
          if (d.severity === 'error' || (d.severity === 'warning' && !ctx.quiet)) ctx.stderr.write(formatDiagnostic(d) + '\n');
        }
        // Migration status (and drift since migration) comes from the manifest the pipeline keeps.
        const { manifest, diagnostics } = loadManifest(path.join(outDir, 'state'), toolVersion);
        for (const d of diagnostics) ctx.stderr.write(formatDiagnostic(d) + '\n');
        audit = withMigrationStatus(analysis.audit, manifest);
      } catch (e) {
        if (e instanceof RulePackError) {
          ctx.stderr.write(`grumpy-audit: invalid rule pack: ${e.message}\n`);
          return EXIT_USAGE;
        }
        throw e;
      }
    }
    const result = await reportRun({ audit, sources: repoSources(repo), outDir });
    for (const d of result.diagnostics) ctx.stderr.write(formatDiagnostic(d) + '\n');
    if (!ctx.quiet) {
      ctx.stdout.write(`report: ${result.index} (${result.written} of ${result.files.length} files written in ${Math.round(result.ms)} ms)\n`);
    }
    return EXIT_OK;
  },
};
