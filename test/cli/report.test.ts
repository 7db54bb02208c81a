import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { run } from '../helpers/cli.js';
import { tempFolder } from '../helpers/fixtures.js';
import { pdfPages } from '../helpers/pdf.js';

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

describe('qmsdoc report complaints | management-review | audit-readiness', () => {
  it('writes the monthly packs of the months asked for, and refuses a month that is not one', async () => {
    const out = tempFolder();
    const { code, stderr } = await run([
      'report',
      'complaints',
      '--input',
      SAMPLE,
      '--month',
      '2025-03',
      '--month',
      '2025-11',
      '--output',
      out,
      '--as-of',
      '2025-12-31',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(readdirSync(path.join(out, 'reports')).sort()).toEqual(['complaints-2025-03.pdf', 'complaints-2025-11.pdf']);
    const [first] = await pdfPages(readFileSync(path.join(out, 'reports', 'complaints-2025-11.pdf')));
    expect(first).toContain('客户投诉月度统计分析（2025年11月）');
    const bad = await run(['report', 'complaints', '--input', SAMPLE, '--month', '2025-13', '--output', out]);
    expect(bad).toMatchObject({ code: 2, stderr: 'qmsdoc: --month 应为月份 YYYY-MM 或 all，而不是“2025-13”\n' });
  }, 60_000);

  it('writes the management review in English', async () => {
    const out = tempFolder();
    const { code } = await run(['report', 'management-review', '--input', SAMPLE, '--output', out, '--as-of', '2025-12-31', '--lang', 'en']);
    expect(code).toBe(0);
    const text = (await pdfPages(readFileSync(path.join(out, 'reports', 'management-review-2025.pdf')))).join('\n');
    expect(text).toContain('Management Review: Input Report');
    const summary = JSON.parse((await run(['check', '--input', SAMPLE, '--as-of', '2025-12-31', '--json', '--lang', 'en', '--out', tempFolder()])).stdout) as {
      review: { objectives: { label: string; met: boolean | null }[] };
    };
    for (const o of summary.review.objectives) {
      expect(
        text
          .split('\n')
          .find((l) => l.startsWith(`${o.label} `) && / (Met|Missed)$/.test(l))
          ?.endsWith(o.met ? ' Met' : ' Missed'),
        o.label,
      ).toBe(true);
    }
    // The headings and table words are English (customer names stay as the data has them).
    expect(text).not.toMatch(/质量目标|顾客满意|未达成/);
  }, 60_000);

  it('cuts a long table at reports.maxTableRows and says where the full list is', async () => {
    const input = tempFolder();
    cpSync(SAMPLE, input, { recursive: true });
    const configFile = path.join(input, 'qmsdoc.config.json');
    writeFileSync(configFile, JSON.stringify({ ...JSON.parse(readFileSync(configFile, 'utf8')), reports: { maxTableRows: 10 } }));
    const out = tempFolder();
    const { code } = await run(['report', 'audit-readiness', '--input', input, '--output', out, '--as-of', '2025-12-31']);
    expect(code).toBe(0);
    const summary = (await run(['check', '--input', input, '--as-of', '2025-12-31', '--json', '--out', tempFolder()])).stdout;
    const procedureFindings = (JSON.parse(summary) as { findings: { basis: string }[] }).findings.filter((f) => f.basis === 'procedure').length;
    const text = (await pdfPages(readFileSync(path.join(out, 'reports', 'audit-readiness-2025-12-31.pdf')))).join('\n');
    expect(text).toContain(`表中只列出前 10 行（共 ${procedureFindings} 行），全部见 findings.xlsx。`);
    // Numbered 1–10 in the nonconformities section, nothing after.
    const section = text.slice(text.indexOf('二、不符合（程序要求）'), text.indexOf('三、未达到公司设定时限'));
    expect([...section.matchAll(/^(\d+) (严重|一般|观察) /gm)].map((m) => Number(m[1]))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

    // The meeting pack's list of May (12 complaints in the sample) is cut the same way, with the month's count.
    const may = (JSON.parse(summary) as { complaints: { byMonth: Record<string, number> } }).complaints.byMonth['2025-05']!;
    expect(may).toBeGreaterThan(10);
    expect((await run(['report', 'complaints', '--month', '2025-05', '--input', input, '--output', out, '--as-of', '2025-12-31'])).code).toBe(0);
    const pack = (await pdfPages(readFileSync(path.join(out, 'reports', 'complaints-2025-05.pdf')))).join('\n');
    expect(pack).toContain(`表中只列出前 10 行（共 ${may} 行）。`);
    // The timeliness limits in English, singular where the limit is 1 (assignWorkingDays in the sample's configuration).
    const english = tempFolder();
    await run(['report', 'complaints', '--month', '2025-05', '--input', input, '--output', english, '--as-of', '2025-12-31', '--lang', 'en']);
    const englishPack = (await pdfPages(readFileSync(path.join(english, 'reports', 'complaints-2025-05.pdf')))).join('\n');
    expect(englishPack).toMatch(/Handling department assigned ≤ 1 working day \d/);
    expect(englishPack).toMatch(/Cause and person found ≤ 3 working days \d/);
  }, 60_000);
});
