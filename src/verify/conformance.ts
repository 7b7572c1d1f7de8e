// The conformance corpus layout, shared by the golden generator and the conformance test.
// A program is either `NAME.py` or a directory `NAME/` holding `main.py` (a multi-module program);
// its goldens sit beside it as `NAME.out`, `NAME.err`, `NAME.rc`. Each program runs with its own
// directory as cwd and its script given by relative name, so tracebacks say `File "NAME.py"`.

import { readdirSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';

export interface ConformanceProgram {
  name: string;
  /** Directory to run in. */
  cwd: string;
  /** Script path relative to cwd, exactly as passed to the interpreter. */
  script: string;
  /** Golden file stem: `${stem}.out` etc. */
  goldenStem: string;
}

export function listConformancePrograms(root: string): ConformanceProgram[] {
  const out: ConformanceProgram[] = [];
  for (const entry of readdirSync(root).sort()) {
    const full = path.join(root, entry);
    if (entry.endsWith('.py') && statSync(full).isFile()) {
      const name = entry.slice(0, -3);
      out.push({ name, cwd: root, script: entry, goldenStem: path.join(root, name) });
    } else if (statSync(full).isDirectory() && existsSync(path.join(full, 'main.py'))) {
      out.push({ name: entry, cwd: full, script: 'main.py', goldenStem: path.join(root, entry) });
    }
  }
  return out;
}
