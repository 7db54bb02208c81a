import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CliRun, filesUnder, run } from '../helpers/cli.js';
import { expectOneNumberPerFigure } from '../helpers/figures.js';
import { tempFolder, testConfig } from '../helpers/fixtures.js';
import { complaintCategories } from '../../src/config/categories.js';
import { openPdf, pdfImageBoxes, pdfLineHeights, pdfPages } from '../helpers/pdf.js';
import { formatRate } from '../../src/issues/format-number.js';
import type { Summary } from '../../src/model/summary.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { categoryLabel, monthLabel } from '../../src/reports/complaint-month-layout.js';
import { SAMPLE_AS_OF, sampleBuild } from '../helpers/sample-build.js';

/** Each report's file name prefix and its texts file (templates/reports/<name>.zh.json). */
const REPORT_TEXTS = [
  ['audit-readiness-', 'audit-readiness'],
  ['complaints-', 'complaints-month'],
  ['customers-', 'customers'],
  ['due-', 'due'],
  ['management-review-', 'management-review'],
  ['satisfaction-', 'satisfaction'],
] as const;

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('qmsdoc build on the bundled sample', () => {
  // The first run is the test run's shared build of the sample (the built CLI, test/helpers/sample-build.ts).
  let input: string;
  let first: string;
  const second = tempFolder();
  let result: CliRun;
  let secondResult: CliRun;
  /** Page texts of a file of the first build, read once per file. */
  const read = new Map<string, Promise<string[]>>();
  const pagesOf = (file: string): Promise<string[]> => {
    if (!read.has(file)) read.set(file, pdfPages(readFileSync(path.join(first, file))));
    return read.get(file)!;
  };
  const textOf = async (file: string) => (await pagesOf(file)).join('\n');
  beforeAll(async () => {
    const shared = await sampleBuild();
    ({ input, output: first } = shared);
    result = shared;
    // The second run (in this process, from the sources) leaves the filled forms out: it checks
    // --no-filled-forms and that every file both runs write is byte-identical, for half the time
    // of a second full build (the filled forms' own determinism is checked in test/forms/forms.test.ts).
    secondResult = await run(['build', '--input', input, '--output', second, '--as-of', SAMPLE_AS_OF, '--no-filled-forms']);
  }, 300_000);

  it('completes and lists what it wrote', () => {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('要点');
    expect(result.stdout).toMatch(/forms\/complaint_record\/（119 个文件）/);
  });

  it('writes a filled record per complaint, per non-standard order, per CAPA number, and the blank pack', () => {
    const files = filesUnder(first);
    expect(files.filter((f) => f.startsWith('forms/complaint_record/'))).toHaveLength(119);
    expect(files).toContain('forms/complaint_record/KS-2025-096.pdf');
    expect(files).toContain('forms/complaint_record.pdf');
    expect(files).toContain('forms/order_review/HT-2025-007.pdf');
    expect(files).toContain('forms/capa_report.pdf');
    expect(files).toContain('forms/liaison/LL-2025-001.pdf');
    expect(files).toContain('forms/phone_fax_log/2025.pdf');
    expect(files).toContain('forms/blank/受控表单打印包.pdf');
    expect(files).toContain('summary.json');
    expect(files).toContain('findings.xlsx');
  });

  it('writes a manifest with the SHA-256 of every output and input, sorted by path', () => {
    const manifest = JSON.parse(readFileSync(path.join(first, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({
      schemaVersion: 1,
      tool: { name: 'qmsdoc' },
      asOf: '2025-12-31',
      config: { file: 'qmsdoc.config.json', sha256: sha(path.join(input, 'qmsdoc.config.json')) },
    });
    const outputs = manifest.outputs as { path: string; sha256: string; bytes: number }[];
    expect(outputs.map((o) => o.path)).toEqual(filesUnder(first).filter((f) => f !== 'manifest.json' && !f.startsWith('.qmsdoc/')));
    for (const o of outputs) {
      expect(o.sha256).toBe(sha(path.join(first, o.path)));
      expect(o.bytes).toBe(statSync(path.join(first, o.path)).size);
    }
    expect((manifest.inputs as { path: string; sha256: string }[]).map((i) => [i.path, i.sha256])).toEqual(
      ['客户投诉台账2025上半年.xlsx', '客户投诉台账2025下半年.xlsx', '客户满意度调查回收表.csv', '措施跟踪表2025.xlsx', '订单评审台账2025.xlsx'].map((f) => [
        f,
        sha(path.join(input, f)),
      ]),
    );
  });

  it('leaves out the per-record filled forms with --no-filled-forms, and nothing else', () => {
    expect(secondResult.code).toBe(0);
    const perRecord = (f: string) => /^forms\/[^/]+\/[^/]+\.pdf$/.test(f) && !f.startsWith('forms/blank/');
    const combined = (f: string) => /^forms\/[^/]+\.pdf$/.test(f);
    const all = filesUnder(first);
    expect(all.filter(perRecord).length).toBeGreaterThan(100);
    expect(filesUnder(second)).toEqual(all.filter((f) => !perRecord(f) && !combined(f)));
    expect(filesUnder(second)).toContain('forms/blank/受控表单打印包.pdf');
  });

  it('gives byte-identical files on a second run with the same --as-of', () => {
    // manifest.json lists the files written, and .qmsdoc/build-state.json what each was made from:
    // --no-filled-forms changes both.
    const shared = filesUnder(second).filter((f) => f !== 'manifest.json' && !f.startsWith('.qmsdoc/'));
    expect(shared.length).toBeGreaterThan(10);
    const different = shared.filter((f) => sha(path.join(first, f)) !== sha(path.join(second, f)));
    expect(different).toEqual([]);
  });

  it('combines the complaint records into one PDF, each record with its own page numbering', async () => {
    const records = filesUnder(first).flatMap((f) => (f.startsWith('forms/complaint_record/') ? [f] : []));
    expect(records).toHaveLength(119);
    const counts = await Promise.all(
      records.map(async (f) => {
        const doc = await openPdf(readFileSync(path.join(first, f)));
        const n = doc.numPages;
        await doc.destroy();
        return n;
      }),
    );
    // The combined file is the records one after another; the pages of the first and last ten
    // records are read (all 238 pages take six seconds), each record numbered from its page 1.
    const starts = counts.map((_, k) => counts.slice(0, k).reduce((a, b) => a + b, 0));
    const checked = [...records.keys()].filter((k) => k < 10 || k >= records.length - 10);
    const wanted = new Set(checked.flatMap((k) => Array.from({ length: counts[k]! }, (_, n) => starts[k]! + n + 1)));
    const pages = await pdfPages(readFileSync(path.join(first, 'forms/complaint_record.pdf')), wanted);
    expect(pages).toHaveLength(counts.reduce((a, b) => a + b, 0));
    for (const k of checked) {
      expect(/投诉编号 (\S+)/.exec(pages[starts[k]!]!)?.[1]).toBe(path.basename(records[k]!, '.pdf'));
      for (let n = 0; n < counts[k]!; n++) expect(pages[starts[k]! + n]).toContain(`第 ${n + 1} 页 共 ${counts[k]} 页`);
    }
  });

  it('prints records with no audit note, no control stamp, and no sign date the ledger does not give', async () => {
    // Of each form's records the first, a middle and the last: what a record prints besides its
    // data comes from its form's layout.
    const others = ['complaint_record', 'order_review', 'liaison', 'capa_report'].flatMap((form) => {
      const records = filesUnder(first).filter((f) => f.startsWith(`forms/${form}/`));
      return [...new Set([records[0]!, records[records.length >> 1]!, records.at(-1)!])];
    });
    for (const file of others) {
      const text = await textOf(file);
      expect(text, file).not.toContain('内审提示');
      expect(text, file).not.toContain('受控');
    }
    // HT-2025-026: signed by three departments, no sign dates in the ledger: the date column stays empty.
    const review = await textOf('forms/order_review/HT-2025-026.pdf');
    expect(review).toMatch(/评审日期 +2025-06-05/);
    expect(review).toMatch(/供销部 +\S+\n品质部 +\S+\n行政财务部 +\S+\n业务部 +\S+\n/);
    expect(review).toMatch(/价格 +含税单价按报价单 BJ-2025-026/);
  });

  it('prints a missing cancellation sheet only as a blank marked 待补, never as a numbered record', async () => {
    const files = filesUnder(first).filter((f) => f.startsWith('forms/liaison/'));
    expect(files).toContain('forms/liaison/HT-2025-050-取消-待补.pdf');
    expect(files).not.toContain('forms/liaison/HT-2025-050-cancel.pdf');
    const [page] = await pagesOf('forms/liaison/HT-2025-050-取消-待补.pdf');
    expect(page).toContain('待补记录：截至 2025-12-31，台账中订单 HT-2025-050 的取消（2025-10-27）没有联络单号');
    expect(page).toMatch(/联络单号 +发出日期\n/);
  });

  it('bookmarks every record of a combined file, and fills the customer list from all three datasets', async () => {
    const { openPdf } = await import('../helpers/pdf.js');
    const doc = await openPdf(readFileSync(path.join(first, 'forms/complaint_record.pdf')));
    const outline = (await doc.getOutline()) ?? [];
    const records = filesUnder(first).flatMap((f) => (f.startsWith('forms/complaint_record/') ? [path.basename(f, '.pdf')] : []));
    expect(outline.map((o) => o.title).sort()).toEqual(records);
    const list = await textOf('forms/customer_list/2025-12-31.pdf');
    const summary = JSON.parse(readFileSync(path.join(first, 'summary.json'), 'utf8')) as Summary;
    expect(list).toContain('客户一览表');
    expect(list).toMatch(/1 +\S+有限公司 +2025-\d\d-\d\d +2025-\d\d-\d\d +\d+ +\d+ +\d+\.\d +(非常满意|满意|不满意|非常不满意) +2025H\d/);
    const orderCounts = [...list.matchAll(/有限公司 +(?:2025-\d\d-\d\d +2025-\d\d-\d\d +)?(\d+) +(\d+)/g)].map((m) => Number(m[1]));
    expect(orderCounts.reduce((a, b) => a + b, 0)).toBe(summary.orders.total);
  });

  it('writes a monthly complaint pack for every month of the data, the management review and the audit readiness report', () => {
    const summary = JSON.parse(readFileSync(path.join(first, 'summary.json'), 'utf8')) as Summary;
    const reports = filesUnder(first).filter((f) => f.startsWith('reports/'));
    expect(reports).toEqual([
      'reports/audit-readiness-2025-12-31.pdf',
      ...Object.keys(summary.complaints.byMonth).map((m) => `reports/complaints-${m}.pdf`),
      'reports/customers-2025.pdf',
      'reports/due-2025-12-31.pdf',
      'reports/management-review-2025.pdf',
      'reports/satisfaction-2025H2.pdf',
      'reports/satisfaction-2025H2.xlsx',
    ]);
  });

  it('counts each month’s complaints as summary.json does, with a Pareto sorted by count and its cumulative share', async () => {
    const summary = JSON.parse(readFileSync(path.join(first, 'summary.json'), 'utf8')) as Summary;
    const byCategory = new Map<string, number>();
    for (const [month, count] of Object.entries(summary.complaints.byMonth)) {
      const text = await textOf(`reports/complaints-${month}.pdf`);
      expect(text, month).toContain(`本月共受理客户投诉 ${count} 件`);
      const table = text.slice(text.indexOf('类别 件数 占比 累计占比'));
      const rows = [...table.matchAll(/^(\S+) (\d+) ([\d.]+%) ([\d.]+%)$/gm)].map((m) => ({ label: m[1]!, n: Number(m[2]), share: m[3], cumulative: m[4] }));
      expect(
        rows.reduce((n, r) => n + r.n, 0),
        month,
      ).toBe(count);
      let running = 0;
      for (const [i, r] of rows.entries()) {
        if (i > 0) expect(r.n, `${month} ${r.label}`).toBeLessThanOrEqual(rows[i - 1]!.n);
        running += r.n;
        expect(r.share).toBe(formatRate(r.n / count));
        expect(r.cumulative).toBe(formatRate(running / count));
        byCategory.set(r.label, (byCategory.get(r.label) ?? 0) + r.n);
      }
      expect(rows.at(-1)?.cumulative).toBe('100.0%');
      const close = /^受理至结案 ≤ 18 个工作日 (\d+) (\d+) /m.exec(text);
      expect(close, month).not.toBeNull();
      // Below reports.paretoMinCount (20 by default) the chart is drawn but names no main categories, and says so.
      if (count < 20)
        expect(text.replace(/\s+/g, ''), month).toContain(
          `本月投诉${count}件，少于20件：件数太少，不据此确定重点类别；上面的排列图和表只列出各类别的件数和累计占比。`,
        );
    }
    // The months together give the year's figures of summary.json (the sample is one year).
    const year = summary.review.complaints;
    expect(Object.fromEntries(byCategory)).toEqual(
      Object.fromEntries(
        Object.entries(year.byCategory)
          .filter(([, n]) => n > 0)
          .map(([id, n]) => [
            categoryLabel(id, 'zh', complaintCategories(testConfig(JSON.parse(readFileSync(path.join(input, 'qmsdoc.config.json'), 'utf8'))))),
            n,
          ]),
      ),
    );
  });

  it('runs the December meeting: agenda and headline first, last meeting’s actions with the overdue ones marked, open complaints with their next stage, the record page last', async () => {
    const summary = JSON.parse(readFileSync(path.join(first, 'summary.json'), 'utf8')) as Summary;
    const pages = await pagesOf('reports/complaints-2025-12.pdf');
    const text = pages.join('\n');
    expect(pages[0]).toContain('会议议程');
    expect(pages[0]).toContain(`本月受理投诉 ${summary.complaints.byMonth['2025-12']} 件`);
    expect(pages[0]).toContain(`截至 2025-12-31，本月及以前受理、尚未结案的投诉 ${summary.complaints.open} 件`);
    // Every overdue meeting action of summary.json (A3, an observation: no clause covers a meeting's actions) is in
    // section 1, marked overdue with its working days.
    const section = text.slice(text.indexOf('一、上次会议措施跟踪'), text.indexOf('二、本月投诉概况'));
    const overdueMeeting = summary.findings.filter((f) => f.rule === 'A3' && f.message.includes('措施来自月度投诉检讨会议'));
    expect(overdueMeeting.length).toBeGreaterThan(0);
    for (const f of overdueMeeting) {
      const days = /已过 (\d+) 个工作日/.exec(f.message)![1];
      expect(section).toMatch(new RegExp(`^${f.record} [^\n]*(\n[^\n]*)?超期 ${days} 个`, 'm'));
    }
    expect([...section.matchAll(/超期 \d+ 个/g)]).toHaveLength(overdueMeeting.length);
    const open = text.slice(text.indexOf('四、未结案投诉'), text.indexOf('五、按投诉类别'));
    expect([...open.matchAll(/^KS-\S+ \d{4}-\d{2}-\d{2} /gm)]).toHaveLength(summary.complaints.open);
    const last = pages.at(-1)!;
    expect(last).toContain('会议记录');
    expect(last).toContain('序号 措施内容 责任人 责任部门 完成期限');
    expect(last).toContain('meeting:2025-12');
    // The November pack is judged on its month's last day, and says so.
    const november = (await pagesOf('reports/complaints-2025-11.pdf'))[0]!;
    expect(november).toContain('状态截至：2025-11-30');
    expect(november).toContain('本资料按 2025-11-30（该月最后一天）的状态生成');
  });

  it('gives the management review the previous review’s actions, the audit results by basis and a decisions table, from summary.json', async () => {
    const summary = JSON.parse(readFileSync(path.join(first, 'summary.json'), 'utf8')) as Summary;
    const pages = await pagesOf('reports/management-review-2025.pdf');
    const text = pages.join('\n');
    const prev = summary.actions.previousReview;
    expect(prev.items.length).toBeGreaterThan(0);
    expect(text).toContain(`${prev.year} 年度管理评审决定的措施（措施跟踪表中来源为 management_review:${prev.year}）${prev.items.length} 项`);
    for (const a of prev.items) expect(text).toMatch(new RegExp(`^${a.actionNo} `, 'm'));
    // Every action is counted: done (late ones said), cancelled, not done; the sentence wraps.
    const count = (test: (a: (typeof prev.items)[number]) => boolean) => prev.items.filter(test).length;
    const [done, late, cancelled] = [count((a) => a.status === 'done'), count((a) => a.doneLate), count((a) => a.status === 'cancelled')];
    expect(late).toBeGreaterThan(0);
    expect(cancelled).toBeGreaterThan(0);
    expect(text.replace(/\s+/g, '')).toContain(
      `已完成${done}项（其中逾期完成${late}项），已取消${cancelled}项，未完成${prev.items.length - done - cancelled}项`,
    );
    // A late one reads as in the monthly packs; a cancelled one's date stands under a column that says so.
    expect(text).toContain('状态 完成/取消日期 验证人');
    for (const a of prev.items.filter((x) => x.doneLate)) expect(text).toMatch(new RegExp(`^${a.actionNo} .* 已完成（逾期完成） ${a.doneOn}`, 'm'));
    for (const a of prev.items.filter((x) => x.status === 'cancelled')) expect(text).toMatch(new RegExp(`^${a.actionNo} .* 已取消 ${a.doneOn ?? ''}`, 'm'));
    const pack = (await pagesOf('reports/complaints-2025-12.pdf')).join('\n');
    expect(pack).toContain('状态 完成/取消日期 验证人');
    expect(pack).toMatch(/ 已完成（逾期完成） \d{4}-\d{2}-\d{2}/);
    const of = (basis: string) => summary.findings.filter((f) => f.basis === basis).length;
    expect(text).toContain(`合计 ${of('procedure')} ${of('company_limit')} ${of('objective')} ${of('data')} ${summary.findings.length}`);
    expect(text).toContain(`纠正措施的有效性：有 ${summary.findings.filter((f) => f.rule === 'C10').length} 件投诉`);
    expect(pages.at(-1)).toContain('序号 决定 / 措施 责任人 责任部门 完成期限 所需资源');
  });

  it('prints what falls due as qmsdoc due lists it', async () => {
    const list = JSON.parse((await run(['due', '--input', input, '--as-of', '2025-12-31', '--json'])).stdout) as {
      items: { ref: string; overdue: boolean; due: string | null }[];
    };
    const text = await textOf('reports/due-2025-12-31.pdf');
    const overdue = list.items.filter((i) => i.overdue).length;
    // CAPA verifications have no deadline (due null): counted apart, neither due nor overdue.
    const waiting = list.items.filter((i) => i.due === null).length;
    expect(text.replace(/\s+/g, '')).toContain(
      `至2026-01-15）到期${list.items.length - overdue - waiting}项，已超期${overdue}项，另有没有规定期限的待验证纠正预防措施${waiting}项`,
    );
    expect([...text.matchAll(/^\d{4}-\d{2}-\d{2} /gm)]).toHaveLength(list.items.length - waiting);
    expect([...text.matchAll(/^无规定期限 /gm)]).toHaveLength(waiting);
    for (const i of list.items) expect(text).toContain(i.ref);
  });

  it('gives the management review the figures of summary.json, each objective 达成 or 未达成', async () => {
    const summary = JSON.parse(readFileSync(path.join(first, 'summary.json'), 'utf8')) as Summary;
    const r = summary.review;
    const text = await textOf('reports/management-review-2025.pdf');
    const met = r.objectives.filter((o) => o.met === true).length;
    expect(text).toContain(`质量目标达成 ${met} / ${r.objectives.length}`);
    expect(text).toContain(`客户投诉 ${r.complaints.total} 未结案 ${r.complaints.open}，超期 ${r.complaints.overdue}`);
    expect(text).toContain(`合同/订单评审完整率 ${formatRate(r.orders.completenessRate)} ${r.orders.reviewComplete} / ${r.orders.total}`);
    expect(text).toContain(`纠正预防措施验证关闭 ${r.capa.verified} / ${r.capa.raised}`);
    expect(text).toContain(`重大投诉 / 已上报 ${r.complaints.major} / ${r.complaints.majorEscalated}`);
    for (const o of r.objectives) {
      const line = text.split('\n').find((l) => l.startsWith(`${o.label} `) && /(达成|未达成)$/.test(l));
      expect(line, o.label).toBeDefined();
      expect(line!.endsWith(o.met ? ' 达成' : ' 未达成'), line).toBe(true);
    }
    for (const [month, m] of Object.entries(r.orders.byMonth)) {
      expect(text).toContain(`${monthLabel(month, 'zh')} ${m.total} ${m.reviewComplete} ${formatRate(m.reviewComplete / m.total)}`);
    }
  });

  it('gives the audit readiness report the findings of summary.json in groups that add up', async () => {
    const summary = JSON.parse(readFileSync(path.join(first, 'summary.json'), 'utf8')) as Summary;
    // The sentence wraps across lines: compared without white space.
    const text = (await pagesOf('reports/audit-readiness-2025-12-31.pdf')).join('').replace(/\s+/g, '');
    const of = (basis: string) => summary.findings.filter((f) => f.basis === basis).length;
    expect(of('procedure') + of('company_limit') + of('objective') + of('data')).toBe(summary.findings.length);
    expect(text).toContain(`共发现${summary.findings.length}条：不符合（程序要求）${of('procedure')}条`);
    expect(text).toContain(`未达到公司设定时限${of('company_limit')}条`);
    expect(text).toContain(`目标未达成${of('objective')}条；数据核对${of('data')}条。`);
  });

  it("prints each figure that appears in more than one document as the same number, summary.json's", async () => {
    // Complaints, orders, review completeness, overdue, satisfaction mean and response rate, CAPA
    // raised and verified, satisfaction CAPA requests, repeats: read back from every PDF and the workbook.
    await expectOneNumberPerFigure(first, pagesOf);
  });

  it('never leaves a heading or subheading alone at the foot of a page', async () => {
    for (const file of filesUnder(first).filter((f) => f.startsWith('reports/') && f.endsWith('.pdf'))) {
      // The report's own headings and subheadings, from its texts file; the satisfaction report's comment groups ("交期（3）").
      const texts = REPORT_TEXTS.find(([prefix]) => file.startsWith(`reports/${prefix}`))?.[1];
      const headings = new Set(
        Object.values(
          (JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'templates', 'reports', `${texts}.zh.json`), 'utf8')) as { headings: Record<string, string> })
            .headings,
        ),
      );
      const isHeading = (line: string) =>
        /^[一二三四五六七八九十]+、/.test(line) || headings.has(line) || (texts === 'satisfaction' && /^\S+（\d+）$/.test(line));
      const pages = await pagesOf(file);
      // Line heights and image boxes are read only for a file with a heading above its footer.
      let layout: Promise<[number[][], { bottom: number; top: number }[][]]> | null = null;
      const bytes = () => readFileSync(path.join(first, file));
      for (const [i, page] of pages.entries()) {
        const lines = page.split('\n');
        const footer = lines.findIndex((l) => l.startsWith('编制：'));
        expect(footer, `${file} page ${i + 1} has its controlled footer`).toBeGreaterThan(0);
        const at = footer - 1;
        // The last line of text above the footer is a heading only when a chart is drawn under it.
        if (!isHeading(lines[at]!)) continue;
        layout ??= Promise.all([pdfLineHeights(bytes()), pdfImageBoxes(bytes())]);
        const [heights, images] = await layout;
        const y = heights[i]![at]!;
        expect(
          images[i]!.some((box) => box.top < y),
          `${file} page ${i + 1}: ${lines[at]}`,
        ).toBe(true);
      }
    }
  });

  it('keeps the customer ranking’s headers and the round under a latest score whole in their cells', async () => {
    const text = await textOf('reports/customers-2025.pdf');
    expect(text).toMatch(/^序 客户 关注分 订单 评审缺口 投诉 未结 重大 重复 退货 最近得分 本期调查$/m);
    // An earlier round stands on the cell's second line, which starts a line of the page's text.
    const rounds = [...text.matchAll(/^\(\d{4}H\d.*$/gm)].map((m) => m[0]);
    expect(rounds.length).toBeGreaterThan(0);
    expect(rounds.filter((line) => !/^\(\d{4}H\d\)/.test(line))).toEqual([]);
    expect(text).not.toMatch(/^\)/m);
  });

  it('leaves the input folder as it was', () => {
    expect(filesUnder(input)).toEqual([
      'qmsdoc.config.json',
      '客户投诉台账2025上半年.xlsx',
      '客户投诉台账2025下半年.xlsx',
      '客户满意度调查回收表.csv',
      '措施跟踪表2025.xlsx',
      '订单评审台账2025.xlsx',
    ]);
  });
});

describe('qmsdoc forms --blank', () => {
  it('writes the chosen blank forms and their print pack', async () => {
    const out = tempFolder();
    const { code, stdout } = await run([
      'forms',
      '--blank',
      '--form',
      'complaint_record',
      '--form',
      'capa_report',
      '--output',
      out,
      '--as-of',
      '2025-12-31',
      '--lang',
      'en',
    ]);
    expect(code).toBe(0);
    expect(filesUnder(out)).toEqual([
      'Controlled forms print pack.pdf',
      'QR-PZ-01 Corrective and Preventive Action Report.pdf',
      'QR-XS-06 Customer Complaint Handling Record.pdf',
    ]);
    expect(stdout).toContain('Wrote:');
    const [page] = await pdfPages(readFileSync(path.join(out, 'QR-XS-06 Customer Complaint Handling Record.pdf')));
    expect(page).toContain('Form No.: QR-XS-06');
    expect(page).toContain('Page 1 of 2');
  });

  it('writes the customer list QR-XS-08 blank with --form customer_list', async () => {
    const out = tempFolder();
    const { code } = await run(['forms', '--blank', '--form', 'customer_list', '--output', out, '--as-of', '2025-12-31']);
    expect(code).toBe(0);
    expect(filesUnder(out)).toEqual(['QR-XS-08 客户一览表.pdf', '受控表单打印包.pdf']);
    const [page] = await pdfPages(readFileSync(path.join(out, 'QR-XS-08 客户一览表.pdf')));
    expect(page).toMatch(/序号 +客户名称 +首次订单 +最近订单 +订单数 +投诉数 +满意度得分 +满意度等级/);
  });

  it('stops with exit 2 and the known ids for an unknown form, and without --blank', async () => {
    const out = tempFolder();
    const unknown = await run(['forms', '--blank', '--form', 'invoice', '--output', out]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(
      /^qmsdoc: 没有表单 "invoice"；可选：capa_report, complaint_record, customer_list, liaison, order_review, phone_fax_log, satisfaction_survey, shipping_notice\n$/,
    );
    const noBlank = await run(['forms', '--output', out]);
    expect(noBlank).toMatchObject({ code: 2, stderr: 'qmsdoc: forms 需要 --blank（填好的表单由 qmsdoc build 生成）\n' });
  });
});
