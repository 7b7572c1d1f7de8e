// What the transpiler emits for `__go__` imports: Go imports with unique aliases in gofmt order,
// one gointerop registration per member of the right kind (checked against the real toolchain by
// goinspect), and diagnostics for what cannot be imported. The output is gofmt- and vet-checked
// by building it in gointerop.test.ts; here gofmt checks the text.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findGo } from '../../src/build/toolchain.js';
import { transpileModule } from '../../src/transpile/module.js';
import { parseSource } from '../../src/transpile/parse.js';

const imports = { resolve: (m: string | null) => m, isModule: () => false };

async function transpile(text: string) {
  const parsed = await parseSource('m.py', text);
  if (!parsed.ast) throw new Error(`parse failed: ${JSON.stringify(parsed.diagnostics)}`);
  return transpileModule({
    name: 'm', file: 'm.py', isPackage: false, ast: parsed.ast, lines: text.replace(/\n$/, '').split('\n'),
    goPackage: 'm_m', imports,
  });
}

function gofmtClean(source: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'goi-emit-'));
  try {
    const file = path.join(dir, 'module.go');
    writeFileSync(file, source);
    return execFileSync('gofmt', ['-l', file], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The lines of init() before the module registers itself. */
function initLines(source: string): string[] {
  const body = source.slice(source.indexOf('func init() {\n') + 14, source.indexOf('\tpy.RegisterModule('));
  return body.split('\n').filter((l) => l !== '').map((l) => l.trim());
}

describe.skipIf(typeof findGo() === 'string')('Go interop emission', () => {
  it('registers each member by kind, with aliased imports in gofmt order', async () => {
    const out = await transpile([
      'import __go__.net.http',
      'import __go__.strings as s',
      'from __go__.math import MaxUint64, MaxInt8, Pi, Sqrt',
      'from __go__.net.http import DefaultServeMux, Header',
      'x = 1e400',
      'def f():',
      '    return s.Builder(), __go__.net.http.StatusOK, s.ToUpper("a")',
      '',
    ].join('\n'));
    expect(out.diagnostics).toEqual([]);
    expect(out.source).toContain([
      'import (',
      '\t"math"',
      '\tgo1_math "math"',
      '\tgo2_http "net/http"',
      '\tgo3_strings "strings"',
      '',
      '\t"github.com/grumpy-audit/grumpy-audit/runtime-go/gointerop"',
      '\t"github.com/grumpy-audit/grumpy-audit/runtime-go/py"',
      ')',
    ].join('\n'));
    expect(initLines(out.source)).toEqual([
      'gointerop.Register("math", "MaxInt8", gointerop.Const(int64(go1_math.MaxInt8)))',
      'gointerop.Register("math", "MaxUint64", gointerop.Const(uint64(go1_math.MaxUint64)))',
      'gointerop.Register("math", "Pi", gointerop.Const(float64(go1_math.Pi)))',
      'gointerop.Register("math", "Sqrt", gointerop.Func(go1_math.Sqrt))',
      'gointerop.Adapter[go2_http.Handler, go2_http.HandlerFunc]()',
      'gointerop.Register("net/http", "DefaultServeMux", gointerop.Var(&go2_http.DefaultServeMux))',
      'gointerop.Register("net/http", "Header", gointerop.TypeOf[go2_http.Header]())',
      'gointerop.Register("net/http", "StatusOK", gointerop.Const(int64(go2_http.StatusOK)))',
      'gointerop.Register("strings", "Builder", gointerop.TypeOf[go3_strings.Builder]())',
      'gointerop.Register("strings", "ToUpper", gointerop.Func(go3_strings.ToUpper))',
    ]);
    expect(gofmtClean(out.source)).toBe('');
  });

  it('a module naming no members still registers the package; GoError alone links gointerop', async () => {
    const pkgOnly = await transpile('import __go__.strings as s\nprint s\n');
    expect(pkgOnly.diagnostics).toEqual([]);
    expect(initLines(pkgOnly.source)).toEqual(['gointerop.RegisterPackage("strings")']);
    expect(pkgOnly.source).not.toContain('"strings"\n');
    const errOnly = await transpile('from __go__ import GoError\n');
    expect(errOnly.diagnostics).toEqual([]);
    expect(initLines(errOnly.source)).toEqual(['_ = gointerop.GoErrorType']);
    expect(gofmtClean(pkgOnly.source) + gofmtClean(errOnly.source)).toBe('');
  });

  it('a from-imported name that is a Go sub-package imports it, with the attributes read through it', async () => {
    const out = await transpile([
      'from __go__.net import http, JoinHostPort',
      'from __go__.compress import gzip as gz',
      'print http.StatusOK, gz.NewReader, JoinHostPort',
      '',
    ].join('\n'));
    expect(out.diagnostics).toEqual([]);
    expect(initLines(out.source)).toEqual([
      'gointerop.Register("compress/gzip", "NewReader", gointerop.Func(go1_gzip.NewReader))',
      'gointerop.Register("net", "JoinHostPort", gointerop.Func(go2_net.JoinHostPort))',
      'gointerop.Adapter[go3_http.Handler, go3_http.HandlerFunc]()',
      'gointerop.Register("net/http", "StatusOK", gointerop.Const(int64(go3_http.StatusOK)))',
    ]);
    expect(gofmtClean(out.source)).toBe('');
  });

  it('names what cannot be imported: errors for from-imports, warnings for attribute reads', async () => {
    const out = await transpile([
      'from __go__.strings import Nope, ToUpper',
      'from __go__.sync.atomic import Pointer',
      'from __go__ import Other',
      'import __go__.strconv as sc',
      'sc.Missing',
      'from __go__.internal.cpu import X',
      '',
    ].join('\n'));
    expect(out.diagnostics.map((d) => [d.severity, d.line, d.message])).toEqual([
      ['error', 3, "'Other' is not in __go__ (it provides GoError); import Go packages as __go__.<path>"],
      ['error', 6, 'Go package internal/cpu is internal and cannot be imported'],
      ['warning', 4, "Go package strconv has no exported member 'Missing'; reading it raises AttributeError"],
      ['error', 1, "Go package strings has no exported member 'Nope'"],
      ['error', 2, 'Go sync/atomic.Pointer (sync/atomic.Pointer[T any]) cannot be imported: generic functions and types need type arguments, which Python cannot give'],
    ]);
    expect(out.diagnostics.every((d) => d.id === 'go-interop' && d.file === 'm.py')).toBe(true);
  });
});
