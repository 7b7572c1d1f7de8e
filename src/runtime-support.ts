// Which Python modules the Go runtime provides natively, read from runtime-go's own sources: every
// `RegisterModule(…ModuleSpec{Name: "x"` call, with the Go package that registers it. The analyzer's
// "is this stdlib module supported?" and the build's link list both come from here, so neither can
// drift from what the runtime really has.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from './version.js';

export const RUNTIME_GO_MODULE = 'github.com/grumpy-audit/grumpy-audit/runtime-go';
const REGISTER = /RegisterModule\(\s*(?:py\.)?ModuleSpec\{\s*Name:\s*"([\w.]+)"|SysModules\.setStr\("([\w.]+)"|native\.Register\(\s*"([\w.]+)"/g;

/** The runtime-go this installation builds against; GRUMPY_RUNTIME points at another copy. */
export function runtimeGoDir(): string {
  if (process.env.GRUMPY_RUNTIME) return path.resolve(process.env.GRUMPY_RUNTIME);
  return path.join(packageRoot, 'runtime-go');
}

let cached: Map<string, string> | undefined;

/** Native module name → Go import path of the package that registers it. */
export function nativeModules(): Map<string, string> {
  if (cached) return cached;
  const out = new Map<string, string>();
  const root = runtimeGoDir();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) {
        if (name !== 'testdata' && !name.startsWith('.')) walk(full);
      } else if (name.endsWith('.go') && !name.endsWith('_test.go')) {
        const text = readFileSync(full, 'utf8');
        for (const m of text.matchAll(REGISTER)) {
          const rel = path.relative(root, dir).split(path.sep).join('/');
          out.set((m[1] ?? m[2] ?? m[3])!, rel ? `${RUNTIME_GO_MODULE}/${rel}` : RUNTIME_GO_MODULE);
        }
      }
    }
  };
  walk(root);
  cached = out;
  return out;
}
