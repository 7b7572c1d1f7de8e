// The whole job, as a table of contents: scan → plan → transpile → build → verify → write
// audit.json, audit.sarif, the report and the state. Each step takes and returns plain data.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeRepository, type AnalyzeOptions } from '../analyze/index.js';
import { toSarif } from '../analyze/output/sarif.js';
import { loadConfig } from '../config.js';
import type { AuditJson, VerificationRun, VerifyStatus } from '../contract.js';
import type { Diagnostic } from '../diagnostics.js';
import { info, progress, silentSink, type EventSink } from '../events.js';
import { findPython2 } from '../python2.js';
import { reportRun } from '../report/run.js';
import { repoSources } from '../report/sources.js';
import { writeFileAtomic } from '../state/atomic.js';
import { hasDrift, loadManifest, saveManifest, type Manifest, type ManifestEntry } from '../state/manifest.js';
import { toolVersion } from '../version.js';
import { verifyInvocation, type VerifyRun } from '../verify/differential.js';
import { checkImports, type ImportCheck } from '../verify/imports.js';
import { entryInvocations, testModules, UNITTEST_MAIN } from './entrypoints.js';
import { buildGoModule } from './go-step.js';
import { planMigration, type MigrationPlan } from './plan.js';
import { transpileModules, type TranspiledPackage } from './transpile-step.js';
import { sourceHashes, withMigrationStatus } from './status.js';
import { packageDirFor } from '../build/gomodule.js';
import { goPackageFor } from '../build/index.js';

export interface AuditRunOptions extends Pick<AnalyzeOptions, 'roots' | 'include' | 'exclude' | 'threads'> {
  /** Output folder; default REPO/.grumpy-audit. */
  out?: string;
  /** Run differential verification; default: the repository's grumpy-audit.json says. */
  verify?: boolean;
  /** `migrate`: only these modules (plus what they import); default every ready module. */
  only?: string[];
  /** Import every built module under the Go build (runs module-level code). */
  checkImports?: boolean;
  /** Skip the HTML report (scan-and-migrate only). */
  noReport?: boolean;
  events?: EventSink;
  now?: Date;
}

export interface AuditRunResult {
  audit: AuditJson;
  outDir: string;
  plan: MigrationPlan;
  reportIndex?: string;
  diagnostics: Diagnostic[];
}

export async function runAudit(repo: string, opts: AuditRunOptions = {}): Promise<AuditRunResult> {
  const events = opts.events ?? silentSink;
  const root = path.resolve(repo);
  const outDir = path.resolve(opts.out ?? path.join(root, '.grumpy-audit'));
  const stateDir = path.join(outDir, 'state');
  const { config, diagnostics: configDiags } = loadConfig(root);

  // 1. scan
  const analysis = await analyzeRepository(root, {
    roots: opts.roots ?? config.roots, include: opts.include ?? config.include, exclude: opts.exclude ?? config.exclude,
    threads: opts.threads, events, cacheDir: path.join(outDir, 'cache'),
  });
  const diagnostics: Diagnostic[] = [...configDiags, ...analysis.diagnostics];
  const scanned = analysis.audit;
  const hashes = sourceHashes(scanned);

  // 2. plan: the requested modules, plus everything migrated before whose source is unchanged.
  const { manifest: previous, diagnostics: manifestDiags } = loadManifest(stateDir, toolVersion);
  diagnostics.push(...manifestDiags);
  const plan = planMigration(scanned, opts.only);
  const fresh = new Set(plan.modules);
  const kept: string[] = [];
  if (opts.only && opts.only.length > 0) {
    for (const [name, entry] of Object.entries(previous.modules)) {
      if (fresh.has(name) || !hashes.has(name)) continue;
      if (hasDrift(entry, hashes.get(name)!)) kept.push(name);
      else if (scanned.modules.find((m) => m.name === name)?.verdict === 'ready') fresh.add(name);
    }
  }
  info(events, 'plan', `${fresh.size} module(s) to migrate, ${kept.length} kept at their migrated version`);

  // 3. transpile
  progress(events, 'transpile', 0, 1);
  const goDir = path.join(outDir, 'go');
  // `python2.7 -m unittest` entry points need unittest's __main__ in the build.
  const verifyEnabled = opts.verify ?? config.verify;
  const extra = verifyEnabled && config.discoverEntryPoints && testModules(scanned, fresh).length > 0 ? [UNITTEST_MAIN] : [];
  const tr = await transpileModules(scanned, [...fresh].sort(), extra, path.join(outDir, 'cache', 'transpile'));
  diagnostics.push(...tr.diagnostics);
  const packages: TranspiledPackage[] = [...tr.packages, ...keptPackages(goDir, scanned, kept, tr.packages)];
  progress(events, 'transpile', 1, 1);

  // 4. build
  progress(events, 'build', 0, 1);
  const go = buildGoModule(goDir, packages);
  diagnostics.push(...go.diagnostics);
  progress(events, 'build', 1, 1);

  // 5. verify
  const python = findPython2();
  const built = new Set(Object.entries(go.status).filter(([, s]) => s.ok).map(([n]) => n));
  const runs: VerifyRun[] = [];
  let skipped: string | undefined;
  if (!verifyEnabled) skipped = 'verification is off (enable it with --verify or "verify": true in grumpy-audit.json)';
  else if (!python) skipped = 'python2.7 was not found (set GRUMPY_PYTHON2), so nothing was verified';
  else if (!go.binary) skipped = 'nothing was built';
  else {
    const invocations = entryInvocations(scanned, config, built, python.libDir);
    let done = 0;
    for (const inv of invocations) {
      progress(events, 'verify', done++, invocations.length);
      if (inv.skip) {
        diagnostics.push({ id: 'verify-skipped', severity: 'info', file: inv.module, line: 0, column: 0, message: inv.skip });
        continue;
      }
      runs.push(await verifyInvocation(inv, python, go.binary, config.verifyTimeout * 1000));
    }
    progress(events, 'verify', invocations.length, invocations.length);
  }

  let imported = new Map<string, ImportCheck>();
  if (opts.checkImports && go.binary) {
    progress(events, 'imports', 0, 1);
    const names = [...fresh].filter((n) => built.has(n)).sort();
    imported = await checkImports(go.binary, names, root, config.verifyTimeout * 1000);
    progress(events, 'imports', 1, 1);
  }

  // 6. record
  const now = opts.now ?? new Date();
  const verified = verifiedByModule(runs, tr.closures);
  const manifest: Manifest = { ...previous, toolVersion, modules: { ...previous.modules } };
  for (const name of fresh) {
    const t = tr.status[name];
    const b = go.status[name];
    const entry: ManifestEntry = {
      path: scanned.modules.find((m) => m.name === name)!.path,
      sourceHash: hashes.get(name) ?? '',
      migratedAt: now.toISOString(),
      transpiled: t?.ok === true,
      builds: b?.ok === true,
      verified: verified.get(name) ?? (verifyEnabled ? 'not-run' : previous.modules[name]?.sourceHash === hashes.get(name) ? previous.modules[name]!.verified : 'not-run'),
    };
    const imp = imported.get(name);
    if (imp) entry.imports = imp.ok;
    const why = t && !t.ok ? t.reason : b && !b.ok ? b.reason : imp && !imp.ok ? `import failed: ${imp.error}` : undefined;
    if (why) entry.error = why;
    manifest.modules[name] = entry;
  }
  for (const name of kept) {
    const b = go.status[name];
    manifest.modules[name] = { ...previous.modules[name]!, builds: b?.ok === true };
  }
  saveManifest(stateDir, manifest);

  const audit: AuditJson = {
    ...withMigrationStatus(scanned, manifest, hashes),
    generatedAt: now.toISOString(),
    pipeline: {
      goModule: path.relative(outDir, goDir) || '.',
      transpile: { modules: tr.packages.length, reused: tr.reused.length },
      verification: { enabled: verifyEnabled, ...(python ? { python: python.executable } : {}), ...(skipped ? { skipped } : {}), runs: runs.map(toContractRun) },
      goVet: { ok: go.vet.ok, ...(go.vet.output ? { output: go.vet.output } : {}) },
    },
  };
  writeFileAtomic(path.join(outDir, 'audit.json'), JSON.stringify(audit, null, 2) + '\n');
  writeFileAtomic(path.join(outDir, 'audit.sarif'), JSON.stringify(toSarif(audit), null, 2) + '\n');

  // 7. report (and the run history it charts)
  let reportIndex: string | undefined;
  if (!opts.noReport) {
    const r = await reportRun({ audit, sources: repoSources(root), outDir, now });
    diagnostics.push(...r.diagnostics);
    reportIndex = r.index;
  }
  return { audit, outDir, plan, reportIndex, diagnostics };
}

/** Go packages generated by an earlier run, reused for drifted modules this run does not migrate. */
function keptPackages(goDir: string, audit: Readonly<AuditJson>, kept: readonly string[], fresh: readonly TranspiledPackage[]): TranspiledPackage[] {
  const have = new Set(fresh.map((p) => p.module));
  const out: TranspiledPackage[] = [];
  for (const name of kept) {
    if (have.has(name)) continue;
    const goPackage = goPackageFor(name);
    const file = path.join(goDir, packageDirFor(goPackage), 'module.go');
    if (!existsSync(file)) continue;
    out.push({ module: name, goPackage, file: audit.modules.find((m) => m.name === name)!.path, source: readFileSync(file, 'utf8') });
  }
  return out;
}

/** A module's verification status: from every run whose program loads it. */
function verifiedByModule(runs: readonly VerifyRun[], closures: Readonly<Record<string, string[]>>): Map<string, VerifyStatus> {
  const out = new Map<string, VerifyStatus>();
  const rank: Record<VerifyStatus, number> = { 'not-run': 0, equivalent: 1, error: 2, different: 3 };
  for (const run of runs) {
    for (const m of (run.covers ?? [run.module]).flatMap((c) => closures[c] ?? [c])) {
      const prev = out.get(m) ?? 'not-run';
      if (rank[run.status] > rank[prev]) out.set(m, run.status);
    }
  }
  return out;
}

function toContractRun(r: VerifyRun): VerificationRun {
  const out: VerificationRun = { module: r.module, args: r.args, status: r.status, pythonMs: r.python.ms, goMs: r.go.ms };
  if (r.covers) out.covers = r.covers;
  if (r.normalized) out.normalized = r.normalized;
  if (r.reason) out.reason = r.reason;
  if (r.diff) out.diff = r.diff;
  return out;
}
