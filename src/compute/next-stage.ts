import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { Config } from '../config/config.js';
import type { IsoDate } from '../model/dates.js';
import type { Complaint } from '../model/records.js';
import { happened } from '../validate/as-of.js';

/** The handling stages of an open complaint, in the order they are done (company limits, 5.8.2–5.8.3). */
export const STAGES = ['assign', 'cause', 'resolve', 'notify', 'close'] as const;
export type Stage = (typeof STAGES)[number];

/** The next stage an open complaint waits for, and the day its company limit runs out. */
export interface NextStage {
  readonly stage: Stage;
  /** The limit's last day on the working-day calendar. */
  readonly due: IsoDate;
  /** The limit in working days and what it counts from. */
  readonly limit: number;
  readonly from: 'received' | 'resolved';
  /** The due day passed before the date judged. */
  readonly overdue: boolean;
  /** Who is to do it: the responsible person, else the department, else the handler; null when none is recorded. */
  readonly owner: string | null;
}

/**
 * The first stage not yet recorded on `date` (assign → cause → resolve → notify → close), with
 * its due day: `limits.<stage>WorkingDays` working days after receipt (notify: after the
 * resolution), as the company's limits set them.
 */
export function nextStage(complaint: Complaint, config: Config, calendar: WorkingCalendar, date: IsoDate): NextStage {
  const limits = config.complaints.limits;
  const received = complaint.receivedAt.date;
  const resolved = happened(complaint.resolvedAt, date);
  const pick = (): { stage: Stage; limit: number; from: 'received' | 'resolved'; start: IsoDate } => {
    if (happened(complaint.assignedAt, date) === null) return { stage: 'assign', limit: limits.assignWorkingDays, from: 'received', start: received };
    if (happened(complaint.causeFoundAt, date) === null) return { stage: 'cause', limit: limits.causeWorkingDays, from: 'received', start: received };
    if (resolved === null) return { stage: 'resolve', limit: limits.resolveWorkingDays, from: 'received', start: received };
    if (happened(complaint.customerNotifiedAt, date) === null) return { stage: 'notify', limit: limits.notifyWorkingDays, from: 'resolved', start: resolved };
    return { stage: 'close', limit: limits.closeWorkingDays, from: 'received', start: received };
  };
  const next = pick();
  const due = calendar.addWorkingDays(next.start, next.limit);
  return {
    stage: next.stage,
    due,
    limit: next.limit,
    from: next.from,
    overdue: due < date,
    owner: complaint.responsiblePerson ?? complaint.responsibleDept ?? complaint.handler,
  };
}
