// A facts worker thread: one tree-sitter parser; batches of files in, facts out. Files plain
// tree-sitter rejects go back unrechecked: the main thread rechecks them, so the front end is
// loaded and warmed up in one thread only.

import { parentPort } from 'node:worker_threads';
import { parseBatchPlain, warmUp, type FactsRequest, type FactsResult } from './parse-step.js';

export interface FactsJob {
  id: number;
  reqs: FactsRequest[];
}

export type FactsReply = { id: number; results: FactsResult[] } | { id: number; error: string };

try {
  warmUp(); // while the main thread is still reading files
} catch {
  // A bad rule query fails again on the first batch, which reports it.
}

parentPort?.on('message', (job: FactsJob) => {
  let reply: FactsReply;
  try {
    reply = { id: job.id, results: parseBatchPlain(job.reqs) };
  } catch (e) {
    reply = { id: job.id, error: (e as Error).stack ?? String(e) };
  }
  parentPort!.postMessage(reply);
});
