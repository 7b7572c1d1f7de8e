// Finds the Go toolchain and checks it is new enough for the generated code (iter.Pull needs 1.23; weak pointers and finalizer-driven __del__ need 1.24).

import { execFileSync } from 'node:child_process';

export interface GoToolchain {
  go: string;
  version: string;
}

const MIN_MINOR = 24;

let cached: GoToolchain | string | undefined;

/** The Go toolchain, or a message saying why none is usable. */
export function findGo(): GoToolchain | string {
  if (cached !== undefined) return cached;
  const go = process.env.GRUMPY_GO ?? 'go';
  try {
    const out = execFileSync(go, ['env', 'GOVERSION'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const m = /^go1\.(\d+)/.exec(out);
    if (!m) cached = `could not read the Go version from '${go} env GOVERSION' (got '${out}')`;
    else if (Number(m[1]) < MIN_MINOR) cached = `Go ${out} is too old: grumpy-audit needs go1.${MIN_MINOR} or newer`;
    else cached = { go, version: out };
  } catch {
    cached = `the Go toolchain ('${go}') was not found on PATH; install Go 1.${MIN_MINOR}+ or set GRUMPY_GO`;
  }
  return cached;
}
