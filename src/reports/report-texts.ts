import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Lang } from '../model/lang.js';
import { TEMPLATES_DIR } from '../paths.js';
import { TemplateFileError } from '../forms/load-form-templates.js';
import { checkTemplateSyntax } from '../forms/fill-text.js';

/**
 * The wording of a report (templates/reports/<report>.<lang>.json): title, subtitle, headings,
 * Handlebars sentences, table headers, single words; the satisfaction report adds its actions.
 */
const reportTexts = z.strictObject({
  _comment: z.string().optional(),
  title: z.string(),
  subtitle: z.string(),
  headings: z.record(z.string(), z.string()),
  sentences: z.record(z.string(), z.string()),
  tables: z.record(z.string(), z.array(z.string())),
  words: z.record(z.string(), z.string()),
  actions: z.record(z.string(), z.string()).default({}),
});
export type ReportTexts = z.infer<typeof reportTexts>;
export type SatisfactionTexts = ReportTexts;

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

// Read and checked once per process: a build lays out a dozen monthly packs from one file.
const loaded = new Map<string, ReportTexts>();

/** The texts of `report` in `lang`, with every sentence checked to compile. */
export function loadReportTexts(report: string, lang: Lang, folder = path.join(TEMPLATES_DIR, 'reports')): ReportTexts {
  const file = path.join(folder, `${report}.${lang}.json`);
  const cached = loaded.get(file);
  if (cached) return cached;
  const texts = readChecked(file, reportTexts);
  const problems: { path: string; message: string }[] = [];
  const templates = [
    ['subtitle', texts.subtitle],
    ...Object.entries(texts.sentences).map(([key, text]) => [`sentences.${key}`, text]),
    ...Object.entries(texts.words).map(([key, text]) => [`words.${key}`, text]),
  ];
  for (const [where, text] of templates) {
    try {
      checkTemplateSyntax(text!);
    } catch (error) {
      problems.push({ path: where!, message: `template error: ${(error as Error).message.split('\n')[0]}` });
    }
  }
  if (problems.length > 0) throw new TemplateFileError(file, problems);
  loaded.set(file, texts);
  return texts;
}

export function loadSatisfactionTexts(lang: Lang, folder?: string): SatisfactionTexts {
  return loadReportTexts('satisfaction', lang, folder);
}

export function loadSatisfactionKeywords(folder = path.join(TEMPLATES_DIR, 'reports')): SatisfactionKeywords {
  return readChecked(path.join(folder, 'satisfaction-keywords.json'), keywordsFile);
}
