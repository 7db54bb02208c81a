import { describe, expect, it } from 'vitest';
import { ingestFolder } from '../../src/ingest/ingest-folder.js';
import { checkRecords } from '../../src/pipeline/check.js';
import { buildXlsx, tempFolder, testConfig } from '../helpers/fixtures.js';

const config = testConfig();

describe('the actions register (措施跟踪表)', () => {
  it('is found under a title row by its Chinese headers and read with every value form', async () => {
    const folder = tempFolder({
      'register.xlsx': await buildXlsx([
        {
          name: '措施',
          rows: [
            ['2025年措施跟踪表'],
            ['序号', '措施编号', '来源', '措施内容', '责任人', '责任部门', '提出日期', '完成期限', '状态', '完成日期', '验证人', '验证结果'],
            [1, 'CS-1', 'meeting:2025-11', '修订包装作业指导书', '黄敏', '生产部', '2025/12/6', '2025年12月19日', '进行中', null, null, null],
            [2, 'CS-2', '月度会议：2025年10月', '培训', '刘洋', '品质部', '2025-11-06', '20251120', '完成', '2025.11.18', '王强', '有效'],
            [3, 'CS-3', '管理评审 2024年度', '看板', '陈静', '品质部', '2025-01-15', '2025-09-30', 'Cancelled', '2025-05-10', null, null],
            [4, 'CS-4', '内审', '补齐会签', '李娜', '供销部', null, null, 'not started', null, null, null],
            [5, 'CS-5', 'CAPA-2025-001', '纠正', '孙丽', '供销部', null, '下周', '已完成', '2025-10-31', null, null],
            [6, 'CS-6', 'meeting:2025-13', '整理档案', '刘洋', '品质部', null, null, null, null, null, null],
          ],
          merges: ['A1:L1'],
        },
      ]),
    });
    const result = ingestFolder(folder, config);
    expect(result.sheets[0]).toMatchObject({ dataset: 'actions', headerRow: 2, rowsRead: 6, rowsAccepted: 5, rowsRejected: 1 });
    expect(result.actions!.map((a) => [a.actionNo, a.source, a.decidedOn, a.due, a.status, a.doneOn, a.verifiedBy])).toEqual([
      ['CS-1', { kind: 'meeting', month: '2025-11' }, '2025-12-06', '2025-12-19', 'in_progress', null, null],
      ['CS-2', { kind: 'meeting', month: '2025-10' }, '2025-11-06', '2025-11-20', 'done', '2025-11-18', '王强'],
      ['CS-3', { kind: 'management_review', year: '2024' }, '2025-01-15', '2025-09-30', 'cancelled', '2025-05-10', null],
      ['CS-4', { kind: 'audit', ref: null }, null, null, 'not_started', null, null],
      ['CS-5', { kind: 'record', ref: 'CAPA-2025-001' }, null, null, 'done', '2025-10-31', null],
    ]);
    expect(result.errors.map((e) => [e.row, e.column, e.value, e.code, e.rejected])).toEqual([
      [7, '完成期限', '下周', 'bad_date', false],
      [8, '来源', 'meeting:2025-13', 'bad_action_source', true],
    ]);
  });

  it('reads English headers', async () => {
    const folder = tempFolder({
      'actions.csv':
        'Action No,Source,Action,Owner,Department,Decided On,Due,Status,Done On,Verified By,Result\r\nA-1,management_review:2025,Hire an inspector,Chen,QA,2026-01-10,2026-03-31,In progress,,,\r\n',
    });
    const result = ingestFolder(folder, config);
    expect(result.actions!.map((a) => [a.actionNo, a.source, a.owner, a.status])).toEqual([
      ['A-1', { kind: 'management_review', year: '2025' }, 'Chen', 'in_progress'],
    ]);
  });
});

describe('rules A1–A3', () => {
  it('finds the open actions past their own due dates (A1 for an action of a complaint or a CAPA, A3 for others) and the CAPA action done without a verifier, and counts them in summary.json', async () => {
    const folder = tempFolder({
      'complaints.xlsx': await buildXlsx([
        {
          name: 'C',
          rows: [
            ['投诉编号', '受理日期', '客户名称', '投诉类别', '投诉内容', '纠正预防措施单号'],
            ['KS-1', '2025-10-09', '甲', '质量', '划伤', 'CAPA-7'],
          ],
        },
      ]),
      'actions.xlsx': await buildXlsx([
        {
          name: 'A',
          rows: [
            ['措施编号', '来源', '措施内容', '完成期限', '状态', '完成日期', '验证人'],
            ['CS-1', 'meeting:2025-11', '修订作业指导书', '2025-12-19', '进行中', null, null],
            ['CS-2', 'meeting:2025-11', '培训', '2025-12-31', '进行中', null, null],
            ['CS-3', 'CAPA-7', '纠正', '2025-11-30', '已完成', '2025-11-20', null],
            ['CS-4', 'KS-1', '回访', '2025-11-30', '已完成', '2025-11-20', null],
            ['CS-5', 'CAPA-7', '复查', '2025-11-30', '已完成', '2025-11-25', '王强'],
            ['CS-6', 'audit', '整改', '2025-12-01', '已完成', '2026-01-05', '王强'],
            ['CS-7', 'KS-1', '更换包装', '2025-12-10', '进行中', null, null],
            ['CS-8', 'CAPA-7', '改模具', '2025-12-15', '未开始', null, null],
          ],
        },
      ]),
    });
    const ingest = ingestFolder(folder, config);
    const { summary, rules } = checkRecords(ingest, { config, asOf: '2025-12-31', lang: 'zh' });
    const actionFindings = summary.findings.filter((f) => f.dataset === 'actions');
    expect(actionFindings.map((f) => [f.rule, f.record, f.clause, f.basis, f.severity, f.row])).toEqual([
      // A meeting's and an audit's actions: no clause of the procedure requires them, so only an observation on the register's own date.
      ['A3', 'CS-1', null, 'data', 'observation', 2],
      ['A2', 'CS-3', '5.7.4', 'procedure', 'minor', 4],
      ['A3', 'CS-6', null, 'data', 'observation', 7],
      // A complaint's corrective action (5.8.3) and a CAPA (5.7.3), held to the due date the register sets.
      ['A1', 'CS-7', '5.8.3', 'company_limit', 'minor', 8],
      ['A1', 'CS-8', '5.7.3', 'company_limit', 'minor', 9],
    ]);
    const [cs1, , , cs7, cs8] = actionFindings;
    // 2025-12-19 (Fri) to 2025-12-31: 8 working days.
    expect(cs1!).toMatchObject({ limit: null });
    expect(cs1!.message).toBe(
      '措施跟踪表规定的完成期限 2025-12-19 已过，至 2025-12-31 仍未完成（已过 8 个工作日）；措施来自月度投诉检讨会议，程序没有条款规定此类措施，仅作观察',
    );
    // The limit is the action's own due date, sourced to its row of the register — not "0 working days".
    expect(cs7).toMatchObject({ limit: { key: 'actions.due', value: '2025-12-10', unit: 'date', source: '措施跟踪表第 8 行' } });
    expect(cs7!.message).toBe('完成期限 2025-12-10（措施跟踪表第 8 行）已过，至 2025-12-31 仍未完成，已超过 15 个工作日');
    expect(cs8).toMatchObject({ limit: { key: 'actions.due', value: '2025-12-15', unit: 'date', source: '措施跟踪表第 9 行' } });
    expect(actionFindings[1]).toMatchObject({ basis: 'procedure', limit: null });
    const en = checkRecords(ingest, { config, asOf: '2025-12-31', lang: 'en' }).summary.findings.filter((f) => f.dataset === 'actions');
    expect(en.find((f) => f.record === 'CS-7')).toMatchObject({
      limit: { value: '2025-12-10', unit: 'date', source: 'actions register, row 8' },
      message: 'past its due date 2025-12-10 (actions register, row 8), still not done on 2025-12-31, 15 working days late',
    });
    expect(en.find((f) => f.record === 'CS-6')!.message).toBe(
      'past its due date 2025-12-01 set in the actions register, still not done on 2025-12-31 (22 working days late); the action comes from an audit, which no clause of the procedure covers: an observation only',
    );
    expect(rules.actions.find((a) => a.action.actionNo === 'CS-4')!.sourceKind).toBe('complaint');
    expect(summary.actions).toEqual({
      total: 8,
      open: 5,
      overdue: 4,
      doneLate: 0,
      capaDoneNotVerified: 1,
      byStatus: { not_started: 1, in_progress: 3, done: 3, cancelled: 0, none: 1 },
      bySource: { meeting: 2, management_review: 0, audit: 1, complaint: 2, capa: 3, other: 0 },
      previousReview: { year: '2024', items: [] },
    });
    expect(summary.checks.filter((c) => c.dataset === 'actions')).toEqual([
      // A1's limit is each action's own date, so its check names none.
      expect.objectContaining({ rule: 'A1', clause: '5.8.3 / 5.7.3', basis: 'company_limit', limit: null, dataset: 'actions', checked: 2, gaps: 2 }),
      expect.objectContaining({ rule: 'A2', clause: '5.7.4', dataset: 'actions', checked: 2, gaps: 1 }),
      expect.objectContaining({ rule: 'A3', clause: null, basis: 'data', limit: null, dataset: 'actions', checked: 3, gaps: 2 }),
    ]);
  });
});
