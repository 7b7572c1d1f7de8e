import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { reportRun } from '../../src/report/run.js';
import { repoSources } from '../../src/report/sources.js';
import { loadFixture, tempDir } from './render-helpers.js';

const run = (...args: string[]) => main(['node', 'grumpy-audit', '--quiet', 'report', ...args]);

describe('grumpy-audit report', () => {
  const { repo, auditFile, audit } = loadFixture('sample');

  it('reports a corrupt history, keeps it aside and still renders (reportRun)', async () => {
    const out = tempDir('cli-corrupt');
    mkdirSync(path.join(out, 'state'));
    writeFileSync(path.join(out, 'state/history.jsonl'), 'garbage\n');
    const r = await reportRun({ audit, sources: repoSources(repo), outDir: out });
    expect(r.diagnostics.map((d) => d.id)).toEqual(['history-corrupt', 'history-kept-aside']);
    expect(r.history).toHaveLength(1);
    expect(readdirSync(path.join(out, 'state')).filter((f) => f.startsWith('history.corrupt-'))).toHaveLength(1);
    expect(existsSync(r.index)).toBe(true);
  });

  it('writes the report and one history line per run', async () => {
    const out = tempDir('cli');
    expect(await run(repo, '--out', out, '--from-json', auditFile)).toBe(0);
    expect(await run(repo, '--out', out, '--from-json', auditFile)).toBe(0);
    expect(existsSync(path.join(out, 'report/index.html'))).toBe(true);
    expect(readFileSync(path.join(out, 'state/history.jsonl'), 'utf8').trim().split('\n')).toHaveLength(2);
  });

  it('exits 2 on a missing repository, a missing or malformed audit.json', async () => {
    const out = tempDir('cli-bad');
    expect(await run(path.join(out, 'nope'), '--from-json', auditFile)).toBe(2);
    expect(await run(repo, '--out', out, '--from-json', path.join(out, 'missing.json'))).toBe(2);
    const bad = path.join(out, 'bad.json');
    writeFileSync(bad, '{"schemaVersion": 99}');
    expect(await run(repo, '--out', out, '--from-json', bad)).toBe(2);
    writeFileSync(bad, 'not json');
    expect(await run(repo, '--out', out, '--from-json', bad)).toBe(2);
    expect(existsSync(path.join(out, 'report'))).toBe(false);
  });
});
