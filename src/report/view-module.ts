// Module pages (annotated source, imports, importers, why blocked) and the module table rows.

import { createHash } from 'node:crypto';
import type { Finding, ModuleRecord } from '../contract.js';
import { CATEGORY_LABEL, rich, VERDICT_EXPLANATION, VERDICT_LABEL } from './labels.js';
import { chainOf, packageOf, VERDICTS, type AuditFacts } from './facts.js';
import type { FindingNote, ImportRow, ModuleRow, ModulesView, ModuleView, OptionView, SourceRun } from './model.js';
import type { Pages } from './view-page.js';
import { runRow } from './view-pipeline.js';

function note(f: Finding, facts: AuditFacts, pages: Pages, root: string): FindingNote {
  return {
    ruleId: f.ruleId, ruleHref: pages.ruleHref(f.ruleId, root), ruleTitle: facts.rules.get(f.ruleId)?.title ?? f.ruleId,
    severity: f.severity, category: f.category, column: f.column, message: f.message, rich: rich(f.message), line: f.line,
  };
}

function yesNo(v: boolean): string {
  return v ? 'yes' : 'no';
}

/** Splits source into lines the way editors number them (\r\n, \r and \n all end a line). */
function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export function moduleView(m: ModuleRecord, facts: AuditFacts, pages: Pages, sources: (path: string) => string | undefined): ModuleView {
  const root = '../';
  const own = facts.findingsByModule.get(m.name) ?? facts.findingsByFile.get(m.path) ?? [];
  const notes = own.map((f) => note(f, facts, pages, root));
  const text = sources(m.path);
  const source: SourceRun[] = [];
  const fileFindings: FindingNote[] = [];
  if (text !== undefined) {
    const byLine = new Map<number, FindingNote[]>();
    for (const n of notes) {
      const list = byLine.get(n.line);
      if (list) list.push(n); else byLine.set(n.line, [n]);
    }
    const lines = splitLines(text);
    let run: SourceRun = { plain: [], annotated: null };
    lines.forEach((code, i) => {
      const here = byLine.get(i + 1);
      if (!here) {
        run.plain.push({ n: i + 1, code });
        return;
      }
      const cls = here.some((n) => n.severity === 'blocker') ? 'sev-blocker' : here.some((n) => n.severity === 'warning') ? 'sev-warning' : 'sev-info';
      run.annotated = { n: i + 1, code, cls, notes: here };
      source.push(run);
      run = { plain: [], annotated: null };
    });
    if (run.plain.length > 0) source.push(run);
    for (const n of notes) if (n.line < 1 || n.line > lines.length) fileFindings.push(n);
  } else {
    fileFindings.push(...notes);
  }
  const imports: ImportRow[] = m.imports.map((e) => {
    const target = e.kind === 'internal' ? facts.byName.get(e.module) : undefined;
    const flags = [e.conditional && 'conditional', e.lazy && 'lazy', e.optional && 'optional', e.dynamic && 'dynamic'].filter(Boolean).join(', ');
    return {
      module: e.module, href: target ? pages.moduleHref(e.module, root) : null, kind: e.kind, line: e.line, flags,
      verdict: target?.verdict ?? '', verdictLabel: target ? VERDICT_LABEL[target.verdict] : null,
    };
  });
  const mig = m.migration;
  return {
    page: pages.page(m.name, 'modules', 1),
    name: m.name, path: m.path, pkg: packageOf(m), verdict: m.verdict, verdictLabel: VERDICT_LABEL[m.verdict],
    verdictExplanation: VERDICT_EXPLANATION[m.verdict], lines: m.lines, wave: facts.waveOf.get(m.name) ?? null,
    isPackage: m.isPackage === true,
    graphHref: `${root}graph.html?focus=${encodeURIComponent(m.name)}`,
    findings: notes,
    fileFindings,
    imports,
    importedBy: (facts.importedBy.get(m.name) ?? []).map((n) => pages.moduleLink(n, root)),
    blockedBy: m.blockedBy.map((n) => pages.moduleLink(n, root)),
    blockChain: chainOf(m)?.map((n) => pages.moduleLink(n, root)) ?? null,
    migration: mig ? {
      transpiled: yesNo(mig.transpiled), builds: yesNo(mig.builds), verified: mig.verified, drift: yesNo(mig.drift), error: mig.error ?? null,
    } : null,
    runs: (facts.audit.pipeline?.verification.runs ?? []).filter((r) => r.module === m.name || r.covers?.includes(m.name)).map((r) => runRow(r, pages, root)),
    sourceAvailable: text !== undefined,
    sourceHash: text === undefined ? '' : createHash('sha1').update(text).digest('hex'),
    source,
  };
}

function migrationStep(m: ModuleRecord): string {
  const g = m.migration;
  if (!g) return '';
  if (g.verified === 'equivalent') return 'verified';
  if (g.verified === 'different' || g.verified === 'error' || g.error) return 'failed';
  return g.builds ? 'builds' : g.transpiled ? 'transpiled' : 'failed';
}

function options(counts: Map<string, number>, label: (k: string) => string): OptionView[] {
  return [...counts].map(([value, count]) => ({ value, label: label(value), count })).sort((a, b) => (a.value < b.value ? -1 : 1));
}

export function modulesView(facts: AuditFacts, pages: Pages): ModulesView {
  const cats = new Map<string, number>();
  const pkgs = new Map<string, number>();
  const rows: ModuleRow[] = facts.modules.map((m) => {
    const fs = facts.findingsByModule.get(m.name) ?? [];
    const categories = [...new Set(fs.map((f) => f.category))].sort();
    for (const c of categories) cats.set(c, (cats.get(c) ?? 0) + 1);
    const pkg = packageOf(m);
    pkgs.set(pkg, (pkgs.get(pkg) ?? 0) + 1);
    return {
      name: m.name, href: pages.moduleHref(m.name, '') ?? '', pkg, verdict: m.verdict, verdictLabel: VERDICT_LABEL[m.verdict],
      lines: m.lines, findings: fs.length, blockers: fs.filter((f) => f.severity === 'blocker').length, categories: categories.join(' '),
      imports: m.imports.length, importedBy: facts.importedBy.get(m.name)?.length ?? 0, wave: facts.waveOf.get(m.name) ?? null,
      migration: migrationStep(m),
    };
  });
  const verdicts = VERDICTS.map((v) => ({ value: v, label: VERDICT_LABEL[v], count: rows.filter((r) => r.verdict === v).length }));
  return {
    page: pages.page('Modules', 'modules', 0),
    rows,
    hasMigration: facts.modules.some((m) => m.migration),
    verdicts,
    categories: options(cats, (c) => CATEGORY_LABEL[c as keyof typeof CATEGORY_LABEL] ?? c),
    packages: options(pkgs, (p) => p || '(top level)'),
  };
}
