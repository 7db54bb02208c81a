import type { Summary } from '../model/summary.js';

/** Customers named in one opportunity's supporting figure; the rest are counted. */
export const NAMED_CUSTOMERS = 5;

/** One improvement opportunity (9.3.2 f) with what supports it; `affected` is what ranks it. */
export type Opportunity =
  | { readonly kind: 'category'; readonly affected: number; readonly category: string; readonly count: number; readonly total: number }
  | {
      readonly kind: 'dimension';
      readonly affected: number;
      readonly dimension: string;
      readonly mean: number;
      readonly period: string;
      readonly overall: number | null;
      readonly below: number;
    }
  | {
      readonly kind: 'repeats';
      readonly affected: number;
      readonly count: number;
      readonly total: number;
      readonly customers: readonly { readonly customer: string; readonly repeats: number }[];
    }
  | {
      readonly kind: 'falling';
      readonly affected: number;
      readonly customers: readonly { readonly customer: string; readonly item: string; readonly from: number; readonly to: number; readonly period: string }[];
    }
  | { readonly kind: 'recurrence'; readonly affected: number; readonly count: number }
  | { readonly kind: 'actions'; readonly affected: number; readonly count: number; readonly open: number };

/** The order of kinds when two opportunities concern as many records (the stated tie rule). */
const KIND_ORDER: readonly Opportunity['kind'][] = ['category', 'dimension', 'repeats', 'falling', 'recurrence', 'actions'];

/**
 * The management review's improvement opportunities (ISO 9001 9.3.2 f), ranked by the rule the
 * review states: by the number of records each concerns, most first — complaints for the top
 * complaint category, the repeats and the recurrences after a verified CAPA; customers for the
 * lowest satisfaction item (those scoring it below the unsatisfied threshold this round) and for
 * falling scores; actions for the overdue ones — ties in the order of KIND_ORDER. Every figure
 * is summary.json's (`review`, `satisfaction`, `customers`, `actions`, `findings`).
 */
export function improvementOpportunities(summary: Summary): Opportunity[] {
  const found: Opportunity[] = [];
  const c = summary.review.complaints;
  const top = Object.entries(c.byCategory)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])[0];
  if (top) found.push({ kind: 'category', affected: top[1], category: top[0], count: top[1], total: c.total });

  const sat = summary.satisfaction;
  const histories = summary.customers;
  const lowest = Object.entries(sat.dimensions)
    .filter((e): e is [string, number] => e[1] !== null)
    .sort((a, b) => a[1] - b[1])[0];
  if (lowest && sat.period !== null) {
    const below = histories.list.filter((h) => h.currentSurvey === 'returned' && h.unsatisfied.includes(lowest[0])).length;
    found.push({ kind: 'dimension', affected: below, dimension: lowest[0], mean: lowest[1], period: sat.period, overall: sat.mean, below });
  }

  if (c.repeats > 0) {
    const customers = histories.list
      .filter((h) => h.complaints.repeats > 0)
      .map((h) => ({ customer: h.customer, repeats: h.complaints.repeats }))
      .sort((a, b) => b.repeats - a.repeats || (a.customer < b.customer ? -1 : a.customer > b.customer ? 1 : 0));
    found.push({ kind: 'repeats', affected: c.repeats, count: c.repeats, total: c.total, customers });
  }

  const falling = histories.list.flatMap((h) => {
    if (h.trend === null || h.falling.length === 0) return [];
    // The customer's steepest fall stands for it.
    const worst = h.trend.changes.filter((x) => h.falling.includes(x.item)).sort((a, b) => a.delta - b.delta)[0]!;
    return [{ customer: h.customer, item: worst.item, from: worst.from, to: worst.to, period: `${h.trend.from} → ${h.trend.to}` }];
  });
  falling.sort((a, b) => a.to - a.from - (b.to - b.from) || (a.customer < b.customer ? -1 : a.customer > b.customer ? 1 : 0));
  if (falling.length > 0) found.push({ kind: 'falling', affected: falling.length, customers: falling });

  const recurrences = summary.findings.filter((f) => f.rule === 'C10').length;
  if (recurrences > 0) found.push({ kind: 'recurrence', affected: recurrences, count: recurrences });
  if (summary.actions.overdue > 0)
    found.push({ kind: 'actions', affected: summary.actions.overdue, count: summary.actions.overdue, open: summary.actions.open });
  return found.sort((a, b) => b.affected - a.affected || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
}
