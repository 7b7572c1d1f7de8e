// Which invocations verification runs: the commands listed in grumpy-audit.json, plus (unless
// "discoverEntryPoints" is false) the entry points a repository has by convention: every migrated
// module with an `if __name__ == '__main__':` block, run without arguments; every migrated unittest
// module, run as `python2.7 -m unittest MODULE`; and per source root holding test modules,
// `python2.7 -m unittest discover`.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AuditJson, ModuleRecord } from '../contract.js';
import type { RepoConfig } from '../config.js';
import type { Invocation } from '../verify/differential.js';
import { sourceRootOf } from './transpile-step.js';

/** The stdlib module `python2.7 -m unittest` runs; the Go build must include it. */
export const UNITTEST_MAIN = 'unittest.__main__';

export interface PlannedInvocation extends Invocation {
  /** Set when the entry point cannot run under the Go build (not migrated, unknown). */
  skip?: string;
}

const TEST_CASE_CLASS = /^[ \t]*class[ \t]+\w+[ \t]*\([^)]*\bTestCase\b/m;
// unittest's discovery: files matching its default pattern whose names are importable.
const DISCOVERED_FILE = /^test\w*\.py$/;
const IDENTIFIER = /^[A-Za-z_]\w*$/;

/** A module defining unittest test cases (imports unittest, has a TestCase subclass). */
export function isTestModule(m: Readonly<ModuleRecord>, source: string): boolean {
  return m.imports.some((e) => e.module === 'unittest' || e.module.startsWith('unittest.')) && TEST_CASE_CLASS.test(source);
}

/** Planned test modules among `names`, read from disk (unreadable files are not test modules). */
export function testModules(audit: Readonly<AuditJson>, names: Iterable<string>): string[] {
  const byName = new Map(audit.modules.map((m) => [m.name, m]));
  const out: string[] = [];
  for (const name of names) {
    const m = byName.get(name);
    if (m && isTestModule(m, readSource(audit.root, m.path))) out.push(name);
  }
  return out.sort();
}

function readSource(root: string, file: string): string {
  try {
    return readFileSync(path.resolve(root, file), 'latin1');
  } catch {
    return '';
  }
}

export function entryInvocations(audit: Readonly<AuditJson>, config: RepoConfig, migrated: ReadonlySet<string>, python2Lib?: string): PlannedInvocation[] {
  const byName = new Map(audit.modules.map((m) => [m.name, m]));
  const byPath = new Map(audit.modules.map((m) => [m.path, m]));
  const rootOf = (m: Readonly<ModuleRecord>) => path.resolve(audit.root, sourceRootOf(m.name, m.path));
  const roots = [...new Set(audit.modules.map(rootOf))];
  const make = (name: string, args: string[], stdin?: string): PlannedInvocation => {
    const m = byName.get(name);
    if (!m) return { module: name, moduleFile: '', args, stdin, cwd: audit.root, path: [], skip: `no module ${name} in the repository` };
    const cwd = rootOf(m);
    const inv: PlannedInvocation = { module: name, moduleFile: path.resolve(audit.root, m.path), args, stdin, cwd, path: roots.filter((r) => r !== cwd) };
    if (!migrated.has(name)) inv.skip = `${name} was not migrated (${m.verdict})`;
    return inv;
  };
  // `python2.7 -m unittest ARGS` from a source root; `covers` are the test modules it loads.
  const unittest = (cwd: string, args: string[], covers: string[], notMigrated: string[]): PlannedInvocation => {
    const inv: PlannedInvocation = {
      module: 'unittest', moduleFile: python2Lib ? path.join(python2Lib, 'unittest', '__main__.py') : '', args, cwd,
      path: roots.filter((r) => r !== cwd), covers,
    };
    if (notMigrated.length > 0) inv.skip = `unittest ${args.join(' ')}: ${notMigrated.join(', ')} not migrated`;
    else if (!migrated.has(UNITTEST_MAIN)) inv.skip = `unittest ${args.join(' ')}: ${UNITTEST_MAIN} is not in the Go build`;
    return inv;
  };

  const out: PlannedInvocation[] = config.entryPoints.map((e) => {
    if (e.module) return make(e.module, e.args ?? [], e.stdin);
    const m = byPath.get(e.script!);
    return m ? make(m.name, e.args ?? [], e.stdin)
      : { module: e.script!, moduleFile: '', args: e.args ?? [], cwd: audit.root, path: [], skip: `script ${e.script} is not a module of the repository` };
  });
  if (!config.discoverEntryPoints) return out;

  const seen = new Set(out.map((i) => key(i)));
  const add = (inv: PlannedInvocation) => {
    if (seen.has(key(inv))) return;
    seen.add(key(inv));
    out.push(inv);
  };
  for (const m of audit.modules) {
    if (m.entryPoint && migrated.has(m.name)) add(make(m.name, []));
  }
  const tests = testModules(audit, audit.modules.map((m) => m.name));
  for (const name of tests) {
    if (!migrated.has(name)) continue;
    const m = byName.get(name)!;
    add(unittest(rootOf(m), [name], [name], []));
  }
  // Discovery imports every test*.py file in the root's package tree, migrated or not.
  const byRoot = new Map<string, ModuleRecord[]>();
  for (const m of audit.modules) {
    if (m.isPackage || !DISCOVERED_FILE.test(path.posix.basename(m.path)) || !m.name.split('.').every((s) => IDENTIFIER.test(s))) continue;
    const r = rootOf(m);
    byRoot.set(r, [...(byRoot.get(r) ?? []), m]);
  }
  for (const [root, mods] of [...byRoot].sort(([a], [b]) => a.localeCompare(b))) {
    if (!mods.some((m) => tests.includes(m.name))) continue;
    const names = mods.map((m) => m.name).sort();
    add(unittest(root, ['discover'], names, names.filter((n) => !migrated.has(n))));
  }
  return out;
}

function key(inv: Readonly<Invocation>): string {
  return JSON.stringify([inv.cwd, inv.module, inv.args, inv.stdin ?? null]);
}
