import { describe, expect, it } from 'vitest';
import { officialCalendar } from '../../src/calendar/official-calendar.js';
import { WorkingCalendar } from '../../src/calendar/working-calendar.js';
import { complaintMonth } from '../../src/compute/complaint-month.js';
import { nextStage } from '../../src/compute/next-stage.js';
import { scoreSatisfaction } from '../../src/compute/score-satisfaction.js';
import type { IngestResult } from '../../src/ingest/ingest-result.js';
import type { ActionItem, Complaint } from '../../src/model/records.js';
import { runRules } from '../../src/validate/run-rules.js';
import { testConfig } from '../helpers/fixtures.js';
import { makeComplaint } from '../helpers/records.js';

const calendar = new WorkingCalendar(officialCalendar());
const config = testConfig();

let row = 1;
function action(overrides: Partial<ActionItem>): ActionItem {
  return {
    kind: 'action',
    actionNo: `CS-${++row}`,
    source: { kind: 'meeting', month: '2025-10' },
    action: '修订作业指导书',
    owner: '黄敏',
    department: '生产部',
    decidedOn: '2025-11-06',
    due: '2025-11-20',
    status: 'done',
    doneOn: '2025-11-18',
    verifiedBy: '王强',
    result: null,
    provenance: { file: 'actions.xlsx', sheet: 'A', row, columns: {} },
    ...overrides,
  };
}

function rulesOf(complaints: Complaint[], actions: ActionItem[], asOf: string) {
  const ingest: IngestResult = { orders: [], complaints, surveys: [], actions, files: [], sheets: [], errors: [], problems: [], skippedFiles: [] };
  return runRules(ingest, scoreSatisfaction([], config, asOf), { config, asOf, calendar });
}

describe('a past month’s pack shows what its meeting saw', () => {
  // Received in November, closed on 5 December: open at the November meeting's month end.
  const lateClosed = makeComplaint({
    complaintNo: 'KS-11',
    receivedAt: { date: '2025-11-10', time: null },
    assignedAt: '2025-11-11',
    causeFoundAt: '2025-11-13',
    resolvedAt: null,
    customerNotifiedAt: null,
    closedAt: '2025-12-05',
  });
  const decemberOne = makeComplaint({ complaintNo: 'KS-12', receivedAt: { date: '2025-12-01', time: null }, closedAt: null });
  // October's meeting: one action done in time, one done on 10 December (after November's end).
  const doneInTime = action({ actionNo: 'CS-A' });
  const doneLater = action({ actionNo: 'CS-B', due: '2025-11-28', doneOn: '2025-12-10' });
  // November's meeting (6 December): reviewed by the December pack only.
  const novemberMeeting = action({
    actionNo: 'CS-C',
    source: { kind: 'meeting', month: '2025-11' },
    decidedOn: '2025-12-06',
    due: '2025-12-19',
    status: 'in_progress',
    doneOn: null,
    verifiedBy: null,
  });
  const rules = rulesOf([lateClosed, decemberOne], [doneInTime, doneLater, novemberMeeting], '2025-12-31');

  it('judges the November pack on 30 November: the complaint closed later is open, the action done later not done', () => {
    const m = complaintMonth(rules, '2025-11', config, '2025-12-31', { calendar });
    expect(m.asOf).toBe('2025-11-30');
    expect(m.generatedAsOf).toBe('2025-12-31');
    expect(m.complaints.rows.map((r) => [r.complaintNo, r.closed])).toEqual([['KS-11', false]]);
    expect(m.openRows.rows.map((r) => r.complaintNo)).toEqual(['KS-11']);
    // Next stage on 30 November: resolution, 15 working days after receipt on 10 November.
    expect(m.openRows.rows.map((r) => [r.next.stage, r.next.due, r.next.overdue, r.next.owner])).toEqual([['resolve', '2025-12-01', false, '王强']]);
    expect(m.previousMeetingMonth).toBe('2025-10');
    expect(m.lastMeetingActions.map((a) => [a.action.actionNo, a.status, a.open, a.overdue])).toEqual([
      ['CS-A', 'done', false, false],
      ['CS-B', null, true, true],
    ]);
    // The December meeting's action does not exist yet.
    expect(m.carriedActions).toEqual([]);
  });

  it('judges the December pack on the run’s as-of date, with November’s meeting actions and October’s still open', () => {
    const m = complaintMonth(rules, '2025-12', config, '2025-12-31', { calendar });
    expect(m.asOf).toBe('2025-12-31');
    expect(m.lastMeetingActions.map((a) => [a.action.actionNo, a.status, a.overdue, a.workingDaysOverdue])).toEqual([['CS-C', 'in_progress', true, 8]]);
    expect(m.carriedActions).toEqual([]);
    expect(m.openRows.rows.map((r) => r.complaintNo)).toEqual(['KS-12']);
  });

  it('judges a pack on the meeting date when one is given', () => {
    const m = complaintMonth(rules, '2025-11', config, '2025-12-31', { calendar, meetingDate: '2025-12-08' });
    expect(m.asOf).toBe('2025-12-08');
    expect(m.meetingDate).toBe('2025-12-08');
    expect(m.openRows).toEqual({ rows: [], total: 0 });
    expect(m.lastMeetingActions.find((a) => a.action.actionNo === 'CS-B')).toMatchObject({ open: true, overdue: true, workingDaysOverdue: 6 });
  });
});

describe('the next stage of an open complaint and its due date on the working-day calendar', () => {
  it('counts the limit across the National Day holiday', () => {
    // Received on 30 September 2025: 1 October to 8 October are holidays, so one working day later is 9 October.
    const c = makeComplaint({
      receivedAt: { date: '2025-09-30', time: null },
      assignedAt: null,
      causeFoundAt: null,
      resolvedAt: null,
      customerNotifiedAt: null,
      closedAt: null,
      responsiblePerson: null,
    });
    expect(nextStage(c, config, calendar, '2025-10-10')).toEqual({
      stage: 'assign',
      due: '2025-10-09',
      limit: 1,
      from: 'received',
      overdue: true,
      owner: '品质部',
    });
  });

  it('counts the customer notice from the resolution', () => {
    const c = makeComplaint({ receivedAt: { date: '2025-03-03', time: null }, resolvedAt: '2025-03-07', customerNotifiedAt: null, closedAt: null });
    expect(nextStage(c, config, calendar, '2025-03-10')).toMatchObject({ stage: 'notify', due: '2025-03-11', from: 'resolved', overdue: false });
  });
});

describe('the previous management review’s actions in summary.json (9.3.2 a)', () => {
  it('lists the actions of management_review:<year − 1> with their state on the as-of date', async () => {
    const { summariseActions } = await import('../../src/compute/summarise-actions.js');
    const review = (actionNo: string, overrides: Partial<ActionItem>) =>
      action({ actionNo, source: { kind: 'management_review', year: '2024' }, decidedOn: '2025-01-15', ...overrides });
    const rules = rulesOf(
      [],
      [
        review('MR-1', { due: '2025-03-31', doneOn: '2025-03-20' }),
        review('MR-2', { due: '2025-09-30', status: 'in_progress', doneOn: null, verifiedBy: null }),
        action({
          actionNo: 'MR-2025',
          source: { kind: 'management_review', year: '2025' },
          decidedOn: '2025-12-20',
          due: '2026-03-31',
          status: 'not_started',
          doneOn: null,
          verifiedBy: null,
        }),
      ],
      '2025-12-31',
    );
    const summary = summariseActions(rules.actions, '2025-12-31');
    expect(summary.previousReview.year).toBe('2024');
    expect(summary.previousReview.items.map((a) => [a.actionNo, a.status, a.doneOn, a.verifiedBy, a.overdue, a.workingDaysOverdue])).toEqual([
      ['MR-1', 'done', '2025-03-20', '王强', false, null],
      // 30 September 2025 to 31 December: the National Day week is not counted.
      ['MR-2', 'in_progress', null, null, true, 61],
    ]);
  });
});
