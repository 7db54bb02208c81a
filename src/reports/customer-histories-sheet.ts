import type { Config } from '../config/config.js';
import { categoryName, complaintCategories } from '../config/categories.js';
import { ATTENTION_REASONS, type AttentionReason, type CustomersSummary } from '../model/customer-histories.js';
import type { Lang } from '../model/lang.js';
import { type MessageKey, messages } from '../text/messages.js';
import { punctuation } from '../text/punctuation.js';
import { writeTable, type TablePlace } from '../render/excel/sheet-style.js';
import type { XlsxBook, XlsxSheet } from '../render/excel/xlsx-book.js';

/** Survey periods given a column of their own: the latest ones, up to the reported period. */
export const HISTORY_PERIODS = 4;

/** The keys of templates/messages/satisfaction-workbook.<lang>.json, where this sheet's words are (`customers`). */
type WorkbookKey = MessageKey<typeof import('../../templates/messages/satisfaction-workbook.zh.json', { with: { type: 'json' }})>;

const COLUMNS = [
  'no',
  'customer',
  'attention',
  'orders',
  'nonStandard',
  'reviewGaps',
  'complaints',
  'categories',
  'open',
  'major',
  'repeats',
  'returns',
] as const;
const TAIL = ['survey', 'falling', 'unsatisfied', 'terms'] as const;

function sheetWords(lang: Lang) {
  const t = messages<WorkbookKey>('satisfaction-workbook', lang);
  return {
    sheet: t('sheet.customers'),
    columns: COLUMNS.map((c) => t(`customers.columns.${c}`)),
    score: (period: string) => t('customers.score', { period }),
    tail: TAIL.map((c) => t(`customers.tail.${c}`)),
    survey: (state: 'returned' | 'not_returned' | 'not_surveyed') => t(`customers.survey.${state}`),
    reason: (r: AttentionReason) => t(`customers.reasons.${r}`),
    sep: punctuation(lang).listSeparator,
  };
}

/**
 * The 客户档案 sheet of the satisfaction workbook: every customer of summary.json's `customers`
 * block in its order (highest attention score first), counts as numbers, the overall score of
 * the latest periods, and the score's terms as "reason count×points".
 */
export function addCustomerHistoriesSheet(wb: XlsxBook, customers: CustomersSummary, config: Config, lang: Lang): { sheet: XlsxSheet; place: TablePlace } {
  const t = sheetWords(lang);
  const sheet = wb.addSheet(t.sheet);
  const shown = customers.periods.slice(-HISTORY_PERIODS);
  const dimLabel = (id: string) => config.satisfaction.dimensions.find((d) => d.id === id)?.label[lang] ?? id;
  const categories = complaintCategories(config);
  const head = [...t.columns, ...shown.map(t.score), ...t.tail];
  const rows = customers.list.map((c, i) => [
    i + 1,
    c.customer,
    c.attention,
    c.orders.total,
    c.orders.nonStandard,
    c.orders.reviewGaps,
    c.complaints.total,
    Object.entries(c.complaints.byCategory)
      .map(([id, n]) => `${categoryName(id, lang, categories)} ${n}`)
      .join(t.sep),
    c.complaints.open,
    c.complaints.major,
    c.complaints.repeats,
    c.complaints.returns,
    ...shown.map((p) => c.surveys.find((s) => s.period === p)?.overall ?? null),
    c.currentSurvey === null ? null : t.survey(c.currentSurvey),
    c.falling.map(dimLabel).join(t.sep),
    c.unsatisfied.map(dimLabel).join(t.sep),
    ATTENTION_REASONS.filter((r) => c.points[r] > 0)
      .map((r) => `${t.reason(r)} ${c.points[r] / customers.weights[r]}×${customers.weights[r]}`)
      .join(' + '),
  ]);
  const first = t.columns.length;
  const place = writeTable(sheet, head, rows, {
    maxWidth: [6, 24, 8, 7, 8, 8, 7, 24, 7, 7, 7, 7, ...shown.map(() => 10), 10, 14, 14, 40],
    wrap: [1, 7, head.length - 1],
    numFmt: Object.fromEntries(shown.map((_, i) => [first + i, '0.0'])),
  });
  return { sheet, place };
}
