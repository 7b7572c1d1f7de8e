// Which invocations verification runs: the commands listed in grumpy-audit.json, else every
// migrated module with an `if __name__ == '__main__':` block, run without arguments.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AuditJson } from '../contract.js';
import type { RepoConfig } from '../config.js';
import type { Invocation } from '../verify/differential.js';
import { sourceRootOf } from './transpile-step.js';

const MAIN_GUARD = /^if\s+__name__\s*==\s*(['"])__main__\1\s*:/m;

export interface PlannedInvocation extends Invocation {
  /** Set when the entry point cannot run under the Go build (not migrated, unknown). */
  skip?: string;
}

export function entryInvocations(audit: Readonly<AuditJson>, config: RepoConfig, migrated: ReadonlySet<string>): PlannedInvocation[] {
  const byName = new Map(audit.modules.map((m) => [m.name, m]));
  const byPath = new Map(audit.modules.map((m) => [m.path, m]));
  const roots = [...new Set(audit.modules.map((m) => sourceRootOf(m.name, m.path)))].map((r) => path.resolve(audit.root, r));
  const make = (name: string, args: string[], stdin?: string): PlannedInvocation => {
    const m = byName.get(name);
    if (!m) return { module: name, moduleFile: '', args, stdin, cwd: audit.root, path: [], skip: `no module ${name} in the repository` };
    const cwd = path.resolve(audit.root, sourceRootOf(m.name, m.path));
    const inv: PlannedInvocation = { module: name, moduleFile: path.resolve(audit.root, m.path), args, stdin, cwd, path: roots.filter((r) => r !== cwd) };
    if (!migrated.has(name)) inv.skip = `${name} was not migrated (${m.verdict})`;
    return inv;
  };
  if (config.entryPoints.length > 0) {
    return config.entryPoints.map((e) => {
      if (e.module) return make(e.module, e.args ?? [], e.stdin);
      const m = byPath.get(e.script!);
      return m ? make(m.name, e.args ?? [], e.stdin)
        : { module: e.script!, moduleFile: '', args: e.args ?? [], cwd: audit.root, path: [], skip: `script ${e.script} is not a module of the repository` };
    });
  }
  const out: PlannedInvocation[] = [];
  for (const m of audit.modules) {
    if (!migrated.has(m.name)) continue;
    let text: string;
    try {
      text = readFileSync(path.resolve(audit.root, m.path), 'latin1');
    } catch {
      continue;
    }
    if (MAIN_GUARD.test(text)) out.push(make(m.name, []));
  }
  return out;
}
