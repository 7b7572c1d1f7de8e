// AuditJson + history + sources → every page's view model.

import { auditFacts } from './facts.js';
import type { ReportInput, ReportModel } from './model.js';
import { graphView } from './view-graph.js';
import { indexView } from './view-index.js';
import { moduleView, modulesView } from './view-module.js';
import { Pages } from './view-page.js';
import { ruleIds, rulesView, ruleView } from './view-rule.js';

export function buildReportModel(input: ReportInput, toolVersion: string): ReportModel {
  const facts = auditFacts(input.audit);
  const generatedAt = (input.generatedAt ?? new Date()).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  const pages = new Pages(facts, generatedAt, toolVersion);
  return {
    index: indexView(facts, pages, input.history),
    modules: modulesView(facts, pages),
    rules: rulesView(facts, pages),
    graph: graphView(facts, pages),
    modulePages: facts.modules.map((m) => ({ file: pages.modulePages.name(m.name), view: () => moduleView(m, facts, pages, input.sources) })),
    rulePages: ruleIds(facts).map((id) => ({ file: pages.rulePages.name(id), view: ruleView(id, facts, pages) })),
  };
}
