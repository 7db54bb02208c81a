import path from 'node:path';
import { headlineOf } from '../../compute/headline.js';
import { createFileWriter } from '../../emit/output-writer.js';
import { InputFolderError } from '../../ingest/input-files.js';
import { CliError } from '../../issues/cli-error.js';
import type { FindingSeverity } from '../../model/finding.js';
import { emitCheck, runCheck } from '../../pipeline.js';
import type { CliIo } from '../main.js';
import { asOfOption, langOption, parseOptions, requireOption, stringOption } from '../options.js';
import { formatCheckReport } from '../print-check.js';
import { createProgress } from '../progress.js';
import { fileProblemFailure, inputFolderFailure, loadRunConfig } from '../run-context.js';

export const usage = {
  zh: 'qmsdoc check --input 文件夹 [--as-of YYYY-MM-DD] [--config 文件] [--out 文件夹] [--period 期次] [--json] [--fail-on major|minor] [--lang zh|en] [--recursive]',
  en: 'qmsdoc check --input DIR [--as-of YYYY-MM-DD] [--config FILE] [--out DIR] [--period P] [--json] [--fail-on major|minor] [--lang zh|en] [--recursive]',
};

/**
 * `qmsdoc check`: read the input folder, run every rule, print the headline figures, the findings
 * and the input errors, and write summary.json and findings.xlsx.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const values = parseOptions(argv, {
    input: { type: 'string' },
    'as-of': { type: 'string' },
    config: { type: 'string' },
    out: { type: 'string' },
    period: { type: 'string' },
    json: { type: 'boolean' },
    'fail-on': { type: 'string' },
    lang: { type: 'string' },
    recursive: { type: 'boolean' },
  });
  const input = requireOption(values.input, '--input');
  const asOf = asOfOption(values['as-of']);
  const failOn = failOnOption(values['fail-on']);
  const argLang = langOption(values.lang);
  const { config } = loadRunConfig(stringOption(values.config), input, argLang ?? 'zh');
  const lang = argLang ?? config.language;
  const period = stringOption(values.period);
  const progress = createProgress();
  let result;
  try {
    result = runCheck({
      input,
      config,
      asOf,
      lang,
      ...(period !== undefined ? { period } : {}),
      recursive: values.recursive === true,
      onFile: (done, total, file) => progress.update(`${done}/${total} ${file}`),
    });
  } catch (error) {
    if (error instanceof InputFolderError) throw inputFolderFailure(error, lang);
    throw error;
  } finally {
    progress.done();
  }
  if (result.ingest.problems.length > 0) throw fileProblemFailure(result.ingest.problems, lang);
  if (period !== undefined && result.rules.satisfaction.current === null) {
    const known = result.rules.satisfaction.periods.map((p) => p.period).join(', ') || '—';
    throw new CliError(lang === 'zh' ? `数据中没有调查期次 ${period}；已有：${known}` : `no survey period ${period} in the data; periods: ${known}`);
  }
  const headline = headlineOf(result.summary, config);
  const out = stringOption(values.out) ?? 'output';
  const writer = createFileWriter(out);
  try {
    emitCheck(result, writer);
    const { renderFindingsWorkbook } = await import('../../render/excel/findings-workbook.js');
    writer.write('findings.xlsx', await renderFindingsWorkbook({ summary: result.summary, headline, config, lang }));
  } catch (error) {
    throw new CliError(lang === 'zh' ? `无法写入输出文件夹 ${out}：${(error as Error).message}` : `cannot write to the output folder ${out}: ${(error as Error).message}`);
  }
  const written = writer.written.map((f) => path.join(out, f.path));
  io.stdout(
    values.json === true
      ? `${JSON.stringify(result.summary, null, 2)}\n`
      : formatCheckReport(result, { input, lang, headline, written, fullList: written.join(lang === 'zh' ? '、' : ', ') }),
  );
  return failOn !== null && result.summary.findings.some((f) => failOn.includes(f.severity)) ? 1 : 0;
}

/** --fail-on major: exit 1 on major findings; minor: on minor or major ones. */
function failOnOption(value: unknown): readonly FindingSeverity[] | null {
  if (value === undefined) return null;
  if (value === 'major') return ['major'];
  if (value === 'minor') return ['major', 'minor'];
  throw new CliError(`--fail-on must be major or minor, not "${String(value)}"`);
}
