// A parse worker thread: one tree-sitter parser, requests in, results out. Results travel as a
// JSON string, which V8 parses faster than it structured-clones a large object graph.

import { parentPort } from 'node:worker_threads';
import { parseOne, type ParseRequest } from './parse-one.js';

export interface WorkerJob { id: number; req: ParseRequest }
/** `json` is the ParseResult; `tooDeep` asks the main thread to parse the file itself. */
export interface WorkerReply { id: number; json?: string; tooDeep?: boolean }

parentPort?.on('message', (job: WorkerJob) => {
  let reply: WorkerReply;
  try {
    reply = { id: job.id, json: JSON.stringify(parseOne(job.req)) };
  } catch (e) {
    // Python allows ASTs deeper than any serializer's stack (a + a + … with 100,000 terms).
    if (!(e instanceof RangeError)) throw e;
    reply = { id: job.id, tooDeep: true };
  }
  parentPort!.postMessage(reply);
});
