import path from 'node:path';
import { ConfigError, findConfigFile, loadConfig, type LoadedConfig } from '../config/load-config.js';
import { InputFolderError } from '../ingest/input-files.js';
import { formatFileProblem } from '../issues/input-messages.js';
import { CliError } from '../issues/cli-error.js';
import type { FileProblem } from '../model/input-error.js';
import type { Lang } from '../model/lang.js';

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
      const problems = error.issues.map((i) => `${i.path}: ${i.message}`).join(lang === 'zh' ? '；' : '; ');
      throw new CliError(lang === 'zh' ? `配置文件 ${where} 有误：${problems}` : `configuration ${where} is invalid: ${problems}`);
    }
    throw error;
  }
}

/** Turns "the folder cannot be used" into the one line the user needs. */
export function inputFolderFailure(error: InputFolderError, lang: Lang): CliError {
  const zh = { missing: `找不到输入文件夹 ${error.folder}`, not_a_folder: `${error.folder} 不是文件夹`, unreadable: `无法读取输入文件夹 ${error.folder}` };
  const en = { missing: `input folder not found: ${error.folder}`, not_a_folder: `not a folder: ${error.folder}`, unreadable: `cannot read the input folder ${error.folder}` };
  return new CliError((lang === 'zh' ? zh : en)[error.code]);
}

/** A workbook that cannot be read stops the run: results without it would look complete and not be. */
export function fileProblemFailure(problems: readonly FileProblem[], lang: Lang): CliError {
  // Every file was looked at; each one that cannot be read is named (the first 20), one per line.
  const shown = problems.slice(0, 20).map((p) => formatFileProblem(p, lang));
  const more = problems.length > shown.length ? (lang === 'zh' ? `（另有 ${problems.length - shown.length} 个文件无法读取）` : `(and ${problems.length - shown.length} more unreadable files)`) : null;
  return new CliError([...shown, ...(more ? [more] : [])].join('\nqmsdoc: '));
}
