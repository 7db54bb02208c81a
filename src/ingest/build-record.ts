import type { DateTime, IsoDate } from '../model/dates.js';
import type { ActionStatus, ComplaintCategory, ComplaintChannel, OrderSource, ProductType, Responsibility, Severity } from '../model/enums.js';
import type { ComplaintFieldId, DatasetId, OrderFieldId } from '../model/fields.js';
import type { Provenance } from '../model/provenance.js';
import type { ActionItem, Complaint, DataRecord, Order, SurveyResponse } from '../model/records.js';
import { actionSourceOf } from './values/parse-action-source.js';
import type { FieldValue } from './read-field.js';
import { UnmappedLabel } from './values/parse-enum.js';

/**
 * The values read from one row, in column order, with typed access by field id: a builder reads
 * through `RowValues<OrderFieldId>`, so a misspelt id ('itemf') does not compile. An absent value
 * (empty or unreadable) reads as null; required values are known present when a builder runs.
 */
export class RowValues<Id extends string = string> {
  constructor(
    /** Field id → position in `values`; shared by all rows of a sheet. */
    private readonly slots: Readonly<Record<string, number>>,
    readonly values: (FieldValue | undefined)[],
  ) {}
  private get(id: Id): FieldValue | undefined {
    const slot = this.slots[id];
    return slot === undefined ? undefined : this.values[slot];
  }
  text(id: Id): string | null {
    const v = this.get(id);
    return typeof v === 'string' ? v : null;
  }
  required(id: Id): string {
    return this.text(id) ?? '';
  }
  date(id: Id): IsoDate | null {
    return this.text(id);
  }
  dateTime(id: Id): DateTime | null {
    const v = this.get(id);
    return typeof v === 'object' && !(v instanceof UnmappedLabel) ? v : null;
  }
  number(id: Id): number | null {
    const v = this.get(id);
    return typeof v === 'number' ? v : null;
  }
  yesNo(id: Id): boolean | null {
    const v = this.get(id);
    return typeof v === 'boolean' ? v : null;
  }
  /** The enumeration id; for a label nobody defined, the id it is kept as ("other"). */
  enumValue<T extends string>(id: Id): T | null {
    const v = this.get(id);
    return (v instanceof UnmappedLabel ? v.id : this.text(id)) as T | null;
  }
  /** The label as written when it was not recognised; null when it was (or was empty). */
  unmappedLabel(id: Id): string | null {
    const v = this.get(id);
    return v instanceof UnmappedLabel ? v.label : null;
  }
}

export function buildOrder(v: RowValues<OrderFieldId>, provenance: Provenance): Order {
  return {
    kind: 'order',
    orderNo: v.required('order_no'),
    customer: v.required('customer'),
    product: v.required('product'),
    productCode: v.text('product_code'),
    quantity: v.number('quantity'),
    orderDate: v.required('order_date'),
    source: v.enumValue<OrderSource>('source'),
    productType: v.enumValue<ProductType>('product_type') ?? 'standard',
    dueDate: v.date('due_date'),
    signedDate: v.date('signed_date'),
    reviewDate: v.date('review_date'),
    itemA: v.yesNo('item_a'),
    itemB: v.yesNo('item_b'),
    itemC: v.yesNo('item_c'),
    itemD: v.yesNo('item_d'),
    itemE: v.yesNo('item_e'),
    itemF: v.yesNo('item_f'),
    signoffSales: v.text('signoff_sales'),
    signoffFinance: v.text('signoff_finance'),
    signoffOperations: v.text('signoff_operations'),
    salesHeadConfirm: v.text('sales_head_confirm'),
    dispute: v.text('dispute'),
    disputeAgreed: v.yesNo('dispute_agreed'),
    gmDecision: v.text('gm_decision'),
    changeDate: v.date('change_date'),
    changeNotice: v.text('change_notice'),
    reReviewDate: v.date('re_review_date'),
    delayConsent: v.yesNo('delay_consent'),
    cancelDate: v.date('cancel_date'),
    cancelNotice: v.text('cancel_notice'),
    phoneLogNo: v.text('phone_log_no'),
    remarks: v.text('remarks'),
    priceTerms: v.text('price_terms'),
    packaging: v.text('packaging'),
    transport: v.text('transport'),
    serviceRequirements: v.text('service_requirements'),
    specialRequirements: v.text('special_requirements'),
    standards: v.text('standards'),
    legalRequirements: v.text('legal_requirements'),
    signoffQa: v.text('signoff_qa'),
    reviewConclusion: v.text('review_conclusion'),
    contact: v.text('contact'),
    contactPhone: v.text('contact_phone'),
    changeBefore: v.text('change_before'),
    changeAfter: v.text('change_after'),
    changeReason: v.text('change_reason'),
    cancelReason: v.text('cancel_reason'),
    customerReply: v.text('customer_reply'),
    provenance,
  };
}

export function buildComplaint(v: RowValues<ComplaintFieldId>, provenance: Provenance): Complaint {
  return {
    kind: 'complaint',
    complaintNo: v.required('complaint_no'),
    receivedAt: v.dateTime('received_at') ?? { date: '', time: null },
    customer: v.required('customer'),
    channel: v.enumValue<ComplaintChannel>('channel'),
    category: v.enumValue<ComplaintCategory>('category') ?? 'other',
    categoryText: v.unmappedLabel('category'),
    product: v.text('product'),
    batchNo: v.text('batch_no'),
    quantityAffected: v.number('quantity_affected'),
    description: v.required('description'),
    severity: v.enumValue<Severity>('severity') ?? 'normal',
    responsibility: v.enumValue<Responsibility>('responsibility'),
    responsibleDept: v.text('responsible_dept'),
    responsiblePerson: v.text('responsible_person'),
    handler: v.text('handler'),
    assignedAt: v.date('assigned_at'),
    causeFoundAt: v.date('cause_found_at'),
    rootCause: v.text('root_cause'),
    correctiveAction: v.text('corrective_action'),
    capaNo: v.text('capa_no'),
    firstReplyAt: v.dateTime('first_reply_at'),
    resolvedAt: v.date('resolved_at'),
    customerNotifiedAt: v.date('customer_notified_at'),
    closedAt: v.date('closed_at'),
    customerFeedback: v.text('customer_feedback'),
    returned: v.yesNo('returned'),
    returnQty: v.number('return_qty'),
    escalated: v.yesNo('escalated'),
    verifiedBy: v.text('verified_by'),
    verifiedAt: v.date('verified_at'),
    orderNo: v.text('order_no'),
    contact: v.text('contact'),
    contactPhone: v.text('contact_phone'),
    customerRequest: v.text('customer_request'),
    containment: v.text('containment'),
    preventiveAction: v.text('preventive_action'),
    actionDue: v.date('action_due'),
    capaTeam: v.text('capa_team'),
    returnReason: v.text('return_reason'),
    inspectionResult: v.text('inspection_result'),
    disposal: v.text('disposal'),
    replyMethod: v.text('reply_method'),
    customerAccepted: v.yesNo('customer_accepted'),
    docRevision: v.text('doc_revision'),
    verificationResult: v.text('verification_result'),
    verificationEffective: v.yesNo('verification_effective'),
    provenance,
  };
}

/**
 * @param dimensionIds the configured dimensions, whose scores go into `scores`
 * @param scoresUsable false when a score of the row was out of range: none of its scores count
 * @param anyScoreGiven a score cell was filled in, readable or not (the row was returned)
 */
export function buildSurveyResponse(
  v: RowValues,
  provenance: Provenance,
  dimensionIds: readonly string[],
  scoresUsable: boolean,
  anyScoreGiven: boolean,
): SurveyResponse {
  const scores: Record<string, number> = {};
  if (scoresUsable) {
    for (const id of dimensionIds) {
      const score = v.number(id);
      if (score !== null) scores[id] = score;
    }
  }
  const returnedDate = v.date('returned_date');
  return {
    kind: 'survey',
    period: v.required('period'),
    customer: v.required('customer'),
    sentDate: v.date('sent_date'),
    returnedDate,
    scores,
    overall: scoresUsable ? v.number('overall') : null,
    competitor: v.text('competitor'),
    competitorScore: v.number('competitor_score'),
    comments: v.text('comments'),
    respondent: v.text('respondent'),
    returned: returnedDate !== null || anyScoreGiven,
    provenance,
  };
}

export function buildAction(v: RowValues, provenance: Provenance): ActionItem {
  return {
    kind: 'action',
    actionNo: v.required('action_no'),
    source: actionSourceOf(v.required('source')),
    action: v.required('action'),
    owner: v.text('owner'),
    department: v.text('department'),
    decidedOn: v.date('decided_on'),
    due: v.date('due'),
    status: v.enumValue<ActionStatus>('status'),
    doneOn: v.date('done_on'),
    verifiedBy: v.text('verified_by'),
    result: v.text('result'),
    provenance,
  };
}

/** The value that must be unique within a dataset (surveys: customer and period together). */
export function recordKey(record: DataRecord): string {
  switch (record.kind) {
    case 'order':
      return record.orderNo;
    case 'complaint':
      return record.complaintNo;
    case 'survey':
      return `${record.customer}\u0000${record.period}`;
    case 'action':
      return record.actionNo;
  }
}

/** Human-readable id of a record for findings and messages. */
export function recordLabel(record: DataRecord): string {
  return record.kind === 'survey' ? `${record.customer} ${record.period}` : recordKey(record);
}

export type RecordOf<D extends DatasetId> = D extends 'orders' ? Order : D extends 'complaints' ? Complaint : D extends 'actions' ? ActionItem : SurveyResponse;
