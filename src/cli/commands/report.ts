import { createFileWriter } from '../../emit/output-writer.js';
import { TemplateFileError } from '../../forms/load-form-templates.js';
import { CliError } from '../../issues/cli-error.js';
import { emitSatisfactionReport, registerLogo } from '../../pipeline.js';
import type { CliIo } from '../main.js';
import { parseOptions, stringOption } from '../options.js';
import { formatOutputs } from '../print-outputs.js';
import { CHECK_OPTIONS, isFileSystemError, outputFailure, prepareRun } from '../run-check-command.js';

export const usage = {
  zh: 'qmsdoc report satisfaction --input 文件夹 [--period 期次] [--output 文件夹] [--as-of YYYY-MM-DD] [--lang zh|en] [--config 文件]',
  en: 'qmsdoc report satisfaction --input DIR [--period P] [--output DIR] [--as-of YYYY-MM-DD] [--lang zh|en] [--config FILE]',
};

const REPORTS = ['satisfaction'] as const;

/** `qmsdoc report <name>`: one report on its own, written under <output>/reports/. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!REPORTS.includes(name as (typeof REPORTS)[number])) {
    throw new CliError(`report needs one of: ${REPORTS.join(', ')} (qmsdoc report satisfaction --input DIR)`);
  }
  const values = parseOptions(rest, { ...CHECK_OPTIONS, output: { type: 'string' } });
  const { lang, asOf, loaded, result } = prepareRun(values);
  const out = stringOption(values.output) ?? 'output';
  const writer = createFileWriter(out);
  try {
    const logo = await registerLogo(loaded.config);
    await emitSatisfactionReport(result, { config: loaded.config, lang, asOf, logo: logo?.name ?? null }, writer);
  } catch (error) {
    if (error instanceof TemplateFileError) throw new CliError(lang === 'zh' ? `模板文件有误：${error.message}` : `template error: ${error.message}`);
    if (isFileSystemError(error)) throw outputFailure(out, error, lang);
    throw error;
  }
  if (writer.written.length === 0) {
    throw new CliError(lang === 'zh' ? '输入数据中没有满意度调查，无法生成报告' : 'the input has no satisfaction surveys; no report');
  }
  io.stdout(formatOutputs(out, writer.written, lang));
  return 0;
}
