// Launches the machine's Debian Chromium through playwright-core (no browser downloads), and
// records console errors and failed requests for each page so tests can assert there were none.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
];

export interface PageProblems { console: string[]; failed: string[]; pageErrors: string[]; dialogs: string[]; external: string[] }

export interface Browser {
  context: BrowserContext;
  open(url: string, opts?: { colorScheme?: 'light' | 'dark'; width?: number; height?: number }): Promise<{ page: Page; problems: PageProblems }>;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'grumpy-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM, args: ARGS, headless: true, viewport: { width: 1360, height: 900 },
  });
  return {
    context,
    async open(url, opts = {}) {
      const page = await context.newPage();
      if (opts.width || opts.height) await page.setViewportSize({ width: opts.width ?? 1360, height: opts.height ?? 900 });
      if (opts.colorScheme) await page.emulateMedia({ colorScheme: opts.colorScheme });
      const problems: PageProblems = { console: [], failed: [], pageErrors: [], dialogs: [], external: [] };
      page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.console.push(`${m.type()}: ${m.text()}`); });
      page.on('pageerror', (e) => problems.pageErrors.push(String(e)));
      page.on('requestfailed', (r) => problems.failed.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
      page.on('request', (r) => { if (!/^(file|data|blob|about):/.test(r.url()) && !r.url().startsWith('http://127.0.0.1')) problems.external.push(r.url()); });
      page.on('dialog', (d) => { problems.dialogs.push(d.message()); void d.dismiss(); });
      await page.goto(url, { waitUntil: 'load' });
      return { page, problems };
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
