import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Lang } from '../model/lang.js';
import { TEMPLATES_DIR } from '../paths.js';
import { TemplateFileError } from '../document/template-file-error.js';
import { checkTemplateSyntax } from '../document/fill-text.js';
import { callsPlural, PLURAL_LANGS, placeholdersOf } from '../text/template-engine.js';

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
  if (!result.success)
    throw new TemplateFileError(
      file,
      result.error.issues.map((i) => ({ path: i.path.join('.') || '(top level)', message: i.message })),
    );
  return result.data;
}

// Read and checked once per process: a build lays out a dozen monthly packs from one file.
const loaded = new Map<string, ReportTexts>();

const LANGS: readonly Lang[] = ['zh', 'en'];

/** A text a report asked for that its texts file does not have, or could not fill. */
export function missingText(lang: Lang, key: string, reason = 'missing'): TemplateFileError {
  return new TemplateFileError(`templates/reports (${lang})`, [{ path: key, message: reason }]);
}

/** The placeholders a text reads, as its shape: zh and en must read the same ones. */
function placeholderShape(text: string): string {
  try {
    const names = [...placeholdersOf(text)].sort();
    return names.length === 0 ? '' : `placeholders {${names.join(', ')}}`;
  } catch {
    return ''; // A text that does not compile is reported by loadReportTexts.
  }
}

/** Every key of a texts file, as "section.key" (texts with their placeholders, tables with their column count). */
function keysOf(texts: ReportTexts): Map<string, string> {
  const keys = new Map<string, string>([
    ['title', placeholderShape(texts.title)],
    ['subtitle', placeholderShape(texts.subtitle)],
  ]);
  for (const section of ['headings', 'sentences', 'words', 'actions'] as const)
    for (const [key, text] of Object.entries(texts[section])) keys.set(`${section}.${key}`, placeholderShape(text));
  for (const [key, columns] of Object.entries(texts.tables)) keys.set(`tables.${key}`, `${columns.length} columns`);
  return keys;
}

/**
 * Problems of `texts` (in `lang`) against the same report in the other languages: every key of
 * one is in all, tables with as many columns — so a document never lacks a text in one language.
 */
function checkLanguagePair(report: string, lang: Lang, texts: ReportTexts, folder: string): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const mine = keysOf(texts);
  for (const other of LANGS.filter((l) => l !== lang)) {
    const theirs = keysOf(readChecked(path.join(folder, `${report}.${other}.json`), reportTexts));
    for (const [key, shape] of mine) {
      if (!theirs.has(key)) problems.push({ path: key, message: `missing from ${report}.${other}.json` });
      else if (theirs.get(key) !== shape)
        problems.push({ path: key, message: `${shape || 'no placeholders'} here, ${theirs.get(key) || 'no placeholders'} in ${report}.${other}.json` });
    }
    for (const key of theirs.keys()) if (!mine.has(key)) problems.push({ path: key, message: `in ${report}.${other}.json, missing here` });
  }
  return problems;
}

/**
 * The texts of `report` in `lang`, checked when read: every sentence compiles, and every key is
 * in every language's file (see checkLanguagePair).
 */
export function loadReportTexts(report: string, lang: Lang, folder = path.join(TEMPLATES_DIR, 'reports')): ReportTexts {
  const file = path.join(folder, `${report}.${lang}.json`);
  const cached = loaded.get(file);
  if (cached) return cached;
  const texts = readChecked(file, reportTexts);
  const problems: { path: string; message: string }[] = checkLanguagePair(report, lang, texts, folder);
  const templates = [
    ['subtitle', texts.subtitle],
    ...Object.entries(texts.sentences).map(([key, text]) => [`sentences.${key}`, text]),
    ...Object.entries(texts.words).map(([key, text]) => [`words.${key}`, text]),
  ];
  for (const [where, text] of templates) {
    if (!PLURAL_LANGS.has(lang) && callsPlural(text!))
      problems.push({ path: where!, message: 'plural and word are for English counts; this language has no plural' });
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
