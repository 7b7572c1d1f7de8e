// The build stage: transpile every module of a program, assemble the Go module, `go build` it,
// and keep the binary in the content-hash cache so an unchanged program is not rebuilt.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, copyFileSync, chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { diag, type Diagnostic } from '../diagnostics.js';
import { toolVersion } from '../version.js';
import { transpileModule } from '../transpile/module.js';
import { goPackageName } from '../transpile/goliteral.js';
import type { Program } from '../transpile/program.js';
import { cacheRoot, hashTree, pruneCache, sha256, touchCached } from './cache.js';
import { packageDirFor, runtimeDir, writeGoModule, type GoPackage } from './gomodule.js';
import { nativeLinkPackages } from './native.js';
import { findGo } from './toolchain.js';

export interface BuildResult {
  /** The executable in the cache (absent when the build failed). */
  binary?: string;
  diagnostics: Diagnostic[];
  cached: boolean;
  /** The assembled Go module directory, kept for inspection only when go build or go vet failed. */
  goDir?: string;
}

export interface BuildOptions {
  /** Also run `go vet` on the generated packages. */
  vet?: boolean;
}

/** Everything that can change the binary besides the Python sources. */
export function toolHash(): string {
  const transpilerDir = fileURLToPath(new URL('../transpile', import.meta.url));
  const buildDir = fileURLToPath(new URL('.', import.meta.url));
  const js = (n: string): boolean => n.endsWith('.js') || n.endsWith('.ts');
  return sha256(toolVersion, hashTree(transpilerDir, js), hashTree(buildDir, js),
    hashTree(runtimeDir(), (n) => n.endsWith('.go') || n === 'go.mod'));
}

export function programKey(program: Program): string {
  const parts: string[] = [toolHash(), program.main];
  for (const m of [...program.modules].sort((a, b) => a.name.localeCompare(b.name))) {
    parts.push(m.name, m.file, String(m.isPackage), sha256(m.bytes));
  }
  return sha256(...parts);
}

// Names whose readable Go form ('.' → '__', lower case) can be read back unambiguously.
const PLAIN_MODULE = /^_?[a-z0-9]+(_[a-z0-9]+)*(\.[a-z0-9]+(_[a-z0-9]+)*)*$/;

/** The Go package of a Python module: readable, and distinct for distinct modules. Go compares
 *  import paths case-insensitively, so `TYPES` and `types` (both in CPython's Lib), or `a__b` and
 *  `a.b`, would share one readable form; such names get a hash of the exact name after `___`,
 *  which no plain name's form contains. */
export function goPackageFor(moduleName: string): string {
  const readable = goPackageName(`m_${moduleName.replace(/\./g, '__')}`);
  return PLAIN_MODULE.test(moduleName) ? readable : `${readable}___${sha256(moduleName).slice(0, 8)}`;
}

export function buildProgram(program: Program, opts: BuildOptions = {}): BuildResult {
  const go = findGo();
  if (typeof go === 'string') return { diagnostics: [diag('go-missing', 'error', '', go)], cached: false };
  const key = programKey(program);
  const binDir = path.join(cacheRoot(), 'bin');
  const binary = path.join(binDir, key.slice(0, 32));
  // The transpiler's warnings are kept beside the binary, so a cached build still reports them.
  const diagsFile = `${binary}.diagnostics.json`;
  if (existsSync(binary) && !opts.vet) {
    touchCached(binary);
    return { binary, diagnostics: readDiagnostics(diagsFile), cached: true };
  }

  const diagnostics: Diagnostic[] = [];
  const packages: GoPackage[] = [];
  for (const m of program.modules) {
    const goPackage = goPackageFor(m.name);
    const out = transpileModule({
      name: m.name, file: m.file, isPackage: m.isPackage, ast: m.ast, lines: m.bytes.toString('latin1').replace(/\r?\n$/, '').split(/\r?\n/),
      goPackage, imports: m.imports, stdlib: m.stdlib,
    });
    diagnostics.push(...out.diagnostics);
    packages.push({ dir: packageDirFor(goPackage), source: out.source });
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics, cached: false };

  // Per-process directory: concurrent builds of one program must not share a tree.
  const goDir = path.join(cacheRoot(), 'work', `${key.slice(0, 32)}.${process.pid}`);
  writeGoModule(goDir, packages, program.main, nativeLinkPackages());
  const env = { ...process.env, GOFLAGS: '-mod=mod', GOWORK: 'off' };
  mkdirSync(binDir, { recursive: true });
  const tmp = `${binary}.${process.pid}.tmp`;
  const r = spawnSync(go.go, ['build', '-trimpath', '-o', tmp, '.'], { cwd: goDir, env, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) {
    diagnostics.push(diag('go-build-failed', 'error', goDir, `go build failed:\n${(r.stderr || r.stdout || String(r.error)).trim()}`));
    return { diagnostics, cached: false, goDir };
  }
  if (opts.vet) {
    const v = spawnSync(go.go, ['vet', './...'], { cwd: goDir, env, encoding: 'utf8', maxBuffer: 64 << 20 });
    if (v.status !== 0) diagnostics.push(diag('go-vet-failed', 'error', goDir, `go vet failed:\n${(v.stderr || v.stdout).trim()}`));
  }
  writeFileSync(diagsFile, JSON.stringify(diagnostics));
  renameSync(tmp, binary);
  pruneCache(binDir, binary);
  // The generated tree is kept only when go vet complained about it (the diagnostic names it).
  if (diagnostics.some((d) => d.id === 'go-vet-failed')) return { binary, diagnostics, cached: false, goDir };
  rmSync(goDir, { recursive: true, force: true });
  return { binary, diagnostics, cached: false };
}

function readDiagnostics(file: string): Diagnostic[] {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Diagnostic[];
  } catch {
    return [];
  }
}

/** Copies a built binary to a user-chosen path (`build -o`). */
export function installBinary(binary: string, out: string): void {
  mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  copyFileSync(binary, out);
  chmodSync(out, 0o755);
}
