// The program: the entry script (or -m module) and every module it imports, found the way
// CPython 2.7 finds them — sys.path[0] is the script's directory, then --path entries; packages
// need __init__.py; Python 2 implicit relative imports try the importer's package first.
// Modules the runtime provides natively are imported from its registry instead.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadCatalog } from '../analyze/catalog.js';
import type * as A from '../ast/nodes.js';
import { diag, type Diagnostic } from '../diagnostics.js';
import { decodePython2 } from '../discover/encoding.js';
import type { ImportResolver } from './context.js';
import { futuresOf } from './module.js';
import { inlineLiteralExec } from './static-code.js';

export interface ParsedSource {
  ast?: A.Module;
  diagnostics: Diagnostic[];
}

/** encoding: the codec the file declares (it decides the bytes of str literals). */
export type ParseFn = (file: string, text: string, encoding?: string) => Promise<ParsedSource>;

export interface SourceModule {
  name: string;
  /** Absolute path on disk. */
  abs: string;
  /** The path CPython would print in tracebacks and __file__. */
  file: string;
  isPackage: boolean;
  /** Found under a stdlib search root (the CPython Lib): blocked dynamic features raise when run. */
  stdlib: boolean;
  ast: A.Module;
  /** Raw bytes of the source: cache keys and the source lines tracebacks print. */
  bytes: Buffer;
  imports: ImportResolver;
}

export type Entry = { kind: 'script'; path: string } | { kind: 'module'; name: string };

export interface Program {
  modules: SourceModule[];
  diagnostics: Diagnostic[];
  /** The module the binary runs as __main__. */
  main: string;
}

interface Root {
  /** Directory on disk. */
  dir: string;
  /** How paths under it are printed ('' for the current directory). */
  shown: string;
  /** One of the stdlibDirs (the CPython 2.7 Lib). */
  stdlib?: boolean;
}

export interface CollectOptions {
  /** Search paths that hold the CPython 2.7 Lib: modules found there get `stdlib: true`. */
  stdlibDirs?: string[];
  /** The working directory a `-m` entry is resolved from, as python2.7 does (default: this process's). */
  cwd?: string;
}

export async function collectProgram(entry: Entry, searchPaths: string[], native: ReadonlySet<string>, parse: ParseFn,
  opts: CollectOptions = {}): Promise<Program> {
  const diagnostics: Diagnostic[] = [];
  const modules: SourceModule[] = [];
  const seen = new Map<string, SourceModule | null>();
  const roots: Root[] = [];
  let mainFile: { abs: string; file: string } | null = null;

  if (entry.kind === 'script') {
    const shownDir = path.dirname(entry.path);
    roots.push({ dir: path.resolve(shownDir), shown: shownDir === '.' ? '' : shownDir });
    mainFile = { abs: path.resolve(entry.path), file: entry.path };
  } else {
    roots.push({ dir: path.resolve(opts.cwd ?? process.cwd()), shown: '' });
  }
  const stdlibDirs = new Set((opts.stdlibDirs ?? []).map((d) => path.resolve(d)));
  for (const p of searchPaths) roots.push({ dir: path.resolve(p), shown: p, stdlib: stdlibDirs.has(path.resolve(p)) });

  type Where = { abs: string; file: string; isPackage: boolean; stdlib?: boolean };
  const locate = (name: string): Where | null => {
    const parts = name.split('.');
    for (const r of roots) {
      let dir = r.dir;
      let ok = true;
      for (const pkg of parts.slice(0, -1)) {
        dir = path.join(dir, pkg);
        if (!existsSync(path.join(dir, '__init__.py'))) { ok = false; break; }
      }
      if (!ok) continue;
      const last = parts[parts.length - 1]!;
      const rel = parts.slice(0, -1).join('/');
      const show = (f: string): string => (r.shown ? path.join(r.shown, rel, f) : path.join(rel, f));
      const pkgInit = path.join(dir, last, '__init__.py');
      const stdlib = r.stdlib === true;
      if (existsSync(pkgInit)) return { abs: pkgInit, file: show(path.join(last, '__init__.py')), isPackage: true, stdlib };
      const file = path.join(dir, `${last}.py`);
      if (existsSync(file) && statSync(file).isFile()) return { abs: file, file: show(`${last}.py`), isPackage: false, stdlib };
    }
    return null;
  };

  // A name that only exists in sys.modules once its package has run (os.path, email.Utils) is a
  // module too, provided that package is part of the program.
  const catalog = loadCatalog();
  const exists = (name: string): boolean => {
    if (native.has(name) || locate(name) !== null) return true;
    const dot = name.lastIndexOf('.');
    return dot > 0 && catalog.alias(name) !== undefined && exists(name.slice(0, dot));
  };

  let mentionsStrptime = false;
  const codecNames = new Set<string>();
  const load = async (name: string, where: Where, realName = name): Promise<void> => {
    if (seen.has(name)) return;
    seen.set(name, null);
    const bytes = readFileSync(where.abs);
    const decoded = decodePython2(bytes);
    if (decoded.error) {
      // CPython refuses such a file with a SyntaxError before running anything.
      diagnostics.push(diag(decoded.error.id, 'error', where.file, decoded.error.message, decoded.error.line));
      return;
    }
    if (decoded.text.includes('strptime')) mentionsStrptime = true;
    for (const m of decoded.text.matchAll(CODEC_LITERAL)) codecNames.add(m[2]!);
    const parsed = await parse(where.file, decoded.text, decoded.encoding);
    diagnostics.push(...parsed.diagnostics);
    if (!parsed.ast) return;
    const pkg = where.isPackage ? realName : realName.includes('.') ? realName.slice(0, realName.lastIndexOf('.')) : '';
    const futures = futuresOf(parsed.ast);
    const absolute = futures.absoluteImport;
    // Literal exec statements become code of the module (static-code.ts), imports included.
    const ast = inlineLiteralExec(parsed.ast, futures);
    const imports: ImportResolver = {
      resolve: (mod, level) => resolveName(mod, level, pkg, absolute, exists),
      isModule: exists,
    };
    const m: SourceModule = { name, abs: where.abs, file: where.file, isPackage: where.isPackage, stdlib: where.stdlib === true, ast, bytes, imports };
    seen.set(name, m);
    modules.push(m);
    // Follow every import the module can execute, wherever it sits (functions included), and the
    // modules the runtime imports for it by name (RUNTIME_IMPORTS).
    for (const target of [...importTargets(ast, imports), ...(where.stdlib ? RUNTIME_IMPORTS[name] ?? [] : [])]) {
      const parts = target.split('.');
      for (let i = 1; i <= parts.length; i++) {
        const sub = parts.slice(0, i).join('.');
        if (native.has(sub)) {
          for (const need of NATIVE_NEEDS[sub] ?? []) {
            const loc = seen.has(need) ? null : locate(need);
            if (loc) await load(need, loc);
          }
          continue;
        }
        if (seen.has(sub)) continue;
        const loc = locate(sub);
        if (loc) await load(sub, loc);
      }
    }
  };

  let main: string;
  if (entry.kind === 'script') {
    if (!existsSync(mainFile!.abs)) {
      diagnostics.push(diag('file-not-found', 'error', entry.path, `can't open file '${entry.path}': No such file or directory`));
      return { modules, diagnostics, main: '__main__' };
    }
    main = '__main__';
    await load('__main__', { abs: mainFile!.abs, file: mainFile!.file, isPackage: false });
  } else {
    const loc = locate(entry.name);
    if (!loc) {
      diagnostics.push(diag('missing-import', 'error', entry.name, `No module named ${entry.name}`));
      return { modules, diagnostics, main: entry.name };
    }
    main = '__main__';
    // Parent packages run first, as `python -m` imports them.
    const parts = entry.name.split('.');
    for (let i = 1; i < parts.length; i++) {
      const sub = parts.slice(0, i).join('.');
      const l = locate(sub);
      if (l) await load(sub, l);
    }
    await load('__main__', loc, entry.name);
  }
  // The native datetime and time modules import _strptime by name, and only when strptime is
  // called: it joins the program when some module of it mentions strptime.
  if (mentionsStrptime && !seen.has('_strptime')) {
    const loc = locate('_strptime');
    if (loc) await load('_strptime', loc);
  }
  // s.decode('cp1252') imports encodings.cp1252 by name, through the encodings package CPython
  // always has: the codecs a program names in a string literal join it.
  const encodings = locate('encodings');
  if (encodings?.isPackage && encodings.stdlib) {
    // A codec module may name others (idna uses punycode): until no new one is named.
    const tried = new Set<string>();
    for (let pending = codecModules(path.dirname(encodings.abs), codecNames); pending.length > 0;) {
      if (!seen.has('encodings')) await load('encodings', encodings);
      for (const mod of pending) {
        tried.add(mod);
        const loc = seen.has(`encodings.${mod}`) ? null : locate(`encodings.${mod}`);
        if (loc) await load(`encodings.${mod}`, loc);
      }
      pending = codecModules(path.dirname(encodings.abs), codecNames).filter((m) => !tried.has(m));
    }
  }
  return { modules, diagnostics, main };
}

/**
 * Modules imported by name at run time on behalf of a stdlib module, which no import statement
 * shows: codecs.lookup makes _codecs import `encodings`, whose search function then imports the
 * codec module (`encodings.utf_8`…) with __import__. The common codecs are compiled in whenever the
 * program uses codecs.py; others stay unavailable (LookupError), as in a frozen CPython. anydbm
 * likewise imports its backend by name.
 */
const RUNTIME_IMPORTS: Readonly<Record<string, readonly string[]>> = {
  codecs: ['encodings', 'encodings.utf_8', 'encodings.utf_8_sig', 'encodings.latin_1', 'encodings.ascii',
    'encodings.utf_16', 'encodings.utf_16_le', 'encodings.utf_16_be', 'encodings.cp1252', 'encodings.hex_codec',
    'encodings.base64_codec'],
  // anydbm picks its backend with __import__ from a list; dumbdbm is the one written in Python.
  anydbm: ['dumbdbm'],
};

/** A quoted word that may name a codec ('cp1252', "latin-1", 'ISO8859_15'). */
const CODEC_LITERAL = /(['"])([A-Za-z][A-Za-z0-9_.-]{1,40})\1/g;

/**
 * The encodings modules that the given names select, as encodings.search_function would:
 * normalized (lower case, other characters to '_'), then looked up in encodings/aliases.py.
 */
function codecModules(dir: string, names: Set<string>): string[] {
  let files: Set<string>;
  let aliasText: string;
  try {
    files = new Set(readdirSync(dir).filter((f) => f.endsWith('.py')).map((f) => f.slice(0, -3)));
    aliasText = readFileSync(path.join(dir, 'aliases.py'), 'latin1');
  } catch {
    return [];
  }
  const aliases = new Map<string, string>();
  for (const m of aliasText.matchAll(/'([a-z0-9_]+)'\s*:\s*'([a-z0-9_]+)'/g)) aliases.set(m[1]!, m[2]!);
  const out = new Set<string>();
  for (const name of names) {
    const norm = name.toLowerCase().replace(/[^a-z0-9.]/g, '_');
    const mod = aliases.get(norm) ?? aliases.get(norm.replace(/\./g, '_')) ?? norm;
    if (files.has(mod) && mod !== '__init__' && mod !== 'aliases') out.add(mod);
  }
  return [...out].sort();
}

/** Stdlib modules written in Python that a native module of the runtime is built on. */
const NATIVE_NEEDS: Readonly<Record<string, readonly string[]>> = {
  cPickle: ['pickle'],
};

/** CPython 2.7's import name resolution for one import statement, decided statically. */
function resolveName(mod: string | null, level: number, pkg: string, absolute: boolean, exists: (n: string) => boolean): string | null {
  if (level > 0) {
    const parts = pkg ? pkg.split('.') : [];
    if (level - 1 > parts.length || (parts.length === 0)) return null;
    const base = parts.slice(0, parts.length - (level - 1)).join('.');
    const full = mod ? (base ? `${base}.${mod}` : mod) : base;
    return full && exists(full) ? full : null;
  }
  if (!mod) return null;
  if (!absolute && pkg) {
    const implicit = `${pkg}.${mod}`;
    if (exists(implicit)) return implicit;
  }
  return exists(mod) ? mod : null;
}

/** Every module name an import statement in this module can load (absolute), plus from-import submodules. */
function importTargets(mod: A.Module, imports: ImportResolver): string[] {
  const out: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) { for (const n of node) visit(n); return; }
    if (!node || typeof node !== 'object') return;
    const n = node as { _type?: string } & Record<string, unknown>;
    if (n._type === 'Import') {
      for (const a of (n as unknown as A.Import).names) {
        const abs = imports.resolve(a.name, 0);
        if (abs) out.push(abs);
        else {
          // `import os.path`: no os/path.py, but os binds os.path in sys.modules when it runs, so
          // the longest prefix that is a module must still be part of the program.
          const parts = a.name.split('.');
          for (let i = parts.length - 1; i >= 1; i--) {
            const prefix = imports.resolve(parts.slice(0, i).join('.'), 0);
            if (prefix) {
              out.push(prefix);
              break;
            }
          }
        }
      }
    } else if (n._type === 'ImportFrom') {
      const st = n as unknown as A.ImportFrom;
      if (st.module !== '__future__') {
        const abs = imports.resolve(st.module, st.level ?? 0);
        if (abs) {
          out.push(abs);
          for (const a of st.names) if (a.name !== '*' && imports.isModule(`${abs}.${a.name}`)) out.push(`${abs}.${a.name}`);
        }
      }
    }
    for (const [k, v] of Object.entries(n)) if (k !== '_type' && v && typeof v === 'object') visit(v);
  };
  visit(mod.body);
  return out;
}
