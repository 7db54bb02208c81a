import { BAND_LABELS } from '../text/domain-labels.js';
import type { Config } from '../config/config.js';
import type { SatisfactionReportModel } from '../compute/satisfaction-report.js';
import type { Lang } from '../model/lang.js';
import type { SatisfactionAnalysis } from '../model/satisfaction.js';
import { writeTable } from '../render/excel/sheet-style.js';
import { dateCell, XlsxBook, type XlsxSheet } from '../render/excel/xlsx-book.js';
import { type MessageKey, messages } from '../text/messages.js';
import type { CustomersSummary } from '../model/customer-histories.js';
import { addCustomerHistoriesSheet } from './customer-histories-sheet.js';

/** Scores and means: one decimal shown, the full value kept in the cell. */
const SCORE_FORMAT = '0.0';

/** The keys of templates/messages/satisfaction-workbook.<lang>.json. */
type WorkbookKey = MessageKey<typeof import('../../templates/messages/satisfaction-workbook.zh.json', { with: { type: 'json' }})>;

const RESPONSE_COLUMNS = ['period', 'customer', 'sent', 'returnedOn', 'returned'] as const;
const RESPONSE_COLUMNS_AFTER = ['overall', 'itemMean', 'scoreUsed', 'band', 'competitor', 'competitorScore', 'comments', 'source'] as const;
const TREND_COLUMNS = ['period', 'sent', 'returned', 'rate', 'mean'] as const;

/**
 * satisfaction-<period>.xlsx: every response of the period and of the one before it with the score
 * the report used and its band, the period's statistics and the trend table — numbers kept unrounded
 * (shown rounded, as the report prints them), dates as dates, every sheet ready to print; with
 * the customer histories, their 客户档案 sheet (every customer, by attention score).
 */
export function renderSatisfactionWorkbook(
  model: SatisfactionReportModel,
  analysis: SatisfactionAnalysis,
  config: Config,
  lang: Lang,
  customers: CustomersSummary | null = null,
): Buffer {
  const t = messages<WorkbookKey>('satisfaction-workbook', lang);
  const wb = new XlsxBook({ date: model.asOf, creator: 'qmsdoc', font: lang === 'zh' ? '等线' : 'Calibri' });
  const dims = config.satisfaction.dimensions;

  const responses = wb.addSheet(t('sheet.responses'));
  const head = [
    ...RESPONSE_COLUMNS.map((c) => t(`responseColumns.${c}`)),
    ...dims.map((d) => d.label[lang]),
    ...RESPONSE_COLUMNS_AFTER.map((c) => t(`responseColumnsAfter.${c}`)),
  ];
  // The reported period and the one it is compared with (the change, the customers who fell):
  // every earlier period is in the trend sheet as figures, and a ledger of years would make a
  // workbook of 100,000 rows nobody opens.
  const at = analysis.periods.findIndex((p) => p.period === model.period);
  const compared = at < 0 ? [] : analysis.periods.slice(Math.max(0, at - 1), at + 1);
  const rows = compared.flatMap((p) =>
    p.responses.map((s) => {
      const r = s.response;
      const where = `${r.provenance.file}${r.provenance.sheet ? ` › ${r.provenance.sheet}` : ''} › ${t('row')} ${r.provenance.row}`;
      return [
        r.period,
        r.customer,
        dateCell(r.sentDate),
        dateCell(r.returnedDate),
        s.returned ? t('yes') : t('no'),
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
  // Scores kept unrounded in the cell, shown with one decimal as the report prints them.
  const scoreColumns: Record<number, string> = Object.fromEntries(Array.from({ length: dims.length + 3 }, (_, i) => [5 + i, SCORE_FORMAT]));
  scoreColumns[head.length - 3] = SCORE_FORMAT; // the competitor's score
  // Score columns wide enough for "100.0" under a short header (服务, 价格).
  const minWidth = Object.fromEntries(Object.keys(scoreColumns).map((i) => [Number(i), 8]));
  // Narrow enough to print one page wide on landscape A4 at a readable size; long text wraps.
  const place = writeTable(responses, head, rows, {
    maxWidth: [8, 22, 11, 11, 7, ...dims.map(() => 9), 10, 10, 9, 9, 10, 10, 24, 22],
    minWidth,
    wrap: [1, 9, 10, head.length - 5, head.length - 4, head.length - 2, head.length - 1],
    numFmt: scoreColumns,
  });
  const headerRows = new Map<XlsxSheet, number>([[responses, place.headerRow]]);

  const stats = wb.addSheet(t('sheet.stats'));
  const s = model.statistics;
  // Each figure with the format it is read in: counts whole, the rate in %, scores to one decimal.
  const statRows: [string, number | null, string][] = [
    [t('stat.sent'), model.overview.sent, '0'],
    [t('stat.returned'), model.overview.returned, '0'],
    [t('stat.rate'), model.overview.responseRate, '0.0%'],
    [t('stat.n'), s.n, '0'],
    [t('stat.mean'), s.mean, SCORE_FORMAT],
    [t('stat.median'), s.median, SCORE_FORMAT],
    [t('stat.stdev'), s.stdev, '0.00'],
    [t('stat.min'), s.min, SCORE_FORMAT],
    [t('stat.max'), s.max, SCORE_FORMAT],
    [t('stat.ciLow'), s.ciLow, SCORE_FORMAT],
    [t('stat.ciHigh'), s.ciHigh, SCORE_FORMAT],
    ...model.bands.map((b): [string, number, string] => [BAND_LABELS[b.band][lang], b.count, '0']),
    ...model.dimensions.map((d): [string, number | null, string] => [d.label, d.mean, SCORE_FORMAT]),
  ];
  const statPlace = writeTable(
    stats,
    [t('statColumns.figure'), t('statColumns.value', { period: model.period })],
    statRows.map(([label, value]) => [label, value]),
    { maxWidth: [28, 20], cellStyle: (r, c) => (c === 1 ? { numFmt: statRows[r]![2] } : undefined) },
  );
  headerRows.set(stats, statPlace.headerRow);

  const trend = wb.addSheet(t('sheet.trend'));
  const trendPlace = writeTable(
    trend,
    [...TREND_COLUMNS.map((c) => t(`trendColumns.${c}`)), ...dims.map((d) => d.label[lang])],
    model.trend.periods.map((p) => [p.period, p.sent, p.returned, p.responseRate, p.mean, ...dims.map((d) => p.dimensions[d.id] ?? null)]),
    {
      maxWidth: [12, 10, 10, 10, 10, ...dims.map(() => 12)],
      numFmt: { 3: '0.0%', 4: SCORE_FORMAT, ...Object.fromEntries(dims.map((_, i) => [5 + i, SCORE_FORMAT])) },
    },
  );
  headerRows.set(trend, trendPlace.headerRow);
  // The customer histories of the as-of year, beside the survey they are mostly read with.
  const histories = customers === null ? null : addCustomerHistoriesSheet(wb, customers, config, lang);
  if (histories) headerRows.set(histories.sheet, histories.place.headerRow);
  // Printed on A4 landscape, one page wide, the header row on every page.
  const title = t('title', { period: model.period });
  for (const sheet of wb.worksheets) {
    const header = headerRows.get(sheet)!;
    sheet.print({ landscape: sheet === responses || sheet === histories?.sheet, fitToWidth: true, titleRows: [header, header], footer: `&L${title}&R&P / &N` });
  }
  return wb.toBuffer();
}
