import ExcelJS from 'exceljs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { formatScore } from '../../src/issues/format-number.js';
import type { CustomersSummary } from '../../src/model/customer-histories.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { runCheck } from '../../src/pipeline/check.js';
import { renderCustomerHistories } from '../../src/reports/render-customer-histories.js';
import { renderSatisfactionReport } from '../../src/reports/render-satisfaction-report.js';
import { pdfPages } from '../helpers/pdf.js';

const AS_OF = '2025-12-31';
const input = path.join(PACKAGE_ROOT, 'input');
const { config } = loadConfig(path.join(input, 'qmsdoc.config.json'));

/** The overall score of the customer's latest answer as the ranking prints it. */
function latest(c: CustomersSummary['list'][number], period: string | null): string {
  const answered = c.surveys.filter((s) => s.returned && s.overall !== null);
  const last = answered[answered.length - 1];
  return last === undefined ? '—' : last.period === period ? formatScore(last.overall) : `${formatScore(last.overall)} (${last.period})`;
}

describe('the customer histories PDF of the bundled sample', () => {
  const result = runCheck({ input, config, asOf: AS_OF, lang: 'zh' });
  const h = result.summary.customers;
  let zh: string[];
  let en: string[];
  beforeAll(async () => {
    zh = await pdfPages((await renderCustomerHistories({ customers: h, config, lang: 'zh', logo: null, workbookName: 'satisfaction-2025H2.xlsx' })).pdf);
    const english = runCheck({ input, config, asOf: AS_OF, lang: 'en' }).summary.customers;
    en = await pdfPages((await renderCustomerHistories({ customers: english, config, lang: 'en', logo: null, workbookName: 'satisfaction-2025H2.xlsx' })).pdf);
  });

  it('ranks every customer with the figures of summary.json, in its order', () => {
    const text = zh.join('\n');
    const lines = text.split('\n');
    let at = -1;
    for (const [i, c] of h.list.entries()) {
      const row = `${i + 1} ${c.customer} ${c.attention} ${c.orders.total} ${c.orders.reviewGaps} ${c.complaints.total} ${c.complaints.open} ${c.complaints.major} ${c.complaints.repeats} ${c.complaints.returns} ${latest(c, h.period).split(' ')[0]}`;
      const found = lines.findIndex((l) => l.startsWith(row));
      expect(found, row).toBeGreaterThan(at);
      at = found;
    }
  });

  it('states the attention score’s formula with the weights summary.json holds, and each customer’s terms add up', () => {
    const text = zh.join('\n');
    expect(text).toContain('关注分 = 下表各项的件数 × 分值之和');
    expect(text).toMatch(new RegExp(`本年度投诉 每件 ${h.weights.complaint}\\n`));
    expect(text).toMatch(new RegExp(`本期满意度调查未回复或未调查 一次 ${h.weights.noAnswer}\\n`));
    const flat = zh.join('').replace(/\s+/g, '');
    const first = h.list[0]!;
    expect(flat).toContain(`1.${first.customer}关注分${first.attention}`);
    expect(flat).toContain(`关注分${first.attention}=本年度投诉${first.complaints.total}×${h.weights.complaint}`);
  });

  it('shows 常州新宇’s delivery falling from 79 to 65 and names the customers who did not answer 2025H2', () => {
    const flat = zh.join('').replace(/\s+/g, '');
    expect(flat).toContain('交期79.0→65.0（−14.0）下降');
    const missing = h.list.filter((c) => c.currentSurvey === 'not_returned' || c.currentSurvey === 'not_surveyed');
    expect(missing.map((c) => c.customer)).toContain('杭州启明液压件有限公司');
    expect(flat).toContain(`2025H2期未回复满意度调查的客户${missing.length}个`);
    const tail = zh.at(-1)!;
    for (const c of missing) expect(tail).toContain(`${c.customer} 未回复`);
  });

  it('reads in English with --lang en', () => {
    const text = en.join('\n');
    expect(text).toContain('Customer histories (orders, complaints, satisfaction)');
    expect(text).toContain('2. Customers by attention score');
    expect(text.replace(/\s+/g, ' ')).toContain('Delivery 79.0 → 65.0 (−14.0) down');
  });
});

describe('the satisfaction report and its workbook with the customer histories', () => {
  const result = runCheck({ input, config, asOf: AS_OF, lang: 'zh' });
  const h = result.summary.customers;
  let files: NonNullable<Awaited<ReturnType<typeof renderSatisfactionReport>>>;
  beforeAll(async () => {
    files = (await renderSatisfactionReport({
      analysis: result.rules.satisfaction,
      findings: result.rules.findings,
      config,
      lang: 'zh',
      asOf: AS_OF,
      logo: null,
      customers: h,
    }))!;
  });

  it('names each customer sent the 2025H2 survey who has not returned it, with the sent date', async () => {
    const period = result.rules.satisfaction.current!;
    const missing = period.responses.filter((r) => !r.returned);
    expect(missing.length).toBeGreaterThan(0);
    const text = (await pdfPages(files.pdf)).join('\n');
    expect(text.replace(/\s+/g, '')).toContain(`未回收调查表的客户${missing.length}个`);
    for (const r of missing) expect(text).toContain(`${r.response.customer} ${r.response.sentDate}`);
    expect(text.replace(/\s+/g, '')).toContain('2025年有订单或投诉的客户，本期（2025H2）都已发出调查表');
  });

  it('writes the 客户档案 sheet: one row per customer in summary.json’s order, counts and scores as numbers', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(files.xlsx as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('客户档案')!;
    expect(sheet).toBeDefined();
    const head = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(head.slice(0, 7)).toEqual(['序', '客户', '关注分', '订单', '非标订单', '评审缺口', '投诉']);
    const col = (name: string) => head.indexOf(name) + 1;
    expect(sheet.rowCount).toBe(h.list.length + 1);
    for (const [i, c] of h.list.entries()) {
      const row = sheet.getRow(i + 2);
      expect([row.getCell(col('客户')).value, row.getCell(col('关注分')).value, row.getCell(col('投诉')).value, row.getCell(col('重复')).value]).toEqual([
        c.customer,
        c.attention,
        c.complaints.total,
        c.complaints.repeats,
      ]);
      for (const s of c.surveys) if (col(`${s.period} 综合`) > 0) expect(row.getCell(col(`${s.period} 综合`)).value).toBe(s.overall);
    }
    const xinyu = h.list.findIndex((c) => c.customer === '常州新宇自动化科技有限公司');
    expect(sheet.getRow(xinyu + 2).getCell(col('下降的项目')).value).toBe('交期');
  });
});
