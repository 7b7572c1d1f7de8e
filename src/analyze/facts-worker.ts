// A facts worker thread: one tree-sitter parser; batches of files in, facts out.

import { parentPort } from 'node:worker_threads';
import { parseForFactsSync, type FactsRequest, type FactsResult } from './parse-step.js';

export interface FactsJob {
  id: number;
  reqs: FactsRequest[];
}

export interface FactsReply {
  id: number;
  results: FactsResult[];
}

parentPort?.on('message', (job: FactsJob) => {
  const reply: FactsReply = { id: job.id, results: job.reqs.map(parseForFactsSync) };
  parentPort!.postMessage(reply);
});
