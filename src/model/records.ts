import type { DateTime, IsoDate } from './dates.js';
import type { ActionStatus, ComplaintCategory, ComplaintChannel, OrderSource, ProductType, Responsibility, Severity } from './enums.js';
import type { Provenance } from './provenance.js';

/**
 * Records as read from the users' sheets. An optional value that was empty or unreadable is
 * null (an unreadable one is also an input error). Property names are the contract's ids in
 * camelCase.
 */

/** One order or contract (clause 5.3). */
export interface Order {
  readonly kind: 'order';
  readonly orderNo: string;
  readonly customer: string;
  readonly product: string;
  readonly productCode: string | null;
  readonly quantity: number | null;
  readonly orderDate: IsoDate;
  readonly source: OrderSource | null;
  readonly productType: ProductType;
  readonly dueDate: IsoDate | null;
  readonly signedDate: IsoDate | null;
  readonly reviewDate: IsoDate | null;
  /** Review items a–f of 5.3.2.4: true = confirmed, false = answered no, null = not given. */
  readonly itemA: boolean | null;
  readonly itemB: boolean | null;
  readonly itemC: boolean | null;
  readonly itemD: boolean | null;
  readonly itemE: boolean | null;
  readonly itemF: boolean | null;
  /** A name means signed. */
  readonly signoffSales: string | null;
  readonly signoffFinance: string | null;
  readonly signoffOperations: string | null;
  /** As written: a yes-value or a person's name confirms; see `isConfirmation`. */
  readonly salesHeadConfirm: string | null;
  readonly dispute: string | null;
  /** The dispute was settled with the customer (协商结果: 已与客户达成一致). */
  readonly disputeAgreed: boolean | null;
  readonly gmDecision: string | null;
  readonly changeDate: IsoDate | null;
  readonly changeNotice: string | null;
  readonly reReviewDate: IsoDate | null;
  readonly delayConsent: boolean | null;
  readonly cancelDate: IsoDate | null;
  readonly cancelNotice: string | null;
  readonly phoneLogNo: string | null;
  readonly remarks: string | null;
  /** Optional columns that fill the forms (null when the ledger has none). */
  readonly priceTerms: string | null;
  readonly packaging: string | null;
  readonly transport: string | null;
  readonly serviceRequirements: string | null;
  readonly specialRequirements: string | null;
  readonly standards: string | null;
  readonly legalRequirements: string | null;
  readonly signoffQa: string | null;
  /** As written, e.g. 接单 / 有条件接单 / 不接单. */
  readonly reviewConclusion: string | null;
  readonly contact: string | null;
  readonly contactPhone: string | null;
  readonly changeBefore: string | null;
  readonly changeAfter: string | null;
  readonly changeReason: string | null;
  readonly cancelReason: string | null;
  readonly customerReply: string | null;
  readonly provenance: Provenance;
}

/** One customer complaint (clause 5.8). */
export interface Complaint {
  readonly kind: 'complaint';
  readonly complaintNo: string;
  readonly receivedAt: DateTime;
  readonly customer: string;
  readonly channel: ComplaintChannel | null;
  /** One of the nine of the contract, or a company category id (config `vocabulary.categories`). */
  readonly category: ComplaintCategory;
  /**
   * The category as written when no label matched it (the complaint is then counted as "other"
   * and reports show 其他（<this>）); null when it was recognised.
   */
  readonly categoryText: string | null;
  readonly product: string | null;
  readonly batchNo: string | null;
  readonly quantityAffected: number | null;
  readonly description: string;
  /** "normal" when the cell is empty (the contract's default). */
  readonly severity: Severity;
  readonly responsibility: Responsibility | null;
  readonly responsibleDept: string | null;
  readonly responsiblePerson: string | null;
  readonly handler: string | null;
  readonly assignedAt: IsoDate | null;
  readonly causeFoundAt: IsoDate | null;
  readonly rootCause: string | null;
  readonly correctiveAction: string | null;
  readonly capaNo: string | null;
  readonly firstReplyAt: DateTime | null;
  readonly resolvedAt: IsoDate | null;
  readonly customerNotifiedAt: IsoDate | null;
  readonly closedAt: IsoDate | null;
  readonly customerFeedback: string | null;
  readonly returned: boolean | null;
  readonly returnQty: number | null;
  readonly escalated: boolean | null;
  readonly verifiedBy: string | null;
  readonly verifiedAt: IsoDate | null;
  /** Optional columns that fill the complaint record and the CAPA report (null when absent). */
  readonly orderNo: string | null;
  readonly contact: string | null;
  readonly contactPhone: string | null;
  readonly customerRequest: string | null;
  readonly containment: string | null;
  readonly preventiveAction: string | null;
  readonly actionDue: IsoDate | null;
  readonly capaTeam: string | null;
  readonly returnReason: string | null;
  readonly inspectionResult: string | null;
  readonly disposal: string | null;
  readonly replyMethod: string | null;
  readonly customerAccepted: boolean | null;
  readonly docRevision: string | null;
  readonly verificationResult: string | null;
  readonly verificationEffective: boolean | null;
  readonly provenance: Provenance;
}

/** One survey sent to one customer in one period (clauses 5.6–5.7). */
export interface SurveyResponse {
  readonly kind: 'survey';
  /** Normalised label, e.g. "2025H2". */
  readonly period: string;
  readonly customer: string;
  readonly sentDate: IsoDate | null;
  readonly returnedDate: IsoDate | null;
  /** Dimension id → score 0–100, only the dimensions given. Empty when a score was out of range. */
  readonly scores: Readonly<Record<string, number>>;
  /** The sheet's overall score when given (and in range). */
  readonly overall: number | null;
  readonly competitor: string | null;
  readonly competitorScore: number | null;
  readonly comments: string | null;
  readonly respondent: string | null;
  /** Has a returned date or any score cell filled in (the contract's "returned"). */
  readonly returned: boolean;
  readonly provenance: Provenance;
}

/**
 * Where an action comes from. A record number (complaint or CAPA) is told apart later, against
 * the complaints read: see resolveActionSource.
 */
export type ActionSource =
  | { readonly kind: 'meeting' /** YYYY-MM of the monthly meeting. */; readonly month: string }
  | { readonly kind: 'management_review' /** YYYY of the review. */; readonly year: string }
  | { readonly kind: 'audit'; readonly ref: string | null }
  | { readonly kind: 'record' /** A complaint number or a CAPA number, as written. */; readonly ref: string };

/** One line of the actions register (措施跟踪表). */
export interface ActionItem {
  readonly kind: 'action';
  readonly actionNo: string;
  readonly source: ActionSource;
  readonly action: string;
  readonly owner: string | null;
  readonly department: string | null;
  readonly decidedOn: IsoDate | null;
  readonly due: IsoDate | null;
  readonly status: ActionStatus | null;
  /** The day it was done, or cancelled. */
  readonly doneOn: IsoDate | null;
  readonly verifiedBy: string | null;
  readonly result: string | null;
  readonly provenance: Provenance;
}

export type DataRecord = Order | Complaint | SurveyResponse | ActionItem;
