import type { Config } from '../config/config.js';
import type { Lang } from '../model/lang.js';
import type { ControlledDocument } from '../document/controlled-page.js';
import { renderPdf } from '../render/pdf/pdf-engine.js';
import { fillText } from '../document/fill-text.js';
import type { FormTemplate } from './form-template.js';
import { layoutForm, type FormView } from './layout-form.js';

export interface FormRenderContext {
  readonly config: Config;
  readonly lang: Lang;
  readonly asOf: string;
  /** Name of the registered logo image, or null. */
  readonly logo: string | null;
}

/** The header furniture of a form from the form register (number, version …) and its template. */
export function controlledFor(template: FormTemplate, ctx: FormRenderContext): Omit<ControlledDocument, 'lang' | 'contentWidth'> {
  return controlledDocument(template.id, fillText(template.title, ctx.lang, {}), ctx);
}

/**
 * The header furniture of any controlled document by its id in the form register; the register's
 * title wins over `title` (a form template's or report's own).
 */
export function controlledDocument(id: string, title: string, ctx: FormRenderContext): Omit<ControlledDocument, 'lang' | 'contentWidth'> {
  const entry = ctx.config.forms[id];
  return {
    company: ctx.config.company.name?.[ctx.lang] ?? null,
    title: entry?.title?.[ctx.lang] ?? title,
    number: entry?.number ?? '',
    version: entry?.version ?? '',
    issueNo: entry?.issueNo ?? '',
    effectiveDate: entry?.effectiveDate ?? '',
    retention: entry?.retention[ctx.lang] ?? '',
    logo: ctx.logo,
  };
}

/** One form as PDF bytes, and any characters no embedded font could draw. */
export async function renderForm(template: FormTemplate, view: FormView, ctx: FormRenderContext): Promise<{ pdf: Buffer; missingGlyphs: string[] }> {
  const { definition, missingGlyphs } = layoutForm(template, view, { lang: ctx.lang, asOf: ctx.asOf, controlled: controlledFor(template, ctx) });
  return { pdf: await renderPdf(definition), missingGlyphs };
}
