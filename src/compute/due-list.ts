import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { Config } from '../config/config.js';
import type { IsoDate } from '../model/dates.js';
import type { RuleResults } from '../validate/run-rules.js';
import { nextStage, type Stage } from './next-stage.js';

/** One coming deadline. */
export interface DueItem {
  readonly kind: 'complaint_stage' | 'action' | 'capa_verification';
  /** Complaint number, action number or CAPA number. */
  readonly ref: string;
  /** The stage (complaints), the action's text, or the complaint a CAPA belongs to. */
  readonly what: string;
  readonly stage: Stage | null;
  readonly owner: string | null;
  /** The last day; for a CAPA verification, the day its complaint was closed (verification is due from then). */
  readonly due: IsoDate;
  readonly overdue: boolean;
  /** Working days from the as-of date to the due day; negative when overdue. */
  readonly workingDaysLeft: number;
  readonly file: string;
  readonly row: number;
}

export interface DueList {
  readonly asOf: IsoDate;
  readonly days: number;
  /** The last day of the window: `days` working days after the as-of date. */
  readonly until: IsoDate;
  /** Overdue first, then by due day. */
  readonly items: readonly DueItem[];
}

/**
 * What falls due within `days` working days of the as-of date, and what is overdue already:
 * the next stage of each open complaint by its company limit, each open action by its own due
 * date, and each closed complaint of ours whose CAPA waits for verification.
 */
export function dueList(rules: RuleResults, config: Config, calendar: WorkingCalendar, asOf: IsoDate, days: number): DueList {
  const until = calendar.addWorkingDays(asOf, days);
  const items: DueItem[] = [];
  const left = (due: IsoDate) => calendar.workingDaysBetween(asOf, due);
  for (const s of rules.complaints) {
    const c = s.complaint;
    if (s.closedAt === null) {
      const next = nextStage(c, config, calendar, asOf);
      items.push({ kind: 'complaint_stage', ref: c.complaintNo, what: c.customer, stage: next.stage, owner: next.owner, due: next.due, overdue: next.overdue, workingDaysLeft: left(next.due), file: c.provenance.file, row: c.provenance.row });
    } else if (c.responsibility === 'ours' && c.capaNo !== null && c.verifiedBy === null) {
      items.push({ kind: 'capa_verification', ref: c.capaNo, what: c.complaintNo, stage: null, owner: null, due: s.closedAt, overdue: s.closedAt < asOf, workingDaysLeft: left(s.closedAt), file: c.provenance.file, row: c.provenance.row });
    }
  }
  for (const a of rules.actions) {
    if (!a.open || a.action.due === null) continue;
    items.push({ kind: 'action', ref: a.action.actionNo, what: a.action.action, stage: null, owner: a.action.owner ?? a.action.department, due: a.action.due, overdue: a.overdue, workingDaysLeft: left(a.action.due), file: a.action.provenance.file, row: a.action.provenance.row });
  }
  const shown = items.filter((i) => i.overdue || i.due <= until);
  shown.sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.due < b.due ? -1 : a.due > b.due ? 1 : 0) || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
  return { asOf, days, until, items: shown };
}
