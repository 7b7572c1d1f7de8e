// The scan's parse step, streamed: discover hands each decoded file to add() while it is still
// reading the rest, and worker threads parse as files arrive. When discovery ends, finish() makes
// the main thread one more lane until the queue is empty. A cold scan must cost little more than
// tree-sitter parsing itself (bench/scan.ts), so nothing waits on anything it does not need:
// - workers start as soon as there is enough text to be worth them, and boot (loading tree-sitter,
//   compiling the rule queries) while discovery is still reading;
// - each worker keeps two batches in hand, so it never waits for the main thread to hand out work;
// - batches shrink as the queue drains, so all lanes finish at about the same time;
// - the few files plain tree-sitter rejects are rechecked on the main thread between its own
//   batches (the front end warms up in one thread only), not all at the end.

import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { progress, silentSink, type EventSink } from '../events.js';
import type { FactsJob, FactsReply, FactsWorkerData } from './facts-worker.js';
import { parseBatch, preloadFrontEnd, recheck, warmUp, type FactsRequest, type FactsResult } from './parse-step.js';
import type { Rule } from './rules/schema.js';

/** Below this much source text, starting threads costs more than it saves. */
const MIN_CHARS_FOR_THREADS = 512 * 1024;
/** Batch size while files are still arriving (about 20 ms of parsing). */
const BATCH_CHARS = 128 * 1024;
/** Once discovery is over, batches shrink with the queue down to this (a few ms of parsing). */
const MIN_BATCH_CHARS = 8 * 1024;
/**
 * Batches a worker holds at once: one being parsed, the others waiting, enough to cover the main
 * thread's longest stretch without dispatching (one of its own batches, or one recheck).
 */
const IN_FLIGHT = 3;

interface Lane {
  worker: Worker;
  inFlight: number;
}

export class FactsPool {
  private readonly queue: number[] = [];
  private head = 0;
  private queuedChars = 0;
  private addedChars = 0;
  private readonly reqs: FactsRequest[] = [];
  private readonly results: (FactsResult | undefined)[] = [];
  private readonly batches = new Map<number, number[]>();
  /** Worker results that still need the front end's recheck. */
  private readonly toRecheck: number[] = [];
  private nextBatch = 0;
  private done = 0;
  private lanes: Lane[] = [];
  private started = false;
  private ended = false;
  private failure: Error | undefined;
  private wake: (() => void) | undefined;
  private readonly threads: number;
  private readonly events: EventSink;
  private readonly rules: readonly Rule[];

  /**
   * `rules`: the rule pack to match (every thread gets it as data). `expectedChars`: how much text
   * is coming, when known; enough of it starts the workers now.
   */
  constructor(opts: { rules: readonly Rule[]; threads?: number; events?: EventSink; expectedChars?: number }) {
    this.threads = Math.max(1, opts.threads ?? availableParallelism());
    this.events = opts.events ?? silentSink;
    this.rules = opts.rules;
    this.expect(opts.expectedChars ?? 0);
  }

  /**
   * This much Python source is known to be coming (e.g. counted while the fingerprint lists the
   * repository, before any file is read): enough of it starts the workers now.
   */
  expect(chars: number): void {
    if (!this.started && this.threads > 1 && chars >= MIN_CHARS_FOR_THREADS) this.startWorkers();
  }

  /** Queues one file; returns its index in finish()'s result. */
  add(req: FactsRequest): number {
    const i = this.reqs.length;
    this.reqs.push(req);
    this.queue.push(i);
    this.queuedChars += req.text.length;
    this.addedChars += req.text.length;
    if (!this.started && this.threads > 1 && this.addedChars >= MIN_CHARS_FOR_THREADS) this.startWorkers();
    this.pump();
    return i;
  }

  /** No more files: parses what is left here and on the workers; results in add() order. */
  async finish(): Promise<FactsResult[]> {
    this.ended = true;
    // The main thread's parser and rule queries, compiled only now that discovery is done (and
    // only when there is something to parse); a bad rule query stops the scan here.
    if (this.head < this.queue.length) {
      try {
        warmUp(this.rules);
      } catch (e) {
        await this.close();
        throw e;
      }
    }
    // The rest, biggest first: the last batches are then small ones, so the lanes end together.
    const rest = this.queue.splice(this.head).sort((a, b) => this.reqs[b]!.text.length - this.reqs[a]!.text.length);
    this.queue.push(...rest);
    try {
      this.pump();
      while (this.head < this.queue.length) {
        if (this.failure) throw this.failure;
        // The main thread's own batches are half size: it is also the dispatcher.
        const batch = this.take(0.5);
        this.store(batch, await parseBatch(batch.map((i) => this.reqs[i]!)));
        await this.breathe();
        await this.recheckPending();
      }
      while (this.done < this.reqs.length || this.toRecheck.length > 0) {
        if (this.failure) throw this.failure;
        if (this.toRecheck.length > 0) await this.recheckPending();
        else await new Promise<void>((resolve) => { this.wake = resolve; });
      }
      if (this.failure) throw this.failure;
      return this.results as FactsResult[];
    } finally {
      await this.close();
    }
  }

  /**
   * Stops the workers (also when the scan is abandoned early). Nobody waits for them to wind
   * down: freeing their trees takes a while, and the results are all here already.
   */
  async close(): Promise<void> {
    const lanes = this.lanes;
    this.lanes = [];
    for (const l of lanes) {
      l.worker.unref();
      l.worker.terminate().catch(() => undefined);
    }
  }

  private startWorkers(): void {
    this.started = true;
    const start = workerStart({ rules: [...this.rules] });
    if (!start) return;
    // A big repository almost surely has files tree-sitter rejects: load the front end while discover waits on reads.
    preloadFrontEnd().catch((e: unknown) => this.fail(e as Error));
    // The main thread is a lane too once discovery is over.
    for (let k = 0; k < this.threads - 1; k++) {
      const lane: Lane = { worker: start(), inFlight: 0 };
      lane.worker.on('message', (reply: FactsReply) => {
        lane.inFlight--;
        const batch = this.batches.get(reply.id)!;
        this.batches.delete(reply.id);
        if ('error' in reply) {
          this.fail(new Error(`facts worker: ${reply.error}`));
        } else {
          batch.forEach((i, k) => { if (reply.results[k]!.facts?.syntaxError) this.toRecheck.push(i); });
          this.store(batch, reply.results);
        }
        this.pump();
      });
      lane.worker.on('error', (e) => this.fail(e));
      lane.worker.on('exit', (code) => {
        if (this.lanes.includes(lane)) this.fail(new Error(`facts worker exited with code ${code}`));
      });
      this.lanes.push(lane);
    }
  }

  private async recheckPending(): Promise<void> {
    while (this.toRecheck.length > 0) {
      const i = this.toRecheck.shift()!;
      this.results[i] = await recheck(this.results[i]!, this.reqs[i]!);
      await this.breathe();
    }
  }

  /** Lets worker replies in, so the workers get their next batches. */
  private async breathe(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.pump();
  }

  private pump(): void {
    for (const lane of this.lanes) {
      while (lane.inFlight < IN_FLIGHT && this.head < this.queue.length) {
        // While files still arrive, wait for a full batch rather than send crumbs.
        if (!this.ended && this.queuedChars < BATCH_CHARS) return;
        const batch = this.take();
        const id = this.nextBatch++;
        this.batches.set(id, batch);
        lane.inFlight++;
        const job: FactsJob = { id, reqs: batch.map((i) => this.reqs[i]!) };
        lane.worker.postMessage(job);
      }
    }
  }

  private take(scale = 1): number[] {
    const lanes = this.lanes.length + 1;
    const limit = scale * (this.ended
      ? Math.max(MIN_BATCH_CHARS, Math.min(BATCH_CHARS, Math.ceil(this.queuedChars / (lanes * 3))))
      : BATCH_CHARS);
    const batch: number[] = [];
    let size = 0;
    while (this.head < this.queue.length && (batch.length === 0 || size < limit)) {
      const i = this.queue[this.head++]!;
      batch.push(i);
      size += this.reqs[i]!.text.length;
    }
    this.queuedChars -= size;
    return batch;
  }

  private store(batch: number[], results: FactsResult[]): void {
    batch.forEach((i, k) => { this.results[i] = results[k]!; });
    this.done += batch.length;
    progress(this.events, 'parse', this.done, this.reqs.length);
    this.notify();
  }

  private fail(e: Error): void {
    this.failure ??= e;
    this.notify();
  }

  private notify(): void {
    const w = this.wake;
    this.wake = undefined;
    w?.();
  }
}

/** How to start a worker: the compiled .js beside this file, or the .ts through tsx's loader. */
function workerStart(workerData: FactsWorkerData): (() => Worker) | undefined {
  const js = new URL('./facts-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(js))) return () => new Worker(js, { workerData });
  const ts = new URL('./facts-worker.ts', import.meta.url);
  let api: string;
  try {
    api = import.meta.resolve('tsx/esm/api');
  } catch {
    return undefined;
  }
  if (!existsSync(fileURLToPath(ts))) return undefined;
  const boot = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(ts.href)}); });`;
  return () => new Worker(boot, { eval: true, workerData });
}
