import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { checkTemplateSyntax } from '../document/fill-text.js';
import { TemplateFileError } from '../document/template-file-error.js';
import { placeholdersOf } from '../text/template-engine.js';
import { formTemplateSchema, type FormTemplate } from './form-template.js';

/** Checks one form file's JSON text; the file name (without .json) must be the form's id. */
export function parseFormTemplate(file: string, json: string): FormTemplate {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new TemplateFileError(file, [{ path: '(file)', message: `not valid JSON: ${(error as Error).message}` }]);
  }
  const pairs = languagePairProblems(data);
  if (pairs.length > 0) throw new TemplateFileError(file, pairs);
  const result = formTemplateSchema.safeParse(data);
  if (!result.success) {
    throw new TemplateFileError(
      file,
      result.error.issues.map((i) => ({ path: i.path.join('.') || '(top level)', message: i.message })),
    );
  }
  const syntax = templateSyntaxProblems(result.data);
  if (syntax.length > 0) throw new TemplateFileError(file, syntax);
  const expected = path.basename(file, '.json');
  if (result.data.id !== expected) throw new TemplateFileError(file, [{ path: 'id', message: `must be "${expected}", the file's name` }]);
  return result.data;
}

/** Every form file of a folder, sorted by id. Throws TemplateFileError on the first bad file. */
export function loadFormTemplates(folder: string): FormTemplate[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => parseFormTemplate(path.join(folder, name), readFileSync(path.join(folder, name), 'utf8')));
}

/** Every text of a form that does not compile as Handlebars, with its path. */
function templateSyntaxProblems(template: FormTemplate): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const visit = (value: unknown, at: string): void => {
    if (typeof value === 'string') {
      try {
        checkTemplateSyntax(value);
      } catch (error) {
        problems.push({ path: at, message: `template error: ${(error as Error).message.split('\n')[0]}` });
      }
    } else if (Array.isArray(value)) value.forEach((v, i) => visit(v, `${at}.${i}`));
    else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, at ? `${at}.${k}` : k);
  };
  visit(template, '');
  return problems;
}

/**
 * A form keeps its texts beside its layout, as {"zh": "…", "en": "…"} pairs (one file per form,
 * both languages side by side for whoever edits it). Each pair must hold both languages, neither
 * empty, reading the same placeholders — as the message files are checked — so an English form
 * never prints a blank label or misses a value its Chinese twin shows.
 */
function languagePairProblems(data: unknown): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const names = (text: string): string | null => {
    try {
      return [...placeholdersOf(text)].sort().join(', ');
    } catch {
      return null; // Reported by templateSyntaxProblems.
    }
  };
  const visit = (value: unknown, at: string): void => {
    if (Array.isArray(value)) value.forEach((v, i) => visit(v, at ? `${at}.${i}` : String(i)));
    else if (value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if ('zh' in record || 'en' in record) {
        const missing = (['zh', 'en'] as const).filter((lang) => typeof record[lang] !== 'string' || (record[lang] as string).trim() === '');
        if (missing.length > 0) {
          problems.push({
            path: at || '(top level)',
            message: `a text needs both "zh" and "en"; ${missing.map((l) => `"${l}"`).join(' and ')} missing or empty`,
          });
          return;
        }
        const [zh, en] = [names(record.zh as string), names(record.en as string)];
        if (zh !== null && en !== null && zh !== en) problems.push({ path: at, message: `placeholders {${zh}} in zh, {${en}} in en` });
        return;
      }
      for (const [k, v] of Object.entries(record)) visit(v, at ? `${at}.${k}` : k);
    }
  };
  visit(data, '');
  return problems;
}
