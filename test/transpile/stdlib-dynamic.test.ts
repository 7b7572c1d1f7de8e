// Blocked dynamic features (exec/eval/compile/execfile): compile-time errors in user code, but in
// modules of the stdlib search path (the CPython Lib) they compile to a NotImplementedError raised
// only when that code runs (src/transpile/blocked.ts).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectProgram, type SourceModule } from '../../src/transpile/program.js';
import { parseSource } from '../../src/transpile/parse.js';
import { transpileModule } from '../../src/transpile/module.js';
import { buildProgram, goPackageFor } from '../../src/build/index.js';
import { nativeModules } from '../../src/build/native.js';

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'grumpy-stdlib-dyn-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

const LIB = [
  'def run(src):',
  '    exec src in {}',
  '    return 1',
  'def ev(src):',
  '    return eval(src)',
  'ok = "imported"',
  '',
].join('\n');

function transpile(m: SourceModule) {
  return transpileModule({
    name: m.name, file: m.file, isPackage: m.isPackage, ast: m.ast, lines: m.bytes.toString('latin1').split('\n'),
    goPackage: goPackageFor(m.name), imports: m.imports, stdlib: m.stdlib,
  });
}

describe('dynamic features in stdlib modules', () => {
  const dir = tree({
    'app/main.py': 'import libmod\nimport sys\nprint libmod.ok\ntry:\n    libmod.run(sys.argv[1])\nexcept NotImplementedError as e:\n    print e\ntry:\n    libmod.ev("1")\nexcept NotImplementedError as e:\n    print e\n',
    'app/usermod.py': LIB,
    'lib/libmod.py': LIB,
  });
  const main = path.join(dir, 'app', 'main.py');
  const lib = path.join(dir, 'lib');

  it('only modules found under stdlibDirs are marked stdlib', async () => {
    const p = await collectProgram({ kind: 'script', path: main }, [lib], new Set(['sys']), parseSource, { stdlibDirs: [lib] });
    expect(p.diagnostics).toEqual([]);
    expect(Object.fromEntries(p.modules.map((m) => [m.name, m.stdlib]))).toEqual({ __main__: false, libmod: true });
    const plain = await collectProgram({ kind: 'script', path: main }, [lib], new Set(['sys']), parseSource);
    expect(plain.modules.every((m) => !m.stdlib)).toBe(true);
  });

  it('user code keeps the compile-time errors; stdlib code compiles to a raise', async () => {
    const p = await collectProgram({ kind: 'script', path: main }, [lib], new Set(['sys']), parseSource, { stdlibDirs: [lib] });
    const libmod = p.modules.find((m) => m.name === 'libmod')!;
    const out = transpile(libmod);
    expect(out.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(out.source).toContain('py.NewNotImplemented("exec", "dynamic-exec")');
    const asUser = transpile({ ...libmod, stdlib: false });
    expect(asUser.diagnostics.map((d) => d.id).sort()).toEqual(['dynamic-eval', 'dynamic-exec']);
  });

  it('the stdlib module imports and runs; the blocked path raises NotImplementedError naming the rule', async () => {
    const p = await collectProgram({ kind: 'script', path: main }, [lib], new Set(nativeModules().keys()), parseSource, { stdlibDirs: [lib] });
    const built = buildProgram(p);
    expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const r = spawnSync(built.binary!, ['x = 1'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe([
      'imported',
      "exec is not supported by grumpy-audit's Go runtime (rule dynamic-exec)",
      "eval() is not supported by grumpy-audit's Go runtime (rule dynamic-eval)",
      '',
    ].join('\n'));
    expect(r.status).toBe(0);
  }, 180_000);
});

describe('Go imports of a module', () => {
  it('a string constant mentioning "math." does not import Go package math; inf does', async () => {
    const dir = tree({ 'main.py': 'x = "see math.pi"\n', 'f.py': 'y = 1e999\n' });
    for (const [file, wants] of [['main.py', false], ['f.py', true]] as const) {
      const p = await collectProgram({ kind: 'script', path: path.join(dir, file) }, [], new Set(), parseSource);
      const src = transpile(p.modules[0]!).source;
      expect(src.includes('"math"')).toBe(wants);
    }
  });
});
