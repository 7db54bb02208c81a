import { PercentCell, type RawCell } from '../raw-sheet.js';
import { fold } from '../../text/fold.js';
import { failure, type ParseFailure } from './parse-result.js';

const PLAIN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const SCIENTIFIC = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)[eE][+-]?\d+$/;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/**
 * Reads a number: number cells, numeric text, full-width digits, "1,200" with thousands
 * separators, a trailing "分" or "%". For a score, "85%" and a cell formatted 85% are 85 points
 * (per cent of full marks); for other numbers "%" divides by 100.
 */
export function parseNumber(cell: RawCell, asScore: boolean): number | ParseFailure {
  const value = readNumber(cell, asScore);
  // Quantities beyond 10^15 are typing errors, and past 2^53 not even whole numbers any more:
  // refused the same way whether the cell holds a number or text.
  if (typeof value === 'number' && !(Math.abs(value) <= MAX_MAGNITUDE)) return failure('number_range', { rule: 'magnitude' });
  return value;
}

/** The largest magnitude a number read from a cell may have. */
export const MAX_MAGNITUDE = 1e15;

function readNumber(cell: RawCell, asScore: boolean): number | ParseFailure {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : failure('bad_number');
  if (cell instanceof PercentCell) return asScore ? roundFloat(cell.value * 100) : cell.value;
  if (typeof cell !== 'string') return failure('bad_number');
  let text = fold(cell).replace(/\s+/g, '');
  let percent = false;
  if (text.endsWith('%')) {
    percent = true;
    text = text.slice(0, -1);
  } else if (text.endsWith('分')) {
    text = text.slice(0, -1);
  }
  if (GROUPED.test(text)) text = text.replace(/,/g, '');
  // Scientific notation ("1e308", "1.5E3") is read as Excel reads it, then bounded like any number.
  if (!PLAIN.test(text) && !SCIENTIFIC.test(text)) return failure('bad_number');
  const value = Number(text);
  return percent && !asScore ? roundFloat(value / 100) : value;
}

/** 0.85 × 100 is 85.00000000000001 in binary floating point; people mean 85. */
function roundFloat(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}
