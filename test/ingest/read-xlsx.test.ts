import { describe, expect, it } from 'vitest';
import { DateCell, ErrorCell, PercentCell, type RawRow } from '../../src/ingest/raw-sheet.js';
import { readXlsx, WorkbookError } from '../../src/ingest/xlsx/read-xlsx.js';
import { kindOfFormatCode, CellFormatKind } from '../../src/ingest/xlsx/cell-formats.js';
import { buildXlsx, handWrittenXlsx } from '../helpers/fixtures.js';

function rowsOf(bytes: Buffer, sheetIndex = 0): RawRow[] {
  return [...readXlsx(bytes, 'test.xlsx')[sheetIndex]!.open().rows];
}

describe('reading .xlsx cells', () => {
  it('reads shared strings, rich text, hyperlinks, formula results, booleans and errors as the user sees them', async () => {
    const bytes = await buildXlsx([
      {
        name: '台账',
        rows: [
          [
            '纯文本',
            { richText: [{ text: '宁波' }, { font: { bold: true }, text: '海通' }] },
            { text: '官网链接', hyperlink: 'https://example.com' },
            { formula: 'B3*2', result: 84 },
            { formula: 'CONCAT("A","B")', result: 'AB' },
            true,
            { error: '#N/A' },
          ],
        ],
      },
    ]);
    const [row] = rowsOf(bytes);
    expect(row!.row).toBe(1);
    expect(row!.cells.slice(0, 6)).toEqual(['纯文本', '宁波海通', '官网链接', 84, 'AB', true]);
    expect(row!.cells[6]).toEqual(new ErrorCell('#N/A'));
  });

  it('reads date cells with their time and percent cells with their stored fraction', async () => {
    const bytes = await buildXlsx([
      {
        name: 'S',
        rows: [[new Date(Date.UTC(2025, 0, 26, 9, 15)), new Date(Date.UTC(2025, 1, 8)), 0.85, 45721]],
        formats: { A1: 'yyyy-mm-dd hh:mm', B1: 'yyyy"年"m"月"d"日"', C1: '0%' },
      },
    ]);
    const [row] = rowsOf(bytes);
    expect(row!.cells[0]).toBeInstanceOf(DateCell);
    expect((row!.cells[0] as DateCell).value).toEqual({ date: '2025-01-26', time: '09:15:00' });
    expect((row!.cells[1] as DateCell).value).toEqual({ date: '2025-02-08', time: null });
    expect(row!.cells[2]).toEqual(new PercentCell(0.85));
    expect(row!.cells[3]).toBe(45721);
  });

  it('applies the 1904 date system of the workbook', async () => {
    const bytes = handWrittenXlsx(
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" s="1"><v>44259</v></c><c r="B1"><v>44259</v></c></row></sheetData></worksheet>',
      {
        date1904: true,
        styles:
          '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>',
      },
    );
    const [sheet] = readXlsx(bytes, 'x.xlsx');
    expect(sheet!.date1904).toBe(true);
    const [row] = [...sheet!.open().rows];
    expect((row!.cells[0] as DateCell).value).toEqual({ date: '2025-03-05', time: null });
    expect(row!.cells[1]).toBe(44259);
  });

  it('reads namespace-prefixed XML, inline strings, entities and skips phonetic guides', () => {
    const bytes = handWrittenXlsx(
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
        '<x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t>A&amp;B &lt;1&gt;</x:t></x:is></x:c><x:c r="D2" t="s"><x:v>0</x:v></x:c></x:row>' +
        '<x:row r="3"><x:c r="A3" t="str"><x:f>A1</x:f><x:v>line_x000D_break</x:v></x:c></x:row>' +
        '</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A5:A7"/></x:mergeCells></x:worksheet>',
      {
        sharedStrings:
          '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><r><t>东</t></r><r><t xml:space="preserve">京 </t></r><rPh sb="0" eb="1"><t>とう</t></rPh></si></sst>',
      },
    );
    const sheet = readXlsx(bytes, 'x.xlsx')[0]!.open();
    const rows = [...sheet.rows];
    expect(rows.map((r) => r.row)).toEqual([2, 3]);
    expect(rows[0]!.cells[1]).toBe('A&B <1>');
    expect(rows[0]!.cells[3]).toBe('东京 ');
    expect(rows[1]!.cells[0]).toBe('line\rbreak');
    expect(sheet.merges).toEqual([{ top: 5, left: 0, bottom: 7, right: 0 }]);
  });

  it('reads inline strings as exceljs writes them without a shared string table', async () => {
    const bytes = await buildXlsx([{ name: 'S', rows: [['订单号', '客户']] }], { sharedStrings: false });
    expect(rowsOf(bytes)[0]!.cells).toEqual(['订单号', '客户']);
  });

  it('lists every sheet in workbook order with its name', async () => {
    const bytes = await buildXlsx([
      { name: '说明', rows: [['填写说明']] },
      { name: '订单', rows: [['x']] },
    ]);
    expect(readXlsx(bytes, 'x.xlsx').map((s) => [s.name, s.isWorksheet])).toEqual([
      ['说明', true],
      ['订单', true],
    ]);
  });

  it('names a password-protected workbook and a file that is no workbook', () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    expect(() => readXlsx(ole, 'x.xlsx')).toThrow(WorkbookError);
    expect(() => readXlsx(ole, 'x.xlsx')).toThrow(/password-protected/);
    expect(() => readXlsx(Buffer.from('订单号,客户\n1,2\n'), 'x.xlsx')).toThrow(/not a zip archive/);
  });

  it('recognises date and percent number formats by their code', () => {
    expect(kindOfFormatCode('yyyy/m/d')).toBe(CellFormatKind.Date);
    expect(kindOfFormatCode('[$-804]yyyy"年"m"月"d"日"')).toBe(CellFormatKind.Date);
    expect(kindOfFormatCode('h:mm:ss')).toBe(CellFormatKind.Date);
    expect(kindOfFormatCode('0.0%')).toBe(CellFormatKind.Percent);
    expect(kindOfFormatCode('#,##0"件"')).toBe(CellFormatKind.Plain);
    expect(kindOfFormatCode('[Red]0.00')).toBe(CellFormatKind.Plain);
    expect(kindOfFormatCode('General')).toBe(CellFormatKind.Plain);
    expect(kindOfFormatCode('"Day "0')).toBe(CellFormatKind.Plain);
  });
});
