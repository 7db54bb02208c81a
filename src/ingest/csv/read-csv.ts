import Papa from 'papaparse';
import type { RawRow } from '../raw-sheet.js';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** What went wrong in a CSV file, by row. */
export type CsvProblem =
  /** A record papaparse could not split cleanly. */
  | { readonly kind: 'format'; readonly row: number; readonly detail: string }
  /** A quote opened in `row` never closes: `rows` lines from there to the end ran into one cell. */
  | { readonly kind: 'unclosed_quote'; readonly row: number; readonly rows: number }
  /** `count` byte sequences of the row could not be decoded and show as U+FFFD. */
  | { readonly kind: 'encoding'; readonly row: number; readonly count: number };

const REPLACEMENT = '\uFFFD';

/**
 * Decodes CSV bytes as Chinese Excel users produce them: UTF-16 with a BOM ("Unicode text"),
 * UTF-8 with or without BOM, else GB18030 (a superset of GBK and GB2312).
 *
 * The choice between UTF-8 and GB18030 is made on the whole byte stream: UTF-8 unless its invalid
 * places are more than a few — more than one for every ten valid multi-byte characters. GBK text
 * is almost never valid UTF-8 (nearly every Chinese character is an invalid place), while a UTF-8
 * file with a stray byte has a handful among thousands of valid characters: it stays UTF-8 and the
 * rows holding the bad bytes are reported rather than the whole file decoded wrongly.
 */
export function decodeText(bytes: Buffer): { text: string; encoding: TextEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: bytes.toString('utf8', 3), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const utf8 = bytes.toString('utf8');
  const invalid = countOf(utf8, REPLACEMENT) - countLiteralReplacements(bytes);
  if (invalid <= 0) return { text: utf8, encoding: 'utf-8' };
  let multiByte = 0;
  for (let i = 0; i < utf8.length; i++) if (utf8.charCodeAt(i) > 0x7f && utf8[i] !== REPLACEMENT) multiByte++;
  if (invalid * 10 <= multiByte) return { text: utf8, encoding: 'utf-8' };
  return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
}

function countOf(text: string, char: string): number {
  let n = 0;
  for (let i = text.indexOf(char); i >= 0; i = text.indexOf(char, i + 1)) n++;
  return n;
}

/** U+FFFD written in the file itself (EF BF BD), which is text, not damage. */
function countLiteralReplacements(bytes: Buffer): number {
  let n = 0;
  for (let i = bytes.indexOf(0xef); i >= 0 && i + 2 < bytes.length; i = bytes.indexOf(0xef, i + 1)) {
    if (bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) n++;
  }
  return n;
}

/**
 * Streams a CSV file row by row into `onRow` (which returns false to stop), the delimiter
 * (comma, tab, semicolon …) detected. Rows are numbered as Excel would show them; empty lines
 * count but are not passed on. A record whose quote never closes is not passed on: it is a
 * problem saying how many lines it swallowed.
 */
export function streamCsv(bytes: Buffer, onRow: (row: RawRow) => boolean): { encoding: TextEncoding; problems: CsvProblem[] } {
  const { text, encoding } = decodeText(bytes);
  const damaged = text.includes(REPLACEMENT) && countOf(text, REPLACEMENT) > countLiteralReplacements(bytes);
  const problems: CsvProblem[] = [];
  let row = 0;
  let cursor = 0;
  Papa.parse<string[]>(text, {
    skipEmptyLines: false,
    delimitersToGuess: [',', '\t', ';', '|'],
    step: (result, parser) => {
      row++;
      const start = cursor;
      cursor = result.meta.cursor;
      let unclosed = false;
      for (const e of result.errors) {
        if (e.code === 'MissingQuotes') unclosed = true;
        // A one-column file gives "UndetectableDelimiter"; it still parses as one column.
        else if (e.code !== 'UndetectableDelimiter') problems.push({ kind: 'format', row, detail: e.message });
      }
      if (unclosed) {
        const swallowed = text.slice(start, cursor).replace(/(\r\n|\r|\n)$/, '');
        problems.push({ kind: 'unclosed_quote', row, rows: swallowed.split(/\r\n|\r|\n/).length });
        return;
      }
      const cells = result.data;
      if (damaged) {
        const count = cells.reduce((n, c) => n + countOf(c, REPLACEMENT), 0);
        if (count > 0) problems.push({ kind: 'encoding', row, count });
      }
      if (cells.some((c) => c.trim() !== '') && !onRow({ row, cells })) parser.abort();
    },
  });
  return { encoding, problems };
}
