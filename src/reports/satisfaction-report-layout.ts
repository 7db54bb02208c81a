import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { bandLabel, FALL_THRESHOLD, type SatisfactionReportModel } from '../compute/satisfaction-report.js';
import { fillText } from '../document/fill-text.js';
import { formatDelta, formatRate, formatScore } from '../issues/format-number.js';
import type { Lang } from '../model/lang.js';
import type { ControlledDocument } from '../document/controlled-page.js';
import { ReportBuilder } from './report-builder.js';
import { KEEP_TOGETHER_ROWS } from './report-table.js';
import { punctuation } from '../text/punctuation.js';
import type { SatisfactionTexts } from './report-texts.js';

/** Names of the chart images in the PDF engine's file system; null where a chart is left out. */
export interface ReportCharts {
  readonly bands: string | null;
  readonly trend: string | null;
  readonly dimensions: string | null;
  readonly competitors: string | null;
}

export interface SatisfactionLayoutInput {
  readonly model: SatisfactionReportModel;
  readonly texts: SatisfactionTexts;
  readonly lang: Lang;
  readonly charts: ReportCharts;
  readonly controlled: Omit<ControlledDocument, 'lang' | 'contentWidth'>;
  /** Messages of the findings in the actions table, in the report's language. */
  readonly actionMessages: readonly string[];
  readonly unsatisfiedBelow: number;
  /** Longest table printed (config reports.maxTableRows). */
  readonly maxTableRows: number;
  /** The companion workbook's file name, where cut tables are complete. */
  readonly workbookName: string;
}

/**
 * The 客户满意度分析报告 as a pdfmake document: sections a)–d) of clause 5.7.1 and the causes and
 * actions of 5.7.2, under the controlled header of its form number. All figures come formatted
 * from the model; all wording from the texts file.
 */
export function layoutSatisfactionReport(input: SatisfactionLayoutInput): { definition: TDocumentDefinitions; missingGlyphs: string[] } {
  const { model: m, texts: t, lang } = input;
  const b = new ReportBuilder(t, lang, input.maxTableRows);
  const join = (items: readonly string[]) => items.join(t.words.and ?? '、');
  const s = m.statistics;
  const dims = m.dimensions;
  const full = { fullListIn: input.workbookName };

  b.push(b.text(fillText(t.subtitle, lang, { period: m.period, asOf: m.asOf }), { alignment: 'center', fontSize: 10.5, margin: [0, 0, 0, 4] }));

  // a) Overview
  const o = m.overview;
  const sentRange = o.firstSent === null ? '—' : o.lastSent !== null && o.lastSent !== o.firstSent ? `${o.firstSent}${t.words.to}${o.lastSent}` : o.firstSent;
  b.heading('overview')
    .sentence('overview', {
      period: m.period,
      sentRange,
      sent: o.sent,
      returned: o.returned,
      asOf: m.asOf,
      responseRate: formatRate(o.responseRate),
      responseRateMet: o.responseRateMet,
      responseRateGoal: formatRate(o.responseRateGoal),
      responseRateSource: o.responseRateSource,
    })
    .table('overview', [[m.period, sentRange, String(o.sent), String(o.returned), formatRate(o.responseRate), `≥ ${formatRate(o.responseRateGoal)}`]], {
      widths: ['*', 120, 56, 56, 64, 64],
      align: ['left', 'left', 'right', 'right', 'right', 'right'],
    })
    .sentence('distribution', { distribution: join(o.distribution) });
  const nr = m.nonResponse;
  if (nr.notReturned.length === 0) b.sentence('allReturned', { period: m.period, asOf: m.asOf });
  else
    b.sentence('notReturned', { period: m.period, asOf: m.asOf, count: nr.notReturned.length }).table(
      'notReturned',
      nr.notReturned.map((c) => [c.customer, c.sent ?? '—']),
      { widths: ['*', 90], align: ['left', 'center'], fontSize: 9, ...full },
    );
  if (nr.notSurveyed !== null) {
    if (nr.notSurveyed.length === 0) b.sentence('allSurveyed', { period: m.period, year: m.asOf.slice(0, 4) });
    else
      b.sentence('notSurveyed', {
        period: m.period,
        year: m.asOf.slice(0, 4),
        count: nr.notSurveyed.length,
        list: join(nr.notSurveyed.slice(0, input.maxTableRows)),
        more: Math.max(0, nr.notSurveyed.length - input.maxTableRows),
      });
  }

  // b) Statistical results
  b.heading('statistics');
  if (s.mean === null) b.sentence('noScores');
  else {
    b.sentence('mean', {
      mean: formatScore(s.mean),
      band: bandLabel(s.band, lang),
      meanGoalMet: s.meanGoalMet,
      meanGoal: s.meanGoal,
      meanGoalSource: s.meanGoalSource,
      median: formatScore(s.median),
      stdev: formatScore(s.stdev),
      min: formatScore(s.min),
      max: formatScore(s.max),
      ciLow: formatScore(s.ciLow),
      ciHigh: formatScore(s.ciHigh),
    }).table(
      'statistics',
      [
        [
          String(s.n),
          formatScore(s.mean),
          formatScore(s.median),
          formatScore(s.stdev),
          formatScore(s.min),
          formatScore(s.max),
          s.ciLow === null ? '—' : `${formatScore(s.ciLow)}–${formatScore(s.ciHigh)}`,
        ],
      ],
      { align: Array(7).fill('right') },
    );
    if (s.smallSample) b.warning('smallSample', { n: s.n });
  }
  b.chart(input.charts.bands)
    .table(
      'bands',
      m.bands.map((band) => [
        bandLabel(band.band, lang),
        band.to === null ? `${band.from}${t.words.andAbove}` : band.from === 0 ? `< ${band.to}` : `${band.from} – < ${band.to}`,
        String(band.count),
        formatRate(band.share),
      ]),
      { widths: ['*', 120, 70, 70], align: ['left', 'left', 'right', 'right'] },
    )
    .subheading('dimensions')
    .table(
      'dimensions',
      dims.map((d) => [
        d.label,
        formatScore(d.mean),
        bandLabel(d.band, lang),
        String(d.responses),
        d.satisfied === null ? '—' : b.word(d.satisfied ? 'satisfiedItem' : 'unsatisfiedItem'),
        d.department,
      ]),
      { widths: ['*', 44, 70, 50, 76, 90], align: ['left', 'right', 'left', 'right', 'left', 'left'] },
    )
    .sentence('items', { satisfied: join(m.satisfiedItems), unsatisfied: join(m.unsatisfiedItems), threshold: input.unsatisfiedBelow })
    .subheading('customers')
    .table(
      [...(t.tables.customers ?? []), ...dims.map((d) => d.label)],
      m.customers.map((c, i) => [
        String(i + 1),
        c.customer,
        formatScore(c.overall),
        bandLabel(c.band, lang),
        ...dims.map((d) => formatScore(c.scores[d.id] ?? null)),
      ]),
      {
        widths: [26, '*', 46, 62, ...dims.map(() => 44)],
        align: ['right', 'left', 'right', 'left', ...dims.map(() => 'right' as const)],
        fontSize: 9,
        ...full,
      },
    );

  // c) Trend
  b.heading('trend');
  const trend = m.trend;
  if (trend.periods.length < 2) b.sentence('trendSingle');
  else b.chart(input.charts.trend).chart(input.charts.dimensions);
  b.table(
    [...(t.tables.trend ?? []), ...dims.map((d) => d.label)],
    trend.periods.map((p) => [
      p.period,
      String(p.sent),
      String(p.returned),
      formatRate(p.responseRate),
      formatScore(p.mean),
      ...dims.map((d) => formatScore(p.dimensions[d.id] ?? null)),
    ]),
    {
      widths: ['*', 40, 40, 52, 46, ...dims.map(() => 48)],
      align: ['left', 'right', 'right', 'right', 'right', ...dims.map(() => 'right' as const)],
      fontSize: 9,
    },
  );
  if (trend.change) {
    const c = trend.change;
    const rounded = Math.round(c.delta * 10) / 10;
    b.sentence('trendChange', {
      previousPeriod: m.previousPeriod,
      up: rounded > 0,
      down: rounded < 0,
      deltaAbs: formatScore(Math.abs(c.delta)),
      tested: c.p !== null,
      p: c.p === null ? '' : c.p < 0.001 ? 'p < 0.001' : `p = ${c.p.toFixed(3)}`,
      significant: c.significant === true,
    });
  }
  // Each customer against their previous answer, the overall score and every item: the drops the
  // customer histories and the management review list too.
  if (trend.periods.length >= 2) {
    const drops = trend.drops;
    if (drops.length === 0) b.sentence('noDrops', { threshold: FALL_THRESHOLD });
    else
      b.together(() =>
        b
          .sentence('drops', {
            threshold: FALL_THRESHOLD,
            customers: new Set(drops.map((d) => d.customer)).size,
            overall: drops.filter((d) => d.item === 'overall').length,
            items: drops.filter((d) => d.item !== 'overall').length,
          })
          .table(
            'drops',
            drops.map((d) => [d.customer, d.label, d.previousPeriod, formatScore(d.previous), formatScore(d.current), formatDelta(d.delta)]),
            { widths: ['*', 64, 56, 48, 48, 48], align: ['left', 'left', 'left', 'right', 'right', 'right'], fontSize: 9, ...full },
          ),
      );
  }

  // d) Competitors
  b.heading('competitors');
  if (m.competitors.length === 0) b.sentence('noCompetitors');
  else {
    b.sentence('competitors', { responses: m.competitors.reduce((n, c) => n + c.responses, 0) })
      .chart(input.charts.competitors)
      .table(
        'competitors',
        m.competitors.map((c) => [c.competitor, String(c.responses), formatScore(c.theirs), formatScore(c.ours), formatDelta(c.difference)]),
        {
          widths: ['*', 50, 70, 70, 70],
          align: ['left', 'right', 'right', 'right', 'right'],
        },
      );
  }

  // Causes and actions (5.7.2–5.7.3)
  b.heading('causes');
  if (m.causes.lowest && m.causes.lowest.mean !== null)
    b.sentence('lowest', { label: m.causes.lowest.label, mean: formatScore(m.causes.lowest.mean), department: m.causes.lowest.department });
  for (const d of m.causes.unsatisfied)
    b.sentence('unsatisfiedItem', { label: d.label, mean: formatScore(d.mean), threshold: input.unsatisfiedBelow, department: d.department });
  b.subheading('comments');
  if (m.causes.comments.length === 0) b.sentence('noComments');
  // Comments, like table rows, are printed up to the table limit; the workbook has them all.
  let room = input.maxTableRows;
  let left = 0;
  for (const group of m.causes.comments) {
    const shown = group.items.slice(0, Math.max(0, room));
    room -= shown.length;
    left += group.items.length - shown.length;
    if (shown.length === 0) continue;
    // A group's name never ends a page without its comments (the name alone says nothing).
    b.labelled(
      b.text(punctuation(lang).aside(group.label, String(group.items.length)), { bold: true, margin: [0, 3, 0, 1] }),
      { ul: shown.map((c) => b.text(punctuation(lang).attribution(c.text, c.customer), { fontSize: 9.5 })), margin: [8, 0, 0, 4] },
      shown.length <= KEEP_TOGETHER_ROWS,
    );
  }
  if (left > 0)
    b.sentence('truncated', { shown: input.maxTableRows, total: input.maxTableRows + left, where: input.workbookName }, { italics: true, fontSize: 9 });
  b.subheading('actions');
  if (m.actions.length === 0) b.sentence('noActions');
  else {
    b.table(
      'actions',
      m.actions.map((a, i) => [String(i + 1), input.actionMessages[i] ?? '', a.department, t.actions[a.rule] ?? '', '']),
      { widths: [24, '*', 58, 150, 58], align: ['right', 'left', 'left', 'left', 'left'], fullListIn: 'findings.xlsx' },
    );
  }
  return b.document(input.controlled, m.asOf, m.period);
}
