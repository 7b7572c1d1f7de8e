#!/usr/bin/env node
// Thin launcher: the CLI lives in dist/ (built by `npm install` through the prepare script).
import { main } from '../dist/cli/main.js';

main(process.argv).then(
  (code) => { process.exitCode = code; },
  (err) => {
    process.stderr.write(`grumpy-audit: internal error: ${err && err.stack ? err.stack : err}\n`);
    process.exitCode = 2;
  },
);
