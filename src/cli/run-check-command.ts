import { InputFolderError } from '../ingest/input-files.js';
import { CliError } from '../issues/cli-error.js';
import type { LoadedConfig } from '../config/load-config.js';
import type { Lang } from '../model/lang.js';
import { runCheck, type CheckResult } from '../pipeline/check.js';
import { cliText } from './cli-text.js';
import { asOfOption, langOption, requireOption, stringOption, type OptionValue } from './options.js';
import { createProgress } from './progress.js';
import { fileProblemFailure, inputFolderFailure, loadRunConfig } from './run-context.js';

/** Options `check` and `build` share. */
export const CHECK_OPTIONS = {
  input: { type: 'string' },
  'as-of': { type: 'string' },
  config: { type: 'string' },
  period: { type: 'string' },
  lang: { type: 'string' },
  recursive: { type: 'boolean' },
} as const;

export interface PreparedRun {
  readonly input: string;
  readonly asOf: string;
  readonly lang: Lang;
  readonly loaded: LoadedConfig;
  readonly result: CheckResult;
}

/**
 * Reads the common options, the configuration and the input folder, and runs the rules; every
 * reason the run cannot go on becomes a one-line CliError.
 */
export function prepareRun(values: Record<string, OptionValue>): PreparedRun {
  const input = requireOption(values.input, '--input');
  const asOf = asOfOption(values['as-of']);
  const argLang = langOption(values.lang);
  const loaded = loadRunConfig(stringOption(values.config), input, argLang ?? 'zh');
  const lang = argLang ?? loaded.config.language;
  const period = stringOption(values.period);
  const progress = createProgress();
  let result: CheckResult;
  try {
    result = runCheck({
      input,
      config: loaded.config,
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
    throw new CliError(cliText(lang)('error.noSurveyPeriod', { period, known }));
  }
  return { input, asOf, lang, loaded, result };
}

/** A failure to write the output folder, as one line. */
export function outputFailure(out: string, error: unknown, lang: Lang): CliError {
  return new CliError(cliText(lang)('error.outputUnwritable', { out, message: (error as Error).message }));
}

const FILE_SYSTEM_CODES = new Set(['EACCES', 'EPERM', 'ENOSPC', 'EROFS', 'ENOTDIR', 'EISDIR', 'EEXIST', 'EMFILE', 'ENAMETOOLONG', 'EDQUOT']);

/** True for an error of writing files (a full disk, a read-only folder), not a bug. */
export function isFileSystemError(error: unknown): boolean {
  return FILE_SYSTEM_CODES.has((error as NodeJS.ErrnoException)?.code ?? '');
}
