import path from 'node:path';
import { createFileWriter } from '../../emit/output-writer.js';
import { InputFolderError } from '../../ingest/input-files.js';
import { CliError } from '../../issues/cli-error.js';
import { emitCheck, runCheck } from '../../pipeline.js';
import { asOfOption, langOption, parseOptions, requireOption, stringOption } from '../options.js';
import { formatCheckReport } from '../print-check.js';
import { createProgress } from '../progress.js';
import type { CliIo } from '../main.js';
import { fileProblemFailure, inputFolderFailure, loadRunConfig } from '../run-context.js';

export const usage = {
  zh: 'qmsdoc check --input 文件夹 [--as-of YYYY-MM-DD] [--config 文件] [--out 文件夹] [--json] [--lang zh|en] [--recursive]',
  en: 'qmsdoc check --input DIR [--as-of YYYY-MM-DD] [--config FILE] [--out DIR] [--json] [--lang zh|en] [--recursive]',
};

/** `qmsdoc check`: read the input folder, report what was read and every input error, write summary.json. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const values = parseOptions(argv, {
    input: { type: 'string' },
    'as-of': { type: 'string' },
    config: { type: 'string' },
    out: { type: 'string' },
    json: { type: 'boolean' },
    lang: { type: 'string' },
    recursive: { type: 'boolean' },
  });
  const input = requireOption(values.input, '--input');
  const asOf = asOfOption(values['as-of']);
  const argLang = langOption(values.lang);
  const { config } = loadRunConfig(stringOption(values.config), input, argLang ?? 'zh');
  const lang = argLang ?? config.language;
  const progress = createProgress();
  let result;
  try {
    result = runCheck({
      input,
      config,
      asOf,
      lang,
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
  const out = stringOption(values.out) ?? 'output';
  try {
    emitCheck(result, createFileWriter(out));
  } catch (error) {
    throw new CliError(lang === 'zh' ? `无法写入输出文件夹 ${out}：${(error as Error).message}` : `cannot write to the output folder ${out}: ${(error as Error).message}`);
  }
  const summaryPath = path.join(out, 'summary.json');
  io.stdout(values.json === true ? `${JSON.stringify(result.summary, null, 2)}\n` : formatCheckReport(result, { input, lang, summaryPath }));
  return 0;
}
