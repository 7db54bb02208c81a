import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeTable } from '../../src/render/excel/sheet-style.js';
import { dateCell, XlsxBook, XlsxDate } from '../../src/render/excel/xlsx-book.js';
import { ZipArchive } from '../../src/zip/zip-archive.js';

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

function sample(): Buffer {
  const book = new XlsxBook({ date: '2025-12-31', title: '测试' });
  const sheet = book.addSheet('投诉/退货 [2025]: 明细');
  writeTable(
    sheet,
    ['编号', '客户', '得分', '回收率'],
    [
      ['KS-1', '宁波海通电器有限公司', 81.25, 0.9],
      ['=1+1', '  前后有空格  ', null, 0.5],
      ['KS-3', 'bad\u0001char\uD800', 77, null],
    ],
    { numFmt: { 2: '0.0#####', 3: '0.0%' }, cellStyle: (r, c) => (r === 0 && c === 0 ? { fill: 'FFF8CBAD' } : undefined) },
  );
  sheet.print({ landscape: true, fitToWidth: true, titleRows: [1, 1], footer: '&L清单&R&P / &N' });
  book.addSheet('投诉/退货 [2025]: 明细');
  return book.toBuffer();
}

describe('the xlsx writer', () => {
  it('writes a workbook Excel readers open, with values typed and text kept as text', async () => {
    const wb = await load(sample());
    expect(wb.worksheets.map((s) => s.name)).toEqual(['投诉-退货 -2025-- 明细', '投诉-退货 -2025-- 明细-2']);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, '编号', '客户', '得分', '回收率']);
    expect(sheet.getRow(2).values).toEqual([undefined, 'KS-1', '宁波海通电器有限公司', 81.25, 0.9]);
    expect(sheet.getCell('A3').value).toBe('=1+1');
    expect(sheet.getCell('A3').formula).toBeUndefined();
    expect(sheet.getCell('B3').value).toBe('  前后有空格  ');
    expect(sheet.getCell('B4').value).toBe('bad\uFFFDchar\uFFFD');
    expect(sheet.getCell('C2').numFmt).toBe('0.0#####');
    expect(sheet.getCell('D2').numFmt).toBe('0.0%');
    expect(sheet.getCell('A2').fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF8CBAD' } });
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.getCell('C3').border?.top?.style).toBe('thin');
  });

  it('freezes the header, filters it and prints on A4 landscape, one page wide, header repeated', async () => {
    const sheet = (await load(sample())).worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:D4');
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
    expect(sheet.headerFooter.oddFooter).toBe('&L清单&R&P / &N');
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual(22);
  });

  it('gives the same bytes for the same content, stamped with the given date', () => {
    const a = sample();
    expect(a.equals(sample())).toBe(true);
    const core = new ZipArchive(a).read('docProps/core.xml', 1 << 20)!.toString('utf8');
    expect(core).toContain('2025-12-31T00:00:00Z');
    expect(core).toContain('<dc:title>测试</dc:title>');
  });

  it("writes dates as date cells shown yyyy-mm-dd, keeping a style's own format, and a malformed date as text", async () => {
    const book = new XlsxBook({ date: '2025-12-31' });
    const sheet = book.addSheet('d');
    sheet.addRow([dateCell('2025-03-05'), dateCell('1900-03-01'), dateCell(null), new XlsxDate('2025-02-30')]);
    sheet.addRow([dateCell('2024-02-29')], { grid: true, numFmt: 'yyyy"年"m"月"d"日"' });
    const ws = (await load(book.toBuffer())).worksheets[0]!;
    expect(ws.getCell('A1').value).toEqual(new Date('2025-03-05T00:00:00Z'));
    expect(ws.getCell('A1').numFmt).toBe('yyyy-mm-dd');
    expect(ws.getCell('B1').value).toEqual(new Date('1900-03-01T00:00:00Z'));
    expect(ws.getCell('C1').value).toBeNull();
    expect(ws.getCell('D1').value).toBe('2025-02-30');
    expect(ws.getCell('A2').value).toEqual(new Date('2024-02-29T00:00:00Z'));
    expect(ws.getCell('A2').numFmt).toBe('yyyy"年"m"月"d"日"');
    // Excel's own day number: 2025-03-05 is 45721.
    expect(new XlsxDate('2025-03-05').serial).toBe(45721);
  });

  it('adds a drop-down list and a date check to a column, with their messages', async () => {
    const book = new XlsxBook({ date: '2025-12-31' });
    const sheet = book.addSheet('v');
    for (let i = 0; i < 4; i++) sheet.addRow([`r${i}`]);
    sheet.addValidation({
      kind: 'list',
      values: ['未开始', '进行中', '已"完成"'],
      range: { column: 2, fromRow: 2, toRow: 4 },
      prompt: { title: '状态', text: '请选择' },
    });
    sheet.addValidation({
      kind: 'date',
      from: '2000-01-01',
      to: '2099-12-31',
      range: { column: 3, fromRow: 2, toRow: 4 },
      error: { title: '日期', text: '请填写日期 & 格式 <yyyy-mm-dd>' },
    });
    const bytes = book.toBuffer();
    const ws = (await load(bytes)).worksheets[0]!;
    expect(ws.getCell('B3').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"未开始,进行中,已完成"'],
      allowBlank: true,
      showInputMessage: true,
      promptTitle: '状态',
      prompt: '请选择',
    });
    expect(ws.getCell('B1').dataValidation).toBeUndefined();
    expect(ws.getCell('B5').dataValidation).toBeUndefined();
    expect(ws.getCell('C4').dataValidation).toMatchObject({
      type: 'date',
      operator: 'between',
      showErrorMessage: true,
      errorTitle: '日期',
      error: '请填写日期 & 格式 <yyyy-mm-dd>',
    });
    // In the order the schema wants: after the sheet data and filter, before the page set-up.
    const xml = new ZipArchive(bytes).read('xl/worksheets/sheet1.xml', 1 << 20)!.toString('utf8');
    expect(xml.indexOf('<dataValidations count="2">')).toBeGreaterThan(xml.indexOf('</sheetData>'));
    expect(xml.indexOf('<dataValidations')).toBeLessThan(xml.indexOf('<pageMargins'));
    expect(book.toBuffer().equals(bytes)).toBe(true);
  });

  it('gives a table row the height its wrapped text needs, since readers do not grow rows themselves', async () => {
    const book = new XlsxBook({ date: '2025-12-31' });
    const sheet = book.addSheet('h');
    writeTable(
      sheet,
      ['编号', '说明'],
      [
        ['K1', '短'],
        ['K2', '内孔尺寸超差，装配困难，客户要求退货并重新检验全部批次'],
        ['K3', '第一行\n第二行\n第三行'],
      ],
      { maxWidth: [8, 12], wrap: [1] },
    );
    const ws = (await load(book.toBuffer())).worksheets[0]!;
    // 说明 is 12 wide: about 5 Chinese characters a line.
    expect(ws.getRow(2).height).toBeUndefined();
    expect(ws.getRow(3).height).toBeGreaterThanOrEqual(15 * 5);
    expect(ws.getRow(4).height).toBe(45);
  });

  it('cuts text longer than a cell may hold', async () => {
    const book = new XlsxBook({ date: '2025-12-31' });
    book.addSheet('a').addRow(['长'.repeat(40000)]);
    const value = (await load(book.toBuffer())).worksheets[0]!.getCell('A1').value as string;
    expect(value.length).toBe(32767);
    expect(value.endsWith('…')).toBe(true);
  });
});
