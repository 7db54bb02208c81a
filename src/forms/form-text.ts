import type { Lang } from '../model/lang.js';
import { type MessageKey, type Messages, messages } from '../text/messages.js';

/** The keys of templates/messages/forms.<lang>.json: form texts made from the data. */
export type FormTextKey = MessageKey<typeof import('../../templates/messages/forms.zh.json', { with: { type: 'json' }})>;

export function formText(lang: Lang): Messages<FormTextKey> {
  return messages<FormTextKey>('forms', lang);
}
