import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Summary, SummaryFinding } from '../../src/model/summary.js';
import { pdfPages } from '../helpers/pdf.js';
import { sampleBuild } from '../helpers/sample-build.js';

/**
 * Reviewer items 3, 12, 14 and 18 on the sample as built (as of 2025-12-31): each finding says
 * only what a clause or the record itself says, and the documents say what they count.
 */
describe('where each finding is written, on the sample', () => {
  let out: string;
  let summary: Summary;
  const flat = async (file: string) => (await pdfPages(readFileSync(path.join(out, file)))).join('').replace(/\s+/g, '');
  const finding = (rule: string, record: string): SummaryFinding => {
    const f = summary.findings.find((x) => x.rule === rule && x.record === record);
    expect(f, `${rule} ${record}`).toBeDefined();
    return f!;
  };

  beforeAll(async () => {
    out = (await sampleBuild()).output;
    summary = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8')) as Summary;
  }, 300_000);

  it("A1: a complaint's open action is held to the due date its register row sets, not to '0 working days'", async () => {
    expect(finding('A1', 'CS-2025-034')).toEqual({
      rule: 'A1',
      clause: '5.8.3',
      basis: 'company_limit',
      severity: 'minor',
      limit: { key: 'actions.due', value: '2025-10-31', unit: 'date', source: '措施跟踪表第 36 行' },
      dataset: 'actions',
      record: 'CS-2025-034',
      file: '措施跟踪表2025.xlsx',
      sheet: '措施跟踪',
      row: 36,
      message: '完成期限 2025-10-31（措施跟踪表第 36 行）已过，至 2025-12-31 仍未完成，已超过 43 个工作日',
    });
    // Only A1 cites a clause, and only 5.8.3 / 5.7.3; no action finding names a fixed number of days.
    for (const f of summary.findings.filter((x) => x.dataset === 'actions')) {
      expect(['5.8.3', '5.7.3', '5.7.4', null]).toContain(f.clause);
      expect(f.limit?.unit ?? 'none').not.toBe('workingDays');
    }
    const audit = await flat('reports/audit-readiness-2025-12-31.pdf');
    // §三 prints the date as the limit with its source (the cell wraps: compared without white space).
    // The limit column holds the date, right after the clause; its source wraps below it.
    expect(audit).toContain('一般5.8.32025-10-31CS-2025-034');
    const printed = audit.slice(audit.indexOf('2025-10-31CS-2025-034'), audit.indexOf('已超过43个工作日'));
    expect(printed).toContain('来源：措施跟踪');
    expect(printed).toContain('表第36行');
    expect(audit).not.toContain('0个工作日');
    expect(audit).not.toContain('公司设定的时限：该措施');
    // The table of checks says what A1 checks: open actions only.
    expect(audit).toContain('A15.8.3/5.7.3公司时限未完成的投诉、纠正预防措施的措施没有超过措施跟');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(path.join(out, 'findings.xlsx')) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('措施跟踪')!;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const row = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => (r.values as unknown[]).includes('CS-2025-034'))!;
    expect(row.getCell(header.indexOf('条款')).value).toBe('5.8.3');
    expect(String(row.getCell(header.indexOf('公司设定时限/目标（来源）')).value)).toBe('2025-10-31（措施跟踪表第 36 行）');
  });

  it('A3: a meeting’s or a management review’s overdue action is an observation on the register alone, citing no clause', async () => {
    expect(finding('A3', 'CS-2025-025')).toMatchObject({
      clause: null,
      basis: 'data',
      severity: 'observation',
      limit: null,
      row: 27,
      message: '措施跟踪表规定的完成期限 2025-09-30 已过，至 2025-12-31 仍未完成（已过 61 个工作日）；措施来自管理评审，程序没有条款规定此类措施，仅作观察',
    });
    // Every open action past its date is one finding, A1 or A3: summary.actions.overdue counts them all.
    expect(summary.findings.filter((f) => f.rule === 'A1' || f.rule === 'A3')).toHaveLength(summary.actions.overdue);
    const audit = await flat('reports/audit-readiness-2025-12-31.pdf');
    expect(audit).toContain('CS-2025-025措施跟踪表2025.xlsx措施跟踪表规定的完成期限2025-09-30已过');
    expect(audit).not.toContain('ISO9001');
  });

  it('C10: a recurrence after a verified CAPA is an observation on the data, not a minor nonconformity citing 5.8.3 a', async () => {
    const c10 = summary.findings.filter((f) => f.rule === 'C10');
    expect(c10).toHaveLength(11);
    for (const f of c10) expect(f).toMatchObject({ clause: null, basis: 'data', severity: 'observation', limit: null });
    expect(finding('C10', 'KS-2025-012').message).toBe(
      '同一问题再次发生（质量）：2025-02-21 受理，此前投诉 KS-2025-004（2025-01-14）已结案，其纠正预防措施 CAPA-2025-004 于 2025-02-04 验证：该措施的效果请核实',
    );
    const audit = await flat('reports/audit-readiness-2025-12-31.pdf');
    const data = audit.slice(audit.indexOf('五、数据核对（观察）'), audit.indexOf('六、待补记录'));
    expect(data).toContain(`共${summary.findings.filter((f) => f.basis === 'data').length}条：只依据记录本身的观察，不引用程序条款，不是不符合`);
    expect(data).toContain('KS-2025-012客户投诉台账2025上半年.xlsx同一问题再次发生（质量）');
    // Not among the nonconformities.
    const procedure = audit.slice(audit.indexOf('二、不符合（程序要求）'), audit.indexOf('三、未达到公司设定时限'));
    expect(procedure).not.toContain('同一问题再次发生');
    expect(audit).toContain('C10—数据已验证的纠正措施之后同一问题没有再次发生');
  });

  it('objectives: the audit report counts the survey objectives (S1, S2), the management review all of them, and each says so with the same numbers', async () => {
    const objectiveFindings = summary.findings.filter((f) => f.basis === 'objective').length;
    const all = summary.review.objectives;
    const missed = all.filter((o) => o.met === false).length;
    expect([objectiveFindings, all.length, missed]).toEqual([2, 7, 7]);
    const audit = await flat('reports/audit-readiness-2025-12-31.pdf');
    expect(audit).toContain(
      `四、目标未达成共${objectiveFindings}条。本节只判定满意度调查的两项目标（规则S1、S2，按本期调查）；全部${all.length}项质量目标的完成情况（未达成${missed}项）见《管理评审输入报告》“质量目标完成情况”。`,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(path.join(out, 'findings.xlsx')) as unknown as ArrayBuffer);
    const cells = book.getWorksheet('概况')!.getColumn(1).values.map(String);
    expect(cells).toContain(
      `“目标未达成”一栏只含满意度调查的两项目标（规则 S1、S2，按本期调查）；全部 ${all.length} 项质量目标的完成情况（未达成 ${missed} 项）见《管理评审输入报告》。`,
    );
    const review = await flat('reports/management-review-2025.pdf');
    expect(review).toContain(
      `本年度${all.length}项质量目标中，达成${all.length - missed}项，未达成${missed}项。内审准备检查报告的“目标未达成”只判定满意度调查的两项目标（规则S1、S2，按本期调查），未达成${objectiveFindings}项。`,
    );
  });

  it('due list: a CAPA waiting for verification has no deadline, so it is listed as waiting and never as overdue', async () => {
    const pages = await pdfPages(readFileSync(path.join(out, 'reports/due-2025-12-31.pdf')));
    const text = pages.join('\n');
    const waiting = summary.findings.filter((f) => f.rule === 'C9').length;
    expect(waiting).toBe(6);
    const flatText = text.replace(/\s+/g, '');
    expect(flatText).toContain(`另有没有规定期限的待验证纠正预防措施${waiting}项`);
    // CAPA-2025-009's complaint was closed on 2025-03-25: once printed as "已超期", now as waiting since then.
    expect(flatText).toContain('无规定期限纠正预防措施验证CAPA-2025-009品质部投诉KS-2025-017于2025-03-25结案，待验证');
    expect(flatText).not.toMatch(/2025-03-25已超期纠正预防措施验证/);
    expect(flatText).toContain(
      '纠正预防措施验证：表中列出待验证的措施及其投诉的结案日期，但程序（5.7.4只规定由品质部验证）和配置都没有规定验证期限，因此不判定超期。',
    );
  });
});
