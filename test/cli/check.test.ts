import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { buildXlsx, tempFolder } from '../helpers/fixtures.js';

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const ORDERS = '订单号,客户名称,产品名称,接单日期,产品类别\nSO-1,甲,轴,2025-01-02,标准\nSO-2,,轴,2025-01-03,标准\n';

describe('qmsdoc check', () => {
  it('prints what each file gave and every input error, and writes summary.json', async () => {
    const input = tempFolder({ 'orders.csv': ORDERS });
    const out = tempFolder();
    const { code, stdout, stderr } = await run(['check', '--input', input, '--as-of', '2025-12-31', '--out', out]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/orders\.csv\s+订单\/合同\s+1\s+2\s+1\s+1/);
    expect(stdout).toMatch(/orders\.csv › 第3行\s+客户名称 \(B\)\s+必填项「客户名称」为空（该行未读入）/);
    const summary = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8'));
    expect(summary).toMatchObject({
      schemaVersion: 1,
      asOf: '2025-12-31',
      inputs: [{ dataset: 'orders', file: 'orders.csv', sheet: null, rowsRead: 2, rowsAccepted: 1, rowsRejected: 1, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }],
      inputErrors: [{ dataset: 'orders', file: 'orders.csv', sheet: null, row: 3, column: '客户名称', value: null, level: 'error', rejected: true, message: '必填项「客户名称」为空（该行未读入）' }],
    });
    for (const block of ['orders', 'complaints', 'satisfaction', 'findings']) expect(summary).toHaveProperty(block);
    expect(readdirSync(out)).toEqual(['summary.json']);
  });

  it('prints the summary as JSON with --json, messages in English with --lang en', async () => {
    const input = tempFolder({ 'orders.csv': ORDERS });
    const { code, stdout } = await run(['check', '--input', input, '--as-of', '2025-12-31', '--out', tempFolder(), '--json', '--lang', 'en']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).inputErrors[0].message).toBe('required value "客户名称" is empty (row not read)');
  });

  it('never touches the input folder', async () => {
    const input = tempFolder({ 'orders.csv': ORDERS });
    await run(['check', '--input', input, '--as-of', '2025-12-31', '--out', tempFolder()]);
    expect(readdirSync(input)).toEqual(['orders.csv']);
  });

  it.each([
    [['check', '--input', '/no/such/folder'], /^qmsdoc: 找不到输入文件夹 \/no\/such\/folder\n$/],
    [['check', '--input', '.', '--as-of', '2025-02-30'], /^qmsdoc: --as-of must be a date YYYY-MM-DD, not "2025-02-30"\n$/],
    [['check'], /^qmsdoc: --input is required/],
    [['check', '--input', '.', '--colour'], /^qmsdoc: Unknown option '--colour'/],
    [['frobnicate'], /^qmsdoc: unknown command "frobnicate"/],
  ])('stops with exit 2 and one line for %j', async (argv, message) => {
    const { code, stderr, stdout } = await run(argv);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stdout).toBe('');
  });

  it('stops with exit 2 on a password-protected workbook, naming it', async () => {
    const input = tempFolder({ 'orders.csv': ORDERS, '加密.xlsx': Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(64)]) });
    const { code, stderr } = await run(['check', '--input', input, '--out', tempFolder()]);
    expect(code).toBe(2);
    expect(stderr).toBe('qmsdoc: 加密.xlsx：工作簿有密码保护（或是改了扩展名的旧版 .xls），无法读取；请去掉密码另存为 .xlsx 后重试\n');
  });

  it('stops with exit 2 on a bad configuration, naming the file and every problem', async () => {
    const input = tempFolder({ 'orders.csv': ORDERS, 'qmsdoc.config.json': '{"goals":{"responseRate":2},"colour":1}' });
    const out = tempFolder();
    const { code, stderr } = await run(['check', '--input', input, '--out', out, '--lang', 'en']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^qmsdoc: configuration .*qmsdoc\.config\.json is invalid: goals\.responseRate: .*<=1; colour: unknown key; allowed: /);
    expect(existsSync(path.join(out, 'summary.json'))).toBe(false);
  });

  it('reads the configuration next to the data', async () => {
    const input = tempFolder({
      'x.xlsx': await buildXlsx([{ name: 'S', rows: [['单号', '客户名称', '产品名称', '接单日期', '产品类别'], ['A', '甲', '轴', '2025-01-02', '标准']] }]),
      'qmsdoc.config.json': '{"headers":{"orders":{"order_no":["单号"]}}}',
    });
    const { stdout } = await run(['check', '--input', input, '--out', tempFolder(), '--as-of', '2025-12-31']);
    expect(stdout).toMatch(/x\.xlsx › S\s+订单\/合同\s+1\s+1\s+1\s+0/);
  });
});
