import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { Config } from '../config/config.js';
import type { Finding } from '../model/finding.js';
import type { Complaint } from '../model/records.js';
import { happened, happenedAt } from './as-of.js';
import { makeFinding } from './make-finding.js';
import { replyDelay, waitedUntil, withinLimit, type ReplyDelay } from './reply-time.js';

/** Complaints that exist on the as-of date: received on or before it. */
export function complaintsInScope(complaints: readonly Complaint[], asOf: string): Complaint[] {
  return complaints.filter((c) => c.receivedAt.date <= asOf);
}

/** Where a complaint stands on the as-of date; computed once, used by the rules and the KPIs. */
export interface ComplaintStatus {
  readonly complaint: Complaint;
  /** closed_at, when on or before the as-of date. */
  readonly closedAt: string | null;
  /** Working days from receipt to closure, or to the as-of date while open. */
  readonly workingDays: number;
  readonly overdue: boolean;
  readonly firstReply: 'within' | 'late' | 'missing';
  /** The reply's delay, or the wait so far when there is none. */
  readonly replyDelay: ReplyDelay;
  /** Each handling stage against its time limit. */
  readonly milestones: Readonly<Record<Milestone, MilestoneOutcome>>;
}

/** The handling stages with time limits (related practice): assign ≤ 1, cause ≤ 3, notify ≤ 2, close ≤ 18 working days; first reply ≤ 72 h. */
export const MILESTONES = ['assign', 'cause', 'notify', 'close', 'firstReply'] as const;
export type Milestone = (typeof MILESTONES)[number];

/**
 * A stage measured against its limit; `days` are the working days it took (null for the first
 * reply, measured in hours). Null outcome: not measured — a stage date not recorded, or a stage
 * still running inside its limit.
 */
export type MilestoneOutcome = { readonly onTime: boolean; readonly days: number | null } | null;

export function complaintStatus(complaint: Complaint, config: Config, calendar: WorkingCalendar, asOf: string): ComplaintStatus {
  const limits = config.complaints.limits;
  const received = complaint.receivedAt.date;
  const closedAt = happened(complaint.closedAt, asOf);
  const workingDays = calendar.workingDaysBetween(received, closedAt ?? asOf);
  const reply = happenedAt(complaint.firstReplyAt, asOf);
  const delay = reply ? replyDelay(complaint.receivedAt, reply) : waitedUntil(complaint.receivedAt, asOf);
  const overdue = workingDays > limits.closeWorkingDays;
  const firstReply = reply === null ? 'missing' : withinLimit(delay, limits.firstReplyHours) ? 'within' : 'late';
  const stage = (from: string | null, to: string | null, limit: number): MilestoneOutcome => {
    if (from === null || to === null) return null;
    const days = calendar.workingDaysBetween(from, to);
    return { onTime: days <= limit, days };
  };
  return {
    complaint,
    closedAt,
    workingDays,
    overdue,
    firstReply,
    replyDelay: delay,
    milestones: {
      assign: stage(received, happened(complaint.assignedAt, asOf), limits.assignWorkingDays),
      cause: stage(received, happened(complaint.causeFoundAt, asOf), limits.causeWorkingDays),
      notify: stage(happened(complaint.resolvedAt, asOf), happened(complaint.customerNotifiedAt, asOf), limits.notifyWorkingDays),
      // An open complaint past the limit is late already; one inside it is not measured yet.
      close: closedAt !== null || overdue ? { onTime: !overdue, days: workingDays } : null,
      firstReply: firstReply === 'within' ? { onTime: true, days: null } : firstReply === 'late' || !withinLimit(delay, limits.firstReplyHours) ? { onTime: false, days: null } : null,
    },
  };
}

/**
 * Complaint handling (5.8) and its corrective actions (5.7.3–5.7.4), rules C1–C9, on China's
 * working-day calendar. Findings name the dates and the working days against the limit.
 */
export function checkComplaints(statuses: readonly ComplaintStatus[], config: Config, asOf: string): Finding[] {
  const limits = config.complaints.limits;
  const findings: Finding[] = [];
  const add = (c: Complaint, rule: Parameters<typeof makeFinding>[0], params: Parameters<typeof makeFinding>[3] = NO_PARAMS) =>
    findings.push(makeFinding(rule, c.complaintNo, c.provenance, params));
  const stage = (c: Complaint, rule: 'C4' | 'C5' | 'C6', outcome: MilestoneOutcome, from: string | null, to: string | null, limit: number) => {
    if (outcome && !outcome.onTime) add(c, rule, { from, to, workingDays: outcome.days, limit });
  };
  for (const status of statuses) {
    const c = status.complaint;
    const received = c.receivedAt.date;
    const closed = status.closedAt;
    if (status.overdue) {
      add(c, 'C1', { received, closed, asOf, workingDays: status.workingDays, limit: limits.closeWorkingDays });
    }
    const waitedTooLong = status.firstReply === 'missing' && !withinLimit(status.replyDelay, limits.firstReplyHours);
    if (status.firstReply === 'late' || waitedTooLong) {
      add(c, 'C2', {
        received: stamp(c.receivedAt),
        reply: status.firstReply === 'late' && c.firstReplyAt ? stamp(c.firstReplyAt) : null,
        asOf,
        unit: status.replyDelay.unit,
        elapsed: round1(status.replyDelay.value),
        limitHours: limits.firstReplyHours,
      });
    }
    if (c.severity === 'major' && c.escalated !== true) add(c, 'C3', { escalated: c.escalated === false ? 'no' : 'empty' });
    const m = status.milestones;
    stage(c, 'C4', m.assign, received, happened(c.assignedAt, asOf), limits.assignWorkingDays);
    stage(c, 'C5', m.cause, received, happened(c.causeFoundAt, asOf), limits.causeWorkingDays);
    stage(c, 'C6', m.notify, happened(c.resolvedAt, asOf), happened(c.customerNotifiedAt, asOf), limits.notifyWorkingDays);
    if (closed !== null && (c.handler === null || c.responsibleDept === null || (c.correctiveAction === null && c.customerFeedback === null))) {
      const missing = [
        ...(c.handler === null ? ['handler'] : []),
        ...(c.responsibleDept === null ? ['responsible_dept'] : []),
        ...(c.correctiveAction === null && c.customerFeedback === null ? ['result'] : []),
      ];
      add(c, 'C7', { missing });
    }
    if (c.responsibility === 'ours' && c.capaNo === null) add(c, 'C8');
    if (closed !== null && c.responsibility === 'ours' && c.verifiedBy === null) add(c, 'C9');
  }
  return findings;
}

const NO_PARAMS = Object.freeze({});

function stamp(value: { date: string; time: string | null }): string {
  return value.time === null ? value.date : `${value.date} ${value.time.slice(0, 5)}`;
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
