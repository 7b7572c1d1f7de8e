// The status file that makes regeneration incremental: a page is rewritten only when its own
// hash changed, or when the global hash (format, tool version, templates and assets) did.

import { existsSync, readFileSync } from 'node:fs';

export const STATUS_FORMAT = 1;
export const STATUS_FILE = 'status.json';

export interface ReportStatus {
  format: number;
  toolVersion: string;
  /** Hash of everything that changes every page: templates, assets, options. */
  globalHash: string;
  /** Page path (relative to the report root) → hash of its view model. */
  pages: Record<string, string>;
}

/** The previous status as written, or null when there is none or it does not parse. */
export function readStatus(file: string): ReportStatus | null {
  if (!existsSync(file)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const s = parsed as Partial<ReportStatus>;
  if (typeof s.pages !== 'object' || s.pages === null) return null;
  return s as ReportStatus;
}

/** Whether pages recorded in `previous` may be kept as they are on disk. */
export function reusable(previous: ReportStatus | null, toolVersion: string, globalHash: string): boolean {
  return previous !== null && previous.format === STATUS_FORMAT && previous.toolVersion === toolVersion &&
    previous.globalHash === globalHash;
}
