// Indexes and derived facts over one AuditJson, computed once and shared by every view builder.
// Nothing here changes the audit; fields the contract leaves optional are derived when absent.

import type { AuditJson, BlockerImpact, Finding, ModuleRecord, RuleMeta, Verdict } from '../contract.js';

export const VERDICTS: readonly Verdict[] = ['ready', 'blocked', 'blocked-by-dependency', 'error'];

export interface AuditFacts {
  readonly audit: Readonly<AuditJson>;
  readonly modules: readonly ModuleRecord[];
  readonly byName: ReadonlyMap<string, ModuleRecord>;
  readonly findingsByModule: ReadonlyMap<string, Finding[]>;
  readonly findingsByFile: ReadonlyMap<string, Finding[]>;
  readonly findingsByRule: ReadonlyMap<string, Finding[]>;
  readonly rules: ReadonlyMap<string, RuleMeta>;
  readonly importedBy: ReadonlyMap<string, string[]>;
  readonly waveOf: ReadonlyMap<string, number>;
  readonly blockerImpact: readonly BlockerImpact[];
  readonly blockerImpactDerived: boolean;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The package a module belongs to: `a.b.c` → `a.b`; a package's own name for its __init__. */
export function packageOf(m: Pick<ModuleRecord, 'name' | 'isPackage'>): string {
  if (m.isPackage) return m.name;
  const dot = m.name.lastIndexOf('.');
  return dot < 0 ? '' : m.name.slice(0, dot);
}

export function topPackageOf(name: string): string {
  const dot = name.indexOf('.');
  return dot < 0 ? name : name.slice(0, dot);
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

/**
 * When the analyzer gave no blockerImpact: for each module blocked on its own, the modules that
 * would become ready if it alone were fixed, i.e. those whose only root blockers it is.
 */
function deriveBlockerImpact(modules: readonly ModuleRecord[], byName: ReadonlyMap<string, ModuleRecord>): BlockerImpact[] {
  const roots = new Map<string, Set<string>>();
  const visiting = new Set<string>();
  const rootsOf = (m: ModuleRecord): Set<string> => {
    const known = roots.get(m.name);
    if (known) return known;
    const out = new Set<string>();
    if (m.verdict === 'blocked' || m.verdict === 'error') out.add(m.name);
    if (visiting.has(m.name)) return out; // an import cycle: the other members add their roots
    visiting.add(m.name);
    for (const dep of m.blockedBy) {
      const d = byName.get(dep);
      if (d) for (const r of rootsOf(d)) out.add(r);
    }
    visiting.delete(m.name);
    roots.set(m.name, out);
    return out;
  };
  const freed = new Map<string, { modules: number; lines: number }>();
  for (const m of modules) {
    if (m.verdict === 'ready') continue;
    const r = rootsOf(m);
    if (r.size !== 1) continue;
    const root = r.values().next().value as string;
    const f = freed.get(root) ?? { modules: 0, lines: 0 };
    f.modules += 1;
    f.lines += m.lines;
    freed.set(root, f);
  }
  return [...freed].map(([target, f]) => ({ target, kind: 'module' as const, modulesFreed: f.modules, linesFreed: f.lines }));
}

export function auditFacts(audit: Readonly<AuditJson>): AuditFacts {
  const modules = [...audit.modules].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const byName = new Map(modules.map((m) => [m.name, m] as const));
  const findingsByModule = new Map<string, Finding[]>();
  const findingsByFile = new Map<string, Finding[]>();
  const findingsByRule = new Map<string, Finding[]>();
  for (const f of [...audit.findings].sort(compareFindings)) {
    if (f.module !== undefined) push(findingsByModule, f.module, f);
    push(findingsByFile, f.file, f);
    push(findingsByRule, f.ruleId, f);
  }
  const importedBy = new Map<string, string[]>();
  for (const m of modules) {
    if (m.importedBy) importedBy.set(m.name, [...m.importedBy].sort());
  }
  // Derive reverse imports only for modules the analyzer left without them.
  if (modules.some((m) => !m.importedBy)) {
    const derived = new Map<string, Set<string>>();
    for (const m of modules) {
      for (const e of m.imports) {
        if (e.kind !== 'internal' || e.module === m.name) continue;
        const set = derived.get(e.module) ?? new Set<string>();
        set.add(m.name);
        derived.set(e.module, set);
      }
    }
    for (const m of modules) if (!m.importedBy) importedBy.set(m.name, [...(derived.get(m.name) ?? [])].sort());
  }
  const waveOf = new Map<string, number>();
  audit.waves.forEach((wave, i) => { for (const name of wave) waveOf.set(name, i + 1); });
  const rules = new Map((audit.rules ?? []).map((r) => [r.id, r] as const));
  const given = audit.blockerImpact;
  const impact = given ?? deriveBlockerImpact(modules, byName);
  const blockerImpact = [...impact].sort((a, b) => b.modulesFreed - a.modulesFreed || b.linesFreed - a.linesFreed ||
    (a.target < b.target ? -1 : a.target > b.target ? 1 : 0));
  return {
    audit, modules, byName, findingsByModule, findingsByFile, findingsByRule, rules, importedBy, waveOf,
    blockerImpact, blockerImpactDerived: given === undefined,
  };
}

/** The blocking chain starting at the module itself, whether or not the analyzer included it. */
export function chainOf(m: ModuleRecord): string[] | null {
  if (!m.blockChain || m.blockChain.length === 0) return null;
  return m.blockChain[0] === m.name ? [...m.blockChain] : [m.name, ...m.blockChain];
}
