// Locates the CPython 2.7 oracle: GRUMPY_PYTHON2, then pyenv's 2.7.18, then python2.7 on PATH.
// Everything that needs python2.7 (verification, golden regeneration, the stdlib Lib) asks here.

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export interface Python2 {
  executable: string;
  /** The interpreter's Lib directory (where the pure-Python stdlib lives). */
  libDir: string;
  version: string;
}

let cached: Python2 | null | undefined;

function candidates(): string[] {
  const out: string[] = [];
  if (process.env.GRUMPY_PYTHON2) out.push(process.env.GRUMPY_PYTHON2);
  const pyenvRoot = process.env.PYENV_ROOT ?? (process.env.HOME ? path.join(process.env.HOME, '.pyenv') : undefined);
  if (pyenvRoot) out.push(path.join(pyenvRoot, 'versions', '2.7.18', 'bin', 'python2.7'));
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir) out.push(path.join(dir, 'python2.7'));
  }
  return out;
}

function probe(exe: string): Python2 | undefined {
  if (!existsSync(exe)) return undefined;
  try {
    const outText = execFileSync(exe, ['-c', 'import sys, os; print sys.version.split()[0]; print os.path.dirname(os.__file__)'], {
      encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000,
      env: { ...process.env, PYENV_VERSION: '2.7.18' },
    });
    const [version, libDir] = outText.trim().split('\n');
    if (!version?.startsWith('2.7') || !libDir) return undefined;
    return { executable: exe, libDir, version };
  } catch {
    return undefined;
  }
}

/** The python2.7 to use, or undefined when none is installed. The answer is cached per process. */
export function findPython2(): Python2 | undefined {
  if (cached !== undefined) return cached ?? undefined;
  for (const exe of candidates()) {
    const p = probe(exe);
    if (p) {
      cached = p;
      return p;
    }
  }
  cached = null;
  return undefined;
}

/** Environment for running python2.7 children: pyenv shims need PYENV_VERSION to pick 2.7.18. */
export function python2Env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, PYENV_VERSION: '2.7.18', ...extra };
}

/** The CPython 2.7 Lib whose pure-Python modules are transpiled: `--python-lib` (which sets
 *  GRUMPY_PYTHON_LIB), else the Lib of the python2.7 findPython2 finds. A Lib alone is enough to
 *  transpile the stdlib; verification still needs the interpreter. */
export function stdlibLibDir(): string | undefined {
  const dir = process.env.GRUMPY_PYTHON_LIB;
  if (dir) return path.resolve(dir);
  return findPython2()?.libDir;
}
