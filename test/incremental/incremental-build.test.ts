import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CliRun, filesUnder, run } from '../helpers/cli.js';
import { tempFolder } from '../helpers/fixtures.js';
import { pdfPages } from '../helpers/pdf.js';
import { SAMPLE_SURVEYS, SECOND_HALF_COMPLAINTS, smallSample } from '../helpers/small-sample.js';

/** Sets one cell of a workbook in the input folder (the rest read and written back by exceljs). */
async function setCell(file: string, sheet: string, address: string, value: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  book.getWorksheet(sheet)!.getCell(address).value = value;
  await book.xlsx.writeFile(file);
}

const COMPLAINTS = '客户投诉台账2025上半年.xlsx';
const ORDERS = '订单评审台账2025.xlsx';
const SURVEYS = SAMPLE_SURVEYS;
const build = (input: string, out: string, ...extra: string[]) => run(['build', '--input', input, '--output', out, '--as-of', '2025-12-31', ...extra]);
/** "其中 N 项输入未变，沿用上次的文件；重新生成 M 项" → [N, M]. */
const counts = (stdout: string) => (/其中 (\d+) 项输入未变，沿用上次的文件；重新生成 (\d+) 项/.exec(stdout) ?? []).slice(1).map(Number);

describe('an incremental build after a one-row change in each ledger', () => {
  const input = tempFolder();
  const incremental = tempFolder();
  const clean = tempFolder();
  let first: CliRun;
  let again: CliRun;
  let before: Map<string, Buffer>;
  beforeAll(async () => {
    // The sample's first six records of each ledger (the edited rows among them; the complaints
    // of January): every kind of document, at a fraction of the sample's build time. Its
    // workbooks are as exceljs writes them, so that the edits below are the only difference.
    await smallSample(input, 6, [SECOND_HALF_COMPLAINTS]);
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
    expect(rendered).toBeGreaterThan(0);
    const changed = [...before.keys()].filter((f) => !before.get(f)!.equals(readFileSync(path.join(incremental, f))));
    // Most documents are carried over (on the whole sample: over 200 carried, 12 rendered).
    expect(carried).toBeGreaterThan(rendered!);
    // Of the per-record forms, only the edited records' own.
    const perRecord = changed.filter((f) => /^forms\/[^/]+\/[^/]+\.pdf$/.test(f) && !f.startsWith('forms/blank/'));
    expect(perRecord).toEqual(['forms/capa_report/CAPA-2025-001.pdf', 'forms/complaint_record/KS-2025-001.pdf', 'forms/order_review/HT-2025-001.pdf']);
    // The edited complaint's record and CAPA report, the edited order's review form, the edited survey's workbook.
    expect(changed).toEqual(
      expect.arrayContaining([
        'forms/complaint_record/KS-2025-001.pdf',
        'forms/capa_report/CAPA-2025-001.pdf',
        'forms/complaint_record.pdf',
        'forms/order_review/HT-2025-001.pdf',
        'reports/satisfaction-2025H2.xlsx',
        'summary.json',
        'manifest.json',
      ]),
    );
    expect(changed).not.toContain('forms/complaint_record/KS-2025-002.pdf');
    expect(changed).not.toContain('reports/due-2025-12-31.pdf');
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
    // A second clean build of the same input: the same bytes, file for file.
    expect(filesUnder(out)).toEqual(filesUnder(clean));
    expect(filesUnder(out).filter((f) => !readFileSync(path.join(out, f)).equals(readFileSync(path.join(clean, f))))).toEqual([]);
    rmSync(path.join(out, 'forms/complaint_record/KS-2025-002.pdf'));
    writeFileSync(path.join(out, 'reports/due-2025-12-31.pdf'), 'not a pdf');
    const repaired = await build(input, out);
    expect(counts(repaired.stdout)[1]).toBe(2);
    for (const f of ['forms/complaint_record/KS-2025-002.pdf', 'reports/due-2025-12-31.pdf'])
      expect(readFileSync(path.join(out, f)).equals(readFileSync(path.join(clean, f))), f).toBe(true);
  }, 600_000);

  it('reports the files of the last build that this one no longer makes', async () => {
    const out = tempFolder();
    cpSync(incremental, out, { recursive: true });
    const lean = await build(input, out, '--no-filled-forms');
    expect(lean.stdout).toContain('上次生成、本次不再生成的文件：');
    expect(lean.stdout).toContain(`${out}/forms/complaint_record/KS-2025-001.pdf`);
  }, 600_000);
});
