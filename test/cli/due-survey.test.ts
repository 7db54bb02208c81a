import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { DueList } from '../../src/compute/due-list.js';
import { tempFolder } from '../helpers/fixtures.js';

async function due(input: string, asOf: string, extra: string[] = []) {
  let stdout = '';
  const code = await main(['due', '--input', input, '--as-of', asOf, ...extra], { stdout: (t) => (stdout += t), stderr: () => undefined });
  return { code, stdout };
}

const HEADER = '调查期次,客户名称,发放日期,回收日期,产品质量,服务,价格,交期';

describe('qmsdoc due: the year’s survey before the internal audit, and what it does not check', () => {
  it('lists the survey as due on internalAuditDate while no survey of the year is returned by then, overdue once the day has passed', async () => {
    // Only last year's survey was returned; this year's went out but is not back.
    const input = tempFolder({
      'surveys.csv': `${HEADER}\n2024H2,甲公司,2024-12-01,2024-12-05,90,90,90,90\n2025H2,甲公司,2025-11-20,,,,,\n`,
      'qmsdoc.config.json': JSON.stringify({ internalAuditDate: '2025-12-10' }),
    });
    const before = JSON.parse((await due(input, '2025-12-01', ['--json'])).stdout) as DueList;
    expect(before.items.filter((i) => i.kind === 'survey_before_audit')).toEqual([
      {
        kind: 'survey_before_audit',
        ref: '2025',
        what: '2025-12-10',
        stage: null,
        owner: null,
        due: '2025-12-10',
        since: null,
        overdue: false,
        workingDaysLeft: 7,
        file: null,
        row: null,
      },
    ]);
    // Liaison replies and CAPA verification have no deadline anywhere: said, not invented.
    expect(before.notChecked).toEqual([
      { kind: 'liaison_replies', reason: 'no_reply_deadline_in_data', auditDate: null },
      { kind: 'capa_verification', reason: 'no_verification_deadline', auditDate: null },
    ]);
    const after = JSON.parse((await due(input, '2025-12-31', ['--json'])).stdout) as DueList;
    expect(after.items.find((i) => i.kind === 'survey_before_audit')).toMatchObject({ due: '2025-12-10', overdue: true });
    const text = (await due(input, '2025-12-01')).stdout;
    expect(text).toContain('2025 年度满意度调查应在内审（2025-12-10）前完成（5.6.1）');
    expect(text).toContain('注：联络单回复：未检查');
  });

  it('does not list the survey once one of the year is returned before the audit', async () => {
    const input = tempFolder({
      'surveys.csv': `${HEADER}\n2025H1,甲公司,2025-06-01,2025-06-09,90,90,90,90\n`,
      'qmsdoc.config.json': JSON.stringify({ internalAuditDate: '2025-12-10' }),
    });
    const list = JSON.parse((await due(input, '2025-12-01', ['--json'])).stdout) as DueList;
    expect(list.items.filter((i) => i.kind === 'survey_before_audit')).toEqual([]);
    expect(list.notChecked.map((n) => n.kind)).toEqual(['liaison_replies', 'capa_verification']);
  });

  it('says it did not check the survey without an audit date, or with one of another year', async () => {
    const surveys = `${HEADER}\n2025H1,甲公司,2025-06-01,,,,,\n`;
    const none = JSON.parse((await due(tempFolder({ 'surveys.csv': surveys }), '2025-12-01', ['--json'])).stdout) as DueList;
    expect(none.notChecked).toContainEqual({ kind: 'survey_before_audit', reason: 'no_audit_date', auditDate: null });
    const old = JSON.parse(
      (await due(tempFolder({ 'surveys.csv': surveys, 'qmsdoc.config.json': JSON.stringify({ internalAuditDate: '2024-11-05' }) }), '2025-12-01', ['--json']))
        .stdout,
    ) as DueList;
    expect(old.notChecked).toContainEqual({ kind: 'survey_before_audit', reason: 'audit_date_other_year', auditDate: '2024-11-05' });
    expect(old.items.filter((i) => i.kind === 'survey_before_audit')).toEqual([]);
    const english = (await due(tempFolder({ 'surveys.csv': surveys }), '2025-12-01', ['--lang', 'en'])).stdout;
    expect(english).toContain(
      "Note: the year's survey before the internal audit: not checked — the configuration sets no internal audit date (internalAuditDate)",
    );
  });
});
