import { yesNoOfText } from '../../text/yes-no.js';
import type { RawCell } from '../raw-sheet.js';
import { failure, type ParseFailure } from './parse-result.js';

/** True for a yes-value, false for a no-value, a failure otherwise (an empty cell is never passed). */
export function parseYesNo(cell: RawCell): boolean | ParseFailure {
  if (typeof cell === 'boolean') return cell;
  if (typeof cell === 'number') return cell === 1 ? true : cell === 0 ? false : failure('bad_yes_no');
  if (typeof cell !== 'string') return failure('bad_yes_no');
  return yesNoOfText(cell) ?? failure('bad_yes_no');
}
