import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hasDrift, loadManifest, saveManifest, withEntries, type ManifestEntry } from '../src/state/manifest.js';
import { loadConfig } from '../src/config.js';

const entry: ManifestEntry = {
  path: 'pkg/a.py', sourceHash: 'abc', migratedAt: '2026-11-21T00:00:00.000Z',
  transpiled: true, builds: true, verified: 'equivalent',
};

describe('migration manifest', () => {
  it('round-trips and detects drift', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ga-state-'));
    const { manifest } = loadManifest(dir, '0.1.0');
    expect(manifest.modules).toEqual({});
    saveManifest(dir, withEntries(manifest, { 'pkg.a': entry }));
    const again = loadManifest(dir, '0.1.0');
    expect(again.diagnostics).toEqual([]);
    expect(again.manifest.modules['pkg.a']).toEqual(entry);
    expect(hasDrift(again.manifest.modules['pkg.a'], 'abc')).toBe(false);
    expect(hasDrift(again.manifest.modules['pkg.a'], 'def')).toBe(true);
    expect(hasDrift(undefined, 'def')).toBe(false);
  });

  it('moves a corrupt manifest aside instead of overwriting it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ga-state-'));
    writeFileSync(path.join(dir, 'manifest.json'), '{ not json');
    const { manifest, diagnostics } = loadManifest(dir, '0.1.0');
    expect(manifest.modules).toEqual({});
    expect(diagnostics.map((d) => d.id)).toEqual(['manifest-corrupt']);
    expect(readdirSync(dir).filter((f) => f.startsWith('manifest.json.corrupt-'))).toHaveLength(1);
  });
});

describe('repository configuration', () => {
  it('reads the demo configuration', () => {
    const { config, diagnostics } = loadConfig('fixtures/demo');
    expect(diagnostics).toEqual([]);
    expect(config.verify).toBe(true);
    expect(config.entryPoints).toEqual([{ module: 'inventory.cli' }, { module: 'inventory.cli', args: ['--fail'] }]);
  });

  it('names the bad field and keeps the defaults', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ga-cfg-'));
    writeFileSync(path.join(dir, 'grumpy-audit.json'), JSON.stringify({ verify: 'yes', colour: 1 }));
    const { config, diagnostics } = loadConfig(dir);
    expect(config.verify).toBe(false);
    expect(diagnostics.map((d) => `${d.id}: ${d.message}`)).toEqual([
      'config-invalid: field "verify" must be a boolean; ignored',
      'config-unknown-field: unknown field "colour" (known: verify, discoverEntryPoints, verifyTimeout, include, exclude, roots, entryPoints)',
    ]);
  });
});
