// The module lists the analyzer classifies imports against: the CPython 2.7 stdlib (generated from
// python2.7 by scripts/gen-stdlib-list.py), known third-party C extensions, and the Go runtime's
// native module registry. Which stdlib modules count as supported is one pluggable StdlibSupport.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { nativeModules } from '../runtime-support.js';
import { defaultRulesDir } from './rules/load.js';
import { cachedParse, parseYaml } from './rules/parsed-cache.js';

export type StdlibImpl = 'builtin' | 'extension' | 'pure' | 'other-platform';

/** Answers "does the Go runtime provide this stdlib module?"; swap it when the runtime publishes its list. */
export interface StdlibSupport {
  /** Where the answer comes from, for messages and docs. */
  source: string;
  provides(module: string, impl: StdlibImpl): boolean;
}

export interface NativePackage {
  note: string;
  /** Only these submodules are native (the package itself is pure). */
  submodules?: string[];
}

export interface Catalog {
  /** The implementation of the longest stdlib module prefix of `name`, with that prefix. */
  stdlib(name: string): { module: string; impl: StdlibImpl } | undefined;
  support: StdlibSupport;
  /** The real module behind a name that only exists in sys.modules (os.path → posixpath, email.Utils → email.utils). */
  alias(name: string): string | undefined;
  /** The native package entry for an import name (checking submodule lists), if it is one. */
  nativePackage(name: string): { top: string; pkg: NativePackage } | undefined;
  /** A third-party package the catalog knows by its top-level import name (native or with native parts). */
  knownPackage(top: string): boolean;
  /** Import name for a distribution name from requirements.txt / install_requires. */
  importNameOf(distribution: string): string;
}

interface StdlibDoc { modules: Record<string, StdlibImpl>; aliases: Record<string, string> }
interface NativeDoc { packages: Record<string, NativePackage>; tooling: string[]; distributions: Record<string, string> }

let cached: Catalog | undefined;

/** The modules the Go runtime registers natively: the one source of truth for "supported". */
export function runtimeNativeModules(): string[] {
  return [...nativeModules().keys()].sort();
}

export function loadCatalog(rulesDir: string = defaultRulesDir()): Catalog {
  if (cached && rulesDir === defaultRulesDir()) return cached;
  const std = JSON.parse(readFileSync(path.join(rulesDir, 'stdlib-modules.json'), 'utf8')) as StdlibDoc;
  const nativeText = readFileSync(path.join(rulesDir, 'native-packages.yaml'), 'utf8');
  const native = cachedParse('native-packages', createHash('sha256').update(nativeText).digest('hex'), () => parseYaml(nativeText) as NativeDoc);
  const provided = new Set(runtimeNativeModules());
  const modules = new Map(Object.entries(std.modules));
  const aliases = new Map(Object.entries(std.aliases));
  const dists = new Map(Object.entries(native.distributions).map(([k, v]) => [k.toLowerCase(), v]));
  const catalog: Catalog = {
    stdlib(name) {
      for (let n = name; n; n = n.slice(0, Math.max(0, n.lastIndexOf('.')))) {
        const impl = modules.get(n);
        if (impl) return { module: n, impl };
        if (!n.includes('.')) break;
      }
      return undefined;
    },
    alias: (name) => aliases.get(name),
    support: {
      source: 'the native modules runtime-go registers',
      provides: (module, impl) => impl === 'pure' || provided.has(module),
    },
    nativePackage(name) {
      const parts = name.split('.');
      if (!Object.hasOwn(native.packages, parts[0]!)) return undefined;
      const pkg = native.packages[parts[0]!]!;
      if (pkg.submodules && !(parts.length > 1 && pkg.submodules.includes(parts[1]!))) return undefined;
      return { top: parts[0]!, pkg };
    },
    knownPackage: (top) => Object.hasOwn(native.packages, top) || native.tooling.includes(top),
    importNameOf(distribution) {
      const d = distribution.toLowerCase();
      return dists.get(d) ?? distribution.replace(/-/g, '_');
    },
  };
  if (rulesDir === defaultRulesDir()) cached = catalog;
  return catalog;
}
