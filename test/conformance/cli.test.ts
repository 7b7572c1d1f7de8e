// `grumpy-audit run` and `build` as users see them: arguments, stdin, stdout, stderr and exit
// status pass through; `build -o` output runs with an empty environment from another directory;
// blocked features and missing imports are compile errors naming file, line and rule id.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { findGo } from '../../src/build/toolchain.js';
import { findPython2, python2Env } from '../../src/python2.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = path.join(root, 'bin', 'grumpy-audit.js');
const dir = mkdtempSync(path.join(os.tmpdir(), 'grumpy-cli-'));

function grumpy(args: string[], opts: { cwd?: string; input?: string } = {}) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: opts.cwd ?? dir, input: opts.input ?? '', encoding: 'utf8' });
  return { out: r.stdout, err: r.stderr, rc: r.status };
}

beforeAll(() => {
  writeFileSync(path.join(dir, 'echo.py'), [
    'import sys',
    'data = sys.stdin.read()',
    'print sys.argv[1:], repr(data)',
    'sys.stderr.write("to stderr\\n")',
    'sys.exit(3)',
    '',
  ].join('\n'));
  writeFileSync(path.join(dir, 'missing.py'), 'x = 1\nimport nosuchmodule\n');
  mkdirSync(path.join(dir, 'th'), { recursive: true });
  writeFileSync(path.join(dir, 'th', 'helper.py'), 'def f():\n    1 / 0\n');
  writeFileSync(path.join(dir, 'th', 'threads.py'), [
    'import threading',
    'import helper',
    't = threading.Thread(target=helper.f)',
    't.start(); t.join()',
    'class T(threading.Thread):',
    '    def run(self):',
    '        raise ValueError("x")',
    'u = T(); u.start(); u.join()',
    'print "done"',
    'helper.f()',
    '',
  ].join('\n'));
  writeFileSync(path.join(dir, 'dyn.py'), 'code = "x = 2"\nexec code\nprint eval("x")\n');
  mkdirSync(path.join(dir, 'lib', 'pkg'), { recursive: true });
  writeFileSync(path.join(dir, 'lib', 'pkg', '__init__.py'), '');
  writeFileSync(path.join(dir, 'lib', 'pkg', 'tool.py'), 'import sys\nprint "tool as", __name__, sys.argv[1:]\n');
});

describe.skipIf(typeof findGo() === 'string')('grumpy-audit run / build', () => {
  it('run passes argv, stdin, stdout, stderr and the exit status through', () => {
    const r = grumpy(['run', 'echo.py', 'a', '-b', '--c'], { input: 'hello\nworld\n' });
    expect(r).toEqual({ out: "['a', '-b', '--c'] 'hello\\nworld\\n'\n", err: 'to stderr\n', rc: 3 });
  }, 300_000);

  // Compared with a live python2.7 run: the tracebacks name CPython's Lib (threading.py's frames)
  // and the imported module by the absolute path the script's directory gives it.
  it.skipIf(!findPython2())('run prints thread and main tracebacks exactly as python2.7 does', () => {
    const cwd = path.join(dir, 'th');
    const py = spawnSync(findPython2()!.executable, ['threads.py'], { cwd, encoding: 'utf8', env: python2Env() });
    const r = grumpy(['run', 'threads.py'], { cwd });
    expect(py.stderr).toContain('threading.py", line 801, in __bootstrap_inner');
    expect(r).toEqual({ out: py.stdout, err: py.stderr, rc: py.status });
  }, 300_000);

  // The stdlib comes from --python-lib even when no python2.7 can be found at all.
  it.skipIf(!findPython2())('--python-lib names the Lib to transpile the stdlib from', () => {
    writeFileSync(path.join(dir, 'uses_lib.py'), 'import string\nprint string.capwords("go on then")\n');
    const env = { ...process.env, GRUMPY_PYTHON2: '/nonexistent', PYENV_ROOT: '/nonexistent', PATH: (process.env.PATH ?? '').split(':').filter((d) => !d.includes('pyenv')).join(':') };
    const run = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: dir, env, encoding: 'utf8' });
    expect(run(['run', 'uses_lib.py']).stderr).toContain('ImportError: No module named string');
    const r = run(['--python-lib', findPython2()!.libDir, 'run', 'uses_lib.py']);
    expect({ out: r.stdout, rc: r.status }).toEqual({ out: 'Go On Then\n', rc: 0 });
    const bad = run(['--python-lib', dir, 'run', 'uses_lib.py']);
    expect({ err: bad.stderr, rc: bad.status }).toEqual({ err: `grumpy-audit: --python-lib ${dir}: not a CPython 2.7 Lib (no os.py there)\n`, rc: 2 });
  }, 300_000);

  it('run -m with --path runs a package module as __main__', () => {
    const r = grumpy(['run', '-m', 'pkg.tool', '--path', path.join(dir, 'lib'), 'x']);
    expect(r).toEqual({ out: "tool as __main__ ['x']\n", err: '', rc: 0 });
  }, 300_000);

  it('build -o writes a standalone executable', () => {
    const bin = path.join(dir, 'echo-bin');
    expect(grumpy(['--quiet', 'build', 'echo.py', '-o', bin]).rc).toBe(0);
    const r = spawnSync(bin, ['q'], { cwd: os.tmpdir(), env: {}, input: 'x', encoding: 'utf8' });
    expect({ out: r.stdout, err: r.stderr, rc: r.status }).toEqual({ out: "['q'] 'x'\n", err: 'to stderr\n', rc: 3 });
  }, 300_000);

  it('a missing import raises ImportError when it runs, as under python2.7', () => {
    const r = grumpy(['run', 'missing.py']);
    expect(r).toEqual({
      rc: 1, out: '',
      err: 'Traceback (most recent call last):\n  File "missing.py", line 2, in <module>\n    import nosuchmodule\nImportError: No module named nosuchmodule\n',
    });
  }, 300_000);

  it('build names a missing import as a warning with file, line and rule id', () => {
    const r = grumpy(['build', 'missing.py', '-o', path.join(dir, 'missing-bin')]);
    expect(r.rc).toBe(0);
    expect(r.err).toContain('missing.py:2:1: warning: \'nosuchmodule\' is not a module of this program');
    expect(r.err).toContain('[missing-import]');
  }, 300_000);

  // (string literals the transpiler can compile statically are fixtures/conformance/exec_eval_literal.py)
  it('exec and eval are compile errors with file, line and rule id', () => {
    const r = grumpy(['run', 'dyn.py']);
    expect(r.rc).toBe(1);
    expect(r.err).toContain('dyn.py:2:1: error: the exec statement runs code only known at run time');
    expect(r.err).toContain('[dynamic-exec]');
    expect(r.err).toContain('dyn.py:3:7: error: eval() runs code only known at run time');
    expect(r.err).toContain('[dynamic-eval]');
  }, 300_000);
});
