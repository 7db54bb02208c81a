import path from 'node:path';
import { TEMPLATES_DIR } from '../paths.js';
import type { FormTemplate } from './form-template.js';
import { loadFormTemplates } from './load-form-templates.js';

/** The folder of the built-in form templates. */
export const FORMS_DIR = path.join(TEMPLATES_DIR, 'forms');

/** A form id asked for that no template has. */
export class UnknownFormError extends Error {
  constructor(
    readonly id: string,
    readonly known: readonly string[],
  ) {
    super(`unknown form "${id}"; forms: ${known.join(', ')}`);
    this.name = 'UnknownFormError';
  }
}

/**
 * The forms asked for by id (all when none are asked for), in the order of the form register —
 * the procedure's own list first — and forms the register does not know after them by id.
 */
export function selectForms(templates: readonly FormTemplate[], ids: readonly string[], registerOrder: readonly string[] = []): FormTemplate[] {
  const known = templates.map((t) => t.id);
  for (const id of ids) if (!known.includes(id)) throw new UnknownFormError(id, known);
  const rank = (id: string) => {
    const i = registerOrder.indexOf(id);
    return i < 0 ? registerOrder.length : i;
  };
  return templates.filter((t) => ids.length === 0 || ids.includes(t.id)).sort((a, b) => rank(a.id) - rank(b.id) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Loads the form catalogue from `folder` (default the built-in templates). */
export function loadFormCatalogue(folder: string = FORMS_DIR): FormTemplate[] {
  return loadFormTemplates(folder);
}
