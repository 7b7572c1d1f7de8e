// The default command: the whole pipeline on a repository.

import type { Command } from 'commander';
import { existsSync, statSync } from 'node:fs';
import Table from 'cli-table3';
import { discover } from '../../discover/index.js';
import { formatDiagnostic } from '../../diagnostics.js';
import { EXIT_OK, UsageError, tableStyle, type CliContext } from '../context.js';
import type { CliCommand } from './types.js';

export function checkRepoDir(repo: string): void {
  if (!existsSync(repo)) throw new UsageError(`no such file or directory: ${repo}`);
  if (!statSync(repo).isDirectory()) throw new UsageError(`not a directory: ${repo} (grumpy-audit scans a repository folder)`);
}

export const auditCommand: CliCommand = {
  define(program: Command) {
    return program
      .command('audit [repo]', { isDefault: true })
      .description('run the whole pipeline on REPO (default ".")')
      .option('--include <glob...>', 'only scan files matching these globs')
      .option('--exclude <glob...>', 'also skip files matching these globs');
  },
  async run(ctx: CliContext, args: unknown[]) {
    const repo = (args[0] as string | undefined) ?? '.';
    const opts = args[1] as { include?: string[]; exclude?: string[] };
    checkRepoDir(repo);
    const found = await discover(repo, { include: opts.include, exclude: opts.exclude, events: ctx.events });
    for (const d of found.diagnostics) if (d.severity !== 'info') ctx.stderr.write(formatDiagnostic(d) + '\n');
    const byKind = new Map<string, number>();
    for (const f of found.files) byKind.set(f.kind, (byKind.get(f.kind) ?? 0) + 1);
    const table = new Table({ head: ['kind', 'files'], style: tableStyle(ctx) });
    for (const [k, n] of [...byKind].sort()) table.push([k, n]);
    ctx.stdout.write(table.toString() + '\n');
    return EXIT_OK;
  },
};
