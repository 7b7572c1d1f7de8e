// The page chrome every view shares, and links to module and rule pages.

import path from 'node:path';
import type { Verdict } from '../contract.js';
import type { AuditFacts } from './facts.js';
import { VERDICT_LABEL } from './labels.js';
import { PageNamer } from './links.js';
import type { ModuleLink, NavItem, PageView } from './model.js';

export type Section = 'dashboard' | 'modules' | 'rules' | 'graph' | 'none';

const NAV: { section: Section; label: string; href: string }[] = [
  { section: 'dashboard', label: 'Dashboard', href: 'index.html' },
  { section: 'modules', label: 'Modules', href: 'modules.html' },
  { section: 'rules', label: 'Rules', href: 'rules.html' },
  { section: 'graph', label: 'Import graph', href: 'graph.html' },
];

/** Resolves names to page files (relative to the report root) and builds page chrome. */
export class Pages {
  readonly modulePages = new PageNamer('modules');
  readonly rulePages = new PageNamer('rules');

  constructor(
    private readonly facts: AuditFacts,
    private readonly generatedAt: string,
    private readonly toolVersion: string,
  ) {
    // Allocate in sorted order so page names do not depend on input order.
    for (const m of facts.modules) this.modulePages.name(m.name);
  }

  /**
   * Pages in modules/ and rules/ (depth 1) carry no date: they are rewritten only when their content
   * changes, so a date there would either be stale or force a rewrite of every page on every run.
   */
  page(title: string, section: Section, depth: 0 | 1): PageView {
    const root = depth === 0 ? '' : '../';
    const nav: NavItem[] = NAV.map((n) => ({ label: n.label, href: root + n.href, current: n.section === section }));
    const repoRoot = this.facts.audit.root;
    return {
      title, root, nav, repoRoot, repoName: path.basename(repoRoot) || repoRoot,
      generatedAt: depth === 0 ? this.generatedAt : '', toolVersion: this.toolVersion,
    };
  }

  /** Href of a module page from a page at `root`, or null when the name is not a scanned module. */
  moduleHref(name: string, root: string, line?: number): string | null {
    if (!this.facts.byName.has(name)) return null;
    return root + this.modulePages.name(name) + (line ? `#L${line}` : '');
  }

  ruleHref(ruleId: string, root: string): string {
    return root + this.rulePages.name(ruleId);
  }

  moduleLink(name: string, root: string): ModuleLink {
    const m = this.facts.byName.get(name);
    const verdict: Verdict = m ? m.verdict : 'error';
    return { name, href: this.moduleHref(name, root) ?? '', verdict, verdictLabel: m ? VERDICT_LABEL[verdict] : 'not scanned' };
  }
}
