import path from 'node:path/posix';
import { dateTimeFromSerial } from '../../dates/civil.js';
import { columnLetter, DateCell, ErrorCell, PercentCell, type MergeRange, type RawCell, type RawRow, type OutsideCell, type RawSheet } from '../raw-sheet.js';
import { XmlCursor } from './xml-cursor.js';
import { ZipArchive, ZipFormatError } from '../../zip/zip-archive.js';
import { cellFormatKinds, CellFormatKind } from './cell-formats.js';

/** Limits that keep a huge or malicious workbook from exhausting the machine. */
export interface XlsxLimits {
  /** Largest inflated part (sheet XML, shared strings) in bytes. */
  readonly maxPartBytes: number;
  /** Most bytes all parts read from one workbook may inflate to together (a zip bomb's many members). */
  readonly maxTotalBytes: number;
}

export const DEFAULT_XLSX_LIMITS: XlsxLimits = { maxPartBytes: 1 << 30, maxTotalBytes: 1 << 30 };

/** Excel's column limit (XFD). */
const MAX_COLUMNS = 16_384;

/**
 * Why a workbook cannot be read, or not whole: `not_xlsx` it is no workbook at all, `damaged_workbook`
 * a part is missing, fails its check or ends early (the message names the part), `workbook_too_large`
 * it inflates past the limits.
 */
export class WorkbookError extends Error {
  constructor(
    readonly code: 'encrypted_workbook' | 'not_xlsx' | 'damaged_workbook' | 'workbook_too_large',
    detail: string,
  ) {
    super(detail);
    this.name = 'WorkbookError';
  }
}

/** A sheet listed in a workbook; `open` inflates and indexes it. */
export interface XlsxSheetRef {
  readonly name: string;
  readonly hidden: boolean;
  /** False for chart sheets and dialog sheets, which hold no cells. */
  readonly isWorksheet: boolean;
  /** The workbook uses the 1904 date system (serial 0 = 1904-01-01). */
  readonly date1904: boolean;
  open(): RawSheet;
}

const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/**
 * Lists the sheets of an .xlsx held in memory. Values are read as Excel stores them: shared and
 * inline strings (rich text joined, phonetic runs left out), formula results, booleans, errors,
 * numbers — with date and percent formats recognised from the cell's style.
 */
export function readXlsx(bytes: Buffer, file: string, limits: XlsxLimits = DEFAULT_XLSX_LIMITS): XlsxSheetRef[] {
  if (bytes.subarray(0, 8).equals(OLE_SIGNATURE)) {
    throw new WorkbookError('encrypted_workbook', 'password-protected workbook (or an old .xls saved under an .xlsx name)');
  }
  let zip: ZipArchive;
  try {
    zip = new ZipArchive(bytes, limits.maxTotalBytes);
  } catch (error) {
    throw new WorkbookError('not_xlsx', error instanceof ZipFormatError ? error.message : `damaged zip directory (${String(error)})`);
  }
  return withWorkbookErrors(() => {
    const workbookPath = findWorkbookPart(zip, limits);
    const workbookXml = readPart(zip, workbookPath, limits, 'workbook');
    const relsPath = relsPathOf(workbookPath);
    if (!zip.has(relsPath)) throw new WorkbookError('damaged_workbook', `${relsPath} is missing (the list of the workbook's sheets)`);
    const rels = readRelationships(zip, relsPath, limits);
    const { date1904, sheets } = readWorkbookXml(workbookXml);
    const sharedStringsTarget = [...rels.values()].find((r) => r.type.endsWith('/sharedStrings'));
    const stylesTarget = [...rels.values()].find((r) => r.type.endsWith('/styles'));
    let sharedStrings: string[] | null = null;
    let formatKinds: Uint8Array | null = null;
    const context = (): SheetContext => {
      sharedStrings ??= sharedStringsTarget ? readSharedStrings(readPart(zip, sharedStringsTarget.target, limits, 'sst')) : null;
      formatKinds ??= cellFormatKinds(stylesTarget ? readPart(zip, stylesTarget.target, limits, 'styleSheet') : null);
      return { sharedStrings, sharedStringsPart: sharedStringsTarget?.target ?? 'xl/sharedStrings.xml', formatKinds, date1904 };
    };
    return sheets.map((sheet) => {
      const rel = rels.get(sheet.relId);
      const isWorksheet = rel !== undefined && rel.type.endsWith('/worksheet');
      return {
        name: sheet.name,
        hidden: sheet.hidden,
        isWorksheet,
        date1904,
        open: () =>
          withWorkbookErrors(() => {
            if (rel === undefined) throw new WorkbookError('damaged_workbook', `sheet ${sheet.name}: ${relsPath} does not say where it is`);
            if (!isWorksheet) throw new WorkbookError('not_xlsx', `sheet ${sheet.name} has no cells`);
            const xml = readPart(zip, rel.target, limits, 'worksheet');
            return openSheet(xml, file, sheet.name, rel.target, sheet.hidden, context());
          }),
      };
    });
  });
}

/**
 * True for a workbook qmsdoc wrote: its docProps/app.xml names qmsdoc as the application (every
 * workbook of the xlsx writer does). Such a file is output, never input.
 */
export function isQmsdocWorkbook(bytes: Buffer): boolean {
  try {
    const zip = new ZipArchive(bytes, 1 << 20);
    const app = zip.read('docProps/app.xml', 1 << 16);
    return app !== null && /<(?:\w+:)?Application>qmsdoc<\//.test(app.toString('utf8'));
  } catch {
    return false;
  }
}

/** Runs `read`, turning a damaged or oversized zip member into the WorkbookError that names it. */
function withWorkbookErrors<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof ZipFormatError) throw new WorkbookError(error.tooLarge ? 'workbook_too_large' : 'damaged_workbook', error.message);
    throw error;
  }
}

/**
 * A part the package needs, whole: absent, or an XML document that ends before its `root` element
 * closes (a file cut short and re-zipped), is a damaged workbook naming the part.
 */
function readPart(zip: ZipArchive, part: string, limits: XlsxLimits, root: string): Buffer {
  const xml = zip.read(part, limits.maxPartBytes);
  if (xml === null) throw new WorkbookError('damaged_workbook', `${part} is missing`);
  if (!endsWithRoot(xml, root)) throw new WorkbookError('damaged_workbook', `${part} ends early (the XML stops before </${root}>)`);
  return xml;
}

/** True when the document's last tag closes `root` (or is `root` itself, self-closing). */
export function endsWithRoot(xml: Buffer, root: string): boolean {
  let end = xml.length;
  while (end > 0 && (xml[end - 1] === 0x20 || xml[end - 1] === 0x0a || xml[end - 1] === 0x0d || xml[end - 1] === 0x09 || xml[end - 1] === 0x00)) end--;
  if (end === 0 || xml[end - 1] !== 0x3e) return false;
  const lt = xml.lastIndexOf(0x3c, end - 1);
  if (lt < 0) return false;
  const tag = xml.toString('latin1', lt, end);
  const match = /^<(\/)?(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[^<]*?(\/)?>$/.exec(tag);
  if (!match || match[2] !== root) return false;
  return match[1] === '/' || match[3] === '/';
}

interface Relationship {
  readonly type: string;
  /** Resolved path inside the package. */
  readonly target: string;
}

function findWorkbookPart(zip: ZipArchive, limits: XlsxLimits): string {
  // Without the package's own .rels, the usual place is tried: the workbook is still found whole.
  const rootRels = zip.has('_rels/.rels') ? readRelationships(zip, '_rels/.rels', limits) : new Map<string, Relationship>();
  const office = [...rootRels.values()].find((r) => r.type.endsWith('/officeDocument'));
  if (office) {
    if (!zip.has(office.target)) throw new WorkbookError('damaged_workbook', `${office.target} is missing (the workbook part _rels/.rels names)`);
    return office.target;
  }
  if (zip.has('xl/workbook.xml')) return 'xl/workbook.xml';
  if (zip.names().some((n) => n.startsWith('xl/'))) throw new WorkbookError('damaged_workbook', 'xl/workbook.xml is missing');
  throw new WorkbookError('not_xlsx', 'no workbook part (not an Excel workbook)');
}

function relsPathOf(part: string): string {
  return path.join(path.dirname(part), '_rels', `${path.basename(part)}.rels`);
}

function readRelationships(zip: ZipArchive, relsPath: string, limits: XlsxLimits): Map<string, Relationship> {
  const map = new Map<string, Relationship>();
  const xml = readPart(zip, relsPath, limits, 'Relationships');
  // Targets are relative to the folder of the part the .rels file describes.
  const base = path.dirname(path.dirname(relsPath));
  const cursor = new XmlCursor(xml);
  while (cursor.next()) {
    if (cursor.isEnd || !cursor.is('Relationship')) continue;
    const id = cursor.attr('Id');
    const type = cursor.attr('Type') ?? '';
    const target = cursor.attr('Target');
    if (!id || !target || cursor.attr('TargetMode') === 'External') continue;
    const resolved = target.startsWith('/') ? target.slice(1) : path.normalize(path.join(base, target));
    map.set(id, { type, target: resolved.replace(/^\.\//, '') });
  }
  return map;
}

function readWorkbookXml(xml: Buffer): { date1904: boolean; sheets: { name: string; relId: string; hidden: boolean }[] } {
  const cursor = new XmlCursor(xml);
  let date1904 = false;
  const sheets: { name: string; relId: string; hidden: boolean }[] = [];
  while (cursor.next()) {
    if (cursor.isEnd) continue;
    if (cursor.is('workbookPr')) {
      const value = cursor.attr('date1904');
      date1904 = value === '1' || value === 'true';
    } else if (cursor.is('sheet')) {
      const state = cursor.attr('state');
      sheets.push({ name: cursor.attr('name') ?? '', relId: cursor.attr('id') ?? '', hidden: state === 'hidden' || state === 'veryHidden' });
    }
  }
  return { date1904, sheets };
}

/** Shared strings in order; rich-text runs joined, phonetic guides (rPh) left out. */
function readSharedStrings(xml: Buffer): string[] {
  const strings: string[] = [];
  const cursor = new XmlCursor(xml);
  let current: string | null = null;
  let phonetic = 0;
  while (cursor.next()) {
    if (cursor.is('si')) {
      if (cursor.isEnd) {
        strings.push(current ?? '');
        current = null;
      } else if (cursor.selfClosing) strings.push('');
      else current = '';
    } else if (cursor.is('rPh')) {
      if (!cursor.selfClosing) phonetic += cursor.isEnd ? -1 : 1;
    } else if (cursor.is('t') && !cursor.isEnd && phonetic === 0 && current !== null) {
      current += cursor.text();
    }
  }
  return strings;
}

interface SheetContext {
  /** Null when the workbook has no shared strings part: a cell that refers to one is damage. */
  readonly sharedStrings: readonly string[] | null;
  readonly sharedStringsPart: string;
  readonly formatKinds: Uint8Array;
  readonly date1904: boolean;
}

function openSheet(xml: Buffer, file: string, name: string, part: string, hidden: boolean, context: SheetContext): RawSheet {
  const dataEnd = xml.lastIndexOf('sheetData');
  const merges = dataEnd < 0 ? [] : readMerges(xml, dataEnd);
  const dataStart = xml.indexOf('sheetData');
  const empty = dataStart < 0 || xml[xml.indexOf(0x3e, dataStart) - 1] === 0x2f;
  const beyond: OutsideCell[] = [];
  return {
    file,
    sheet: name,
    hidden,
    merges,
    rows: empty ? [] : { [Symbol.iterator]: () => scanRows(xml, dataStart, part, context, beyond) },
    cellsBeyondLastColumn: beyond,
  };
}

function readMerges(xml: Buffer, from: number): MergeRange[] {
  const merges: MergeRange[] = [];
  const cursor = new XmlCursor(xml, from);
  while (cursor.next()) {
    if (cursor.isEnd || !cursor.is('mergeCell')) continue;
    const ref = cursor.attr('ref');
    const match = ref ? /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(ref.toUpperCase()) : null;
    if (!match) continue;
    const [, c1 = 'A', r1 = '1', c2 = c1, r2 = r1] = match;
    merges.push({ top: Number(r1), left: columnIndex(c1), bottom: Number(r2), right: columnIndex(c2) });
  }
  return merges;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n - 1;
}

const CHAR_c = 0x63;
const CHAR_v = 0x76;
const CHAR_t = 0x74;

/** Walks <sheetData>: the hot loop, comparing tag names as bytes. */
function* scanRows(xml: Buffer, start: number, part: string, context: SheetContext, beyond: OutsideCell[]): Generator<RawRow> {
  const cursor = new XmlCursor(xml, start);
  const { formatKinds, date1904 } = context;
  const sharedStrings = context.sharedStrings ?? [];
  let rowNumber = 0;
  let cells: RawCell[] = [];
  let hasCell = false;
  let column = -1;
  let type = 'n';
  let style = 0;
  let value: string | null = null;
  let inline: string | null = null;
  let phonetic = 0;
  // Rows and cells must open and close in turn; anything else is a damaged document.
  let inRow = false;
  let inCell = false;
  const damaged = (what: string) => new WorkbookError('damaged_workbook', `${part}: damaged XML after row ${rowNumber} (${what})`);
  const attrs: CellAttributes = { refStart: -1, refEnd: -1, typeStart: -1, typeEnd: -1, styleStart: -1, styleEnd: -1 };
  while (cursor.next()) {
    const length = cursor.nameEnd - cursor.nameStart;
    const first = xml[cursor.nameStart];
    if (length === 1 && first === CHAR_c) {
      if (cursor.isEnd) {
        if (!inCell) throw damaged('</c> without <c>');
        inCell = false;
        if (type === 's' && value !== null && !(Number(value) < sharedStrings.length)) {
          throw new WorkbookError(
            'damaged_workbook',
            context.sharedStrings === null
              ? `${part} row ${rowNumber}: the cell refers to shared strings but ${context.sharedStringsPart} is missing`
              : `${part} row ${rowNumber}: shared string ${value} is not in ${context.sharedStringsPart} (${sharedStrings.length} strings)`,
          );
        }
        if (column < MAX_COLUMNS) {
          const cell = toCell(type, style, value, inline, sharedStrings, formatKinds, date1904);
          if (cell !== undefined) {
            cells[column] = cell;
            hasCell = true;
          }
        } else if (value !== null || inline !== null) {
          if (beyond.length < 100) beyond.push({ row: rowNumber, ref: `${columnLetter(column)}${rowNumber}` });
        }
        continue;
      }
      if (inCell || !inRow) throw damaged('<c> out of place');
      readCellAttributes(xml, cursor.attrStart, cursor.attrEnd, attrs);
      column = attrs.refStart >= 0 ? refColumn(xml, attrs.refStart, attrs.refEnd) : column + 1;
      // An empty cell: a position, no value.
      if (cursor.selfClosing) continue;
      inCell = true;
      type = attrs.typeStart >= 0 ? xml.toString('latin1', attrs.typeStart, attrs.typeEnd) : 'n';
      style = attrs.styleStart >= 0 ? parseAsciiInt(xml, attrs.styleStart, attrs.styleEnd) : 0;
      value = null;
      inline = null;
    } else if (length === 1 && first === CHAR_v) {
      if (!cursor.isEnd) value = cursor.text();
    } else if (length === 1 && first === CHAR_t) {
      if (!cursor.isEnd && phonetic === 0) inline = (inline ?? '') + cursor.text();
    } else if (length === 3 && first === 0x72 && cursor.is('row')) {
      if (cursor.isEnd) {
        if (!inRow || inCell) throw damaged(inCell ? '<c> not closed' : '</row> without <row>');
        inRow = false;
        if (hasCell) yield { row: rowNumber, cells };
        continue;
      }
      if (inRow) throw damaged('<row> not closed');
      inRow = !cursor.selfClosing;
      const r = cursor.attrRange('r');
      rowNumber = r ? parseAsciiInt(xml, r[0], r[1]) : rowNumber + 1;
      cells = [];
      hasCell = false;
      column = -1;
    } else if (length === 3 && cursor.is('rPh')) {
      if (!cursor.selfClosing) phonetic += cursor.isEnd ? -1 : 1;
    } else if (length === 9 && cursor.isEnd && cursor.is('sheetData')) {
      if (inRow) throw damaged('<row> not closed');
      return;
    }
  }
  if (cursor.damagedAt >= 0) throw damaged(`a tag that cannot be read at byte ${cursor.damagedAt}`);
  // The document was checked to end with </worksheet>: stopping here means a tag in the rows could
  // not be read (an unclosed quote, say), and the rows after it would be lost without a word.
  throw new WorkbookError('damaged_workbook', `${part}: damaged XML after row ${rowNumber} (<sheetData> does not close)`);
}

function toCell(
  type: string,
  style: number,
  value: string | null,
  inline: string | null,
  sharedStrings: readonly string[],
  formatKinds: Uint8Array,
  date1904: boolean,
): RawCell {
  switch (type) {
    case 's':
      return value === null ? undefined : sharedStrings[Number(value)];
    case 'inlineStr':
      return inline ?? value ?? undefined;
    case 'str':
      return value ?? undefined;
    case 'b':
      return value === null ? undefined : value === '1' || value === 'true';
    case 'e':
      return value === null ? undefined : new ErrorCell(value);
    case 'd':
      return value ?? undefined;
    default: {
      if (value === null || value === '') return undefined;
      const number = Number(value);
      if (Number.isNaN(number)) return value;
      const kind = formatKinds[style] ?? CellFormatKind.Plain;
      if (kind === CellFormatKind.Date) {
        const dateTime = dateTimeFromSerial(number, date1904);
        return dateTime ? new DateCell(dateTime, number) : number;
      }
      if (kind === CellFormatKind.Percent) return new PercentCell(number);
      return number;
    }
  }
}

/** Value ranges of a <c> tag's r, t and s attributes; -1 when absent. Reused for every cell. */
interface CellAttributes {
  refStart: number;
  refEnd: number;
  typeStart: number;
  typeEnd: number;
  styleStart: number;
  styleEnd: number;
}

/** One pass over a cell tag's attributes (the hot path: once per cell of a 100,000-row sheet). */
function readCellAttributes(xml: Buffer, start: number, end: number, out: CellAttributes): void {
  out.refStart = out.typeStart = out.styleStart = -1;
  let p = start;
  while (p < end) {
    while (p < end && (xml[p] === 0x20 || xml[p] === 0x0a || xml[p] === 0x0d || xml[p] === 0x09)) p++;
    const keyStart = p;
    while (p < end && xml[p] !== 0x3d) p++;
    const keyLength = p - keyStart;
    const key = xml[keyStart];
    p++;
    while (p < end && xml[p] !== 0x22 && xml[p] !== 0x27) p++;
    const quote = xml[p];
    const valueStart = p + 1;
    const valueEnd = quote === undefined ? end : xml.indexOf(quote, valueStart);
    if (valueEnd < 0 || valueEnd > end) return;
    if (keyLength === 1) {
      if (key === 0x72) {
        out.refStart = valueStart;
        out.refEnd = valueEnd;
      } else if (key === 0x74) {
        out.typeStart = valueStart;
        out.typeEnd = valueEnd;
      } else if (key === 0x73) {
        out.styleStart = valueStart;
        out.styleEnd = valueEnd;
      }
    }
    p = valueEnd + 1;
  }
}

/** 0-based column of a cell reference like "AB12". */
function refColumn(xml: Buffer, start: number, end: number): number {
  let n = 0;
  for (let p = start; p < end; p++) {
    const c = xml[p]!;
    if (c >= 0x41 && c <= 0x5a) n = n * 26 + (c - 0x40);
    else if (c >= 0x61 && c <= 0x7a) n = n * 26 + (c - 0x60);
    else break;
  }
  return n - 1;
}

function parseAsciiInt(xml: Buffer, start: number, end: number): number {
  let n = 0;
  for (let p = start; p < end; p++) {
    const c = xml[p]!;
    if (c < 0x30 || c > 0x39) break;
    n = n * 10 + (c - 0x30);
  }
  return n;
}
