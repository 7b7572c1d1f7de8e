// Transpiles the planned modules: collects each one's program (itself plus everything it imports,
// found as CPython 2.7 would from the repository's source roots), then emits one Go package per
// Python module. Returns plain data: Go sources, per-module status, and each module's closure.

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sha256 } from '../build/cache.js';
import { toolHash } from '../build/index.js';
import { writeFileAtomic } from '../state/atomic.js';
import type { AuditJson } from '../contract.js';
import type { Diagnostic } from '../diagnostics.js';
import { goPackageFor } from '../build/index.js';
import { nativeModules } from '../build/native.js';
import { transpileModule } from '../transpile/module.js';
import { parseSource } from '../transpile/parse.js';
import { stdlibLibDir } from '../python2.js';
import type { ImportResolver } from '../transpile/context.js';
import { collectProgram, type ParseFn, type ParsedSource, type SourceModule } from '../transpile/program.js';

export interface TranspiledPackage {
  module: string;
  goPackage: string;
  /** The Python file (relative to the repository root). */
  file: string;
  source: string;
}

export interface TranspileStepResult {
  packages: TranspiledPackage[];
  /** module → its own code transpiled, or the reason it did not. A module can transpile while
   *  something its program imports did not; that shows at run time, as an ImportError there. */
  status: Record<string, { ok: true } | { ok: false; reason: string }>;
  /** module → every module its program loads (itself included). */
  closures: Record<string, string[]>;
  /** Modules whose Go came from the transpile cache (unchanged since an earlier run). */
  reused: string[];
  diagnostics: Diagnostic[];
}

interface CachedTranspile {
  source: string;
  diagnostics: Diagnostic[];
  /** Every import question the transpiler asked, with its answer: the entry holds while the
   *  current program answers them all the same way. */
  asked: [string, string | null][];
}

/** The Go a module transpiles to depends on the tool, the module's bytes and identity, and how its
 *  imports resolve (checked separately, through the recorded questions). */
function transpileKey(m: SourceModule, goPackage: string): string {
  return sha256(toolHash(), m.name, m.file, String(m.isPackage), String(m.stdlib === true), goPackage, sha256(m.bytes));
}

function ask(r: ImportResolver, question: string): string | null {
  const [kind, level, name] = question.split('\0') as [string, string, string];
  return kind === 'r' ? r.resolve(name === '' ? null : name, Number(level)) : String(r.isModule(name));
}

/** The resolver, recording each question and answer. */
function recording(r: ImportResolver, asked: Map<string, string | null>): ImportResolver {
  const record = (q: string) => {
    const a = ask(r, q);
    asked.set(q, a);
    return a;
  };
  return {
    resolve: (name, level) => record(`r\0${level}\0${name ?? ''}`),
    isModule: (mod) => record(`m\x000\x00${mod}`) === 'true',
  };
}

function readCached(file: string, r: ImportResolver): CachedTranspile | undefined {
  try {
    const v = JSON.parse(readFileSync(file, 'utf8')) as CachedTranspile;
    if (typeof v.source !== 'string' || !Array.isArray(v.diagnostics) || !Array.isArray(v.asked)) return undefined;
    return v.asked.every(([q, a]) => ask(r, q) === a) ? v : undefined;
  } catch {
    return undefined;
  }
}

/** The source root a module was found under: its path minus the part its dotted name explains. */
export function sourceRootOf(name: string, file: string): string {
  const tail = name.replace(/\./g, '/');
  for (const suffix of [`${tail}/__init__.py`, `${tail}.py`]) {
    if (file === suffix) return '';
    if (file.endsWith(`/${suffix}`)) return file.slice(0, -suffix.length - 1);
  }
  return path.posix.dirname(file);
}

function memoParse(parse: ParseFn): ParseFn {
  const memo = new Map<string, Promise<ParsedSource>>();
  return (file, text) => {
    const key = `${file}\0${createHash('sha1').update(text).digest('hex')}`;
    let p = memo.get(key);
    if (!p) {
      p = parse(file, text);
      memo.set(key, p);
    }
    return p;
  };
}

/** `stdlibEntries`: stdlib modules run as `-m` entry points (`unittest.__main__`), with their programs.
 *  `cacheDir`: where transpiled modules are kept, so a re-run transpiles only what changed. */
export async function transpileModules(audit: Readonly<AuditJson>, modules: readonly string[], stdlibEntries: readonly string[] = [], cacheDir?: string): Promise<TranspileStepResult> {
  const files = new Map(audit.modules.map((m) => [m.name, m.path]));
  const roots = [...new Set(modules.map((m) => sourceRootOf(m, files.get(m) ?? '')))].sort();
  const native = new Set(nativeModules().keys());
  const parse = memoParse(parseSource);
  const diagnostics: Diagnostic[] = [];
  const status: TranspileStepResult['status'] = {};
  const closures: Record<string, string[]> = {};
  const union = new Map<string, SourceModule>();

  // The pure-Python stdlib comes from the user's CPython 2.7 Lib, after the repository's own roots.
  const lib = stdlibLibDir();
  const libDirs = lib ? [lib] : [];
  const entries = [...modules, ...(libDirs.length > 0 ? stdlibEntries : [])];
  for (const name of entries) {
    // `-m` entries resolve from the working directory first, as python2.7 does; paths print relative to it.
    const root = path.resolve(audit.root, files.has(name) ? sourceRootOf(name, files.get(name)!) : '');
    const others = roots.map((r) => path.resolve(audit.root, r)).filter((r) => r !== root);
    const program = await collectProgram({ kind: 'module', name }, [...others, ...libDirs], native, parse, { cwd: root, stdlibDirs: libDirs });
    diagnostics.push(...program.diagnostics.map((d) => ({ ...d, file: relFile(audit.root, root, d.file) })));
    const names: string[] = [];
    for (const m of program.modules) {
      const real = m.name === '__main__' ? name : m.name;
      names.push(real);
      if (!union.has(real)) union.set(real, { ...m, name: real, file: m.stdlib ? m.file : path.relative(root, m.abs) });
    }
    closures[name] = names.sort();
    if (!program.modules.some((m) => m.name === '__main__')) {
      status[name] = { ok: false, reason: program.diagnostics.map((d) => d.message).join('; ') || 'could not be loaded' };
    }
  }

  const packages: TranspiledPackage[] = [];
  const reused: string[] = [];
  if (cacheDir) mkdirSync(cacheDir, { recursive: true });
  for (const m of [...union.values()].sort((a, b) => a.name.localeCompare(b.name))) {
    const goPackage = goPackageFor(m.name);
    const cacheFile = cacheDir ? path.join(cacheDir, `${transpileKey(m, goPackage).slice(0, 40)}.json`) : undefined;
    let out: Pick<CachedTranspile, 'source' | 'diagnostics'> | undefined = cacheFile ? readCached(cacheFile, m.imports) : undefined;
    if (out) reused.push(m.name);
    else {
      const asked = new Map<string, string | null>();
      out = transpileModule({
        name: m.name, file: m.file, isPackage: m.isPackage, ast: m.ast, goPackage, imports: recording(m.imports, asked), stdlib: m.stdlib,
        lines: m.bytes.toString('latin1').replace(/\r?\n$/, '').split(/\r?\n/),
      });
      if (cacheFile) writeFileAtomic(cacheFile, JSON.stringify({ source: out.source, diagnostics: out.diagnostics, asked: [...asked] }));
    }
    const rel = m.stdlib ? m.file : path.relative(audit.root, m.abs).split(path.sep).join('/');
    // The stdlib's own warnings (its optional imports, mostly) are not the user's to act on.
    diagnostics.push(...out.diagnostics.filter((d) => !m.stdlib || d.severity === 'error').map((d) => ({ ...d, file: rel })));
    const errors = out.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0) {
      status[m.name] = { ok: false, reason: errors.map((d) => `line ${d.line}: ${d.message}`).join('; ') };
      continue;
    }
    status[m.name] ??= { ok: true };
    packages.push({ module: m.name, goPackage, file: rel, source: out.source });
  }
  return { packages, status, closures, reused, diagnostics };
}

function relFile(repoRoot: string, root: string, file: string): string {
  if (!file) return file;
  const abs = path.resolve(root, file);
  return path.relative(repoRoot, abs).split(path.sep).join('/');
}
