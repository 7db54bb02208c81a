import type { Lang } from '../model/lang.js';

/** The yes/no words the templates offer in their drop-downs; both are read by the yes/no parser. */
export const YES_NO_WORDS: Readonly<Record<Lang, { readonly yes: string; readonly no: string }>> = {
  zh: { yes: '是', no: '否' },
  en: { yes: 'yes', no: 'no' },
};
