import type Handlebars from 'handlebars';
import type { Lang } from '../model/lang.js';
import { templateEngine } from '../text/template-engine.js';

/** A text of a form or report template: one per language, or one string for both. */
export type TemplateText = string | { readonly zh: string; readonly en: string };

const compiled = new Map<string, Handlebars.TemplateDelegate>();

/** The text in `lang`, its {{expressions}} filled from `context`. Templates compile once. */
export function fillText(template: TemplateText, lang: Lang, context: unknown): string {
  const source = typeof template === 'string' ? template : template[lang];
  if (!source.includes('{{')) return source;
  let fn = compiled.get(source);
  if (!fn) {
    fn = templateEngine().compile(source, { noEscape: true });
    compiled.set(source, fn);
  }
  return fn(context);
}

/** Throws a Handlebars parse error for a template that cannot compile (checked when forms load). */
export function checkTemplateSyntax(source: string): void {
  if (source.includes('{{')) templateEngine().parse(source);
}

const compiledStrict = new Map<string, Handlebars.TemplateDelegate>();

/**
 * As fillText, but every {{value}} the text prints must be in `context` (Handlebars' strict
 * mode): a placeholder left unfilled throws instead of printing nothing. Conditions
 * ({{#if x}}) may still test a value that is absent. Used for report texts.
 */
export function fillTextStrict(source: string, context: unknown): string {
  if (!source.includes('{{')) return source;
  let fn = compiledStrict.get(source);
  if (!fn) {
    fn = templateEngine().compile(source, { noEscape: true, strict: true });
    compiledStrict.set(source, fn);
  }
  return fn(context);
}
