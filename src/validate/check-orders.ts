import type { Config } from '../config/config.js';
import type { IsoDate } from '../model/dates.js';
import { REVIEW_ITEMS, type ReviewItem } from '../model/fields.js';
import type { Finding } from '../model/finding.js';
import type { Order } from '../model/records.js';
import { yesNoOfText } from '../text/yes-no.js';
import { happened } from './as-of.js';
import { defineRule, runRuleSet, subjectsOf, type DefinedRule, type RuleContext } from './rule-definition.js';

/** Words that leave a confirmation open even though the cell is not empty. */
const NOT_CONFIRMED = new Set(['待定', '未确认', '待确认']);

/** Orders that exist on the as-of date: received on or before it. */
export function ordersInScope(orders: readonly Order[], asOf: string): Order[] {
  return orders.filter((o) => o.orderDate <= asOf);
}

const orderNo = (o: Order) => o.orderNo;
const orders = (ctx: RuleContext, applies: (o: Order) => boolean = () => true) => subjectsOf(ctx.orders, orderNo, applies);
const nonStandard = (o: Order) => o.productType === 'non_standard';

const SIGNOFF_OF: Readonly<Record<'sales' | 'finance' | 'operations', (o: Order) => string | null>> = {
  sales: (o) => o.signoffSales,
  finance: (o) => o.signoffFinance,
  operations: (o) => o.signoffOperations,
};

/**
 * Contract review (clause 5.3), rules O1–O10 of rules.md version 2. Each finding says exactly
 * what the record lacks: which review items, which sign-offs, which dates.
 */
export const ORDER_RULES: readonly DefinedRule[] = [
  defineRule({
    id: 'O1',
    dataset: 'orders',
    clause: '5.3.2.3',
    basis: 'procedure',
    severity: 'major',
    appliesTo: (ctx) => orders(ctx, nonStandard),
    check: (o, ctx) => (happened(o.reviewDate, ctx.asOf) === null ? { params: {} } : null),
  }),
  defineRule({
    id: 'O2',
    dataset: 'orders',
    clause: '5.3.2.4–5.3.2.5',
    basis: 'procedure',
    severity: 'major',
    appliesTo: (ctx) => orders(ctx, nonStandard),
    check: (o) => {
      const items = reviewItems(o);
      if (REVIEW_ITEMS.every((i) => items[i] === true)) return null;
      const params = { missing: REVIEW_ITEMS.filter((i) => items[i] === null), no: REVIEW_ITEMS.filter((i) => items[i] === false), gmDecision: o.gmDecision };
      // The general manager ruled on the order (5.3.2.7): a note naming the ruling, not a nonconformity.
      return o.gmDecision === null ? { params } : { params, severity: 'observation' };
    },
  }),
  defineRule({
    id: 'O3',
    dataset: 'orders',
    clause: '5.3.2.5',
    basis: 'procedure',
    severity: 'major',
    appliesTo: (ctx) => orders(ctx, nonStandard),
    check: (o, ctx) => {
      const review = happened(o.reviewDate, ctx.asOf);
      const signed = happened(o.signedDate, ctx.asOf);
      return signed !== null && (review === null || signed < review) ? { params: { signed, review } } : null;
    },
  }),
  defineRule({
    id: 'O4',
    dataset: 'orders',
    clause: '5.3.2.3',
    basis: 'procedure',
    severity: 'minor',
    appliesTo: (ctx) => orders(ctx, nonStandard),
    check: (o, ctx) => {
      const departments = ctx.config.departmentLists.reviewSignoffs.filter((d) => SIGNOFF_OF[d](o) === null);
      return departments.length > 0 ? { params: { departments } } : null;
    },
  }),
  defineRule({
    id: 'O5',
    dataset: 'orders',
    clause: '5.3.2.3',
    basis: 'procedure',
    severity: 'minor',
    appliesTo: (ctx) => orders(ctx, (o) => !nonStandard(o)),
    check: (o) => {
      const confirmed = isConfirmation(o.salesHeadConfirm);
      const otherSignoff = o.signoffFinance !== null || o.signoffOperations !== null;
      return confirmed && otherSignoff ? null : { params: { confirmed, otherSignoff, confirmText: o.salesHeadConfirm } };
    },
  }),
  defineRule({
    id: 'O6',
    dataset: 'orders',
    clause: '5.3.2.6–5.3.2.7',
    basis: 'procedure',
    severity: 'major',
    appliesTo: (ctx) => orders(ctx, (o) => o.dispute !== null),
    // Only a dispute left unsettled with the customer goes to the general manager (5.3.2.6–7).
    check: (o) =>
      o.dispute !== null && o.disputeAgreed !== true && o.gmDecision === null ? { params: { dispute: o.dispute, agreed: o.disputeAgreed } } : null,
  }),
  defineRule({
    id: 'O7',
    dataset: 'orders',
    clause: '5.3.4.1',
    basis: 'procedure',
    severity: 'minor',
    appliesTo: (ctx) => orders(ctx, (o) => happened(o.changeDate, ctx.asOf) !== null),
    check: (o, ctx) => (o.changeNotice === null ? { params: { changeDate: happened(o.changeDate, ctx.asOf) ?? '' } } : null),
  }),
  defineRule({
    id: 'O8',
    dataset: 'orders',
    clause: '5.3.4.3',
    basis: 'procedure',
    severity: 'minor',
    appliesTo: (ctx) => orders(ctx, (o) => happened(o.changeDate, ctx.asOf) !== null && reReviewRequired(o, ctx.config)),
    check: (o, ctx) => {
      const change = happened(o.changeDate, ctx.asOf) ?? '';
      const reReview = happened(o.reReviewDate, ctx.asOf);
      return reReview === null || reReview < change ? { params: { changeDate: change, reReviewDate: reReview } } : null;
    },
  }),
  defineRule({
    id: 'O9',
    dataset: 'orders',
    clause: '5.3.1',
    basis: 'procedure',
    severity: 'minor',
    // Without a log-number column the input cannot show whether an order was logged: not checked, not 100 findings.
    notChecked: (ctx) => (!ctx.input.datasets.orders ? 'no_data' : ctx.input.phoneLogColumn ? null : 'no_column'),
    appliesTo: (ctx) => orders(ctx, (o) => mustBeLogged(o, ctx.config)),
    check: (o) => (o.phoneLogNo === null ? { params: { source: o.source } } : null),
  }),
  defineRule({
    id: 'O10',
    dataset: 'orders',
    clause: '5.3.5.1',
    basis: 'procedure',
    severity: 'minor',
    appliesTo: (ctx) => orders(ctx, (o) => happened(o.cancelDate, ctx.asOf) !== null),
    check: (o, ctx) => (o.cancelNotice === null ? { params: { cancelDate: happened(o.cancelDate, ctx.asOf) ?? '' } } : null),
  }),
];

/** 5.3.4.3 re-reviews a changed order "必要时" (when needed); the config says which orders need it. */
function reReviewRequired(o: Order, config: Config): boolean {
  const which = config.orders.reReviewAfterChange;
  return which === 'all' || (which === 'non_standard' && nonStandard(o));
}

/** 5.3.1 names tenders, written and phone orders: every source by default, or the configured ones. */
function mustBeLogged(o: Order, config: Config): boolean {
  const sources = config.orders.logSources;
  return sources === 'all' || (o.source !== null && sources.includes(o.source));
}

/** Runs O1–O10 over orders alone (tests and tools), with a phone/fax log column unless told otherwise. */
export function checkOrderReview(list: readonly Order[], asOf: IsoDate, config: Config, phoneLogColumn = true): Finding[] {
  return runRuleSet(ORDER_RULES, {
    config,
    asOf,
    orders: list,
    input: { datasets: { orders: true, complaints: false, surveys: false, actions: false }, phoneLogColumn },
  });
}

export function reviewItems(order: Order): Record<ReviewItem, boolean | null> {
  return { a: order.itemA, b: order.itemB, c: order.itemC, d: order.itemD, e: order.itemE, f: order.itemF };
}

/**
 * The sales head's confirmation counts when it is a yes-value or a person's name; a no-value,
 * 待定 or 未确认 does not (input contract, "Settled details").
 */
export function isConfirmation(text: string | null): boolean {
  if (text === null || text.trim() === '') return false;
  const yesNo = yesNoOfText(text);
  if (yesNo !== null) return yesNo;
  return !NOT_CONFIRMED.has(text.trim());
}
