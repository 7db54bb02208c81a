import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { headlineOf } from '../../src/compute/headline.js';
import { renderFindingsWorkbook } from '../../src/render/excel/findings-workbook.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { runCheck } from '../../src/pipeline/check.js';
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
  it("names the overdue and first-reply lines' limits as configured, not a fixed 18 working days and 72 hours", async () => {
    const config = testConfig({ complaints: { limits: { closeWorkingDays: 20, firstReplyHours: 48 } } });
    const { summary } = runCheck({ input: tempFolder({ 'orders.csv': ORDERS }), config, asOf: '2025-12-31', lang: 'zh' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(renderFindingsWorkbook({ summary, headline: headlineOf(summary, config), config, lang: 'zh' }) as unknown as ArrayBuffer);
    const labels = wb.getWorksheet('概况')!.getColumn(1).values.map(String);
    expect(labels).toContain('超期（> 20 个工作日，件）');
    expect(labels.some((l) => l.includes('18 个工作日'))).toBe(false);
    expect(labels).toContain('48 小时内首次答复（件）');
  });

  it("has a cover, a sheet per area and the input errors, in the run's language", async () => {
    const { wb } = await workbookFor('zh');
    expect(wb.worksheets.map((s) => s.name)).toEqual(['概况', '合同-订单评审', '客户投诉', '客户满意度', '措施跟踪', '输入错误']);
    const { wb: en } = await workbookFor('en');
    expect(en.worksheets.map((s) => s.name)).toEqual([
      'Overview',
      'Contract review',
      'Customer complaints',
      'Customer satisfaction',
      'Actions register',
      'Input errors',
    ]);
  });

  it('lists each finding with severity, clause, record, file, row, message and a blank action column', async () => {
    const { wb, summary } = await workbookFor('zh');
    const sheet = wb.getWorksheet('合同-订单评审')!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '序号',
      '严重程度',
      '条款',
      '依据',
      '公司设定时限/目标（来源）',
      '规则编号',
      '记录编号',
      '文件',
      '工作表',
      '行号',
      '问题说明',
      '状态',
      '采取的措施',
      '责任人',
      '完成日期',
      '验证（人、日期）',
    ]);
    const orderFindings = summary.findings.filter((f) => f.dataset === 'orders');
    expect(sheet.rowCount).toBe(orderFindings.length + 1);
    const first = sheet.getRow(2);
    expect([
      first.getCell(2).value,
      first.getCell(3).value,
      first.getCell(4).value,
      first.getCell(7).value,
      first.getCell(8).value,
      first.getCell(10).value,
      first.getCell(11).value,
      first.getCell(12).value,
      first.getCell(13).value,
    ]).toEqual([
      '严重不符合',
      '5.3.2.3',
      '不符合（程序要求）',
      '=HYPERLINK("http://evil","x")',
      'orders.csv',
      2,
      '非标产品订单没有评审日期：未按要求组织合同/订单评审并记录于《合同/订单评审表》',
      '未开始',
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

  it('shows the headline figures on the cover as numbers that sum, each in the format it is read in', async () => {
    const { wb, summary } = await workbookFor('zh');
    const cover = wb.getWorksheet('概况')!;
    const row = (label: string) => {
      let found: ExcelJS.Row | undefined;
      cover.eachRow((r) => {
        if (r.getCell(1).value === label) found = r;
      });
      expect(found, label).toBeDefined();
      return found!.getCell(2);
    };
    expect(cover.getRow(5).values).toEqual([undefined, '指标', '数值', '说明']);
    const completeness = row('合同/订单评审完整率');
    expect([completeness.value, completeness.numFmt, completeness.row && cover.getRow(Number(completeness.row)).getCell(3).value]).toEqual([
      0,
      '0.0%',
      '评审完整 0 单，共 2 单',
    ]);
    expect([row('输入错误').value, row('输入错误').numFmt]).toEqual([1, '0']);
    expect(row('输入警告').value).toBe(0);
    expect(row('未读入的行').value).toBe(summary.inputs.reduce((n, i) => n + i.rowsRejected, 0));
    expect(row('客户投诉（件）').value).toBe(0);
    // Every figure is a number or empty (no data), never text.
    for (let r = 6; r <= 21; r++) expect(['number', 'object'], `row ${r}`).toContain(typeof cover.getRow(r).getCell(2).value);
  });

  it('stores the survey figures unrounded with a % and a one-decimal format, and a change with its sign', async () => {
    const config = testConfig();
    const surveys = [
      '调查期次,客户名称,发放日期,回收日期,综合得分',
      '2025H1,甲,2025-06-01,2025-06-05,90',
      '2025H1,乙,2025-06-01,2025-06-06,85',
      '2025H2,甲,2025-12-01,2025-12-05,81.8',
      '2025H2,乙,2025-12-01,,',
      '2025H2,丙,2025-12-01,2025-12-09,80',
    ].join('\n');
    const { summary } = runCheck({ input: tempFolder({ 's.csv': surveys }), config, asOf: '2025-12-31', lang: 'zh' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(renderFindingsWorkbook({ summary, headline: headlineOf(summary, config), config, lang: 'zh' }) as unknown as ArrayBuffer);
    const cover = wb.getWorksheet('概况')!;
    const cells = new Map<string, ExcelJS.Cell>();
    cover.eachRow((r) => cells.set(String(r.getCell(1).value), r.getCell(2)));
    expect([cells.get('满意度调查回收率 2025H2')!.value, cells.get('满意度调查回收率 2025H2')!.numFmt]).toEqual([2 / 3, '0.0%']);
    expect([cells.get('满意度均分 2025H2')!.value, cells.get('满意度均分 2025H2')!.numFmt]).toEqual([80.9, '0.0']);
    expect(cells.get('较上期变化 2025H1')!.value).toBeCloseTo(80.9 - 87.5, 10);
    expect(cells.get('较上期变化 2025H1')!.numFmt).toBe('+0.0;\u22120.0;0.0');
  });

  it('gives the action columns room to write, a status drop-down and a date check on 完成日期', async () => {
    const { wb, summary } = await workbookFor('zh');
    const sheet = wb.getWorksheet('合同-订单评审')!;
    const n = summary.findings.filter((f) => f.dataset === 'orders').length;
    expect(n).toBeGreaterThan(0);
    expect(sheet.getColumn(13).width).toBeGreaterThanOrEqual(30);
    expect(sheet.getCell('M2').alignment?.wrapText).toBe(true);
    expect(sheet.getColumn(14).width).toBeGreaterThanOrEqual(10);
    expect(sheet.getColumn(15).width).toBeGreaterThanOrEqual(11);
    expect(sheet.getCell('O2').numFmt).toBe('yyyy-mm-dd');
    const status = sheet.getCell(`L${n + 1}`).dataValidation;
    expect(status).toMatchObject({ type: 'list', formulae: ['"未开始,进行中,已完成,已取消"'], allowBlank: true, showErrorMessage: true });
    const done = sheet.getCell('O2').dataValidation;
    expect(done).toMatchObject({ type: 'date', operator: 'between', allowBlank: true, showErrorMessage: true });
    expect((done.formulae as unknown[]).map((f) => (f instanceof Date ? f.toISOString().slice(0, 10) : f))).toEqual(['2000-01-01', '2099-12-31']);
    // Not beyond the findings, nor on other columns.
    expect(sheet.getCell(`L${n + 2}`).dataValidation).toBeUndefined();
    expect(sheet.getCell('M2').dataValidation).toBeUndefined();
  });

  it('makes every sheet printable: A4 landscape, one page wide, the header row repeated and frozen, with filters', async () => {
    const { wb } = await workbookFor('zh');
    for (const sheet of wb.worksheets) {
      const header = sheet.name === '概况' ? 5 : 1;
      expect(sheet.pageSetup, sheet.name).toMatchObject({
        paperSize: 9,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: `${header}:${header}`,
      });
      expect(sheet.views[0], sheet.name).toMatchObject({ state: 'frozen', ySplit: header });
      expect(sheet.autoFilter, sheet.name).toMatch(new RegExp(`^A${header}:[A-Z]+\\d+$`));
    }
    // The cover's filter stops at its figures, above the severity table.
    expect(wb.getWorksheet('概况')!.autoFilter).toBe('A5:C21');
  });

  it('keeps nonconformities, company limits (with value and source), objectives and data checks apart, counted on the cover', async () => {
    const { loadConfig } = await import('../../src/config/load-config.js');
    const sample = path.join(PACKAGE_ROOT, 'input');
    const { config } = loadConfig(path.join(sample, 'qmsdoc.config.json'));
    const { summary } = runCheck({ input: sample, config, asOf: '2025-12-31', lang: 'zh' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(renderFindingsWorkbook({ summary, headline: headlineOf(summary, config), config, lang: 'zh' }) as unknown as ArrayBuffer);
    const complaints = wb.getWorksheet('客户投诉')!;
    const rows = complaints
      .getSheetValues()
      .slice(2)
      .map((r) => (Array.isArray(r) ? r.slice(1) : []));
    const ks040 = rows.find((r) => r[6] === 'KS-2025-040' && r[5] === 'C1')!;
    expect(ks040.slice(1, 5)).toEqual(['严重不符合', '5.8.3', '未达到公司设定时限', '18 个工作日（公司设定）']);
    // Grouped: every nonconformity of the procedure before the first company-limit finding.
    const bases = rows.map((r) => r[3]);
    expect(bases.lastIndexOf('不符合（程序要求）')).toBeLessThan(bases.indexOf('未达到公司设定时限'));
    const satisfaction = wb
      .getWorksheet('客户满意度')!
      .getSheetValues()
      .slice(2)
      .map((r) => (Array.isArray(r) ? r.slice(1) : []));
    expect(satisfaction.find((r) => r[5] === 'S2')!.slice(1, 5)).toEqual(['目标未达成', undefined, '目标未达成', '85 分（公司设定）']);
    const cover = wb
      .getWorksheet('概况')!
      .getSheetValues()
      .map((r) => (Array.isArray(r) ? r.slice(1) : []));
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
