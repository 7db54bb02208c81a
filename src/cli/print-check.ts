import { formatDelta, formatRate, formatScore } from '../issues/format-number.js';
import { DATASET_LABELS, SEVERITY_LABELS } from '../issues/labels.js';
import { COMPLAINT_FIELDS, DATASETS, ORDER_FIELDS } from '../model/fields.js';
import { unmappedLabels } from '../ingest/unmapped-labels.js';
import { FINDING_SEVERITIES } from '../model/finding.js';
import type { Lang } from '../model/lang.js';
import { BAND_LABELS } from '../model/satisfaction.js';
import type { CheckResult, Headline } from '../pipeline/check.js';
import { CLI_TEXT } from './cli-text.js';
import { formatTable } from './text-table.js';

/** Lines printed per group in the terminal; the files written have everything. */
const MAX_PRINTED_ROWS = 40;

export interface CheckReportOptions {
  readonly input: string;
  readonly lang: Lang;
  readonly headline: Headline;
  /** The files written, as paths to show. */
  readonly written: readonly string[];
  /** Where the full lists are. */
  readonly fullList: string;
  /** The command named in the title; default check. */
  readonly command?: 'check' | 'build';
}

/**
 * The human report of `check`: the headline figures, what was read from where, the findings by
 * area and severity, then every input problem with its place.
 */
export function formatCheckReport(result: CheckResult, options: CheckReportOptions): string {
  const { lang, headline: h } = options;
  const t = CLI_TEXT[lang];
  const { ingest, summary } = result;
  const out: string[] = [t.title(options.input, summary.asOf, options.command ?? 'check'), ''];

  out.push(t.headline);
  const sat = h.satisfaction;
  const headline: [string, string][] = [
    [t.completeness, t.completenessLine(formatRate(h.orders.completenessRate), h.orders.reviewComplete, h.orders.total, h.orders.signedBeforeReview, h.orders.changedNotReReviewed)],
    [t.complaints, t.complaintsLine(h.complaints.total, h.complaints.open, h.complaints.overdue, h.complaints.major, h.complaints.majorNotEscalated, h.complaints.firstReplyWithin72h)],
    [
      t.satisfaction(sat.period),
      sat.period === null
        ? t.noSurveys
        : t.satisfactionLine(formatRate(sat.responseRate), sat.returned, sat.sent, formatRate(sat.responseRateGoal), formatScore(sat.mean), sat.band ? BAND_LABELS[sat.band][lang] : '—', sat.meanGoal, sat.previousPeriod, formatDelta(sat.deltaMean)),
    ],
    [t.findingsTotal, t.findingsLine(h.findings.total, FINDING_SEVERITIES.map((s) => `${SEVERITY_LABELS[s][lang]} ${h.findings.bySeverity[s]}`).join(lang === 'zh' ? '，' : ', '))],
  ];
  out.push(formatTable([{ title: '' }, { title: '' }], headline, { header: false }));
  for (const w of summary.warnings) out.push(`  ${t.warning}: ${w.message}`);
  out.push('');

  out.push(t.filesRead);
  const read = ingest.sheets.filter((s) => s.dataset !== null);
  if (ingest.sheets.length === 0) out.push(`  ${t.noDataFiles}`);
  else {
    out.push(
      formatTable(
        [
          { title: t.location, max: 48 },
          { title: t.dataset },
          { title: t.headerRow, align: 'right' },
          { title: t.rowsRead, align: 'right' },
          { title: t.rowsAccepted, align: 'right' },
          { title: t.rowsRejected, align: 'right' },
        ],
        read.map((s) => [
          location(s.file, s.sheet) + (s.hidden ? t.hidden : ''),
          DATASET_LABELS[s.dataset!][lang],
          String(s.headerRow ?? ''),
          String(s.rowsRead),
          String(s.rowsAccepted),
          String(s.rowsRejected),
        ]),
      ),
    );
    for (const s of read.filter((s) => s.ignoredColumns.length > 0)) {
      out.push(`  ${location(s.file, s.sheet)} — ${t.ignoredColumns}: ${s.ignoredColumns.map((c) => `${c.letter} ${c.header}`).join(', ')}`);
    }
  }
  for (const s of summary.skipped) out.push(`  ${t.skipped}: ${location(s.file, s.sheet)} (${t.skipReason[s.reason] ?? s.reason})`);
  out.push('');

  out.push(t.findings);
  if (summary.findings.length === 0) out.push(`  ${t.noFindings}`);
  for (const dataset of DATASETS) {
    for (const severity of FINDING_SEVERITIES) {
      const group = summary.findings.filter((f) => f.dataset === dataset && f.severity === severity);
      if (group.length === 0) continue;
      out.push(`${DATASET_LABELS[dataset][lang]} · ${SEVERITY_LABELS[severity][lang]} (${group.length})`);
      out.push(
        formatTable(
          [{ title: t.clause }, { title: t.record, max: 28 }, { title: t.where, max: 48 }, { title: t.why }],
          group.slice(0, MAX_PRINTED_ROWS).map((f) => [f.clause ?? '—', f.record, f.file === null ? '' : [location(f.file, f.sheet), f.row === null ? null : t.row(f.row)].filter(Boolean).join(' › '), f.message]),
        ),
      );
      if (group.length > MAX_PRINTED_ROWS) out.push(`  ${t.more(group.length - MAX_PRINTED_ROWS, options.fullList)}`);
    }
  }
  out.push('');

  const errors = summary.inputErrors.filter((e) => e.level === 'error').length;
  const warnings = summary.inputErrors.length - errors;
  if (summary.inputErrors.length === 0) out.push(t.noInputErrors);
  else {
    out.push(t.inputErrors(errors, warnings));
    out.push(
      formatTable(
        [{ title: t.where, max: 56 }, { title: t.column, max: 22 }, { title: t.value, max: 24 }, { title: t.why }],
        summary.inputErrors.slice(0, MAX_PRINTED_ROWS).map((e) => [
          [location(e.file, e.sheet), e.row === null ? null : t.row(e.row)].filter(Boolean).join(' › '),
          e.column === null ? '' : e.columnLetter ? `${e.column} (${e.columnLetter})` : e.column,
          e.value ?? '',
          e.message,
        ]),
      ),
    );
    if (summary.inputErrors.length > MAX_PRINTED_ROWS) out.push(`  ${t.more(summary.inputErrors.length - MAX_PRINTED_ROWS, options.fullList)}`);
  }
  const unmapped = unmappedLabels(ingest.errors);
  if (unmapped.length > 0) {
    const fieldName = (name: string) => [...ORDER_FIELDS, ...COMPLAINT_FIELDS].find((f) => f.id === name)?.[lang] ?? name;
    const c = t.unmappedColumns;
    out.push('', t.unmapped);
    out.push(
      formatTable(
        [{ title: c.label, max: 24 }, { title: c.field }, { title: c.count, align: 'right' }, { title: c.now }, { title: c.key }],
        unmapped.slice(0, MAX_PRINTED_ROWS).map((u) => [u.label, fieldName(u.enum), String(u.count), u.kept ? t.keptAsOther : t.rowsNotRead, `${u.key}: "…"`]),
      ),
    );
  }
  out.push('', t.wrote([...options.written]));
  return `${out.join('\n')}\n`;
}

function location(file: string, sheet: string | null): string {
  return sheet === null ? file : `${file} › ${sheet}`;
}
