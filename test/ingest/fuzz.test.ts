import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/ingest/csv/read-csv.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { buildHeaderIndex } from '../../src/ingest/header-index.js';
import { ingestFile, type FileIngest } from '../../src/ingest/ingest-file.js';
import { zipArchive, type ZipMember } from '../../src/zip/zip-writer.js';
import { testConfig } from '../helpers/fixtures.js';
import { seeded } from '../../scripts/seeded-random.js';

/**
 * Damaged inputs made from seeds, run through the reader. Each case must either read every good
 * row exactly as the undamaged file gives it, or fail with a problem naming the file — never a
 * partial read without a message, never an exception. Seeds are fixed, so a failure repeats; the
 * seeds and operations that found bugs are kept as named regression cases below.
 */

const index = buildHeaderIndex(testConfig());

const HEADER = ['订单号', '客户名称', '订单日期', '产品名称', '产品类别', '数量', '交货日期'];
const ROWS = 30;

function inline(ref: string, text: string): string {
  return `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
}

function shared(ref: string, index: number): string {
  return `<c r="${ref}" t="s"><v>${index}</v></c>`;
}

/** The sheet XML with the byte range of each data row, so a damage can tell which rows it touched. */
function sheetXml(): { xml: string; rows: { row: number; start: number; end: number }[]; strings: string[] } {
  const strings = ['标准', '非标'];
  let xml = '<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
  xml += `<row r="1">${HEADER.map((h, i) => inline(`${String.fromCharCode(65 + i)}1`, h)).join('')}</row>`;
  const rows: { row: number; start: number; end: number }[] = [];
  for (let i = 0; i < ROWS; i++) {
    const r = i + 2;
    const start = Buffer.byteLength(xml);
    xml += `<row r="${r}">${inline(`A${r}`, `PO-${1000 + i}`)}${inline(`B${r}`, `客户${i % 7}`)}${inline(`C${r}`, `2025-03-${String((i % 27) + 1).padStart(2, '0')}`)}${inline(`D${r}`, '阀门')}${shared(`E${r}`, i % 2)}<c r="F${r}"><v>${10 + i}</v></c>${inline(`G${r}`, '2025-06-30')}</row>`;
    rows.push({ row: r, start, end: Buffer.byteLength(xml) });
  }
  xml += '</sheetData></worksheet>';
  return { xml, rows, strings };
}

const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DOC_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function members(sheet: string, strings: readonly string[]): ZipMember[] {
  const text = (name: string, data: string): ZipMember => ({ name, data: Buffer.from(data, 'utf8') });
  return [
    text('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    text(
      '_rels/.rels',
      `<?xml version="1.0"?><Relationships xmlns="${RELS_NS}"><Relationship Id="rId1" Type="${DOC_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    text(
      'xl/workbook.xml',
      `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${DOC_NS}"><sheets><sheet name="订单" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    text(
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0"?><Relationships xmlns="${RELS_NS}"><Relationship Id="rId1" Type="${DOC_NS}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${DOC_NS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
    text('xl/worksheets/sheet1.xml', sheet),
    text(
      'xl/sharedStrings.xml',
      `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${strings.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`,
    ),
  ];
}

const FILE = '台账/订单.xlsx';
const { xml: SHEET, rows: ROW_RANGES, strings: STRINGS } = sheetXml();
const GOOD_MEMBERS = members(SHEET, STRINGS);
const GOOD_ZIP = zipArchive(GOOD_MEMBERS, '2025-12-31');

function read(bytes: Buffer, path = FILE): FileIngest {
  return ingestFile({ path, kind: path.endsWith('.csv') ? 'csv' : 'xlsx' }, bytes, '', index);
}

const GOOD = read(GOOD_ZIP);
const recordByRow = new Map(GOOD.records.map((r) => [r.provenance.row, JSON.stringify(r)]));

/**
 * The invariant: a problem naming the file, or every row in `good` read exactly as from the
 * undamaged file. Returns which, for the tests that want a particular outcome.
 */
function expectWholeOrNamed(result: FileIngest, good: readonly number[], label: string): 'problem' | 'read' {
  if (result.problem !== null) {
    expect(result.problem.file, label).toBe(FILE);
    expect(result.problem.detail.length, label).toBeGreaterThan(0);
    expect(result.records, label).toEqual([]);
    return 'problem';
  }
  const got = new Map(result.records.map((r) => [r.provenance.row, JSON.stringify(r)]));
  for (const row of good) expect(got.get(row), `${label}: row ${row}`).toBe(recordByRow.get(row));
  return 'read';
}

describe('the undamaged fixture', () => {
  it('reads all 30 rows', () => {
    expect(GOOD.problem).toBeNull();
    expect(GOOD.records).toHaveLength(ROWS);
    expect(GOOD.errors).toEqual([]);
  });
});

describe('fuzz: damaged zips', () => {
  const allRows = ROW_RANGES.map((r) => r.row);

  it('bit flips anywhere in the file: all rows or a named problem (200 seeds)', () => {
    const outcomes = { problem: 0, read: 0 };
    for (let seed = 1; seed <= 200; seed++) {
      const next = seeded(seed);
      const bytes = Buffer.from(GOOD_ZIP);
      const flips = 1 + Math.floor(next() * 3);
      for (let k = 0; k < flips; k++) bytes[Math.floor(next() * bytes.length)]! ^= 1 << Math.floor(next() * 8);
      outcomes[expectWholeOrNamed(read(bytes), allRows, `bit flip seed ${seed}`)]++;
    }
    // Most flips land in compressed data, which the CRC-32 check catches.
    expect(outcomes.problem).toBeGreaterThan(100);
  });

  it('truncation at any length: a named problem (120 seeds)', () => {
    for (let seed = 1; seed <= 120; seed++) {
      const length = Math.floor(seeded(seed)() * GOOD_ZIP.length);
      expect(expectWholeOrNamed(read(GOOD_ZIP.subarray(0, length)), allRows, `truncated to ${length}`)).toBe('problem');
    }
  });

  it.each(['_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml'])(
    'without %s: all rows or a problem naming the missing part',
    (name) => {
      const result = read(
        zipArchive(
          GOOD_MEMBERS.filter((m) => m.name !== name),
          '2025-12-31',
        ),
      );
      if (expectWholeOrNamed(result, allRows, `without ${name}`) === 'problem')
        expect(result.problem!.detail).toContain(name === 'xl/worksheets/sheet1.xml' ? 'sheet1.xml' : name);
    },
  );

  it('members holding the wrong part (seeded swaps): all rows or a named problem', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const next = seeded(seed);
      const a = Math.floor(next() * GOOD_MEMBERS.length);
      const b = Math.floor(next() * GOOD_MEMBERS.length);
      const swapped = GOOD_MEMBERS.map((m, i) =>
        i === a ? { name: m.name, data: GOOD_MEMBERS[b]!.data } : i === b ? { name: m.name, data: GOOD_MEMBERS[a]!.data } : m,
      );
      expectWholeOrNamed(read(zipArchive(swapped, '2025-12-31')), a === b ? allRows : [], `swap ${a}/${b}`);
    }
  });

  it('a member compressed with bzip2 (method 12) is a named problem', () => {
    const bytes = Buffer.from(GOOD_ZIP);
    // Every local header and directory entry of the writer says method 8; mark them all 12.
    for (let p = bytes.indexOf('PK\u0003\u0004'); p >= 0; p = bytes.indexOf('PK\u0003\u0004', p + 4)) bytes.writeUInt16LE(12, p + 8);
    for (let p = bytes.indexOf('PK\u0001\u0002'); p >= 0; p = bytes.indexOf('PK\u0001\u0002', p + 4)) bytes.writeUInt16LE(12, p + 10);
    const result = read(bytes);
    expect(result.problem?.detail).toMatch(/compression method 12/);
  });
});

describe('fuzz: damaged sheet XML inside a sound zip', () => {
  const OPS = ['delete', 'insert-lt', 'insert-quote', 'truncate', 'delete-gt', 'duplicate'] as const;

  it('every damage reads each untouched row exactly or fails with a named problem (300 seeds)', () => {
    const xml = Buffer.from(SHEET, 'utf8');
    const bodyStart = xml.indexOf('<row');
    for (let seed = 1; seed <= 300; seed++) {
      const next = seeded(seed);
      const op = OPS[seed % OPS.length]!;
      const pos = bodyStart + Math.floor(next() * (xml.length - bodyStart));
      let damaged: Buffer;
      let touchedEnd = pos + 1;
      if (op === 'delete') damaged = Buffer.concat([xml.subarray(0, pos), xml.subarray(pos + 1)]);
      else if (op === 'insert-lt') damaged = Buffer.concat([xml.subarray(0, pos), Buffer.from('<'), xml.subarray(pos)]);
      else if (op === 'insert-quote') damaged = Buffer.concat([xml.subarray(0, pos), Buffer.from('"'), xml.subarray(pos)]);
      else if (op === 'truncate') {
        damaged = xml.subarray(0, pos);
        touchedEnd = xml.length;
      } else if (op === 'delete-gt') {
        const gt = xml.indexOf('>', pos);
        damaged = Buffer.concat([xml.subarray(0, gt), xml.subarray(gt + 1)]);
        touchedEnd = gt + 1;
      } else {
        const length = 1 + Math.floor(next() * 40);
        damaged = Buffer.concat([xml.subarray(0, pos + length), xml.subarray(pos, xml.length)]);
        touchedEnd = pos + length;
      }
      const touchedStart = op === 'delete-gt' ? touchedEnd - 1 : pos;
      const good = ROW_RANGES.filter((r) => r.end <= touchedStart || r.start >= touchedEnd).map((r) => r.row);
      const bytes = zipArchive(
        GOOD_MEMBERS.map((m) => (m.name === 'xl/worksheets/sheet1.xml' ? { name: m.name, data: damaged } : m)),
        '2025-12-31',
      );
      const result = read(bytes);
      // A damaged header row leaves no dataset or a required column missing: said aloud, for all rows.
      if (
        touchedStart < ROW_RANGES[0]!.start &&
        result.problem === null &&
        (result.reports[0]?.skipped || result.errors.some((e) => e.code === 'required_column_missing'))
      )
        continue;
      expectWholeOrNamed(result, good, `${op} at ${pos} (seed ${seed})`);
    }
  });

  it('regression: a sheet cut in half inside a valid zip names the part (was 28 of 60 rows, no message)', () => {
    const cut = Buffer.from(SHEET, 'utf8').subarray(0, Math.floor(SHEET.length / 2));
    const result = read(
      zipArchive(
        GOOD_MEMBERS.map((m) => (m.name === 'xl/worksheets/sheet1.xml' ? { name: m.name, data: cut } : m)),
        '2025-12-31',
      ),
    );
    expect(result.problem).toEqual({ code: 'damaged_workbook', file: FILE, detail: 'xl/worksheets/sheet1.xml ends early (the XML stops before </worksheet>)' });
  });

  it('regression: a shared string index past the table is damage, not an empty cell', () => {
    const sheet = SHEET.replace('<c r="E5" t="s"><v>1</v>', '<c r="E5" t="s"><v>9</v>');
    const result = read(
      zipArchive(
        GOOD_MEMBERS.map((m) => (m.name === 'xl/worksheets/sheet1.xml' ? { name: m.name, data: Buffer.from(sheet) } : m)),
        '2025-12-31',
      ),
    );
    expect(result.problem?.detail).toBe('xl/worksheets/sheet1.xml row 5: shared string 9 is not in xl/sharedStrings.xml (2 strings)');
  });

  it('regression: a lost quote no longer swallows the following rows', () => {
    const sheet = SHEET.replace('<row r="7"><c r="A7" t="inlineStr">', '<row r="7"><c r="A7 t="inlineStr">');
    const result = read(
      zipArchive(
        GOOD_MEMBERS.map((m) => (m.name === 'xl/worksheets/sheet1.xml' ? { name: m.name, data: Buffer.from(sheet) } : m)),
        '2025-12-31',
      ),
    );
    expect(result.problem?.code).toBe('damaged_workbook');
    expect(result.problem?.detail).toMatch(/^xl\/worksheets\/sheet1.xml: damaged XML after row 7/);
  });
});

describe('fuzz: damaged CSV', () => {
  const header = '订单号,客户名称,订单日期,产品名称,产品类别,数量,交货日期';
  const lines = Array.from(
    { length: ROWS },
    (_, i) => `PO-${1000 + i},客户${i % 7},2025-03-${String((i % 27) + 1).padStart(2, '0')},阀门,标准,${10 + i},2025-06-30`,
  );
  const csv = Buffer.from([header, ...lines, ''].join('\r\n'), 'utf8');
  const good = read(csv, '订单.csv');

  it('the undamaged CSV reads all rows', () => {
    expect(good.records).toHaveLength(ROWS);
    expect(good.errors).toEqual([]);
  });

  it('a stray byte in a UTF-8 file keeps the file UTF-8 and names the row (was: whole file decoded as GB18030)', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const next = seeded(seed);
      const line = 1 + Math.floor(next() * ROWS);
      const text = [header, ...lines];
      const bytes = Buffer.concat([
        Buffer.from(text.slice(0, line).join('\r\n') + '\r\n', 'utf8'),
        Buffer.from([0xff]),
        Buffer.from(text.slice(line).join('\r\n') + '\r\n', 'utf8'),
      ]);
      const result = read(bytes, '订单.csv');
      expect(
        result.errors.filter((e) => e.code === 'csv_encoding').map((e) => e.row),
        `seed ${seed}`,
      ).toEqual([line + 1]);
      // Every other row is read as before.
      const byId = new Map(good.records.map((r) => [r.provenance.row, JSON.stringify(r)]));
      for (const r of result.records) if (r.provenance.row !== line + 1) expect(JSON.stringify(r)).toBe(byId.get(r.provenance.row));
      expect(result.records.length).toBeGreaterThanOrEqual(ROWS - 1);
    }
  });

  it('an unclosed quote says from which row and how many rows it swallowed (was one vague warning)', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const line = 1 + Math.floor(seeded(seed)() * ROWS);
      const text = [header, ...lines];
      text[line] = text[line]!.replace(',客户', ',"客户');
      const result = read(Buffer.from(text.join('\n') + '\n', 'utf8'), '订单.csv');
      const quote = result.errors.filter((e) => e.code === 'csv_unclosed_quote');
      expect(quote, `seed ${seed}`).toEqual([expect.objectContaining({ row: line + 1, level: 'error', rejected: true, params: { rows: ROWS - line + 1 } })]);
      expect(result.records).toHaveLength(line - 1);
    }
  });

  it('a GBK file (the sample survey export) is still decoded as GB18030, with no encoding warning', () => {
    const bytes = readFileSync(path.join(PACKAGE_ROOT, 'input', '客户满意度调查回收表.csv'));
    expect(isUtf8(bytes)).toBe(false);
    expect(decodeText(bytes).encoding).toBe('gb18030');
    const result = read(bytes, '客户满意度调查回收表.csv');
    expect(result.records.length).toBeGreaterThan(40);
    expect(result.errors.filter((e) => e.code === 'csv_encoding')).toEqual([]);
  });
});
