// What every command gets from the CLI shell: output streams, the TTY decision and an event sink.
// Commands return an exit status; only src/cli touches process.argv, the TTY and exit codes.

import type { EventSink, PipelineEvent } from '../events.js';

export const EXIT_OK = 0;
/** --fail-on findings present (CI gating). */
export const EXIT_FINDINGS = 1;
/** Usage or I/O errors. */
export const EXIT_USAGE = 2;

export interface CliContext {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  isTTY: boolean;
  color: boolean;
  quiet: boolean;
  events: EventSink;
}

export class UsageError extends Error {}

export function makeContext(opts: { quiet?: boolean } = {}): CliContext {
  const isTTY = Boolean(process.stderr.isTTY);
  const color = isTTY && !process.env.NO_COLOR;
  const quiet = Boolean(opts.quiet);
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    isTTY,
    color,
    quiet,
    events: isTTY && !quiet ? ttyProgress(process.stderr) : () => {},
  };
}

/** A one-line progress display, redrawn in place; only ever used on a TTY. */
function ttyProgress(out: NodeJS.WriteStream): EventSink {
  let last = 0;
  let shown = false;
  return (e: PipelineEvent) => {
    if (e.level !== 'progress') return;
    const now = Date.now();
    const finished = e.done >= e.total;
    if (!finished && now - last < 80) return;
    last = now;
    const width = 30;
    const frac = e.total > 0 ? e.done / e.total : 1;
    const bar = '#'.repeat(Math.round(frac * width)).padEnd(width, '.');
    out.write(`\r\x1b[2K${e.stage.padEnd(10)} [${bar}] ${e.done}/${e.total}`);
    shown = true;
    if (finished && shown) {
      out.write('\r\x1b[2K');
      shown = false;
    }
  };
}

/** cli-table3 style: colour only when the context allows it (NO_COLOR, non-TTY). */
export function tableStyle(ctx: CliContext): { head: string[]; border: string[] } {
  return ctx.color ? { head: ['cyan'], border: ['gray'] } : { head: [], border: [] };
}
