import path from 'node:path';
import { ConfigError, findConfigFile, loadConfig, type LoadedConfig } from '../config/load-config.js';
import { InputFolderError } from '../ingest/input-files.js';
import { formatFileProblem } from '../issues/input-messages.js';
import { CliError } from '../issues/cli-error.js';
import type { FileProblem } from '../model/input-error.js';
import type { Lang } from '../model/lang.js';
import { cliText } from './cli-text.js';

/**
 * The configuration for a run: `--config`, else qmsdoc.config.json in the input folder, else in
 * the current folder, else the defaults. A bad file is one line naming every problem.
 */
export function loadRunConfig(explicit: string | undefined, input: string | undefined, lang: Lang): LoadedConfig {
  const file = findConfigFile(explicit, input === undefined ? ['.'] : [input, '.']);
  try {
    return loadConfig(file, lang);
  } catch (error) {
    if (error instanceof ConfigError) {
      const where = path.relative(process.cwd(), error.file) || error.file;
      const t = cliText(lang);
      const problems = error.issues.map((i) => `${i.path}: ${i.message}`).join(t('separator.problems'));
      throw new CliError(t('error.configInvalid', { where, problems }));
    }
    throw error;
  }
}

/** Turns "the folder cannot be used" into the one line the user needs. */
export function inputFolderFailure(error: InputFolderError, lang: Lang): CliError {
  const key = { missing: 'error.inputMissing', not_a_folder: 'error.inputNotFolder', unreadable: 'error.inputUnreadable' } as const;
  return new CliError(cliText(lang)(key[error.code], { folder: error.folder }));
}

/** A workbook that cannot be read stops the run: results without it would look complete and not be. */
export function fileProblemFailure(problems: readonly FileProblem[], lang: Lang): CliError {
  // Every file was looked at; each one that cannot be read is named (the first 20), one per line.
  const shown = problems.slice(0, 20).map((p) => formatFileProblem(p, lang));
  const more = problems.length > shown.length ? cliText(lang)('error.moreUnreadable', { n: problems.length - shown.length }) : null;
  return new CliError([...shown, ...(more ? [more] : [])].join('\nqmsdoc: '));
}
