import { yesNoOfText } from '../text/yes-no.js';
import { REVIEW_ITEMS, type ReviewItem } from '../model/fields.js';
import type { Finding } from '../model/finding.js';
import type { Order } from '../model/records.js';
import { happened } from './as-of.js';
import { makeFinding } from './make-finding.js';

/** Words that leave a confirmation open even though the cell is not empty. */
const NOT_CONFIRMED = new Set(['待定', '未确认', '待确认']);

/** Orders that exist on the as-of date: received on or before it. */
export function ordersInScope(orders: readonly Order[], asOf: string): Order[] {
  return orders.filter((o) => o.orderDate <= asOf);
}

/**
 * Contract-review completeness (clause 5.3), rules O1–O10, for orders in scope. Each finding
 * says exactly what is missing: which review items, which sign-offs, which dates.
 */
export function checkOrderReview(orders: readonly Order[], asOf: string): Finding[] {
  const findings: Finding[] = [];
  const add = (order: Order, rule: Parameters<typeof makeFinding>[0], params: Parameters<typeof makeFinding>[3] = NO_PARAMS) =>
    findings.push(makeFinding(rule, order.orderNo, order.provenance, params));
  for (const order of orders) {
    const review = happened(order.reviewDate, asOf);
    const signed = happened(order.signedDate, asOf);
    if (order.productType === 'non_standard') {
      if (review === null) add(order, 'O1');
      if (!(order.itemA && order.itemB && order.itemC && order.itemD && order.itemE && order.itemF)) {
        const items = reviewItems(order);
        add(order, 'O2', { missing: REVIEW_ITEMS.filter((i) => items[i] === null), no: REVIEW_ITEMS.filter((i) => items[i] === false) });
      }
      if (signed !== null && (review === null || signed < review)) add(order, 'O3', { signed, review });
      if (order.signoffSales === null || order.signoffFinance === null || order.signoffOperations === null) {
        const unsigned = [
          ...(order.signoffSales === null ? ['sales'] : []),
          ...(order.signoffFinance === null ? ['finance'] : []),
          ...(order.signoffOperations === null ? ['operations'] : []),
        ];
        add(order, 'O4', { departments: unsigned });
      }
    } else {
      const confirmed = isConfirmation(order.salesHeadConfirm);
      const otherSignoff = order.signoffFinance !== null || order.signoffOperations !== null;
      if (!confirmed || !otherSignoff) add(order, 'O5', { confirmed, otherSignoff, confirmText: order.salesHeadConfirm });
    }
    if (order.dispute !== null && order.gmDecision === null) add(order, 'O6', { dispute: order.dispute });
    const change = happened(order.changeDate, asOf);
    if (change !== null) {
      if (order.changeNotice === null) add(order, 'O7', { changeDate: change });
      const reReview = happened(order.reReviewDate, asOf);
      if (reReview === null || reReview < change) add(order, 'O8', { changeDate: change, reReviewDate: reReview });
    }
    if ((order.source === 'phone' || order.source === 'fax') && order.phoneLogNo === null) add(order, 'O9', { source: order.source });
    const cancel = happened(order.cancelDate, asOf);
    if (cancel !== null && order.cancelNotice === null) add(order, 'O10', { cancelDate: cancel });
  }
  return findings;
}

const NO_PARAMS = Object.freeze({});

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
