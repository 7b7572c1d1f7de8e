// Stage: graph. Works on internal edges only: strongly connected components (Tarjan, iterative so
// deep chains cannot overflow the stack), a suggested set of edges to cut per cycle, reverse
// dependencies, and migration waves (leaves first; a cycle is one unit).

export interface GraphEdge {
  from: string;
  to: string;
  lazy: boolean;
  conditional: boolean;
  optional: boolean;
}

export interface ModuleGraph {
  nodes: string[];
  /** Outgoing internal dependencies, deduplicated, sorted. */
  deps: Map<string, string[]>;
  importedBy: Map<string, string[]>;
  /** SCCs in Tarjan order: every SCC comes after the SCCs it depends on. */
  sccs: string[][];
  sccOf: Map<string, number>;
  /** SCCs with more than one module, each sorted, sorted by first member. */
  cycles: string[][];
  /** For each cycle (same order), edges whose removal makes it acyclic. */
  cycleCuts: [string, string][][];
  waves: string[][];
}

export function buildGraph(nodes: string[], edges: GraphEdge[]): ModuleGraph {
  const nodeSet = new Set(nodes);
  const depSets = new Map<string, Set<string>>(nodes.map((n) => [n, new Set<string>()]));
  const revSets = new Map<string, Set<string>>(nodes.map((n) => [n, new Set<string>()]));
  const edgeWeight = new Map<string, number>();
  for (const e of edges) {
    if (e.from === e.to || !nodeSet.has(e.from) || !nodeSet.has(e.to)) continue;
    depSets.get(e.from)!.add(e.to);
    revSets.get(e.to)!.add(e.from);
    // Cheapest to cut: an import already deferred into a function, then a guarded one.
    const w = e.lazy ? 1 : e.conditional || e.optional ? 2 : 3;
    const k = `${e.from}\0${e.to}`;
    edgeWeight.set(k, Math.min(edgeWeight.get(k) ?? Infinity, w));
  }
  const deps = new Map([...depSets].map(([k, v]) => [k, [...v].sort()]));
  const importedBy = new Map([...revSets].map(([k, v]) => [k, [...v].sort()]));
  const sccs = tarjan(nodes, deps);
  const sccOf = new Map<string, number>();
  sccs.forEach((c, i) => c.forEach((n) => sccOf.set(n, i)));

  const cyclic = sccs.map((c, i) => ({ c: [...c].sort(), i })).filter((x) => x.c.length > 1).sort((a, b) => a.c[0]!.localeCompare(b.c[0]!));
  const cycles = cyclic.map((x) => x.c);
  const cycleCuts = cyclic.map((x) => suggestCuts(x.c, deps, edgeWeight));

  // Wave of an SCC = 1 + the highest wave among the SCCs it depends on (Tarjan order is a valid order).
  const waveOf: number[] = [];
  sccs.forEach((c, i) => {
    let w = 0;
    for (const n of c) for (const d of deps.get(n)!) {
      const j = sccOf.get(d)!;
      if (j !== i) w = Math.max(w, waveOf[j]! + 1);
    }
    waveOf[i] = w;
  });
  const waves: string[][] = [];
  sccs.forEach((c, i) => {
    (waves[waveOf[i]!] ??= []).push(...c);
  });
  for (const w of waves) w.sort();
  return { nodes: [...nodes].sort(), deps, importedBy, sccs, sccOf, cycles, cycleCuts, waves };
}

function tarjan(nodes: string[], deps: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  let counter = 0;
  for (const start of [...nodes].sort()) {
    if (index.has(start)) continue;
    const work: { n: string; i: number }[] = [{ n: start, i: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const top = work[work.length - 1]!;
      const ds = deps.get(top.n)!;
      if (top.i < ds.length) {
        const d = ds[top.i++]!;
        if (!index.has(d)) {
          index.set(d, counter);
          low.set(d, counter++);
          stack.push(d);
          onStack.add(d);
          work.push({ n: d, i: 0 });
        } else if (onStack.has(d)) {
          low.set(top.n, Math.min(low.get(top.n)!, index.get(d)!));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1]!.n;
        low.set(parent, Math.min(low.get(parent)!, low.get(top.n)!));
      }
      if (low.get(top.n) === index.get(top.n)) {
        const comp: string[] = [];
        let x: string;
        do {
          x = stack.pop()!;
          onStack.delete(x);
          comp.push(x);
        } while (x !== top.n);
        out.push(comp.sort());
      }
    }
  }
  return out;
}

/**
 * A small (not always minimum: that problem is NP-hard) set of edges whose removal breaks every
 * cycle in one SCC: repeatedly find a cycle and cut its cheapest edge, preferring lazy imports,
 * then guarded ones, then the edge into the module most imported within the cycle.
 */
function suggestCuts(members: string[], deps: Map<string, string[]>, weight: Map<string, number>): [string, string][] {
  const inside = new Set(members);
  const adj = new Map(members.map((m) => [m, deps.get(m)!.filter((d) => inside.has(d))]));
  const indeg = new Map<string, number>();
  for (const ds of adj.values()) for (const d of ds) indeg.set(d, (indeg.get(d) ?? 0) + 1);
  const cuts: [string, string][] = [];
  for (;;) {
    const cycle = findCycle(members, adj);
    if (!cycle) break;
    let best = 0;
    let bestScore = Infinity;
    for (let i = 0; i < cycle.length; i++) {
      const from = cycle[i]!;
      const to = cycle[(i + 1) % cycle.length]!;
      const score = weight.get(`${from}\0${to}`)! * 10000 - (indeg.get(to) ?? 0);
      if (score < bestScore) {
        bestScore = score;
        best = i;
      }
    }
    const from = cycle[best]!;
    const to = cycle[(best + 1) % cycle.length]!;
    adj.set(from, adj.get(from)!.filter((d) => d !== to));
    cuts.push([from, to]);
  }
  return cuts.sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]));
}

/** One cycle as a node list (each node imports the next, the last imports the first), or undefined. */
function findCycle(members: string[], adj: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, 1 | 2>();
  for (const start of members) {
    if (state.has(start)) continue;
    const path: string[] = [start];
    const iters: number[] = [0];
    state.set(start, 1);
    while (path.length > 0) {
      const n = path[path.length - 1]!;
      const ds = adj.get(n)!;
      const i = iters[iters.length - 1]!;
      if (i < ds.length) {
        iters[iters.length - 1] = i + 1;
        const d = ds[i]!;
        const s = state.get(d);
        if (s === 1) return path.slice(path.indexOf(d));
        if (s === undefined) {
          state.set(d, 1);
          path.push(d);
          iters.push(0);
        }
      } else {
        state.set(n, 2);
        path.pop();
        iters.pop();
      }
    }
  }
  return undefined;
}
