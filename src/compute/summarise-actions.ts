import { ACTION_STATUSES } from '../model/enums.js';
import type { ActionsSummary } from '../model/summary.js';
import { ACTION_SOURCE_KINDS, type ActionState } from '../validate/check-actions.js';

/**
 * The actions register's counts on the as-of date (summary.json `actions`): actions decided by
 * then, by status and by source; open, overdue (rules A1 and A3), done late, and CAPA actions done
 * without a verifier (rule A2).
 */
export function summariseActions(actions: readonly ActionState[], asOf: string): ActionsSummary {
  const previousYear = String(Number(asOf.slice(0, 4)) - 1);
  const byStatus: Record<string, number> = Object.fromEntries([...ACTION_STATUSES.map((s) => [s.id, 0]), ['none', 0]]);
  const bySource: Record<string, number> = Object.fromEntries(ACTION_SOURCE_KINDS.map((k) => [k, 0]));
  let open = 0;
  let overdue = 0;
  let doneLate = 0;
  let capaDoneNotVerified = 0;
  for (const a of actions) {
    byStatus[a.status ?? 'none']!++;
    bySource[a.sourceKind]!++;
    if (a.open) open++;
    if (a.overdue) overdue++;
    if (a.doneLate) doneLate++;
    if (!a.open && a.status === 'done' && a.sourceKind === 'capa' && a.action.verifiedBy === null) capaDoneNotVerified++;
  }
  const previousReview = actions
    .filter((a) => a.action.source.kind === 'management_review' && a.action.source.year === previousYear)
    .map((a) => ({
      actionNo: a.action.actionNo,
      action: a.action.action,
      owner: a.action.owner,
      department: a.action.department,
      due: a.action.due,
      status: a.status,
      doneOn: a.open ? null : a.action.doneOn,
      verifiedBy: a.open ? null : a.action.verifiedBy,
      overdue: a.overdue,
      workingDaysOverdue: a.workingDaysOverdue,
      doneLate: a.doneLate,
    }));
  return {
    total: actions.length,
    open,
    overdue,
    doneLate,
    capaDoneNotVerified,
    byStatus,
    bySource,
    previousReview: { year: previousYear, items: previousReview },
  };
}
