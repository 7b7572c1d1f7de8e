// How `run` and `build` show the transpiler's diagnostics. Warnings about modules of CPython's own
// Lib (optional imports of bz2, _winreg, msvcrt…) are nothing a user can act on and would bury the
// ones about their code: those are counted, not listed. Errors are always listed.

import path from 'node:path';
import { formatDiagnostic, type Diagnostic } from '../diagnostics.js';
import { stdlibLibDir } from '../python2.js';
import type { CliContext } from './context.js';

export function writeBuildDiagnostics(ctx: CliContext, diagnostics: Diagnostic[]): void {
  const lib = stdlibLibDir();
  const inLib = (file: string) => lib !== undefined && path.isAbsolute(file) && !path.relative(lib, file).startsWith('..');
  let hidden = 0;
  for (const d of diagnostics) {
    if (d.severity === 'info') continue;
    if (d.severity === 'warning' && inLib(d.file)) {
      hidden++;
      continue;
    }
    ctx.stderr.write(formatDiagnostic(d) + '\n');
  }
  if (hidden > 0 && !ctx.quiet) {
    ctx.stderr.write(`grumpy-audit: ${hidden} warning${hidden === 1 ? '' : 's'} about modules of the CPython 2.7 Lib (${lib}) not shown\n`);
  }
}
