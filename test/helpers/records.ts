import type { Complaint, Order, SurveyResponse } from '../../src/model/records.js';
import type { Provenance } from '../../src/model/provenance.js';

let row = 1;
const provenance = (file: string): Provenance => ({ file, sheet: 'S', row: ++row, columns: {} });

/** A non-standard order whose review is complete in every respect; tests break one thing. */
export function makeOrder(overrides: Partial<Order> = {}): Order {
  return {
    kind: 'order',
    orderNo: 'SO-1',
    customer: '甲公司',
    product: '轴承座',
    productCode: null,
    quantity: 100,
    orderDate: '2025-03-03',
    source: 'written',
    productType: 'non_standard',
    dueDate: '2025-04-03',
    signedDate: '2025-03-05',
    reviewDate: '2025-03-04',
    itemA: true,
    itemB: true,
    itemC: true,
    itemD: true,
    itemE: true,
    itemF: true,
    signoffSales: '张伟',
    signoffFinance: '李娜',
    signoffOperations: '王强',
    salesHeadConfirm: null,
    dispute: null,
    disputeAgreed: null,
    gmDecision: null,
    changeDate: null,
    changeNotice: null,
    reReviewDate: null,
    delayConsent: null,
    cancelDate: null,
    cancelNotice: null,
    phoneLogNo: 'DH-1',
    remarks: null,
    provenance: provenance('orders.xlsx'),
    ...overrides,
  };
}

/** A complaint handled by the book, closed in time. */
export function makeComplaint(overrides: Partial<Complaint> = {}): Complaint {
  return {
    kind: 'complaint',
    complaintNo: 'KS-1',
    receivedAt: { date: '2025-03-03', time: '09:00:00' },
    customer: '甲公司',
    channel: 'phone',
    category: 'quality',
    categoryText: null,
    product: null,
    batchNo: null,
    quantityAffected: null,
    description: '尺寸超差',
    severity: 'normal',
    responsibility: 'ours',
    responsibleDept: '品质部',
    responsiblePerson: '王强',
    handler: '李娜',
    assignedAt: '2025-03-04',
    causeFoundAt: '2025-03-05',
    rootCause: '未首检',
    correctiveAction: '加严首检',
    capaNo: 'CAPA-1',
    firstReplyAt: { date: '2025-03-04', time: '10:00:00' },
    resolvedAt: '2025-03-10',
    customerNotifiedAt: '2025-03-11',
    closedAt: '2025-03-12',
    customerFeedback: '满意',
    returned: false,
    returnQty: null,
    escalated: null,
    verifiedBy: '周杰',
    verifiedAt: '2025-03-13',
    provenance: provenance('complaints.xlsx'),
    ...overrides,
  };
}

export function makeSurvey(overrides: Partial<SurveyResponse> = {}): SurveyResponse {
  return {
    kind: 'survey',
    period: '2025H2',
    customer: '甲公司',
    sentDate: '2025-12-01',
    returnedDate: '2025-12-10',
    scores: { quality: 90, service: 90, price: 90, delivery: 90 },
    overall: null,
    competitor: null,
    competitorScore: null,
    comments: null,
    respondent: null,
    returned: true,
    provenance: provenance('surveys.csv'),
    ...overrides,
  };
}
