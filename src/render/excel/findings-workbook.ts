import type { Config } from '../../config/config.js';
import type { Headline } from '../../compute/headline.js';
import { formatDelta, formatRate, formatScore } from '../../issues/format-number.js';
import { DATASET_LABELS, SEVERITY_LABELS } from '../../issues/labels.js';
import { DATASETS } from '../../model/fields.js';
import { FINDING_SEVERITIES, type FindingSeverity } from '../../model/finding.js';
import type { Lang } from '../../model/lang.js';
import { BAND_LABELS } from '../../model/satisfaction.js';
import type { Summary } from '../../model/summary.js';
import { BODY_STYLE, HEADER_STYLE, writeTable } from './sheet-style.js';
import { XlsxBook } from './xlsx-book.js';

const SEVERITY_FILL: Record<FindingSeverity, string> = { major: 'FFF8CBAD', minor: 'FFFFE699', observation: 'FFDDEBF7', target: 'FFE2EFDA' };

const TEXT = {
  zh: {
    cover: '概况',
    title: '内审准备：发现问题清单',
    asOf: '截至日期',
    company: '公司',
    metric: '指标',
    value: '数值',
    note: '说明',
    completeness: '合同/订单评审完整率',
    signedBeforeReview: '先签订后评审（订单数）',
    changedNotReReviewed: '变更后未再评审（订单数）',
    complaints: '客户投诉（件）',
    open: '未结案',
    overdue: '超期（> 18 个工作日）',
    major: '重大投诉 / 其中未上报',
    reply: '72 小时内首次答复',
    responseRate: '满意度调查回收率',
    mean: '满意度均分',
    delta: '较上期变化',
    findings: '发现问题合计',
    inputErrors: '输入错误 / 警告',
    rowsRejected: '未读入的行',
    goal: (g: string) => `目标 ${g}`,
    matrix: '按类别和严重程度',
    total: '合计',
    columns: ['序号', '严重程度', '条款', '规则', '记录', '文件', '工作表', '行', '问题说明', '采取的措施', '责任人', '完成日期', '验证'],
    errors: '输入错误',
    errorColumns: ['序号', '级别', '文件', '工作表', '行', '列', '值', '说明', '该行未读入'],
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
    completeness: 'Contract review completeness',
    signedBeforeReview: 'Signed before review (orders)',
    changedNotReReviewed: 'Changed, not re-reviewed (orders)',
    complaints: 'Customer complaints',
    open: 'Open',
    overdue: 'Overdue (> 18 working days)',
    major: 'Major / not escalated',
    reply: 'First reply within 72 hours',
    responseRate: 'Survey response rate',
    mean: 'Satisfaction mean',
    delta: 'Change on previous period',
    findings: 'Findings',
    inputErrors: 'Input errors / warnings',
    rowsRejected: 'Rows not read',
    goal: (g: string) => `goal ${g}`,
    matrix: 'By area and severity',
    total: 'Total',
    columns: ['No.', 'Severity', 'Clause', 'Rule', 'Record', 'File', 'Sheet', 'Row', 'Finding', 'Action taken', 'Responsible', 'Done on', 'Verified'],
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
export function renderFindingsWorkbook({ summary, headline, config, lang }: FindingsWorkbookInput): Buffer {
  const t = TEXT[lang];
  const wb = new XlsxBook({ date: summary.asOf, creator: 'qmsdoc', title: t.title, font: lang === 'zh' ? '等线' : 'Calibri' });

  const cover = wb.addSheet(t.cover);
  cover.addRow([t.title], { bold: true, size: 14 });
  cover.addRow([`${t.asOf}: ${summary.asOf}`]);
  cover.addRow([config.company.name ? `${t.company}: ${config.company.name[lang]}` : null]);
  cover.addRow([]);
  const h = headline;
  const sat = h.satisfaction;
  const lines: [string, string, string][] = [
    [t.completeness, formatRate(h.orders.completenessRate), `${h.orders.reviewComplete}/${h.orders.total}`],
    [t.signedBeforeReview, String(h.orders.signedBeforeReview), ''],
    [t.changedNotReReviewed, String(h.orders.changedNotReReviewed), ''],
    [t.complaints, String(h.complaints.total), ''],
    [t.open, String(h.complaints.open), ''],
    [t.overdue, String(h.complaints.overdue), ''],
    [t.major, `${h.complaints.major} / ${h.complaints.majorNotEscalated}`, ''],
    [t.reply, `${h.complaints.firstReplyWithin72h}/${h.complaints.total}`, ''],
    [`${t.responseRate} ${sat.period ?? ''}`.trim(), formatRate(sat.responseRate), `${sat.returned}/${sat.sent}; ${t.goal(formatRate(sat.responseRateGoal))}`],
    [`${t.mean} ${sat.period ?? ''}`.trim(), formatScore(sat.mean), `${sat.band ? BAND_LABELS[sat.band][lang] : ''}; ${t.goal(String(sat.meanGoal))}`],
    [`${t.delta} ${sat.previousPeriod ?? ''}`.trim(), formatDelta(sat.deltaMean), ''],
    [t.findings, String(h.findings.total), FINDING_SEVERITIES.map((s) => `${SEVERITY_LABELS[s][lang]} ${h.findings.bySeverity[s]}`).join(', ')],
    [t.inputErrors, `${h.inputErrors.errors} / ${h.inputErrors.warnings}`, ''],
    [t.rowsRejected, String(h.inputErrors.rowsRejected), ''],
  ];
  writeTable(cover, [t.metric, t.value, t.note], lines, { maxWidth: [36, 16, 50], filter: false });
  cover.addRow([]);
  cover.addRow([t.matrix, ...FINDING_SEVERITIES.map((s) => SEVERITY_LABELS[s][lang]), t.total], HEADER_STYLE);
  for (const d of DATASETS) {
    const counts = FINDING_SEVERITIES.map((s) => h.findings.byDataset[d][s]);
    cover.addRow([DATASET_LABELS[d][lang], ...counts, counts.reduce((a, b) => a + b, 0)], BODY_STYLE);
  }

  for (const dataset of DATASETS) {
    const sheet = wb.addSheet(DATASET_LABELS[dataset][lang]);
    const findings = summary.findings.filter((f) => f.dataset === dataset);
    writeTable(
      sheet,
      t.columns,
      findings.map((f, i) => [i + 1, SEVERITY_LABELS[f.severity][lang], f.clause ?? '', f.rule, f.record, f.file, f.sheet, f.row, f.message, null, null, null, null]),
      { maxWidth: [6, 12, 10, 6, 24, 34, 16, 6, 60, 30, 10, 12, 10], wrap: [8, 9], cellStyle: (r, c) => (c === 1 ? { fill: SEVERITY_FILL[findings[r]!.severity] } : undefined) },
    );
  }

  const errors = wb.addSheet(t.errors);
  writeTable(
    errors,
    t.errorColumns,
    summary.inputErrors.map((e, i) => [i + 1, t.level[e.level], e.file, e.sheet, e.row, e.column === null ? null : e.columnLetter ? `${e.column} (${e.columnLetter})` : e.column, e.value, e.message, e.rejected ? t.yes : t.no]),
    { maxWidth: [6, 8, 34, 16, 6, 22, 24, 60, 10], wrap: [7] },
  );
  // Printed, each sheet fits the width of an A4 landscape page.
  for (const sheet of wb.worksheets) {
    sheet.print({ landscape: true, fitToWidth: true, footer: `&L${t.title}&R&P / &N`, ...(sheet === cover ? {} : { titleRows: [1, 1] as const }) });
  }
  return wb.toBuffer();
}
