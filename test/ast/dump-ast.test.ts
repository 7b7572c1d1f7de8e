// The dump-ast command end to end (its real run() with collecting streams), and deep nesting.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { dumpAstCommand } from '../../src/cli/commands/dump-ast.js';
import { UsageError, type CliContext } from '../../src/cli/context.js';
import { parseModule } from '../../src/ast/index.js';
import { parseOne } from '../../src/parse/pool.js';
import { dump } from '../../src/ast/dump.js';

const FIX = path.resolve(__dirname, '../../fixtures/ast');

async function runDump(file: string, attributes = false): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => { out += d; });
  stderr.on('data', (d) => { err += d; });
  const ctx: CliContext = { stdout, stderr, isTTY: false, color: false, quiet: true, events: () => {} };
  const code = await dumpAstCommand.run(ctx, [file, { attributes }]);
  return { code, out, err };
}

describe('grumpy-audit dump-ast', () => {
  it('prints ast.dump output, and include_attributes with --attributes', async () => {
    const plain = await runDump(path.join(FIX, 'mod_queue.py'));
    expect(plain).toEqual({ code: 0, out: readFileSync(path.join(FIX, 'mod_queue.dump'), 'utf8'), err: '' });
    const attrs = await runDump(path.join(FIX, 'mod_queue.py'), true);
    expect(attrs.out).toBe(readFileSync(path.join(FIX, 'mod_queue.attrs'), 'utf8'));
  });

  it('exits 1 with file:line:col and CPython\'s message on a syntax error', async () => {
    const r = await runDump(path.join(FIX, 'err_dedent.py'));
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toBe(`${path.join(FIX, 'err_dedent.py')}:3:5: error: IndentationError: unindent does not match any outer indentation level [syntax-error]\n`);
  });

  it('warns but dumps a file ast.parse accepts and python2.7 would refuse to run', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dump-ast-'));
    const f = path.join(dir, 'raw.py');
    writeFileSync(f, Buffer.from('s = "\xe9"\n', 'latin1'));
    const r = await runDump(f);
    expect(r.code).toBe(0);
    expect(r.out).toBe("Module(body=[Assign(targets=[Name(id='s', ctx=Store())], value=Str(s='\\xe9'))])\n");
    expect(r.err).toMatch(/^.*raw\.py:1:1: warning: Non-ASCII character '\\xe9' on line 1, but no encoding declared/);
  });

  it('is a usage error (exit 2) when the file cannot be read', async () => {
    await expect(runDump('/nonexistent/x.py')).rejects.toThrow(UsageError);
  });
});

describe('deep nesting', () => {
  it('1,000 nested parentheses: CPython\'s parser stack overflow, as a diagnostic', () => {
    const r = parseOne({ path: 'deep.py', text: `x = ${'('.repeat(1000)}1${')'.repeat(1000)}\n`, want: { ast: true } });
    expect(r.diagnostics.map((d) => [d.line, d.message])).toEqual([[1, 'MemoryError: s_push: parser stack overflow']]);
  });

  it('98 nested parentheses (CPython\'s limit) give the correct tree', () => {
    const r = parseModule(`x = ${'('.repeat(98)}1${')'.repeat(98)}\n`);
    expect(dump(r.ast!)).toBe("Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Num(n=1))])");
  });

  it('200 nested ifs: too many levels of indentation', () => {
    const lines = Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}if x:`);
    lines.push(`${' '.repeat(200)}pass`);
    const r = parseOne({ path: 'ifs.py', text: lines.join('\n') + '\n', want: { ast: true } });
    expect(r.diagnostics.map((d) => [d.line, d.message])).toEqual([[101, 'IndentationError: too many levels of indentation']]);
  });

  it('5,000 elifs and 20,000-term sums build and dump without overflowing the stack', () => {
    const elifs = ['if a: pass', ...Array.from({ length: 5000 }, (_, i) => `elif b${i}: pass`)].join('\n') + '\n';
    const d = dump(parseModule(elifs).ast!);
    expect(d.split('If(').length - 1).toBe(5001);
    const sum = `x = ${Array.from({ length: 20000 }, () => 'a').join(' + ')}\n`;
    expect(dump(parseModule(sum).ast!).split('BinOp(').length - 1).toBe(19999);
  });
});
