import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DueList } from '../../src/compute/due-list.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import type { Summary } from '../../src/model/summary.js';
import { run } from '../helpers/cli.js';
import { buildXlsx, tempFolder } from '../helpers/fixtures.js';

describe('qmsdoc due', () => {
  it('lists the next stage of an open complaint, an open action and a CAPA to verify, overdue first, within the working days asked for', async () => {
    const input = tempFolder({
      'complaints.xlsx': await buildXlsx([
        {
          name: 'C',
          rows: [
            [
              '投诉编号',
              '受理日期',
              '客户名称',
              '投诉类别',
              '投诉内容',
              '责任判定',
              '责任人',
              '受理部门确定日期',
              '原因查明日期',
              '结案日期',
              '纠正预防措施单号',
              '验证人',
            ],
            // Open, assigned and cause found: resolution due 15 working days after 2025-12-15, i.e. 2026-01-06 (1 January is a holiday).
            ['KS-1', '2025-12-15', '甲公司', '质量', '划伤', '本公司', '王强', '2025-12-15', '2025-12-16', null, 'CAPA-1', null],
            // Closed, ours, CAPA not verified.
            ['KS-2', '2025-11-03', '乙公司', '交期', '晚到', '本公司', '李娜', '2025-11-03', '2025-11-04', '2025-11-20', 'CAPA-2', null],
          ],
        },
      ]),
      'actions.xlsx': await buildXlsx([
        {
          name: 'A',
          rows: [
            ['措施编号', '来源', '措施内容', '责任人', '完成期限', '状态'],
            ['CS-1', 'meeting:2025-11', '修订作业指导书', '黄敏', '2025-12-19', '进行中'],
            ['CS-2', 'meeting:2025-11', '培训', '刘洋', '2026-03-31', '未开始'],
          ],
        },
      ]),
    });
    const { code, stdout } = await run(['due', '--input', input, '--as-of', '2025-12-31', '--json']);
    expect(code).toBe(0);
    const list = JSON.parse(stdout) as DueList;
    expect(list.until).toBe('2026-01-15');
    // Nothing sets a time for verifying a CAPA (5.7.4 only has QA verify; no configuration key): it waits
    // from its complaint's closing, listed after the dated items and never overdue.
    expect(list.items.map((i) => [i.kind, i.ref, i.due, i.since, i.overdue])).toEqual([
      ['action', 'CS-1', '2025-12-19', null, true],
      ['complaint_stage', 'KS-1', '2026-01-06', null, false],
      ['capa_verification', 'CAPA-2', null, '2025-11-20', false],
    ]);
    expect(list.notChecked).toContainEqual({ kind: 'capa_verification', reason: 'no_verification_deadline', auditDate: null });
    const text = await run(['due', '--input', input, '--as-of', '2025-12-31', '--days', '2']);
    expect(text.stdout).toContain('截至 2025-12-31，2 个工作日内（至 2026-01-05）到期 0 项，已超期 1 项，另有没有规定期限的待验证纠正预防措施 1 项：');
    expect(text.stdout).toMatch(/无规定期限 +纠正预防措施验证 +CAPA-2 +品质部 +投诉 KS-2 于 2025-11-20 结案，待验证/);
    expect(text.stdout).not.toContain('2025-11-20 已超期');
    expect(text.stdout).toContain('程序（5.7.4 只规定由品质部验证）和配置都没有规定验证期限，因此不判定超期');
    expect(text.stdout).not.toContain('KS-1');
    expect((await run(['due', '--input', input, '--days', 'ten'])).code).toBe(2);
  });

  it('lists on the sample every open action past its due date that summary.json counts as overdue', async () => {
    const input = path.join(PACKAGE_ROOT, 'input');
    const list = JSON.parse((await run(['due', '--input', input, '--as-of', '2025-12-31', '--json'])).stdout) as DueList;
    const summary = JSON.parse((await run(['check', '--input', input, '--as-of', '2025-12-31', '--json', '--out', tempFolder()])).stdout) as Summary;
    expect(list.items.filter((i) => i.kind === 'action' && i.overdue)).toHaveLength(summary.actions.overdue);
    expect(list.items.filter((i) => i.kind === 'complaint_stage' && i.overdue).length).toBeGreaterThan(0);
  }, 60_000);
});
