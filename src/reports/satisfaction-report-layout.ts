import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { bandLabel, FALL_THRESHOLD, type SatisfactionReportModel } from '../compute/satisfaction-report.js';
import { fillText } from '../forms/fill-text.js';
import { formatDelta, formatRate, formatScore } from '../issues/format-number.js';
import type { Lang } from '../model/lang.js';
import { controlledFurniture, PAGE_MARGINS, type ControlledDocument } from '../render/pdf/controlled-page.js';
import { PRIMARY_FONT } from '../render/pdf/font-set.js';
import { keepHeadingsWithNext, reportTable } from '../render/pdf/report-table.js';
import { MissingGlyphs, textNode } from '../render/pdf/text-node.js';
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
}

const CONTENT_WIDTH = 595.28 - PAGE_MARGINS[0] - PAGE_MARGINS[2];
const WARN = '#c00000';

/**
 * The 客户满意度分析报告 as a pdfmake document: sections a)–d) of clause 5.7.1 and the causes and
 * actions of 5.7.2, under the controlled header of its form number. All figures come formatted
 * from the model; all wording from the texts file.
 */
export function layoutSatisfactionReport(input: SatisfactionLayoutInput): { definition: TDocumentDefinitions; missingGlyphs: string[] } {
  const { model: m, texts: t, lang } = input;
  const missing = new MissingGlyphs();
  const say = (key: string, context: object) => fillText(t.sentences[key] ?? `[${key}]`, lang, context);
  const para = (text: string, style: Parameters<typeof textNode>[1] = {}): Content => textNode(text, { margin: [0, 2, 0, 6], lineHeight: 1.3, ...style }, missing);
  const heading = (key: string): Content => ({ ...textNode(t.headings[key] ?? key, { bold: true, fontSize: 13, margin: [0, 10, 0, 4] }, missing), headlineLevel: 1 });
  const subheading = (key: string): Content => ({ ...textNode(t.headings[key] ?? key, { bold: true, fontSize: 11, margin: [0, 6, 0, 3] }, missing), headlineLevel: 2 });
  const table = (key: string, rows: string[][], widths?: (number | '*' | 'auto')[], align?: ('left' | 'center' | 'right')[]) =>
    reportTable(t.tables[key] ?? [], rows, { ...(widths ? { widths } : {}), ...(align ? { align } : {}), missing });
  const chart = (name: string | null): Content[] => (name === null ? [] : [{ image: name, width: CONTENT_WIDTH, margin: [0, 4, 0, 6] }]);
  const join = (items: readonly string[]) => items.join(t.words.and ?? '、');
  const s = m.statistics;
  const dims = m.dimensions;
  const content: Content[] = [];

  content.push(textNode(fillText(t.subtitle, lang, { period: m.period, asOf: m.asOf }), { alignment: 'center', fontSize: 10.5, margin: [0, 0, 0, 4] }, missing));

  // a) Overview
  const o = m.overview;
  const sentRange = o.firstSent === null ? '—' : o.lastSent !== null && o.lastSent !== o.firstSent ? `${o.firstSent}${t.words.to}${o.lastSent}` : o.firstSent;
  content.push(
    heading('overview'),
    para(say('overview', { period: m.period, sentRange, sent: o.sent, returned: o.returned, asOf: m.asOf, responseRate: formatRate(o.responseRate), responseRateMet: o.responseRateMet, responseRateGoal: formatRate(o.responseRateGoal) })),
    table('overview', [[m.period, sentRange, String(o.sent), String(o.returned), formatRate(o.responseRate), `≥ ${formatRate(o.responseRateGoal)}`]], ['*', 120, 56, 56, 64, 64], ['left', 'left', 'right', 'right', 'right', 'right']),
    para(say('distribution', { distribution: join(o.distribution) })),
  );

  // b) Statistical results
  content.push(heading('statistics'));
  if (s.mean === null) content.push(para(say('noScores', {})));
  else {
    content.push(
      para(say('mean', { mean: formatScore(s.mean), band: bandLabel(s.band, lang), meanGoalMet: s.meanGoalMet, meanGoal: s.meanGoal, median: formatScore(s.median), stdev: formatScore(s.stdev), min: formatScore(s.min), max: formatScore(s.max), ciLow: formatScore(s.ciLow), ciHigh: formatScore(s.ciHigh) })),
      table('statistics', [[String(s.n), formatScore(s.mean), formatScore(s.median), formatScore(s.stdev), formatScore(s.min), formatScore(s.max), s.ciLow === null ? '—' : `${formatScore(s.ciLow)}–${formatScore(s.ciHigh)}`]], undefined, Array(7).fill('right')),
    );
    if (s.smallSample) content.push(para(say('smallSample', { n: s.n }), { color: WARN, bold: true }));
  }
  content.push(
    ...chart(input.charts.bands),
    table(
      'bands',
      m.bands.map((b) => [bandLabel(b.band, lang), b.to === null ? `${b.from}${t.words.andAbove}` : b.from === 0 ? `< ${b.to}` : `${b.from} – < ${b.to}`, String(b.count), formatRate(b.share)]),
      ['*', 120, 70, 70],
      ['left', 'left', 'right', 'right'],
    ),
    subheading('dimensions'),
    table(
      'dimensions',
      dims.map((d) => [d.label, formatScore(d.mean), bandLabel(d.band, lang), String(d.responses), d.satisfied === null ? '—' : d.satisfied ? t.words.satisfied! : t.words.unsatisfied!, d.department]),
      ['*', 56, 70, 60, 60, 90],
      ['left', 'right', 'left', 'right', 'left', 'left'],
    ),
    para(say('items', { satisfied: join(m.satisfiedItems), unsatisfied: join(m.unsatisfiedItems), threshold: input.unsatisfiedBelow })),
    subheading('customers'),
    reportTable(
      [...(t.tables.customers ?? []), ...dims.map((d) => d.label)],
      m.customers.map((c, i) => [String(i + 1), c.customer, formatScore(c.overall), bandLabel(c.band, lang), ...dims.map((d) => formatScore(c.scores[d.id] ?? null))]),
      { widths: [26, '*', 46, 54, ...dims.map(() => 44)], align: ['right', 'left', 'right', 'left', ...dims.map(() => 'right' as const)], fontSize: 9, missing },
    ),
  );

  // c) Trend
  content.push(heading('trend'));
  const trend = m.trend;
  if (trend.periods.length < 2) content.push(para(say('trendSingle', {})));
  else content.push(...chart(input.charts.trend), ...chart(input.charts.dimensions));
  content.push(
    reportTable(
      [...(t.tables.trend ?? []), ...dims.map((d) => d.label)],
      trend.periods.map((p) => [p.period, String(p.sent), String(p.returned), formatRate(p.responseRate), formatScore(p.mean), ...dims.map((d) => formatScore(p.dimensions[d.id] ?? null))]),
      { widths: ['*', 40, 40, 52, 46, ...dims.map(() => 48)], align: ['left', 'right', 'right', 'right', 'right', ...dims.map(() => 'right' as const)], fontSize: 9, missing },
    ),
  );
  if (trend.change) {
    const c = trend.change;
    const rounded = Math.round(c.delta * 10) / 10;
    content.push(
      para(
        say('trendChange', {
          previousPeriod: m.previousPeriod,
          up: rounded > 0,
          down: rounded < 0,
          deltaAbs: formatScore(Math.abs(c.delta)),
          tested: c.p !== null,
          p: c.p === null ? '' : c.p < 0.001 ? 'p < 0.001' : `p = ${c.p.toFixed(3)}`,
          significant: c.significant === true,
        }),
      ),
    );
    if (trend.fallers.length > 0) {
      content.push(
        para(say('fallers', { threshold: FALL_THRESHOLD })),
        table('fallers', trend.fallers.map((f) => [f.customer, formatScore(f.previous), formatScore(f.current), formatDelta(f.delta)]), ['*', 70, 70, 70], ['left', 'right', 'right', 'right']),
      );
    } else content.push(para(say('noFallers', { threshold: FALL_THRESHOLD })));
  }

  // d) Competitors
  content.push(heading('competitors'));
  if (m.competitors.length === 0) content.push(para(say('noCompetitors', {})));
  else {
    content.push(
      para(say('competitors', { responses: m.competitors.reduce((n, c) => n + c.responses, 0) })),
      ...chart(input.charts.competitors),
      table('competitors', m.competitors.map((c) => [c.competitor, String(c.responses), formatScore(c.theirs), formatScore(c.ours), formatDelta(c.difference)]), ['*', 50, 70, 70, 70], ['left', 'right', 'right', 'right', 'right']),
    );
  }

  // Causes and actions (5.7.2–5.7.3)
  content.push(heading('causes'));
  if (m.causes.lowest && m.causes.lowest.mean !== null) {
    content.push(para(say('lowest', { label: m.causes.lowest.label, mean: formatScore(m.causes.lowest.mean), department: m.causes.lowest.department })));
  }
  for (const d of m.causes.unsatisfied) {
    content.push(para(say('unsatisfiedItem', { label: d.label, mean: formatScore(d.mean), threshold: input.unsatisfiedBelow, department: d.department })));
  }
  content.push(subheading('comments'));
  if (m.causes.comments.length === 0) content.push(para(say('noComments', {})));
  for (const group of m.causes.comments) {
    content.push(
      textNode(`${group.label}（${group.items.length}）`, { bold: true, margin: [0, 3, 0, 1] }, missing),
      { ul: group.items.map((c) => textNode(`${c.text}——${c.customer}`, { fontSize: 9.5 }, missing)), margin: [8, 0, 0, 4] },
    );
  }
  content.push(subheading('actions'));
  if (m.actions.length === 0) content.push(para(say('noActions', {})));
  else {
    content.push(
      table(
        'actions',
        m.actions.map((a, i) => [String(i + 1), input.actionMessages[i] ?? '', a.department, t.actions[a.rule] ?? '', '']),
        [24, '*', 58, 150, 58],
        ['right', 'left', 'left', 'left', 'left'],
      ),
    );
  }

  const { header, footer } = controlledFurniture({ ...input.controlled, lang, contentWidth: CONTENT_WIDTH }, missing);
  const stamp = new Date(`${m.asOf}T00:00:00Z`);
  return {
    definition: {
      pageSize: 'A4',
      pageMargins: PAGE_MARGINS,
      header,
      footer,
      content,
      pageBreakBefore: keepHeadingsWithNext,
      defaultStyle: { font: PRIMARY_FONT, fontSize: 10, lineHeight: 1.2 },
      info: { title: `${input.controlled.title} ${m.period}`, author: input.controlled.company ?? '', subject: input.controlled.number, creator: 'qmsdoc', producer: 'qmsdoc', creationDate: stamp, modDate: stamp },
    },
    missingGlyphs: [...missing.chars].sort(),
  };
}
