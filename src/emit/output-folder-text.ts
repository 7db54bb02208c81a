import { OutputFolderError } from './output-folder-error.js';
import { lockOutputFolder, recoverOutputFolder } from './output-folder.js';
import { CliError } from '../issues/cli-error.js';
import type { Lang } from '../model/lang.js';

/** Why the output folder cannot be used, as the one line the user needs. */
export function outputFolderFailure(error: OutputFolderError, lang: Lang): CliError {
  const { folder, detail } = error;
  const zh: Record<OutputFolderError['code'], string> = {
    locked: `另一个 qmsdoc 正在写入输出文件夹 ${folder}（${detail}）；请等它结束后再运行`,
    not_ours: `输出文件夹 ${folder} 里有不是 qmsdoc 生成的文件（${detail}）；生成时整个文件夹会被替换，请换一个新的或空的文件夹`,
    is_input: `输出文件夹不能就是输入文件夹 ${detail}；请另选一个文件夹`,
    inside_input: `输出文件夹 ${folder} 在输入文件夹 ${detail} 里面，而 --recursive 会读取子文件夹；请把输出放到输入文件夹以外`,
    contains_input: `输入文件夹 ${detail} 在输出文件夹 ${folder} 里面，而生成时整个输出文件夹会被替换；请另选输出文件夹`,
    is_symlink: `输出文件夹 ${folder} 中的 ${detail} 是符号链接；qmsdoc 不通过链接写文件，请删除该链接`,
  };
  const en: Record<OutputFolderError['code'], string> = {
    locked: `another qmsdoc is writing to the output folder ${folder} (${detail}); wait for it to finish and run again`,
    not_ours: `the output folder ${folder} holds files qmsdoc did not write (${detail}); a build replaces the whole folder, so choose a new or empty folder`,
    is_input: `the output folder cannot be the input folder ${detail}; choose another folder`,
    inside_input: `the output folder ${folder} lies inside the input folder ${detail}, and --recursive reads sub-folders; put the output outside the input folder`,
    contains_input: `the input folder ${detail} lies inside the output folder ${folder}, which a build replaces whole; choose another output folder`,
    is_symlink: `${detail} in the output folder ${folder} is a symbolic link; qmsdoc does not write through links: remove it`,
  };
  return new CliError((lang === 'zh' ? zh : en)[error.code]);
}

/**
 * Runs `write` (check, report, forms: single files written into the folder) holding the output
 * folder's lock, after putting back what an interrupted build left, so it never writes into a
 * folder a build is about to replace. Output folder problems become the CliError that says them.
 */
export async function withOutputLock<T>(out: string, lang: Lang, write: () => Promise<T>): Promise<T> {
  let release: () => void;
  try {
    // Single-file commands wait for a build or another command to finish (up to two minutes).
    release = lockOutputFolder(out, { waitMs: 120_000 });
    recoverOutputFolder(out);
  } catch (error) {
    if (error instanceof OutputFolderError) throw outputFolderFailure(error, lang);
    throw error;
  }
  try {
    return await write();
  } catch (error) {
    if (error instanceof OutputFolderError) throw outputFolderFailure(error, lang);
    throw error;
  } finally {
    release();
  }
}
