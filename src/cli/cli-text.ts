import type { Lang } from '../model/lang.js';
import { type MessageKey, type Messages, messages } from '../text/messages.js';

/** The keys of templates/messages/cli.<lang>.json, the words of the terminal output. */
export type CliKey = MessageKey<typeof import('../../templates/messages/cli.zh.json', { with: { type: 'json' }})>;

/** The terminal's words in `lang`: `cliText(lang)('headline')`. */
export function cliText(lang: Lang): Messages<CliKey> {
  return messages<CliKey>('cli', lang);
}
