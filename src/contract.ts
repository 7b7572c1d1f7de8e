// The JSON contract other tools read (`scan --format json`, `audit.json`): design.md section 5.
// Version it: a breaking change bumps schemaVersion. Fields are only ever added, never renamed.

export const SCHEMA_VERSION = 1 as const;

export type Verdict = 'ready' | 'blocked' | 'blocked-by-dependency' | 'error';
export type ImportKind = 'internal' | 'stdlib' | 'third-party' | 'go' | 'missing';
export type FindingCategory =
  | 'dynamic' | 'c-extension' | 'optional-c-extension' | 'syntax' | 'unsupported-stdlib' | 'missing-import' | 'runtime-semantics';
export type FindingSeverity = 'blocker' | 'warning' | 'info';
export type VerifyStatus = 'equivalent' | 'different' | 'not-run' | 'error';

export interface ImportEdge {
  /** Resolved dotted module name (for `missing`, the name as written, made absolute where possible). */
  module: string;
  kind: ImportKind;
  line: number;
  conditional: boolean;
  lazy: boolean;
  /** Inside a `try` whose handler catches ImportError. */
  optional?: boolean;
  /** `__import__('a.b')` / `importlib.import_module('a.b')` with a literal name. */
  dynamic?: boolean;
  /** The target is a native extension built from this repository (setup.py Extension, .pyx, .so). */
  native?: boolean;
}

export interface MigrationStatus {
  transpiled: boolean;
  builds: boolean;
  verified: VerifyStatus;
  sourceHash: string;
  drift: boolean;
  /** Whether importing the module under the Go build succeeded (present when --check-imports ran). */
  imports?: boolean;
  /** Why a step failed, when one did. */
  error?: string;
}

export interface ModuleRecord {
  name: string;
  path: string;
  lines: number;
  verdict: Verdict;
  imports: ImportEdge[];
  blockedBy: string[];
  /** Internal modules that import this one. */
  importedBy?: string[];
  /** Shortest chain of internal imports from this module to a module blocked on its own. */
  blockChain?: string[];
  isPackage?: boolean;
  /**
   * False when no import statement can reach the file: its name is not a Python identifier
   * (`__phello__.foo.py`), or another file already has its module name. `name` is then the path.
   */
  importable?: false;
  /** Has an `if __name__ == '__main__':` block: a script the verify stage can run. */
  entryPoint?: boolean;
  migration?: MigrationStatus;
}

export interface Finding {
  ruleId: string;
  category: FindingCategory;
  severity: FindingSeverity;
  file: string;
  line: number;
  column: number;
  message: string;
  /** Absent for findings on files that are not modules (setup.py ext_modules, .c, .pyx). */
  module?: string;
  /** The rule's message template id and the values it was filled with. */
  messageId?: string;
  data?: Record<string, string>;
}

export interface RuleMeta {
  id: string;
  title: string;
  category: FindingCategory;
  severity: FindingSeverity;
  message: string;
  remediation: string;
  docs: string;
}

export interface BlockerImpact {
  /** A module name (fix everything in it) or a ruleId@file:line for a single finding. */
  target: string;
  kind: 'module' | 'finding';
  modulesFreed: number;
  linesFreed: number;
}

export interface Summary {
  modules: number;
  lines: number;
  byVerdict: Partial<Record<Verdict, number>>;
  byCategory: Partial<Record<FindingCategory, number>>;
  linesByVerdict?: Partial<Record<Verdict, number>>;
}

export interface AuditJson {
  schemaVersion: typeof SCHEMA_VERSION;
  toolVersion?: string;
  generatedAt?: string;
  root: string;
  modules: ModuleRecord[];
  findings: Finding[];
  cycles: string[][];
  waves: string[][];
  summary: Summary;
  rules?: RuleMeta[];
  blockerImpact?: BlockerImpact[];
  /** Edges suggested for cutting to break each cycle, as [from, to]. */
  cycleCuts?: [string, string][][];
  diagnostics?: { id: string; severity: string; file: string; line: number; column: number; message: string }[];
  /** Present once the whole pipeline ran: where the Go module is and how verification went. */
  pipeline?: PipelineInfo;
}

export interface VerificationRun {
  module: string;
  args: string[];
  status: 'equivalent' | 'different' | 'error';
  reason?: string;
  /** Unified diffs (python2.7 vs Go) of what differs. */
  diff?: { stdout?: string; stderr?: string; status?: string };
  /** Repository modules the run checks when not `module` itself (`-m unittest tests.test_x`). */
  covers?: string[];
  /** Run-to-run noise masked in both outputs before comparing (e.g. "unittest run time"). */
  normalized?: string[];
  pythonMs?: number;
  goMs?: number;
}

export interface PipelineInfo {
  /** The generated Go module, relative to the output folder. */
  goModule: string;
  /** Go packages generated this run (repository and stdlib modules), and how many of them came
   *  unchanged from the transpile cache instead of being transpiled again. */
  transpile?: { modules: number; reused: number };
  /** Whether verification ran, and if not, why. */
  verification: { enabled: boolean; python?: string; skipped?: string; runs: VerificationRun[] };
  goVet: { ok: boolean; output?: string };
}
