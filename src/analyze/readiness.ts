// Stage: readiness. Verdicts per module, propagated through internal imports (lazy and optional
// ones included: they still run under Go), the shortest chain explaining each blocked-by-dependency
// verdict, and blocker impact: what fixing one blocker alone would free.

import type { BlockerImpact, Finding, Verdict } from '../contract.js';
import type { ModuleGraph } from './graph.js';

export interface ModuleStatus {
  name: string;
  lines: number;
  error: boolean;
  /** Blocker findings in the module's own file. */
  blockers: Finding[];
}

export interface Readiness {
  verdicts: Map<string, Verdict>;
  /** Root causes: modules blocked (or in error) on their own that this module depends on. */
  blockedBy: Map<string, string[]>;
  chains: Map<string, string[]>;
  impact: BlockerImpact[];
}

export function assessReadiness(graph: ModuleGraph, statuses: ModuleStatus[]): Readiness {
  const byName = new Map(statuses.map((s) => [s.name, s]));
  const own = new Set(statuses.filter((s) => s.error || s.blockers.length > 0).map((s) => s.name));

  // Root-cause sets over the condensation; Tarjan order puts dependencies first.
  const causesOfScc: Set<string>[] = [];
  graph.sccs.forEach((members, i) => {
    const causes = new Set<string>();
    for (const m of members) {
      if (own.has(m)) causes.add(m);
      for (const d of graph.deps.get(m)!) {
        const j = graph.sccOf.get(d)!;
        if (j !== i) for (const c of causesOfScc[j]!) causes.add(c);
      }
    }
    causesOfScc[i] = causes;
  });

  const verdicts = new Map<string, Verdict>();
  const blockedBy = new Map<string, string[]>();
  for (const s of statuses) {
    const causes = causesOfScc[graph.sccOf.get(s.name)!]!;
    const verdict: Verdict = s.error ? 'error' : s.blockers.length > 0 ? 'blocked' : causes.size > 0 ? 'blocked-by-dependency' : 'ready';
    verdicts.set(s.name, verdict);
    blockedBy.set(s.name, [...causes].filter((c) => c !== s.name).sort());
  }

  const chains = shortestChains(graph, own, verdicts);

  // A cause frees exactly the modules whose only root cause it is.
  const freed = new Map<string, { modules: number; lines: number }>();
  for (const s of statuses) {
    const causes = causesOfScc[graph.sccOf.get(s.name)!]!;
    if (causes.size !== 1) continue;
    const [c] = causes as Set<string> & Iterable<string>;
    const f = freed.get(c!) ?? { modules: 0, lines: 0 };
    f.modules++;
    f.lines += s.lines;
    freed.set(c!, f);
  }
  const impact: BlockerImpact[] = [];
  for (const c of own) {
    const f = freed.get(c) ?? { modules: 0, lines: 0 };
    impact.push({ target: c, kind: 'module', modulesFreed: f.modules, linesFreed: f.lines });
    const s = byName.get(c)!;
    // A single finding frees the same as its module only when it is the module's only blocker.
    if (!s.error && s.blockers.length === 1) {
      const b = s.blockers[0]!;
      impact.push({ target: `${b.ruleId}@${b.file}:${b.line}`, kind: 'finding', modulesFreed: f.modules, linesFreed: f.lines });
    }
  }
  impact.sort((a, b) => b.modulesFreed - a.modulesFreed || b.linesFreed - a.linesFreed || a.kind.localeCompare(b.kind) || a.target.localeCompare(b.target));
  return { verdicts, blockedBy, chains, impact };
}

/** For each blocked-by-dependency module, the shortest import chain to a module blocked on its own. */
function shortestChains(graph: ModuleGraph, own: Set<string>, verdicts: Map<string, Verdict>): Map<string, string[]> {
  // One multi-source BFS over reversed edges: next[m] is m's first step toward the nearest cause.
  const next = new Map<string, string | null>();
  const queue: string[] = [...own].sort();
  for (const c of queue) next.set(c, null);
  for (let i = 0; i < queue.length; i++) {
    const n = queue[i]!;
    for (const importer of graph.importedBy.get(n) ?? []) {
      if (next.has(importer)) continue;
      next.set(importer, n);
      queue.push(importer);
    }
  }
  const chains = new Map<string, string[]>();
  for (const [m, v] of verdicts) {
    if (v !== 'blocked-by-dependency') continue;
    const chain = [m];
    for (let x = next.get(m); x; x = next.get(x)) chain.push(x);
    chains.set(m, chain);
  }
  return chains;
}
