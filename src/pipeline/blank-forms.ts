import type { Config } from '../config/config.js';
import type { OutputWriter } from '../emit/output-writer.js';
import { loadFormCatalogue, selectForms } from '../forms/form-catalogue.js';
import type { FormTemplate } from '../forms/form-template.js';
import { renderBlankForms, type GlyphReport } from '../forms/render-forms.js';
import type { Lang } from '../model/lang.js';
import { registerLogo } from './build.js';

export { UnknownFormError } from '../forms/form-catalogue.js';

/**
 * The controlled forms to print blank: those of `ids` (every form for none), in the form register's
 * order. Throws UnknownFormError for an id without a template and TemplateFileError for a bad template.
 */
export function selectBlankForms(config: Config, ids: readonly string[]): readonly FormTemplate[] {
  return selectForms(loadFormCatalogue(), ids, Object.keys(config.forms));
}

/** The blank forms and their print pack, written under `folder` of the writer as `build` writes them. */
export async function emitBlankForms(
  templates: readonly FormTemplate[],
  options: { readonly config: Config; readonly lang: Lang; readonly asOf: string },
  writer: OutputWriter,
  folder = '',
): Promise<GlyphReport> {
  const { config, lang, asOf } = options;
  const logo = await registerLogo(config);
  return renderBlankForms(
    templates,
    { config, lang, asOf, logo: logo?.name ?? null },
    { config, lang, asOf },
    (file, bytes) => void writer.write(file, bytes),
    folder,
  );
}
