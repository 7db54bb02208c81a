import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import { formatRate, formatScore } from '../../src/issues/format-number.js';
import type { Summary } from '../../src/model/summary.js';
import { pdfPages } from './pdf.js';

/** One figure as a document prints it: the text it was read from, or null when the document does not print it. */
type Reading = string | number | null;

/** The first group of `re` in `text` (white space of line wraps removed when `flat`), as printed. */
function read(text: string, re: RegExp): string | null {
  return re.exec(text)?.[1] ?? null;
}

/** The page texts of a PDF of the build, by its path in the output folder (a test may pass one that caches them). */
type PagesOf = (file: string) => Promise<string[]>;
const readPages =
  (folder: string): PagesOf =>
  (file) =>
    pdfPages(readFileSync(path.join(folder, file)));

/**
 * Every figure printed by more than one document of a build, read back from each document (PDF
 * text, the findings workbook's cells), and the value of summary.json it must equal. Returns
 * figure → document → printed value, for the assertion and for a readable failure.
 */
export async function figuresAcrossDocuments(
  folder: string,
  pagesOf: PagesOf = readPages(folder),
): Promise<{ expected: Record<string, Reading>; printed: Record<string, Record<string, Reading>> }> {
  const summary = JSON.parse(readFileSync(path.join(folder, 'summary.json'), 'utf8')) as Summary;
  const reports = path.join(folder, 'reports');
  const pdf = async (name: string) => (await pagesOf(`reports/${name}`)).join('\n');
  const year = summary.review.year;
  const review = await pdf(`management-review-${year}.pdf`);
  const audit = await pdf(`audit-readiness-${summary.asOf}.pdf`);
  const satisfaction = await pdf(`satisfaction-${summary.satisfaction.period}.pdf`);
  const packs = await Promise.all(
    readdirSync(reports)
      .filter((f) => /^complaints-\d{4}-\d{2}\.pdf$/.test(f))
      .map(pdf),
  );
  const flat = (text: string) => text.replace(/\n/g, '');
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path.join(folder, 'findings.xlsx'));
  const cover = new Map<string, unknown[]>();
  book.getWorksheet('概况')!.eachRow((row) => {
    const values = (row.values as unknown[]).slice(1);
    cover.set(String(values[0]), values.slice(1));
  });
  const cell = (label: string, i = 0) => (cover.get(label)?.[i] as string | number | undefined) ?? null;
  // The workbook keeps figures as numbers; the reports print them rounded (formatRate, formatScore).
  const num = (label: string) => {
    const v = cell(label);
    return typeof v === 'number' ? v : null;
  };
  const sum = (texts: readonly string[], re: RegExp) => texts.reduce((n, t) => n + Number(read(t, re) ?? 0), 0);
  const actions = satisfaction.slice(satisfaction.lastIndexOf('纠正预防措施要求\n序号'));

  const s = summary.satisfaction;
  const r = summary.review;
  const expected: Record<string, Reading> = {
    complaints: String(summary.complaints.total),
    orders: String(summary.orders.total),
    reviewComplete: String(summary.orders.reviewComplete),
    overdue: String(summary.complaints.overdue),
    satisfactionMean: formatScore(s.mean),
    responseRate: formatRate(s.responseRate),
    capaRaised: String(r.capa.raised),
    capaVerified: String(r.capa.verified),
    satisfactionCapaRequests: String(r.capa.satisfactionRequests),
    repeats: String(r.complaints.repeats),
  };
  const printed: Record<string, Record<string, Reading>> = {
    complaints: {
      managementReview: read(review, /^客户投诉 (\d+) 未结案/m),
      auditReadiness: read(flat(audit), /客户投诉 (\d+) 件/),
      monthlyPacks: String(sum(packs, /本月共受理客户投诉 (\d+) 件/)),
      findingsWorkbook: String(cell('客户投诉（件）')),
    },
    orders: {
      managementReview: read(review, /^合同\/订单评审完整率 \S+ \d+ \/ (\d+)$/m),
      auditReadiness: read(flat(audit), /检查了订单 (\d+) 份/),
      findingsWorkbook: read(String(cell('合同/订单评审完整率', 1)), /共 (\d+) 单/),
    },
    reviewComplete: {
      managementReview: read(review, /^合同\/订单评审完整率 \S+ (\d+) \/ \d+$/m),
      findingsWorkbook: read(String(cell('合同/订单评审完整率', 1)), /评审完整 (\d+) 单/),
    },
    overdue: {
      managementReview: read(review, /^客户投诉 \d+ 未结案 \d+，超期 (\d+)$/m),
      auditReadiness: read(audit, /^C1 5\.8\.3 公司时限 .* \d+ \d+ (\d+)$/m),
      findingsWorkbook: String(cell('超期（> 18 个工作日，件）')),
    },
    satisfactionMean: {
      managementReview: read(review, /^客户满意度均分 ([\d.]+) /m),
      satisfactionReport: read(flat(satisfaction), /本期综合满意度均分 ([\d.]+) 分/),
      auditReadiness: read(flat(audit), /满意度均分 ([\d.]+) 分，未达到/),
      findingsWorkbook: formatScore(num(`满意度均分 ${s.period}`)),
    },
    responseRate: {
      managementReview: read(flat(review), /回收率 ([\d.]+%)；/),
      satisfactionReport: read(flat(satisfaction), /回收率 ([\d.]+%)，/),
      auditReadiness: read(flat(audit), /回收率 ([\d.]+%)（/),
      findingsWorkbook: formatRate(num(`满意度调查回收率 ${s.period}`)),
    },
    capaRaised: {
      managementReview: read(review, /^纠正预防措施验证关闭 \d+ \/ (\d+)$/m),
      auditReadiness: read(flat(audit), /按单号计）：共 (\d+) 项/),
    },
    capaVerified: {
      managementReview: read(review, /^纠正预防措施验证关闭 (\d+) \/ \d+$/m),
      auditReadiness: read(flat(audit), /已验证关闭 (\d+) 项/),
    },
    satisfactionCapaRequests: {
      managementReview: read(review, /^满意度调查提出的要求 (\d+)$/m),
      satisfactionReport: String([...actions.matchAll(/^\d+ /gm)].length),
    },
    repeats: {
      managementReview: read(review, /^重复投诉 (\d+)$/m),
      monthlyPacks: String(sum(packs, /以下 (\d+) 件投诉在 \d+ 天内重复发生/)),
    },
  };
  return { expected, printed };
}

/** Asserts that each figure is printed the same by every document that prints it, and equals summary.json. */
export async function expectOneNumberPerFigure(folder: string, pagesOf?: PagesOf): Promise<void> {
  const { expected, printed } = await figuresAcrossDocuments(folder, pagesOf);
  for (const [figure, documents] of Object.entries(printed)) {
    expect(Object.keys(documents).length, figure).toBeGreaterThanOrEqual(2);
    const want = Object.fromEntries(Object.keys(documents).map((d) => [d, expected[figure]]));
    expect(documents, figure).toEqual(want);
  }
}
