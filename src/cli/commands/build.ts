// `grumpy-audit build FILE.py -o BIN` / `build -m MODULE -o BIN`: a standalone executable
// (a static Go binary: no Node, no python2.7 and no source tree needed to run it).

import type { Command } from 'commander';
import { writeBuildDiagnostics } from '../build-report.js';
import { prepareBinary } from '../../build/driver.js';
import { installBinary } from '../../build/index.js';
import { UsageError, type CliContext } from '../context.js';
import type { CliCommand } from './types.js';
import { EXIT_COMPILE, collect, entryFrom } from './run.js';

export const buildCommand: CliCommand = {
  define(program: Command) {
    return program
      .command('build [target]')
      .description('transpile FILE.py (or -m MODULE) and its imports to Go and write a standalone executable')
      .requiredOption('-o, --output <bin>', 'where to write the executable')
      .option('-m, --module <name>', 'build a module as the entry point (like python2.7 -m)')
      .option('--path <dir>', 'extra directory to import modules from (repeatable)', collect, [])
      .option('--vet', 'also run go vet on the generated code');
  },
  async run(ctx: CliContext, args: unknown[]) {
    const opts = args[1] as { output: string; module?: string; path?: string[]; vet?: boolean };
    if (args[0] && opts.module) throw new UsageError('build: give either FILE.py or -m MODULE, not both');
    const { entry } = entryFrom(args[0] as string | undefined, [], opts.module);
    const built = await prepareBinary(entry, opts.path ?? [], { vet: opts.vet });
    writeBuildDiagnostics(ctx, built.diagnostics);
    if (!built.binary || built.diagnostics.some((d) => d.severity === 'error')) return EXIT_COMPILE;
    installBinary(built.binary, opts.output);
    if (!ctx.quiet) ctx.stderr.write(`wrote ${opts.output}\n`);
    return 0;
  },
};
