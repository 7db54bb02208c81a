import type { Config } from '../../config/config.js';
import type { SatisfactionReportModel } from '../../compute/satisfaction-report.js';
import type { Lang } from '../../model/lang.js';
import { BAND_LABELS, type SatisfactionAnalysis } from '../../model/satisfaction.js';
import { writeTable } from './sheet-style.js';
import { XlsxBook } from './xlsx-book.js';

const TEXT = {
  zh: {
    responses: '调查回收明细',
    stats: '本期统计',
    trend: '趋势',
    responseColumns: ['期次', '客户', '发放日期', '回收日期', '已回收', '综合得分（表上）', '各项加权平均', '采用得分', '等级', '竞争对手', '竞争对手得分', '意见和建议', '来源'],
    statColumns: ['指标', '数值'],
    yes: '是',
    no: '否',
    stat: { sent: '发放份数', returned: '回收份数', rate: '回收率', n: '有效评分', mean: '均分', median: '中位数', stdev: '标准差（样本）', min: '最低', max: '最高', ciLow: '95% 置信区间下限', ciHigh: '95% 置信区间上限' },
    trendColumns: ['期次', '发放', '回收', '回收率', '均分'],
    row: '行',
  },
  en: {
    responses: 'Responses',
    stats: 'Period statistics',
    trend: 'Trend',
    responseColumns: ['Round', 'Customer', 'Sent', 'Returned on', 'Returned', 'Overall (on form)', 'Weighted item mean', 'Score used', 'Band', 'Competitor', 'Competitor score', 'Comments', 'Source'],
    statColumns: ['Figure', 'Value'],
    yes: 'yes',
    no: 'no',
    stat: { sent: 'Sent', returned: 'Returned', rate: 'Response rate', n: 'Scored responses', mean: 'Mean', median: 'Median', stdev: 'Standard deviation (sample)', min: 'Lowest', max: 'Highest', ciLow: '95% CI low', ciHigh: '95% CI high' },
    trendColumns: ['Round', 'Sent', 'Returned', 'Rate', 'Mean'],
    row: 'row',
  },
} as const;

/**
 * satisfaction-<period>.xlsx: every response of the period and of the one before it with the score
 * the report used and its band, the period's statistics and the trend table — unrounded numbers, so QA can check each figure.
 */
export function renderSatisfactionWorkbook(model: SatisfactionReportModel, analysis: SatisfactionAnalysis, config: Config, lang: Lang): Buffer {
  const t = TEXT[lang];
  const wb = new XlsxBook({ date: model.asOf, creator: 'qmsdoc', font: lang === 'zh' ? '等线' : 'Calibri' });
  const dims = config.satisfaction.dimensions;

  const responses = wb.addSheet(t.responses);
  const head = [...t.responseColumns.slice(0, 5), ...dims.map((d) => d.label[lang]), ...t.responseColumns.slice(5)];
  // The reported period and the one it is compared with (the change, the customers who fell):
  // every earlier period is in the trend sheet as figures, and a ledger of years would make a
  // workbook of 100,000 rows nobody opens.
  const at = analysis.periods.findIndex((p) => p.period === model.period);
  const compared = at < 0 ? [] : analysis.periods.slice(Math.max(0, at - 1), at + 1);
  const rows = compared.flatMap((p) =>
    p.responses.map((s) => {
      const r = s.response;
      const where = `${r.provenance.file}${r.provenance.sheet ? ` › ${r.provenance.sheet}` : ''} › ${t.row} ${r.provenance.row}`;
      return [
        r.period,
        r.customer,
        r.sentDate,
        r.returnedDate,
        s.returned ? t.yes : t.no,
        ...dims.map((d) => r.scores[d.id] ?? null),
        r.overall,
        s.dimensionMean,
        s.overall,
        s.band ? BAND_LABELS[s.band][lang] : null,
        r.competitor,
        r.competitorScore,
        r.comments,
        where,
      ];
    }),
  );
  // Scores unrounded, shown with one decimal at least.
  const scoreColumns = Object.fromEntries(Array.from({ length: dims.length + 3 }, (_, i) => [5 + i, '0.0#####']));
  writeTable(responses, head, rows, { maxWidth: [10, 30, 12, 12, 8, ...dims.map(() => 10), 12, 12, 10, 10, 12, 12, 40, 40], wrap: [head.length - 2], numFmt: scoreColumns });

  const stats = wb.addSheet(t.stats);
  const s = model.statistics;
  const statRows: (string | number | null)[][] = [
    [t.stat.sent, model.overview.sent],
    [t.stat.returned, model.overview.returned],
    [t.stat.rate, model.overview.responseRate],
    [t.stat.n, s.n],
    [t.stat.mean, s.mean],
    [t.stat.median, s.median],
    [t.stat.stdev, s.stdev],
    [t.stat.min, s.min],
    [t.stat.max, s.max],
    [t.stat.ciLow, s.ciLow],
    [t.stat.ciHigh, s.ciHigh],
    ...model.bands.map((b) => [BAND_LABELS[b.band][lang], b.count]),
    ...model.dimensions.map((d) => [d.label, d.mean]),
  ];
  writeTable(stats, [`${model.period}`, t.statColumns[1]], statRows, { maxWidth: [28, 18], filter: false, cellStyle: (r, c) => (r === 2 && c === 1 ? { numFmt: '0.0%' } : undefined) });

  const trend = wb.addSheet(t.trend);
  writeTable(
    trend,
    [...t.trendColumns, ...dims.map((d) => d.label[lang])],
    model.trend.periods.map((p) => [p.period, p.sent, p.returned, p.responseRate, p.mean, ...dims.map((d) => p.dimensions[d.id] ?? null)]),
    { maxWidth: [12, 8, 8, 10, 10, ...dims.map(() => 12)], numFmt: { 3: '0.0%' } },
  );
  return wb.toBuffer();
}
