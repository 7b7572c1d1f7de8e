// Which modules the runtime provides natively, read from the runtime's own sources: every
// `RegisterModule(…ModuleSpec{Name: "x"` call, with the Go package that must be linked for it.
// Reading the registry itself means this list cannot drift from the runtime.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { runtimeDir } from './gomodule.js';

const RUNTIME_MODULE = 'github.com/grumpy-audit/grumpy-audit/runtime-go';
const REGISTER = /RegisterModule\(\s*(?:py\.)?ModuleSpec\{\s*Name:\s*"([\w.]+)"|SysModules\.setStr\("([\w.]+)"|native\.Register\(\s*"([\w.]+)"/g;

let cached: Map<string, string> | undefined;

/** Native module name → Go import path of the package that registers it. */
export function nativeModules(): Map<string, string> {
  if (cached) return cached;
  const out = new Map<string, string>();
  const root = runtimeDir();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) {
        if (name !== 'testdata' && !name.startsWith('.')) walk(full);
      } else if (name.endsWith('.go') && !name.endsWith('_test.go')) {
        const text = readFileSync(full, 'utf8');
        for (const m of text.matchAll(REGISTER)) {
          const rel = path.relative(root, dir).split(path.sep).join('/');
          out.set((m[1] ?? m[2] ?? m[3])!, rel ? `${RUNTIME_MODULE}/${rel}` : RUNTIME_MODULE);
        }
      }
    }
  };
  walk(root);
  cached = out;
  return out;
}

/** Go packages main.go must import so native modules register: modules/all when it exists. */
export function nativeLinkPackages(): string[] {
  if (existsSync(path.join(runtimeDir(), 'modules', 'all'))) return [`${RUNTIME_MODULE}/modules/all`];
  const core = `${RUNTIME_MODULE}/py`;
  return [...new Set(nativeModules().values())].filter((p) => p !== core).sort();
}
