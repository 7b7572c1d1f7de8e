// run/build list every error and the warnings about the user's code; warnings about modules of the
// CPython Lib are only counted.

import { describe, expect, it } from 'vitest';
import { writeBuildDiagnostics } from '../../src/cli/build-report.js';
import { makeContext } from '../../src/cli/context.js';
import { diag } from '../../src/diagnostics.js';

function capture(quiet: boolean): { ctx: ReturnType<typeof makeContext>; text: () => string } {
  const chunks: string[] = [];
  const ctx = { ...makeContext({ quiet }), stderr: { write: (s: string) => { chunks.push(s); return true; } } as unknown as NodeJS.WritableStream };
  return { ctx, text: () => chunks.join('') };
}

describe('writeBuildDiagnostics', () => {
  it('lists errors and own warnings, counts the Lib warnings', () => {
    const saved = process.env.GRUMPY_PYTHON_LIB;
    process.env.GRUMPY_PYTHON_LIB = '/opt/py27/lib/python2.7';
    try {
      const ds = [
        diag('missing-import', 'warning', '/opt/py27/lib/python2.7/tarfile.py', "'bz2' is not a module", 436),
        diag('missing-import', 'warning', '/opt/py27/lib/python2.7/getpass.py', "'msvcrt' is not a module", 93),
        diag('missing-import', 'warning', 'app/main.py', "'yaml' is not a module", 3),
        diag('dynamic-eval', 'error', '/opt/py27/lib/python2.7/test/test_bool.py', 'eval() cannot be transpiled', 35),
        diag('note', 'info', 'app/main.py', 'not shown', 1),
      ];
      const loud = capture(false);
      writeBuildDiagnostics(loud.ctx, ds);
      const lines = loud.text().trim().split('\n');
      expect(lines).toHaveLength(3);
      expect(lines[0]).toContain('app/main.py:3');
      expect(lines[1]).toContain('test_bool.py:35');
      expect(lines[2]).toBe('grumpy-audit: 2 warnings about modules of the CPython 2.7 Lib (/opt/py27/lib/python2.7) not shown');
      const quiet = capture(true);
      writeBuildDiagnostics(quiet.ctx, ds);
      expect(quiet.text().trim().split('\n')).toHaveLength(2);
    } finally {
      if (saved === undefined) delete process.env.GRUMPY_PYTHON_LIB;
      else process.env.GRUMPY_PYTHON_LIB = saved;
    }
  });
});
