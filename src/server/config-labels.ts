import type { Lang } from '../model/lang.js';
import { messages } from '../text/messages.js';

/**
 * The label of a settings field by configuration path, from templates/messages/settings.*.json
 * ("*" there = any key or index). A path not listed shows its own key, so a setting added to the
 * schema appears without a change to the texts.
 */
export function fieldLabel(path: string, lang: Lang): string {
  const t = messages<string>('settings', lang);
  const parts = path.split('.');
  const last = parts[parts.length - 1] ?? '';
  const pattern = t.has(path)
    ? path
    : (t.keys().find((key) => {
        const k = key.split('.');
        return k.length === parts.length && k.every((p, i) => p === '*' || p === parts[i]);
      }) ?? (t.has(last) ? last : undefined));
  return pattern === undefined ? (parts[parts.length - 1] ?? path) : t(pattern);
}
