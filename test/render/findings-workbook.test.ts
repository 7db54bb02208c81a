import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { headlineOf } from '../../src/compute/headline.js';
import { renderFindingsWorkbook } from '../../src/render/excel/findings-workbook.js';
import { runCheck } from '../../src/pipeline.js';
import { ZipArchive } from '../../src/zip/zip-archive.js';
import { tempFolder, testConfig } from '../helpers/fixtures.js';

const ORDERS = [
  '订单号,客户名称,产品名称,接单日期,产品类别,订单来源,评审日期,签订日期',
  '"=HYPERLINK(""http://evil"",""x"")",甲,轴,2025-01-02,非标,电话,,2025-01-03',
  '+SUM(1),乙,轴,2025-01-02,标准,书面,,',
  '@cmd,丙,轴,2025-13-02,标准,书面,,',
].join('\n');

async function workbookFor(lang: 'zh' | 'en') {
  const config = testConfig();
  const { summary } = runCheck({ input: tempFolder({ 'orders.csv': ORDERS }), config, asOf: '2025-12-31', lang });
  const bytes = renderFindingsWorkbook({ summary, headline: headlineOf(summary, config), config, lang });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return { wb, bytes, summary };
}

describe('findings.xlsx', () => {
  it('has a cover, a sheet per area and the input errors, in the run\'s language', async () => {
    const { wb } = await workbookFor('zh');
    expect(wb.worksheets.map((s) => s.name)).toEqual(['概况', '合同-订单评审', '客户投诉', '客户满意度', '输入错误']);
    const { wb: en } = await workbookFor('en');
    expect(en.worksheets.map((s) => s.name)).toEqual(['Overview', 'Contract review', 'Customer complaints', 'Customer satisfaction', 'Input errors']);
  });

  it('lists each finding with severity, clause, record, file, row, message and a blank action column', async () => {
    const { wb, summary } = await workbookFor('zh');
    const sheet = wb.getWorksheet('合同-订单评审')!;
    expect(sheet.getRow(1).values).toEqual([undefined, '序号', '严重程度', '条款', '规则', '记录', '文件', '工作表', '行', '问题说明', '采取的措施', '责任人', '完成日期', '验证']);
    const orderFindings = summary.findings.filter((f) => f.dataset === 'orders');
    expect(sheet.rowCount).toBe(orderFindings.length + 1);
    const first = sheet.getRow(2);
    expect([first.getCell(2).value, first.getCell(3).value, first.getCell(5).value, first.getCell(6).value, first.getCell(8).value, first.getCell(9).value, first.getCell(10).value]).toEqual([
      '严重不符合',
      '5.3.2.3',
      '=HYPERLINK("http://evil","x")',
      'orders.csv',
      2,
      '非标产品订单没有评审日期：未按要求组织合同/订单评审并记录于《合同/订单评审表》',
      null,
    ]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getColumn(9).width).toBeGreaterThan(30);
  });

  it('writes text that looks like a formula as text, never as a formula', async () => {
    const { wb, bytes } = await workbookFor('zh');
    const sheet = wb.getWorksheet('合同-订单评审')!;
    const records = sheet.getColumn(5).values.slice(2) as unknown[];
    expect(records).toContain('=HYPERLINK("http://evil","x")');
    expect(records).toContain('+SUM(1)');
    const xml = new ZipArchive(bytes).read('xl/worksheets/sheet2.xml', 1 << 24)!.toString('utf8');
    expect(xml).not.toContain('<f>');
    const errors = wb.getWorksheet('输入错误')!;
    expect(errors.getRow(2).getCell(7).value).toBe('2025-13-02');
  });

  it('shows the headline figures on the cover', async () => {
    const { wb } = await workbookFor('zh');
    const cover = wb.getWorksheet('概况')!;
    const rows = cover.getSheetValues().map((r) => (Array.isArray(r) ? r.slice(1) : r));
    expect(rows).toContainEqual(['合同/订单评审完整率', '0.0%', '0/2']);
    expect(rows).toContainEqual(['输入错误 / 警告', '1 / 0']);
  });

  it('is byte-identical from run to run', async () => {
    const a = await workbookFor('zh');
    await new Promise((r) => setTimeout(r, 2100));
    const b = await workbookFor('zh');
    expect(a.bytes.equals(b.bytes)).toBe(true);
  });
});
