import type { Lang } from '../model/lang.js';
import { type MessageKey, type Messages, messages } from '../text/messages.js';

/** The keys of templates/messages/workbench.<lang>.json: every text of the workbench's pages. */
export type WorkbenchKey = MessageKey<typeof import('../../templates/messages/workbench.zh.json', { with: { type: 'json' }})>;

export type WorkbenchTexts = Messages<WorkbenchKey>;

export function textsFor(lang: Lang): WorkbenchTexts {
  return messages<WorkbenchKey>('workbench', lang);
}

/** The word for `id` in a group chosen by data (a skip reason, a build stage); undefined when the table has none. */
export function wordFor(t: WorkbenchTexts, group: string, id: string): string | undefined {
  const key = `${group}.${id}`;
  return t.has(key) ? t(key) : undefined;
}

/** Why an upload was refused, in words; every problem's text reads the file name, some the size limit too. */
export function uploadProblem(t: WorkbenchTexts, problem: string, values: { readonly name: string; readonly limit: string }): string {
  const key = `upload.${problem}`;
  return t.has(key) ? t.fromContext(key, values) : problem;
}
