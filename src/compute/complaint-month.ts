import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { Config } from '../config/config.js';
import { daysInMonth } from '../dates/civil.js';
import { complaintCategories } from '../config/categories.js';
import type { ComplaintCategory, EnumValue } from '../model/enums.js';
import { actionsInScope, actionStateOn, type ActionState } from '../validate/check-actions.js';
import { complaintStatus, MILESTONES, type ComplaintStatus, type Milestone } from '../validate/check-complaints.js';
import type { RepeatComplaint } from '../validate/repeat-complaints.js';
import type { RuleResults } from '../validate/run-rules.js';
import { nextStage, type NextStage } from './next-stage.js';
import { monthsBetween } from './review-figures.js';

export interface ParetoRow {
  readonly category: ComplaintCategory;
  readonly count: number;
  readonly share: number;
  /** Share of this category and all larger ones. */
  readonly cumulative: number;
  /** Labels nobody defined among this category's complaints (only "other" has them), most frequent first. */
  readonly labels: readonly string[];
}

/**
 * A table of the pack: the rows it prints — at most `reports.maxTableRows`, as the report cuts
 * every table — and how many there are. The pack's model holds only what the pack prints, so a
 * pack is keyed on exactly that (a rebuild renders it again only when something it prints
 * changed) and a month of 100,000 complaints makes a model of a few hundred rows.
 */
export interface PackTable<Row> {
  readonly rows: readonly Row[];
  readonly total: number;
}

/** One of the month's complaints in the list of the month. */
export interface MonthListRow {
  readonly complaintNo: string;
  readonly received: string;
  readonly customer: string;
  readonly category: ComplaintCategory;
  readonly categoryText: string | null;
  readonly major: boolean;
  readonly description: string;
  readonly responsibleDept: string | null;
  readonly responsiblePerson: string | null;
  readonly closed: boolean;
  readonly workingDays: number;
  readonly overdue: boolean;
}

/** A complaint open on the pack's date, with the next stage it waits for. */
export interface OpenComplaintRow {
  readonly complaintNo: string;
  readonly received: string;
  readonly customer: string;
  readonly next: NextStage;
  readonly workingDays: number;
  readonly overdue: boolean;
}

/** A major complaint of the month and whether it was escalated. */
export interface MajorRow {
  readonly complaintNo: string;
  readonly received: string;
  readonly customer: string;
  readonly category: ComplaintCategory;
  readonly categoryText: string | null;
  readonly description: string;
  readonly escalated: boolean | null;
}

export interface ReturnRow {
  readonly complaintNo: string;
  readonly customer: string;
  readonly product: string | null;
  readonly returnQty: number | null;
}

/** A CAPA of the month's complaints and the register's actions for it. */
export interface MonthCapaRow {
  readonly complaintNo: string;
  readonly capaNo: string;
  readonly responsibleDept: string | null;
  readonly closed: boolean;
  readonly verifiedBy: string | null;
  readonly actions: readonly { readonly actionNo: string; readonly status: ActionState['status'] }[];
}

/** A repeat among the month's complaints: the complaint, the earlier one it repeats, and what they share. */
export interface RepeatRow {
  readonly complaintNo: string;
  readonly received: string;
  readonly customer: string;
  readonly category: ComplaintCategory;
  readonly basis: RepeatComplaint['basis'];
  readonly product: string | null;
  readonly earlierNo: string;
  readonly days: number;
  readonly capaNo: string | null;
}

/** Everything the monthly complaint meeting pack prints for one month, computed. */
export interface ComplaintMonthModel {
  readonly month: string;
  /**
   * The day the pack shows the state on: the month's last day (or the meeting date when given),
   * never after the run's as-of date — so a past month's pack shows what its meeting saw.
   */
  readonly asOf: string;
  /** The run's as-of date (the day the pack was generated for). */
  readonly generatedAsOf: string;
  /** The meeting date asked for (--meeting-date), or null. */
  readonly meetingDate: string | null;
  /** The input holds an actions register (with at least one action). */
  readonly hasRegister: boolean;
  /** The month whose meeting decided the actions reviewed first (the month before). */
  readonly previousMeetingMonth: string;
  /** Actions of the previous month's meeting, as they stood on `asOf`, in register order. */
  readonly lastMeetingActions: readonly ActionState[];
  /** Actions of earlier meetings still open on `asOf`, earliest due first. */
  readonly carriedActions: readonly ActionState[];
  /** Complaints received up to the month's end and open on `asOf`, longest open first, with their next stage. */
  readonly openRows: PackTable<OpenComplaintRow>;
  /** Of those: past the company's closing limit, and past the due day of their next stage. */
  readonly openOverdue: number;
  readonly stageOverdue: number;
  readonly capaRows: PackTable<MonthCapaRow>;
  readonly count: number;
  /** The previous month's count; null before the data begins. */
  readonly previousCount: number | null;
  /** This month and up to 12 before it, oldest first — only months the data covers. */
  readonly history: readonly { readonly month: string; readonly count: number }[];
  /** Mean count of the months before this one in `history`; null when there are none. */
  readonly previousAverage: number | null;
  /** Categories with complaints, most frequent first. */
  readonly pareto: readonly ParetoRow[];
  /** The categories that make up 80 % of the month's complaints (at least one). */
  readonly vitalFew: readonly ComplaintCategory[];
  /** Two categories have the same count: they are listed in the order of the category table (input contract). */
  readonly tied: boolean;
  /** The fewest complaints for which the Pareto names a vital few (config reports.paretoMinCount). */
  readonly paretoMinCount: number;
  readonly byCustomer: PackTable<{ readonly customer: string; readonly count: number; readonly major: number }>;
  /** By responsible department; null when not yet assigned. */
  readonly byDepartment: PackTable<{ readonly department: string | null; readonly count: number }>;
  /** The month's complaints in order of receipt. */
  readonly complaints: PackTable<MonthListRow>;
  readonly closed: number;
  readonly open: number;
  readonly overdue: number;
  readonly milestones: Readonly<Record<Milestone, { readonly onTime: number; readonly late: number; readonly rate: number | null }>>;
  /** The month's major complaints, and how many of them were not escalated. */
  readonly major: PackTable<MajorRow> & { readonly notEscalated: number };
  readonly returns: PackTable<ReturnRow> & { readonly quantity: number };
  /** `missing`: the numbers of the complaints of ours with no CAPA, every one (the pack names them in a sentence). */
  readonly capa: { readonly required: number; readonly raised: number; readonly verified: number; readonly missing: readonly string[] };
  readonly repeats: PackTable<RepeatRow>;
  /** Every complaint category of the run (the nine, then the company's), for names in reports. */
  readonly categories: readonly EnumValue[];
  readonly limits: Config['complaints']['limits'];
  readonly repeatWindowDays: number;
}

/**
 * The monthly pack of `month` (YYYY-MM) for the meeting of 5.8.4: complaints received that month,
 * with their state on the as-of date, as summary.json counts them.
 */
export function complaintMonth(
  rules: RuleResults,
  month: string,
  config: Config,
  asOf: string,
  options: { readonly calendar: WorkingCalendar; readonly meetingDate?: string | undefined },
): ComplaintMonthModel {
  const { calendar } = options;
  const monthEnd = `${month}-${String(daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)))).padStart(2, '0')}`;
  const wanted = options.meetingDate ?? monthEnd;
  const packDate = wanted < asOf ? wanted : asOf;
  const index = monthIndex(rules.complaints);
  const { counts, firstMonth } = index;
  const { byMonth, open } = packDate === asOf ? index : statesOn(rules.complaints, month, monthEnd, packDate, config, calendar);
  const span = firstMonth === null ? [month] : monthsBetween(`${firstMonth < month ? firstMonth : month}-01`, `${month}-01`);
  const history = span.slice(-13).map((m) => ({ month: m, count: m === month ? (byMonth.get(month)?.length ?? 0) : (counts.get(m) ?? 0) }));
  const before = history.slice(0, -1);

  const statuses = [...(byMonth.get(month) ?? [])].sort(
    (a, b) =>
      compare(a.complaint.receivedAt.date + (a.complaint.receivedAt.time ?? ''), b.complaint.receivedAt.date + (b.complaint.receivedAt.time ?? '')) ||
      compare(a.complaint.complaintNo, b.complaint.complaintNo),
  );
  const count = statuses.length;

  const byCategory = new Map<ComplaintCategory, number>();
  const unmapped = new Map<string, number>();
  for (const s of statuses) {
    byCategory.set(s.complaint.category, (byCategory.get(s.complaint.category) ?? 0) + 1);
    const text = s.complaint.categoryText;
    if (text !== null) unmapped.set(text, (unmapped.get(text) ?? 0) + 1);
  }
  // What "other" is made of, so the meeting sees 其他（外观、尺寸） rather than a bare 其他.
  const otherLabels = [...unmapped.entries()].sort((a, b) => b[1] - a[1] || compare(a[0], b[0])).map(([text]) => text);
  const categories = complaintCategories(config);
  const order: string[] = categories.map((c) => c.id);
  let running = 0;
  const pareto = [...byCategory.entries()]
    .sort((a, b) => b[1] - a[1] || order.indexOf(a[0]) - order.indexOf(b[0]))
    .map(([category, n]) => {
      running += n;
      return { category, count: n, share: n / count, cumulative: running / count, labels: category === 'other' ? otherLabels : [] };
    });
  // With few complaints a Pareto says nothing about priorities: no vital few below the configured count.
  const vitalFew: ComplaintCategory[] = [];
  if (count >= config.reports.paretoMinCount) {
    for (const row of pareto) {
      vitalFew.push(row.category);
      if (row.cumulative >= 0.8) break;
    }
  }
  const tied = pareto.some((row, i) => i > 0 && pareto[i - 1]!.count === row.count);

  const customers = new Map<string, { count: number; major: number }>();
  const departments = new Map<string | null, number>();
  for (const s of statuses) {
    const c = customers.get(s.complaint.customer) ?? { count: 0, major: 0 };
    c.count++;
    if (s.complaint.severity === 'major') c.major++;
    customers.set(s.complaint.customer, c);
    departments.set(s.complaint.responsibleDept, (departments.get(s.complaint.responsibleDept) ?? 0) + 1);
  }

  const milestones = Object.fromEntries(
    MILESTONES.map((m) => {
      let onTime = 0;
      let late = 0;
      for (const s of statuses) {
        const outcome = s.milestones[m];
        if (outcome) outcome.onTime ? onTime++ : late++;
      }
      return [m, { onTime, late, rate: onTime + late === 0 ? null : onTime / (onTime + late) }];
    }),
  ) as ComplaintMonthModel['milestones'];

  const ours = statuses.filter((s) => s.complaint.responsibility === 'ours');
  const previousMeetingMonth = previousMonth(month);
  const actions = actionsInScope(
    rules.actions.map((a) => a.action),
    packDate,
  );
  const kindOf = new Map(rules.actions.map((a) => [a.action, a.sourceKind]));
  const states = actions.map((a) => actionStateOn(a, kindOf.get(a) ?? 'other', packDate, calendar));
  const stillOpen = open.filter((s) => s.complaint.receivedAt.date <= monthEnd);
  const cut = <T, Row>(list: readonly T[], row: (item: T, index: number) => Row): PackTable<Row> => ({
    rows: list.slice(0, maxRows).map(row),
    total: list.length,
  });
  const maxRows = config.reports.maxTableRows;
  const nextStages = stillOpen.map((status) => nextStage(status.complaint, config, calendar, packDate));
  const openRows = cut(
    stillOpen,
    (s, i): OpenComplaintRow => ({
      complaintNo: s.complaint.complaintNo,
      received: s.complaint.receivedAt.date,
      customer: s.complaint.customer,
      next: nextStages[i]!,
      workingDays: s.workingDays,
      overdue: s.overdue,
    }),
  );
  const capaRows = cut(
    ours.filter((s) => s.complaint.capaNo !== null),
    (s): MonthCapaRow => ({
      complaintNo: s.complaint.complaintNo,
      capaNo: s.complaint.capaNo!,
      responsibleDept: s.complaint.responsibleDept,
      closed: s.closedAt !== null,
      verifiedBy: s.complaint.verifiedBy,
      actions: states
        .filter((a) => a.action.source.kind === 'record' && a.action.source.ref === s.complaint.capaNo)
        .map((a) => ({ actionNo: a.action.actionNo, status: a.status })),
    }),
  );
  const major = statuses.filter((s) => s.complaint.severity === 'major');
  const returned = statuses.filter((s) => s.complaint.returned === true).map((s) => s.complaint);
  const repeats = statuses.flatMap((s) => rules.repeats.get(s.complaint.complaintNo) ?? []);
  return {
    month,
    asOf: packDate,
    generatedAsOf: asOf,
    meetingDate: options.meetingDate ?? null,
    hasRegister: rules.actions.length > 0,
    previousMeetingMonth,
    lastMeetingActions: states.filter((a) => a.action.source.kind === 'meeting' && a.action.source.month === previousMeetingMonth),
    carriedActions: states
      .filter((a) => a.open && a.action.source.kind === 'meeting' && a.action.source.month < previousMeetingMonth)
      .sort((a, b) => compare(a.action.due ?? '\uffff', b.action.due ?? '\uffff') || compare(a.action.actionNo, b.action.actionNo)),
    openRows,
    openOverdue: stillOpen.filter((s) => s.overdue).length,
    stageOverdue: nextStages.filter((n) => n.overdue).length,
    capaRows,
    count,
    previousCount: before.length > 0 ? before[before.length - 1]!.count : null,
    history,
    previousAverage: before.length > 0 ? before.reduce((n, h) => n + h.count, 0) / before.length : null,
    pareto,
    vitalFew,
    tied,
    paretoMinCount: config.reports.paretoMinCount,
    byCustomer: cut(
      [...customers.entries()]
        .map(([customer, c]) => ({ customer, ...c }))
        .sort((a, b) => b.count - a.count || b.major - a.major || compare(a.customer, b.customer)),
      (row) => row,
    ),
    byDepartment: cut(
      [...departments.entries()]
        .map(([department, n]) => ({ department, count: n }))
        .sort((a, b) => b.count - a.count || compare(a.department ?? '\uffff', b.department ?? '\uffff')),
      (row) => row,
    ),
    complaints: cut(
      statuses,
      (s): MonthListRow => ({
        complaintNo: s.complaint.complaintNo,
        received: s.complaint.receivedAt.date,
        customer: s.complaint.customer,
        category: s.complaint.category,
        categoryText: s.complaint.categoryText,
        major: s.complaint.severity === 'major',
        description: s.complaint.description,
        responsibleDept: s.complaint.responsibleDept,
        responsiblePerson: s.complaint.responsiblePerson,
        closed: s.closedAt !== null,
        workingDays: s.workingDays,
        overdue: s.overdue,
      }),
    ),
    closed: statuses.filter((s) => s.closedAt !== null).length,
    open: statuses.filter((s) => s.closedAt === null).length,
    overdue: statuses.filter((s) => s.overdue).length,
    milestones,
    major: {
      ...cut(
        major,
        (s): MajorRow => ({
          complaintNo: s.complaint.complaintNo,
          received: s.complaint.receivedAt.date,
          customer: s.complaint.customer,
          category: s.complaint.category,
          categoryText: s.complaint.categoryText,
          description: s.complaint.description,
          escalated: s.complaint.escalated,
        }),
      ),
      notEscalated: major.filter((s) => s.complaint.escalated !== true).length,
    },
    returns: {
      ...cut(returned, (c): ReturnRow => ({ complaintNo: c.complaintNo, customer: c.customer, product: c.product, returnQty: c.returnQty })),
      quantity: returned.reduce((n, c) => n + (c.returnQty ?? 0), 0),
    },
    capa: {
      required: ours.length,
      raised: ours.filter((s) => s.complaint.capaNo !== null).length,
      verified: ours.filter((s) => s.complaint.capaNo !== null && s.closedAt !== null && s.complaint.verifiedBy !== null).length,
      missing: ours.filter((s) => s.complaint.capaNo === null).map((s) => s.complaint.complaintNo),
    },
    repeats: cut(
      repeats,
      (r): RepeatRow => ({
        complaintNo: r.complaint.complaintNo,
        received: r.complaint.receivedAt.date,
        customer: r.complaint.customer,
        category: r.complaint.category,
        basis: r.basis,
        product: r.complaint.product,
        earlierNo: r.earlier.complaintNo,
        days: r.days,
        capaNo: r.complaint.capaNo,
      }),
    ),
    categories,
    limits: config.complaints.limits,
    repeatWindowDays: config.complaints.repeatWindowDays,
  };
}

interface MonthIndex {
  readonly counts: ReadonlyMap<string, number>;
  readonly firstMonth: string | null;
  readonly byMonth: ReadonlyMap<string, readonly ComplaintStatus[]>;
  /** Open at the as-of date, longest open first. */
  readonly open: readonly ComplaintStatus[];
}

// Built once per rule run: a build makes a pack for each of up to a dozen months of 100,000 complaints.
const indexes = new WeakMap<readonly ComplaintStatus[], MonthIndex>();

function monthIndex(statuses: readonly ComplaintStatus[]): MonthIndex {
  const cached = indexes.get(statuses);
  if (cached) return cached;
  const counts = new Map<string, number>();
  const byMonth = new Map<string, ComplaintStatus[]>();
  let firstMonth: string | null = null;
  for (const s of statuses) {
    const m = s.complaint.receivedAt.date.slice(0, 7);
    counts.set(m, (counts.get(m) ?? 0) + 1);
    const list = byMonth.get(m);
    if (list) list.push(s);
    else byMonth.set(m, [s]);
    if (firstMonth === null || m < firstMonth) firstMonth = m;
  }
  const open = statuses
    .filter((s) => s.closedAt === null)
    .sort((a, b) => b.workingDays - a.workingDays || compare(a.complaint.complaintNo, b.complaint.complaintNo));
  const index = { counts, firstMonth, byMonth, open };
  indexes.set(statuses, index);
  return index;
}

/**
 * The month's complaints and the ones open, as they stood on `date` (before the run's as-of
 * date): only the complaints the pack shows are re-judged on that date.
 */
function statesOn(
  statuses: readonly ComplaintStatus[],
  month: string,
  monthEnd: string,
  date: string,
  config: Config,
  calendar: WorkingCalendar,
): Pick<MonthIndex, 'byMonth' | 'open'> {
  const inMonth: ComplaintStatus[] = [];
  const open: ComplaintStatus[] = [];
  for (const s of statuses) {
    const c = s.complaint;
    const received = c.receivedAt.date;
    if (received > date) continue;
    const thisMonth = received.slice(0, 7) === month;
    const maybeOpen = received <= monthEnd && (c.closedAt === null || c.closedAt > date);
    if (!thisMonth && !maybeOpen) continue;
    const then = complaintStatus(c, config, calendar, date);
    if (thisMonth) inMonth.push(then);
    if (then.closedAt === null && received <= monthEnd) open.push(then);
  }
  open.sort((a, b) => b.workingDays - a.workingDays || compare(a.complaint.complaintNo, b.complaint.complaintNo));
  return { byMonth: new Map([[month, inMonth]]), open };
}

/** "2025-12" → "2025-11"; "2025-01" → "2024-12". */
export function previousMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/**
 * The months build writes packs for: every month from the first complaint received to the last
 * one up to the as-of date, or the latest `last` of them (0 = all).
 */
export function packMonths(rules: RuleResults, last: number, asOf: string): string[] {
  const asOfMonth = asOf.slice(0, 7);
  let first: string | null = null;
  let latest: string | null = null;
  for (const s of rules.complaints) {
    const m = s.complaint.receivedAt.date.slice(0, 7);
    if (m > asOfMonth) continue;
    if (first === null || m < first) first = m;
    if (latest === null || m > latest) latest = m;
  }
  if (first === null || latest === null) return [];
  const all = monthsBetween(`${first}-01`, `${latest}-01`);
  return last === 0 ? all : all.slice(-last);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
