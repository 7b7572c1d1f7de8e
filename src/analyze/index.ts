// The analyzer: discover → parse (facts, cached) → resolve → graph → rules → readiness, returning
// the JSON contract (design.md section 5). Nothing here imports or executes the scanned code.

import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { SCHEMA_VERSION, type AuditJson, type FindingCategory, type ModuleRecord, type Summary, type Verdict } from '../contract.js';
import { diag, type Diagnostic } from '../diagnostics.js';
import { discover, type SourceFile } from '../discover/index.js';
import { debug, info, silentSink, type EventSink } from '../events.js';
import { FactsCache, hasStoredResult, loadResult, saveResult, type CachedFacts } from '../state/cache.js';
import { toolVersion } from '../version.js';
import { loadCatalog, type Catalog } from './catalog.js';
import { collectFindings, type FileForRules } from './findings.js';
import { buildGraph, type GraphEdge } from './graph.js';
import { FactsPool } from './facts-pool.js';
import { assessReadiness, type ModuleStatus } from './readiness.js';
import { resolveModuleImports, toContractEdge, type ResolveContext, type ResolvedImport } from './resolve.js';
import { findSourceRoots, importableName, nameModules, packageDirsOf, scriptFolderModules, type ModuleInfo } from './roots.js';
import { defaultRulesDir, loadRulePack, type RulePack } from './rules/load.js';
import { repositoryFingerprint } from './fingerprint.js';

export interface AnalyzeOptions {
  /** Source roots relative to the repository; found automatically when absent. */
  roots?: string[];
  include?: string[];
  exclude?: string[];
  threads?: number;
  events?: EventSink;
  /** Cache folder (default REPO/.grumpy-audit/cache); false disables the cache. */
  cacheDir?: string | false;
}

export interface Analysis {
  audit: AuditJson;
  diagnostics: Diagnostic[];
  pack: RulePack;
  /** Files whose facts came from the cache, and files parsed in this run. */
  cacheHits: number;
  parsed: number;
  /** Nothing had changed: the previous run's result was returned without reading any file. */
  reusedResult: boolean;
}

export async function analyzeRepository(repo: string, opts: AnalyzeOptions = {}): Promise<Analysis> {
  const pack = loadRulePack();
  if (opts.cacheDir === false) return analyzeFresh(repo, opts, pack);
  const cacheDir = opts.cacheDir ?? path.join(realpathSync(path.resolve(repo)), '.grumpy-audit', 'cache');
  const lap = stageClock(opts.events ?? silentSink);
  // Something will have to be parsed unless a previous result can be reused: let the workers boot
  // (tree-sitter, rule queries) while the fingerprint and discover list and read. With no previous
  // result at all, they start as soon as the listing shows enough Python to be worth them.
  const pool = new FactsPool({ rules: pack.rules, threads: opts.threads, events: opts.events });
  const first = !hasStoredResult(cacheDir);
  let fingerprint: string;
  try {
    const fp = await repositoryFingerprint({
      repo, include: opts.include, exclude: opts.exclude, roots: opts.roots, rulesHash: pack.hash, rulesDir: defaultRulesDir(), cacheDir,
      ...(first ? { onPythonBytes: (n: number) => pool.expect(n) } : {}),
    });
    fingerprint = fp.hash;
    lap('fingerprint');
    const stored = first ? undefined : loadResult<Pick<Analysis, 'audit' | 'diagnostics'>>(cacheDir, fingerprint);
    if (stored) {
      await pool.close();
      info(opts.events ?? silentSink, 'analyze', 'nothing changed since the last scan: reusing its result');
      return { ...stored, pack, cacheHits: 0, parsed: 0, reusedResult: true };
    }
    pool.expect(fp.pythonBytes);
  } catch (e) {
    await pool.close();
    throw e;
  }
  let result: Analysis;
  try {
    result = await analyzeFresh(repo, { ...opts, cacheDir }, pack, pool);
  } finally {
    await pool.close(); // already closed unless the scan failed before parsing ended
  }
  // The fingerprint was taken before reading: a file edited during the scan makes the next run miss.
  lap('analyze');
  const d = saveResult(cacheDir, fingerprint, { audit: result.audit, diagnostics: result.diagnostics });
  if (d) result.diagnostics.push(d);
  lap('save result');
  return result;
}

async function analyzeFresh(repo: string, opts: AnalyzeOptions, pack: RulePack, pool?: FactsPool): Promise<Analysis> {
  const events = opts.events ?? silentSink;
  const lap = stageClock(events);
  const catalog = loadCatalog();

  // Parsing starts while discover is still reading: each decoded file goes straight to the pool.
  const diagnostics: Diagnostic[] = [];
  const collector = new FactsCollector(realpathSync(path.resolve(repo)), opts, diagnostics, pool ?? new FactsPool({ rules: pack.rules, threads: opts.threads, events }));
  let found;
  try {
    found = await discover(repo, { include: opts.include, exclude: opts.exclude, events, onPython: (f) => collector.offer(f) });
  } catch (e) {
    await collector.abandon();
    throw e;
  }
  lap('discover');
  const root = found.root;
  diagnostics.push(...found.diagnostics);
  const pyFiles = found.files.filter((f) => f.kind === 'python');
  const nativeFiles = found.files.filter((f) => f.kind !== 'python');

  const parseRun = await collector.collect();
  const parsed = parseRun.facts;
  lap('parse');

  const setupPy = pyFiles.find((f) => f.path === 'setup.py')?.text;
  const roots = findSourceRoots(pyFiles.map((f) => f.path), setupPy, opts.roots);
  const named = nameModules(pyFiles.filter((f) => f.path !== 'setup.py').map((f) => f.path), roots);
  for (const [p, prev] of named.duplicates) {
    diagnostics.push(diag('duplicate-module', 'warning', p, `module name already taken by ${prev}; this file is named by its path`));
  }
  const modules = new Map(named.modules.map((m) => [m.name, m]));
  const ctx: ResolveContext = {
    modules, catalog,
    nativeModules: nativeModuleNames(nativeFiles, setupPy, roots, modules, packageDirsOf(pyFiles.map((f) => f.path))),
    thirdParty: declaredThirdParty(root, setupPy, catalog),
    scriptModules: scriptFolderModules(named.modules),
  };
  info(events, 'analyze', `${named.modules.length} modules under roots ${roots.map((r) => r || '.').join(', ')}`);

  const moduleByPath = new Map(named.modules.map((m) => [m.path, m]));
  const fileErrors = undecodableErrors(found.files, found.diagnostics);
  const forRules: FileForRules[] = [];
  const resolved = new Map<string, ResolvedImport[]>();
  for (const f of pyFiles) {
    const mod = moduleByPath.get(f.path);
    const p = parsed.get(f.path);
    const entry: FileForRules = { path: f.path, imports: [] };
    if (mod) entry.module = mod.name;
    if (p?.facts) entry.facts = p.facts;
    const error = fileErrors.get(f.path) ?? parseError(p);
    if (error) entry.error = error;
    if (mod && p?.facts) {
      entry.imports = resolveModuleImports(mod, p.facts, ctx);
      resolved.set(mod.name, entry.imports);
    }
    forRules.push(entry);
  }

  const edges: GraphEdge[] = [];
  for (const [from, imps] of resolved) {
    for (const e of imps) {
      if (e.kind === 'internal' && !e.nativeFile) edges.push({ from, to: e.module, lazy: e.lazy, conditional: e.conditional, optional: Boolean(e.optional) });
    }
  }
  lap('resolve');
  const graph = buildGraph([...modules.keys()], edges);
  lap('graph');
  const findings = collectFindings(pack, forRules, nativeFiles, catalog);
  lap('rules');

  const erroneous = new Set(forRules.filter((f) => f.error !== undefined).map((f) => f.path));
  const statuses: ModuleStatus[] = named.modules.map((m) => ({
    name: m.name,
    lines: parsed.get(m.path)?.lines ?? 0,
    error: erroneous.has(m.path),
    blockers: [],
  }));
  const statusByPath = new Map(named.modules.map((m, i) => [m.path, statuses[i]!]));
  for (const f of findings) if (f.severity === 'blocker' && f.module !== undefined) statusByPath.get(f.file)?.blockers.push(f);
  // Importing pkg.sub runs pkg/__init__ first, so a submodule cannot migrate before its package.
  // Those implicit edges decide verdicts, but stay out of the reported cycles and waves, where
  // every package importing its own submodules would show up as a cycle nobody wrote.
  const parentEdges: GraphEdge[] = [];
  for (const name of modules.keys()) {
    const dot = name.lastIndexOf('.');
    if (dot > 0 && modules.has(name.slice(0, dot))) {
      parentEdges.push({ from: name, to: name.slice(0, dot), lazy: false, conditional: false, optional: false });
    }
  }
  const ready = assessReadiness(parentEdges.length > 0 ? buildGraph([...modules.keys()], [...edges, ...parentEdges]) : graph, statuses);

  lap('readiness');
  const records: ModuleRecord[] = named.modules.map((m, i) => {
    const r: ModuleRecord = {
      name: m.name, path: m.path, lines: statuses[i]!.lines, verdict: ready.verdicts.get(m.name)!,
      imports: (resolved.get(m.name) ?? []).map(toContractEdge),
      blockedBy: ready.blockedBy.get(m.name)!,
      importedBy: graph.importedBy.get(m.name) ?? [],
    };
    const chain = ready.chains.get(m.name);
    if (chain) r.blockChain = chain;
    if (m.isPackage) r.isPackage = true;
    if (m.importable === false) r.importable = false;
    if (parsed.get(m.path)?.facts?.hasMainGuard) r.entryPoint = true;
    return r;
  }).sort((a, b) => a.name.localeCompare(b.name));

  // One order whatever came from the cache and whatever was parsed now, so warm equals cold.
  diagnostics.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.id.localeCompare(b.id));
  const audit: AuditJson = {
    schemaVersion: SCHEMA_VERSION,
    toolVersion,
    root,
    modules: records,
    findings,
    cycles: graph.cycles,
    waves: graph.waves,
    summary: summarize(records, findings.map((f) => f.category)),
    rules: pack.rules.map((r) => ({
      id: r.id, title: r.title, category: r.category, severity: r.severity, message: r.messages.default!, remediation: r.remediation, docs: r.docs,
    })),
    blockerImpact: ready.impact,
    cycleCuts: graph.cycleCuts,
    diagnostics: diagnostics.filter((d) => d.severity !== 'info').map(({ id, severity, file, line, column, message }) => ({ id, severity, file, line, column, message })),
  };
  lap('output');
  return { audit, diagnostics, pack, cacheHits: parseRun.hits, parsed: parseRun.parsed, reusedResult: false };
}

/** Wall time per stage, as debug events (bench/scan.ts and --verbose show them). */
function stageClock(events: EventSink): (stage: string) => void {
  let t = performance.now();
  return (stage) => {
    const now = performance.now();
    debug(events, 'timing', `${stage} ${(now - t).toFixed(0)} ms`);
    t = now;
  };
}

/**
 * Facts for every Python file, from the cache or parsed now. Files are offered as discover reads
 * them, so parsing overlaps reading; collect() waits for the rest.
 */
class FactsCollector {
  private readonly out = new Map<string, CachedFacts>();
  private readonly pending: { path: string; sha: string; index: number }[] = [];
  private readonly cache: FactsCache | undefined;

  constructor(root: string, opts: AnalyzeOptions, private readonly diagnostics: Diagnostic[], private readonly pool: FactsPool) {
    if (opts.cacheDir !== false) {
      const dir = opts.cacheDir ?? path.join(root, '.grumpy-audit', 'cache');
      const opened = FactsCache.open(dir, `${toolVersion}/${loadRulePack().hash}`);
      this.cache = opened.cache;
      diagnostics.push(...opened.diagnostics);
    }
  }

  offer(f: SourceFile): void {
    if (f.undecodable || f.text === undefined) return;
    const hit = this.cache?.get(f.path, f.sha256);
    if (hit) {
      this.out.set(f.path, hit);
      this.diagnostics.push(...hit.diagnostics);
      return;
    }
    const index = this.pool.add({ path: f.path, text: f.text, ...(f.encoding ? { encoding: f.encoding } : {}) });
    this.pending.push({ path: f.path, sha: f.sha256, index });
  }

  async collect(): Promise<{ facts: Map<string, CachedFacts>; hits: number; parsed: number }> {
    const results = await this.pool.finish();
    for (const p of this.pending) {
      const r = results[p.index]!;
      const value: CachedFacts = { lines: r.lines, diagnostics: r.diagnostics };
      if (r.facts) value.facts = r.facts;
      this.out.set(p.path, value);
      this.cache?.set(p.path, p.sha, value);
      this.diagnostics.push(...r.diagnostics);
    }
    if (this.cache) {
      const d = this.cache.save();
      if (d) this.diagnostics.push(d);
    }
    return { facts: this.out, hits: this.cache?.hits ?? 0, parsed: this.pending.length };
  }

  /** Stops the workers when discovery fails. */
  async abandon(): Promise<void> {
    await this.pool.close();
  }
}

/** A parse failure: the first syntax-error diagnostic of the front end, else the tree's first error. */
function parseError(p: CachedFacts | undefined): FileForRules['error'] {
  if (!p) return undefined;
  const d = p.diagnostics.find((x) => x.severity === 'error');
  if (d) return { line: Math.max(1, d.line), column: d.column, detail: d.message };
  const s = p.facts?.syntaxError;
  return s ? { line: s.line, column: s.column, detail: s.message } : undefined;
}

/** Files discover could not decode: CPython would refuse them too. */
function undecodableErrors(files: SourceFile[], diagnostics: Diagnostic[]): Map<string, NonNullable<FileForRules['error']>> {
  const out = new Map<string, NonNullable<FileForRules['error']>>();
  for (const f of files) {
    if (f.kind !== 'python' || !f.undecodable) continue;
    const d = diagnostics.find((x) => x.file === f.path && x.severity === 'error');
    out.set(f.path, { line: Math.max(1, d?.line ?? 1), column: d?.column ?? 0, detail: d?.message ?? 'cannot decode the file' });
  }
  return out;
}

/** Native extension modules built from this repository: setup.py Extension names, .pyx/.so/.pyd/.c files. */
function nativeModuleNames(
  nativeFiles: SourceFile[], setupPy: string | undefined, roots: string[], modules: Map<string, ModuleInfo>, inits: Set<string>,
): Map<string, string> {
  const out = new Map<string, string>();
  if (setupPy) {
    for (const m of setupPy.matchAll(/\bExtension\s*\(\s*(?:name\s*=\s*)?(['"])([\w.]+)\1/g)) if (!modules.has(m[2]!)) out.set(m[2]!, 'setup.py');
  }
  const byLength = [...roots].sort((a, b) => b.length - a.length);
  for (const f of nativeFiles) {
    if (f.kind === 'swig' || f.path.endsWith('.pxd') || f.path.endsWith('.pxi')) continue;
    const name = importableName(f.path, path.posix.basename(f.path).replace(/\..*$/, ''), byLength, inits);
    if (name !== undefined && !modules.has(name) && !out.has(name)) out.set(name, f.path);
  }
  return out;
}

/** Top-level import names the repository declares as third-party requirements (read as text). */
function declaredThirdParty(root: string, setupPy: string | undefined, catalog: Catalog): Set<string> {
  const names = new Set<string>();
  const add = (req: string) => {
    const m = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(req);
    if (m && !req.trim().startsWith('-')) names.add(catalog.importNameOf(m[1]!).toLowerCase());
  };
  for (const file of ['requirements.txt', 'requirements-dev.txt', 'requirements/base.txt', 'requirements/prod.txt', 'dev-requirements.txt']) {
    const text = readOptional(path.join(root, file));
    if (text) for (const line of text.split('\n')) if (!line.trim().startsWith('#')) add(line);
  }
  const fromList = (text: string | undefined, key: RegExp) => {
    const m = text ? key.exec(text) : null;
    if (m) for (const s of m[1]!.matchAll(/(['"])([^'"]+)\1/g)) add(s[2]!);
  };
  fromList(setupPy, /install_requires\s*=\s*\[([^\]]*)\]/);
  fromList(setupPy, /tests_require\s*=\s*\[([^\]]*)\]/);
  const cfg = readOptional(path.join(root, 'setup.cfg'));
  const cfgReqs = cfg ? /install_requires\s*=\s*((?:\n[ \t]+.*)+)/.exec(cfg) : null;
  if (cfgReqs) for (const line of cfgReqs[1]!.split('\n')) add(line);
  const pipfile = readOptional(path.join(root, 'Pipfile'));
  const section = pipfile ? /\[packages\]([^[]*)/.exec(pipfile) : null;
  if (section) for (const line of section[1]!.split('\n')) add(line.replace(/["']/g, ''));
  return names;
}

function readOptional(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function summarize(modules: ModuleRecord[], categories: FindingCategory[]): Summary {
  const byVerdict: Partial<Record<Verdict, number>> = {};
  const linesByVerdict: Partial<Record<Verdict, number>> = {};
  let lines = 0;
  for (const m of modules) {
    byVerdict[m.verdict] = (byVerdict[m.verdict] ?? 0) + 1;
    linesByVerdict[m.verdict] = (linesByVerdict[m.verdict] ?? 0) + m.lines;
    lines += m.lines;
  }
  const byCategory: Partial<Record<FindingCategory, number>> = {};
  for (const c of categories) byCategory[c] = (byCategory[c] ?? 0) + 1;
  return { modules: modules.length, lines, byVerdict, byCategory, linesByVerdict };
}
