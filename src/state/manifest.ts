// The migration manifest: per module, which source hash was migrated and how far it got
// (transpiled, builds, verified). Re-runs compare hashes to re-transpile only what changed and to
// report drift: source edited after migration, so it needs re-verification.

import { existsSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import type { VerifyStatus } from '../contract.js';
import { diag, type Diagnostic } from '../diagnostics.js';
import { writeFileAtomic } from './atomic.js';

export const MANIFEST_FORMAT = 1;
export const MANIFEST_FILE = 'manifest.json';

export interface ManifestEntry {
  path: string;
  /** sha256 of the source that was migrated. */
  sourceHash: string;
  migratedAt: string;
  transpiled: boolean;
  builds: boolean;
  verified: VerifyStatus;
  /** Imported without error under the Go build (set when the import check ran). */
  imports?: boolean;
  error?: string;
}

export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  toolVersion: string;
  modules: Record<string, ManifestEntry>;
}

export function emptyManifest(toolVersion: string): Manifest {
  return { format: MANIFEST_FORMAT, toolVersion, modules: {} };
}

/**
 * Reads the manifest. A corrupt or foreign-format file is moved aside (never silently
 * overwritten) and reported, and an empty manifest is returned.
 */
export function loadManifest(stateDir: string, toolVersion: string): { manifest: Manifest; diagnostics: Diagnostic[] } {
  const file = path.join(stateDir, MANIFEST_FILE);
  if (!existsSync(file)) return { manifest: emptyManifest(toolVersion), diagnostics: [] };
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<Manifest>;
    if (parsed.format !== MANIFEST_FORMAT || typeof parsed.modules !== 'object' || parsed.modules === null) {
      throw new Error(`unsupported manifest format ${JSON.stringify(parsed.format)}`);
    }
    return { manifest: { format: MANIFEST_FORMAT, toolVersion, modules: parsed.modules }, diagnostics: [] };
  } catch (e) {
    const aside = `${file}.corrupt-${Date.now()}`;
    renameSync(file, aside);
    return {
      manifest: emptyManifest(toolVersion),
      diagnostics: [diag('manifest-corrupt', 'warning', file, `migration manifest unreadable (${(e as Error).message}); kept as ${path.basename(aside)}, starting afresh`)],
    };
  }
}

export function saveManifest(stateDir: string, manifest: Manifest): void {
  const sorted: Record<string, ManifestEntry> = {};
  for (const k of Object.keys(manifest.modules).sort()) sorted[k] = manifest.modules[k]!;
  writeFileAtomic(path.join(stateDir, MANIFEST_FILE), JSON.stringify({ ...manifest, modules: sorted }, null, 2) + '\n');
}

/** The source changed after it was migrated. */
export function hasDrift(entry: ManifestEntry | undefined, currentHash: string): boolean {
  return entry !== undefined && entry.sourceHash !== currentHash;
}

/** A new manifest with `updates` applied; the input is left unmodified. */
export function withEntries(manifest: Manifest, updates: Record<string, ManifestEntry>): Manifest {
  return { ...manifest, modules: { ...manifest.modules, ...updates } };
}
