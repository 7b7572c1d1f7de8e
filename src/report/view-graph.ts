// Data for the interactive import graph, compact because it is embedded in graph.html.

import { chainOf, VERDICTS, type AuditFacts } from './facts.js';
import type { GraphView } from './model.js';
import type { Pages } from './view-page.js';

export function graphView(facts: AuditFacts, pages: Pages): GraphView {
  const index = new Map(facts.modules.map((m, i) => [m.name, i] as const));
  const nodes: GraphView['data']['nodes'] = facts.modules.map((m) => [
    m.name, VERDICTS.indexOf(m.verdict), m.lines, pages.moduleHref(m.name, '') ?? '',
  ]);
  const edges: GraphView['data']['edges'] = [];
  const chains: GraphView['data']['chains'] = {};
  facts.modules.forEach((m, i) => {
    const blocking = new Set(m.blockedBy);
    const seen = new Set<number>();
    for (const e of m.imports) {
      if (e.kind !== 'internal') continue;
      const j = index.get(e.module);
      if (j === undefined || j === i || seen.has(j)) continue;
      seen.add(j);
      edges.push([i, j, blocking.has(e.module) ? 1 : 0]);
    }
    const chain = chainOf(m)?.map((n) => index.get(n)).filter((j): j is number => j !== undefined);
    if (chain && chain.length > 0) chains[i] = chain;
  });
  return {
    page: pages.page('Import graph', 'graph', 0),
    data: { verdicts: VERDICTS, nodes, edges, chains },
    modules: nodes.length,
    edges: edges.length,
  };
}
