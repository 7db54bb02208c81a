import type { Config } from '../config/config.js';
import { categoryName, complaintCategories } from '../config/categories.js';
import { ATTENTION_REASONS, type AttentionReason, type CustomersSummary } from '../model/customer-histories.js';
import type { Lang } from '../model/lang.js';
import { writeTable, type TablePlace } from '../render/excel/sheet-style.js';
import type { XlsxBook, XlsxSheet } from '../render/excel/xlsx-book.js';

/** Survey periods given a column of their own: the latest ones, up to the reported period. */
export const HISTORY_PERIODS = 4;

const TEXT = {
  zh: {
    sheet: '客户档案',
    columns: ['序', '客户', '关注分', '订单', '非标订单', '评审缺口', '投诉', '投诉类别', '未结案', '重大', '重复', '退货'],
    score: (period: string) => `${period} 综合`,
    tail: ['本期调查', '下降的项目', '低于阈值的项目', '关注分构成'],
    survey: { returned: '已回复', not_returned: '未回复', not_surveyed: '未调查' } as Record<string, string>,
    reasons: {
      complaint: '投诉',
      open: '未结案',
      major: '重大',
      repeat: '重复',
      return: '退货',
      reviewGap: '评审缺口',
      noAnswer: '本期未回复',
      falling: '下降项目',
      unsatisfied: '低于阈值项目',
    } as Record<AttentionReason, string>,
    sep: '、',
  },
  en: {
    sheet: 'Customer histories',
    columns: ['#', 'Customer', 'Attention score', 'Orders', 'Non-standard', 'Review gaps', 'Complaints', 'Categories', 'Open', 'Major', 'Repeats', 'Returns'],
    score: (period: string) => `${period} overall`,
    tail: ['This round', 'Items down', 'Items below threshold', 'Score terms'],
    survey: { returned: 'answered', not_returned: 'not returned', not_surveyed: 'not surveyed' } as Record<string, string>,
    reasons: {
      complaint: 'complaints',
      open: 'open',
      major: 'major',
      repeat: 'repeats',
      return: 'returns',
      reviewGap: 'review gaps',
      noAnswer: 'no answer this round',
      falling: 'items down',
      unsatisfied: 'items below threshold',
    } as Record<AttentionReason, string>,
    sep: ', ',
  },
} as const;

/**
 * The 客户档案 sheet of the satisfaction workbook: every customer of summary.json's `customers`
 * block in its order (highest attention score first), counts as numbers, the overall score of
 * the latest periods, and the score's terms as "reason count×points".
 */
export function addCustomerHistoriesSheet(wb: XlsxBook, customers: CustomersSummary, config: Config, lang: Lang): { sheet: XlsxSheet; place: TablePlace } {
  const t = TEXT[lang];
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
    c.currentSurvey === null ? null : (t.survey[c.currentSurvey] ?? null),
    c.falling.map(dimLabel).join(t.sep),
    c.unsatisfied.map(dimLabel).join(t.sep),
    ATTENTION_REASONS.filter((r) => c.points[r] > 0)
      .map((r) => `${t.reasons[r]} ${c.points[r] / customers.weights[r]}×${customers.weights[r]}`)
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
