import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { headlineOf } from '../../src/compute/headline.js';
import { renderFindingsWorkbook } from '../../src/render/excel/findings-workbook.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
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
    expect(sheet.getRow(1).values).toEqual([undefined, '序号', '严重程度', '条款', '依据', '公司设定时限/目标（来源）', '规则', '记录', '文件', '工作表', '行', '问题说明', '采取的措施', '责任人', '完成日期', '验证']);
    const orderFindings = summary.findings.filter((f) => f.dataset === 'orders');
    expect(sheet.rowCount).toBe(orderFindings.length + 1);
    const first = sheet.getRow(2);
    expect([first.getCell(2).value, first.getCell(3).value, first.getCell(4).value, first.getCell(7).value, first.getCell(8).value, first.getCell(10).value, first.getCell(11).value, first.getCell(12).value]).toEqual([
      '严重不符合',
      '5.3.2.3',
      '不符合（程序要求）',
      '=HYPERLINK("http://evil","x")',
      'orders.csv',
      2,
      '非标产品订单没有评审日期：未按要求组织合同/订单评审并记录于《合同/订单评审表》',
      null,
    ]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getColumn(11).width).toBeGreaterThan(30);
  });

  it('writes text that looks like a formula as text, never as a formula', async () => {
    const { wb, bytes } = await workbookFor('zh');
    const sheet = wb.getWorksheet('合同-订单评审')!;
    const records = sheet.getColumn(7).values.slice(2) as unknown[];
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

  it('keeps nonconformities, company limits (with value and source), objectives and data checks apart, counted on the cover', async () => {
    const { loadConfig } = await import('../../src/config/load-config.js');
    const sample = path.join(PACKAGE_ROOT, 'input');
    const { config } = loadConfig(path.join(sample, 'qmsdoc.config.json'));
    const { summary } = runCheck({ input: sample, config, asOf: '2025-12-31', lang: 'zh' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(renderFindingsWorkbook({ summary, headline: headlineOf(summary, config), config, lang: 'zh' }) as unknown as ArrayBuffer);
    const complaints = wb.getWorksheet('客户投诉')!;
    const rows = complaints.getSheetValues().slice(2).map((r) => (Array.isArray(r) ? r.slice(1) : []));
    const ks040 = rows.find((r) => r[6] === 'KS-2025-040' && r[5] === 'C1')!;
    expect(ks040.slice(1, 5)).toEqual(['严重不符合', '5.8.3', '未达到公司设定时限', '18 个工作日（公司设定）']);
    // Grouped: every nonconformity of the procedure before the first company-limit finding.
    const bases = rows.map((r) => r[3]);
    expect(bases.lastIndexOf('不符合（程序要求）')).toBeLessThan(bases.indexOf('未达到公司设定时限'));
    const satisfaction = wb.getWorksheet('客户满意度')!.getSheetValues().slice(2).map((r) => (Array.isArray(r) ? r.slice(1) : []));
    expect(satisfaction.find((r) => r[5] === 'S2')!.slice(1, 5)).toEqual(['目标未达成', undefined, '目标未达成', '85 分（公司设定）']);
    const cover = wb.getWorksheet('概况')!.getSheetValues().map((r) => (Array.isArray(r) ? r.slice(1) : []));
    const of = (basis: string) => summary.findings.filter((f) => f.basis === basis).length;
    expect(cover).toContainEqual(['按类别和依据', '不符合（程序要求）', '未达到公司设定时限', '目标未达成', '数据核对', '合计']);
    expect(cover).toContainEqual(['合计', of('procedure'), of('company_limit'), of('objective'), of('data'), summary.findings.length]);
  });

  it('is byte-identical from run to run', async () => {
    const a = await workbookFor('zh');
    await new Promise((r) => setTimeout(r, 2100));
    const b = await workbookFor('zh');
    expect(a.bytes.equals(b.bytes)).toBe(true);
  });
});
