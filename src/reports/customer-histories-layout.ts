import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Config } from '../config/config.js';
import { categoryName, complaintCategories } from '../config/categories.js';
import { fillText } from '../document/fill-text.js';
import { formatDelta, formatScore } from '../issues/format-number.js';
import { ATTENTION_REASONS, type CustomerHistory, type CustomersSummary } from '../model/customer-histories.js';
import type { Lang } from '../model/lang.js';
import type { ControlledDocument } from '../document/controlled-page.js';
import { ReportBuilder } from './report-builder.js';
import type { ReportTexts } from './report-texts.js';

/** Customers given a history of their own in the PDF; the workbook sheet has every customer. */
export const DETAILED_CUSTOMERS = 30;

export interface CustomerHistoriesLayoutInput {
  readonly customers: CustomersSummary;
  readonly config: Config;
  readonly texts: ReportTexts;
  readonly lang: Lang;
  readonly controlled: Omit<ControlledDocument, 'lang' | 'contentWidth'>;
  /** Where the full list is (the satisfaction workbook's name), for the note under a cut table. */
  readonly workbookName: string | null;
}

/**
 * The customer's latest returned overall score, with its period under it when that is not the
 * reported one (an old answer should not read as this round's); "—" without one.
 */
export function latestScore(c: CustomerHistory, period: string | null): string {
  const answered = c.surveys.filter((s) => s.returned && s.overall !== null);
  const last = answered[answered.length - 1];
  if (!last) return '—';
  return last.period === period ? formatScore(last.overall) : `${formatScore(last.overall)}\n(${last.period})`;
}

/**
 * customers-<year>.pdf: the method and the attention score's formula, every customer ranked, the
 * history of the customers needing most attention (orders, complaints, survey answers by period,
 * the trend, the score's terms), and the customers who did not answer the round's survey. Every
 * figure is summary.json's `customers` block, formatted.
 */
export function layoutCustomerHistories(input: CustomerHistoriesLayoutInput): { definition: TDocumentDefinitions; missingGlyphs: string[] } {
  const { customers: h, config, texts: t, lang } = input;
  const b = new ReportBuilder(t, lang, config.reports.maxTableRows);
  const w = (key: string) => b.word(key);
  const sep = w('listSep');
  const dims = config.satisfaction.dimensions;
  const dimLabel = (id: string) => (id === 'overall' ? w('overall') : (dims.find((d) => d.id === id)?.label[lang] ?? id));
  const period = h.period ?? '—';
  const context = { year: h.year, from: h.from, to: h.to, period, count: h.list.length, window: config.complaints.repeatWindowDays };
  const reasonLabel = (r: string) => w(`reason.${r}`).replace('{n}', String(r === 'falling' ? h.fallThreshold : h.unsatisfiedBelow));

  b.push(b.text(fillText(t.subtitle, lang, context), { alignment: 'center', fontSize: 10, margin: [0, 0, 0, 4] }));

  b.heading('method').sentence('population', context).sentence('formula');
  b.table(
    'weights',
    ATTENTION_REASONS.map((r) => [reasonLabel(r), w(`per.${r}`), String(h.weights[r])]),
    { widths: ['*', 60, 50], align: ['left', 'center', 'right'], fontSize: 9 },
  );

  const attention = h.list.filter((c) => c.attention > 0);
  b.heading('ranking').sentence('ranking', { ...context, attention: attention.length });
  b.table(
    'ranking',
    h.list.map((c, i) => [
      String(i + 1),
      c.customer,
      String(c.attention),
      String(c.orders.total),
      String(c.orders.reviewGaps),
      String(c.complaints.total),
      String(c.complaints.open),
      String(c.complaints.major),
      String(c.complaints.repeats),
      String(c.complaints.returns),
      latestScore(c, h.period),
      w(`survey.${c.currentSurvey ?? 'none'}`),
    ]),
    {
      // The customer column takes what is left: a company name of 14 characters on one line at 7.5 pt.
      // 评审缺口 and "Complaints" fit their headers; the latest score fits "(2025H1)" under it whole.
      widths: [10, '*', 24, 26, 34, 40, 22, 24, 28, 28, 36, 36],
      align: ['right', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'center'],
      fontSize: 7.5,
      ...(input.workbookName ? { fullListIn: input.workbookName } : {}),
    },
  );

  const detailed = attention.slice(0, DETAILED_CUSTOMERS);
  if (detailed.length > 0) {
    b.heading('details').sentence('details', { shown: detailed.length, total: attention.length });
    for (const [i, c] of detailed.entries()) b.together(() => customerBlock(b, c, i + 1));
  }

  b.heading('noAnswer');
  if (h.period === null) b.sentence('noPeriod');
  else {
    const missing = h.list.filter((c) => c.currentSurvey === 'not_returned' || c.currentSurvey === 'not_surveyed');
    if (missing.length === 0) b.sentence('noAnswerNone', context);
    else {
      b.sentence('noAnswerList', {
        ...context,
        count: missing.length,
        notReturned: missing.filter((c) => c.currentSurvey === 'not_returned').length,
        notSurveyed: missing.filter((c) => c.currentSurvey === 'not_surveyed').length,
      });
      b.table(
        'noAnswer',
        missing.map((c) => {
          const answered = c.surveys.filter((s) => s.returned);
          const last = answered[answered.length - 1];
          return [c.customer, w(`survey.${c.currentSurvey}`), last?.period ?? '—', formatScore(last?.overall ?? null), String(c.complaints.total)];
        }),
        { widths: ['*', 60, 60, 50, 60], align: ['left', 'center', 'center', 'right', 'right'], fontSize: 9 },
      );
    }
  }
  return b.document(input.controlled, h.to, h.year);

  function customerBlock(builder: ReportBuilder, c: CustomerHistory, rank: number): void {
    const categories = complaintCategories(config);
    builder.para(builder.say('customerTitle', { rank, customer: c.customer, attention: c.attention }), { bold: true, fontSize: 11, margin: [0, 8, 0, 2] });
    builder.sentence('orders', {
      total: c.orders.total,
      nonStandard: c.orders.nonStandard,
      gaps: c.orders.reviewGaps,
      rules: Object.entries(c.orders.reviewGapsByRule)
        .map(([rule, n]) => `${rule}×${n}`)
        .join(sep),
    });
    builder.sentence('complaints', {
      total: c.complaints.total,
      categories: Object.entries(c.complaints.byCategory)
        .map(([id, n]) => `${categoryName(id, lang, categories)} ${n}`)
        .join(sep),
      open: c.complaints.open,
      openNos: c.complaints.openNos.join(sep),
      major: c.complaints.major,
      repeats: c.complaints.repeats,
      repeatNos: c.complaints.repeatNos.join(sep),
      returns: c.complaints.returns,
    });
    if (c.surveys.length === 0) builder.sentence('noSurvey', { period });
    else {
      const head = t.tables.surveys ?? [];
      builder.table(
        [head[0] ?? '', head[1] ?? '', ...dims.map((d) => d.label[lang]), head[2] ?? ''],
        c.surveys.map((s) => [
          s.period,
          w(s.returned ? 'survey.returned' : 'survey.not_returned'),
          ...dims.map((d) => mark(s.scores[d.id] ?? null, s === lastAnswered(c) && c.unsatisfied.includes(d.id))),
          formatScore(s.overall),
        ]),
        { widths: [50, 50, ...dims.map(() => '*' as const), 50], align: ['left', 'center', ...dims.map(() => 'right' as const), 'right'], fontSize: 8.5 },
      );
      if (c.trend === null) builder.sentence('noTrend');
      else
        builder.sentence('trend', {
          from: c.trend.from,
          to: c.trend.to,
          changes: c.trend.changes
            .map((x) => {
              const text = w('change')
                .replace('{item}', dimLabel(x.item))
                .replace('{from}', formatScore(x.from))
                .replace('{to}', formatScore(x.to))
                .replace('{delta}', formatDelta(x.delta));
              return c.falling.includes(x.item) ? `${text} ${w('falls')}` : text;
            })
            .join(sep),
        });
    }
    const terms = ATTENTION_REASONS.filter((r) => c.points[r] > 0).map((r) =>
      w('term')
        .replace('{label}', reasonLabel(r))
        .replace('{count}', String(c.points[r] / h.weights[r]))
        .replace('{weight}', String(h.weights[r])),
    );
    builder.sentence('points', { attention: c.attention, terms: terms.length === 0 ? w('none') : terms.join(' + ') });
  }

  /** A score, with the unsatisfied mark ("65 <75") where the latest answer is below the threshold. */
  function mark(score: number | null, unsatisfied: boolean): string {
    if (score === null) return '—';
    return unsatisfied ? `${formatScore(score)} ${w('unsatisfiedMark').replace('{n}', String(h.unsatisfiedBelow))}` : formatScore(score);
  }
}

function lastAnswered(c: CustomerHistory) {
  const answered = c.surveys.filter((s) => s.returned);
  return answered[answered.length - 1];
}
