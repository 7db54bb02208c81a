import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseNumber } from '../../src/ingest/values/parse-number.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { ingestFolder } from '../../src/ingest/ingest-folder.js';
import { run } from '../helpers/cli.js';
import { handWrittenXlsx, tempFolder, testConfig } from '../helpers/fixtures.js';

const SAMPLE_ORDERS = readFileSync(path.join(PACKAGE_ROOT, 'input', '订单评审台账2025.xlsx'));

/** The sample orders workbook with 64 bytes flipped in the middle of its first sheet's compressed data. */
function corruptedOrders(): Buffer {
  const bytes = Buffer.from(SAMPLE_ORDERS);
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const local = bytes.indexOf(Buffer.concat([Buffer.from('PK\u0003\u0004')]), 0);
  let p = local;
  while (p >= 0 && !bytes.subarray(p + 30, p + 30 + name.length).equals(name)) p = bytes.indexOf('PK\u0003\u0004', p + 4);
  const start = p + 30 + bytes.readUInt16LE(p + 26) + bytes.readUInt16LE(p + 28);
  const middle = start + Math.floor(bytes.readUInt32LE(p + 18) / 2);
  for (let i = 0; i < 64; i++) bytes[middle + i]! ^= 0x55;
  return bytes;
}

describe('damaged input stops the run with the file named (exit 2), after every file is read', () => {
  it('a workbook with a CRC error in its sheet (was: 35 of 60 rows read, exit 0)', async () => {
    const input = tempFolder({ 'a.xlsx': corruptedOrders(), 'b.xlsx': Buffer.from('not a zip at all') });
    const result = await run(['check', '--input', input, '--out', tempFolder(), '--as-of', '2025-12-31', '--lang', 'en']);
    expect(result.code).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines[0]).toMatch(
      /^qmsdoc: a\.xlsx: the workbook is damaged and cannot be read whole \(damaged member xl\/worksheets\/sheet1\.xml \(.+\)\); open it in Excel to repair it/,
    );
    expect(lines[1]).toMatch(/^qmsdoc: b\.xlsx: not a valid Excel workbook/);
    expect(result.stderr).not.toContain('unexpected error');
  });
});

describe('dates, numbers and configuration', () => {
  const input = tempFolder({ 'x.csv': '订单号,客户名称\n' });

  it.each([['2108-01-01'], ['1800-12-31'], ['0001-01-01']])('--as-of %s is refused with the range', async (asOf) => {
    const result = await run(['check', '--input', input, '--out', tempFolder(), '--as-of', asOf]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`qmsdoc: --as-of 的年份应在 1900–2099 之间，而不是“${asOf}”\n`);
  });

  it.each([
    ['null', 'null', '(top level): must be a JSON object {…}'],
    ['an array', '[]', '(top level): must be a JSON object {…}'],
    ['1e309', '{"reports": {"monthlyPacks": 1e309}}', 'reports.monthlyPacks: number too large to be represented'],
  ])('a configuration of %s is refused', async (_label, text, message) => {
    const config = path.join(tempFolder({ 'c.json': text }), 'c.json');
    const result = await run(['check', '--input', input, '--out', tempFolder(), '--config', config, '--lang', 'en', '--as-of', '2025-12-31']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('--config /dev/zero is refused at once, not read forever', async () => {
    const result = await run(['check', '--input', input, '--out', tempFolder(), '--config', '/dev/zero', '--lang', 'en', '--as-of', '2025-12-31']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('(file): not a regular file');
  });

  it('numbers beyond 10^15 are refused the same way from a number cell and from text', () => {
    for (const cell of [1e308, '1e308', '1E16', 1e16, -2e15, '9999999999999999'])
      expect(parseNumber(cell, false), String(cell)).toEqual({ failed: true, code: 'number_range', params: { rule: 'magnitude' } });
    for (const [cell, value] of [
      [1e15, 1e15],
      ['1.5e3', 1500],
      ['-1e15', -1e15],
    ] as const)
      expect(parseNumber(cell, false)).toBe(value);
  });

  it('cells beyond column XFD are reported, not dropped silently', () => {
    const row = (r: number, cells: string) => `<row r="${r}">${cells}</row>`;
    const t = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
    const sheet = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${row(1, t('A1', '订单号') + t('B1', '客户名称') + t('C1', '产品名称') + t('D1', '订单日期') + t('E1', '产品类别'))}${row(2, t('A2', 'SO-1') + t('B2', '甲') + t('C2', '轴') + t('D2', '2025-03-05') + t('E2', '标准') + t('XFE2', '多余'))}</sheetData></worksheet>`;
    const result = ingestFolder(tempFolder({ 'o.xlsx': handWrittenXlsx(sheet) }), testConfig());
    expect(result.orders).toHaveLength(1);
    expect(result.errors).toEqual([
      expect.objectContaining({ code: 'beyond_last_column', file: 'o.xlsx', sheet: 'Sheet1', row: 2, value: 'XFE2', level: 'warning' }),
    ]);
  });
});
