// From an entry point to a built binary: the fast path checks a per-entry manifest (the files the
// last build read and their hashes) and reuses the cached binary without parsing anything; the
// slow path collects the program, transpiles and builds it, then records a new manifest.

import { existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { collectProgram, type Entry } from '../transpile/program.js';
import { parseSource } from '../transpile/parse.js';
import { buildProgram, toolHash, type BuildOptions } from './index.js';
import { cacheRoot, sha256 } from './cache.js';
import { nativeModules } from './native.js';
import { stdlibLibDir } from '../python2.js';

interface Manifest {
  binary: string;
  files: { abs: string; sha: string }[];
  /** The build's warnings, reported again on every cached use. */
  diagnostics?: Diagnostic[];
}

export interface PreparedBinary {
  binary?: string;
  diagnostics: Diagnostic[];
  cached: boolean;
}

function manifestPath(entry: Entry, searchPaths: string[]): string {
  // The tool hash covers the transpiler and runtime: a new grumpy-audit never reuses an old binary.
  const id = sha256(toolHash(), JSON.stringify(entry), entry.kind === 'script' ? path.resolve(entry.path) : process.cwd(),
    ...searchPaths.map((p) => path.resolve(p)));
  return path.join(cacheRoot(), 'entries', `${id.slice(0, 32)}.json`);
}

function fromManifest(file: string): Manifest | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const m = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
    if (!existsSync(m.binary)) return undefined;
    for (const f of m.files) {
      if (!existsSync(f.abs) || sha256(readFileSync(f.abs)) !== f.sha) return undefined;
    }
    return m;
  } catch {
    return undefined;
  }
}

export async function prepareBinary(entry: Entry, searchPaths: string[], opts: BuildOptions = {}): Promise<PreparedBinary> {
  // The pure-Python stdlib is transpiled from the user's own CPython 2.7 Lib, searched last, as
  // sys.path puts it after the script's directory and PYTHONPATH (design.md section 3).
  const lib = stdlibLibDir();
  if (lib && !stdlibDirs(searchPaths).length) searchPaths = [...searchPaths, lib];
  const mpath = manifestPath(entry, searchPaths);
  if (!opts.vet && !process.env.GRUMPY_NO_CACHE) {
    const hit = fromManifest(mpath);
    if (hit) return { binary: hit.binary, diagnostics: hit.diagnostics ?? [], cached: true };
  }
  const program = await collectProgram(entry, searchPaths, new Set(nativeModules().keys()), parseSource, { stdlibDirs: stdlibDirs(searchPaths) });
  if (program.diagnostics.some((d) => d.severity === 'error')) return { diagnostics: program.diagnostics, cached: false };
  const built = buildProgram(program, opts);
  const diagnostics = [...program.diagnostics, ...built.diagnostics];
  if (built.binary) {
    mkdirSync(path.dirname(mpath), { recursive: true });
    const m: Manifest = { binary: built.binary, files: program.modules.map((x) => ({ abs: x.abs, sha: sha256(x.bytes) })), diagnostics };
    writeFileSync(mpath, JSON.stringify(m));
  }
  return { binary: built.binary, diagnostics, cached: built.cached };
}

/** The search paths that are the CPython 2.7 Lib (findPython2's libDir): their modules are stdlib. */
export function stdlibDirs(searchPaths: string[]): string[] {
  if (searchPaths.length === 0) return [];
  const lib = stdlibLibDir();
  if (!lib) return [];
  const real = (p: string): string => { try { return realpathSync(p); } catch { return path.resolve(p); } };
  const libReal = real(lib);
  return searchPaths.filter((p) => real(p) === libReal);
}
