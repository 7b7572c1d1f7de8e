// End to end: unittest suites as verification entry points — each test module under
// `-m unittest`, and discovery — compared with python2.7 byte for byte except unittest's run time.

import { describe, expect, it, beforeAll } from 'vitest';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AuditJson } from '../../src/contract.js';
import { findPython2 } from '../../src/python2.js';
import { runCli, type CliRun } from '../helpers/cli.js';

describe.skipIf(!findPython2())('grumpy-audit fixtures/verify-unittest (verify on in its config)', () => {
  let repo: string;
  let audit: AuditJson;
  let run: CliRun;

  beforeAll(async () => {
    repo = path.join(mkdtempSync(path.join(tmpdir(), 'ga-ut-')), 'repo');
    cpSync('fixtures/verify-unittest', repo, { recursive: true });
    run = await runCli([repo, '--no-report', '--quiet']);
    audit = JSON.parse(readFileSync(path.join(repo, '.grumpy-audit', 'audit.json'), 'utf8')) as AuditJson;
  }, 600_000);

  it('runs every suite and discovery, all equivalent, masking only the run time', () => {
    expect(run.status).toBe(0);
    expect(audit.pipeline!.verification.runs.map((r) => [r.module, r.args, r.status, r.covers, r.normalized])).toEqual([
      ['unittest', ['tests.test_calc'], 'equivalent', ['tests.test_calc'], ['unittest run time']],
      ['unittest', ['tests.test_more'], 'equivalent', ['tests.test_more'], ['unittest run time']],
      ['unittest', ['discover'], 'equivalent', ['tests.test_calc', 'tests.test_more'], ['unittest run time']],
    ]);
  });

  it('marks the suites and the code they test as verified', () => {
    for (const name of ['pkg', 'pkg.calc', 'tests', 'tests.test_calc', 'tests.test_more']) {
      expect(audit.modules.find((m) => m.name === name)!.migration, name).toMatchObject({ verified: 'equivalent' });
    }
  });
});
