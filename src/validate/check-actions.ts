import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { IsoDate } from '../model/dates.js';
import type { ActionStatus } from '../model/enums.js';
import type { ActionItem, Complaint } from '../model/records.js';
import { actionDueSource } from '../issues/finding-messages.js';
import { defineRule, type DefinedRule, type RuleContext, type Subject } from './rule-definition.js';

/** Where an action comes from, with record numbers told apart against the complaints read. */
export type ActionSourceKind = 'meeting' | 'management_review' | 'audit' | 'complaint' | 'capa' | 'other';
export const ACTION_SOURCE_KINDS: readonly ActionSourceKind[] = ['meeting', 'management_review', 'audit', 'complaint', 'capa', 'other'];

/** An action as it stood on the date judged (the as-of date, or a meeting pack's date). */
export interface ActionState {
  readonly action: ActionItem;
  readonly sourceKind: ActionSourceKind;
  /**
   * The status on the date: the register's, except that an action done or cancelled after the
   * date was not yet done then (null: "not done", the register held no status for that day).
   */
  readonly status: ActionStatus | null;
  /** Not done and not cancelled on the date. */
  readonly open: boolean;
  /** Open and its due date passed before the date. */
  readonly overdue: boolean;
  /** Working days from the due date to the date judged, when overdue. */
  readonly workingDaysOverdue: number | null;
  /** Done after its due date (on or before the date judged). */
  readonly doneLate: boolean;
}

/** Complaint and CAPA numbers of the complaints read, to tell an action's record source apart. */
export interface RecordNumbers {
  readonly complaints: ReadonlySet<string>;
  readonly capas: ReadonlySet<string>;
}

export function recordNumbers(complaints: readonly Complaint[]): RecordNumbers {
  const capas = new Set<string>();
  for (const c of complaints) if (c.capaNo !== null) capas.add(c.capaNo);
  return { complaints: new Set(complaints.map((c) => c.complaintNo)), capas };
}

export function sourceKindOf(action: ActionItem, numbers: RecordNumbers): ActionSourceKind {
  const source = action.source;
  if (source.kind !== 'record') return source.kind;
  if (numbers.complaints.has(source.ref)) return 'complaint';
  // A CAPA number not (yet) on a complaint is still a CAPA when it is written as one.
  if (numbers.capas.has(source.ref) || /^capa/i.test(source.ref) || source.ref.startsWith('纠正预防')) return 'capa';
  return 'other';
}

/**
 * Actions that exist on `date`: decided on or before it. An action without a decision date
 * counts from its meeting's month end (a meeting on a month is held after it); otherwise always.
 */
export function actionsInScope(actions: readonly ActionItem[], date: IsoDate): ActionItem[] {
  return actions.filter((a) => {
    if (a.decidedOn !== null) return a.decidedOn <= date;
    if (a.source.kind === 'meeting') return a.source.month < date.slice(0, 7);
    return true;
  });
}

export function actionState(action: ActionItem, numbers: RecordNumbers, date: IsoDate, calendar: WorkingCalendar): ActionState {
  return actionStateOn(action, sourceKindOf(action, numbers), date, calendar);
}

/** The state of an action whose source is known already, on `date` (a meeting pack's date). */
export function actionStateOn(action: ActionItem, sourceKind: ActionSourceKind, date: IsoDate, calendar: WorkingCalendar): ActionState {
  const finished = action.status === 'done' || action.status === 'cancelled' || (action.status === null && action.doneOn !== null);
  // Done (or cancelled) on a day after the date judged: on that date it was still open.
  const closed = finished && (action.doneOn === null || action.doneOn <= date);
  const status: ActionStatus | null = closed ? (action.status ?? 'done') : finished ? null : action.status;
  const overdue = !closed && action.due !== null && action.due < date;
  return {
    action,
    sourceKind,
    status,
    open: !closed,
    overdue,
    workingDaysOverdue: overdue && action.due !== null ? calendar.workingDaysBetween(action.due, date) : null,
    doneLate: closed && status === 'done' && action.due !== null && action.doneOn !== null && action.doneOn > action.due,
  };
}

/**
 * The procedure clause that requires an action of this source, and only such a clause: a
 * complaint's corrective action (5.8.3: the responsible department finds the cause and sets the
 * corrective action) and a CAPA (5.7.3: departments raise corrective and preventive actions).
 * The procedure says nothing of the actions of a monthly meeting (5.8.4 only has the complaints
 * counted for it), a management review, an audit or another source: null.
 */
export function actionClause(kind: ActionSourceKind): string | null {
  switch (kind) {
    case 'complaint':
      return '5.8.3';
    case 'capa':
      return '5.7.3';
    default:
      return null;
  }
}

const subjects = (ctx: RuleContext, applies: (a: ActionState) => boolean): Subject<ActionState>[] =>
  ctx.actions.filter(applies).map((a) => ({ subject: a, record: a.action.actionNo, provenance: a.action.provenance }));

/** The clause of an action's source as a finding's own (none for a source no clause covers). */
const clauseOf = (kind: ActionSourceKind): { clause?: string } => {
  const clause = actionClause(kind);
  return clause === null ? {} : { clause };
};

/** Open, with a due date, and its source's kind one the procedure requires (A1) or not (A3). */
const openWithDue = (a: ActionState, required: boolean) => a.open && a.action.due !== null && (actionClause(a.sourceKind) !== null) === required;

/**
 * A1 — an action of a complaint or a CAPA open past its own due date. The procedure requires the
 * action (its clause, by source) and sets no date; the date is the one the company wrote for it in
 * the actions register, so the finding's limit is that date, sourced to the register's row.
 */
const A1 = defineRule<'A1', ActionState>({
  id: 'A1',
  dataset: 'actions',
  // Each finding cites the one clause of its action's source; the rule as a whole, either.
  clause: '5.8.3 / 5.7.3',
  basis: 'company_limit',
  severity: 'minor',
  recordLimit: 'actions.due',
  appliesTo: (ctx) => subjects(ctx, (a) => openWithDue(a, true)),
  check: (a, ctx) =>
    a.overdue && a.action.due !== null
      ? {
          params: { due: a.action.due, asOf: ctx.asOf, workingDays: a.workingDaysOverdue ?? 0, status: a.status, source: a.sourceKind },
          ...clauseOf(a.sourceKind),
          limit: { key: 'actions.due', value: a.action.due, unit: 'date', source: actionDueSource(a.action.provenance.row) },
        }
      : null,
});

/**
 * A3 — any other open action past its own due date (a meeting's, a management review's, an
 * audit's, another source's). No clause of the procedure requires these actions, so the register
 * is held only to its own date: an observation on the data (docs/rules.md).
 */
const A3 = defineRule<'A3', ActionState>({
  id: 'A3',
  dataset: 'actions',
  clause: null,
  basis: 'data',
  severity: 'observation',
  appliesTo: (ctx) => subjects(ctx, (a) => openWithDue(a, false)),
  check: (a, ctx) =>
    a.overdue && a.action.due !== null && a.sourceKind !== 'complaint' && a.sourceKind !== 'capa'
      ? { params: { due: a.action.due, asOf: ctx.asOf, workingDays: a.workingDaysOverdue ?? 0, status: a.status, source: a.sourceKind } }
      : null,
});

/** A2 — an action of a CAPA done without a verifier (5.7.4: QA verifies corrective actions). */
const A2 = defineRule<'A2', ActionState>({
  id: 'A2',
  dataset: 'actions',
  clause: '5.7.4',
  basis: 'procedure',
  severity: 'minor',
  appliesTo: (ctx) => subjects(ctx, (a) => !a.open && a.status === 'done' && a.sourceKind === 'capa'),
  check: (a) =>
    a.action.verifiedBy === null ? { params: { doneOn: a.action.doneOn, capa: a.action.source.kind === 'record' ? a.action.source.ref : null } } : null,
});

/** The rules of the actions register, in table order. */
export const ACTION_RULES: readonly DefinedRule[] = [A1, A2, A3];
