// Stage: resolve. Turns each module's import facts into classified edges, following Python 2.7:
// implicit relative imports inside packages (unless `from __future__ import absolute_import`),
// explicit relative imports, `from a import b` as submodule or attribute, builtins before the
// repository, the repository before the rest of the stdlib, `__go__.*` as Go packages.

import type { ImportEdge, ImportKind } from '../contract.js';
import type { Catalog, StdlibImpl } from './catalog.js';
import type { FileFacts, ImportFact } from './facts.js';
import type { ModuleInfo } from './roots.js';

/** An import edge plus what the rules stage needs to judge it. */
export interface ResolvedImport extends ImportEdge {
  column: number;
  /** The ImportError handler around an optional import does more than re-raise. */
  fallback: boolean;
  /** For stdlib edges: the implementation of the longest known stdlib prefix, and that prefix. */
  stdlib?: { module: string; impl: StdlibImpl };
  /** A relative import that climbs above the top-level package. */
  badRelative?: boolean;
  /** For in-repository native modules: the file that provides it. */
  nativeFile?: string;
}

export interface ResolveContext {
  modules: Pick<ReadonlyMap<string, ModuleInfo>, 'has' | 'get'>;
  /** In-repository native extension modules (setup.py Extension names, .pyx/.so files), name → file. */
  nativeModules: Map<string, string>;
  /** Per script folder: its modules by the name its own scripts import them with. */
  scriptModules?: Map<string, Map<string, ModuleInfo>>;
  /** Top-level import names declared as third-party requirements. */
  thirdParty: Set<string>;
  catalog: Catalog;
}

export function resolveModuleImports(mod: ModuleInfo, facts: FileFacts, all: ResolveContext): ResolvedImport[] {
  const ctx = visibleFrom(mod, all);
  const absolute = facts.future.includes('absolute_import');
  const out: ResolvedImport[] = [];
  const seen = new Set<string>();
  const push = (e: Edge, flags: Flags) => {
    // A module's own packages are initialised before it runs: edges to them would only add cycles.
    if (e.kind === 'internal' && !e.nativeFile && (e.module === mod.name || mod.name.startsWith(e.module + '.'))) return;
    const key = `${e.module}|${flags.line}|${e.kind}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(withFlags(e, flags));
  };
  for (const f of facts.imports) {
    const flags: Flags = {
      line: f.line, column: f.column, conditional: f.conditional, lazy: f.lazy, optional: f.optional, fallback: f.fallback, dynamic: f.form === 'dynamic',
    };
    if (f.form === 'from' && f.level > 0) {
      resolveRelative(mod, f, ctx, flags, push);
      continue;
    }
    const target = absoluteTarget(mod, f.module, absolute, ctx);
    for (const e of edgesFor(target, ctx)) push(e, flags);
    if (f.form === 'from') {
      for (const n of f.names) {
        if (n === '*') continue;
        const sub = `${target}.${n}`;
        if (ctx.modules.has(sub) || ctx.nativeModules.has(sub)) for (const e of edgesFor(sub, ctx).slice(-1)) push(e, flags);
        else if (!ctx.modules.has(target)) {
          const std = ctx.catalog.stdlib(sub);
          if (std && std.module === sub) push({ module: sub, kind: 'stdlib', stdlib: std }, flags);
          else if (ctx.catalog.nativePackage(sub) && !ctx.catalog.nativePackage(target)) push({ module: sub, kind: 'third-party' }, flags);
        }
      }
    }
  }
  return out;
}

/**
 * What `mod` can import: modules under the source roots, and modules of its own script folder. A
 * script folder is sys.path[0] only for its own scripts, so its files never shadow anything
 * (the stdlib included) for the rest of the repository.
 */
function visibleFrom(mod: ModuleInfo, ctx: ResolveContext): ResolveContext {
  const own = mod.scriptRoot === undefined ? undefined : ctx.scriptModules?.get(mod.scriptRoot);
  const get = (name: string): ModuleInfo | undefined => {
    // The script's own folder comes first (sys.path[0]), even for a file whose name was taken.
    const local = own?.get(name);
    if (local) return local;
    const m = ctx.modules.get(name);
    return m !== undefined && m.scriptRoot === undefined ? m : undefined;
  };
  return { ...ctx, modules: { has: (name) => get(name) !== undefined, get } };
}

type Flags = Pick<ResolvedImport, 'line' | 'column' | 'conditional' | 'lazy' | 'optional' | 'fallback' | 'dynamic'>;

/** The absolute name `import name` means inside `mod`: a sibling first in Python 2, unless absolute_import. */
function absoluteTarget(mod: ModuleInfo, name: string, absolute: boolean, ctx: ResolveContext): string {
  const top = name.split('.')[0]!;
  if (ctx.catalog.stdlib(top)?.impl === 'builtin') return name;
  if (!absolute && mod.context !== '') {
    const sibling = `${mod.context}.${top}`;
    if (ctx.modules.has(sibling) || ctx.nativeModules.has(sibling)) return `${mod.context}.${name}`;
  }
  return name;
}

function resolveRelative(mod: ModuleInfo, f: ImportFact, ctx: ResolveContext, flags: Flags, push: (e: Edge, flags: Flags) => void): void {
  const written = '.'.repeat(f.level) + f.module;
  const parts = mod.context === '' ? [] : mod.context.split('.');
  if (!mod.inPackage || f.level > parts.length) {
    push({ module: written, kind: 'missing', badRelative: true }, flags);
    return;
  }
  const base = parts.slice(0, parts.length - (f.level - 1)).join('.');
  const target = f.module ? `${base}.${f.module}` : base;
  if (f.module) for (const e of edgesFor(target, ctx).filter((e) => e.module.length > base.length)) push(e, flags);
  for (const n of f.names) {
    if (n === '*') {
      if (!f.module) push(edgesFor(target, ctx).slice(-1)[0]!, flags);
      continue;
    }
    const sub = `${target}.${n}`;
    if (ctx.modules.has(sub) || ctx.nativeModules.has(sub)) push(edgesFor(sub, ctx).slice(-1)[0]!, flags);
    else if (!f.module) push(edgesFor(target, ctx).slice(-1)[0]!, flags);
  }
}

type Edge = Omit<ResolvedImport, keyof Flags>;

/** One edge with its statement's flags, built field by field: object spreads were most of this stage's time. */
function withFlags(e: Edge, f: Flags): ResolvedImport {
  const r: ResolvedImport = {
    module: e.module, kind: e.kind, line: f.line, column: f.column, conditional: f.conditional, lazy: f.lazy, optional: f.optional, fallback: f.fallback,
  };
  if (f.dynamic) r.dynamic = true;
  if (e.stdlib !== undefined) r.stdlib = e.stdlib;
  if (e.badRelative !== undefined) r.badRelative = e.badRelative;
  if (e.nativeFile !== undefined) r.nativeFile = e.nativeFile;
  return r;
}

/** Edges for importing a dotted name: each internal package on the way, or one external edge. */
function edgesFor(name: string, ctx: ResolveContext): Edge[] {
  const parts = name.split('.');
  const top = parts[0]!;
  if (top === '__go__') return [{ module: name, kind: 'go' }];
  const std = ctx.catalog.stdlib(name);
  if (std?.impl === 'builtin' && std.module === top) return [{ module: name, kind: 'stdlib', stdlib: std }];
  const prefixes = parts.map((_, i) => parts.slice(0, i + 1).join('.'));
  if (prefixes.some((p) => ctx.modules.has(p) || ctx.nativeModules.has(p))) {
    // Folders without __init__.py are not modules: `import helper` from a script folder names the
    // file directly, so a missing prefix only matters when nothing deeper exists.
    const edges: Edge[] = [];
    for (const [i, prefix] of prefixes.entries()) {
      const native = ctx.nativeModules.get(prefix);
      const alias = ctx.modules.has(prefix) ? undefined : ctx.catalog.alias(prefix);
      if (ctx.modules.has(prefix)) edges.push({ module: ctx.modules.get(prefix)!.name, kind: 'internal' });
      else if (alias !== undefined) {
        // A name the stdlib only registers in sys.modules; scanning the stdlib itself, its target is here.
        edges.push(ctx.modules.has(alias) ? { module: alias, kind: 'internal' } : { module: name, kind: 'stdlib', stdlib: ctx.catalog.stdlib(alias)! });
        break;
      }
      else if (native !== undefined) {
        edges.push({ module: prefix, kind: 'internal', nativeFile: native });
        break;
      } else if (!prefixes.slice(i + 1).some((p) => ctx.modules.has(p) || ctx.nativeModules.has(p))) {
        edges.push({ module: name, kind: 'missing' });
        break;
      }
    }
    return edges;
  }
  if (std) return [{ module: name, kind: 'stdlib', stdlib: std }];
  const kind: ImportKind = ctx.thirdParty.has(top.toLowerCase()) || ctx.catalog.knownPackage(top) ? 'third-party' : 'missing';
  return [{ module: name, kind }];
}

/** Strips the analyzer's working fields, leaving the contract's ImportEdge. */
export function toContractEdge(e: ResolvedImport): ImportEdge {
  const out: ImportEdge = { module: e.module, kind: e.kind, line: e.line, conditional: e.conditional, lazy: e.lazy };
  if (e.optional) out.optional = true;
  if (e.dynamic) out.dynamic = true;
  if (e.nativeFile) out.native = true;
  return out;
}
