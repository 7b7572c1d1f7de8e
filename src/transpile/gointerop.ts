// Go interop: `from __go__.net.http import ListenAndServe` imports members of the Go package
// net/http (dots in the Python name are slashes in the Go path). Before a module is emitted, its
// `__go__` imports are collected with the names it uses, checked against the package's real
// exports (goinspect, which reads the Go toolchain's export data), and turned into Go imports plus
// gointerop.Register calls in the package's init(). The import statements themselves then compile
// like any other import of a runtime-registered module.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runtimeGoDir } from '../runtime-support.js';
import type * as A from '../ast/nodes.js';
import { cacheRoot, sha256 } from '../build/cache.js';
import { findGo } from '../build/toolchain.js';
import type { ModuleCtx } from './context.js';
import { goUtf8 } from './goliteral.js';

export const GO_PREFIX = '__go__';
export const GOINTEROP_IMPORT = 'github.com/grumpy-audit/grumpy-audit/runtime-go/gointerop';

/** One exported member as goinspect describes it. */
interface GoMember {
  kind: 'func' | 'var' | 'const' | 'type' | 'generic' | 'other';
  untyped?: 'int' | 'rune' | 'float' | 'complex' | 'string' | 'bool' | 'nil';
  value?: string;
  type: string;
}

interface GoPackageInfo {
  error?: string;
  members?: Record<string, GoMember>;
  adapters?: [string, string][];
}

/** What one module needs from Go: per Go package, its alias and the members it names. */
export interface GoInterop {
  /** Go import specs for the standard-library group (`alias "net/http"`), sorted by path. */
  imports: string[];
  /** Statements for init(), before the module registers itself. */
  init: string[];
  /** Whether the gointerop package is needed at all. */
  used: boolean;
}

const validated = new WeakMap<ModuleCtx, Set<string>>();

/** Is this dotted module name a Go package import (`__go__` or `__go__.x.y`)? */
export function isGoModule(name: string | null): name is string {
  return name === GO_PREFIX || (name !== null && name.startsWith(`${GO_PREFIX}.`));
}

/** The Go import path for a `__go__.` Python module name ("__go__.net.http" → "net/http"). */
export function goPath(pyName: string): string {
  return pyName.slice(GO_PREFIX.length + 1).split('.').join('/');
}

/**
 * imports.ts asks this before resolving: the absolute name for a `__go__` import this module
 * validated (it is registered by the runtime at start-up), or null when collectGoInterop already
 * reported why it cannot be imported.
 */
export function resolveGoImport(mod: ModuleCtx, name: string): string | null {
  return validated.get(mod)?.has(name) ? name : null;
}

/** Collects and checks the module's `__go__` imports; reports problems as diagnostics on `mod`. */
export function collectGoInterop(mod: ModuleCtx, ast: A.Module): GoInterop {
  // Most modules never mention __go__: skip the tree walks for them.
  if (!mod.lines.some((l) => l.includes(GO_PREFIX))) return { imports: [], init: [], used: false };
  const wanted = new Map<string, { names: Set<string>; node: A.stmt }>();
  // `bound` (from-imports only): the name the import binds, for a sub-package's attribute reads.
  const uses: { pkg: string; name: string; node: A.stmt; viaAttr?: boolean; bound?: string }[] = [];
  const ok = new Set<string>();
  validated.set(mod, ok);
  let any = false;

  const want = (pkg: string, node: A.stmt): Set<string> => {
    let w = wanted.get(pkg);
    if (!w) wanted.set(pkg, (w = { names: new Set(), node }));
    return w.names;
  };
  const imports: { st: A.stmt; pkg: string; bound: string[] | null }[] = [];
  walk(ast.body, (n) => {
    if (n._type === 'ImportFrom') {
      const st = n as A.ImportFrom;
      if ((st.level ?? 0) !== 0 || !isGoModule(st.module)) return;
      any = true;
      for (const a of st.names) {
        if (a.name === '*') {
          mod.error(st, 'go-interop', `'from ${st.module} import *' is not supported: name the Go members the module uses`);
          continue;
        }
        if (st.module === GO_PREFIX) {
          if (a.name === 'GoError') ok.add(GO_PREFIX);
          else mod.error(st, 'go-interop', `'${a.name}' is not in ${GO_PREFIX} (it provides GoError); import Go packages as ${GO_PREFIX}.<path>`);
          continue;
        }
        uses.push({ pkg: st.module, name: a.name, node: st, bound: a.asname ?? a.name });
      }
    } else if (n._type === 'Import') {
      const st = n as A.Import;
      for (const a of st.names) {
        if (!isGoModule(a.name)) continue;
        any = true;
        if (a.name === GO_PREFIX) { ok.add(GO_PREFIX); continue; }
        // Members are the attributes the module reads through the bound name.
        imports.push({ st, pkg: a.name, bound: a.asname ? [a.asname] : a.name.split('.') });
      }
    }
  });
  for (const imp of imports) {
    want(imp.pkg, imp.st);
    for (const attr of attributeUses(ast, imp.bound!)) uses.push({ pkg: imp.pkg, name: attr, node: imp.st, viaAttr: true });
  }
  for (const u of uses) want(u.pkg, u.node).add(u.name);
  if (!any) return { imports: [], init: [], used: false };

  const report = (msg: string): void => mod.error(wanted.values().next().value!.node, 'go-interop', msg);
  const info = inspectPackages([...wanted.keys()].map(goPath), report);
  // `from __go__.net import http`: a name that is no member of the package but a Go package of its
  // own imports that sub-package, as Python imports a submodule; its members are the attributes
  // the module reads through the bound name. A parent that only holds such names need not be a Go
  // package itself (`from __go__.compress import gzip`).
  const parentsOnly = new Set<string>();
  const subs = info ? uses.filter((u) => u.bound !== undefined && !info.get(goPath(u.pkg))?.members?.[u.name]) : [];
  const subInfo = subs.length > 0 ? inspectPackages(subs.map((u) => goPath(`${u.pkg}.${u.name}`)), report) : null;
  for (const u of subs) {
    const sub = `${u.pkg}.${u.name}`;
    const si = subInfo?.get(goPath(sub));
    if (!si || si.error) continue;
    info!.set(goPath(sub), si);
    uses.splice(uses.indexOf(u), 1);
    wanted.get(u.pkg)!.names.delete(u.name);
    parentsOnly.add(u.pkg);
    const names = want(sub, u.node);
    for (const attr of attributeUses(ast, [u.bound!])) {
      uses.push({ pkg: sub, name: attr, node: u.node, viaAttr: true });
      names.add(attr);
    }
  }
  const specs: { path: string; spec: string }[] = [];
  const init: string[] = [];
  let alias = 0;
  for (const [pkg, w] of [...wanted].sort((a, b) => a[0].localeCompare(b[0]))) {
    const gp = goPath(pkg);
    const pi = info?.get(gp);
    if (!pi) continue;
    if (parentsOnly.has(pkg) && w.names.size === 0) { ok.add(pkg); continue; }
    if (pi.error) { mod.error(w.node, 'go-interop', pi.error); continue; }
    const name = `go${++alias}_${gp.split('/').pop()!.replace(/\W/g, '_')}`;
    const members: string[] = [];
    let bad = false;
    for (const m of [...w.names].sort()) {
      const d = pi.members?.[m];
      const use = uses.find((u) => u.pkg === pkg && u.name === m && !u.viaAttr) ?? uses.find((u) => u.pkg === pkg && u.name === m);
      const at = use?.node ?? w.node;
      // `s.X` may read another object that shadows the import's name: only warn, and let the
      // runtime raise AttributeError if it really is the Go package.
      if (use?.viaAttr && (!d || typeof memberExpr('', m, d) !== 'string')) {
        mod.diags.push({
          id: 'go-interop', severity: 'warning', file: mod.file, line: at.lineno ?? 0, column: at.col_offset ?? 0,
          message: d ? `Go ${gp}.${m} (${d.type}) cannot be imported; reading it raises AttributeError`
            : `Go package ${gp} has no exported member '${m}'; reading it raises AttributeError`,
        });
        continue;
      }
      if (!d) {
        mod.error(at, 'go-interop', `Go package ${gp} has no exported member '${m}'`);
        bad = true;
        continue;
      }
      const wrapped = memberExpr(name, m, d);
      if (typeof wrapped !== 'string') {
        mod.error(at, 'go-interop', `Go ${gp}.${m} (${d.type}) cannot be imported: ${wrapped.reason}`);
        bad = true;
        continue;
      }
      members.push(`${goUtf8(m)}, ${wrapped}`);
    }
    if (bad) continue;
    ok.add(pkg);
    ok.add(GO_PREFIX);
    const adapters = pi.adapters ?? [];
    if (members.length > 0 || adapters.length > 0) specs.push({ path: gp, spec: `${name} "${gp}"` });
    for (const [iface, fn] of adapters) init.push(`gointerop.Adapter[${name}.${iface}, ${name}.${fn}]()`);
    if (members.length === 0) init.push(`gointerop.RegisterPackage(${goUtf8(gp)})`);
    for (const m of members) init.push(`gointerop.Register(${goUtf8(gp)}, ${m})`);
  }
  // `from __go__ import GoError` alone still links gointerop, whose init registers __go__.
  if (init.length === 0) init.push('_ = gointerop.GoErrorType');
  specs.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { imports: specs.map((s) => s.spec), init, used: true };
}

/** The gointerop constructor for one member, or why it has none. */
function memberExpr(alias: string, name: string, d: GoMember): string | { reason: string } {
  const ref = `${alias}.${name}`;
  switch (d.kind) {
    case 'func': return `gointerop.Func(${ref})`;
    case 'var': return `gointerop.Var(&${ref})`;
    case 'type': return `gointerop.TypeOf[${ref}]()`;
    case 'generic': return { reason: 'generic functions and types need type arguments, which Python cannot give' };
    case 'other': return { reason: 'only functions, variables, constants and types can be imported' };
    case 'const':
      switch (d.untyped) {
        case undefined: case 'string': case 'bool': case 'rune': return `gointerop.Const(${ref})`;
        case 'float': return `gointerop.Const(float64(${ref}))`;
        case 'complex': return `gointerop.Const(complex128(${ref}))`;
        case 'int': {
          // An untyped integer takes the smallest Go integer type that holds it exactly.
          const v = BigInt(d.value ?? '0');
          if (v >= -(2n ** 63n) && v < 2n ** 63n) return `gointerop.Const(int64(${ref}))`;
          if (v >= 0n && v < 2n ** 64n) return `gointerop.Const(uint64(${ref}))`;
          return `gointerop.BigConst(${goUtf8(v.toString())})`;
        }
        default: return { reason: 'untyped nil has no value' };
      }
  }
}

/** Every attribute name read as `<bound...>.X` (bound = ['s'] or ['__go__', 'net', 'http']). */
function attributeUses(ast: A.Module, bound: string[]): Set<string> {
  const out = new Set<string>();
  walk(ast.body, (n) => {
    if (n._type !== 'Attribute') return;
    // Flatten a.b.c.X into its dotted parts.
    const parts: string[] = [];
    let e: A.expr = n as A.Attribute;
    while (e._type === 'Attribute') { parts.unshift(e.attr); e = e.value; }
    if (e._type !== 'Name') return;
    parts.unshift(e.id);
    if (parts.length === bound.length + 1 && bound.every((p, i) => parts[i] === p)) out.add(parts[bound.length]!);
  });
  return out;
}

function walk(node: unknown, visit: (n: { _type: string }) => void): void {
  if (Array.isArray(node)) { for (const n of node) walk(n, visit); return; }
  if (!node || typeof node !== 'object') return;
  const n = node as { _type?: string } & Record<string, unknown>;
  if (typeof n._type === 'string') visit(n as { _type: string });
  for (const [k, v] of Object.entries(n)) if (k !== '_type' && v && typeof v === 'object') walk(v, visit);
}

// ---- goinspect: built once per Go toolchain and runtime, answers memoised in memory and on disk.

const memo = new Map<string, GoPackageInfo>();

const runtimeDir = runtimeGoDir;

/** Package info for each Go path, or null (after reporting) when goinspect cannot run. */
function inspectPackages(paths: string[], report: (msg: string) => void): Map<string, GoPackageInfo> | null {
  const go = findGo();
  if (typeof go === 'string') { report(`Go interop needs the Go toolchain: ${go}`); return null; }
  const src = path.join(runtimeDir(), 'gointerop', 'cmd', 'goinspect', 'main.go');
  const key = sha256(go.version, readFileSync(src)).slice(0, 16);
  const diskDir = path.join(cacheRoot(), 'gointerop', key);
  const out = new Map<string, GoPackageInfo>();
  const missing: string[] = [];
  for (const p of paths) {
    const file = path.join(diskDir, `${encodeURIComponent(p)}.json`);
    const hit = memo.get(`${key}:${p}`) ?? (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as GoPackageInfo) : undefined);
    if (hit) out.set(p, hit);
    else missing.push(p);
  }
  if (missing.length > 0) {
    const env = { ...process.env, GOFLAGS: '-mod=mod', GOWORK: 'off' };
    const bin = path.join(cacheRoot(), 'tools', `goinspect-${key}`);
    if (!existsSync(bin)) {
      mkdirSync(path.dirname(bin), { recursive: true });
      const tmp = `${bin}.${process.pid}.tmp`;
      const b = spawnSync(go.go, ['build', '-o', tmp, './gointerop/cmd/goinspect'], { cwd: runtimeDir(), env, encoding: 'utf8' });
      if (b.status !== 0) { report(`could not build goinspect: ${(b.stderr || String(b.error)).trim()}`); return null; }
      renameSync(tmp, bin);
    }
    const r = spawnSync(bin, missing, { cwd: runtimeDir(), env, encoding: 'utf8', maxBuffer: 64 << 20 });
    if (r.status !== 0) { report(`goinspect failed: ${(r.stderr || String(r.error)).trim()}`); return null; }
    const got = JSON.parse(r.stdout) as Record<string, GoPackageInfo>;
    mkdirSync(diskDir, { recursive: true });
    for (const p of missing) {
      const pi = got[p] ?? { error: `goinspect said nothing about ${p}` };
      out.set(p, pi);
      memo.set(`${key}:${p}`, pi);
      // Failures are not cached on disk: a package may appear with another toolchain setup.
      if (!pi.error) writeFileSync(path.join(diskDir, `${encodeURIComponent(p)}.json`), JSON.stringify(pi));
    }
  }
  return out;
}
