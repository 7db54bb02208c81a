import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Summary } from '../../src/model/summary.js';
import { run } from '../helpers/cli.js';
import { tempFolder } from '../helpers/fixtures.js';
import { pdfPages } from '../helpers/pdf.js';
import { sampleBuild } from '../helpers/sample-build.js';

/** The report and the summary of one input folder, as of 2025-12-31. */
async function reportOf(input: string, config?: string): Promise<{ text: string; lines: string[]; summary: Summary }> {
  const out = tempFolder();
  const extra = config ? ['--config', config] : [];
  expect((await run(['report', 'audit-readiness', '--input', input, '--output', out, '--as-of', '2025-12-31', ...extra])).code).toBe(0);
  const summary = JSON.parse((await run(['check', '--input', input, '--as-of', '2025-12-31', '--json', '--out', tempFolder(), ...extra])).stdout) as Summary;
  const pages = await pdfPages(readFileSync(path.join(out, 'reports', 'audit-readiness-2025-12-31.pdf')));
  const text = pages.join('\n');
  return { text, lines: text.split('\n'), summary };
}

/** The text between two headings. */
const section = (text: string, from: string, to: string) => text.slice(text.indexOf(from), text.indexOf(to, text.indexOf(from)));

describe('audit readiness report of the bundled sample', () => {
  let report: Awaited<ReturnType<typeof reportOf>>;
  beforeAll(async () => {
    // The report and summary.json of the test run's shared build of the sample.
    const { output } = await sampleBuild();
    const summary = JSON.parse(readFileSync(path.join(output, 'summary.json'), 'utf8')) as Summary;
    const text = (await pdfPages(readFileSync(path.join(output, 'reports', 'audit-readiness-2025-12-31.pdf')))).join('\n');
    report = { text, lines: text.split('\n'), summary };
  }, 300_000);

  it("is headed by the company's procedure", () => {
    expect(report.text).toContain('依据：《与顾客有关的过程控制程序》');
    expect(report.text).not.toContain('合同评审与顾客满意控制程序');
  });

  it('separates nonconformities, company time limits, missed objectives and data checks, adding up to summary.json', () => {
    const { summary } = report;
    const of = (basis: string) => summary.findings.filter((f) => f.basis === basis);
    // Sentences wrap across lines: compare without white space.
    const flat = report.text.replace(/\s+/g, '');
    const sev = (list: readonly { severity: string }[], s: string) => list.filter((f) => f.severity === s).length;
    const procedure = of('procedure');
    const limit = of('company_limit');
    expect(procedure.length + limit.length + of('objective').length + of('data').length).toBe(summary.findings.length);
    expect(flat).toContain(
      (
        `共发现 ${summary.findings.length} 条：不符合（程序要求）${procedure.length} 条（严重 ${sev(procedure, 'major')} 条，一般 ${sev(procedure, 'minor')} 条，观察 ${sev(procedure, 'observation')} 条）；` +
        `未达到公司设定时限 ${limit.length} 条（严重 ${sev(limit, 'major')} 条，一般 ${sev(limit, 'minor')} 条，观察 ${sev(limit, 'observation')} 条）；` +
        `目标未达成 ${of('objective').length} 条；数据核对 ${of('data').length} 条。`
      ).replace(/\s+/g, ''),
    );
    // The overview table: per clause group, checks applied and the findings of each basis.
    for (const [clause, dataset] of [
      ['5.3', 'orders'],
      ['5.6–5.7', 'surveys'],
      ['5.8', 'complaints'],
    ] as const) {
      const checks = summary.checks.filter((c) => c.dataset === dataset);
      const applied = checks.reduce((n, c) => n + c.checked, 0);
      const gaps = checks.reduce((n, c) => n + c.gaps, 0);
      const counts = ['procedure', 'company_limit', 'objective', 'data'].map(
        (b) => summary.findings.filter((f) => f.dataset === dataset && f.basis === b).length,
      );
      expect(report.lines).toContain(
        `${clause} ${dataset === 'orders' ? '合同/订单评审' : dataset === 'surveys' ? '客户满意度' : '客户投诉'} ${applied} ${applied - gaps} ${gaps} ${counts.join(' ')}`,
      );
    }
  });

  it("lists each group's findings in its own section, numbered from 1", () => {
    const { summary, text } = report;
    const count = (from: string, to: string) => [...section(text, from, to).matchAll(/^(\d+) /gm)].length;
    expect(count('二、不符合（程序要求）', '三、未达到公司设定时限')).toBe(summary.findings.filter((f) => f.basis === 'procedure').length);
    expect(count('三、未达到公司设定时限', '四、目标未达成')).toBe(summary.findings.filter((f) => f.basis === 'company_limit').length);
    expect(count('四、目标未达成', '五、数据核对')).toBe(summary.findings.filter((f) => f.basis === 'objective').length);
    expect(count('五、数据核对', '六、待补记录')).toBe(summary.findings.filter((f) => f.basis === 'data').length);
  });

  it('names the company limit and its source beside each late record, and the objective beside each missed one', () => {
    const limits = section(report.text, '三、未达到公司设定时限', '四、目标未达成');
    // KS-2025-040: closed in 19 working days against the company's 18.
    expect(limits).toMatch(/^\d+ 严重 5\.8\.3 18 个工作日 KS-2025-040 /m);
    expect(limits).toContain('来源：公司设定');
    const objectives = section(report.text, '四、目标未达成', '五、数据核对');
    expect(objectives).toMatch(/^1 满意度调查回收率 90\.0% 2025H2 2025H2 回收率 86\.4%（19\/22），未达到目标/m);
    expect(objectives).toMatch(/^2 客户满意度均分 85 分 2025H2 2025H2 满意度均分 81\.8 分，未达到质量目标/m);
  });

  it('lists the liaison sheets to complete (待补记录): HT-2025-050 was cancelled without one', () => {
    expect(section(report.text, '六、待补记录', '七、检查项目')).toMatch(/^1 HT-2025-050 取消《联络单》 5\.3\.5\.1 /m);
  });

  it('prints each rule with its clause, basis and counts from summary.json', () => {
    for (const c of report.summary.checks) {
      const basis = { procedure: '程序', company_limit: '公司时限', objective: '目标', data: '数据' }[c.basis];
      // A long clause wraps in its cell: its first part is on the rule's line.
      const clause = (c.clause ?? '—').split('–')[0]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      expect(report.text).toMatch(new RegExp(`^${c.rule} ${clause}\\S* ${basis} .* ${c.checked} ${c.checked - c.gaps} ${c.gaps}$`, 'm'));
    }
  });
});

describe('audit readiness report of a folder without complaints and surveys', () => {
  it('says which clauses could not be checked and why; S4 says the input holds no survey records', async () => {
    const input = tempFolder({
      'orders.csv': '订单号,客户名称,产品名称,接单日期,产品类别,评审日期,签订日期\nSO-1,甲,轴,2025-01-02,非标,2025-01-05,2025-01-06\n',
    });
    const config = path.join(tempFolder(), 'c.json');
    writeFileSync(config, JSON.stringify({ procedure: { name: '销售与客户服务控制程序', number: 'QP-XS-01', version: 'B/2' } }));
    const { text, summary } = await reportOf(input, config);
    expect(text).toContain('依据：《销售与客户服务控制程序 QP-XS-01 B/2》');
    const notChecked = summary.checks.filter((c) => c.notChecked !== null).map((c) => [c.rule, c.notChecked]);
    expect(notChecked).toEqual([
      ['O9', 'no_column'],
      ...['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8', 'C9', 'C10', 'S1', 'S2', 'S3', 'S5', 'A1', 'A2', 'A3'].map((r) => [r, 'no_data']),
    ]);
    const listed = section(text, '未能检查的项目', '读入的数据');
    expect(listed).toMatch(/^O9 5\.3\.1 .*订单台账没有“电话传真记录编号”列/m);
    expect(listed).toMatch(/^C1 5\.8\.3 .*输入中没有该类数据$/m);
    expect(listed).not.toMatch(/^S4 /m);
    const surveyFindings = summary.findings.filter((f) => f.dataset === 'surveys');
    expect(surveyFindings.map((f) => f.rule)).toEqual(['S4']);
    expect(surveyFindings[0]!.message).toContain('输入中没有满意度调查记录');
    expect(summary.orders.notLogged).toBe(0);
  }, 60_000);
});
