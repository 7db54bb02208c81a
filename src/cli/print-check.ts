import { formatDelta, formatRate, formatScore } from '../issues/format-number.js';
import { DATASET_LABELS, SEVERITY_LABELS } from '../issues/labels.js';
import { findingRecordText } from '../issues/finding-record.js';
import type { Dimension } from '../config/defaults.js';
import { COMPLAINT_FIELDS, DATASETS, ORDER_FIELDS } from '../model/fields.js';
import { unmappedLabels } from '../ingest/unmapped-labels.js';
import { FINDING_SEVERITIES } from '../model/finding.js';
import type { Lang } from '../model/lang.js';
import { BAND_LABELS } from '../text/domain-labels.js';
import type { CheckResult, Headline } from '../pipeline/check.js';
import type { Messages } from '../text/messages.js';
import { type CliKey, cliText } from './cli-text.js';
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
  /** The surveyed dimensions, to name a survey item's record by its label (findingRecordText). */
  readonly dimensions: readonly Dimension[];
}

/**
 * The human report of `check`: the headline figures, what was read from where, the findings by
 * area and severity, then every input problem with its place.
 */
export function formatCheckReport(result: CheckResult, options: CheckReportOptions): string {
  const { lang, headline: h } = options;
  const t = cliText(lang);
  const { ingest, summary } = result;
  const out: string[] = [t('title', { command: options.command ?? 'check', input: options.input, asOf: summary.asOf }), ''];

  out.push(t('headline'));
  const sat = h.satisfaction;
  const headline: [string, string][] = [
    [
      t('completeness'),
      t('completenessLine', {
        rate: formatRate(h.orders.completenessRate),
        complete: h.orders.reviewComplete,
        total: h.orders.total,
        signed: h.orders.signedBeforeReview,
        changed: h.orders.changedNotReReviewed,
      }),
    ],
    [
      t('complaints'),
      t('complaintsLine', {
        total: h.complaints.total,
        open: h.complaints.open,
        overdue: h.complaints.overdue,
        major: h.complaints.major,
        notEscalated: h.complaints.majorNotEscalated,
        replied: h.complaints.firstReplyWithin72h,
        hours: h.complaints.firstReplyHours,
      }),
    ],
    [
      t('satisfaction', { period: sat.period }),
      sat.period === null
        ? t('noSurveys')
        : t('satisfactionLine', {
            rate: formatRate(sat.responseRate),
            returned: sat.returned,
            sent: sat.sent,
            goal: formatRate(sat.responseRateGoal),
            mean: formatScore(sat.mean),
            band: sat.band ? BAND_LABELS[sat.band][lang] : '—',
            meanGoal: sat.meanGoal,
            previous: sat.previousPeriod,
            delta: formatDelta(sat.deltaMean),
          }),
    ],
    [
      t('findingsTotal'),
      t('findingsLine', {
        total: h.findings.total,
        parts: FINDING_SEVERITIES.map((s) => `${SEVERITY_LABELS[s][lang]} ${h.findings.bySeverity[s]}`).join(t('separator.counts')),
      }),
    ],
  ];
  out.push(formatTable([{ title: '' }, { title: '' }], headline, { header: false }));
  for (const w of summary.warnings) out.push(`  ${t('warning')}: ${w.message}`);
  out.push('');

  out.push(t('filesRead'));
  const read = ingest.sheets.filter((s) => s.dataset !== null);
  if (ingest.sheets.length === 0) out.push(`  ${t('noDataFiles')}`);
  else {
    out.push(
      formatTable(
        [
          { title: t('location'), max: 48 },
          { title: t('dataset') },
          { title: t('headerRow'), align: 'right' },
          { title: t('rowsRead'), align: 'right' },
          { title: t('rowsAccepted'), align: 'right' },
          { title: t('rowsRejected'), align: 'right' },
        ],
        read.map((s) => [
          location(s.file, s.sheet) + (s.hidden ? t('hidden') : ''),
          DATASET_LABELS[s.dataset!][lang],
          String(s.headerRow ?? ''),
          String(s.rowsRead),
          String(s.rowsAccepted),
          String(s.rowsRejected),
        ]),
      ),
    );
    for (const s of read.filter((s) => s.ignoredColumns.length > 0)) {
      out.push(`  ${location(s.file, s.sheet)} — ${t('ignoredColumns')}: ${s.ignoredColumns.map((c) => `${c.letter} ${c.header}`).join(', ')}`);
    }
  }
  for (const s of summary.skipped) out.push(`  ${t('skipped')}: ${location(s.file, s.sheet)} (${skipReason(t, s.reason)})`);
  out.push('');

  out.push(t('findings'));
  if (summary.findings.length === 0) out.push(`  ${t('noFindings')}`);
  for (const dataset of DATASETS) {
    for (const severity of FINDING_SEVERITIES) {
      const group = summary.findings.filter((f) => f.dataset === dataset && f.severity === severity);
      if (group.length === 0) continue;
      out.push(`${DATASET_LABELS[dataset][lang]} · ${SEVERITY_LABELS[severity][lang]} (${group.length})`);
      out.push(
        formatTable(
          [{ title: t('clause') }, { title: t('record'), max: 28 }, { title: t('where'), max: 48 }, { title: t('why') }],
          group
            .slice(0, MAX_PRINTED_ROWS)
            .map((f) => [
              f.clause ?? '—',
              findingRecordText(f, options.dimensions, lang),
              f.file === null ? '' : [location(f.file, f.sheet), f.row === null ? null : t('row', { row: f.row })].filter(Boolean).join(' › '),
              f.message,
            ]),
        ),
      );
      if (group.length > MAX_PRINTED_ROWS) out.push(`  ${t('more', { n: group.length - MAX_PRINTED_ROWS, file: options.fullList })}`);
    }
  }
  out.push('');

  const errors = summary.inputErrors.filter((e) => e.level === 'error').length;
  const warnings = summary.inputErrors.length - errors;
  if (summary.inputErrors.length === 0) out.push(t('noInputErrors'));
  else {
    out.push(t('inputErrors', { total: errors + warnings, errors, warnings }));
    out.push(
      formatTable(
        [{ title: t('where'), max: 56 }, { title: t('column'), max: 22 }, { title: t('value'), max: 24 }, { title: t('why') }],
        summary.inputErrors
          .slice(0, MAX_PRINTED_ROWS)
          .map((e) => [
            [location(e.file, e.sheet), e.row === null ? null : t('row', { row: e.row })].filter(Boolean).join(' › '),
            e.column === null ? '' : e.columnLetter ? `${e.column} (${e.columnLetter})` : e.column,
            e.value ?? '',
            e.message,
          ]),
      ),
    );
    if (summary.inputErrors.length > MAX_PRINTED_ROWS) out.push(`  ${t('more', { n: summary.inputErrors.length - MAX_PRINTED_ROWS, file: options.fullList })}`);
  }
  const unmapped = unmappedLabels(ingest.errors);
  if (unmapped.length > 0) {
    const fieldName = (name: string) => [...ORDER_FIELDS, ...COMPLAINT_FIELDS].find((f) => f.id === name)?.[lang] ?? name;
    out.push('', t('unmapped'));
    out.push(
      formatTable(
        [
          { title: t('unmappedColumns.label'), max: 24 },
          { title: t('unmappedColumns.field') },
          { title: t('unmappedColumns.count'), align: 'right' },
          { title: t('unmappedColumns.now') },
          { title: t('unmappedColumns.key') },
        ],
        unmapped
          .slice(0, MAX_PRINTED_ROWS)
          .map((u) => [u.label, fieldName(u.enum), String(u.count), u.kept ? t('keptAsOther') : t('rowsNotRead'), `${u.key}: "…"`]),
      ),
    );
  }
  out.push('', t('wrote', { files: options.written.join(t('separator.list')) }));
  return `${out.join('\n')}\n`;
}

/** Why a file or sheet was skipped, in words; a reason this version has no words for prints as its code. */
function skipReason(t: Messages<CliKey>, reason: string): string {
  const key = `skipReason.${reason}`;
  return t.has(key) ? t(key) : reason;
}

function location(file: string, sheet: string | null): string {
  return sheet === null ? file : `${file} › ${sheet}`;
}
