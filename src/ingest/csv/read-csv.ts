import Papa from 'papaparse';
import type { RawRow, RawSheet } from '../raw-sheet.js';

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
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/** Reads a CSV file as one sheet of text cells; the delimiter (comma, tab, semicolon …) is detected. */
export function readCsv(bytes: Buffer, file: string): { sheet: RawSheet; encoding: TextEncoding; problems: CsvProblem[] } {
  const { text, encoding } = decodeText(bytes);
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, delimitersToGuess: [',', '\t', ';', '|'] });
  const problems = parsed.errors
    // A one-column file gives "UndetectableDelimiter"; it still parses as one column.
    .filter((e) => e.code !== 'UndetectableDelimiter')
    .map((e) => ({ row: (e.row ?? 0) + 1, detail: e.message }));
  const data = parsed.data;
  function* rows(): Generator<RawRow> {
    for (let i = 0; i < data.length; i++) {
      const cells = data[i]!;
      if (cells.some((c) => c.trim() !== '')) yield { row: i + 1, cells };
    }
  }
  return { sheet: { file, sheet: null, hidden: false, merges: [], rows: { [Symbol.iterator]: rows } }, encoding, problems };
}
