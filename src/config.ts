// Repository configuration: `grumpy-audit.json` at the repository root. Optional; every field has a
// default. Errors name the file and the field, and become diagnostics rather than crashes.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { diag, type Diagnostic } from './diagnostics.js';

export const CONFIG_FILE = 'grumpy-audit.json';

export interface EntryPoint {
  /** Dotted module run as `python2.7 -m module`… */
  module?: string;
  /** …or a script path relative to the root, run as `python2.7 script`. */
  script?: string;
  args?: string[];
  stdin?: string;
}

export interface RepoConfig {
  /** Run differential verification (executes the repository's code). */
  verify: boolean;
  entryPoints: EntryPoint[];
  /** Also verify the entry points found automatically: `__main__` scripts and unittest suites. */
  discoverEntryPoints: boolean;
  /** Seconds allowed for each verification run. */
  verifyTimeout: number;
  include?: string[];
  exclude?: string[];
  roots?: string[];
}

export const DEFAULT_CONFIG: RepoConfig = { verify: false, entryPoints: [], discoverEntryPoints: true, verifyTimeout: 60 };

type Check = (v: unknown) => boolean;
const isStrArray: Check = (v) => Array.isArray(v) && v.every((x) => typeof x === 'string');

const FIELDS: Record<string, Check> = {
  verify: (v) => typeof v === 'boolean',
  discoverEntryPoints: (v) => typeof v === 'boolean',
  verifyTimeout: (v) => typeof v === 'number' && v > 0,
  include: isStrArray,
  exclude: isStrArray,
  roots: isStrArray,
  entryPoints: (v) => Array.isArray(v) && v.every((e) =>
    typeof e === 'object' && e !== null &&
    (typeof (e as EntryPoint).module === 'string') !== (typeof (e as EntryPoint).script === 'string') &&
    ((e as EntryPoint).args === undefined || isStrArray((e as EntryPoint).args)) &&
    ((e as EntryPoint).stdin === undefined || typeof (e as EntryPoint).stdin === 'string')),
};

const EXPECTED: Record<string, string> = {
  verify: 'a boolean', discoverEntryPoints: 'a boolean', verifyTimeout: 'a positive number of seconds', include: 'an array of globs',
  exclude: 'an array of globs', roots: 'an array of folders',
  entryPoints: 'an array of {"module": "pkg.mod"} or {"script": "path.py"} objects, with optional "args" (strings) and "stdin"',
};

export function loadConfig(root: string): { config: RepoConfig; diagnostics: Diagnostic[] } {
  const file = path.join(root, CONFIG_FILE);
  const diagnostics: Diagnostic[] = [];
  if (!existsSync(file)) return { config: { ...DEFAULT_CONFIG }, diagnostics };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    diagnostics.push(diag('config-invalid', 'error', CONFIG_FILE, `cannot read configuration: ${(e as Error).message}`));
    return { config: { ...DEFAULT_CONFIG }, diagnostics };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    diagnostics.push(diag('config-invalid', 'error', CONFIG_FILE, 'configuration must be a JSON object'));
    return { config: { ...DEFAULT_CONFIG }, diagnostics };
  }
  const config: RepoConfig = { ...DEFAULT_CONFIG };
  for (const [key, value] of Object.entries(raw)) {
    const check = FIELDS[key];
    if (!check) {
      diagnostics.push(diag('config-unknown-field', 'warning', CONFIG_FILE, `unknown field "${key}" (known: ${Object.keys(FIELDS).join(', ')})`));
    } else if (!check(value)) {
      diagnostics.push(diag('config-invalid', 'error', CONFIG_FILE, `field "${key}" must be ${EXPECTED[key]}; ignored`));
    } else {
      (config as unknown as Record<string, unknown>)[key] = value;
    }
  }
  return { config, diagnostics };
}
