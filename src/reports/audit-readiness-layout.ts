import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Config } from '../config/config.js';
import { fillText } from '../forms/fill-text.js';
import { formatRate } from '../issues/format-number.js';
import { DATASET_LABELS } from '../issues/labels.js';
import { FINDING_SEVERITIES } from '../model/finding.js';
import type { Lang } from '../model/lang.js';
import type { Summary, SummaryFinding } from '../model/summary.js';
import type { ControlledDocument } from '../render/pdf/controlled-page.js';
import { AUDIT_GROUPS } from '../validate/rule-coverage.js';
import { ReportBuilder } from './report-builder.js';
import type { ReportTexts } from './report-texts.js';

export interface AuditReadinessLayoutInput {
  readonly summary: Summary;
  readonly config: Config;
  readonly texts: ReportTexts;
  readonly lang: Lang;
  readonly controlled: Omit<ControlledDocument, 'lang' | 'contentWidth'>;
}

const SEVERITY_RANK = { major: 0, minor: 1, observation: 2 } as const;

/** Where a finding's record is: the file on one line, "sheet · row 12" on the next (nothing for a period-level finding). */
function whereOf(f: SummaryFinding, rowWord: string): string {
  if (f.file === null) return '';
  const inFile = [f.sheet, f.row === null ? null : rowWord.replace('{n}', String(f.row))].filter((x) => x !== null && x !== '').join(' · ');
  return inFile === '' ? f.file : `${f.file}\n${inFile}`;
}

/**
 * The internal-audit readiness report: the checks grouped by procedure clause (5.3, 5.6–5.7,
 * 5.8) with how often each passed and failed, every gap with its clause, record and row (the
 * longest lists cut at the table limit; findings.xlsx has them all), and the input errors.
 * The counts are summary.json's `checks`, `findings` and `inputErrors`.
 */
export function layoutAuditReadiness(input: AuditReadinessLayoutInput): { definition: TDocumentDefinitions; missingGlyphs: string[] } {
  const { summary, config, texts: t, lang } = input;
  const b = new ReportBuilder(t, lang, config.reports.maxTableRows);
  const w = (key: string) => b.word(key);
  const limits = config.complaints.limits;
  const ruleText = (rule: string) =>
    fillText(t.words[`rule.${rule}`] ?? rule, lang, {
      close: limits.closeWorkingDays,
      reply: limits.firstReplyHours,
      assign: limits.assignWorkingDays,
      cause: limits.causeWorkingDays,
      notify: limits.notifyWorkingDays,
      responseRate: formatRate(config.goals.responseRate),
      surveyMean: config.goals.surveyMean,
      unsatisfied: config.satisfaction.unsatisfiedBelow,
      tolerance: config.satisfaction.overallTolerance,
    });
  const severityWord = (s: string) => w(s);
  const surveyForms = summary.inputs.filter((i) => i.dataset === 'surveys').reduce((n, i) => n + i.rowsAccepted, 0);
  const count = (severity: string) => summary.findings.filter((f) => f.severity === severity).length;
  const errors = summary.inputErrors.filter((e) => e.level === 'error').length;

  b.push(b.text(fillText(t.subtitle, lang, { asOf: summary.asOf }), { alignment: 'center', fontSize: 10, margin: [0, 0, 0, 4] }));

  // 1. Overview
  b.heading('overview').sentence('overview', {
    asOf: summary.asOf,
    orders: summary.orders.total,
    complaints: summary.complaints.total,
    surveys: surveyForms,
    findings: summary.findings.length,
    major: count('major'),
    minor: count('minor'),
    observation: count('observation'),
    errors,
    warnings: summary.inputErrors.length - errors,
    rejected: summary.inputs.reduce((n, i) => n + i.rowsRejected, 0),
  });
  b.table(
    'overview',
    AUDIT_GROUPS.map((g) => {
      const checks = summary.checks.filter((c) => c.dataset === g.dataset);
      const applied = checks.reduce((n, c) => n + c.checked, 0);
      const gaps = checks.reduce((n, c) => n + c.gaps, 0);
      const findings = summary.findings.filter((f) => f.dataset === g.dataset);
      return [g.clauses, w(g.dataset), String(applied), String(applied - gaps), String(gaps), ...FINDING_SEVERITIES.map((s) => String(findings.filter((f) => f.severity === s).length))];
    }),
    { widths: [48, '*', 52, 44, 44, 36, 36, 36], align: ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right'] },
  );
  b.subheading('inputs').table(
    'inputs',
    summary.inputs.map((i) => [DATASET_LABELS[i.dataset][lang], i.file, i.sheet ?? '', String(i.rowsAccepted), String(i.rowsRejected)]),
    { widths: [80, '*', 80, 50, 50], align: ['left', 'left', 'left', 'right', 'right'], fontSize: 9 },
  );

  // 2–4. One section per clause group: the checks, then every gap.
  for (const group of AUDIT_GROUPS) {
    b.heading(group.dataset).subheading('checks');
    const checks = summary.checks.filter((c) => c.dataset === group.dataset);
    b.table(
      'checks',
      checks.map((c) => [c.rule, c.clause, ruleText(c.rule), String(c.checked), String(c.checked - c.gaps), String(c.gaps)]),
      { widths: [30, 44, '*', 46, 40, 40], align: ['left', 'left', 'left', 'right', 'right', 'right'], fontSize: 9 },
    );
    const findings = summary.findings
      .map((f, i) => ({ f, i }))
      .filter(({ f }) => f.dataset === group.dataset)
      .sort((a, c) => SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[c.f.severity] || a.i - c.i)
      .map(({ f }) => f);
    b.subheading('findings');
    if (findings.length === 0) b.sentence('clean');
    else {
      b.sentence('groupFindings', { count: findings.length }).table(
        'findings',
        findings.map((f, i) => [String(i + 1), severityWord(f.severity), f.clause, f.record, whereOf(f, w('row')), f.message, '']),
        { widths: [22, 28, 36, 58, 136, '*', 50], align: ['right', 'left', 'left', 'left', 'left', 'left', 'left'], fontSize: 8.5, fullListIn: 'findings.xlsx' },
      );
    }
  }

  // 5. Input errors
  b.heading('inputErrors');
  if (summary.inputErrors.length === 0) b.sentence('noInputErrors');
  else {
    b.sentence('inputErrors').table(
      'inputErrors',
      summary.inputErrors.map((e) => [e.file, e.sheet ?? '', e.row === null ? '' : String(e.row), e.column === null ? '' : e.columnLetter ? `${e.column} (${e.columnLetter})` : e.column, e.value ?? '', e.message, e.rejected ? w('no') : w('yes')]),
      { widths: [100, 44, 24, 60, 50, '*', 38], align: ['left', 'left', 'right', 'left', 'left', 'left', 'left'], fontSize: 8.5, fullListIn: 'findings.xlsx' },
    );
  }
  return b.document(input.controlled, summary.asOf, summary.asOf);
}
