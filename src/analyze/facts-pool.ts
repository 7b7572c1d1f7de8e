// The scan's parse step on worker threads: tree-sitter plus extractFacts only, nothing else, since
// a cold scan must cost little more than tree-sitter parsing itself (bench/scan.ts). Files go out
// in batches balanced by size, biggest first, so one huge file does not end up last.

import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { progress, silentSink } from '../events.js';
import type { FactsJob, FactsReply } from './facts-worker.js';
import { parseForFactsSync, type FactsRequest, type FactsResult, type ParseForFacts } from './parse-step.js';

/** Below this much source text, starting threads costs more than it saves. */
const MIN_CHARS_FOR_THREADS = 512 * 1024;
const BATCH_CHARS = 256 * 1024;

export const parseOnThreads: ParseForFacts = async (reqs, opts) => {
  const events = opts.events ?? silentSink;
  const total = reqs.reduce((n, r) => n + r.text.length, 0);
  const threads = Math.max(1, Math.min(opts.threads ?? availableParallelism(), reqs.length));
  const start = workerStart();
  if (threads === 1 || total < MIN_CHARS_FOR_THREADS || !start) {
    let done = 0;
    return reqs.map((r) => {
      const out = parseForFactsSync(r);
      progress(events, 'parse', ++done, reqs.length);
      return out;
    });
  }
  const order = reqs.map((_, i) => i).sort((a, b) => reqs[b]!.text.length - reqs[a]!.text.length);
  const batches: number[][] = [];
  let cur: number[] = [];
  let size = 0;
  for (const i of order) {
    cur.push(i);
    size += reqs[i]!.text.length;
    if (size >= BATCH_CHARS) {
      batches.push(cur);
      cur = [];
      size = 0;
    }
  }
  if (cur.length > 0) batches.push(cur);

  const results: FactsResult[] = new Array(reqs.length);
  let done = 0;
  let next = 0;
  const workers = Array.from({ length: threads }, () => start());
  try {
    await Promise.all(workers.map((w) => new Promise<void>((resolve, reject) => {
      const send = () => {
        if (next >= batches.length) return resolve();
        const id = next++;
        const job: FactsJob = { id, reqs: batches[id]!.map((i) => reqs[i]!) };
        w.postMessage(job);
      };
      w.on('message', (reply: FactsReply) => {
        batches[reply.id]!.forEach((i, k) => { results[i] = reply.results[k]!; });
        done += reply.results.length;
        progress(events, 'parse', done, reqs.length);
        send();
      });
      w.on('error', reject);
      w.on('exit', (code) => { if (next < batches.length || done < reqs.length) reject(new Error(`facts worker exited with code ${code}`)); });
      send();
    })));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
};

/** How to start a worker: the compiled .js beside this file, or the .ts through tsx's loader. */
function workerStart(): (() => Worker) | undefined {
  const js = new URL('./facts-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(js))) return () => new Worker(js);
  const ts = new URL('./facts-worker.ts', import.meta.url);
  let api: string;
  try {
    api = import.meta.resolve('tsx/esm/api');
  } catch {
    return undefined;
  }
  if (!existsSync(fileURLToPath(ts))) return undefined;
  const boot = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(ts.href)}); });`;
  return () => new Worker(boot, { eval: true });
}

export type { FactsRequest };
