// Attaches each module's migration status, read from the manifest, to a scanned AuditJson: what was
// migrated, at which source hash, how far it got, and whether the source drifted since.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AuditJson, MigrationStatus } from '../contract.js';
import { hasDrift, type Manifest } from '../state/manifest.js';

export function sourceHashes(audit: Readonly<AuditJson>): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of audit.modules) {
    try {
      out.set(m.name, createHash('sha256').update(readFileSync(path.join(audit.root, m.path))).digest('hex'));
    } catch {
      // Unreadable now: no hash, so no drift claim either way.
    }
  }
  return out;
}

/** A new AuditJson whose modules carry `migration` from the manifest; the input is left unmodified. */
export function withMigrationStatus(audit: Readonly<AuditJson>, manifest: Readonly<Manifest>, hashes = sourceHashes(audit)): AuditJson {
  return {
    ...audit,
    modules: audit.modules.map((m) => {
      const e = manifest.modules[m.name];
      if (!e) return m;
      const migration: MigrationStatus = {
        transpiled: e.transpiled, builds: e.builds, verified: e.verified,
        sourceHash: e.sourceHash, drift: hasDrift(e, hashes.get(m.name) ?? e.sourceHash),
      };
      if (e.imports !== undefined) migration.imports = e.imports;
      if (e.error) migration.error = e.error;
      return { ...m, migration };
    }),
  };
}
