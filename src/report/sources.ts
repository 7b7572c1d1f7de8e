// Reads the scanned repository's files for the annotated source on module pages.

import { isAscii } from 'node:buffer';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decodePython2 } from '../discover/encoding.js';

/**
 * A `sources` function over a folder. Python files decode as CPython 2.7 would; a file CPython would
 * refuse is shown as UTF-8 when it is valid UTF-8, else as latin-1, so the page still shows something.
 * Paths that would leave the root (a tampered audit.json) read as unavailable.
 */
export function repoSources(root: string): (relPath: string) => string | undefined {
  const base = path.resolve(root);
  return (relPath: string) => {
    const abs = path.resolve(base, relPath);
    if (abs !== base && !abs.startsWith(base + path.sep)) return undefined;
    let bytes: Buffer;
    try {
      bytes = readFileSync(abs);
    } catch {
      return undefined;
    }
    if (!relPath.endsWith('.py')) return bytes.toString('utf8');
    // Most sources are plain ASCII, which every Python 2 codec decodes the same way: skip the codec work.
    if (isAscii(bytes)) return bytes.toString('latin1');
    const decoded = decodePython2(bytes);
    if (!decoded.error) return decoded.text;
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(decoded.bom ? bytes.subarray(3) : bytes);
    } catch {
      return decoded.text;
    }
  };
}
