// The command table. Each command lives in its own file; add it here to wire it up.
import type { CliCommand } from './types.js';
import { auditCommand, migrateCommand } from './audit.js';
import { reportCommand } from './report.js';
import { scanCommand } from './scan.js';
import { explainCommand } from './explain.js';
import { runCommand } from './run.js';
import { buildCommand } from './build.js';
import { dumpAstCommand } from './dump-ast.js';

export const commands: CliCommand[] = [
  auditCommand,
  migrateCommand,
  reportCommand,
  scanCommand,
  explainCommand,
  runCommand,
  buildCommand,
  dumpAstCommand,
];
