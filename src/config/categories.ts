import { COMPLAINT_CATEGORIES, type EnumValue } from '../model/enums.js';
import type { Lang, Localized } from '../model/lang.js';
import { ENUM_LABELS } from '../text/domain-labels.js';
import type { Config } from './config.js';
import { summaryText } from '../text/summary-text.js';

/** What the category lists need of the configuration (workers receive the whole Config). */
type WithVocabulary = Pick<Config, 'vocabulary'>;

const lists = new WeakMap<object, readonly EnumValue[]>();

/** The company's own complaint categories (config `vocabulary.categories`), in their order. */
export function companyCategories(config: WithVocabulary): readonly EnumValue[] {
  return config.vocabulary.categories.map((c) => ({ id: c.id, words: { zh: c.label.zh, en: c.label.en }, aliases: c.aliases }));
}

/**
 * Every complaint category of the run: the contract's nine in the procedure's order, then the
 * company's own. summary.json's byCategory, the Pareto's ties and every table keep this order.
 */
export function complaintCategories(config: WithVocabulary): readonly EnumValue[] {
  const cached = lists.get(config.vocabulary);
  if (cached) return cached;
  const list = [...COMPLAINT_CATEGORIES, ...companyCategories(config)];
  lists.set(config.vocabulary, list);
  return list;
}

/**
 * A category's name in `lang` among `categories`: one of the nine as labels.*.json shows it
 * ("质量"), a company category by its configured label, which is both the word the company
 * writes and the name it prints ("外观"); the id when unknown.
 */
export function categoryName(id: string, lang: Lang, categories: readonly EnumValue[]): string {
  const builtIn = (ENUM_LABELS.category as Readonly<Record<string, Localized>>)[id];
  if (builtIn !== undefined) return builtIn[lang];
  return categories.find((c) => c.id === id)?.words[lang] ?? id;
}

/**
 * How a complaint's category is shown on records and in reports: its category's name, and for
 * a label nobody defined the label as written inside the "other" name — 其他（外观）/ Other (外观).
 */
export function complaintCategoryName(
  complaint: { readonly category: string; readonly categoryText: string | null },
  lang: Lang,
  categories: readonly EnumValue[],
): string {
  const name = categoryName(complaint.category, lang, categories);
  if (complaint.categoryText === null) return name;
  return summaryText(lang)('categoryWithLabel', { name, label: complaint.categoryText });
}
