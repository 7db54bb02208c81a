import type { Config } from '../config/config.js';
import { ACTION_FIELDS, COMPLAINT_FIELDS, DATASETS, ORDER_FIELDS, surveyFields, type DatasetId, type FieldSpec } from '../model/fields.js';
import { normaliseHeader } from '../text/fold.js';
import { companyCategories } from '../config/categories.js';
import { buildVocabulary, type Vocabulary } from './values/parse-enum.js';

/** Headers that number rows and carry no data (序号 / No. / #). */
const ROW_NUMBER_HEADERS = new Set(['序号', 'no.', 'no', '#']);

/** Every accepted header of every dataset, folded for comparison. Built once per configuration. */
export interface HeaderIndex {
  readonly fields: Readonly<Record<DatasetId, readonly FieldSpec[]>>;
  /** Normalised header → the fields (of any dataset) it names. */
  readonly lookup: ReadonlyMap<string, readonly { dataset: DatasetId; field: FieldSpec }[]>;
  /** The labels enumerations accept, the company's own words included (config `vocabulary`). */
  readonly vocabulary: Vocabulary;
}

export function buildHeaderIndex(config: Config): HeaderIndex {
  const fields: Record<DatasetId, readonly FieldSpec[]> = {
    orders: ORDER_FIELDS,
    complaints: COMPLAINT_FIELDS,
    surveys: surveyFields(config.satisfaction.dimensions.map((d) => ({ id: d.id, zh: d.label.zh, en: d.label.en, aliases: d.headers }))),
    actions: ACTION_FIELDS,
  };
  const lookup = new Map<string, { dataset: DatasetId; field: FieldSpec }[]>();
  for (const dataset of DATASETS) {
    for (const field of fields[dataset]) {
      const extra = config.headers[dataset]?.[field.id] ?? [];
      for (const header of [field.zh, ...field.aliases, field.en, field.id, ...extra]) {
        const key = normaliseHeader(header);
        const list = lookup.get(key) ?? [];
        if (!list.some((e) => e.dataset === dataset && e.field.id === field.id)) list.push({ dataset, field });
        lookup.set(key, list);
      }
    }
  }
  const vocabulary = buildVocabulary(config.vocabulary.labels, companyCategories(config));
  return { fields, lookup, vocabulary };
}

export function isRowNumberHeader(normalised: string): boolean {
  return ROW_NUMBER_HEADERS.has(normalised);
}
