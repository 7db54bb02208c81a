import path from 'node:path';
import { UsageError } from '../usage-error.js';
import { createFileWriter } from '../../emit/output-writer.js';
import { withOutputLock } from '../../emit/output-folder-text.js';
import { TemplateFileError } from '../../document/template-file-error.js';
import { CliError } from '../../issues/cli-error.js';
import { emitBlankForms, selectBlankForms, UnknownFormError } from '../../pipeline/blank-forms.js';
import type { CliIo } from '../main.js';
import { cliText } from '../cli-text.js';
import { asOfOption, langOption, parseOptions, requireOption, stringOption } from '../options.js';
import { formatOutputs } from '../print-outputs.js';
import { isFileSystemError, outputFailure } from '../run-check-command.js';
import { loadRunConfig } from '../run-context.js';

/** `qmsdoc forms --blank`: blank controlled forms to print and fill by hand, and a print pack. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const values = parseOptions(argv, {
    blank: { type: 'boolean' },
    form: { type: 'string', multiple: true },
    output: { type: 'string' },
    config: { type: 'string' },
    lang: { type: 'string' },
    'as-of': { type: 'string' },
  });
  if (values.blank !== true) throw new UsageError('formsNeedsBlank');
  const out = requireOption(values.output, '--output');
  const asOf = asOfOption(values['as-of']);
  const argLang = langOption(values.lang);
  const { config } = loadRunConfig(stringOption(values.config), undefined, argLang ?? 'zh');
  const lang = argLang ?? config.language;
  let templates;
  try {
    templates = selectBlankForms(config, Array.isArray(values.form) ? values.form.map(String) : []);
  } catch (error) {
    if (error instanceof UnknownFormError) throw new CliError(cliText(lang)('error.unknownForm', { id: error.id, known: error.known.join(', ') }));
    if (error instanceof TemplateFileError) throw new CliError(cliText(lang)('error.templateFile', { message: error.message }));
    throw error;
  }
  const writer = createFileWriter(out);
  await withOutputLock(out, lang, async () => {
    try {
      await emitBlankForms(templates, { config, lang, asOf }, writer);
    } catch (error) {
      if (isFileSystemError(error)) throw outputFailure(out, error, lang);
      throw error;
    }
  });
  io.stdout(formatOutputs(path.normalize(out), writer.written, lang));
  return 0;
}
