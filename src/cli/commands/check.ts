import path from 'node:path';
import { UsageError } from '../usage-error.js';
import { streamJson } from '../../emit/json-stream.js';
import { createFileWriter } from '../../emit/output-writer.js';
import { withOutputLock } from '../../emit/output-folder-text.js';
import type { FindingSeverity } from '../../model/finding.js';
import { checkHeadline, emitCheck, emitFindingsWorkbook } from '../../pipeline/check.js';
import type { CliIo } from '../main.js';
import { cliText } from '../cli-text.js';
import { parseOptions, stringOption } from '../options.js';
import { formatCheckReport } from '../print-check.js';
import { CHECK_OPTIONS, isFileSystemError, outputFailure, prepareRun } from '../run-check-command.js';

/**
 * `qmsdoc check`: read the input folder, run every rule, print the headline figures, the findings
 * and the input errors, and write summary.json and findings.xlsx.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const values = parseOptions(argv, { ...CHECK_OPTIONS, out: { type: 'string' }, json: { type: 'boolean' }, 'fail-on': { type: 'string' } });
  const failOn = failOnOption(values['fail-on']);
  const { input, lang, loaded, result } = prepareRun(values);
  const { config } = loaded;
  const headline = checkHeadline(result, config);
  const out = stringOption(values.out) ?? 'output';
  const writer = createFileWriter(out);
  await withOutputLock(out, lang, async () => {
    try {
      emitCheck(result, writer);
      await emitFindingsWorkbook(result, config, lang, writer);
    } catch (error) {
      if (isFileSystemError(error)) throw outputFailure(out, error, lang);
      throw error;
    }
  });
  const written = writer.written.map((f) => path.join(out, f.path));
  if (values.json === true) {
    // In chunks, the same text as summary.json: a million findings would not fit one string.
    streamJson(result.summary, io.stdout);
    io.stdout('\n');
  } else
    io.stdout(
      formatCheckReport(result, {
        input,
        lang,
        headline,
        dimensions: config.satisfaction.dimensions,
        written,
        fullList: written.join(cliText(lang)('separator.list')),
      }),
    );
  return failOn !== null && result.summary.findings.some((f) => failOn.includes(f.severity)) ? 1 : 0;
}

/** --fail-on major: exit 1 on major findings; minor: on minor or major ones. */
function failOnOption(value: unknown): readonly FindingSeverity[] | null {
  if (value === undefined) return null;
  if (value === 'major') return ['major'];
  if (value === 'minor') return ['major', 'minor'];
  throw new UsageError('failOn', { value: String(value) });
}
