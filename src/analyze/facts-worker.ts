// A facts worker thread: one tree-sitter parser; batches of files in, facts out. Files plain
// tree-sitter rejects go back unrechecked: the main thread rechecks them, so the front end is
// loaded and warmed up in one thread only.

import { parentPort, workerData } from 'node:worker_threads';
import { parseBatchPlain, warmUp, type FactsRequest, type FactsResult } from './parse-step.js';
import type { Rule } from './rules/schema.js';

export interface FactsJob {
  id: number;
  reqs: FactsRequest[];
}

export type FactsReply = { id: number; results: FactsResult[] } | { id: number; error: string };

export interface FactsWorkerData {
  /** The main thread's rule pack, so that workers do not parse the rule files again. */
  rules: Rule[];
}

warmUp((workerData as FactsWorkerData).rules); // while the main thread is still reading files

parentPort?.on('message', (job: FactsJob) => {
  let reply: FactsReply;
  try {
    reply = { id: job.id, results: parseBatchPlain(job.reqs) };
  } catch (e) {
    reply = { id: job.id, error: (e as Error).stack ?? String(e) };
  }
  parentPort!.postMessage(reply);
});
