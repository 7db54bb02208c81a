import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { tempFolder } from '../helpers/fixtures.js';
import { pdfPages } from '../helpers/pdf.js';

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const SAMPLE = path.join(PACKAGE_ROOT, 'input');

describe('qmsdoc report satisfaction', () => {
  it('writes the report of an earlier period with the trend up to that period only', async () => {
    const out = tempFolder();
    const { code, stdout, stderr } = await run(['report', 'satisfaction', '--input', SAMPLE, '--period', '2025H1', '--output', out, '--as-of', '2025-12-31']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(readdirSync(path.join(out, 'reports')).sort()).toEqual(['satisfaction-2025H1.pdf', 'satisfaction-2025H1.xlsx']);
    expect(stdout).toContain('satisfaction-2025H1.pdf');
    const text = (await pdfPages(readFileSync(path.join(out, 'reports', 'satisfaction-2025H1.pdf')))).join('\n');
    expect(text).toContain('调查期次：2025H1');
    expect(text).toMatch(/^2024H2 /m);
    expect(text).toMatch(/^2025H1 /m);
    expect(text).not.toContain('2025H2');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(out, 'reports', 'satisfaction-2025H1.xlsx'));
    expect(book.worksheets.length).toBeGreaterThan(0);
  }, 60_000);

  it('stops with exit 2 for an unknown report or a period the data does not have', async () => {
    const out = tempFolder();
    const unknown = await run(['report', 'complaints-yearly', '--input', SAMPLE, '--output', out]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('satisfaction');
    const period = await run(['report', 'satisfaction', '--input', SAMPLE, '--period', '2019H1', '--output', out]);
    expect(period.code).toBe(2);
    expect(period.stderr).toContain('2019H1');
  });

  it('stops with exit 2 when the input has no surveys', async () => {
    const input = tempFolder({ 'complaints.csv': '投诉编号,客户名称,受理日期\nTS-1,甲公司,2025-03-02\n' });
    const out = tempFolder();
    const result = await run(['report', 'satisfaction', '--input', input, '--output', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('没有满意度调查');
  });
});
