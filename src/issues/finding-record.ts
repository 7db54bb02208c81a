import type { Dimension } from '../config/defaults.js';
import type { Lang } from '../model/lang.js';

/**
 * The record a survey-item finding (S3) is about: the period and the dimension's id, "2025H2
 * delivery". summary.json keeps it so — ids never change with the language — and documents show
 * it with the dimension's label in the run's language (surveyItemRecordText).
 */
export function surveyItemRecord(period: string, dimensionId: string): string {
  return `${period} ${dimensionId}`;
}

/**
 * A finding's record as a document prints it: "2025H2 交期" for S3's "2025H2 delivery" (periods
 * and dimension ids hold no space); every other record is data — an order or complaint number,
 * a customer, a period — and prints as it is.
 */
export function findingRecordText(f: { readonly rule: string; readonly record: string }, dimensions: readonly Dimension[], lang: Lang): string {
  if (f.rule !== 'S3') return f.record;
  const space = f.record.indexOf(' ');
  if (space < 0) return f.record;
  const id = f.record.slice(space + 1);
  const dimension = dimensions.find((d) => d.id === id);
  return dimension === undefined ? f.record : `${f.record.slice(0, space)} ${dimension.label[lang]}`;
}
