// SARIF 2.1.0 for code-scanning UIs: one run, the rule pack as the driver's rules, one result per
// finding with a 1-based region. File URIs are relative to the scanned root (SRCROOT).

import { pathToFileURL } from 'node:url';
import type { AuditJson, FindingSeverity } from '../../contract.js';

const LEVEL: Record<FindingSeverity, 'error' | 'warning' | 'note'> = { blocker: 'error', warning: 'warning', info: 'note' };

export function toSarif(audit: AuditJson): object {
  const rules = audit.rules ?? [];
  const index = new Map(rules.map((r, i) => [r.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'grumpy-audit',
          version: audit.toolVersion ?? '0.0.0',
          rules: rules.map((r) => ({
            id: r.id,
            name: r.id.replace(/(^|-)(\w)/g, (_, _d: string, c: string) => c.toUpperCase()),
            shortDescription: { text: r.title },
            fullDescription: { text: r.docs },
            help: { text: `${r.docs}\n\nRemediation: ${r.remediation}`, markdown: `${r.docs}\n\n**Remediation:** ${r.remediation}` },
            defaultConfiguration: { level: LEVEL[r.severity] },
            properties: { category: r.category, severity: r.severity },
          })),
        },
      },
      originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(audit.root.endsWith('/') ? audit.root : audit.root + '/').href } },
      results: audit.findings.map((f) => {
        const result: Record<string, unknown> = {
          ruleId: f.ruleId,
          level: LEVEL[f.severity],
          message: { text: f.message },
          locations: [{
            physicalLocation: {
              artifactLocation: { uri: f.file.split('/').map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' },
              region: { startLine: Math.max(1, f.line), startColumn: f.column + 1 },
            },
          }],
          properties: { category: f.category, ...(f.module !== undefined ? { module: f.module } : {}) },
        };
        const i = index.get(f.ruleId);
        if (i !== undefined) result.ruleIndex = i;
        return result;
      }),
    }],
  };
}
