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
}

export interface VerifyRun {
  module: string;
  args: string[];
  status: 'equivalent' | 'different' | 'error';
  reason?: string;
  python: RunOutput;
  go: RunOutput;
  /** Unified diffs of what differs. */
  diff?: { stdout?: string; stderr?: string; status?: string };
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
  const base = { module: inv.module, args: inv.args, python: py, go };
  if (py.timedOut || go.timedOut) {
    return { ...base, status: 'error', reason: `timed out after ${timeoutMs / 1000} s under ${py.timedOut ? 'python2.7' : 'the Go build'}` };
  }
  const diff: NonNullable<VerifyRun['diff']> = {};
  if (py.stdout !== go.stdout) diff.stdout = unifiedDiff(py.stdout, go.stdout);
  if (py.stderr !== go.stderr) diff.stderr = unifiedDiff(py.stderr, go.stderr);
  if (py.status !== go.status) diff.status = `python2.7 exited ${py.status}, the Go build exited ${go.status}`;
  return Object.keys(diff).length === 0 ? { ...base, status: 'equivalent' } : { ...base, status: 'different', diff };
}
