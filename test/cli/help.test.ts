import { describe, expect, it } from 'vitest';
import { run } from '../helpers/cli.js';

describe('qmsdoc --help', () => {
  it('lists every command in Chinese, then English, from the message files', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('qmsdoc — 订单评审、客户投诉、满意度调查：从台账到受控表单和报告 (ISO 9001)');
    expect(stdout).toContain('用法 / Usage: qmsdoc <command> [options]');
    const check = lines.findIndex((l) => l.startsWith('  check '));
    expect(lines[check]).toBe('  check   读取输入文件夹，检查数据，写出 summary.json 和 findings.xlsx');
    expect(lines[check + 1]).toBe('          read the input folder, check the data, write summary.json and findings.xlsx');
    for (const name of ['build', 'check', 'report', 'due', 'serve', 'init', 'forms'])
      expect(lines.some((l) => l.startsWith(`  ${name.padEnd(7)} `))).toBe(true);
    expect(stdout).toContain('qmsdoc <command> --help  选项说明 / options');
  });

  it("prints a command's usage in both languages", async () => {
    const { code, stdout } = await run(['due', '--help']);
    expect(code).toBe(0);
    expect(stdout).toBe(
      'qmsdoc due --input 文件夹 [--days 工作日数] [--as-of YYYY-MM-DD] [--json] [--config 文件] [--lang zh|en]\n' +
        'qmsdoc due --input DIR [--days N] [--as-of YYYY-MM-DD] [--json] [--config FILE] [--lang zh|en]\n',
    );
  });

  it('refuses a name that is not a command, an inherited property name included', async () => {
    for (const name of ['nosuch', 'toString']) {
      const { code, stderr } = await run([name]);
      expect(code).toBe(2);
      expect(stderr).toBe(`qmsdoc: 没有“${name}”这个命令（见 qmsdoc --help）\n`);
    }
  });
});
