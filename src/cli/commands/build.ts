import { headlineOf } from '../../compute/headline.js';
import { createFileWriter } from '../../emit/output-writer.js';
import { TemplateFileError } from '../../forms/load-form-templates.js';
import { CliError } from '../../issues/cli-error.js';
import { emitBuild } from '../../pipeline.js';
import { packageVersion } from '../../paths.js';
import type { CliIo } from '../main.js';
import { parseOptions, requireOption } from '../options.js';
import { formatCheckReport } from '../print-check.js';
import { formatOutputs } from '../print-outputs.js';
import { createProgress } from '../progress.js';
import { CHECK_OPTIONS, isFileSystemError, outputFailure, prepareRun } from '../run-check-command.js';

export const usage = {
  zh: 'qmsdoc build --input 文件夹 --output 文件夹 [--as-of YYYY-MM-DD] [--period 期次] [--lang zh|en] [--config 文件] [--no-filled-forms] [--recursive]',
  en: 'qmsdoc build --input DIR --output DIR [--as-of YYYY-MM-DD] [--period P] [--lang zh|en] [--config FILE] [--no-filled-forms] [--recursive]',
};

/**
 * `qmsdoc build`: the main job — the check, findings.xlsx, the blank and filled controlled forms,
 * the reports, summary.json and manifest.json.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const values = parseOptions(argv, { ...CHECK_OPTIONS, output: { type: 'string' }, 'no-filled-forms': { type: 'boolean' } });
  const out = requireOption(values.output, '--output');
  const { input, asOf, lang, loaded, result } = prepareRun(values);
  const writer = createFileWriter(out);
  const progress = createProgress();
  let report;
  try {
    report = await emitBuild(
      result,
      {
        config: loaded.config,
        lang,
        asOf,
        configSource: { file: loaded.file, sha256: loaded.sha256 },
        filledForms: values['no-filled-forms'] !== true,
        toolVersion: packageVersion(),
        onProgress: (stage, done, total) => progress.update(`${stage} ${done}/${total}`),
      },
      writer,
    );
  } catch (error) {
    if (error instanceof TemplateFileError) throw new CliError(lang === 'zh' ? `模板文件有误：${error.message}` : `template error: ${error.message}`);
    if (isFileSystemError(error)) throw outputFailure(out, error, lang);
    throw error;
  } finally {
    progress.done();
  }
  const headline = headlineOf(result.summary, loaded.config);
  const text = formatCheckReport(result, { input, lang, headline, written: [], fullList: `${out}/findings.xlsx` });
  io.stdout(text.slice(0, text.lastIndexOf('\n\n') + 1));
  for (const g of report.missingGlyphs) {
    io.stderr(lang === 'zh' ? `qmsdoc: 注意：${g.file} 中的字符 ${g.chars.join(' ')} 没有可用字形，已印为“?”\n` : `qmsdoc: note: ${g.file} has characters no font can draw (${g.chars.join(' ')}), printed as "?"\n`);
  }
  io.stdout(formatOutputs(out, writer.written, lang));
  return 0;
}
