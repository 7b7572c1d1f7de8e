// `grumpy-audit dump-ast FILE.py [--attributes]`: the typed AST exactly as CPython 2.7's
// ast.dump(ast.parse(source)) prints it. Exit 0 with the dump on stdout; exit 1 when the file
// does not parse (the error on stderr as file:line:col, with CPython's message — as python2.7
// exits 1 on a SyntaxError); exit 2 when the file cannot be read.

import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { diag, formatDiagnostic } from '../../diagnostics.js';
import { parseSourceBytes } from '../../ast/source.js';
import { dump } from '../../ast/dump.js';
import { EXIT_OK, UsageError, type CliContext } from '../context.js';
import type { CliCommand } from './types.js';

export const EXIT_SYNTAX = 1;

export const dumpAstCommand: CliCommand = {
  define(program: Command) {
    return program
      .command('dump-ast <file>')
      .description('print the Python 2.7 AST of FILE exactly as CPython 2.7 ast.dump() does')
      .option('--attributes', 'include lineno and col_offset, like ast.dump(..., include_attributes=True)')
      .addHelpText('after', '\nExit status: 0 on success, 1 when FILE has a syntax or encoding error\n(reported on stderr as file:line:col with CPython\'s message), 2 when FILE cannot be read.');
  },
  async run(ctx: CliContext, args: unknown[]) {
    const file = args[0] as string;
    const opts = args[1] as { attributes?: boolean };
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (e) {
      throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    const r = parseSourceBytes(bytes);
    if (r.warning) {
      ctx.stderr.write(formatDiagnostic(diag(r.warning.id, 'warning', file, r.warning.message, r.warning.line)) + '\n');
    }
    if (r.decodeError) {
      ctx.stderr.write(formatDiagnostic(diag(r.decodeError.id, 'error', file, r.decodeError.message, r.decodeError.line)) + '\n');
      return EXIT_SYNTAX;
    }
    if (r.error || !r.ast) {
      const e = r.error!;
      const message = e.kind === 'SyntaxError' ? e.message : `${e.kind}: ${e.message}`;
      ctx.stderr.write(formatDiagnostic(diag('syntax-error', 'error', file, message, e.lineno, e.col)) + '\n');
      return EXIT_SYNTAX;
    }
    ctx.stdout.write(dump(r.ast, { includeAttributes: Boolean(opts.attributes) }) + '\n');
    return EXIT_OK;
  },
};
