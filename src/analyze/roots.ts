// Source roots and module names. A repository's Python code lives under one or more roots: the
// repository itself, src/ and lib/ when they hold code, and whatever setup.py's package_dir says.
// setup.py is read as text, never run.

import path from 'node:path';

export interface ModuleInfo {
  /** Dotted name; a package's __init__ is the package's name. */
  name: string;
  /** Relative to the repository, '/' separators. */
  path: string;
  isPackage: boolean;
  /** The dotted name of the package (or plain folder) the module's siblings live in; "" at a root. */
  context: string;
  /** Whether that context is a real package (has __init__.py), which allows relative imports. */
  inPackage: boolean;
}

/** Roots relative to the repository ("" is the repository itself), longest first when matching. */
export function findSourceRoots(pyPaths: string[], setupPy: string | undefined, override: string[] | undefined): string[] {
  if (override && override.length > 0) return unique(override.map(normRoot));
  const dirs = new Set<string>();
  const inits = new Set<string>();
  for (const p of pyPaths) {
    const parts = p.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
    if (parts[parts.length - 1] === '__init__.py') inits.add(parts.slice(0, -1).join('/'));
  }
  const roots = [''];
  for (const d of ['src', 'lib']) if (dirs.has(d) && !inits.has(d)) roots.push(d);
  if (setupPy !== undefined) {
    for (const [pkg, dir] of packageDirs(setupPy)) {
      const d = normRoot(dir);
      if (pkg === '') roots.push(d);
      else if (path.posix.basename(d) === pkg.split('.').pop()) roots.push(path.posix.dirname(d) === '.' ? '' : path.posix.dirname(d));
    }
  }
  return unique(roots);
}

/** `package_dir={'': 'src', 'pkg': 'lib/pkg'}` pairs, read statically from setup.py's text. */
export function packageDirs(setupPy: string): [string, string][] {
  const m = /package_dir\s*=\s*(?:dict\s*\(([^)]*)\)|\{([^}]*)\})/.exec(setupPy);
  if (!m) return [];
  const out: [string, string][] = [];
  if (m[2] !== undefined) {
    for (const pair of m[2].matchAll(/(['"])([\w.]*)\1\s*:\s*(['"])([^'"]*)\3/g)) out.push([pair[2]!, pair[4]!]);
  } else {
    for (const pair of m[1]!.matchAll(/(\w+)\s*=\s*(['"])([^'"]*)\2/g)) out.push([pair[1]!, pair[3]!]);
  }
  return out;
}

function normRoot(r: string): string {
  const n = path.posix.normalize(r.replace(/\\/g, '/')).replace(/^\.\/?/, '').replace(/\/$/, '');
  return n === '.' ? '' : n;
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}

/**
 * Names every Python file: by its path below the deepest root that holds it. Files outside any
 * package chain still get a dotted name (unique, for reporting); their folder acts as a script
 * folder, where `import sibling` finds the neighbouring file as `python script.py` would.
 */
export function nameModules(pyPaths: string[], roots: string[]): { modules: ModuleInfo[]; duplicates: [string, string][] } {
  const inits = new Set(pyPaths.filter((p) => p.endsWith('/__init__.py') || p === '__init__.py').map((p) => path.posix.dirname(p)));
  const byLength = [...roots].sort((a, b) => b.length - a.length);
  const modules: ModuleInfo[] = [];
  const taken = new Map<string, string>();
  const duplicates: [string, string][] = [];
  for (const p of [...pyPaths].sort()) {
    const root = byLength.find((r) => r === '' || p.startsWith(r + '/')) ?? '';
    const rel = root === '' ? p : p.slice(root.length + 1);
    const parts = rel.slice(0, -3).split('/');
    const isPackage = parts[parts.length - 1] === '__init__';
    if (isPackage) parts.pop();
    if (parts.length === 0 || parts.some((x) => x === '')) continue; // a root-level __init__.py names nothing
    let name = parts.join('.');
    const context = isPackage ? name : parts.slice(0, -1).join('.');
    const inPackage = isPackage || inits.has(path.posix.dirname(p));
    const prev = taken.get(name);
    if (prev !== undefined) {
      duplicates.push([p, prev]);
      name = p.slice(0, -3).replace(/\//g, '.');
    }
    taken.set(name, p);
    modules.push({ name, path: p, isPackage, context, inPackage });
  }
  return { modules, duplicates };
}
