// Go interop end to end: Python programs importing Go packages through `__go__` are built with the
// real CLI (`grumpy-audit build` / `run`, real `go build`) and run. The servers listen on a free
// loopback port; the test waits until they accept connections, talks HTTP to them and kills them.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { findGo } from '../../src/build/toolchain.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = path.join(root, 'bin', 'grumpy-audit.js');
const fixtures = path.join(root, 'fixtures', 'gointerop');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'gointerop-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function cliSync(args: string[]): { out: string; err: string; rc: number } {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, GRUMPY_QUIET_PARSE: '1' } });
  return { out: r.stdout, err: r.stderr, rc: r.status ?? -1 };
}

/** Builds fixtures/gointerop/NAME.py into a standalone binary. */
function build(name: string): string {
  const bin = path.join(tmp, name);
  const r = cliSync(['build', path.join('fixtures', 'gointerop', `${name}.py`), '-o', bin]);
  expect(r.err + r.out).not.toMatch(/error/i);
  expect(r.rc).toBe(0);
  return bin;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** Resolves once something accepts connections on the port; rejects if the process exits first. */
async function waitForListen(port: number, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${stderr()}`);
    const ok = await new Promise<boolean>((resolve) => {
      const c = net.connect(port, '127.0.0.1');
      c.once('connect', () => { c.destroy(); resolve(true); });
      c.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`nothing listened on ${port} within 30 s: ${stderr()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

interface Reply { status: number; headers: http.IncomingHttpHeaders; body: string }

/** One GET; node's http client never follows redirects. */
function get(port: number, urlPath: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: urlPath, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => { body += d; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
  });
}

/** Starts the binary with the port as argv[1], runs body against it, kills it; returns its stderr. */
async function withServer(bin: string, body: (port: number) => Promise<void>): Promise<string> {
  const port = await freePort();
  const child = spawn(bin, [String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => { stderr += d.toString(); });
  try {
    await waitForListen(port, child, () => stderr);
    await body(port);
  } finally {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    }
  }
  return stderr;
}

describe.skipIf(typeof findGo() === 'string')('Go interop (__go__ imports)', () => {
  it("runs Grumpy's announcement example: RedirectHandler answers 303 with the Location", async () => {
    const bin = build('redirect_server');
    const stderr = await withServer(bin, async (port) => {
      for (const p of ['/', '/some/page?q=1']) {
        const r = await get(port, p);
        expect(r.status).toBe(303);
        expect(r.headers.location).toBe('http://github.com/google/grumpy');
      }
    });
    expect(stderr).toBe('');
  }, 600_000);

  it('serves HTTP from Python functions that Go calls concurrently; a raising handler is reported', async () => {
    const bin = build('handler_server');
    const stderr = await withServer(bin, async (port) => {
      const first = await get(port, '/one');
      expect(first).toMatchObject({ status: 418, body: 'hello /one, request 1\n' });
      expect(first.headers['x-python']).toBe('GET');
      // mux.Handle got the Python function where Go wants an http.Handler.
      expect(await get(port, '/adapter')).toMatchObject({ status: 418, body: 'hello /adapter, request 2\n' });
      // Concurrent requests run the Python handler on several goroutines; every one is counted.
      const many = await Promise.all(Array.from({ length: 8 }, (_, i) => get(port, `/p${i}`)));
      expect(many.map((r) => r.status)).toEqual(Array(8).fill(418));
      const counts = many.map((r) => Number(/request (\d+)/.exec(r.body)![1])).sort((a, b) => a - b);
      expect(counts).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
      // The handler raised before writing anything: Go answers with its default, 200 and no body.
      expect(await get(port, '/boom')).toMatchObject({ status: 200, body: '' });
      expect(await get(port, '/after')).toMatchObject({ status: 418, body: 'hello /after, request 11\n' });
    });
    expect(stderr).toBe([
      'Unhandled exception in Python callback called from Go func(http.ResponseWriter, *http.Request):',
      'Traceback (most recent call last):',
      `  File "${path.join('fixtures', 'gointerop', 'handler_server.py')}", line 25, in boom`,
      "    raise ValueError('boom at ' + r.URL.Path)",
      'ValueError: boom at /boom',
      '',
    ].join('\n'));
  }, 600_000);

  it('converts values both ways, raises GoError for Go errors and panics, checks overflow', () => {
    const r = cliSync(['run', path.join('fixtures', 'gointerop', 'conversions.py')]);
    expect(r.err).toBe('');
    expect(r.out).toBe(readFileSync(path.join(fixtures, 'conversions.out'), 'utf8'));
    expect(r.rc).toBe(0);
  }, 600_000);

  it('warns about attribute reads that are not Go members, and raises AttributeError for them', () => {
    // --vet always transpiles (no cached binary), so the warning is always printed.
    const bin = path.join(tmp, 'attr_warning');
    const b = cliSync(['build', '--vet', path.join('fixtures', 'gointerop', 'attr_warning.py'), '-o', bin]);
    expect(b.rc, b.err).toBe(0);
    expect(b.err.split('\n')[0]).toBe(`${path.join('fixtures', 'gointerop', 'attr_warning.py')}:4:1: warning: Go package strings has no exported member 'NoSuchFunction'; reading it raises AttributeError [go-interop]`);
    const r = spawnSync(bin, [], { encoding: 'utf8' });
    expect({ out: r.stdout, err: r.stderr, rc: r.status }).toEqual({
      out: "AttributeError: 'module' object has no attribute 'NoSuchFunction'\nSTILL WORKS\n", err: '', rc: 0,
    });
  }, 600_000);

  it('reports unknown or unusable Go members at compile time, naming them', () => {
    const r = cliSync(['run', path.join('fixtures', 'gointerop', 'bad_members.py')]);
    expect(r.rc).not.toBe(0);
    expect(r.out).toBe('');
    expect(r.err).toContain("Go package strings has no exported member 'NoSuchThing'");
    expect(r.err).toContain('Go slices.Sort');
    expect(r.err).toContain('generic functions and types need type arguments');
    expect(r.err).toContain("Go package no/such/pkg is not in the Go toolchain's standard library");
    expect(r.err).toContain("'from __go__.os import *' is not supported");
  }, 600_000);
});
