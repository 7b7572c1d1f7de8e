// Measures the report: render time (cold, then incremental with nothing changed, then with one
// module changed), and how long index.html, modules.html and graph.html take to load in Chromium
// from file://. Prints the numbers; asserts nothing. The input, in order of preference:
//   --audit audit.json [--repo DIR]   a saved `scan --format json`
//   --repo DIR                         analysed first (not timed as part of the report)
//   (default)                          the CPython 2.7 Lib of the python2.7 found on this machine
//   --synthetic [--modules N]          a synthetic audit of N (2,000) modules
//   npx tsx bench/report.ts

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AuditJson } from '../src/contract.js';
import { analyzeRepository } from '../src/analyze/index.js';
import { findPython2 } from '../src/python2.js';
import { writeReport } from '../src/report/index.js';
import { repoSources } from '../src/report/sources.js';
import { historyEntryFrom, type HistoryEntry } from '../src/state/history.js';
import { syntheticAudit } from '../fixtures/report/synthetic.js';
import { launchBrowser } from '../test/report/browser.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  let audit: AuditJson;
  let sources: (p: string) => string | undefined;
  let label: string;
  const auditFile = arg('--audit');
  const repo = arg('--repo') ?? (process.argv.includes('--synthetic') ? undefined : findPython2()?.libDir);
  if (auditFile) {
    audit = JSON.parse(readFileSync(auditFile, 'utf8')) as AuditJson;
    sources = repoSources(repo ?? audit.root);
    label = `${auditFile} (${audit.root})`;
  } else if (repo) {
    const t0 = performance.now();
    audit = (await analyzeRepository(repo, { cacheDir: false })).audit;
    sources = repoSources(repo);
    label = `${repo} (analysed in ${(performance.now() - t0).toFixed(0)} ms, not counted below)`;
  } else {
    const syn = syntheticAudit(Number(arg('--modules') ?? 2000));
    audit = syn.audit;
    sources = (p) => syn.sources.get(p);
    label = 'synthetic';
  }
  const lines = audit.modules.reduce((s, m) => s + m.lines, 0);
  console.log(`audit: ${label}: ${audit.modules.length} modules, ${lines} lines, ${audit.findings.length} findings`);
  // Timings on a shared machine mean little without the load they were taken under.
  console.log(`machine: ${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const out = mkdtempSync(path.join(os.tmpdir(), 'grumpy-bench-'));
  const day = 86_400_000;
  const history: HistoryEntry[] = [0, 1, 2].map((d) => historyEntryFrom(audit, new Date(Date.UTC(2026, 10, 20) + d * day), '0.1.0'));
  try {
    // Wall time, and this process's CPU time (user + system), which says more on a busy machine.
    const timed = async (name: string, a: AuditJson): Promise<void> => {
      const cpu0 = process.cpuUsage();
      const r = await writeReport({ audit: a, sources, history, outDir: out });
      const cpu = process.cpuUsage(cpu0);
      console.log(`render ${name.padEnd(12)} ${r.ms.toFixed(0)} ms wall, ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU (${r.written} files written)`);
    };
    await timed('cold', audit);
    await timed('unchanged', audit);
    await timed('one changed', { ...audit, modules: audit.modules.map((m, i) => (i === 0 ? { ...m, lines: m.lines + 1 } : m)) });

    const browser = await launchBrowser();
    try {
      for (const [page, ready] of [['index.html', null], ['modules.html', '#module-table[data-ready]'], ['graph.html', '#graph[data-ready]']] as const) {
        const runs: number[] = [];
        for (let i = 0; i < 3; i++) {
          const t0 = performance.now();
          const { page: p, problems } = await browser.open(`file://${path.join(out, 'report', page)}`);
          if (ready) await p.waitForSelector(ready, { timeout: 30_000 });
          runs.push(performance.now() - t0);
          const nav = await p.evaluate(() => {
            const e = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
            return e.loadEventEnd;
          });
          if (i === 2) console.log(`load ${page.padEnd(13)} median ${median(runs).toFixed(0)} ms (wall, to ${ready ? 'script ready' : 'load event'}); in-page loadEventEnd ${nav.toFixed(0)} ms; problems: ${problems.console.length + problems.failed.length + problems.pageErrors.length}`);
          await p.close();
        }
      }
    } finally {
      await browser.close();
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

await main();
