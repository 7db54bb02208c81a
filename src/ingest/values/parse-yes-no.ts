import type { RawCell } from '../raw-sheet.js';
import { fold } from './fold.js';
import { failure, type ParseFailure } from './parse-result.js';

/** The input contract's yes and no symbols ("Settled details"), compared lower-case after folding. */
const YES = new Set(['是', 'y', 'yes', '✓', '✔', '√', '☑', '■', '1', 'true']);
const NO = new Set(['否', 'n', 'no', '✗', '✘', '×', '□', '0', 'false']);

/** True for a yes-value, false for a no-value, a failure otherwise (an empty cell is never passed). */
export function parseYesNo(cell: RawCell): boolean | ParseFailure {
  if (typeof cell === 'boolean') return cell;
  if (typeof cell === 'number') return cell === 1 ? true : cell === 0 ? false : failure('bad_yes_no');
  if (typeof cell !== 'string') return failure('bad_yes_no');
  return yesNoOfText(cell) ?? failure('bad_yes_no');
}

/** The yes/no meaning of a text, or null when it is neither. */
export function yesNoOfText(text: string): boolean | null {
  const token = fold(text).toLowerCase();
  if (YES.has(token)) return true;
  if (NO.has(token)) return false;
  return null;
}
