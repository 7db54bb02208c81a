import type { CustomersSummary } from './customer-histories.js';
import type { DatasetId } from './fields.js';
import type { FindingBasis, FindingSeverity, LimitUnit, RuleId } from './finding.js';
import type { InputErrorCode, InputErrorLevel } from './input-error.js';

/**
 * summary.json, schemaVersion 2 (rules version 2; docs/summary-json.md). Keys beyond the contract
 * are extensions; a documented key changes only with a new schemaVersion.
 */
export interface Summary {
  readonly schemaVersion: 2;
  readonly asOf: string;
  /** Extension: language of the messages. */
  readonly lang: 'zh' | 'en';
  readonly inputs: readonly SummaryInput[];
  readonly inputErrors: readonly SummaryInputError[];
  readonly orders: OrdersSummary;
  readonly complaints: ComplaintsSummary;
  readonly satisfaction: SatisfactionSummary;
  /** Extension: the actions register (措施跟踪表) on the as-of date; zeros without one. */
  readonly actions: ActionsSummary;
  readonly findings: readonly SummaryFinding[];
  /** Extension: sheets and files that were not read, and why. */
  readonly skipped: readonly { readonly file: string; readonly sheet: string | null; readonly reason: string }[];
  /** Extension: the management review's figures for the review year (the as-of date's calendar year). */
  readonly review: ReviewSummary;
  /** Extension: what each rule checked and how many records had a gap (the audit pack). */
  readonly checks: readonly SummaryCheck[];
  /** Extension: run-level warnings (e.g. calendar years without official holiday data). */
  readonly warnings: readonly { readonly code: string; readonly years: readonly number[]; readonly message: string }[];
  /** Extension: each customer's orders, complaints and survey answers joined, by attention score (the customer histories). */
  readonly customers: CustomersSummary;
}

/** Extension: one rule in a run: its definition, what it applied to and how many records had a gap. */
export interface SummaryCheck {
  readonly rule: RuleId;
  readonly clause: string | null;
  readonly basis: FindingBasis;
  readonly severity: FindingSeverity;
  readonly dataset: DatasetId;
  /** The company limit or objective the rule measures against; null for procedure and data rules. */
  readonly limit: SummaryLimit | null;
  /**
   * Null when the rule was applied; otherwise why not: "no_data" (the input holds no file of its
   * dataset) or "no_column" (no orders sheet has the phone/fax log number column, rule O9).
   */
  readonly notChecked: 'no_data' | 'no_column' | null;
  readonly checked: number;
  readonly gaps: number;
}

/**
 * A company limit or objective: `{ "key": "complaints.limits.close", "value": 18, "unit": "workingDays", "source": "公司设定" }`;
 * for an action's own due date (rule A1) `{ "key": "actions.due", "value": "2025-10-31", "unit": "date", "source": "措施跟踪表第 36 行" }`.
 */
export type SummaryLimit =
  | { readonly key: string; readonly value: number; readonly unit: Exclude<LimitUnit, 'date'>; readonly source: string }
  | { readonly key: string; readonly value: string; readonly unit: 'date'; readonly source: string };

export interface SummaryInput {
  readonly dataset: DatasetId;
  readonly file: string;
  readonly sheet: string | null;
  readonly rowsRead: number;
  readonly rowsAccepted: number;
  readonly rowsRejected: number;
  readonly sha256: string;
  /** Extension: 1-based header row. */
  readonly headerRow: number;
}

export interface SummaryInputError {
  readonly dataset: DatasetId | null;
  readonly file: string;
  readonly sheet: string | null;
  readonly row: number | null;
  readonly column: string | null;
  readonly value: string | null;
  readonly level: InputErrorLevel;
  readonly rejected: boolean;
  readonly message: string;
  /** Extensions: the error code and the column letter. */
  readonly code: InputErrorCode;
  readonly columnLetter: string | null;
}

export interface OrdersSummary {
  readonly total: number;
  readonly standard: number;
  readonly nonStandard: number;
  readonly reviewComplete: number;
  readonly reviewIncomplete: number;
  readonly signedBeforeReview: number;
  readonly changedNotReReviewed: number;
  /** Orders with rule O9 (not in the phone/fax log, 5.3.1); counted apart from review completeness. */
  readonly notLogged: number;
}

export interface ComplaintsSummary {
  readonly total: number;
  readonly open: number;
  readonly closed: number;
  readonly major: number;
  readonly byMonth: Readonly<Record<string, number>>;
  readonly byCategory: Readonly<Record<string, number>>;
  readonly overdue: number;
  readonly firstReplyWithin72h: number;
  readonly firstReplyLate: number;
  readonly firstReplyMissing: number;
  readonly majorNotEscalated: number;
}

export interface ActionsSummary {
  /** Actions decided on or before the as-of date. */
  readonly total: number;
  /** Neither done nor cancelled on the as-of date. */
  readonly open: number;
  /** Open past their own due date (rules A1 and A3). */
  readonly overdue: number;
  /** Done after their due date. */
  readonly doneLate: number;
  /** Actions of a CAPA done without a verifier (rule A2). */
  readonly capaDoneNotVerified: number;
  /** not_started, in_progress, done, cancelled; "none": no status recorded and not done. */
  readonly byStatus: Readonly<Record<string, number>>;
  /** meeting, management_review, audit, complaint, capa, other. */
  readonly bySource: Readonly<Record<string, number>>;
  /** The actions of the previous year's management review (source management_review:<year − 1>), ISO 9001 9.3.2 a. */
  readonly previousReview: { readonly year: string; readonly items: readonly PreviousReviewAction[] };
}

export interface PreviousReviewAction {
  readonly actionNo: string;
  readonly action: string;
  readonly owner: string | null;
  readonly department: string | null;
  readonly due: string | null;
  /** On the as-of date; null: no status recorded. */
  readonly status: string | null;
  readonly doneOn: string | null;
  readonly verifiedBy: string | null;
  readonly overdue: boolean;
  readonly workingDaysOverdue: number | null;
  /** Done after its due date (on or before the as-of date). */
  readonly doneLate: boolean;
}

export interface SatisfactionSummary {
  /** Null when there is no survey data. */
  readonly period: string | null;
  readonly previousPeriod: string | null;
  readonly sent: number;
  readonly returned: number;
  /** Null when nothing was sent. */
  readonly responseRate: number | null;
  /** Null when no scored response was returned. */
  readonly mean: number | null;
  readonly median: number | null;
  /** Sample standard deviation; null below two responses. */
  readonly stdev: number | null;
  readonly bands: Readonly<Record<string, number>>;
  /** Dimension id → mean; null when no response gave it. */
  readonly dimensions: Readonly<Record<string, number | null>>;
  readonly previousMean: number | null;
  readonly deltaMean: number | null;
  readonly periods: readonly { readonly period: string; readonly sent: number; readonly returned: number; readonly mean: number | null }[];
}

export interface SummaryFinding {
  readonly rule: RuleId;
  /** Null for basis data and objective. */
  readonly clause: string | null;
  readonly basis: FindingBasis;
  readonly severity: FindingSeverity;
  /** For company_limit and objective findings. */
  readonly limit: SummaryLimit | null;
  readonly dataset: DatasetId;
  readonly record: string;
  readonly file: string | null;
  readonly row: number | null;
  readonly message: string;
  /** Extension: sheet name (null for CSV or period-level findings). */
  readonly sheet: string | null;
}

/** On time / late counts of one handling stage; stages not recorded or still inside their limit are not counted. */
export interface MilestoneTally {
  readonly onTime: number;
  readonly late: number;
}

export interface ReviewSummary {
  /** The review year, e.g. "2025"; figures cover `from` (1 January) to `to` (the as-of date). */
  readonly year: string;
  readonly from: string;
  readonly to: string;
  readonly orders: {
    readonly total: number;
    readonly reviewComplete: number;
    readonly reviewIncomplete: number;
    /** Null without orders. */
    readonly completenessRate: number | null;
    /** By order month, January to the as-of month, zeros included. */
    readonly byMonth: Readonly<Record<string, { readonly total: number; readonly reviewComplete: number }>>;
  };
  readonly complaints: {
    readonly total: number;
    readonly open: number;
    readonly closed: number;
    readonly overdue: number;
    readonly major: number;
    readonly majorEscalated: number;
    readonly returned: number;
    readonly returnQuantity: number;
    /** Complaints repeating an earlier one (same customer or product, same category, within the window). */
    readonly repeats: number;
    readonly byMonth: Readonly<Record<string, number>>;
    readonly byCategory: Readonly<Record<string, number>>;
    /** assign ≤ 1, cause ≤ 3, notify ≤ 2, close ≤ 18 working days; first reply ≤ 72 h. */
    readonly onTime: Readonly<Record<'assign' | 'cause' | 'notify' | 'close' | 'firstReply', MilestoneTally>>;
  };
  /** Corrective actions of the year's complaints, counted by CAPA number. */
  readonly capa: {
    /** Complaints whose responsibility is ours (each needs a corrective action, rule C8). */
    readonly required: number;
    /** Distinct CAPA numbers. */
    readonly raised: number;
    /** CAPA numbers whose complaints are all closed and verified. */
    readonly verified: number;
    readonly open: number;
    /** Complaints with rule C8: ours with neither a corrective action nor a CAPA number, or major and ours without a CAPA number. */
    readonly missing: number;
    /** CAPA requests from the satisfaction survey of the current period (findings S1–S4; see capa-requests.ts). */
    readonly satisfactionRequests: number;
  };
  readonly objectives: readonly {
    readonly metric: string;
    readonly label: string;
    readonly target: number;
    /** Where the objective is set (config; default 公司设定), in the run's language. */
    readonly source: string;
    readonly direction: 'atLeast' | 'atMost';
    /** Null: no data to judge. */
    readonly actual: number | null;
    readonly met: boolean | null;
  }[];
}
