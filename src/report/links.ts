// Page names for modules and rules. Names come from the scanned repository, so they are turned
// into safe, unique file names here; templates only ever see the resulting hrefs.

import { createHash } from 'node:crypto';

function shortHash(s: string): string {
  return createHash('sha1').update(s).digest('hex').slice(0, 8);
}

/**
 * Allocates one file name per key. A key that is not plain `[A-Za-z0-9_.-]`, or that would clash
 * with another on a case-insensitive file system, gets a hash suffix so every page stays distinct.
 */
export class PageNamer {
  private readonly byKey = new Map<string, string>();
  private readonly taken = new Set<string>();

  constructor(private readonly dir: string) {}

  name(key: string): string {
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    let base = key.replace(/[^A-Za-z0-9_.-]/g, '_').replace(/^\.+/, '_').slice(0, 120) || '_';
    if (base !== key || this.taken.has(base.toLowerCase())) base = `${base}-${shortHash(key)}`;
    this.taken.add(base.toLowerCase());
    const file = `${this.dir}/${base}.html`;
    this.byKey.set(key, file);
    return file;
  }
}
