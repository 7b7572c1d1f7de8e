// Diagnostics are data, not exceptions: every stage appends them to a log and carries on.
// Only programming errors throw.

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  /** Stable kebab-case id, e.g. "decode-non-ascii" or "syntax-error". */
  id: string;
  severity: Severity;
  /** Path relative to the scanned root with '/' separators (or absolute for files outside it). */
  file: string;
  /** 1-based; 0 when the diagnostic concerns the whole file. */
  line: number;
  /** 0-based, like CPython's col_offset. */
  column: number;
  message: string;
  notes?: string[];
}

export function diag(
  id: string,
  severity: Severity,
  file: string,
  message: string,
  line = 0,
  column = 0,
  notes?: string[],
): Diagnostic {
  const d: Diagnostic = { id, severity, file, line, column, message };
  if (notes && notes.length > 0) d.notes = notes;
  return d;
}

/** "file:line:col: severity: message [id]" — the one place diagnostics become text. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line > 0 ? `${d.file}:${d.line}:${d.column + 1}` : d.file;
  const notes = d.notes ? d.notes.map((n) => `\n  note: ${n}`).join('') : '';
  return `${where}: ${d.severity}: ${d.message} [${d.id}]${notes}`;
}
