import type { Lang } from '../model/lang.js';
import { type MessageKey, type Messages, messages } from '../text/messages.js';

/** The keys of templates/messages/config.<lang>.json: what is wrong with a configuration file. */
export type ConfigKey = MessageKey<typeof import('../../templates/messages/config.zh.json', { with: { type: 'json' }})>;

export function configText(lang: Lang): Messages<ConfigKey> {
  return messages<ConfigKey>('config', lang);
}
