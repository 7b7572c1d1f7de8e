// Handlebars over reports-templates/: one environment per report, helpers registered once.
// Templates are compiled with noEscape, so nothing is printed unescaped by accident: every value goes
// through `text` or `attr` (escape.ts), and a test checks that no template prints a bare {{value}}.

import Handlebars from 'handlebars';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Asset } from './assets.js';
import { escapeAttr, escapeText, jsonForScript } from './escape.js';

export const PAGE_TEMPLATES = ['index', 'modules', 'module', 'rules', 'rule', 'graph'] as const;
export type PageTemplate = (typeof PAGE_TEMPLATES)[number];

/** Helpers the templates may call; the template test checks every mustache against this list. */
export const HELPERS = ['text', 'attr', 'json', 'num', 'asset', 'plural'] as const;
/** How many arguments each helper takes; the template test checks calls against it. */
export const HELPER_ARITY: Record<(typeof HELPERS)[number], number> = { text: 1, attr: 1, json: 1, num: 1, asset: 1, plural: 2 };

/** 1234567 → "1,234,567"; null/undefined print nothing (an unknown wave, say). */
function formatNumber(v: unknown): string {
  if (v === null || v === undefined || v === '') return '';
  const n = Number(v);
  if (!Number.isFinite(n)) return escapeText(v);
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

interface HelperOptions { data: { root: { page: { root: string } } } }

export function templateFiles(templatesDir: string): { name: string; file: string; text: string }[] {
  const out: { name: string; file: string; text: string }[] = [];
  for (const dir of ['.', 'partials']) {
    for (const f of readdirSync(path.join(templatesDir, dir)).sort()) {
      if (!f.endsWith('.hbs')) continue;
      const file = path.join(templatesDir, dir, f);
      out.push({ name: f.slice(0, -4), file, text: readFileSync(file, 'utf8') });
    }
  }
  return out;
}

export class Renderer {
  private readonly hb = Handlebars.create();
  private readonly pages = new Map<PageTemplate, Handlebars.TemplateDelegate>();

  constructor(templatesDir: string, assets: readonly Asset[]) {
    const hashed = new Map(assets.map((a) => [a.logical, a.hashed] as const));
    this.hb.registerHelper('text', (v: unknown) => escapeText(v));
    this.hb.registerHelper('attr', (v: unknown) => escapeAttr(v));
    this.hb.registerHelper('json', (v: unknown) => jsonForScript(v));
    this.hb.registerHelper('num', (v: unknown) => formatNumber(v));
    // "1 module", "2 modules": the noun is a literal in the template, never repository text.
    this.hb.registerHelper('plural', (n: unknown, noun: unknown) => `${formatNumber(n)} ${escapeText(noun)}${Number(n) === 1 ? '' : 's'}`);
    this.hb.registerHelper('asset', (name: unknown, options: HelperOptions) => {
      const file = hashed.get(String(name));
      // A template asking for an asset that does not exist is a bug in the templates.
      if (file === undefined) throw new Error(`template asks for unknown asset ${String(name)}`);
      return escapeAttr(`${options.data.root.page.root}assets/${file}`);
    });
    // knownHelpers lets compiled templates call our helpers directly instead of probing the context first.
    const knownHelpers = Object.fromEntries(HELPERS.map((h) => [h, true]));
    const compileOptions = { noEscape: true, strict: true, preventIndent: true, knownHelpers };
    for (const t of templateFiles(templatesDir)) {
      if ((PAGE_TEMPLATES as readonly string[]).includes(t.name)) {
        this.pages.set(t.name as PageTemplate, this.hb.compile(t.text, compileOptions));
      } else {
        this.hb.registerPartial(t.name, this.hb.compile(t.text, compileOptions));
      }
    }
    for (const p of PAGE_TEMPLATES) if (!this.pages.has(p)) throw new Error(`missing template ${p}.hbs in ${templatesDir}`);
  }

  render(template: PageTemplate, view: object): string {
    return this.pages.get(template)!(view);
  }
}
