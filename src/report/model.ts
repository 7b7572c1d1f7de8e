// Typed view models: everything a template prints, already computed. Templates only loop and
// print; no counting, sorting or path building happens in them.

import type { AuditJson, FindingCategory, FindingSeverity, Verdict } from '../contract.js';
import type { HistoryEntry } from '../state/history.js';

/** What writeReport renders from. Plain, read-only data; how the audit was produced does not matter. */
export interface ReportInput {
  readonly audit: Readonly<AuditJson>;
  /** Source text of a file by its root-relative path; undefined when it cannot be read. */
  readonly sources: (path: string) => string | undefined;
  /** The run history, oldest first (this run included when the caller appended it). */
  readonly history: readonly HistoryEntry[];
  /** Shown in the footer; tests pass a fixed value. */
  readonly generatedAt?: Date;
}

/**
 * Text with `inline code` marked the way rule messages and docs write it (backticks). Templates print
 * each part through `text`, wrapping code parts in <code>; nothing in it is ever treated as markup.
 */
export type RichText = { text: string; code: boolean }[];

export interface NavItem { label: string; href: string; current: boolean }

/** Shared by every page: where the report root is relative to the page, and the chrome. */
export interface PageView {
  title: string;
  /** '' for top-level pages, '../' for pages in modules/ and rules/. */
  root: string;
  nav: NavItem[];
  repoName: string;
  repoRoot: string;
  generatedAt: string;
  toolVersion: string;
}

export interface ModuleLink { name: string; href: string; verdict: Verdict; verdictLabel: string }

export interface HeadlineRow {
  key: string; label: string; cls: string;
  /** The module table filtered to these modules, when it can filter by this row. */
  href: string | null;
  modules: number; modulesPct: string; lines: number; linesPct: string;
  /** Bar widths, in percent, formatted for a style attribute. */
  modulesWidth: string; linesWidth: string;
}

export interface BlockerRow {
  target: string; href: string | null; kind: string; modulesFreed: number; linesFreed: number; verdictLabel: string | null;
}

export interface CountRow { key: string; label: string; href: string | null; count: number; blockers: number; cls: string }

export interface NativeCodeRow { file: string; line: number; ruleId: string; ruleHref: string; message: RichText; href: string | null }

export interface DependencyRow { name: string; importers: number; status: string; statusCls: string; example: ModuleLink | null }

export interface CycleRow { index: number; members: ModuleLink[]; cuts: string[] }

export interface WaveRow { index: number; count: number; lines: number; ready: number; modules: ModuleLink[]; more: number }

export interface TrendRow { at: string; date: string; modules: number; ready: number; blocked: number; blockedByDependency: number; error: number; lines: number; readyLines: number }

/** A line of a unified diff, classed for colour: "add" (+), "del" (-), "hunk" (@@) or "" (context). */
export interface DiffLine { text: string; cls: string }

/** One differential run: the module as a script under python2.7 and as the Go binary. */
export interface RunRow {
  module: string; href: string | null; args: string; status: string; statusCls: string; reason: string;
  pythonMs: number | null; goMs: number | null; speed: string;
  diffStdout: DiffLine[]; diffStderr: DiffLine[]; diffStatus: DiffLine[]; hasDiff: boolean;
  /** What was masked before comparing, and which repository modules the run checks. */
  normalized: string; covers: string;
}

export interface PipelineView {
  goModule: string;
  vetOk: boolean; vetOutput: string;
  verificationEnabled: boolean; python: string; skipped: string;
  runs: RunRow[];
  equivalent: number; different: number; errors: number;
}

export interface IndexView {
  page: PageView;
  totals: { modules: number; lines: number; findings: number; blockers: number; rules: number };
  headline: HeadlineRow[];
  /** Transpiled / builds / verified-equivalent, when the pipeline has run. */
  migration: HeadlineRow[] | null;
  /** The Go build and the differential verification, when the whole pipeline ran. */
  pipeline: PipelineView | null;
  topBlockers: BlockerRow[];
  blockersDerived: boolean;
  findingsByCategory: CountRow[];
  findingsByRule: CountRow[];
  nativeInRepo: NativeCodeRow[];
  nativeImports: DependencyRow[];
  stdlib: DependencyRow[];
  thirdParty: DependencyRow[];
  goImports: DependencyRow[];
  missing: DependencyRow[];
  cycles: CycleRow[];
  waves: WaveRow[];
  trends: TrendRow[];
  /** Embedded as JSON for the chart script. */
  trendData: {
    t: number[]; ready: number[]; blocked: number[]; dep: number[]; error: number[]; readyLines: number[]; notReadyLines: number[];
    /** Migration counts per run; null for runs made before the pipeline migrated anything. */
    transpiled: (number | null)[]; builds: (number | null)[]; verified: (number | null)[];
  };
  /** Some run of the history migrated modules, so the migration chart has something to show. */
  trendMigration: boolean;
}

export interface ModuleRow {
  name: string; href: string; pkg: string; verdict: Verdict; verdictLabel: string; lines: number;
  findings: number; blockers: number; categories: string; imports: number; importedBy: number; wave: number | null;
  /** How far the pipeline got with this module: "verified", "builds", "transpiled", "failed" or "". */
  migration: string;
}

export interface OptionView { value: string; label: string; count: number }

export interface ModulesView {
  page: PageView;
  rows: ModuleRow[];
  /** Whether any module carries migration data (then the table shows a Go column). */
  hasMigration: boolean;
  verdicts: OptionView[];
  categories: OptionView[];
  packages: OptionView[];
}

export interface FindingNote {
  ruleId: string; ruleHref: string; ruleTitle: string; severity: FindingSeverity; category: FindingCategory;
  column: number; message: string; rich: RichText; line: number;
}

export interface SourceLine { n: number; code: string }
/** A line with findings: highlighted, with the findings printed under it. */
export interface AnnotatedLine extends SourceLine { cls: string; notes: FindingNote[] }
/**
 * The source as runs of plain lines, each run ended by at most one annotated line. Most lines have no
 * findings, so the template's per-line work stays minimal for 500,000-line repositories.
 */
export interface SourceRun { plain: SourceLine[]; annotated: AnnotatedLine | null }

export interface ImportRow { module: string; href: string | null; kind: string; line: number; flags: string; verdictLabel: string | null; verdict: string }

export interface ModuleView {
  page: PageView;
  name: string; path: string; pkg: string; verdict: Verdict; verdictLabel: string; verdictExplanation: string;
  lines: number; wave: number | null; isPackage: boolean;
  graphHref: string;
  findings: FindingNote[];
  /** Findings without a usable line (0, or past the end of the source). */
  fileFindings: FindingNote[];
  imports: ImportRow[];
  importedBy: ModuleLink[];
  blockedBy: ModuleLink[];
  blockChain: ModuleLink[] | null;
  migration: { transpiled: string; builds: string; verified: string; drift: string; error: string | null } | null;
  /** Verification runs of this module, when the pipeline ran it. */
  runs: RunRow[];
  sourceAvailable: boolean;
  /** sha1 of the source text: with the other fields it decides the page, so `source` need not be hashed. */
  sourceHash: string;
  source: SourceRun[];
}

export interface OccurrenceRow { file: string; line: number; column: number; message: RichText; module: string | null; href: string | null; severity: string }

export interface RuleView {
  page: PageView;
  id: string; title: string; category: FindingCategory; categoryLabel: string; severity: FindingSeverity;
  known: boolean; message: RichText; docs: RichText; remediation: RichText; whyItBlocks: string;
  occurrences: OccurrenceRow[];
  modules: number;
}

export interface RulesView { page: PageView; rules: CountRow[] }

export interface GraphView {
  page: PageView;
  /** Compact graph data embedded as JSON: nodes [name, verdict index, lines, href, package index], edges [from, to, blocking]. */
  data: {
    verdicts: readonly Verdict[];
    nodes: [string, number, number, string][];
    edges: [number, number, number][];
    chains: Record<number, number[]>;
  };
  modules: number;
  edges: number;
}

export interface ReportModel {
  index: IndexView;
  modules: ModulesView;
  rules: RulesView;
  graph: GraphView;
  /** Built one at a time while rendering, so 2,000 annotated sources never sit in memory together. */
  modulePages: { file: string; view: () => ModuleView }[];
  rulePages: { file: string; view: RuleView }[];
}
