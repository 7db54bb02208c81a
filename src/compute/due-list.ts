import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { Config } from '../config/config.js';
import type { IsoDate } from '../model/dates.js';
import type { RuleResults } from '../validate/run-rules.js';
import { nextStage, type Stage } from './next-stage.js';

/** One coming deadline. */
export interface DueItem {
  readonly kind: 'complaint_stage' | 'action' | 'capa_verification' | 'survey_before_audit';
  /** Complaint number, action number, CAPA number, or the survey's year. */
  readonly ref: string;
  /** The stage (complaints), the action's text, the complaint a CAPA belongs to, or the internal audit's date. */
  readonly what: string;
  readonly stage: Stage | null;
  readonly owner: string | null;
  /**
   * The last day; null for a CAPA verification: neither the procedure (5.7.4: QA verifies) nor the
   * configuration sets a time for it, so it is listed as waiting, never as overdue.
   */
  readonly due: IsoDate | null;
  /** For a CAPA verification, the day its complaint was closed: it waits from then. */
  readonly since: IsoDate | null;
  readonly overdue: boolean;
  /** Working days from the as-of date to the due day; negative when overdue; null without a due day. */
  readonly workingDaysLeft: number | null;
  /** Where the record is; null for the year's survey (no one row stands for it). */
  readonly file: string | null;
  readonly row: number | null;
}

/**
 * A kind of deadline the list does not cover, and why, so the list never looks complete
 * when it is not: `liaison_replies` — the input contract holds no reply deadline or reply date
 * for a 联络单 and the procedure sets no time limit for one (5.3.4–5.3.5); `capa_verification`
 * — `no_verification_deadline`: the CAPAs waiting for verification are listed, but nothing sets a
 * time for it (5.7.4 has QA verify; no configuration key), so none is called overdue; `survey_before_audit`
 * — `no_audit_date`: the configuration sets no internalAuditDate; `audit_date_other_year`: the
 * date set is not of the as-of year.
 */
export interface DueNotChecked {
  readonly kind: 'liaison_replies' | 'survey_before_audit' | 'capa_verification';
  readonly reason: 'no_reply_deadline_in_data' | 'no_audit_date' | 'audit_date_other_year' | 'no_verification_deadline';
  /** The configured internal audit date, for `audit_date_other_year`. */
  readonly auditDate: string | null;
}

export interface DueList {
  readonly asOf: IsoDate;
  readonly days: number;
  /** The last day of the window: `days` working days after the as-of date. */
  readonly until: IsoDate;
  /** Overdue first, then by due day. */
  readonly items: readonly DueItem[];
  readonly notChecked: readonly DueNotChecked[];
}

/**
 * What falls due within `days` working days of the as-of date, and what is overdue already:
 * the next stage of each open complaint by its company limit, each open action by its own due
 * date, each closed complaint of ours whose CAPA waits for verification, and the year's
 * satisfaction survey before the internal audit; with what it could not check and why.
 */
export function dueList(rules: RuleResults, config: Config, calendar: WorkingCalendar, asOf: IsoDate, days: number): DueList {
  const until = calendar.addWorkingDays(asOf, days);
  const items: DueItem[] = [];
  const left = (due: IsoDate) => calendar.workingDaysBetween(asOf, due);
  for (const s of rules.complaints) {
    const c = s.complaint;
    if (s.closedAt === null) {
      const next = nextStage(c, config, calendar, asOf);
      items.push({
        kind: 'complaint_stage',
        ref: c.complaintNo,
        what: c.customer,
        stage: next.stage,
        owner: next.owner,
        due: next.due,
        since: null,
        overdue: next.overdue,
        workingDaysLeft: left(next.due),
        file: c.provenance.file,
        row: c.provenance.row,
      });
    } else if (c.responsibility === 'ours' && c.capaNo !== null && c.verifiedBy === null) {
      items.push({
        kind: 'capa_verification',
        ref: c.capaNo,
        what: c.complaintNo,
        stage: null,
        owner: null,
        due: null,
        since: s.closedAt,
        overdue: false,
        workingDaysLeft: null,
        file: c.provenance.file,
        row: c.provenance.row,
      });
    }
  }
  for (const a of rules.actions) {
    if (!a.open || a.action.due === null) continue;
    items.push({
      kind: 'action',
      ref: a.action.actionNo,
      what: a.action.action,
      stage: null,
      owner: a.action.owner ?? a.action.department,
      due: a.action.due,
      since: null,
      overdue: a.overdue,
      workingDaysLeft: left(a.action.due),
      file: a.action.provenance.file,
      row: a.action.provenance.row,
    });
  }
  const notChecked: DueNotChecked[] = [
    { kind: 'liaison_replies', reason: 'no_reply_deadline_in_data', auditDate: null },
    { kind: 'capa_verification', reason: 'no_verification_deadline', auditDate: null },
  ];
  const survey = surveyBeforeAudit(rules, config, asOf);
  if ('reason' in survey) notChecked.push(survey);
  else if (survey.item !== null) items.push({ ...survey.item, workingDaysLeft: left(survey.item.what) });
  // Without a due day (a CAPA waiting for verification) an item is listed as long as it waits, after the dated ones.
  const shown = items.filter((i) => i.overdue || i.due === null || i.due <= until);
  shown.sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      Number(a.due === null) - Number(b.due === null) ||
      compare(a.due ?? a.since, b.due ?? b.since) ||
      compare(a.ref, b.ref),
  );
  return { asOf, days, until, items: shown, notChecked };
}

/**
 * The year's satisfaction survey before the internal audit (5.6.1): due on `internalAuditDate`
 * while no survey of the as-of year was returned by then — a response dated, as rule S4 dates
 * it, by its returned date (else its sent date) from 1 January to the audit day and not after
 * the as-of date. Not checked without an audit date of the as-of year.
 */
function surveyBeforeAudit(rules: RuleResults, config: Config, asOf: IsoDate): DueNotChecked | { item: Omit<DueItem, 'workingDaysLeft'> | null } {
  const audit = config.internalAuditDate;
  if (audit === null) return { kind: 'survey_before_audit', reason: 'no_audit_date', auditDate: null };
  const year = asOf.slice(0, 4);
  if (audit.slice(0, 4) !== year) return { kind: 'survey_before_audit', reason: 'audit_date_other_year', auditDate: audit };
  const done = rules.satisfaction.periods.some((p) =>
    p.responses.some((s) => {
      const date = s.response.returnedDate ?? s.response.sentDate;
      return s.returned && date !== null && date >= `${year}-01-01` && date <= audit && date <= asOf;
    }),
  );
  if (done) return { item: null };
  return {
    item: {
      kind: 'survey_before_audit',
      ref: year,
      what: audit,
      stage: null,
      owner: null,
      due: audit,
      since: null,
      overdue: audit < asOf,
      file: null,
      row: null,
    },
  };
}

const compare = (a: string | null, b: string | null) => ((a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0);
