import { isUtf8 } from 'node:buffer';
import Papa from 'papaparse';
import type { RawRow } from '../raw-sheet.js';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** A CSV record that papaparse could not split cleanly (an unclosed quote, say). */
export interface CsvProblem {
  /** 1-based row as Excel would show it. */
  readonly row: number;
  readonly detail: string;
}

/**
 * Decodes CSV bytes as Chinese Excel users produce them: UTF-8 with or without BOM, UTF-16 with
 * BOM ("Unicode text"), else GB18030 (a superset of GBK and GB2312) when the bytes are not UTF-8.
 */
export function decodeText(bytes: Buffer): { text: string; encoding: TextEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: bytes.toString('utf8', 3), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  // GBK text is almost never valid UTF-8, so validity decides.
  if (isUtf8(bytes)) return { text: bytes.toString('utf8'), encoding: 'utf-8' };
  return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
}

/**
 * Streams a CSV file row by row into `onRow` (which returns false to stop), the delimiter
 * (comma, tab, semicolon …) detected. Rows are numbered as Excel would show them; empty lines
 * count but are not passed on.
 */
export function streamCsv(bytes: Buffer, onRow: (row: RawRow) => boolean): { encoding: TextEncoding; problems: CsvProblem[] } {
  const { text, encoding } = decodeText(bytes);
  const problems: CsvProblem[] = [];
  let row = 0;
  Papa.parse<string[]>(text, {
    skipEmptyLines: false,
    delimitersToGuess: [',', '\t', ';', '|'],
    step: (result, parser) => {
      row++;
      for (const e of result.errors) {
        // A one-column file gives "UndetectableDelimiter"; it still parses as one column.
        if (e.code !== 'UndetectableDelimiter') problems.push({ row, detail: e.message });
      }
      const cells = result.data;
      if (cells.some((c) => c.trim() !== '') && !onRow({ row, cells })) parser.abort();
    },
  });
  return { encoding, problems };
}
