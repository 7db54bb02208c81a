import type { Lang } from '../model/lang.js';
import { type MessageKey, messages } from './messages.js';

type PunctuationKey = MessageKey<typeof import('../../templates/messages/punctuation.zh.json', { with: { type: 'json' }})>;

/**
 * Punctuation that differs by language (templates/messages/punctuation.*.json): full-width
 * brackets, 、 and ， in Chinese; their English forms with spaces. Kept with the other texts so a
 * document never chooses its brackets inline.
 */
export function punctuation(lang: Lang) {
  const p = messages<PunctuationKey>('punctuation', lang);
  return {
    /** "李娜（供销部）" / "Li Na (Sales)". */
    aside: (text: string, aside: string) => p('aside', { text, aside }),
    /** 、 / ", ". */
    listSeparator: p('listSeparator'),
    /** ， / ", ". */
    clauseSeparator: p('clauseSeparator'),
    /** "报价偏高——芜湖长江精工" / "Price too high — Wuhu Changjiang": a quoted text and who said it. */
    attribution: (text: string, who: string) => p('attribution', { text, who }),
    /** "签字：" / "Signature: ". */
    label: (label: string) => p('label', { label }),
  };
}
