// Stage 1: find the repository's files and decode Python sources as CPython 2.7 would.
// Output is plain data; nothing here imports or executes the scanned code.

import fg from 'fast-glob';
import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { diag, type Diagnostic } from '../diagnostics.js';
import { decodePython2 } from './encoding.js';
import { progress, silentSink, type EventSink } from '../events.js';

export type FileKind = 'python' | 'c-source' | 'cython' | 'swig' | 'native-binary';

export interface SourceFile {
  /** Relative to the root, '/' separators. */
  path: string;
  kind: FileKind;
  size: number;
  /** sha256 of the raw bytes (hex). */
  sha256: string;
  /** Python files only: decoded source, the declared codec, and whether a UTF-8 BOM was present. */
  text?: string;
  encoding?: string;
  bom?: boolean;
  /** Set when CPython 2.7 would refuse to decode the file (see the diagnostics for why). */
  undecodable?: boolean;
}

export interface Discovery {
  root: string;
  files: SourceFile[];
  diagnostics: Diagnostic[];
}

export interface DiscoverOptions {
  include?: string[];
  exclude?: string[];
  events?: EventSink;
  /**
   * Called with each Python file as soon as it is read and decoded (in completion order, not path
   * order), so the next stage can start on it while the rest is still being read.
   */
  onPython?: (file: SourceFile) => void;
}

/** Folders nobody wants scanned: VCS data, virtualenvs, build output, our own output. */
export const DEFAULT_EXCLUDES = [
  '**/.git/**', '**/.hg/**', '**/.svn/**',
  '**/node_modules/**', '**/__pycache__/**',
  '**/.venv/**', '**/venv/**', '**/.virtualenv/**', '**/virtualenv/**', '**/.tox/**', '**/.nox/**',
  '**/site-packages/**', '**/.eggs/**', '**/*.egg-info/**',
  '**/build/**', '**/dist/**', '**/.grumpy-audit/**',
];

const KIND_BY_EXT: Record<string, FileKind> = {
  '.py': 'python',
  '.c': 'c-source', '.cc': 'c-source', '.cpp': 'c-source', '.cxx': 'c-source',
  '.pyx': 'cython', '.pxd': 'cython', '.pxi': 'cython',
  '.i': 'swig',
  '.so': 'native-binary', '.pyd': 'native-binary',
};

const PATTERNS = Object.keys(KIND_BY_EXT).map((ext) => `**/*${ext}`);

function isWithin(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Lists candidate files without following symlinks, then vets each symlink by hand: a link whose
 * target leaves the root or loops back into it is reported and skipped, never followed.
 */
export async function discover(rootArg: string, opts: DiscoverOptions = {}): Promise<Discovery> {
  const events = opts.events ?? silentSink;
  const root = realpathSync(path.resolve(rootArg));
  const diagnostics: Diagnostic[] = [];
  const patterns = opts.include && opts.include.length > 0 ? opts.include : PATTERNS;
  const entries = await fg(patterns, {
    cwd: root,
    // Explicit --include globs replace the default skips; --exclude always applies.
    ignore: [...(opts.include && opts.include.length > 0 ? [] : DEFAULT_EXCLUDES), ...(opts.exclude ?? [])],
    dot: true,
    onlyFiles: false,
    followSymbolicLinks: false,
    suppressErrors: true,
    objectMode: true,
    stats: false,
  });
  const paths = entries.map((e) => e.path).sort();
  // Plain synchronous reads: sources come from the page cache far faster than a promise per
  // system call can carry them (measured: about a third of the CPU on the CPython Lib). The loop
  // yields now and then so that whoever consumes onPython (the parse workers) gets its replies.
  const files: SourceFile[] = [];
  let sinceYield = 0;
  for (const [done, rel] of paths.entries()) {
    const kind = KIND_BY_EXT[path.extname(rel).toLowerCase()];
    progress(events, 'discover', done + 1, paths.length);
    if (!kind) continue;
    const file = readOne(root, rel, path.join(root, rel), kind, diagnostics);
    if (!file) continue;
    files.push(file);
    if (file.kind === 'python') opts.onPython?.(file);
    sinceYield += file.size;
    if (sinceYield >= YIELD_BYTES) {
      sinceYield = 0;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
  await reportSkippedDirLinks(root, diagnostics, opts);
  return { root, files, diagnostics };
}

/** Bytes read between two yields to the event loop. */
const YIELD_BYTES = 256 * 1024;

function readOne(root: string, rel: string, abs: string, kind: FileKind, diagnostics: Diagnostic[]): SourceFile | undefined {
  let st;
  try {
    st = lstatSync(abs);
    if (st.isSymbolicLink()) {
      let target: string;
      try {
        target = realpathSync(abs);
      } catch (e) {
        diagnostics.push(diag('unreadable-file', 'error', rel, `cannot read file: ${errText(e)}`));
        return undefined;
      }
      if (!isWithin(root, target)) {
        diagnostics.push(diag('symlink-outside-root', 'warning', rel, `symlink points outside the repository (${target}); skipped`));
        return undefined;
      }
      st = statSync(target);
    }
    if (!st.isFile()) return undefined;
  } catch (e) {
    diagnostics.push(diag('unreadable-file', 'error', rel, `cannot read file: ${errText(e)}`));
    return undefined;
  }
  if (kind !== 'python') {
    // Native sources are evidence for the analyzer; their bytes are only hashed.
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(abs);
    } catch (e) {
      diagnostics.push(diag('unreadable-file', 'error', rel, `cannot read file: ${errText(e)}`));
      return undefined;
    }
    return { path: rel, kind, size: bytes.length, sha256: sha256(bytes) };
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(abs);
  } catch (e) {
    diagnostics.push(diag('unreadable-file', 'error', rel, `cannot read file: ${errText(e)}`));
    return undefined;
  }
  const file: SourceFile = { path: rel, kind, size: bytes.length, sha256: sha256(bytes) };
  if (bytes.length === 0) {
    diagnostics.push(diag('empty-file', 'info', rel, 'empty file (an empty module)'));
    return { ...file, text: '', encoding: 'ascii', bom: false };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    diagnostics.push(diag('binary-file', 'error', rel, `file contains a NUL byte at offset ${nul}: not Python source (CPython: "source code string cannot contain null bytes")`));
    return { ...file, undecodable: true };
  }
  const dec = decodePython2(bytes);
  if (dec.error) {
    diagnostics.push(diag(dec.error.id, 'error', rel, dec.error.message, dec.error.line));
    return { ...file, text: dec.text, encoding: dec.encoding, bom: dec.bom, undecodable: true };
  }
  return { ...file, text: dec.text, encoding: dec.encoding, bom: dec.bom };
}

/**
 * Directory symlinks are never followed. Name the ones that loop or leave the root so users know
 * why their contents are missing; one inside the root is scanned through its real path anyway.
 */
async function reportSkippedDirLinks(root: string, diagnostics: Diagnostic[], opts: DiscoverOptions): Promise<void> {
  const links = await fg('**', {
    cwd: root, dot: true, onlyFiles: false, followSymbolicLinks: false, suppressErrors: true,
    ignore: [...DEFAULT_EXCLUDES, ...(opts.exclude ?? [])], objectMode: true,
  });
  for (const e of links) {
    if (!e.dirent.isSymbolicLink()) continue;
    const abs = path.join(root, e.path);
    let target: string;
    try {
      target = realpathSync(abs);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ELOOP') diagnostics.push(diag('symlink-loop', 'warning', e.path, 'symlink loop; skipped'));
      else if (!KIND_BY_EXT[path.extname(e.path).toLowerCase()]) diagnostics.push(diag('broken-symlink', 'warning', e.path, `broken symlink: ${errText(err)}`));
      continue;
    }
    let isDir = false;
    try {
      isDir = statSync(target).isDirectory();
    } catch {
      continue;
    }
    if (!isDir) continue;
    if (!isWithin(root, target)) {
      diagnostics.push(diag('symlink-outside-root', 'warning', e.path, `directory symlink points outside the repository (${target}); not followed`));
    } else if (isWithin(target, path.dirname(abs))) {
      diagnostics.push(diag('symlink-loop', 'warning', e.path, `directory symlink loops back to ${path.relative(root, target) || '.'}; not followed`));
    } else {
      diagnostics.push(diag('symlink-dir-skipped', 'info', e.path, `directory symlink not followed; its target ${path.relative(root, target)} is scanned at its real path`));
    }
  }
}

function errText(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return err.code ? `${err.code}: ${err.message}` : String(e);
}
