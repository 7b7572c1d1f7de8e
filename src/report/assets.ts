// Static assets: our CSS and scripts from reports-templates/assets/, plus the bundled chart and graph
// libraries from node_modules. Each is written under a content-hashed name, so a browser cache
// never serves a stale copy and unchanged assets are not rewritten.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface Asset {
  /** The name templates ask for, e.g. "style.css". */
  logical: string;
  /** The written name, e.g. "style.1a2b3c4d5e.css". */
  hashed: string;
  bytes: Buffer;
}

const require = createRequire(import.meta.url);

/** Third-party files copied verbatim into the report (no CDN: the report must work offline). */
const VENDORED: Record<string, string> = {
  'cytoscape.min.js': 'cytoscape/dist/cytoscape.min.js',
  'uPlot.iife.min.js': 'uplot/dist/uPlot.iife.min.js',
  'uPlot.min.css': 'uplot/dist/uPlot.min.css',
};

function hashedName(logical: string, bytes: Buffer): string {
  const digest = createHash('sha256').update(bytes).digest('hex').slice(0, 10);
  const ext = path.extname(logical);
  const stem = logical.slice(0, logical.length - ext.length);
  // "x.min.js" keeps ".min" next to the hash: "x.min.<hash>.js".
  return `${stem}.${digest}${ext}`;
}

export function loadAssets(templatesDir: string): Asset[] {
  const sources: [string, string][] = [];
  const own = path.join(templatesDir, 'assets');
  for (const f of readdirSync(own).sort()) sources.push([f, path.join(own, f)]);
  for (const [logical, spec] of Object.entries(VENDORED)) sources.push([logical, require.resolve(spec)]);
  return sources.map(([logical, file]) => {
    const bytes = readFileSync(file);
    return { logical, hashed: hashedName(logical, bytes), bytes };
  });
}
