import type { DateTime, IsoDate } from './dates.js';
import type {
  ComplaintCategory,
  ComplaintChannel,
  OrderSource,
  ProductType,
  Responsibility,
  Severity,
} from './enums.js';
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

export type DataRecord = Order | Complaint | SurveyResponse;
