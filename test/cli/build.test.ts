import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
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
  beforeAll(async () => {
    cpSync(path.join(PACKAGE_ROOT, 'input'), input, { recursive: true });
    result = await run(['build', '--input', input, '--output', first, '--as-of', '2025-12-31']);
    await run(['build', '--input', input, '--output', second, '--as-of', '2025-12-31']);
  }, 300_000);

  it('completes and lists what it wrote', () => {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('要点');
    expect(result.stdout).toMatch(/forms\/complaint_record\/（118 个文件）/);
  });

  it('writes a filled record per complaint, per non-standard order, per CAPA number, and the blank pack', () => {
    const files = filesUnder(first);
    expect(files.filter((f) => f.startsWith('forms/complaint_record/'))).toHaveLength(118);
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
    expect(manifest).toMatchObject({ schemaVersion: 1, tool: { name: 'qmsdoc' }, asOf: '2025-12-31', config: { file: path.join(input, 'qmsdoc.config.json'), sha256: sha(path.join(input, 'qmsdoc.config.json')) } });
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

  it('gives byte-identical files on a second run with the same --as-of', () => {
    const a = filesUnder(first);
    expect(filesUnder(second)).toEqual(a);
    const different = a.filter((f) => sha(path.join(first, f)) !== sha(path.join(second, f)));
    expect(different).toEqual([]);
  });

  it('combines the complaint records into one PDF, each record with its own page numbering', async () => {
    const pages = await pdfPages(readFileSync(path.join(first, 'forms/complaint_record.pdf')));
    const starts = pages.flatMap((p, i) => (/第 1 页 共 \d+ 页/.test(p) ? [i] : []));
    const records = filesUnder(first).flatMap((f) => (f.startsWith('forms/complaint_record/') ? [path.basename(f, '.pdf')] : []));
    expect(records).toHaveLength(118);
    expect(starts.map((i) => /投诉编号 (\S+)/.exec(pages[i]!)?.[1])).toEqual(records);
    for (const [k, start] of starts.entries()) {
      const end = starts[k + 1] ?? pages.length;
      const count = end - start;
      for (let n = 0; n < count; n++) expect(pages[start + n]).toContain(`第 ${n + 1} 页 共 ${count} 页`);
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
