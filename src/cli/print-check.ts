import type { CheckResult } from '../pipeline.js';
import type { Lang } from '../model/lang.js';
import { CLI_TEXT } from './cli-text.js';
import { formatTable } from './text-table.js';

/** Input errors printed in the terminal; the rest are in summary.json. */
const MAX_PRINTED_ERRORS = 60;

/** The human report of `check`: what was read from where, then every input problem with its place. */
export function formatCheckReport(result: CheckResult, options: { input: string; lang: Lang; summaryPath: string }): string {
  const t = CLI_TEXT[options.lang];
  const { ingest, summary } = result;
  const out: string[] = [t.title(options.input, summary.asOf), ''];

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
          t.datasets[s.dataset!],
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
  for (const s of summary.skipped) {
    out.push(`  ${t.skipped}: ${location(s.file, s.sheet)} (${t.skipReason[s.reason] ?? s.reason})`);
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
        summary.inputErrors.slice(0, MAX_PRINTED_ERRORS).map((e) => [
          [location(e.file, e.sheet), e.row === null ? null : t.row(e.row)].filter(Boolean).join(' › '),
          e.column === null ? '' : e.columnLetter ? `${e.column} (${e.columnLetter})` : e.column,
          e.value ?? '',
          e.message,
        ]),
      ),
    );
    if (summary.inputErrors.length > MAX_PRINTED_ERRORS) out.push(`  ${t.more(summary.inputErrors.length - MAX_PRINTED_ERRORS, options.summaryPath)}`);
  }
  out.push('', t.wrote(options.summaryPath));
  return `${out.join('\n')}\n`;
}

function location(file: string, sheet: string | null): string {
  return sheet === null ? file : `${file} › ${sheet}`;
}
