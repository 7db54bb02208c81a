import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../helpers/cli.js';
import { tempFolder } from '../helpers/fixtures.js';
import { pdfPages } from '../helpers/pdf.js';

const LEDGER = [
  '投诉编号,受理日期,客户名称,投诉类别,投诉内容,结案日期',
  'K1,2025-03-03,宁波海通,尺寸,孔径偏大,2025-03-10',
  'K2,2025-03-04,苏州瑞丰,外观,表面划伤,2025-03-11',
  'K3,2025-03-05,无锡恒泰,外观不良,掉漆,',
  'K4,2025-03-06,常州新宇,质量,裂纹,2025-03-12',
].join('\n');

const CONFIG = { vocabulary: { categories: [{ id: 'appearance', label: { zh: '外观', en: 'Appearance' }, aliases: ['外观不良'] }] } };

describe("the company's own categories in the reports", () => {
  const input = tempFolder({ 'complaints.csv': `${LEDGER}\n`, 'qmsdoc.config.json': JSON.stringify(CONFIG) });

  it('shows a company category in the Pareto and a label nobody defined as 其他（尺寸） in the monthly pack', async () => {
    const out = tempFolder();
    const { code, stderr } = await run(['report', 'complaints', '--input', input, '--month', '2025-03', '--output', out, '--as-of', '2025-12-31']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const text = (await pdfPages(readFileSync(path.join(out, 'reports', 'complaints-2025-03.pdf')))).join('\n');
    expect(text).toContain('本月共受理客户投诉 4 件');
    const pareto = text.slice(text.indexOf('类别 件数 占比 累计占比'));
    expect(pareto).toMatch(/^外观 2 50\.0% 50\.0%$/m);
    expect(pareto).toMatch(/^质量 1 25\.0% /m);
    expect(pareto).toMatch(/^其他（尺寸） 1 25\.0% 100\.0%$/m);
    // The list of the month's complaints names the label as written.
    expect(text).toMatch(/K1 .*其他（尺寸）/);
    expect(text).toMatch(/K2 .*外观/);
  }, 120_000);

  it('names them in English too', async () => {
    const out = tempFolder();
    const { code } = await run(['report', 'complaints', '--input', input, '--month', '2025-03', '--output', out, '--as-of', '2025-12-31', '--lang', 'en']);
    expect(code).toBe(0);
    const text = (await pdfPages(readFileSync(path.join(out, 'reports', 'complaints-2025-03.pdf')))).join('\n');
    expect(text).toMatch(/^Appearance 2 50\.0% 50\.0%$/m);
    expect(text).toContain('Other (尺寸)');
  }, 120_000);

  it('lists the company category in the management review', async () => {
    const out = tempFolder();
    const { code } = await run(['report', 'management-review', '--input', input, '--output', out, '--as-of', '2025-12-31']);
    expect(code).toBe(0);
    const text = (await pdfPages(readFileSync(path.join(out, 'reports', 'management-review-2025.pdf')))).join('\n');
    expect(text).toMatch(/^外观 2 50\.0%$/m);
  }, 120_000);
});
