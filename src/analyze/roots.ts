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
  /**
   * The folder that is the module's sys.path entry when it is not a source root: a folder of
   * scripts below a root (no `__init__.py`). Its modules are visible only to each other.
   */
  scriptRoot?: string;
  /** The dotted name its own script folder imports it by, when `name` had to be its path because another file took it. */
  localName?: string;
  /** False when no import statement can reach the file (a name that is not an identifier, or taken); `name` is then its path. */
  importable?: false;
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

/** A Python 2 identifier: the only names `import` can spell. */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Names every Python file as CPython 2.7 would import it. A dotted name needs every folder on the
 * way to be a package (an `__init__.py`) whose name is an identifier; the climb from a file stops at
 * its source root or at the first folder that is not such a package. That folder is the file's
 * sys.path entry: a folder of scripts (its files import each other as top-level modules, as
 * `python script.py` does) or a folder some configuration puts on sys.path (the Lib's `lib-tk`,
 * `plat-linux2`, `site-packages`). So `lib-tk/Tkinter.py` is `Tkinter`, never `lib-tk.Tkinter`.
 * A file whose own name is not an identifier (`__phello__.foo.py`, `site-patch.py`) can only run as
 * a script: it is named by its path and marked not importable. So is a file whose name an earlier
 * one already took (files directly under the source roots go first).
 */
export function nameModules(pyPaths: string[], roots: string[]): { modules: ModuleInfo[]; duplicates: [string, string][] } {
  const inits = packageDirsOf(pyPaths);
  const byLength = [...roots].sort((a, b) => b.length - a.length);
  const placed: { p: string; packages: string[]; stem: string; declaredRoot: boolean; dir: string }[] = [];
  for (const p of [...pyPaths].sort()) {
    const { packages, declaredRoot, dir } = packageChain(p, byLength, inits);
    const stem = path.posix.basename(p).slice(0, -3);
    // A root's own __init__.py names nothing: the root is a sys.path entry, not a package.
    if (stem === '__init__' && packages.length === 0 && declaredRoot) continue;
    placed.push({ p, packages, stem, declaredRoot, dir });
  }
  const taken = new Map<string, string>();
  const duplicates: [string, string][] = [];
  const byPath = new Map<string, ModuleInfo>();
  const inOrder = [...placed.filter((x) => x.declaredRoot), ...placed.filter((x) => !x.declaredRoot)];
  for (const { p, packages, stem, declaredRoot, dir } of inOrder) {
    const isPackage = stem === '__init__' && packages.length > 0;
    // The __init__.py of a folder that cannot be a package (`my-pkg/`) is reachable by no import.
    let importable = isPackage || (stem !== '__init__' && IDENTIFIER.test(stem));
    let name = !importable ? p : isPackage ? packages.join('.') : [...packages, stem].join('.');
    const prev = importable ? taken.get(name) : undefined;
    let localName: string | undefined;
    if (prev !== undefined) {
      duplicates.push([p, prev]);
      localName = name;
      name = p;
      importable = false;
    }
    if (importable) taken.set(name, p);
    const m: ModuleInfo = {
      name, path: p, isPackage,
      context: packages.join('.'),
      inPackage: isPackage || inits.has(path.posix.dirname(p)),
    };
    if (!declaredRoot) m.scriptRoot = dir;
    if (localName !== undefined) m.localName = localName;
    if (!importable) m.importable = false;
    byPath.set(p, m);
  }
  return { modules: placed.map((x) => byPath.get(x.p)!), duplicates };
}

/** Folders holding `__init__.py`, from a list of repository paths. */
export function packageDirsOf(pyPaths: string[]): Set<string> {
  return new Set(pyPaths.filter((p) => p.endsWith('/__init__.py') || p === '__init__.py').map((p) => path.posix.dirname(p)));
}

/**
 * The packages a file sits in, outermost first: its folders up to its source root (roots longest
 * first) or up to the first folder that is not an identifier-named package. `declaredRoot` says
 * whether the climb reached the source root rather than stopping at such a folder.
 */
export function packageChain(p: string, rootsLongestFirst: string[], inits: Set<string>): { packages: string[]; declaredRoot: boolean; dir: string } {
  const root = rootsLongestFirst.find((r) => r === '' || p.startsWith(r + '/')) ?? '';
  const packages: string[] = [];
  let dir = path.posix.dirname(p) === '.' ? '' : path.posix.dirname(p);
  while (dir !== root && inits.has(dir) && IDENTIFIER.test(path.posix.basename(dir))) {
    packages.unshift(path.posix.basename(dir));
    const up = path.posix.dirname(dir);
    dir = up === '.' ? '' : up;
  }
  return { packages, declaredRoot: dir === root, dir };
}

/** The dotted name `import` would use for a file of the repository, or undefined when none can reach it. */
export function importableName(p: string, stem: string, rootsLongestFirst: string[], inits: Set<string>): string | undefined {
  if (!IDENTIFIER.test(stem)) return undefined;
  return [...packageChain(p, rootsLongestFirst, inits).packages, stem].join('.');
}

/** Modules of each script folder by the name its scripts import them with (see ModuleInfo.scriptRoot). */
export function scriptFolderModules(modules: ModuleInfo[]): Map<string, Map<string, ModuleInfo>> {
  const out = new Map<string, Map<string, ModuleInfo>>();
  for (const m of modules) {
    if (m.scriptRoot === undefined) continue;
    const key = m.localName ?? (m.importable === false ? undefined : m.name);
    if (key === undefined) continue;
    let inFolder = out.get(m.scriptRoot);
    if (!inFolder) out.set(m.scriptRoot, (inFolder = new Map()));
    inFolder.set(key, m);
  }
  return out;
}
