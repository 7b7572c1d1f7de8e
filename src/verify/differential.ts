// Differential verification: the same invocation runs under python2.7 and as the Go build, and
// stdout, stderr and exit status are compared byte for byte. This executes the repository's code,
// so the pipeline calls it only when verification is enabled.

import path from 'node:path';
import { python2Env, type Python2 } from '../python2.js';
import { unifiedDiff } from './diff.js';
import { runProcess, type RunOutput } from './process.js';

export interface Invocation {
  /** Module run as __main__ (`python2.7 -m module`). */
  module: string;
  /** The module's file, absolute (sys.argv[0] under `-m`). */
  moduleFile: string;
  args: string[];
  stdin?: string;
  /** The module's source root: the working directory of both runs. */
  cwd: string;
  /** Further source roots (PYTHONPATH). */
  path: string[];
  /** The repository modules whose behaviour this run checks, when not `module` itself
   *  (`-m unittest tests.test_x` checks tests.test_x). */
  covers?: string[];
}

export interface VerifyRun {
  module: string;
  args: string[];
  covers?: string[];
  status: 'equivalent' | 'different' | 'error';
  reason?: string;
  python: RunOutput;
  go: RunOutput;
  /** Unified diffs of what differs. */
  diff?: { stdout?: string; stderr?: string; status?: string };
  /** What was masked in both outputs before comparing (see normalizeOutput). */
  normalized?: string[];
}

// unittest prints its own run time ("Ran 3 tests in 0.004s"); that figure differs between any two
// runs, of the same interpreter too. It is masked in both outputs, and nothing else is.
const UNITTEST_TIMING = /^(Ran \d+ tests? in )\d+\.\d{3}s$/gm;

/** Masks run-to-run noise in a program's output; returns the text and the kinds masked. */
export function normalizeOutput(text: string): { text: string; masked: string[] } {
  const masked: string[] = [];
  const out = text.replace(UNITTEST_TIMING, (_all, head: string) => {
    if (masked.length === 0) masked.push('unittest run time');
    return `${head}N.NNNs`;
  });
  return { text: out, masked };
}

export async function verifyInvocation(inv: Invocation, python: Python2, binary: string, timeoutMs: number): Promise<VerifyRun> {
  const pythonPath = inv.path.join(path.delimiter);
  const py = await runProcess(python.executable, ['-m', inv.module, ...inv.args], {
    cwd: inv.cwd, stdin: inv.stdin, timeoutMs,
    env: python2Env(pythonPath ? { PYTHONPATH: pythonPath, PYTHONDONTWRITEBYTECODE: '1' } : { PYTHONDONTWRITEBYTECODE: '1' }),
  });
  const go = await runProcess(binary, [inv.module, ...inv.args], {
    cwd: inv.cwd, stdin: inv.stdin, timeoutMs, env: { ...process.env, GRUMPY_ARGV0: inv.moduleFile },
  });
  const base = { module: inv.module, args: inv.args, ...(inv.covers ? { covers: inv.covers } : {}), python: py, go };
  if (py.timedOut || go.timedOut) {
    return { ...base, status: 'error', reason: `timed out after ${timeoutMs / 1000} s under ${py.timedOut ? 'python2.7' : 'the Go build'}` };
  }
  const diff: NonNullable<VerifyRun['diff']> = {};
  const masked = new Set<string>();
  const compare = (a: string, b: string): string | undefined => {
    const na = normalizeOutput(a);
    const nb = normalizeOutput(b);
    for (const m of [...na.masked, ...nb.masked]) masked.add(m);
    return na.text === nb.text ? undefined : unifiedDiff(na.text, nb.text);
  };
  const out = compare(py.stdout, go.stdout);
  if (out) diff.stdout = out;
  const err = compare(py.stderr, go.stderr);
  if (err) diff.stderr = err;
  if (py.status !== go.status) diff.status = `python2.7 exited ${py.status}, the Go build exited ${go.status}`;
  const extra = masked.size > 0 ? { normalized: [...masked] } : {};
  return Object.keys(diff).length === 0 ? { ...base, ...extra, status: 'equivalent' } : { ...base, ...extra, status: 'different', diff };
}
