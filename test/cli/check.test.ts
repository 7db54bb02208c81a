import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../helpers/cli.js';
import { buildXlsx, tempFolder } from '../helpers/fixtures.js';

const ORDERS = '订单号,客户名称,产品名称,接单日期,产品类别\nSO-1,甲,轴,2025-01-02,标准\nSO-2,,轴,2025-01-03,标准\n';

describe('qmsdoc check', () => {
  it('prints what each file gave and every input error, and writes summary.json', async () => {
    const input = tempFolder({ 'orders.csv': ORDERS });
    const out = tempFolder();
    const { code, stdout, stderr } = await run(['check', '--input', input, '--as-of', '2025-12-31', '--out', out]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/orders\.csv\s+合同\/订单评审\s+1\s+2\s+1\s+1/);
    expect(stdout).toMatch(/orders\.csv › 第3行\s+客户名称 \(B\)\s+必填项「客户名称」为空（该行未读入）/);
    const summary = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8'));
    expect(summary).toMatchObject({
      schemaVersion: 2,
      asOf: '2025-12-31',
      inputs: [
        { dataset: 'orders', file: 'orders.csv', sheet: null, rowsRead: 2, rowsAccepted: 1, rowsRejected: 1, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
      ],
      inputErrors: [
        {
          dataset: 'orders',
          file: 'orders.csv',
          sheet: null,
          row: 3,
          column: '客户名称',
          value: null,
          level: 'error',
          rejected: true,
          message: '必填项「客户名称」为空（该行未读入）',
        },
      ],
    });
    for (const block of ['orders', 'complaints', 'satisfaction', 'findings']) expect(summary).toHaveProperty(block);
    expect(readdirSync(out).sort()).toEqual(['findings.xlsx', 'summary.json']);
  });

  it('prints the labels it did not know, most frequent first, with the configuration key that maps each', async () => {
    const input = tempFolder({
      'orders.csv': '订单号,客户名称,产品名称,接单日期,产品类别\nSO-1,甲,轴,2025-01-02,定制\n',
      'complaints.csv': '投诉编号,受理日期,客户名称,投诉类别,投诉内容\nK1,2025-03-03,甲,尺寸,x\nK2,2025-03-04,乙,外观,y\nK3,2025-03-05,丙,外观,z\n',
    });
    const { code, stdout } = await run(['check', '--input', input, '--as-of', '2025-12-31', '--out', tempFolder()]);
    expect(code).toBe(0);
    const hint = stdout.slice(stdout.indexOf('提示：'));
    expect(hint).toContain('vocabulary');
    const rows = hint.split('\n').filter((l) => l.includes('vocabulary.'));
    expect(rows.map((l) => l.trim().split(/\s+/).slice(0, 4))).toEqual([
      ['外观', '投诉类别', '2', '按「其他」计入'],
      ['尺寸', '投诉类别', '1', '按「其他」计入'],
      ['定制', '产品类别', '1', '该行未读入'],
    ]);
    expect(rows[0]).toContain('vocabulary.category["外观"]');
    expect(rows[2]).toContain('vocabulary.product_type["定制"]');
    const none = await run(['check', '--input', tempFolder({ 'orders.csv': ORDERS }), '--as-of', '2025-12-31', '--out', tempFolder()]);
    expect(none.stdout).not.toContain('提示：');
  });

  it('puts the headline figures first and lists findings by area and severity with clause, record and row', async () => {
    const input = tempFolder({
      'orders.csv': '订单号,客户名称,产品名称,接单日期,产品类别,评审日期,签订日期\nSO-1,甲,轴,2025-01-02,非标,2025-01-05,2025-01-03\n',
    });
    const { code, stdout } = await run(['check', '--input', input, '--as-of', '2025-12-31', '--out', tempFolder()]);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[2]).toBe('要点');
    expect(lines[3]).toMatch(/合同\/订单评审完整率\s+0\.0%（0\/1 单完整）；先签订后评审 1 单/);
    expect(stdout).toMatch(/合同\/订单评审 · 严重不符合 \(2\)/);
    expect(stdout).toMatch(/5\.3\.2\.5\s+SO-1\s+orders\.csv › 第2行\s+签订日期 2025-01-03 早于评审日期 2025-01-05：先签订后评审/);
    expect(stdout).toMatch(/客户满意度 · 严重不符合 \(1\)/);
  });

  it('exits 1 with --fail-on when findings of that severity or worse exist', async () => {
    const minorOnly = tempFolder({
      'orders.csv': '订单号,客户名称,产品名称,接单日期,产品类别,供销部负责人确认,业务部签字\nSO-1,甲,轴,2025-01-02,标准,待定,王强\n',
    });
    const surveys = '调查期次,客户名称,发放日期,回收日期,产品质量,服务,价格,交期\n2025H2,甲,2025-12-01,2025-12-05,90,90,90,90\n';
    const folder = tempFolder({ 'orders.csv': readFileSync(path.join(minorOnly, 'orders.csv')), 'surveys.csv': surveys });
    const args = ['check', '--input', folder, '--as-of', '2025-12-31', '--out', tempFolder()];
    expect((await run([...args, '--fail-on', 'major'])).code).toBe(0);
    expect((await run([...args, '--fail-on', 'minor'])).code).toBe(1);
    expect((await run(args)).code).toBe(0);
    const bad = await run([...args, '--fail-on', 'severe']);
    expect([bad.code, bad.stderr]).toEqual([2, 'qmsdoc: --fail-on must be major or minor, not "severe"\n']);
  });

  it('stops with exit 2 when --period names a period the data does not have', async () => {
    const input = tempFolder({ 's.csv': '调查期次,客户名称,产品质量,服务,价格\n2025H2,甲,90,90,90\n' });
    const { code, stderr } = await run(['check', '--input', input, '--period', '2024H1', '--out', tempFolder()]);
    expect([code, stderr]).toEqual([2, 'qmsdoc: 数据中没有调查期次 2024H1；已有：2025H2\n']);
  });

  it('prints the summary as JSON with --json, messages in English with --lang en', async () => {
    const input = tempFolder({ 'orders.csv': ORDERS });
    const out = tempFolder();
    const { code, stdout } = await run(['check', '--input', input, '--as-of', '2025-12-31', '--out', out, '--json', '--lang', 'en']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).inputErrors[0].message).toBe('required value "客户名称" is empty (row not read)');
    // Printed in chunks, the very text of summary.json.
    expect(stdout).toBe(readFileSync(path.join(out, 'summary.json'), 'utf8'));
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
    const input = tempFolder({
      'orders.csv': ORDERS,
      '加密.xlsx': Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(64)]),
    });
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
      'x.xlsx': await buildXlsx([
        {
          name: 'S',
          rows: [
            ['单号', '客户名称', '产品名称', '接单日期', '产品类别'],
            ['A', '甲', '轴', '2025-01-02', '标准'],
          ],
        },
      ]),
      'qmsdoc.config.json': '{"headers":{"orders":{"order_no":["单号"]}}}',
    });
    const { stdout } = await run(['check', '--input', input, '--out', tempFolder(), '--as-of', '2025-12-31']);
    expect(stdout).toMatch(/x\.xlsx › S\s+合同\/订单评审\s+1\s+1\s+1\s+0/);
  });
});
