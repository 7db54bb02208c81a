import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestFolder } from '../../src/ingest/ingest-folder.js';
import { XlsxBook } from '../../src/render/excel/xlsx-book.js';
import { buildXlsx, tempFolder, testConfig } from '../helpers/fixtures.js';

const config = testConfig();
const HEAD = ['订单号', '客户名称', '产品名称', '订单日期', '产品类别'];
const CSV = `${HEAD.join(',')}\nSO-1,甲公司,轴承,2025-03-05,标准\n`;

describe('symbolic links in the input folder', () => {
  it('reads a link to a regular file inside the folder and lists the others as skipped with the reason', () => {
    const outside = tempFolder({ 'far.csv': CSV.replace('SO-1', 'SO-FAR') });
    const input = tempFolder({ 'data/real.csv': CSV });
    symlinkSync(path.join(input, 'data', 'real.csv'), path.join(input, 'link.csv'));
    symlinkSync(path.join(outside, 'far.csv'), path.join(input, 'outside.csv'));
    symlinkSync(path.join(input, 'missing.csv'), path.join(input, 'dangling.csv'));
    const result = ingestFolder(input, config);
    expect(result.orders.map((o) => [o.orderNo, o.provenance.file])).toEqual([['SO-1', 'link.csv']]);
    expect(result.skippedFiles).toEqual([
      { path: 'dangling.csv', reason: 'symlink_not_file' },
      { path: 'outside.csv', reason: 'symlink_outside' },
    ]);
  });
});

describe('files qmsdoc wrote are never read back', () => {
  it('skips a workbook qmsdoc made, even one holding an orders header', async () => {
    const book = new XlsxBook({ date: '2025-12-31' });
    const sheet = book.addSheet('订单');
    sheet.addRow(HEAD);
    sheet.addRow(['SO-9', '乙公司', '法兰', '2025-03-06', '标准']);
    const input = tempFolder({ 'findings.xlsx': book.toBuffer(), 'orders.csv': CSV });
    const result = ingestFolder(input, config);
    expect(result.orders.map((o) => o.orderNo)).toEqual(['SO-1']);
    expect(result.skippedFiles).toEqual([{ path: 'findings.xlsx', reason: 'qmsdoc_output' }]);
  });

  it('reading recursively, skips every data file of a folder holding a qmsdoc manifest.json, and dot-folders', async () => {
    const input = tempFolder({ 'orders.csv': CSV, '.qmsdoc-staging/x.csv': CSV.replace('SO-1', 'SO-DOT') });
    mkdirSync(path.join(input, 'old-output', 'reports'), { recursive: true });
    writeFileSync(path.join(input, 'old-output', 'manifest.json'), JSON.stringify({ schemaVersion: 1, tool: { name: 'qmsdoc', version: '0.1.0' } }, null, 2));
    writeFileSync(
      path.join(input, 'old-output', 'reports', 'satisfaction.xlsx'),
      await buildXlsx([{ name: 'S', rows: [HEAD, ['SO-2', '丙', '轴', '2025-01-01', '标准']] }]),
    );
    const result = ingestFolder(input, config, { recursive: true });
    expect(result.orders.map((o) => o.orderNo)).toEqual(['SO-1']);
    expect(result.skippedFiles).toEqual([{ path: 'old-output/reports/satisfaction.xlsx', reason: 'qmsdoc_output' }]);
  });
});
