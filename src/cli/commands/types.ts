import type { Command } from 'commander';
import type { CliContext } from '../context.js';

/**
 * One CLI command: `define` declares its arguments and options on the program; `run` receives
 * commander's action arguments (operands…, options, command) and returns the exit status.
 */
export interface CliCommand {
  define(program: Command): Command;
  run(ctx: CliContext, args: unknown[]): Promise<number>;
}
