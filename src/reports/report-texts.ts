import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Lang } from '../model/lang.js';
import { TEMPLATES_DIR } from '../paths.js';
import { TemplateFileError } from '../forms/load-form-templates.js';
import { checkTemplateSyntax } from '../forms/fill-text.js';

/** The wording of the satisfaction report (templates/reports/satisfaction.<lang>.json). */
const satisfactionTexts = z.strictObject({
  title: z.string(),
  subtitle: z.string(),
  headings: z.record(z.string(), z.string()),
  sentences: z.record(z.string(), z.string()),
  tables: z.record(z.string(), z.array(z.string())),
  words: z.record(z.string(), z.string()),
  actions: z.record(z.string(), z.string()),
});
export type SatisfactionTexts = z.infer<typeof satisfactionTexts>;

const keywordsFile = z.strictObject({
  _comment: z.string().optional(),
  ruleDepartments: z.record(z.string(), z.string()),
  keywords: z.record(z.string(), z.array(z.string())),
});
export type SatisfactionKeywords = z.infer<typeof keywordsFile>;

function readChecked<T>(file: string, schema: z.ZodType<T>): T {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new TemplateFileError(file, [{ path: '(file)', message: (error as Error).message }]);
  }
  const result = schema.safeParse(data);
  if (!result.success) throw new TemplateFileError(file, result.error.issues.map((i) => ({ path: i.path.join('.') || '(top level)', message: i.message })));
  return result.data;
}

/** The report texts in `lang`, with every sentence checked to compile. */
export function loadSatisfactionTexts(lang: Lang, folder = path.join(TEMPLATES_DIR, 'reports')): SatisfactionTexts {
  const file = path.join(folder, `satisfaction.${lang}.json`);
  const texts = readChecked(file, satisfactionTexts);
  const problems: { path: string; message: string }[] = [];
  for (const [key, sentence] of Object.entries(texts.sentences)) {
    try {
      checkTemplateSyntax(sentence);
    } catch (error) {
      problems.push({ path: `sentences.${key}`, message: `template error: ${(error as Error).message.split('\n')[0]}` });
    }
  }
  if (problems.length > 0) throw new TemplateFileError(file, problems);
  return texts;
}

export function loadSatisfactionKeywords(folder = path.join(TEMPLATES_DIR, 'reports')): SatisfactionKeywords {
  return readChecked(path.join(folder, 'satisfaction-keywords.json'), keywordsFile);
}
