import type { Lang } from '../model/lang.js';
import { type MessageKey, type Messages, messages } from './messages.js';

/** The keys of templates/messages/summary.<lang>.json: texts the code composes into summary.json and report models. */
export type SummaryKey = MessageKey<typeof import('../../templates/messages/summary.zh.json', { with: { type: 'json' }})>;

export function summaryText(lang: Lang): Messages<SummaryKey> {
  return messages<SummaryKey>('summary', lang);
}
