// Stdlib coverage (a measurement script, not a test): how many of the CPython 2.7 Lib's
// pure-Python top-level modules transpile, build and import on our stack, with the Lib as a
// search path after the program's own directory (design.md section 3).
//
// Usage: npx tsx bench/stdlib-coverage.ts [--limit N] [--strict] [--lib DIR] [--verbose]
//   --lib DIR: measure another copy of the Lib (default: findPython2()'s libDir), e.g. a patched
//             one, to see which failures lie behind the first one.
//   --strict: treat the Lib like user code (exec/eval/compile/execfile are compile errors), which
//             is how everything was compiled before stdlib modules got run-time raises instead.
//
// Modules: every `X.py` file and every package `X/__init__.py` directly under the Lib dir, except
//   - `test` (CPython's regression suite, not a library), `idlelib` (the IDLE GUI, needs Tk),
//     `lib-tk`, `plat-*`, `lib-dynload`, `site-packages` (no `__init__.py`: not importable as
//     packages anyway; listed so the rule is explicit),
//   - `antigravity` (importing it opens a web browser),
//   - names that are not Python identifiers (`__phello__.foo.py`, a frozen-import test file),
//   - modules the runtime provides natively (the Lib's copy is never used for those).
//
// Steps, all through the project's own functions:
//   1. transpiled: per module, collectProgram(`import X`, [Lib]) + transpileModule on every module
//      of that program; any error (parse, blocked feature, missing import) fails the module.
//   2. builds: one probe program holds `def t_X(): import X` for every module that transpiled and
//      dispatches on argv[1]; it is built with buildProgram. When `go build` fails, the Go packages
//      it names are mapped back to Python modules, every probe depending on them is marked failed,
//      and the rest is rebuilt (one `go build` per round instead of one per module).
//   3. imports: the probe binary runs once per module (`probe X`, 20 s limit); exit status 0 = OK.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findPython2 } from '../src/python2.js';
import { nativeModules } from '../src/build/native.js';
import { buildProgram, goPackageFor } from '../src/build/index.js';
import { collectProgram, type Program } from '../src/transpile/program.js';
import { parseSource } from '../src/transpile/parse.js';
import { transpileModule } from '../src/transpile/module.js';
import { formatDiagnostic, type Diagnostic } from '../src/diagnostics.js';

const argv = process.argv.slice(2);
const limitAt = argv.indexOf('--limit');
const limit = limitAt >= 0 ? Number(argv[limitAt + 1]) : Infinity;
const verbose = argv.includes('--verbose');
const strict = argv.includes('--strict');

const py = findPython2();
if (!py) {
  process.stderr.write('stdlib-coverage: python2.7 not found (set GRUMPY_PYTHON2)\n');
  process.exit(2);
}
const libAt = argv.indexOf('--lib');
const libDir = libAt >= 0 ? path.resolve(argv[libAt + 1]!) : py.libDir;
const native = new Set(nativeModules().keys());
const collectOpts = { stdlibDirs: strict ? [] : [libDir] };

const SKIP_DIRS = new Set(['test', 'idlelib', 'lib-tk', 'lib-dynload', 'site-packages']);
const SKIP_MODULES = new Set(['antigravity']);
const ident = /^[A-Za-z_][A-Za-z0-9_]*$/;

const candidates: string[] = [];
const skippedNative: string[] = [];
for (const name of readdirSync(libDir).sort()) {
  const full = path.join(libDir, name);
  let mod: string | undefined;
  if (name.endsWith('.py')) mod = name.slice(0, -3);
  else if (!SKIP_DIRS.has(name) && !name.startsWith('plat-') && existsSync(path.join(full, '__init__.py'))) mod = name;
  if (!mod || !ident.test(mod) || SKIP_MODULES.has(mod)) continue;
  if (native.has(mod)) { skippedNative.push(mod); continue; }
  candidates.push(mod);
}
const mods = candidates.slice(0, limit);

interface Status {
  transpiled: boolean;
  builds: boolean;
  imports: boolean;
  error?: string;
  /** Python modules of the module's program (its import closure). */
  closure: string[];
}
const status = new Map<string, Status>();
const firstLine = (s: string): string => s.split('\n').find((l) => l.trim())?.trim() ?? '';
const errText = (d: Diagnostic): string => firstLine(formatDiagnostic(d));

const work = path.join(os.tmpdir(), `grumpy-stdlib-coverage.${process.pid}`);
mkdirSync(work, { recursive: true });

// 1. transpile
const transpiled = new Map<string, Diagnostic[]>(); // Python module (by file) → its errors
for (const mod of mods) {
  const script = path.join(work, `probe_${mod}.py`);
  writeFileSync(script, `import ${mod}\n`);
  const prog = await collectProgram({ kind: 'script', path: script }, [libDir], native, parseSource, collectOpts);
  let errors = prog.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length === 0) {
    for (const m of prog.modules) {
      if (m.name === '__main__') continue;
      let errs = transpiled.get(m.abs);
      if (!errs) {
        const out = transpileModule({
          name: m.name, file: m.file, isPackage: m.isPackage, ast: m.ast,
          lines: m.bytes.toString('latin1').replace(/\r?\n$/, '').split(/\r?\n/), goPackage: goPackageFor(m.name), imports: m.imports, stdlib: m.stdlib,
        });
        errs = out.diagnostics.filter((d) => d.severity === 'error');
        transpiled.set(m.abs, errs);
      }
      errors = errors.concat(errs);
    }
  }
  const closure = prog.modules.map((m) => m.name).filter((n) => n !== '__main__');
  status.set(mod, { transpiled: errors.length === 0, builds: false, imports: false, error: errors[0] ? errText(errors[0]) : undefined, closure });
}

// 2. build one probe program for everything that transpiled
let probing = mods.filter((m) => status.get(m)!.transpiled);
let binary: string | undefined;
for (let round = 0; round < 20 && probing.length > 0; round++) {
  const probe = path.join(work, 'stdlib_probe.py');
  const lines = ['import sys', ''];
  probing.forEach((m, i) => lines.push(`def t${i}():`, `    import ${m}`, ''));
  lines.push(`tests = {${probing.map((m, i) => `'${m}': t${i}`).join(', ')}}`, 'tests[sys.argv[1]]()', '');
  writeFileSync(probe, lines.join('\n'));
  const prog: Program = await collectProgram({ kind: 'script', path: probe }, [libDir], native, parseSource, collectOpts);
  const built = buildProgram(prog);
  if (built.binary) { binary = built.binary; break; }
  const failure = built.diagnostics.find((d) => d.severity === 'error');
  const text = failure?.message ?? 'build failed';
  // go build names the failing packages: `# <module path>/m/m_<name>` and `m/m_<name>/x.go:L:C: …`.
  const badPkgs = new Map<string, string>();
  let current: string | undefined;
  for (const line of text.split('\n')) {
    const header = /^# .*\/m\/(m_\w+)$/.exec(line);
    if (header) { current = header[1]; continue; }
    const loc = /(?:^|\/)m\/(m_\w+)\/[\w.]+\.go:\d+/.exec(line);
    const pkg = loc?.[1] ?? current;
    if (pkg && !badPkgs.has(pkg) && !/^#/.test(line)) badPkgs.set(pkg, line.trim());
  }
  if (badPkgs.size === 0) {
    for (const m of probing) status.get(m)!.error = `build: ${firstLine(text.replace(/^go build failed:\n/, ''))}`;
    probing = [];
    break;
  }
  const byPkg = new Map(prog.modules.map((m) => [goPackageFor(m.name), m.name] as const));
  const badMods = new Map([...badPkgs].map(([pkg, line]) => [byPkg.get(pkg) ?? pkg, line] as const));
  probing = probing.filter((m) => {
    const st = status.get(m)!;
    const hit = st.closure.find((n) => badMods.has(n));
    if (!hit) return true;
    st.error = `build: ${hit}: ${badMods.get(hit)}`;
    return false;
  });
}

// 3. import each module in its own run of the probe binary
for (const m of probing) {
  const st = status.get(m)!;
  st.builds = binary !== undefined;
  if (!binary) continue;
  const r = spawnSync(binary, [m], { cwd: work, encoding: 'utf8', timeout: 20_000, input: '', maxBuffer: 16 << 20 });
  if (r.status === 0) st.imports = true;
  else {
    const errLines = (r.stderr ?? '').trim().split('\n');
    st.error = `run: ${r.error ? String(r.error) : r.signal ? `killed by ${r.signal}` : errLines[errLines.length - 1] || `exit ${r.status}`}`;
  }
}

// Report
const pct = (n: number): string => `${((100 * n) / Math.max(1, mods.length)).toFixed(1)}%`;
let t = 0; let b = 0; let i = 0;
const causes = new Map<string, number>();
for (const m of mods) {
  const st = status.get(m)!;
  if (st.transpiled) t++;
  if (st.builds) b++;
  if (st.imports) i++;
  const mark = (x: boolean): string => (x ? 'yes' : 'no ');
  process.stdout.write(`${m.padEnd(22)} transpiled ${mark(st.transpiled)} builds ${mark(st.builds)} imports ${mark(st.imports)}${st.error ? `  ${st.error}` : ''}\n`);
  if (st.error) {
    // Group by cause: the rule id of a compile error, else the error line (exception and message).
    const key = /\[([\w-]+)\]/.exec(st.error)?.[1] ?? st.error.slice(0, 100);
    causes.set(key, (causes.get(key) ?? 0) + 1);
  }
}
process.stdout.write(`\nskipped (native in runtime-go): ${skippedNative.join(' ') || '-'}\n`);
process.stdout.write('\nfailure causes:\n');
for (const [k, n] of [...causes].sort((x, y) => y[1] - x[1])) process.stdout.write(`  ${String(n).padStart(4)}  ${k}\n`);
process.stdout.write(`\nstdlib: ${mods.length} modules; transpiled ${pct(t)}, builds ${pct(b)}, imports ${pct(i)}\n`);
if (verbose) process.stdout.write(`work dir: ${work}\n`);
