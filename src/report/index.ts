// The report stage's entry: AuditJson + sources + history → a static site under <outDir>/report/.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { packageRoot, toolVersion as currentToolVersion } from '../version.js';
import { loadAssets } from './assets.js';
import { buildReportModel } from './build.js';
import type { ReportInput } from './model.js';
import { Renderer, templateFiles, type PageTemplate } from './render.js';
import { readStatus, reusable, STATUS_FILE, STATUS_FORMAT, type ReportStatus } from './status.js';

export type { ReportInput } from './model.js';

export interface WriteReportOptions extends ReportInput {
  /** The output folder (e.g. REPO/.grumpy-audit); the site goes to <outDir>/report/. */
  readonly outDir: string;
  /** Defaults to the templates shipped with the package. */
  readonly templatesDir?: string;
  /** Defaults to the package version; tests pin it. */
  readonly toolVersion?: string;
}

export interface WriteReportResult {
  /** Absolute path of index.html. */
  index: string;
  /** Every file of the report (absolute), written this time or kept from the last run. */
  files: string[];
  /** How many of them were (re)written this time. */
  written: number;
  ms: number;
}

function sha(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

export async function writeReport(opts: WriteReportOptions): Promise<WriteReportResult> {
  const t0 = performance.now();
  const templatesDir = opts.templatesDir ?? path.join(packageRoot, 'reports-templates');
  const version = opts.toolVersion ?? currentToolVersion;
  const reportDir = path.join(opts.outDir, 'report');
  const assets = loadAssets(templatesDir);
  const renderer = new Renderer(templatesDir, assets);
  const globalHash = sha(JSON.stringify([
    STATUS_FORMAT, version,
    templateFiles(templatesDir).map((t) => [t.name, t.text]),
    assets.map((a) => a.hashed),
  ]));
  const statusFile = path.join(reportDir, STATUS_FILE);
  const previous = readStatus(statusFile);
  const reuse = reusable(previous, version, globalHash);
  const model = buildReportModel(opts, version);

  const status: ReportStatus = { format: STATUS_FORMAT, toolVersion: version, globalHash, pages: {} };
  const files: string[] = [];
  let written = 0;
  mkdirSync(path.join(reportDir, 'modules'), { recursive: true });
  mkdirSync(path.join(reportDir, 'rules'), { recursive: true });
  mkdirSync(path.join(reportDir, 'assets'), { recursive: true });

  // Writes go to the thread pool while the next page renders; a few in flight keep memory bounded.
  const inFlight = new Set<Promise<void>>();
  let failure: unknown;
  /** `key` is what decides the page's content: the view itself unless a cheaper equivalent exists. */
  const page = async (file: string, template: PageTemplate, view: object, key: object = view): Promise<void> => {
    const hash = sha(template + '\0' + JSON.stringify(key));
    const abs = path.join(reportDir, file);
    status.pages[file] = hash;
    files.push(abs);
    if (reuse && previous!.pages[file] === hash && existsSync(abs)) return;
    const w: Promise<void> = writeFile(abs, renderer.render(template, view))
      .catch((e: unknown) => { failure ??= e; })
      .finally(() => inFlight.delete(w));
    inFlight.add(w);
    written += 1;
    if (inFlight.size >= 8) await Promise.race(inFlight);
  };

  await page('index.html', 'index', model.index);
  await page('modules.html', 'modules', model.modules);
  await page('rules.html', 'rules', model.rules);
  await page('graph.html', 'graph', model.graph);
  for (const p of model.modulePages) {
    const view = p.view();
    // The annotated lines follow from the source text (sourceHash) and the findings, both in the key.
    await page(p.file, 'module', view, { ...view, source: null });
  }
  for (const p of model.rulePages) await page(p.file, 'rule', p.view);
  await Promise.all(inFlight);
  if (failure !== undefined) throw failure;

  const currentAssets = new Set<string>();
  for (const a of assets) {
    const abs = path.join(reportDir, 'assets', a.hashed);
    currentAssets.add(a.hashed);
    files.push(abs);
    if (!existsSync(abs)) {
      writeFileSync(abs, a.bytes);
      written += 1;
    }
  }

  // Pages of modules and rules that no longer exist, and superseded assets, would mislead: remove them.
  for (const old of Object.keys(previous?.pages ?? {})) {
    if (!(old in status.pages) && !old.includes('..')) rmSync(path.join(reportDir, old), { force: true });
  }
  for (const f of readdirSync(path.join(reportDir, 'assets'))) {
    if (!currentAssets.has(f)) rmSync(path.join(reportDir, 'assets', f), { force: true });
  }

  writeFileSync(statusFile, JSON.stringify(status, null, 1) + '\n');
  files.push(statusFile);
  return { index: path.join(reportDir, 'index.html'), files, written, ms: performance.now() - t0 };
}
