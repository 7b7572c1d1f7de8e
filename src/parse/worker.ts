// A parse worker thread: one tree-sitter parser, requests in, results out. Results travel as a
// JSON string, which V8 parses faster than it structured-clones a large object graph.

import { parentPort } from 'node:worker_threads';
import { parseOne, type ParseRequest, type ParseResult } from './parse-one.js';
import { encodeTape, type Tape } from '../ast/tape.js';

export interface WorkerJob { id: number; req: ParseRequest }
/**
 * `result` is the ParseResult without its AST, which travels as `tape` (its Int32Array is
 * transferred, not copied); `tooDeep` asks the main thread to parse the file itself.
 */
export interface WorkerReply { id: number; result?: ParseResult; tape?: Tape; tooDeep?: boolean }

parentPort?.on('message', (job: WorkerJob) => {
  const result = parseOne(job.req);
  let reply: WorkerReply;
  try {
    const { ast, ...rest } = result;
    const tape = ast ? encodeTape(ast) : undefined;
    reply = { id: job.id, result: rest, tape };
    parentPort!.postMessage(reply, tape ? [tape.ints.buffer as ArrayBuffer] : []);
  } catch (e) {
    // Python allows ASTs deeper than our recursive encoder (a + a + … with 100,000 terms).
    if (!(e instanceof RangeError)) throw e;
    reply = { id: job.id, tooDeep: true };
    parentPort!.postMessage(reply);
  }
});
