import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { headlineOf } from '../../src/compute/headline.js';
import { createFileWriter, createMemoryWriter } from '../../src/emit/output-writer.js';
import { renderFindingsWorkbook } from '../../src/render/excel/findings-workbook.js';
import { writeTable, writeTableRows } from '../../src/render/excel/sheet-style.js';
import { dateCell, XlsxBook, type CellValue } from '../../src/render/excel/xlsx-book.js';
import { emitFindingsWorkbook, runCheck } from '../../src/pipeline/check.js';
import { memorySink } from '../../src/zip/zip-stream.js';
import { tempFolder, testConfig } from '../helpers/fixtures.js';

/** A table of `n` rows with repeated and unique texts, numbers, dates and a bad date. */
function tableRow(i: number): CellValue[] {
  return [
    i + 1,
    `KS-${String(i).padStart(6, '0')}`,
    ['质量', '交期', '包装'][i % 3]!,
    i % 7 === 0 ? null : i * 1.5,
    dateCell(i % 11 === 0 ? '2025-02-30' : `2025-0${(i % 9) + 1}-1${i % 10}`),
    i % 5 === 0 ? '一段较长的问题说明，需要换行显示，'.repeat(1 + (i % 3)) : '',
  ];
}

function book(rows: number, deferred: boolean): XlsxBook {
  const b = new XlsxBook({ date: '2025-12-31', title: '流式' });
  const cover = b.addSheet('概况');
  cover.addRow(['标题'], { bold: true });
  const sheet = b.addSheet('明细');
  const headers = ['序号', '编号', '类别', '数量', '日期', '说明'];
  const options = { wrap: [5], cellStyle: (r: number, c: number) => (c === 2 && r % 2 === 0 ? { fill: 'FFFFE699' } : undefined) };
  if (deferred) writeTableRows(sheet, headers, rows, tableRow, options);
  else
    writeTable(
      sheet,
      headers,
      Array.from({ length: rows }, (_, i) => tableRow(i)),
      options,
    );
  sheet.addRow(['合计', null, null, rows]);
  return b;
}

describe('the streamed xlsx writer', () => {
  it('writes rows made on demand to the same bytes as rows held, streamed or whole', async () => {
    const held = book(3000, false).toBuffer();
    const deferred = book(3000, true);
    expect(deferred.toBuffer().equals(held)).toBe(true);
    const sink = memorySink();
    await book(3000, true).writeTo(sink);
    expect(sink.bytes().equals(held)).toBe(true);
  });

  it('streams into a file whose listed hash and size are its bytes, and which Excel readers open with every row', async () => {
    const out = tempFolder();
    const writer = createFileWriter(out);
    const file = await writer.writeStream!('big/table.xlsx', (sink) => book(20000, true).writeTo(sink));
    const bytes = readFileSync(path.join(out, 'big', 'table.xlsx'));
    expect(file).toEqual({ path: 'big/table.xlsx', sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length });
    expect(writer.written).toEqual([file]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('明细')!;
    expect(sheet.getCell('B2').value).toBe('KS-000000');
    expect(sheet.getCell('B20001').value).toBe('KS-019999');
    expect(sheet.getCell('D20000').value).toBe(19998 * 1.5);
    expect(sheet.getCell('D20001').value).toBeNull();
    expect(sheet.getCell('E2').value).toBe('2025-02-30');
    expect(sheet.getCell('E3').value).toEqual(new Date('2025-02-11T00:00:00Z'));
    expect(sheet.getCell('C3').fill).toMatchObject({ pattern: 'none' });
    expect(sheet.getCell('C2').fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFE699' } });
    expect(sheet.getCell('A20002').value).toBe('合计');
    expect(sheet.getCell('D20002').value).toBe(20000);
  });

  it('findings.xlsx streamed to a file is byte for byte the workbook made whole', async () => {
    const config = testConfig();
    const orders = [
      '订单号,客户名称,产品名称,接单日期,产品类别,订单来源,评审日期,签订日期',
      ...Array.from({ length: 400 }, (_, i) => `HT-${i},客户${i % 7},轴,2025-01-02,非标,电话,,2025-01-03`),
    ].join('\n');
    const result = runCheck({ input: tempFolder({ 'orders.csv': orders }), config, asOf: '2025-12-31', lang: 'zh' });
    const { summary } = result;
    expect(summary.findings.length).toBeGreaterThan(800);
    const input = { summary, headline: headlineOf(summary, config), config, lang: 'zh' as const };
    const out = tempFolder();
    const writer = createFileWriter(out);
    await emitFindingsWorkbook(result, config, 'zh', writer);
    const file = writer.written[0]!;
    const whole = renderFindingsWorkbook(input);
    expect(readFileSync(path.join(out, 'findings.xlsx')).equals(whole)).toBe(true);
    expect(file.bytes).toBe(whole.length);
    // A writer that cannot stream gets the same bytes whole.
    const memory = createMemoryWriter();
    await emitFindingsWorkbook(result, config, 'zh', memory);
    expect(memory.files.get('findings.xlsx')!.equals(whole)).toBe(true);
  });
});
