import { describe, expect, it } from 'vitest';
import { checkOrderReview, isConfirmation } from '../../src/validate/check-orders.js';
import { findingFormatter } from '../../src/issues/finding-messages.js';
import type { Order } from '../../src/model/records.js';
import { makeOrder } from '../helpers/records.js';
import { reviewIncompleteOrders } from '../../src/validate/review-completeness.js';
import { testConfig } from '../helpers/fixtures.js';

const AS_OF = '2025-12-31';
const config = testConfig();
const rulesOf = (order: Order, c = config) => checkOrderReview([order], AS_OF, c).map((f) => f.rule);
const zh = findingFormatter(config, 'zh');
const only = (order: Order) => {
  const findings = checkOrderReview([order], AS_OF, config);
  expect(findings).toHaveLength(1);
  return { ...findings[0]!, message: zh(findings[0]!) };
};
const standard = (o: Partial<Order> = {}) =>
  makeOrder({
    phoneLogNo: 'DH-0',
    productType: 'standard',
    reviewDate: null,
    itemA: null,
    itemB: null,
    itemC: null,
    itemD: null,
    itemE: null,
    itemF: null,
    signoffFinance: null,
    salesHeadConfirm: '张伟',
    ...o,
  });

describe('contract review rules O1–O10', () => {
  it('finds nothing in a complete non-standard review or a confirmed standard order', () => {
    expect(rulesOf(makeOrder())).toEqual([]);
    expect(rulesOf(standard())).toEqual([]);
  });

  it('O1: a non-standard order without a review date (and O3 when it was signed)', () => {
    expect(rulesOf(makeOrder({ reviewDate: null }))).toEqual(['O1', 'O3']);
    expect(rulesOf(makeOrder({ reviewDate: null, signedDate: null }))).toEqual(['O1']);
    expect(rulesOf(standard({ reviewDate: null }))).toEqual([]);
  });

  it('O2: lists which review items are answered no and which are empty', () => {
    const f = only(makeOrder({ itemC: false, itemE: null }));
    expect(f).toMatchObject({
      rule: 'O2',
      clause: '5.3.2.4–5.3.2.5',
      basis: 'procedure',
      severity: 'major',
      limit: null,
      record: 'SO-1',
      params: { missing: ['e'], no: ['c'] },
    });
    expect(f.message).toBe('评审项目未全部确认：c 采购能力满足（否）、e 特殊要求可满足（未填）；六项确认后方可签订');
  });

  it('O2 after a ruling of the general manager: an observation naming the ruling, and the review counts as complete', () => {
    const f = only(makeOrder({ itemD: false, gmDecision: '同意按客户交期生产' }));
    expect(f).toMatchObject({ rule: 'O2', severity: 'observation', params: { no: ['d'], gmDecision: '同意按客户交期生产' } });
    expect(f.message).toBe('评审项目未全部确认：d 交期可满足（否）；已有总经理裁决“同意按客户交期生产”（5.3.2.7），请核对裁决是否覆盖未确认项目');
    expect(reviewIncompleteOrders(checkOrderReview([makeOrder({ itemD: false, gmDecision: '同意' })], AS_OF, config)).size).toBe(0);
    expect(reviewIncompleteOrders(checkOrderReview([makeOrder({ itemD: false })], AS_OF, config)).size).toBe(1);
  });

  it('O3: signed before the review; signing on the review day is fine', () => {
    const f = only(makeOrder({ signedDate: '2025-03-03', reviewDate: '2025-03-04' }));
    expect(f).toMatchObject({ rule: 'O3', clause: '5.3.2.5', severity: 'major', params: { signed: '2025-03-03', review: '2025-03-04' } });
    expect(f.message).toBe('签订日期 2025-03-03 早于评审日期 2025-03-04：先签订后评审；应评审后方可签订');
    expect(rulesOf(makeOrder({ signedDate: '2025-03-04', reviewDate: '2025-03-04' }))).toEqual([]);
  });

  it('O3 treats a review dated after the as-of date as not yet done', () => {
    expect(checkOrderReview([makeOrder({ reviewDate: '2026-01-05', signedDate: '2025-12-20' })], AS_OF, config).map((f) => f.rule)).toEqual(['O1', 'O3']);
  });

  it('O4: names the departments that did not sign', () => {
    const f = only(makeOrder({ signoffFinance: null, signoffOperations: null }));
    expect(f).toMatchObject({ rule: 'O4', severity: 'minor', params: { departments: ['finance', 'operations'] } });
    expect(f.message).toBe('评审表缺少部门会签：行政财务部、业务部');
  });

  it("O5: a standard order needs the sales head's confirmation and a sign-off besides sales", () => {
    expect(only(standard({ salesHeadConfirm: '待定' })).message).toBe('供销部负责人未确认（“待定”）；标准产品订单应由供销部负责人确认、相关部门负责人会签');
    expect(only(standard({ salesHeadConfirm: '×' })).rule).toBe('O5');
    expect(only(standard({ salesHeadConfirm: null, signoffOperations: null })).message).toBe(
      '供销部负责人未确认；没有供销部以外的部门签字；标准产品订单应由供销部负责人确认、相关部门负责人会签',
    );
    expect(rulesOf(standard({ salesHeadConfirm: '√' }))).toEqual([]);
    expect(rulesOf(standard({ signoffOperations: null, signoffFinance: '李娜' }))).toEqual([]);
  });

  it("reads the sales head's confirmation as the contract settles it", () => {
    expect(['是', 'Y', '√', '张伟'].map(isConfirmation)).toEqual([true, true, true, true]);
    expect(['否', 'N', '×', '待定', '未确认', ' ', null].map(isConfirmation)).toEqual([false, false, false, false, false, false, false]);
  });

  it('O6: a dispute neither agreed with the customer nor ruled on by the general manager, on any order', () => {
    const f = only(standard({ dispute: '交期', disputeAgreed: false }));
    expect(f).toMatchObject({ rule: 'O6', clause: '5.3.2.6–5.3.2.7', basis: 'procedure', severity: 'major' });
    expect(f.message).toBe('评审异议“交期”未与客户达成一致，也没有总经理裁决记录；未解决的异议应由总经理决定并记录');
    expect(only(standard({ dispute: '交期' })).message).toBe('评审异议“交期”没有与客户达成一致的记录，也没有总经理裁决记录；未解决的异议应由总经理决定并记录');
    expect(rulesOf(standard({ dispute: '交期', gmDecision: '同意' }))).toEqual([]);
    expect(rulesOf(standard({ dispute: '交期', disputeAgreed: true }))).toEqual([]);
  });

  it('O7 and O8: a change needs a liaison sheet and a re-review on or after the change', () => {
    expect(rulesOf(makeOrder({ changeDate: '2025-04-01', changeNotice: 'LL-1', reReviewDate: '2025-04-01' }))).toEqual([]);
    expect(rulesOf(makeOrder({ changeDate: '2025-04-01', changeNotice: null, reReviewDate: '2025-04-02' }))).toEqual(['O7']);
    const late = only(makeOrder({ changeDate: '2025-04-01', changeNotice: 'LL-1', reReviewDate: '2025-03-30' }));
    expect(late).toMatchObject({ rule: 'O8', clause: '5.3.4.3', params: { changeDate: '2025-04-01', reReviewDate: '2025-03-30' } });
    expect(rulesOf(makeOrder({ changeDate: '2025-04-01', changeNotice: 'LL-1' }))).toEqual(['O8']);
  });

  it('O8 follows orders.reReviewAfterChange ("必要时"): non-standard by default, or all, or none', () => {
    const changed = (o: Partial<Order>) => ({ changeDate: '2025-04-01', changeNotice: 'LL-1', ...o });
    expect(rulesOf(standard(changed({})))).toEqual([]);
    expect(rulesOf(standard(changed({})), testConfig({ orders: { reReviewAfterChange: 'all' } }))).toEqual(['O8']);
    expect(rulesOf(makeOrder(changed({})), testConfig({ orders: { reReviewAfterChange: 'none' } }))).toEqual([]);
  });

  it('O9: every order (5.3.1 names tenders, written and phone orders) needs its log number, or the configured sources', () => {
    expect(only(makeOrder({ source: 'fax', phoneLogNo: null })).message).toBe('传真订单没有电话传真记录编号：未见登记于《电话传真收发记录表》');
    expect(only(makeOrder({ source: 'tender', phoneLogNo: null }))).toMatchObject({ rule: 'O9', clause: '5.3.1', severity: 'minor' });
    expect(rulesOf(makeOrder({ source: 'phone', phoneLogNo: 'DH-1' }))).toEqual([]);
    expect(rulesOf(makeOrder({ source: 'email', phoneLogNo: null }))).toEqual(['O9']);
    const phoneAndFax = testConfig({ orders: { logSources: ['phone', 'fax'] } });
    expect(rulesOf(makeOrder({ source: 'email', phoneLogNo: null }), phoneAndFax)).toEqual([]);
    expect(rulesOf(makeOrder({ source: 'phone', phoneLogNo: null }), phoneAndFax)).toEqual(['O9']);
  });

  it('O9 is not applied when no orders sheet has a phone/fax log column, and never counts against review completeness', () => {
    expect(checkOrderReview([makeOrder({ source: 'phone', phoneLogNo: null })], AS_OF, config, false)).toEqual([]);
    expect(reviewIncompleteOrders(checkOrderReview([makeOrder({ source: 'phone', phoneLogNo: null })], AS_OF, config)).size).toBe(0);
  });

  it('O10: a cancellation needs its liaison sheet', () => {
    expect(only(makeOrder({ cancelDate: '2025-05-01' }))).toMatchObject({
      rule: 'O10',
      clause: '5.3.5.1',
      severity: 'minor',
      params: { cancelDate: '2025-05-01' },
    });
    expect(rulesOf(makeOrder({ cancelDate: '2025-05-01', cancelNotice: 'LL-9' }))).toEqual([]);
  });

  it('every finding carries the record id and where it is', () => {
    const order = makeOrder({ reviewDate: null, signedDate: null });
    expect(checkOrderReview([order], AS_OF, config)[0]!.location).toEqual({ file: 'orders.xlsx', sheet: 'S', row: order.provenance.row });
  });
});
