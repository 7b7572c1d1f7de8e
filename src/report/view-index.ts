// The dashboard's view model: headline coverage, blockers, findings, dependencies, cycles, waves, trends.

import type { Finding, FindingCategory, ImportKind, ModuleRecord } from '../contract.js';
import type { HistoryEntry } from '../state/history.js';
import { VERDICTS, topPackageOf, type AuditFacts } from './facts.js';
import { CATEGORY_LABEL, VERDICT_LABEL, pct, rich, width } from './labels.js';
import type {
  BlockerRow, CountRow, CycleRow, DependencyRow, HeadlineRow, IndexView, NativeCodeRow, TrendRow, WaveRow,
} from './model.js';
import type { Pages } from './view-page.js';
import { pipelineView } from './view-pipeline.js';

const NATIVE: ReadonlySet<FindingCategory> = new Set(['c-extension', 'optional-c-extension']);
/** Finding categories that describe an import, strongest first: they decide a dependency's status. */
const IMPORT_STATUS: { category: FindingCategory; status: string; cls: string }[] = [
  { category: 'c-extension', status: 'C extension', cls: 'bad' },
  { category: 'unsupported-stdlib', status: 'unsupported', cls: 'bad' },
  { category: 'missing-import', status: 'missing', cls: 'bad' },
  { category: 'optional-c-extension', status: 'optional C extension', cls: 'warn' },
];
const DEFAULT_STATUS: Record<ImportKind, { status: string; cls: string }> = {
  stdlib: { status: 'supported', cls: 'good' },
  'third-party': { status: 'no blocker found', cls: 'good' },
  go: { status: 'Go package', cls: 'good' },
  missing: { status: 'missing', cls: 'bad' },
  internal: { status: 'in repository', cls: 'good' },
};
/** An internal import flagged `native`: an extension module built from this repository's C/Cython sources. */
const NATIVE_HERE = { status: 'built from this repository', cls: 'bad' };
const WAVE_PREVIEW = 40;
const TOP_BLOCKERS = 15;

function headlineRow(key: string, label: string, cls: string, href: string | null, modules: number, lines: number, totalM: number, totalL: number): HeadlineRow {
  return {
    key, label, cls, href, modules, lines,
    modulesPct: pct(modules, totalM), linesPct: pct(lines, totalL),
    modulesWidth: width(modules, totalM), linesWidth: width(lines, totalL),
  };
}

function headline(facts: AuditFacts, totalM: number, totalL: number): HeadlineRow[] {
  return VERDICTS.map((v) => {
    let n = 0;
    let l = 0;
    for (const m of facts.modules) if (m.verdict === v) { n += 1; l += m.lines; }
    return headlineRow(v, VERDICT_LABEL[v], `v-${v}`, `modules.html?verdict=${v}`, n, l, totalM, totalL);
  });
}

function migration(facts: AuditFacts, totalM: number, totalL: number): HeadlineRow[] | null {
  const steps: [string, string, (m: ModuleRecord) => boolean][] = [
    ['transpiled', 'Transpiled to Go', (m) => m.migration?.transpiled === true],
    ['builds', 'Builds', (m) => m.migration?.builds === true],
    ['verified', 'Verified equivalent to CPython', (m) => m.migration?.verified === 'equivalent'],
  ];
  if (!facts.modules.some((m) => m.migration)) return null;
  return steps.map(([key, label, test]) => {
    let n = 0;
    let l = 0;
    for (const m of facts.modules) if (test(m)) { n += 1; l += m.lines; }
    return headlineRow(key, label, `m-${key}`, null, n, l, totalM, totalL);
  });
}

function topBlockers(facts: AuditFacts, pages: Pages): BlockerRow[] {
  return facts.blockerImpact.slice(0, TOP_BLOCKERS).map((b) => {
    // A finding target reads "ruleId@file:line"; link it to the module page at that line.
    let href: string | null = null;
    let verdictLabel: string | null = null;
    if (b.kind === 'module') {
      href = pages.moduleHref(b.target, '');
      const m = facts.byName.get(b.target);
      verdictLabel = m ? VERDICT_LABEL[m.verdict] : null;
    } else {
      const at = /^(.*)@(.*):(\d+)$/.exec(b.target);
      const f = at ? facts.findingsByFile.get(at[2]!)?.find((x) => x.line === Number(at[3]) && x.ruleId === at[1]) : undefined;
      if (f?.module) href = pages.moduleHref(f.module, '', f.line);
    }
    const at = b.kind === 'finding' ? /^(.*)@(.*)$/.exec(b.target) : null;
    const label = at ? `${at[2]} (${at[1]})` : b.target;
    return { target: label, href, kind: b.kind, modulesFreed: b.modulesFreed, linesFreed: b.linesFreed, verdictLabel };
  });
}

function findingCounts(facts: AuditFacts, pages: Pages): { byCategory: CountRow[]; byRule: CountRow[] } {
  const cat = new Map<FindingCategory, { count: number; blockers: number }>();
  for (const f of facts.audit.findings) {
    const c = cat.get(f.category) ?? { count: 0, blockers: 0 };
    c.count += 1;
    if (f.severity === 'blocker') c.blockers += 1;
    cat.set(f.category, c);
  }
  const byCategory = [...cat].map(([key, c]) => ({ key, label: CATEGORY_LABEL[key] ?? key, href: `modules.html?category=${key}`, count: c.count, blockers: c.blockers, cls: `c-${key}` }))
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
  const byRule = [...facts.findingsByRule].map(([id, list]) => ({
    key: id, label: facts.rules.get(id)?.title ?? id, href: pages.ruleHref(id, ''),
    count: list.length, blockers: list.filter((f) => f.severity === 'blocker').length, cls: `c-${list[0]!.category}`,
  })).sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
  return { byCategory, byRule };
}

/** External imports grouped by module, each with its strongest import-related finding as status. */
function dependencies(facts: AuditFacts, pages: Pages): Map<ImportKind, DependencyRow[]> {
  const findingsAt = new Map<string, Finding[]>();
  for (const f of facts.audit.findings) {
    const key = `${f.file}\0${f.line}`;
    const list = findingsAt.get(key);
    if (list) list.push(f); else findingsAt.set(key, [f]);
  }
  interface Acc { kind: ImportKind; importers: Set<string>; rank: number; first: string }
  const acc = new Map<string, Acc>();
  for (const m of facts.modules) {
    for (const e of m.imports) {
      if (e.kind === 'internal' && !e.native) continue;
      const name = e.kind === 'third-party' ? topPackageOf(e.module) : e.module;
      const key = `${e.kind}\0${name}`;
      const a = acc.get(key) ?? { kind: e.kind, importers: new Set<string>(), rank: IMPORT_STATUS.length, first: m.name };
      a.importers.add(m.name);
      for (const f of findingsAt.get(`${m.path}\0${e.line}`) ?? []) {
        const r = IMPORT_STATUS.findIndex((s) => s.category === f.category);
        if (r >= 0 && r < a.rank) a.rank = r;
      }
      acc.set(key, a);
    }
  }
  const out = new Map<ImportKind, DependencyRow[]>();
  for (const [key, a] of acc) {
    const name = key.slice(key.indexOf('\0') + 1);
    const s = a.kind === 'internal' ? NATIVE_HERE : a.rank < IMPORT_STATUS.length ? IMPORT_STATUS[a.rank]! : DEFAULT_STATUS[a.kind];
    const row: DependencyRow = { name, importers: a.importers.size, status: s.status, statusCls: s.cls, example: pages.moduleLink(a.first, '') };
    const list = out.get(a.kind) ?? [];
    list.push(row);
    out.set(a.kind, list);
  }
  for (const list of out.values()) list.sort((x, y) => y.importers - x.importers || (x.name < y.name ? -1 : 1));
  return out;
}

function nativeInRepo(facts: AuditFacts, pages: Pages): NativeCodeRow[] {
  return facts.audit.findings
        // Native code itself (setup.py ext_modules, .c, .pyx): findings on files that are not modules.
    .filter((f) => NATIVE.has(f.category) && (f.module === undefined || !f.file.endsWith('.py')))
    .map((f) => ({
      file: f.file, line: f.line, ruleId: f.ruleId, ruleHref: pages.ruleHref(f.ruleId, ''), message: rich(f.message),
      href: f.module ? pages.moduleHref(f.module, '', f.line) : null,
    }));
}

function cycles(facts: AuditFacts, pages: Pages): CycleRow[] {
  return facts.audit.cycles.map((members, i) => ({
    index: i + 1,
    members: members.map((n) => pages.moduleLink(n, '')),
    cuts: (facts.audit.cycleCuts?.[i] ?? []).map(([a, b]) => `${a} → ${b}`),
  }));
}

function waves(facts: AuditFacts, pages: Pages): WaveRow[] {
  return facts.audit.waves.map((names, i) => {
    let lines = 0;
    let ready = 0;
    for (const n of names) {
      const m = facts.byName.get(n);
      if (m) { lines += m.lines; if (m.verdict === 'ready') ready += 1; }
    }
    return { index: i + 1, count: names.length, lines, ready, modules: names.slice(0, WAVE_PREVIEW).map((n) => pages.moduleLink(n, '')),
      more: Math.max(0, names.length - WAVE_PREVIEW) };
  });
}

function trends(history: readonly HistoryEntry[]): { rows: TrendRow[]; data: IndexView['trendData'] } {
  const rows = history.map((h) => ({
    at: h.at, date: h.at.slice(0, 16).replace('T', ' '), modules: h.modules,
    ready: h.byVerdict.ready, blocked: h.byVerdict.blocked, blockedByDependency: h.byVerdict['blocked-by-dependency'], error: h.byVerdict.error,
    lines: h.lines, readyLines: h.linesByVerdict.ready,
  }));
  return {
    rows,
    data: {
      t: history.map((h) => Math.round(Date.parse(h.at) / 1000)),
      ready: rows.map((r) => r.ready), blocked: rows.map((r) => r.blocked), dep: rows.map((r) => r.blockedByDependency),
      error: rows.map((r) => r.error), readyLines: rows.map((r) => r.readyLines), notReadyLines: rows.map((r) => r.lines - r.readyLines),
      transpiled: history.map((h) => h.migration?.transpiled ?? null),
      builds: history.map((h) => h.migration?.builds ?? null),
      verified: history.map((h) => h.migration?.verified ?? null),
    },
  };
}

export function indexView(facts: AuditFacts, pages: Pages, history: readonly HistoryEntry[]): IndexView {
  const totalM = facts.modules.length;
  const totalL = facts.modules.reduce((s, m) => s + m.lines, 0);
  const deps = dependencies(facts, pages);
  const allDeps = [...deps.values()].flat();
  const { byCategory, byRule } = findingCounts(facts, pages);
  const t = trends(history);
  return {
    page: pages.page('Migration dashboard', 'dashboard', 0),
    totals: {
      modules: totalM, lines: totalL, findings: facts.audit.findings.length,
      blockers: facts.audit.findings.filter((f) => f.severity === 'blocker').length, rules: facts.findingsByRule.size,
    },
    headline: headline(facts, totalM, totalL),
    migration: migration(facts, totalM, totalL),
    pipeline: pipelineView(facts.audit.pipeline, pages),
    topBlockers: topBlockers(facts, pages),
    blockersDerived: facts.blockerImpactDerived,
    findingsByCategory: byCategory,
    findingsByRule: byRule,
    nativeInRepo: nativeInRepo(facts, pages),
    nativeImports: allDeps.filter((d) => d.status === 'C extension' || d.status === 'optional C extension' || d.status === NATIVE_HERE.status),
    stdlib: deps.get('stdlib') ?? [],
    thirdParty: deps.get('third-party') ?? [],
    goImports: deps.get('go') ?? [],
    missing: deps.get('missing') ?? [],
    cycles: cycles(facts, pages),
    waves: waves(facts, pages),
    trends: t.rows,
    trendData: t.data,
    trendMigration: history.some((h) => h.migration !== undefined),
  };
}
