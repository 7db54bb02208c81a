/** Languages of messages and documents: Chinese first, English second. */
export type Lang = 'zh' | 'en';

/** A text in both languages. */
export interface Localized {
  readonly zh: string;
  readonly en: string;
}
