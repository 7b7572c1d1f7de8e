// The report in a real Chromium (Debian's, through playwright-core): the sample fixture from
// file:// and over HTTP, the XSS fixture, and a 2,000-module synthetic audit. Screenshots go to
// test-artifacts/ (not committed).

import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeRepository } from '../../src/analyze/index.js';
import { main } from '../../src/cli/main.js';
import { writeReport } from '../../src/report/index.js';
import { historyEntryFrom } from '../../src/state/history.js';
import { syntheticAudit } from '../../fixtures/report/synthetic.js';
import { launchBrowser, type Browser, type PageProblems } from './browser.js';
import { CONTRAST_CHECK } from './contrast.js';
import { loadFixture, renderFixture, tempDir } from './render-helpers.js';

const ARTIFACTS = path.join(__dirname, '../../test-artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

function expectClean(p: PageProblems): void {
  expect(p.console).toEqual([]);
  expect(p.pageErrors).toEqual([]);
  expect(p.failed).toEqual([]);
  expect(p.external).toEqual([]);
  expect(p.dialogs).toEqual([]);
}

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

describe('sample report, two runs of `report`', () => {
  const { audit, repo, auditFile } = loadFixture('sample');
  let dir = '';
  const url = (p: string): string => `file://${path.join(dir, 'report', p)}`;

  beforeAll(async () => {
    const out = tempDir('browser');
    for (let run = 0; run < 2; run++) {
      expect(await main(['node', 'grumpy-audit', '--quiet', 'report', repo, '--out', out, '--from-json', auditFile])).toBe(0);
    }
    dir = out;
  });

  it('opens the dashboard from file:// with the headline numbers of audit.json', async () => {
    const { page, problems } = await browser.open(url('index.html'));
    const s = audit.summary;
    for (const v of ['ready', 'blocked', 'blocked-by-dependency', 'error'] as const) {
      const row = page.locator(`#coverage table.coverage tr[data-key="${v}"]`);
      expect(await row.locator('td[data-modules]').getAttribute('data-modules')).toBe(String(s.byVerdict[v]));
      expect(await row.locator('td[data-lines]').getAttribute('data-lines')).toBe(String(s.linesByVerdict![v]));
    }
    // 8 of 15 modules ready is 53%; 62 of 142 lines is 44%.
    expect(await page.locator('.kpi[data-key="ready"] .kpi-value').textContent()).toBe(`${Math.round((100 * s.byVerdict.ready!) / s.modules)}%`);
    expect(await page.locator('#coverage tr[data-key="ready"] [data-pct="lines"]').textContent()).toBe(`${Math.round((100 * s.linesByVerdict!.ready!) / s.lines)}%`);
    expect(await page.locator('.lede').textContent()).toContain(`${s.modules} modules · ${s.lines} lines · ${audit.findings.length} findings`);
    // Derived sections: the top blocker, native code, the cycle, the waves.
    expect(await page.locator('#blockers tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('#native').textContent()).toContain('shop/_speedups.c');
    expect(await page.locator('#dependencies').textContent()).toContain('numpy');
    expect(await page.locator('#cycles').textContent()).toContain('shop.b → shop.a');
    expect(await page.locator('#waves > ol > li').count()).toBe(audit.waves.length);
    // A headline status links to the module table filtered to it.
    await Promise.all([page.waitForURL(/modules\.html\?verdict=blocked$/), page.locator('.kpi[data-key="blocked"] a').click()]);
    await page.waitForSelector('#module-table[data-ready]');
    expect(await page.locator('#module-table').getAttribute('data-shown')).toBe(String(s.byVerdict.blocked));
    await page.goBack();
    await page.screenshot({ path: path.join(ARTIFACTS, 'sample-index.png'), fullPage: true });
    expectClean(problems);
    await page.close();
  });

  it('charts two points after two runs', async () => {
    const { page, problems } = await browser.open(url('index.html'));
    await page.waitForSelector('#chart-modules[data-points]');
    expect(await page.locator('#chart-modules').getAttribute('data-points')).toBe('2');
    expect(await page.locator('#chart-lines').getAttribute('data-points')).toBe('2');
    expect(await page.locator('#trend-table tbody tr').count()).toBe(2);
    // The chart really drew something: count painted pixels on its canvas.
    const painted = await page.evaluate(() => {
      const c = document.querySelector('#chart-modules canvas') as HTMLCanvasElement;
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < d.length; i += 4) if (d[i]! > 0) n++;
      return n;
    });
    expect(painted).toBeGreaterThan(500);
    await page.locator('#trends').screenshot({ path: path.join(ARTIFACTS, 'sample-trends.png') });
    expectClean(problems);
    await page.close();
  });

  it('sorts and filters the module table', async () => {
    const s = audit.summary;
    const { page, problems } = await browser.open(url('modules.html'));
    await page.waitForSelector('#module-table[data-ready]');
    const names = (): Promise<string[]> => page.locator('#module-table tbody tr:not([hidden])').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-name')!));
    expect(await names()).toEqual(audit.modules.map((m) => m.name).sort());

    await page.locator('th[data-key="lines"] button').click();
    const byLines = [...audit.modules].sort((a, b) => b.lines - a.lines || (a.name < b.name ? -1 : 1)).map((m) => m.name);
    expect(await names()).toEqual(byLines);
    expect(await page.locator('th[data-key="lines"]').getAttribute('aria-sort')).toBe('descending');
    await page.locator('th[data-key="lines"] button').press('Enter'); // keyboard works on the header too
    expect((await names())[0]).toBe(byLines[byLines.length - 1]);

    await page.selectOption('#f-verdict', 'blocked');
    expect(await page.locator('#row-summary').textContent()).toBe(`${s.byVerdict.blocked} modules · ${s.linesByVerdict!.blocked} lines`);
    expect((await names()).sort()).toEqual(audit.modules.filter((m) => m.verdict === 'blocked').map((m) => m.name).sort());
    await page.selectOption('#f-verdict', '');
    await page.selectOption('#f-category', 'dynamic');
    expect(await names()).toEqual(['shop.pricing']);
    await page.selectOption('#f-category', '');
    await page.selectOption('#f-package', 'shop.web');
    expect((await names()).sort()).toEqual(['shop.web', 'shop.web.compat', 'shop.web.views']);
    await page.selectOption('#f-package', '');

    await page.keyboard.press('/');
    await page.keyboard.type('cart');
    await page.waitForFunction(() => document.querySelector('#module-table')!.getAttribute('data-shown') === '1');
    expect(await names()).toEqual(['shop.cart']);
    expect(await page.locator('#row-count').textContent()).toBe(`1 of ${audit.modules.length}`);
    const cart = audit.modules.find((m) => m.name === 'shop.cart')!;
    expect(await page.locator('#row-summary').textContent()).toBe(`1 module · ${cart.lines} lines`);
    await page.keyboard.press('Escape');
    await page.keyboard.press('j');
    await Promise.all([page.waitForURL(/shop\.cart\.html$/), page.keyboard.press('Enter')]);
    expectClean(problems);
    await page.close();
  });

  it('shows a finding on its line in the annotated source, linked to its rule page', async () => {
    const { page, problems } = await browser.open(url('modules/shop.pricing.html'));
    const exec = audit.findings.find((f) => f.ruleId === 'dynamic-exec')!;
    const line = page.locator(`#L${exec.line}`);
    expect(await line.textContent()).toBe('    exec code in scope');
    await page.waitForSelector('#source[data-highlighted]');
    expect(await line.locator('.k').allTextContents()).toEqual(['exec', 'in']);
    expect(await line.textContent()).toBe('    exec code in scope'); // colouring changes no text
    expect(await line.getAttribute('class')).toContain('sev-blocker');
    const note = page.locator(`#L${exec.line} + .finding`);
    expect(await note.locator('.msg').textContent()).toBe(exec.message);
    expect(await note.getAttribute('data-line')).toBe(String(exec.line));
    await page.screenshot({ path: path.join(ARTIFACTS, 'sample-module.png'), fullPage: true });
    await Promise.all([page.waitForURL(/rules\/dynamic-exec\.html$/), note.locator('a.rule').click()]);
    expect(await page.locator('h1').textContent()).toBe('exec statement or exec()');
    expect(await page.locator('#occurrences tbody tr').count()).toBe(1);
    expect(await page.locator('#h-fix + p').textContent()).toContain('dict of name to function');
    expectClean(problems);
    await page.close();
  });

  it('shows why a module is blocked: the shortest chain', async () => {
    const { page, problems } = await browser.open(url('modules/shop.web.views.html'));
    expect(await page.locator('#block-chain li a').allTextContents()).toEqual(['shop.web.views', 'shop.cart', 'shop.pricing']);
    expectClean(problems);
    await page.close();
  });

  it('opens the graph and focuses a node, by search and by click', async () => {
    const { page, problems } = await browser.open(url('graph.html'));
    await page.waitForSelector('#graph[data-ready]');
    expect(await page.locator('#graph').getAttribute('data-mode')).toBe('overview');
    await page.fill('#g-search', 'shop.web.views');
    await page.press('#g-search', 'Enter');
    await page.waitForSelector('#graph[data-focus="shop.web.views"]');
    expect(await page.locator('#g-focus-name').textContent()).toBe('shop.web.views');
    expect(await page.locator('.chain-list a').allTextContents()).toEqual(['shop.web.views', 'shop.cart', 'shop.pricing']);
    const chainEdges = await page.evaluate(() => (window as unknown as { grumpyGraph: { edges(s: string): { length: number } } }).grumpyGraph.edges('.chain').length);
    expect(chainEdges).toBe(2);
    await page.screenshot({ path: path.join(ARTIFACTS, 'sample-graph-focus.png') });

    // Click the node of shop.cart on the canvas: the focus moves there.
    const pos = await page.evaluate(() => {
      const cy = (window as unknown as { grumpyGraph: { nodes(): { filter(f: (n: { data(k: string): string }) => boolean): { renderedPosition(): { x: number; y: number } } } } }).grumpyGraph;
      return cy.nodes().filter((n) => n.data('label') === 'shop.cart').renderedPosition();
    });
    const box = (await page.locator('#graph').boundingBox())!;
    await page.mouse.click(box.x + pos.x, box.y + pos.y);
    await page.waitForSelector('#graph[data-focus="shop.cart"]');
    // Walk on with the keyboard: the neighbours are links in the side panel.
    await page.locator('#g-imports a', { hasText: 'shop.models' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('#graph[data-focus="shop.models"]');
    await page.click('#g-overview');
    await page.waitForSelector('#graph[data-mode="overview"]');
    expectClean(problems);
    await page.close();
  });

  it('keeps text contrast at WCAG AA in both themes', async () => {
    const failures: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      for (const p of ['index.html', 'modules.html', 'modules/shop.pricing.html', 'rules/dynamic-exec.html', 'graph.html']) {
        const { page } = await browser.open(url(p), { colorScheme: scheme });
        if (p.startsWith('modules/')) await page.waitForSelector('#source[data-highlighted]');
        for (const f of (await page.evaluate(CONTRAST_CHECK)) as string[]) failures.push(`${scheme} ${p}: ${f}`);
        await page.close();
      }
    }
    expect(failures).toEqual([]);
  });

  it('looks right in the dark theme', async () => {
    const { page, problems } = await browser.open(url('index.html'), { colorScheme: 'dark' });
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(13, 17, 23)');
    await page.screenshot({ path: path.join(ARTIFACTS, 'sample-index-dark.png'), fullPage: true });
    expectClean(problems);
    await page.close();
  });

  it('works over HTTP too', async () => {
    const root = path.join(dir, 'report');
    const notFound: string[] = [];
    const server = http.createServer((req, res) => {
      const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const file = path.join(root, rel);
      if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
      let body: Buffer;
      try {
        body = readFileSync(file);
      } catch {
        notFound.push(rel);
        res.writeHead(404).end();
        return;
      }
      const type = file.endsWith('.html') ? 'text/html' : file.endsWith('.css') ? 'text/css' : 'text/javascript';
      res.writeHead(200, { 'content-type': `${type}; charset=utf-8` }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      for (const p of ['index.html', 'modules.html', 'graph.html', 'modules/shop.cart.html']) {
        const { page, problems } = await browser.open(`http://127.0.0.1:${port}/${p}`);
        if (p === 'graph.html') await page.waitForSelector('#graph[data-ready]');
        expectClean(problems);
        await page.close();
      }
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(notFound).toEqual([]);
  });
});

describe('`report REPO` running the analyzer', () => {
  it('analyses the sample repository and renders the same numbers the analyzer produced', async () => {
    const { repo } = loadFixture('sample');
    const out = tempDir('analyze');
    expect(await main(['node', 'grumpy-audit', '--quiet', 'report', repo, '--out', out])).toBe(0);
    const { audit } = (await analyzeRepository(repo, { cacheDir: false }));
    const { page, problems } = await browser.open(`file://${path.join(out, 'report', 'index.html')}`);
    for (const v of ['ready', 'blocked', 'blocked-by-dependency', 'error'] as const) {
      const n = audit.modules.filter((m) => m.verdict === v).length;
      expect(await page.locator(`#coverage tr[data-key="${v}"] td[data-modules]`).getAttribute('data-modules')).toBe(String(n));
    }
    expect(await page.locator('#native').textContent()).toContain('shop._speedups');
    await page.screenshot({ path: path.join(ARTIFACTS, 'analyzed-index.png'), fullPage: true });
    expectClean(problems);
    await page.close();
  });
});

describe('XSS fixture', () => {
  it('renders hostile names, sources and messages as text and runs none of them', async () => {
    const r = await renderFixture('xss');
    const reportDir = path.join(r.outDir, 'report');
    const pages = ['index.html', 'modules.html', 'rules.html', 'graph.html',
      ...readdirSync(path.join(reportDir, 'modules')).map((f) => `modules/${f}`),
      ...readdirSync(path.join(reportDir, 'rules')).map((f) => `rules/${f}`)];
    expect(pages.length).toBeGreaterThanOrEqual(10);
    const texts: string[] = [];
    for (const p of pages) {
      const { page, problems } = await browser.open(`file://${path.join(reportDir, p)}`);
      if (p === 'graph.html') {
        await page.waitForSelector('#graph[data-ready]');
        await page.fill('#g-search', 'evil.<img src=x onerror=window.__pwned=1>');
        await page.press('#g-search', 'Enter');
        await page.waitForSelector('#graph[data-mode="focus"]');
      }
      await page.mouse.move(200, 300);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), p).toBeUndefined();
      expect(await page.locator('img, iframe, svg:not(.uplot svg), b[onmouseover]').count(), p).toBe(0);
      texts.push(await page.locator('body').innerText());
      if (p.startsWith('modules/evil._img')) await page.screenshot({ path: path.join(ARTIFACTS, 'xss-module.png'), fullPage: true });
      expectClean(problems);
      await page.close();
    }
    const all = texts.join('\n');
    expect(all).toContain('evil.<img src=x onerror=window.__pwned=1>');
    expect(all).toContain(`evil.q"uote'&amp`);
    expect(all).toContain('# </script><script>window.__pwned = 1; alert("init")</script>');
    expect(all).toContain('exec of "</script><script>window.__pwned=3</script>" & \'friends\'');
    expect(all).toContain('</p><script>window.__pwned=4</script>');
    expect(all).toContain('and </code><script>window.__pwned=6</script>'); // a `code` part, escaped too
  });
});

describe('2,000 modules (synthetic audit)', () => {
  const syn = syntheticAudit(2000);
  let reportDir = '';
  beforeAll(async () => {
    const outDir = tempDir('scale');
    const history = [historyEntryFrom(syn.audit, new Date('2026-11-20T00:00:00Z'), '0.1.0'), historyEntryFrom(syn.audit, new Date('2026-11-21T00:00:00Z'), '0.1.0')];
    await writeReport({ audit: syn.audit, sources: (p) => syn.sources.get(p), history, outDir });
    reportDir = path.join(outDir, 'report');
  });

  it('filters and sorts all rows of the module table', async () => {
    const { page, problems } = await browser.open(`file://${path.join(reportDir, 'modules.html')}`);
    await page.waitForSelector('#module-table[data-ready]');
    expect(await page.locator('#module-table tbody tr').count()).toBe(2000);
    await page.selectOption('#f-verdict', 'blocked');
    expect(await page.locator('#module-table').getAttribute('data-shown')).toBe(String(syn.audit.summary.byVerdict.blocked));
    await page.locator('th[data-key="findings"] button').click();
    const top = await page.locator('#module-table tbody tr:not([hidden])').first().getAttribute('data-name');
    const most = Math.max(...syn.audit.modules.filter((m) => m.verdict === 'blocked').map((m) => syn.audit.findings.filter((f) => f.module === m.name).length));
    expect(syn.audit.findings.filter((f) => f.module === top).length).toBe(most);
    expectClean(problems);
    await page.close();
  });

  it('clusters the graph by package and focuses a module', async () => {
    const { page, problems } = await browser.open(`file://${path.join(reportDir, 'graph.html')}`);
    await page.waitForSelector('#graph[data-ready]', { timeout: 60_000 });
    const shown = Number(await page.locator('#graph').getAttribute('data-nodes'));
    expect(shown).toBeGreaterThan(10);
    expect(shown).toBeLessThan(400);
    // Open the biggest package, then fold it again from the side panel.
    const group = await page.evaluate(() => {
      const cy = (window as unknown as { grumpyGraph: { nodes(s: string): { sort(f: (a: { width(): number }, b: { width(): number }) => number): { id(): string; emit(e: string): void }[] } } }).grumpyGraph;
      const g = cy.nodes('.group').sort((a, b) => b.width() - a.width())[0]!;
      g.emit('tap');
      return g.id().slice(2);
    });
    await page.waitForSelector(`#g-open button[data-package="${group}"]`);
    expect(Number(await page.locator('#graph').getAttribute('data-nodes'))).toBeGreaterThan(shown);
    await page.click(`#g-open button[data-package="${group}"]`);
    await page.waitForFunction((n) => document.querySelector('#graph')!.getAttribute('data-nodes') === String(n), shown);
    await page.screenshot({ path: path.join(ARTIFACTS, 'scale-graph.png') });
    const target = syn.audit.modules.find((m) => m.blockChain && m.blockChain.length >= 3)!;
    await page.fill('#g-search', target.name);
    await page.press('#g-search', 'Enter');
    await page.waitForSelector(`#graph[data-mode="focus"]`);
    expect(await page.locator('#g-focus-name').textContent()).toBe(target.name);
    expect(await page.locator('.chain-list a').allTextContents()).toEqual(target.blockChain);
    await page.screenshot({ path: path.join(ARTIFACTS, 'scale-graph-focus.png') });
    expectClean(problems);
    await page.close();
  });
});
