import { fold } from './fold.js';

/** The input contract's yes and no symbols ("Settled details"), compared lower-case after folding. */
const YES = new Set(['是', 'y', 'yes', '✓', '✔', '√', '☑', '■', '1', 'true']);
const NO = new Set(['否', 'n', 'no', '✗', '✘', '×', '□', '0', 'false']);

/** The yes/no meaning of a text, or null when it is neither. */
export function yesNoOfText(text: string): boolean | null {
  const token = fold(text).toLowerCase();
  if (YES.has(token)) return true;
  if (NO.has(token)) return false;
  return null;
}
