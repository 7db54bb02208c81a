import { ENUMS, type EnumName } from '../model/enums.js';
import { REVIEW_ITEMS, type ReviewItem } from '../model/fields.js';
import type { Lang, Localized } from '../model/lang.js';
import { OBJECTIVE_METRICS, type ObjectiveMetric } from '../model/objectives.js';
import { BANDS, type Band } from '../model/satisfaction.js';
import { LANGS, localizedTexts, messages } from './messages.js';

/**
 * The display names of the domain's ids, from templates/messages/labels.*.json: what a record,
 * report or workbook prints for a review item, a satisfaction band, an objective or an
 * enumeration value. model/ holds the ids only; the spellings the input accepts stay beside the
 * enumerations (model/enums.ts `words`), because they are the input contract, not wording.
 */

/** The six confirmations of clause 5.3.2.4, worded as the procedure and the review form ask them. */
export const REVIEW_ITEM_TEXT: Readonly<Record<ReviewItem, Localized>> = localizedTexts('labels', 'reviewItem', REVIEW_ITEMS);

/** The review items' short names, as the ledger headers say them. */
export const REVIEW_ITEM_SHORT: Readonly<Record<ReviewItem, Localized>> = localizedTexts('labels', 'reviewItemShort', REVIEW_ITEMS);

/** Satisfaction bands of clause 5.7.6. */
export const BAND_LABELS: Readonly<Record<Band, Localized>> = localizedTexts('labels', 'band', BANDS);

type EnumIds<N extends EnumName> = (typeof ENUMS)[N][number]['id'];

/** How each enumeration value is shown: ENUM_LABELS.category.quality.zh → "质量". */
export const ENUM_LABELS: { readonly [N in EnumName]: Readonly<Record<EnumIds<N>, Localized>> } = Object.fromEntries(
  (Object.keys(ENUMS) as EnumName[]).map((name) => [
    name,
    localizedTexts(
      'labels',
      `enum.${name}`,
      ENUMS[name].map((v) => v.id),
    ),
  ]),
) as { readonly [N in EnumName]: Readonly<Record<EnumIds<N>, Localized>> };

/** The company limits an objective's name may quote (config complaints.limits). */
export interface MetricLabelLimits {
  readonly closeWorkingDays: number;
  readonly firstReplyHours: number;
}

/**
 * The default name of a quality objective. Two quote a company time limit ("≤ 18 个工作日",
 * "72 小时内"): the configured value fills them, so a company with a 15-day limit never reads 18.
 */
export function metricLabel(metric: ObjectiveMetric, limits: MetricLabelLimits): Localized {
  const context = { days: limits.closeWorkingDays, hours: limits.firstReplyHours };
  const text = (lang: Lang) => messages<string>('labels', lang).fromContext(`metric.${metric}`, context);
  return { zh: text('zh'), en: text('en') };
}

// Every objective has its name in both languages, checked when this module loads.
for (const metric of OBJECTIVE_METRICS) for (const lang of LANGS) messages<string>('labels', lang).source(`metric.${metric}`);
