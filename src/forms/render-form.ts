import { controlledDocument, type DocumentContext } from '../document/controlled-document.js';
import type { ControlledDocument } from '../document/controlled-page.js';
import { renderPdf } from '../render/pdf/pdf-engine.js';
import { fillText } from '../document/fill-text.js';
import type { FormTemplate } from './form-template.js';
import { layoutForm, type FormView } from './layout-form.js';

export interface FormRenderContext extends DocumentContext {
  readonly asOf: string;
}

/** The header furniture of a form from the form register (number, version …) and its template. */
export function controlledFor(template: FormTemplate, ctx: FormRenderContext): Omit<ControlledDocument, 'lang' | 'contentWidth'> {
  return controlledDocument(template.id, fillText(template.title, ctx.lang, {}), ctx);
}

/** One form as PDF bytes, and any characters no embedded font could draw. */
export async function renderForm(template: FormTemplate, view: FormView, ctx: FormRenderContext): Promise<{ pdf: Buffer; missingGlyphs: string[] }> {
  const { definition, missingGlyphs } = layoutForm(template, view, { lang: ctx.lang, asOf: ctx.asOf, controlled: controlledFor(template, ctx) });
  return { pdf: await renderPdf(definition), missingGlyphs };
}
