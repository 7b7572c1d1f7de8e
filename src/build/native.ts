// The native modules' Go packages a program must link. The registry itself is read in
// src/runtime-support.ts, shared with the analyzer.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { nativeModules, RUNTIME_GO_MODULE as RUNTIME_MODULE } from '../runtime-support.js';
import { runtimeDir } from './gomodule.js';

export { nativeModules };

/** Go packages main.go must import so native modules register: modules/all when it exists. */
export function nativeLinkPackages(): string[] {
  if (existsSync(path.join(runtimeDir(), 'modules', 'all'))) return [`${RUNTIME_MODULE}/modules/all`];
  const core = `${RUNTIME_MODULE}/py`;
  return [...new Set(nativeModules().values())].filter((p) => p !== core).sort();
}
