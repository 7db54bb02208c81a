import type { DocumentEnvironment } from '../document/controlled-document.js';
import { renderPdf, registerImage } from '../render/pdf/pdf-engine.js';
import type { FormTemplate } from './form-template.js';
import { layoutForm, type FormView } from './layout-form.js';
import { controlledFor, type FormRenderContext } from './render-form.js';

/**
 * A unit of form rendering that can run in any thread: one PDF per record of a chunk. Everything
 * in it is plain data, so it crosses to a worker as is.
 */
export interface RenderTask extends DocumentEnvironment {
  readonly template: FormTemplate;
  readonly views: readonly FormView[];
  /** Output paths, one per view. */
  readonly files: readonly string[];
}

export interface RenderedFile {
  readonly path: string;
  readonly bytes: Uint8Array;
  /** Characters no embedded font has (printed as "?"). */
  readonly missing: readonly string[];
}

/** Renders a task somewhere (a worker pool) with the same result as runRenderTask here. */
export type RunRenderTask = (task: RenderTask) => Promise<readonly RenderedFile[]>;

/** Renders a task in this thread. */
export async function runRenderTask(task: RenderTask): Promise<RenderedFile[]> {
  if (task.logo) registerImage(task.logo.name, Buffer.from(task.logo.bytes));
  const ctx: FormRenderContext = { config: task.config, lang: task.lang, asOf: task.asOf, logo: task.logo?.name ?? null };
  const layout = (view: FormView) => layoutForm(task.template, view, { lang: ctx.lang, asOf: ctx.asOf, controlled: controlledFor(task.template, ctx) });
  const out: RenderedFile[] = [];
  for (const [i, view] of task.views.entries()) {
    const { definition, missingGlyphs } = layout(view);
    out.push({ path: task.files[i]!, bytes: await renderPdf(definition), missing: missingGlyphs });
  }
  return out;
}
