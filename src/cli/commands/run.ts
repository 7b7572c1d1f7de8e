// `grumpy-audit run FILE.py [ARGS…]` / `run -m MODULE [ARGS…]`: transpile, build (cached), run.
// stdin, stdout, stderr and the exit status pass straight through, like `python2.7 FILE.py`.

import type { Command } from 'commander';
import { writeBuildDiagnostics } from '../build-report.js';
import { spawnSync } from 'node:child_process';
import { prepareBinary } from '../../build/driver.js';
import type { Entry } from '../../transpile/program.js';
import { UsageError, type CliContext } from '../context.js';
import type { CliCommand } from './types.js';

/** Compile errors (blocked features, missing imports, build failures) exit with 1, as python2.7 does for a SyntaxError. */
export const EXIT_COMPILE = 1;

export function entryFrom(target: string | undefined, args: string[], module: string | undefined): { entry: Entry; argv: string[] } {
  if (module) return { entry: { kind: 'module', name: module }, argv: target === undefined ? args : [target, ...args] };
  if (!target) throw new UsageError('run: give a script (FILE.py) or -m MODULE');
  return { entry: { kind: 'script', path: target }, argv: args };
}

/** Repeatable option values (not variadic, so program arguments after it are not swallowed). */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export const runCommand: CliCommand = {
  define(program: Command) {
    program.enablePositionalOptions();
    return program
      .command('run [target] [args...]')
      .description('transpile FILE.py and everything it imports to Go, build (cached) and run it like python2.7')
      .option('-m, --module <name>', 'run a module (like python2.7 -m)')
      .option('--path <dir>', 'extra directory to import modules from, after the script\'s (repeatable)', collect, [])
      .passThroughOptions();
  },
  async run(ctx: CliContext, args: unknown[]) {
    const opts = args[2] as { module?: string; path?: string[] };
    const { entry, argv } = entryFrom(args[0] as string | undefined, (args[1] as string[] | undefined) ?? [], opts.module);
    const built = await prepareBinary(entry, opts.path ?? []);
    // Once it builds, the program's own stderr must be all there is, byte for byte as under
    // python2.7: compile warnings show only when the build fails (and always with `build`).
    if (!built.binary) {
      writeBuildDiagnostics(ctx, built.diagnostics);
      return EXIT_COMPILE;
    }
    const r = spawnSync(built.binary, argv, { stdio: 'inherit' });
    if (r.error) throw r.error;
    if (r.signal) process.kill(process.pid, r.signal);
    return r.status ?? 1;
  },
};
