import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Write via a temporary file and rename, so a crash never leaves a half-written state file. */
export function writeFileAtomic(file: string, data: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}
