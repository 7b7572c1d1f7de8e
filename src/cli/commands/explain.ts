// `grumpy-audit explain RULE_ID`: a rule's explanation, messages and remediation, from the rule pack.

import type { Command } from 'commander';
import path from 'node:path';
import { loadRulePack } from '../../analyze/rules/load.js';
import { packageRoot } from '../../version.js';
import { EXIT_OK, UsageError, type CliContext } from '../context.js';
import type { CliCommand } from './types.js';

export const explainCommand: CliCommand = {
  define(program: Command) {
    return program
      .command('explain <rule-id>')
      .description("print a rule's explanation and remediation (ids appear in scan findings)");
  },
  async run(ctx: CliContext, args: unknown[]) {
    const id = args[0] as string;
    const pack = loadRulePack();
    const rule = pack.byId.get(id);
    if (!rule) {
      const ids = [...pack.byId.keys()].sort();
      const near = ids.filter((x) => x.includes(id) || id.includes(x));
      throw new UsageError(`unknown rule "${id}"${near.length > 0 ? `; did you mean ${near.join(', ')}?` : ''}\nknown rules: ${ids.join(', ')}`);
    }
    const lines = [
      `${rule.id}: ${rule.title}`,
      `category: ${rule.category}    severity: ${rule.severity}`,
      '',
      wrap(rule.docs),
      '',
      'Messages:',
      ...Object.entries(rule.messages).map(([k, v]) => `  [${k}] ${v}`),
      '',
      'Remediation:',
      wrap(rule.remediation, '  '),
      '',
      `More: ${path.join(packageRoot, 'docs', 'rules', `${rule.id}.md`)}`,
    ];
    ctx.stdout.write(lines.join('\n') + '\n');
    return EXIT_OK;
  },
};

function wrap(text: string, indent = ''): string {
  const out: string[] = [];
  let line = indent;
  for (const word of text.split(/\s+/)) {
    if (line.length + word.length > 92 && line.trim() !== '') {
      out.push(line.trimEnd());
      line = indent;
    }
    line += word + ' ';
  }
  if (line.trim() !== '') out.push(line.trimEnd());
  return out.join('\n');
}
