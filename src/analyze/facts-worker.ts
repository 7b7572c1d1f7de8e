// A facts worker thread: one tree-sitter parser; batches of files in, facts out.

import { parentPort } from 'node:worker_threads';
import { parseBatch, warmUp, type FactsRequest, type FactsResult } from './parse-step.js';

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

// Jobs run one after another even when the front end has to be loaded (the only await).
let chain: Promise<void> = Promise.resolve();
parentPort?.on('message', (job: FactsJob) => {
  chain = chain.then(async () => {
    let reply: FactsReply;
    try {
      reply = { id: job.id, results: await parseBatch(job.reqs) };
    } catch (e) {
      reply = { id: job.id, error: (e as Error).stack ?? String(e) };
    }
    parentPort!.postMessage(reply);
  });
});
