// The parse stage over many files: p-map over worker_threads, one parser per worker, all cores
// by default, results in request order. parseOne is the same code path in-process.
//
// Workers run compiled JS: from dist/ the worker sits next to this file. Under vitest/tsx (this
// file is .ts) the worker is loaded through tsx's loader; when neither works, parsing falls
// back to in-process, so callers always get results.

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { availableParallelism } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import pMap from 'p-map';
import { progress, silentSink, type EventSink } from '../events.js';
import { parseOne, type ParseRequest, type ParseResult } from './parse-one.js';
import type { WorkerJob, WorkerReply } from './worker.js';
import { decodeTape } from '../ast/tape.js';

export { parseOne } from './parse-one.js';
export type { ParseRequest, ParseResult } from './parse-one.js';

export interface ParseOptions {
  threads?: number;
  events?: EventSink;
}

/** Below this many files a pool costs more than it saves. */
const MIN_FILES_FOR_POOL = 4;
/** Requests in flight per worker thread, so a worker never idles waiting for the next one. */
const SLOTS_PER_WORKER = 2;

/**
 * The main thread is one of the `threads` lanes: it parses too, between receiving results, so
 * on N cores we start N-1 worker threads. That halves the results that must be copied back
 * (a worker's AST crosses threads as JSON, which the main thread has to parse).
 */
export async function parseFiles(reqs: ParseRequest[], opts: ParseOptions = {}): Promise<ParseResult[]> {
  const events = opts.events ?? silentSink;
  const threads = Math.max(1, Math.min(opts.threads ?? availableParallelism(), reqs.length));
  let done = 0;
  const tick = (): void => progress(events, 'parse', ++done, reqs.length);
  if (threads <= 1 || reqs.length < MIN_FILES_FOR_POOL) {
    return reqs.map((r) => { const x = parseOne(r); tick(); return x; });
  }
  const workers = startWorkers(threads - 1);
  try {
    const lanes: PoolWorker[] = [mainThreadLane()];
    for (let s = 0; s < SLOTS_PER_WORKER; s++) lanes.push(...workers);
    const idle = lanes.reverse();
    const waiting: Array<(w: PoolWorker) => void> = [];
    const acquire = (): Promise<PoolWorker> =>
      idle.length ? Promise.resolve(idle.pop()!) : new Promise((res) => waiting.push(res));
    const release = (w: PoolWorker): void => {
      const next = waiting.shift();
      if (next) next(w); else idle.push(w);
    };
    return await pMap(reqs, async (req) => {
      const w = await acquire();
      try {
        const r = await w.run(req);
        tick();
        return r;
      } finally {
        release(w);
      }
    }, { concurrency: lanes.length });
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
  }
}

/** Parses on the main thread, then yields so worker results can be received in between. */
function mainThreadLane(): PoolWorker {
  return {
    run: async (req) => {
      const r = parseOne(req);
      await new Promise<void>((res) => setImmediate(res));
      return r;
    },
    stop: async () => {},
  };
}

interface PoolWorker {
  run(req: ParseRequest): Promise<ParseResult>;
  stop(): Promise<void>;
}

/** How to start a worker thread, or undefined when only in-process parsing works. */
type WorkerStart = () => Worker;

function workerEntry(): WorkerStart | undefined {
  const js = new URL('./worker.js', import.meta.url);
  if (existsSync(fileURLToPath(js))) return () => new Worker(js);
  // Running from TypeScript sources (vitest, tsx): register tsx's loader inside the thread.
  const ts = new URL('./worker.ts', import.meta.url);
  const tsxApi = tsxEsmApi();
  if (!tsxApi) return undefined;
  if (!existsSync(fileURLToPath(ts))) return undefined;
  const boot = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(ts.href)}); });`;
  return () => new Worker(boot, { eval: true });
}

/** tsx's ESM register API, resolved through its package exports (vitest lacks import.meta.resolve). */
function tsxEsmApi(): string | undefined {
  try {
    const req = createRequire(import.meta.url);
    const pkgPath = req.resolve('tsx/package.json');
    const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { exports?: Record<string, { import?: { default?: string } }> };
    const rel = pkg.exports?.['./esm/api']?.import?.default;
    return rel ? pathToFileURL(path.join(path.dirname(pkgPath), rel)).href : undefined;
  } catch {
    return undefined;
  }
}

/** How parseFiles runs its extra lanes here: real threads, or in-process when no worker loads. */
export function workerMode(): 'thread' | 'in-process' {
  return workerEntry() ? 'thread' : 'in-process';
}

function startWorkers(n: number): PoolWorker[] {
  const start = workerEntry();
  const out: PoolWorker[] = [];
  for (let k = 0; k < n; k++) out.push(start ? threadWorker(start) : inProcessWorker());
  return out;
}

function inProcessWorker(): PoolWorker {
  return mainThreadLane();
}

function threadWorker(start: WorkerStart): PoolWorker {
  const worker = start();
  let nextId = 0;
  const pending = new Map<number, { resolve: (r: ParseResult) => void; reject: (e: Error) => void }>();
  const failAll = (e: Error): void => {
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  const jobs = new Map<number, ParseRequest>();
  worker.on('message', (m: WorkerReply) => {
    const p = pending.get(m.id);
    const req = jobs.get(m.id)!;
    pending.delete(m.id);
    jobs.delete(m.id);
    if (!p) return;
    try {
      if (m.tooDeep || !m.result) { p.resolve(parseOne(req)); return; }
      const r = m.result;
      if (m.tape) r.ast = decodeTape(m.tape);
      p.resolve(r);
    } catch (e) {
      // A tape too deep for the recursive decoder: parse in-process instead.
      if (e instanceof RangeError) p.resolve(parseOne(req)); else p.reject(e as Error);
    }
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => { if (pending.size) failAll(new Error(`parse worker exited with code ${code}`)); });
  return {
    run: (req) => new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      jobs.set(id, req);
      const job: WorkerJob = { id, req };
      worker.postMessage(job);
    }),
    stop: async () => { await worker.terminate(); },
  };
}
