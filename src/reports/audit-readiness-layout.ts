import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Config } from '../config/config.js';
import { fillText } from '../document/fill-text.js';
import { limitValue } from '../issues/finding-messages.js';
import { findingRecordText } from '../issues/finding-record.js';
import { inputRowRead } from '../issues/input-row-read.js';
import { formatRate } from '../issues/format-number.js';
import { DATASET_LABELS } from '../issues/labels.js';
import { FINDING_BASES, type FindingBasis } from '../model/finding.js';
import type { Lang } from '../model/lang.js';
import type { Summary, SummaryCheck, SummaryFinding, SummaryLimit } from '../model/summary.js';
import type { ControlledDocument } from '../document/controlled-page.js';
import { AUDIT_GROUPS } from '../validate/rule-coverage.js';
import { ReportBuilder } from './report-builder.js';
import type { ReportTexts } from './report-texts.js';
import { fillPlaceholders } from '../text/template-engine.js';

export interface AuditReadinessLayoutInput {
  readonly summary: Summary;
  readonly config: Config;
  readonly texts: ReportTexts;
  readonly lang: Lang;
  readonly controlled: Omit<ControlledDocument, 'lang' | 'contentWidth'>;
}

const SEVERITY_RANK = { major: 0, minor: 1, observation: 2, target: 3 } as const;
const DATASET_RANK = { orders: 0, surveys: 1, complaints: 2, actions: 3 } as const;

/** Rules whose gap is a document that should exist: the liaison sheet of a change or a cancellation. */
const MISSING_DOCUMENT_RULES = ['O7', 'O10'] as const;

/** Where a finding's record is: the file on one line, "sheet · row 12" on the next (nothing for a period-level finding). */
function whereOf(f: SummaryFinding, rowWord: string): string {
  if (f.file === null) return '';
  const inFile = [f.sheet, f.row === null ? null : fillPlaceholders(rowWord, { n: f.row })].filter((x) => x !== null && x !== '').join(' · ');
  return inFile === '' ? f.file : `${f.file}\n${inFile}`;
}

/** The findings of one basis, by area (5.3, 5.6–5.7, 5.8), most serious first, else in summary order. */
function findingsOf(summary: Summary, basis: FindingBasis): SummaryFinding[] {
  return summary.findings
    .map((f, i) => ({ f, i }))
    .filter(({ f }) => f.basis === basis)
    .sort((a, b) => DATASET_RANK[a.f.dataset] - DATASET_RANK[b.f.dataset] || SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[b.f.severity] || a.i - b.i)
    .map(({ f }) => f);
}

/**
 * The internal-audit readiness report, headed by the company's procedure. The findings are
 * grouped as an auditor separates them — 不符合 (the procedure's own requirement), 未达到公司设定
 * 时限 (a company time limit, with its value and source), 目标未达成 (objectives) and data checks
 * — each with its own count, the counts adding up to summary.json's findings; then the records
 * to be completed (待补记录), the checks by clause with what could not be checked and why, and
 * the input errors. Every figure is summary.json's.
 */
export function layoutAuditReadiness(input: AuditReadinessLayoutInput): { definition: TDocumentDefinitions; missingGlyphs: string[] } {
  const { summary, config, texts: t, lang } = input;
  const b = new ReportBuilder(t, lang, config.reports.maxTableRows);
  const w = (key: string) => b.word(key);
  const ruleContext = ruleTextContext(config);
  const ruleText = (rule: string) => fillText(t.words[`rule.${rule}`] ?? rule, lang, ruleContext);
  const limitText = (limit: SummaryLimit | null) =>
    limit === null ? '' : `${limitValue(limit, lang)}\n${fillText(w('source'), lang, { source: limit.source })}`;
  const clauseOf = (c: { clause: string | null }) => c.clause ?? '—';
  const surveyForms = summary.inputs.filter((i) => i.dataset === 'surveys').reduce((n, i) => n + i.rowsAccepted, 0);
  const errors = summary.inputErrors.filter((e) => e.level === 'error').length;
  const byBasis = Object.fromEntries(FINDING_BASES.map((basis) => [basis, findingsOf(summary, basis)])) as Record<FindingBasis, SummaryFinding[]>;
  const procedure = byBasis.procedure;
  const count = (list: readonly SummaryFinding[], severity: string) => list.filter((f) => f.severity === severity).length;
  const procedureName = [config.procedure.name[lang], config.procedure.number, config.procedure.version].filter((x) => x !== '').join(' ');

  b.push(b.text(fillText(t.subtitle, lang, { asOf: summary.asOf, procedure: procedureName }), { alignment: 'center', fontSize: 10, margin: [0, 0, 0, 4] }));

  // 1. Overview: the four groups add up to every finding of summary.json.
  b.heading('overview').sentence('overview', {
    asOf: summary.asOf,
    orders: summary.orders.total,
    complaints: summary.complaints.total,
    surveys: surveyForms,
    findings: summary.findings.length,
    procedure: procedure.length,
    major: count(procedure, 'major'),
    minor: count(procedure, 'minor'),
    observation: count(procedure, 'observation'),
    limit: byBasis.company_limit.length,
    limitMajor: count(byBasis.company_limit, 'major'),
    limitMinor: count(byBasis.company_limit, 'minor'),
    limitObservation: count(byBasis.company_limit, 'observation'),
    objective: byBasis.objective.length,
    data: byBasis.data.length,
    errors,
    warnings: summary.inputErrors.length - errors,
    rejected: summary.inputs.reduce((n, i) => n + i.rowsRejected, 0),
  });
  b.table(
    'overview',
    AUDIT_GROUPS.map((g) => {
      const checks = summary.checks.filter((c) => c.dataset === g.dataset && c.notChecked === null);
      const applied = checks.reduce((n, c) => n + c.checked, 0);
      const gaps = checks.reduce((n, c) => n + c.gaps, 0);
      const findings = summary.findings.filter((f) => f.dataset === g.dataset);
      return [
        g.clauses,
        w(g.dataset),
        String(applied),
        String(applied - gaps),
        String(gaps),
        ...FINDING_BASES.map((basis) => String(findings.filter((f) => f.basis === basis).length)),
      ];
    }),
    { widths: [44, '*', 46, 40, 40, 40, 40, 40, 40], align: ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'] },
  );
  const notChecked = summary.checks.filter((c) => c.notChecked !== null);
  if (notChecked.length > 0) {
    b.subheading('notChecked')
      .sentence('notChecked')
      .table(
        'notChecked',
        notChecked.map((c) => [c.rule, clauseOf(c), ruleText(c.rule), w(`notChecked.${c.notChecked ?? ''}`)]),
        { widths: [30, 60, '*', 180], align: ['left', 'left', 'left', 'left'], fontSize: 9 },
      );
  }
  b.subheading('inputs').table(
    'inputs',
    summary.inputs.map((i) => [DATASET_LABELS[i.dataset][lang], i.file, i.sheet ?? '', String(i.rowsAccepted), String(i.rowsRejected)]),
    { widths: [80, '*', 80, 50, 50], align: ['left', 'left', 'left', 'right', 'right'], fontSize: 9 },
  );

  // 2. 不符合: the procedure's own requirements.
  b.heading('procedure');
  if (procedure.length === 0) b.sentence('noProcedure');
  else {
    b.sentence('procedureFindings', {
      count: procedure.length,
      major: count(procedure, 'major'),
      minor: count(procedure, 'minor'),
      observation: count(procedure, 'observation'),
    }).table(
      'procedure',
      procedure.map((f, i) => [
        String(i + 1),
        w(f.severity),
        clauseOf(f),
        findingRecordText(f, config.satisfaction.dimensions, lang),
        whereOf(f, w('row')),
        f.message,
        '',
      ]),
      { widths: [22, 28, 44, 58, 112, '*', 44], align: ['right', 'left', 'left', 'left', 'left', 'left', 'left'], fontSize: 8.5, fullListIn: 'findings.xlsx' },
    );
  }

  // 3. 未达到公司设定时限: the procedure's requirement, the company's number and where it is written.
  const limitFindings = byBasis.company_limit;
  b.heading('companyLimit');
  if (limitFindings.length === 0) b.sentence('noCompanyLimit');
  else {
    b.sentence('companyLimitFindings', { count: limitFindings.length }).table(
      'companyLimit',
      limitFindings.map((f, i) => [String(i + 1), w(f.severity), clauseOf(f), limitText(f.limit), f.record, whereOf(f, w('row')), f.message]),
      { widths: [22, 28, 36, 62, 58, 110, '*'], align: ['right', 'left', 'left', 'left', 'left', 'left', 'left'], fontSize: 8.5, fullListIn: 'findings.xlsx' },
    );
  }

  // 4. 目标未达成: quality objectives, not nonconformities.
  const objectives = byBasis.objective;
  // The findings judge the survey objectives (S1, S2) on the current period; the management review
  // judges every configured objective on the year: each says what it counts, with the other's figure.
  const allObjectives = {
    objectives: summary.review.objectives.length,
    missed: summary.review.objectives.filter((o) => o.met === false).length,
    surveyJudged: summary.checks.some((c) => (c.rule === 'S1' || c.rule === 'S2') && c.notChecked === null && c.checked > 0),
  };
  b.heading('objective');
  if (objectives.length === 0) b.sentence('noObjective', allObjectives);
  else {
    b.sentence('objectiveFindings', { count: objectives.length, ...allObjectives }).table(
      'objective',
      objectives.map((f, i) => [String(i + 1), w(`objective.${f.rule}`), limitText(f.limit), f.record, f.message]),
      { widths: [22, 80, 80, 44, '*'], align: ['right', 'left', 'left', 'left', 'left'], fontSize: 8.5 },
    );
  }

  // 5. Data checks: records that contradict themselves.
  const data = byBasis.data;
  b.heading('data');
  if (data.length === 0) b.sentence('noData');
  else {
    b.sentence('dataFindings', { count: data.length }).table(
      'data',
      data.map((f, i) => [String(i + 1), f.record, whereOf(f, w('row')), f.message]),
      { widths: [22, 90, 130, '*'], align: ['right', 'left', 'left', 'left'], fontSize: 8.5, fullListIn: 'findings.xlsx' },
    );
  }

  // 6. 待补记录: documents the procedure asks for that the records do not show.
  const missingDocs = summary.findings.filter((f) => (MISSING_DOCUMENT_RULES as readonly string[]).includes(f.rule));
  b.heading('missingRecords');
  if (missingDocs.length === 0) b.sentence('noMissingRecords');
  else {
    b.sentence('missingRecords', { count: missingDocs.length }).table(
      'missingRecords',
      missingDocs.map((f, i) => [String(i + 1), f.record, w(`document.${f.rule}`), clauseOf(f), whereOf(f, w('row')), f.message]),
      { widths: [22, 62, 70, 40, 120, '*'], align: ['right', 'left', 'left', 'left', 'left', 'left'], fontSize: 8.5, fullListIn: 'findings.xlsx' },
    );
  }

  // 7. The checks by clause: what each rule applied to, how many passed, what it is measured against.
  b.heading('checks');
  for (const group of AUDIT_GROUPS) {
    const checks = summary.checks.filter((c) => c.dataset === group.dataset);
    b.subheading(group.dataset).table(
      'checks',
      checks.map((c) => [c.rule, clauseOf(c), w(`basis.${c.basis}`), checkText(c, ruleText(c.rule), limitText), ...counts(c, w)]),
      { widths: [28, 56, 40, '*', 40, 34, 34], align: ['left', 'left', 'left', 'left', 'right', 'right', 'right'], fontSize: 8.5 },
    );
    // The CAPA figures by CAPA number, as the management review prints them (C9 counts complaints).
    if (group.dataset === 'complaints' && summary.review.capa.raised > 0) b.sentence('capa', { year: summary.review.year, ...summary.review.capa });
  }

  // 8. Input errors
  b.heading('inputErrors');
  if (summary.inputErrors.length === 0) b.sentence('noInputErrors');
  else {
    b.sentence('inputErrors').table(
      'inputErrors',
      summary.inputErrors.map((e) => [
        e.file,
        e.sheet ?? '',
        e.row === null ? '' : String(e.row),
        e.column === null ? '' : e.columnLetter ? `${e.column} (${e.columnLetter})` : e.column,
        e.value ?? '',
        e.message,
        w({ read: 'yes', rejected: 'no', skipped: 'skipped' }[inputRowRead(e)]),
      ]),
      { widths: [100, 44, 24, 60, 50, '*', 38], align: ['left', 'left', 'right', 'left', 'left', 'left', 'left'], fontSize: 8.5, fullListIn: 'findings.xlsx' },
    );
  }
  return b.document(input.controlled, summary.asOf, summary.asOf);
}

/** What a rule checks, with the company limit or objective it is measured against. */
function checkText(c: SummaryCheck, text: string, limitText: (l: SummaryLimit | null) => string): string {
  return c.limit === null ? text : `${text}\n${limitText(c.limit).replace('\n', ' ')}`;
}

/** Applies to / passed / gaps, or "not checked" across the three when the rule could not be applied. */
function counts(c: SummaryCheck, w: (key: string) => string): string[] {
  if (c.notChecked !== null) return [w('notCheckedShort'), '—', '—'];
  return [String(c.checked), String(c.checked - c.gaps), String(c.gaps)];
}

/** The configured figures a rule's one-line description names ({close} working days, {responseRate} …). */
export function ruleTextContext(config: Config): Record<string, string | number> {
  const limits = config.complaints.limits;
  return {
    close: limits.closeWorkingDays,
    reply: limits.firstReplyHours,
    assign: limits.assignWorkingDays,
    cause: limits.causeWorkingDays,
    notify: limits.notifyWorkingDays,
    responseRate: formatRate(config.goals.responseRate),
    surveyMean: config.goals.surveyMean,
    unsatisfied: config.satisfaction.unsatisfiedBelow,
    tolerance: config.satisfaction.overallTolerance,
  };
}
