import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
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

function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** Sets one cell of a workbook in the input folder (the rest read and written back by exceljs). */
async function setCell(file: string, sheet: string, address: string, value: string | undefined): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  if (value !== undefined) book.getWorksheet(sheet)!.getCell(address).value = value;
  await book.xlsx.writeFile(file);
}

const COMPLAINTS = '客户投诉台账2025上半年.xlsx';
const ORDERS = '订单评审台账2025.xlsx';
const SURVEYS = '客户满意度调查回收表.csv';
const build = (input: string, out: string, ...extra: string[]) => run(['build', '--input', input, '--output', out, '--as-of', '2025-12-31', ...extra]);
/** "其中 N 项输入未变，沿用上次的文件；重新生成 M 项" → [N, M]. */
const counts = (stdout: string) => (/其中 (\d+) 项输入未变，沿用上次的文件；重新生成 (\d+) 项/.exec(stdout) ?? []).slice(1).map(Number);

describe('an incremental build after a one-row change in each ledger', () => {
  const input = tempFolder();
  const incremental = tempFolder();
  const clean = tempFolder();
  let first: Awaited<ReturnType<typeof run>>;
  let again: Awaited<ReturnType<typeof run>>;
  let before: Map<string, Buffer>;
  beforeAll(async () => {
    cpSync(path.join(PACKAGE_ROOT, 'input'), input, { recursive: true });
    // The workbooks as exceljs writes them, so that the edit below is the only difference.
    await setCell(path.join(input, COMPLAINTS), '1-6月', 'I4', undefined);
    await setCell(path.join(input, ORDERS), '订单评审台账', 'D3', undefined);
    first = await build(input, incremental);
    before = new Map(filesUnder(incremental).map((f) => [f, readFileSync(path.join(incremental, f))]));

    await setCell(path.join(input, COMPLAINTS), '1-6月', 'I4', '运输途中跌落，外壳严重变形');
    await setCell(path.join(input, ORDERS), '订单评审台账', 'D3', '不锈钢法兰盘');
    // The survey file is GBK: the scores are ASCII, so one byte changes one score.
    const csv = readFileSync(path.join(input, SURVEYS));
    const at = csv.indexOf('97,100,90,94');
    expect(at).toBeGreaterThan(0);
    csv.write('93', at + 10, 'latin1');
    writeFileSync(path.join(input, SURVEYS), csv);

    again = await build(input, incremental);
    await build(input, clean);
  }, 900_000);

  it('gives the same bytes as a clean build, file for file, state included', () => {
    expect(first.code).toBe(0);
    expect(again.code).toBe(0);
    const files = filesUnder(clean);
    expect(filesUnder(incremental)).toEqual(files);
    expect(files).toContain('.qmsdoc/build-state.json');
    const differing = files.filter((f) => !readFileSync(path.join(incremental, f)).equals(readFileSync(path.join(clean, f))));
    expect(differing).toEqual([]);
  });

  it('renders only what the three rows feed and carries the rest over', async () => {
    const [carried, rendered] = counts(again.stdout);
    expect(carried).toBeGreaterThan(200);
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(20);
    const changed = [...before.keys()].filter((f) => !before.get(f)!.equals(readFileSync(path.join(incremental, f))));
    // The edited complaint's record and CAPA report, the edited order's review form, the edited survey's workbook.
    expect(changed).toEqual(
      expect.arrayContaining(['forms/complaint_record/KS-2025-001.pdf', 'forms/capa_report/CAPA-2025-001.pdf', 'forms/complaint_record.pdf', 'forms/order_review/HT-2025-001.pdf', 'reports/satisfaction-2025H2.xlsx', 'summary.json', 'manifest.json']),
    );
    expect(changed).not.toContain('forms/complaint_record/KS-2025-002.pdf');
    expect(changed).not.toContain('reports/complaints-2025-02.pdf');
    expect((await pdfPages(readFileSync(path.join(incremental, 'forms/complaint_record/KS-2025-001.pdf')))).join('\n')).toContain('外壳严重变形');
  });

  it('carries over the documents that print none of the changed values, although the input files changed', () => {
    // The due list prints the complaints' customers and stages, the orders and surveys not at all:
    // it was carried over (the same key), not rendered again to the same bytes.
    const state = (bytes: Buffer) => JSON.parse(bytes.toString('utf8')) as { units: Record<string, { key: string }> };
    const was = state(before.get('.qmsdoc/build-state.json')!).units;
    const now = state(readFileSync(path.join(incremental, '.qmsdoc/build-state.json'))).units;
    expect(now['reports/due']?.key).toBe(was['reports/due']?.key);
    expect(now['forms/complaint_record/KS-2025-001.pdf']?.key).not.toBe(was['forms/complaint_record/KS-2025-001.pdf']?.key);
  });

  it('renders everything with --clean, and re-renders a carried file that was changed or removed in the output folder', async () => {
    const out = tempFolder();
    cpSync(incremental, out, { recursive: true });
    const cleanRun = await build(input, out, '--clean');
    expect(counts(cleanRun.stdout)).toEqual([]);
    rmSync(path.join(out, 'forms/complaint_record/KS-2025-002.pdf'));
    writeFileSync(path.join(out, 'reports/complaints-2025-02.pdf'), 'not a pdf');
    const repaired = await build(input, out);
    expect(counts(repaired.stdout)[1]).toBe(2);
    for (const f of ['forms/complaint_record/KS-2025-002.pdf', 'reports/complaints-2025-02.pdf']) expect(readFileSync(path.join(out, f)).equals(readFileSync(path.join(clean, f))), f).toBe(true);
  }, 600_000);

  it('reports the files of the last build that this one no longer makes', async () => {
    const out = tempFolder();
    cpSync(incremental, out, { recursive: true });
    const lean = await build(input, out, '--no-filled-forms');
    expect(lean.stdout).toContain('上次生成、本次不再生成的文件：');
    expect(lean.stdout).toContain(`${out}/forms/complaint_record/KS-2025-001.pdf`);
  }, 600_000);
});
