import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { tempFolder, testConfig } from '../helpers/fixtures.js';
import { complaintCategories } from '../../src/config/categories.js';
import { pdfImageBoxes, pdfLineHeights, pdfPages } from '../helpers/pdf.js';
import { formatRate } from '../../src/issues/format-number.js';
import type { Summary } from '../../src/model/summary.js';
import { categoryLabel, monthLabel } from '../../src/reports/complaint-month-layout.js';

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

function filesUnder(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(path.relative(root, full).split(path.sep).join('/'));
    }
  };
  walk(root);
  return out.sort();
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('qmsdoc build on the bundled sample', () => {
  const input = tempFolder();
  const first = tempFolder();
  const second = tempFolder();
  let result: Awaited<ReturnType<typeof run>>;
  let secondResult: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    cpSync(path.join(PACKAGE_ROOT, 'input'), input, { recursive: true });
    result = await run(['build', '--input', input, '--output', first, '--as-of', '2025-12-31']);
    // The second run leaves the filled forms out: it checks --no-filled-forms and that every file
    // both runs write is byte-identical, for half the time of a second full build (the filled
    // forms' own determinism is checked in test/forms/forms.test.ts).
    secondResult = await run(['build', '--input', input, '--output', second, '--as-of', '2025-12-31', '--no-filled-forms']);
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
    expect(manifest).toMatchObject({ schemaVersion: 1, tool: { name: 'qmsdoc' }, asOf: '2025-12-31', config: { file: 'qmsdoc.config.json', sha256: sha(path.join(input, 'qmsdoc.config.json')) } });
    const outputs = manifest.outputs as { path: string; sha256: string; bytes: number }[];
    expect(outputs.map((o) => o.path)).toEqual(filesUnder(first).filter((f) => f !== 'manifest.json'));
    for (const o of outputs) {
      expect(o.sha256).toBe(sha(path.join(first, o.path)));
      expect(o.bytes).toBe(statSync(path.join(first, o.path)).size);
    }
    expect((manifest.inputs as { path: string; sha256: string }[]).map((i) => [i.path, i.sha256])).toEqual(
      ['客户投诉台账2025上半年.xlsx', '客户投诉台账2025下半年.xlsx', '客户满意度调查回收表.csv', '订单评审台账2025.xlsx'].map((f) => [f, sha(path.join(input, f))]),
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
    // manifest.json lists the files written, which --no-filled-forms changes.
    const shared = filesUnder(second).filter((f) => f !== 'manifest.json');
    expect(shared.length).toBeGreaterThan(10);
    const different = shared.filter((f) => sha(path.join(first, f)) !== sha(path.join(second, f)));
    expect(different).toEqual([]);
  });

  it('combines the complaint records into one PDF, each record with its own page numbering', async () => {
    const pages = await pdfPages(readFileSync(path.join(first, 'forms/complaint_record.pdf')));
    const starts = pages.flatMap((p, i) => (/第 1 页 共 \d+ 页/.test(p) ? [i] : []));
    const records = filesUnder(first).flatMap((f) => (f.startsWith('forms/complaint_record/') ? [path.basename(f, '.pdf')] : []));
    expect(records).toHaveLength(119);
    expect(starts.map((i) => /投诉编号 (\S+)/.exec(pages[i]!)?.[1])).toEqual(records);
    for (const [k, start] of starts.entries()) {
      const end = starts[k + 1] ?? pages.length;
      const count = end - start;
      for (let n = 0; n < count; n++) expect(pages[start + n]).toContain(`第 ${n + 1} 页 共 ${count} 页`);
    }
  });

  it('writes a monthly complaint pack for every month of the data, the management review and the audit readiness report', () => {
    const summary = JSON.parse(readFileSync(path.join(first, 'summary.json'), 'utf8')) as Summary;
    const reports = filesUnder(first).filter((f) => f.startsWith('reports/'));
    expect(reports).toEqual([
      'reports/audit-readiness-2025-12-31.pdf',
      ...Object.keys(summary.complaints.byMonth).map((m) => `reports/complaints-${m}.pdf`),
      'reports/management-review-2025.pdf',
      'reports/satisfaction-2025H2.pdf',
      'reports/satisfaction-2025H2.xlsx',
    ]);
  });

  it('counts each month’s complaints as summary.json does, with a Pareto sorted by count and its cumulative share', async () => {
    const summary = JSON.parse(readFileSync(path.join(first, 'summary.json'), 'utf8')) as Summary;
    const byCategory = new Map<string, number>();
    let closeOnTime = 0;
    let closeLate = 0;
    for (const [month, count] of Object.entries(summary.complaints.byMonth)) {
      const text = (await pdfPages(readFileSync(path.join(first, `reports/complaints-${month}.pdf`)))).join('\n');
      expect(text, month).toContain(`本月共受理客户投诉 ${count} 件`);
      const table = text.slice(text.indexOf('类别 件数 占比 累计占比'));
      const rows = [...table.matchAll(/^(\S+) (\d+) ([\d.]+%) ([\d.]+%)$/gm)].map((m) => ({ label: m[1]!, n: Number(m[2]), share: m[3], cumulative: m[4] }));
      expect(rows.reduce((n, r) => n + r.n, 0), month).toBe(count);
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
      closeOnTime += Number(close![1]);
      closeLate += Number(close![2]);
    }
    // The months together give the year's figures of summary.json (the sample is one year).
    const year = summary.review.complaints;
    expect(Object.fromEntries(byCategory)).toEqual(Object.fromEntries(Object.entries(year.byCategory).filter(([, n]) => n > 0).map(([id, n]) => [categoryLabel(id, 'zh', complaintCategories(testConfig(JSON.parse(readFileSync(path.join(input, 'qmsdoc.config.json'), 'utf8'))))), n])));
    expect([closeOnTime, closeLate]).toEqual([year.onTime.close.onTime, year.onTime.close.late]);
  });

  it('gives the management review the figures of summary.json, each objective 达成 or 未达成', async () => {
    const summary = JSON.parse(readFileSync(path.join(first, 'summary.json'), 'utf8')) as Summary;
    const r = summary.review;
    const text = (await pdfPages(readFileSync(path.join(first, 'reports/management-review-2025.pdf')))).join('\n');
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
    // The sentence wraps where the page width says; compared without its spaces and line breaks.
    const text = (await pdfPages(readFileSync(path.join(first, 'reports/audit-readiness-2025-12-31.pdf')))).join('').replace(/\s+/g, '');
    const of = (basis: string) => summary.findings.filter((f) => f.basis === basis).length;
    expect(text).toContain(`共发现${summary.findings.length}条：不符合（程序要求）${of('procedure')}条`);
    expect(text).toContain(`未达到公司设定时限${of('company_limit')}条`);
    expect(text).toContain(`目标未达成${of('objective')}条；数据核对${of('data')}条。`);
  });

  it('never leaves a section heading alone at the foot of a page', async () => {
    for (const file of filesUnder(first).filter((f) => f.startsWith('reports/') && f.endsWith('.pdf'))) {
      const bytes = readFileSync(path.join(first, file));
      const [pages, heights, images] = await Promise.all([pdfPages(bytes), pdfLineHeights(bytes), pdfImageBoxes(bytes)]);
      for (const [i, page] of pages.entries()) {
        const lines = page.split('\n');
        const footer = lines.findIndex((l) => l.startsWith('编制：'));
        expect(footer, `${file} page ${i + 1} has its controlled footer`).toBeGreaterThan(0);
        const at = footer - 1;
        // The last line of text above the footer is a heading only when a chart is drawn under it.
        if (!/^[一二三四五六七八九十]+、/.test(lines[at]!)) continue;
        const y = heights[i]![at]!;
        expect(images[i]!.some((box) => box.top < y), `${file} page ${i + 1}: ${lines[at]}`).toBe(true);
      }
    }
  });

  it('leaves the input folder as it was', () => {
    expect(filesUnder(input)).toEqual(['qmsdoc.config.json', '客户投诉台账2025上半年.xlsx', '客户投诉台账2025下半年.xlsx', '客户满意度调查回收表.csv', '订单评审台账2025.xlsx']);
  });
});

describe('qmsdoc forms --blank', () => {
  it('writes the chosen blank forms and their print pack', async () => {
    const out = tempFolder();
    const { code, stdout } = await run(['forms', '--blank', '--form', 'complaint_record', '--form', 'capa_report', '--output', out, '--as-of', '2025-12-31', '--lang', 'en']);
    expect(code).toBe(0);
    expect(filesUnder(out)).toEqual(['Controlled forms print pack.pdf', 'QR-PZ-01 Corrective and Preventive Action Report.pdf', 'QR-XS-06 Customer Complaint Handling Record.pdf']);
    expect(stdout).toContain('Wrote:');
    const [page] = await pdfPages(readFileSync(path.join(out, 'QR-XS-06 Customer Complaint Handling Record.pdf')));
    expect(page).toContain('Form No.: QR-XS-06');
    expect(page).toContain('Page 1 of 1');
  });

  it('stops with exit 2 and the known ids for an unknown form, and without --blank', async () => {
    const out = tempFolder();
    const unknown = await run(['forms', '--blank', '--form', 'invoice', '--output', out]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^qmsdoc: 没有表单 "invoice"；可选：capa_report, complaint_record, liaison, order_review, phone_fax_log, satisfaction_survey, shipping_notice\n$/);
    const noBlank = await run(['forms', '--output', out]);
    expect(noBlank).toMatchObject({ code: 2, stderr: 'qmsdoc: forms needs --blank (filled forms are written by `qmsdoc build`)\n' });
  });
});
