// The CLI entry: builds the commander program from the command table and maps outcomes to exit codes.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { toolVersion } from '../version.js';
import { commands } from './commands/index.js';
import { EXIT_USAGE, UsageError, makeContext } from './context.js';

export async function main(argv: string[]): Promise<number> {
  const program = new Command('grumpy-audit')
    .description('Audit a Python 2.7 repository for migration to Go: import graph, blockers, migration waves;\n' +
      'then transpile the ready modules to Go, build, verify against CPython 2.7 and write an HTML report.')
    .version(toolVersion, '-V, --version')
    .option('-q, --quiet', 'print only errors and the final result')
    .option('--python-lib <dir>', 'the CPython 2.7 Lib to transpile the pure-Python stdlib from (default: the Lib of the python2.7 found)')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();

  let status = 0;
  for (const cmd of commands) {
    const sub = cmd.define(program);
    // --quiet is accepted after the command too (`grumpy-audit REPO --quiet`), as users type it.
    if (!sub.options.some((o) => o.long === '--quiet')) sub.option('-q, --quiet', 'print only errors and the final result');
    sub.exitOverride();
    sub.action(async (...args: unknown[]) => {
      const lib = program.opts().pythonLib as string | undefined;
      if (lib !== undefined) {
        if (!existsSync(path.join(lib, 'os.py'))) throw new UsageError(`--python-lib ${lib}: not a CPython 2.7 Lib (no os.py there)`);
        process.env.GRUMPY_PYTHON_LIB = path.resolve(lib);
      }
      const ctx = makeContext({ quiet: Boolean(program.opts().quiet) || Boolean(sub.opts().quiet) });
      status = await cmd.run(ctx, args);
    });
  }

  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version "exit" with code 0 through commander.
      return e.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    if (e instanceof UsageError) {
      process.stderr.write(`grumpy-audit: ${e.message}\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
  return status;
}
