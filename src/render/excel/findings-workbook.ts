import type { Config } from '../../config/config.js';
import type { Headline } from '../../compute/headline.js';
import { formatLimit } from '../../issues/finding-messages.js';
import { findingRecordText } from '../../issues/finding-record.js';
import { inputRowRead } from '../../issues/input-row-read.js';
import { formatRate } from '../../issues/format-number.js';
import { BASIS_LABELS, DATASET_LABELS, SEVERITY_LABELS } from '../../issues/labels.js';
import { DATASETS } from '../../model/fields.js';
import { FINDING_BASES, FINDING_SEVERITIES, type FindingSeverity } from '../../model/finding.js';
import type { Lang } from '../../model/lang.js';
import { BAND_LABELS } from '../../text/domain-labels.js';
import type { Summary } from '../../model/summary.js';
import { BODY_STYLE, HEADER_STYLE, writeTable, writeTableRows } from './sheet-style.js';
import { DATE_FORMAT, XlsxBook, type CellStyle, type XlsxSheet } from './xlsx-book.js';
import { type MessageKey, messages } from '../../text/messages.js';
import { punctuation } from '../../text/punctuation.js';

const SEVERITY_FILL: Record<FindingSeverity, string> = { major: 'FFF8CBAD', minor: 'FFFFE699', observation: 'FFDDEBF7', target: 'FFE2EFDA' };

/** How a figure of the cover is shown; the cell keeps the unrounded number. */
type Format = 'rate' | 'count' | 'score' | 'delta';
const FORMAT_STYLE: Record<Format, CellStyle> = {
  rate: { numFmt: '0.0%' },
  count: { numFmt: '0' },
  score: { numFmt: '0.0' },
  // A change shows its sign, as the reports write it (+1.2 / −4.1).
  delta: { numFmt: '+0.0;\u22120.0;0.0' },
};

type WorkbookKey = MessageKey<typeof import('../../../templates/messages/findings-workbook.zh.json', { with: { type: 'json' }})>;

/** The workbook's texts (templates/messages/findings-workbook.*.json) and the column lists made from them. */
function workbookText(lang: Lang) {
  const w = messages<WorkbookKey>('findings-workbook', lang);
  const group = (prefix: string, keys: readonly string[]): string[] => keys.map((k) => w(`${prefix}.${k}` as WorkbookKey));
  const prompt = (key: 'statusPrompt' | 'statusError' | 'datePrompt' | 'dateError') => ({ title: w(`${key}.title`), text: w(`${key}.text`) });
  return {
    w,
    prompt,
    columns: group('columns', ['no', 'severity', 'clause', 'basis', 'limit', 'rule', 'record', 'file', 'sheet', 'row', 'finding']),
    actionColumns: group('actionColumns', ['status', 'action', 'responsible', 'doneOn', 'verified']),
    statuses: group('statuses', ['notStarted', 'inProgress', 'done', 'cancelled']),
    errorColumns: group('errorColumns', ['no', 'level', 'file', 'sheet', 'row', 'column', 'value', 'problem', 'rejected']),
  };
}

export interface FindingsWorkbookInput {
  readonly summary: Summary;
  readonly headline: Headline;
  readonly config: Config;
  readonly lang: Lang;
}

/**
 * findings.xlsx: a cover with the headline figures, one sheet of findings per area with a blank
 * "action taken" column for QA to work through, and a sheet of input errors. Text from the
 * users' sheets is always written as text, never as a formula.
 */
export function renderFindingsWorkbook(input: FindingsWorkbookInput): Buffer {
  return findingsBook(input).toBuffer();
}

/**
 * The findings workbook as a book not yet written: `writeTo` streams it (the same bytes as
 * renderFindingsWorkbook), the finding rows made again while the sheets are compressed.
 */
export function findingsBook({ summary, headline, config, lang }: FindingsWorkbookInput): XlsxBook {
  const t = workbookText(lang);
  const { w } = t;
  const p = punctuation(lang);
  const wb = new XlsxBook({ date: summary.asOf, creator: 'qmsdoc', title: w('title'), font: lang === 'zh' ? '等线' : 'Calibri' });

  const cover = wb.addSheet(w('cover'));
  cover.addRow([w('title')], { bold: true, size: 14 });
  cover.addRow([`${p.label(w('asOf'))}${summary.asOf}`]);
  cover.addRow([config.company.name ? `${p.label(w('company'))}${config.company.name[lang]}` : null]);
  cover.addRow([]);
  const h = headline;
  const sat = h.satisfaction;
  // Numbers stay numbers (they sum and sort); the format shows them as the reports do.
  const lines: [string, number | null, string, Format][] = [
    [w('completeness'), h.orders.completenessRate, w('ordersLine', { complete: h.orders.reviewComplete, total: h.orders.total }), 'rate'],
    [w('signedBeforeReview'), h.orders.signedBeforeReview, '', 'count'],
    [w('changedNotReReviewed'), h.orders.changedNotReReviewed, '', 'count'],
    [w('complaints'), h.complaints.total, '', 'count'],
    [w('open'), h.complaints.open, '', 'count'],
    [
      // The company limit of complaints.limits.closeWorkingDays, as configured (not a fixed 18).
      w('overdue', { days: config.complaints.limits.closeWorkingDays }),
      h.complaints.overdue,
      '',
      'count',
    ],
    [w('major'), h.complaints.major, '', 'count'],
    [w('majorNotEscalated'), h.complaints.majorNotEscalated, '', 'count'],
    [w('reply', { hours: h.complaints.firstReplyHours }), h.complaints.firstReplyWithin72h, w('ofTotal', { total: h.complaints.total }), 'count'],
    [
      `${w('responseRate')} ${sat.period ?? ''}`.trim(),
      sat.responseRate,
      w('rateLine', { returned: sat.returned, sent: sat.sent, goal: formatRate(sat.responseRateGoal) }),
      'rate',
    ],
    [
      `${w('mean')} ${sat.period ?? ''}`.trim(),
      sat.mean,
      [sat.band ? BAND_LABELS[sat.band][lang] : '', w('goal', { goal: String(sat.meanGoal) })].filter(Boolean).join(w('noteSeparator')),
      'score',
    ],
    [`${w('delta')} ${sat.previousPeriod ?? ''}`.trim(), sat.deltaMean, '', 'delta'],
    [w('findings'), h.findings.total, FINDING_SEVERITIES.map((s) => `${SEVERITY_LABELS[s][lang]} ${h.findings.bySeverity[s]}`).join(p.listSeparator), 'count'],
    [w('inputErrors'), h.inputErrors.errors, '', 'count'],
    [w('inputWarnings'), h.inputErrors.warnings, '', 'count'],
    [w('rowsRejected'), h.inputErrors.rowsRejected, '', 'count'],
  ];
  const coverTable = writeTable(
    cover,
    [w('metric'), w('value'), w('note')],
    lines.map(([label, value, note]) => [label, value, note]),
    { maxWidth: [40, 14, 50], minWidth: { 1: 12 }, cellStyle: (r, c) => (c === 1 ? FORMAT_STYLE[lines[r]![3]] : undefined) },
  );
  cover.addRow([]);
  cover.addRow([w('matrix'), ...FINDING_SEVERITIES.map((s) => SEVERITY_LABELS[s][lang]), w('total')], HEADER_STYLE);
  for (const d of DATASETS) {
    const counts = FINDING_SEVERITIES.map((s) => h.findings.byDataset[d][s]);
    cover.addRow([DATASET_LABELS[d][lang], ...counts, counts.reduce((a, b) => a + b, 0)], BODY_STYLE);
  }
  // The groups an auditor keeps apart: nonconformities, company time limits, objectives, data checks.
  cover.addRow([]);
  cover.addRow([w('byBasis'), ...FINDING_BASES.map((b) => BASIS_LABELS[b][lang]), w('total')], HEADER_STYLE);
  // One pass over the findings (a million of them would take a pass per cell otherwise).
  const byBasis = new Map<string, number>();
  const countOf = (dataset: string, basis: string) => byBasis.get(`${dataset}/${basis}`) ?? 0;
  for (const f of summary.findings) {
    byBasis.set(`${f.dataset}/${f.basis}`, countOf(f.dataset, f.basis) + 1);
    byBasis.set(`*/${f.basis}`, countOf('*', f.basis) + 1);
  }
  for (const d of DATASETS) {
    const counts = FINDING_BASES.map((b) => countOf(d, b));
    cover.addRow([DATASET_LABELS[d][lang], ...counts, counts.reduce((a, b) => a + b, 0)], BODY_STYLE);
  }
  const totals = FINDING_BASES.map((b) => countOf('*', b));
  cover.addRow([w('total'), ...totals, summary.findings.length], BODY_STYLE);
  // The objective findings are S1 and S2 only; the management review judges every objective: say so, with its figure.
  const objectives = summary.review.objectives;
  cover.addRow([w('objectivesNote', { objectives: objectives.length, missed: objectives.filter((o) => o.met === false).length })], BODY_STYLE);

  const headerRows = new Map<XlsxSheet, number>([[cover, coverTable.headerRow]]);
  const columns = [...t.columns, ...t.actionColumns];
  const action = t.columns.length; // index of the first action column
  for (const dataset of DATASETS) {
    const sheet = wb.addSheet(DATASET_LABELS[dataset][lang]);
    // By basis (nonconformities first), in summary order within each.
    const findings = FINDING_BASES.flatMap((b) => summary.findings.filter((f) => f.dataset === dataset && f.basis === b));
    // Rows made when needed (see writeTableRows): a million findings are never held as rows.
    const place = writeTableRows(
      sheet,
      columns,
      findings.length,
      (i) => {
        const f = findings[i]!;
        return [
          i + 1,
          SEVERITY_LABELS[f.severity][lang],
          f.clause ?? '',
          BASIS_LABELS[f.basis][lang],
          f.limit ? formatLimit(f.limit, lang) : null,
          f.rule,
          findingRecordText(f, config.satisfaction.dimensions, lang),
          f.file,
          f.sheet,
          f.row,
          f.message,
          t.statuses[0],
          null,
          null,
          null,
          null,
        ];
      },
      {
        // About 215 characters in all, so a landscape A4 page shows them at about two thirds of full size.
        maxWidth: [5, 10, 8, 10, 14, 6, 14, 16, 10, 6, 40, 9, 30, 10, 11, 14],
        // The action columns are for writing in: wide and wrapped even when empty.
        minWidth: { [action]: 9, [action + 1]: 30, [action + 2]: 10, [action + 3]: 11, [action + 4]: 14 },
        wrap: [3, 4, 5, 6, 7, 8, action - 1, action + 1, action + 4],
        numFmt: { [action + 3]: DATE_FORMAT },
        cellStyle: (r, c) => (c === 1 ? { fill: SEVERITY_FILL[findings[r]!.severity] } : undefined),
      },
    );
    headerRows.set(sheet, place.headerRow);
    if (findings.length > 0) {
      const rows = { fromRow: place.headerRow + 1, toRow: place.lastRow };
      sheet.addValidation({
        kind: 'list',
        values: t.statuses,
        range: { column: action + 1, ...rows },
        prompt: t.prompt('statusPrompt'),
        error: t.prompt('statusError'),
      });
      sheet.addValidation({
        kind: 'date',
        from: '2000-01-01',
        to: '2099-12-31',
        range: { column: action + 4, ...rows },
        prompt: t.prompt('datePrompt'),
        error: t.prompt('dateError'),
      });
    }
  }

  const errors = wb.addSheet(w('errors'));
  const errorTable = writeTableRows(
    errors,
    t.errorColumns,
    summary.inputErrors.length,
    (i) => {
      const e = summary.inputErrors[i]!;
      return [
        i + 1,
        w(`level.${e.level}`),
        e.file,
        e.sheet,
        e.row,
        e.column === null ? null : e.columnLetter ? `${e.column} (${e.columnLetter})` : e.column,
        e.value,
        e.message,
        // 该行未读入: yes for a rejected row, 已跳过 for a totals row (no data row), no for a row kept.
        w(({ read: 'no', rejected: 'yes', skipped: 'skipped' } as const)[inputRowRead(e)]),
      ];
    },
    { maxWidth: [6, 8, 34, 16, 8, 22, 24, 60, 10], wrap: [7] },
  );
  headerRows.set(errors, errorTable.headerRow);
  // Printed, each sheet fits the width of an A4 landscape page, its header row on every page.
  for (const sheet of wb.worksheets) {
    const header = headerRows.get(sheet)!;
    sheet.print({ landscape: true, fitToWidth: true, footer: `&L${w('title')}&R&P / &N`, titleRows: [header, header] });
  }
  return wb;
}
