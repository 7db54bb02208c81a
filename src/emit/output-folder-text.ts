import { OutputFolderError } from './output-folder-error.js';
import { lockOutputFolder, recoverOutputFolder } from './output-folder.js';
import { CliError } from '../issues/cli-error.js';
import type { Lang } from '../model/lang.js';
import { type MessageKey, messages } from '../text/messages.js';

/** The keys of templates/messages/output-folder.<lang>.json. */
type OutputFolderKey = MessageKey<typeof import('../../templates/messages/output-folder.zh.json', { with: { type: 'json' }})>;

/** Why the output folder cannot be used, as the one line the user needs. */
export function outputFolderFailure(error: OutputFolderError, lang: Lang): CliError {
  // Each text reads the folder, the detail or both.
  return new CliError(messages<OutputFolderKey>('output-folder', lang).fromContext(error.code, { folder: error.folder, detail: error.detail }));
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
