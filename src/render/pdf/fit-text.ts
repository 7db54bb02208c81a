import { FontSet } from './font-set.js';

/** Ideographs, kana, hangul and CJK punctuation: a line may break before or after any of them. */
const CJK = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\u{20000}-\u{3134f}]/u;
/** CJK punctuation that may not start a line (the line breaker keeps it with the character before). */
const NO_LINE_START = /[，。、；：！？）》」』】〕…％,.;:!?)\]]/u;

export interface FitOptions {
  readonly bold?: boolean;
  /** Smallest size to try, in points. */
  readonly minSize?: number;
  /** At most this many lines (a writing area of fixed height); no limit when absent. */
  readonly maxLines?: number;
}

/** One unbreakable piece of text with the space that may follow it. */
interface Token {
  readonly text: string;
  readonly spaceAfter: boolean;
}

/** Latin words (with the spaces after them) and single CJK characters, with closing punctuation kept on. */
function tokens(text: string): Token[] {
  const out: Token[] = [];
  let word = '';
  const flush = (spaceAfter: boolean) => {
    if (word !== '') out.push({ text: word, spaceAfter });
    word = '';
  };
  for (const ch of text) {
    if (/\s/.test(ch)) flush(true);
    else if (NO_LINE_START.test(ch) && word === '' && out.length > 0 && !out[out.length - 1]!.spaceAfter) {
      const last = out.pop()!;
      out.push({ text: last.text + ch, spaceAfter: false });
    } else if (CJK.test(ch)) {
      flush(false);
      word = ch;
      flush(false);
    } else word += ch;
  }
  flush(false);
  return out;
}

/**
 * Lines the text takes at `size` in `width`, greedily as the PDF engine breaks them, and whether
 * a Latin word had to be cut (wider than the line) or one CJK character was left alone on the last line.
 */
export function measureLines(text: string, width: number, size: number, bold = false): { lines: number; cutWord: boolean; orphan: boolean } {
  const fonts = FontSet.get();
  const space = fonts.measure(' ', size, bold);
  let lines = 0;
  let used = 0;
  let cutWord = false;
  let lastLine: string[] = [];
  for (const paragraph of text.split('\n')) {
    lines++;
    used = 0;
    lastLine = [];
    for (const token of tokens(paragraph)) {
      const w = fonts.measure(token.text, size, bold);
      if (w > width) cutWord = true;
      if (used > 0 && used + w > width) {
        lines++;
        used = 0;
        lastLine = [];
      }
      used += w + (token.spaceAfter ? space : 0);
      lastLine.push(token.text);
    }
  }
  const orphan = lines > 1 && lastLine.length === 1 && CJK.test(lastLine[0]!) && Array.from(lastLine[0]!).length <= 2;
  return { lines, cutWord, orphan };
}

/**
 * The largest font size, from `size` down in half points to the minimum, at which the text fits
 * `width` without cutting a Latin word, without leaving one CJK character alone on its last line,
 * and within `maxLines` when given (a size that keeps the row's height). When no size meets the line
 * limit, the best size without it; when nothing fits at all, the minimum.
 */
export function fitFontSize(text: string, width: number, size: number, options: FitOptions = {}): number {
  if (text === '' || width <= 0) return size;
  const min = options.minSize ?? Math.min(size, 7.5);
  for (let s = size; s >= min; s -= 0.5) {
    const m = measureLines(text, width, s, options.bold);
    if (!m.cutWord && !m.orphan && (options.maxLines === undefined || m.lines <= options.maxLines)) return s;
  }
  // Too long for its lines even at the smallest size: let it take more lines at a readable size.
  if (options.maxLines !== undefined) {
    const { maxLines: _limit, ...unlimited } = options;
    return fitFontSize(text, width, size, unlimited);
  }
  return min;
}
