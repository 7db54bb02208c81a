import type { Config } from '../../config/config.js';
import type { Headline } from '../../compute/headline.js';
import { formatLimit } from '../../issues/finding-messages.js';
import { formatRate } from '../../issues/format-number.js';
import { BASIS_LABELS, DATASET_LABELS, SEVERITY_LABELS } from '../../issues/labels.js';
import { DATASETS } from '../../model/fields.js';
import { FINDING_BASES, FINDING_SEVERITIES, type FindingSeverity } from '../../model/finding.js';
import type { Lang } from '../../model/lang.js';
import { BAND_LABELS } from '../../model/satisfaction.js';
import type { Summary } from '../../model/summary.js';
import { BODY_STYLE, HEADER_STYLE, writeTable, writeTableRows } from './sheet-style.js';
import { DATE_FORMAT, XlsxBook, type CellStyle, type XlsxSheet } from './xlsx-book.js';

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

const TEXT = {
  zh: {
    cover: '概况',
    title: '内审准备：发现问题清单',
    asOf: '截至日期',
    company: '公司',
    metric: '指标',
    value: '数值',
    note: '说明',
    ordersLine: (complete: number, total: number) => `评审完整 ${complete} 单，共 ${total} 单`,
    ofTotal: (total: number) => `共 ${total} 件`,
    rateLine: (returned: number, sent: number, goal: string) => `回收 ${returned} 份，发放 ${sent} 份；目标 ${goal}`,
    majorNotEscalated: '重大投诉未上报',
    inputWarnings: '输入警告',
    completeness: '合同/订单评审完整率',
    signedBeforeReview: '先签订后评审（订单数）',
    changedNotReReviewed: '变更后未再评审（订单数）',
    complaints: '客户投诉（件）',
    open: '未结案（件）',
    // The company limit of complaints.limits.closeWorkingDays, as configured (not a fixed 18).
    overdue: (days: number) => `超期（> ${days} 个工作日，件）`,
    major: '重大投诉（件）',
    reply: '72 小时内首次答复（件）',
    responseRate: '满意度调查回收率',
    mean: '满意度均分',
    delta: '较上期变化',
    findings: '发现问题合计',
    inputErrors: '输入错误',
    rowsRejected: '未读入的行',
    goal: (g: string) => `目标 ${g}`,
    matrix: '按类别和严重程度',
    total: '合计',
    columns: ['序号', '严重程度', '条款', '依据', '公司设定时限/目标（来源）', '规则编号', '记录编号', '文件', '工作表', '行号', '问题说明'],
    actionColumns: ['状态', '采取的措施', '责任人', '完成日期', '验证（人、日期）'],
    statuses: ['未开始', '进行中', '已完成', '已取消'],
    statusPrompt: { title: '状态', text: '从下拉列表选择：未开始、进行中、已完成、已取消' },
    statusError: { title: '状态', text: '请从下拉列表选择：未开始、进行中、已完成、已取消' },
    datePrompt: { title: '完成日期', text: '填写日期，如 2026-01-15' },
    dateError: { title: '完成日期', text: '请填写 2000-01-01 至 2099-12-31 之间的日期，如 2026-01-15' },
    byBasis: '按类别和依据',
    errors: '输入错误',
    errorColumns: ['序号', '级别', '文件', '工作表', '行号', '列', '值', '说明', '该行未读入'],
    level: { error: '错误', warning: '警告' },
    yes: '是',
    no: '否',
  },
  en: {
    cover: 'Overview',
    title: 'Internal audit readiness: findings',
    asOf: 'As of',
    company: 'Company',
    metric: 'Figure',
    value: 'Value',
    note: 'Note',
    ordersLine: (complete: number, total: number) => `${complete} complete of ${total} orders`,
    ofTotal: (total: number) => `of ${total}`,
    rateLine: (returned: number, sent: number, goal: string) => `${returned} returned of ${sent} sent; goal ${goal}`,
    majorNotEscalated: 'Major complaints not escalated',
    inputWarnings: 'Input warnings',
    completeness: 'Contract review completeness',
    signedBeforeReview: 'Signed before review (orders)',
    changedNotReReviewed: 'Changed, not re-reviewed (orders)',
    complaints: 'Customer complaints',
    open: 'Open complaints',
    overdue: (days: number) => `Overdue complaints (> ${days} working days)`,
    major: 'Major complaints',
    reply: 'First reply within 72 hours (complaints)',
    responseRate: 'Survey response rate',
    mean: 'Satisfaction mean',
    delta: 'Change on previous period',
    findings: 'Findings',
    inputErrors: 'Input errors',
    rowsRejected: 'Rows not read',
    goal: (g: string) => `goal ${g}`,
    matrix: 'By area and severity',
    total: 'Total',
    columns: ['No.', 'Severity', 'Clause', 'Basis', 'Company limit / objective (source)', 'Rule', 'Record', 'File', 'Sheet', 'Row', 'Finding'],
    actionColumns: ['Status', 'Action taken', 'Responsible', 'Done on', 'Verified (by, date)'],
    statuses: ['Not started', 'In progress', 'Done', 'Cancelled'],
    statusPrompt: { title: 'Status', text: 'Pick from the list: Not started, In progress, Done, Cancelled' },
    statusError: { title: 'Status', text: 'Pick a status from the list: Not started, In progress, Done, Cancelled' },
    datePrompt: { title: 'Done on', text: 'A date, e.g. 2026-01-15' },
    dateError: { title: 'Done on', text: 'Enter a date between 2000-01-01 and 2099-12-31, e.g. 2026-01-15' },
    byBasis: 'By area and basis',
    errors: 'Input errors',
    errorColumns: ['No.', 'Level', 'File', 'Sheet', 'Row', 'Column', 'Value', 'Problem', 'Row not read'],
    level: { error: 'Error', warning: 'Warning' },
    yes: 'yes',
    no: 'no',
  },
} as const;

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
  const t = TEXT[lang];
  const wb = new XlsxBook({ date: summary.asOf, creator: 'qmsdoc', title: t.title, font: lang === 'zh' ? '等线' : 'Calibri' });

  const cover = wb.addSheet(t.cover);
  cover.addRow([t.title], { bold: true, size: 14 });
  cover.addRow([`${t.asOf}: ${summary.asOf}`]);
  cover.addRow([config.company.name ? `${t.company}: ${config.company.name[lang]}` : null]);
  cover.addRow([]);
  const h = headline;
  const sat = h.satisfaction;
  // Numbers stay numbers (they sum and sort); the format shows them as the reports do.
  const lines: [string, number | null, string, Format][] = [
    [t.completeness, h.orders.completenessRate, t.ordersLine(h.orders.reviewComplete, h.orders.total), 'rate'],
    [t.signedBeforeReview, h.orders.signedBeforeReview, '', 'count'],
    [t.changedNotReReviewed, h.orders.changedNotReReviewed, '', 'count'],
    [t.complaints, h.complaints.total, '', 'count'],
    [t.open, h.complaints.open, '', 'count'],
    [t.overdue(config.complaints.limits.closeWorkingDays), h.complaints.overdue, '', 'count'],
    [t.major, h.complaints.major, '', 'count'],
    [t.majorNotEscalated, h.complaints.majorNotEscalated, '', 'count'],
    [t.reply, h.complaints.firstReplyWithin72h, t.ofTotal(h.complaints.total), 'count'],
    [`${t.responseRate} ${sat.period ?? ''}`.trim(), sat.responseRate, t.rateLine(sat.returned, sat.sent, formatRate(sat.responseRateGoal)), 'rate'],
    [
      `${t.mean} ${sat.period ?? ''}`.trim(),
      sat.mean,
      [sat.band ? BAND_LABELS[sat.band][lang] : '', t.goal(String(sat.meanGoal))].filter(Boolean).join(lang === 'zh' ? '；' : '; '),
      'score',
    ],
    [`${t.delta} ${sat.previousPeriod ?? ''}`.trim(), sat.deltaMean, '', 'delta'],
    [t.findings, h.findings.total, FINDING_SEVERITIES.map((s) => `${SEVERITY_LABELS[s][lang]} ${h.findings.bySeverity[s]}`).join(', '), 'count'],
    [t.inputErrors, h.inputErrors.errors, '', 'count'],
    [t.inputWarnings, h.inputErrors.warnings, '', 'count'],
    [t.rowsRejected, h.inputErrors.rowsRejected, '', 'count'],
  ];
  const coverTable = writeTable(
    cover,
    [t.metric, t.value, t.note],
    lines.map(([label, value, note]) => [label, value, note]),
    { maxWidth: [40, 14, 50], minWidth: { 1: 12 }, cellStyle: (r, c) => (c === 1 ? FORMAT_STYLE[lines[r]![3]] : undefined) },
  );
  cover.addRow([]);
  cover.addRow([t.matrix, ...FINDING_SEVERITIES.map((s) => SEVERITY_LABELS[s][lang]), t.total], HEADER_STYLE);
  for (const d of DATASETS) {
    const counts = FINDING_SEVERITIES.map((s) => h.findings.byDataset[d][s]);
    cover.addRow([DATASET_LABELS[d][lang], ...counts, counts.reduce((a, b) => a + b, 0)], BODY_STYLE);
  }
  // The groups an auditor keeps apart: nonconformities, company time limits, objectives, data checks.
  cover.addRow([]);
  cover.addRow([t.byBasis, ...FINDING_BASES.map((b) => BASIS_LABELS[b][lang]), t.total], HEADER_STYLE);
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
  cover.addRow([t.total, ...totals, summary.findings.length], BODY_STYLE);

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
          f.record,
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
      sheet.addValidation({ kind: 'list', values: t.statuses, range: { column: action + 1, ...rows }, prompt: t.statusPrompt, error: t.statusError });
      sheet.addValidation({
        kind: 'date',
        from: '2000-01-01',
        to: '2099-12-31',
        range: { column: action + 4, ...rows },
        prompt: t.datePrompt,
        error: t.dateError,
      });
    }
  }

  const errors = wb.addSheet(t.errors);
  const errorTable = writeTableRows(
    errors,
    t.errorColumns,
    summary.inputErrors.length,
    (i) => {
      const e = summary.inputErrors[i]!;
      return [
        i + 1,
        t.level[e.level],
        e.file,
        e.sheet,
        e.row,
        e.column === null ? null : e.columnLetter ? `${e.column} (${e.columnLetter})` : e.column,
        e.value,
        e.message,
        e.rejected ? t.yes : t.no,
      ];
    },
    { maxWidth: [6, 8, 34, 16, 8, 22, 24, 60, 10], wrap: [7] },
  );
  headerRows.set(errors, errorTable.headerRow);
  // Printed, each sheet fits the width of an A4 landscape page, its header row on every page.
  for (const sheet of wb.worksheets) {
    const header = headerRows.get(sheet)!;
    sheet.print({ landscape: true, fitToWidth: true, footer: `&L${t.title}&R&P / &N`, titleRows: [header, header] });
  }
  return wb;
}
