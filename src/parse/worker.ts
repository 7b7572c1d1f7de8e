// A parse worker thread: one tree-sitter parser, requests in, results out. Results travel as a
// JSON string, which V8 parses faster than it structured-clones a large object graph.

import { parentPort } from 'node:worker_threads';
import { parseOne, type ParseRequest } from './parse-one.js';

export interface WorkerJob { id: number; req: ParseRequest }
export interface WorkerReply { id: number; json: string }

parentPort?.on('message', (job: WorkerJob) => {
  const reply: WorkerReply = { id: job.id, json: JSON.stringify(parseOne(job.req)) };
  parentPort!.postMessage(reply);
});
