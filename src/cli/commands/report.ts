import { createFileWriter } from '../../emit/output-writer.js';
import { UsageError } from '../usage-error.js';
import { withOutputLock } from '../../emit/output-folder-text.js';
import { TemplateFileError } from '../../document/template-file-error.js';
import { CliError } from '../../issues/cli-error.js';
import {
  complaintPackMonths,
  emitAuditReadiness,
  emitComplaintPacks,
  emitCustomerHistories,
  emitDueList,
  emitManagementReview,
  emitSatisfactionReport,
  registerLogo,
  type GlyphReport,
  type ReportOptions,
} from '../../pipeline/build.js';
import type { CheckResult } from '../../pipeline/check.js';
import type { OutputWriter } from '../../emit/output-writer.js';
import type { CliIo } from '../main.js';
import { cliText } from '../cli-text.js';
import { meetingDateOption, monthsOption, parseOptions, stringOption, type OptionValue } from '../options.js';
import { formatGlyphNotes, formatOutputs } from '../print-outputs.js';
import { CHECK_OPTIONS, isFileSystemError, outputFailure, prepareRun } from '../run-check-command.js';

type Emit = (result: CheckResult, options: ReportOptions, writer: OutputWriter, values: Record<string, OptionValue>) => Promise<GlyphReport>;

/** The reports `qmsdoc report` writes one at a time, as `build` writes them all. */
const REPORTS: Record<string, Emit> = {
  satisfaction: (result, options, writer) => emitSatisfactionReport(result, options, writer),
  complaints: (result, options, writer, values) => {
    const months = monthsOption(values.month);
    const chosen = complaintPackMonths(result, options.config, options.asOf, months ?? 'latest');
    const meetingDate = meetingDateOption(values['meeting-date'], chosen[chosen.length - 1]);
    return emitComplaintPacks(result, { ...options, months: chosen, ...(meetingDate === undefined ? {} : { meetingDate }) }, writer);
  },
  'management-review': (result, options, writer) => emitManagementReview(result, options, writer),
  'audit-readiness': (result, options, writer) => emitAuditReadiness(result, options, writer),
  customers: (result, options, writer) => emitCustomerHistories(result, options, writer),
  due: (result, options, writer) => emitDueList(result, options, writer),
};

/** `qmsdoc report <name>`: one report on its own, written under <output>/reports/. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  const emit = name === undefined ? undefined : REPORTS[name];
  if (emit === undefined) throw new UsageError('reportName', { names: Object.keys(REPORTS).join(', ') });
  const values = parseOptions(rest, {
    ...CHECK_OPTIONS,
    output: { type: 'string' },
    month: { type: 'string', multiple: true },
    'meeting-date': { type: 'string' },
  });
  if (values.month !== undefined && name !== 'complaints') throw new UsageError('onlyComplaints', { option: '--month' });
  if (values['meeting-date'] !== undefined && name !== 'complaints') throw new UsageError('onlyComplaints', { option: '--meeting-date' });
  const { lang, asOf, loaded, result } = prepareRun(values);
  const out = stringOption(values.output) ?? 'output';
  const writer = createFileWriter(out);
  const glyphs: GlyphReport = await withOutputLock(out, lang, async () => {
    try {
      const logo = await registerLogo(loaded.config);
      return await emit(result, { config: loaded.config, lang, asOf, logo: logo?.name ?? null, logoBytes: logo?.bytes ?? null }, writer, values);
    } catch (error) {
      if (error instanceof TemplateFileError) throw new CliError(cliText(lang)('error.templateFile', { message: error.message }));
      if (isFileSystemError(error)) throw outputFailure(out, error, lang);
      throw error;
    }
  });
  if (writer.written.length === 0) {
    if (name === 'satisfaction') throw new CliError(cliText(lang)('error.noSurveys'));
    throw new CliError(cliText(lang)('error.noComplaints'));
  }
  io.stderr(formatGlyphNotes(glyphs, lang));
  io.stdout(formatOutputs(out, writer.written, lang));
  return 0;
}
