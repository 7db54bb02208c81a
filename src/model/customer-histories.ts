/**
 * summary.json `customers` (extension): one customer's orders, complaints and survey answers
 * joined, with the attention score the customer histories are sorted by. Kept apart from
 * summary.ts so the block's shape is read in one place.
 */

/** What earns attention points, in the order the method note lists them. */
export const ATTENTION_REASONS = ['complaint', 'open', 'major', 'repeat', 'return', 'reviewGap', 'noAnswer', 'falling', 'unsatisfied'] as const;
export type AttentionReason = (typeof ATTENTION_REASONS)[number];

/** The customer's answer to one survey period (a customer sent the survey twice counts once: the returned one). */
export interface CustomerSurvey {
  readonly period: string;
  readonly returned: boolean;
  /** The score the satisfaction report used (the sheet's overall, else the weighted item mean); null when not returned or not scored. */
  readonly overall: number | null;
  /** Dimension id → score; null when not given. */
  readonly scores: Readonly<Record<string, number | null>>;
}

/** One item's score in the customer's two latest returned surveys. */
export interface ScoreChange {
  /** A dimension id, or "overall". */
  readonly item: string;
  readonly from: number;
  readonly to: number;
  /** to − from. */
  readonly delta: number;
}

export interface CustomerHistory {
  readonly customer: string;
  /** The sum of `points`. */
  readonly attention: number;
  /** Points earned per reason (0 when none); see CustomersSummary.weights. */
  readonly points: Readonly<Record<AttentionReason, number>>;
  /** Orders received in the year. */
  readonly orders: {
    readonly total: number;
    readonly nonStandard: number;
    /** Major and minor findings of the order rules (O1–O10) on these orders. */
    readonly reviewGaps: number;
    /** The same findings by rule id. */
    readonly reviewGapsByRule: Readonly<Record<string, number>>;
  };
  /** Complaints received in the year, in their state on the as-of date. */
  readonly complaints: {
    readonly total: number;
    /** Category id → count, categories with complaints only. */
    readonly byCategory: Readonly<Record<string, number>>;
    readonly open: number;
    readonly major: number;
    /** Complaints repeating an earlier one (the repeat definition of the complaint packs). */
    readonly repeats: number;
    readonly returns: number;
    /** The open complaints' and the repeats' numbers, as the ledger writes them. */
    readonly openNos: readonly string[];
    readonly repeatNos: readonly string[];
  };
  /** Every survey period up to the reported one in which the customer was sent the survey, oldest first. */
  readonly surveys: readonly CustomerSurvey[];
  /**
   * The change between the customer's two latest returned surveys: the overall score and each
   * dimension; null with fewer than two returned surveys.
   */
  readonly trend: { readonly from: string; readonly to: string; readonly changes: readonly ScoreChange[] } | null;
  /** Dimensions that fell by more than `fallThreshold` points in `trend`. */
  readonly falling: readonly string[];
  /** Dimensions scored below `unsatisfiedBelow` in the latest returned survey. */
  readonly unsatisfied: readonly string[];
  /**
   * The reported survey period: returned; sent and not returned by the as-of date; not sent
   * although the customer ordered or complained in the year; null when the customer neither was
   * sent it nor ordered or complained in the year (or there is no survey period).
   */
  readonly currentSurvey: 'returned' | 'not_returned' | 'not_surveyed' | null;
}

export interface CustomersSummary {
  /** The calendar year of the as-of date, from 1 January to the as-of date (as the management review). */
  readonly year: string;
  readonly from: string;
  readonly to: string;
  /** The reported survey period (satisfaction.period). */
  readonly period: string | null;
  /** The survey periods up to the reported one, oldest first (the periods of `list[].surveys`). */
  readonly periods: readonly string[];
  /** Points per reason: the stated formula of the attention score. */
  readonly weights: Readonly<Record<AttentionReason, number>>;
  /** A dimension falls when it drops by more than this many points. */
  readonly fallThreshold: number;
  /** An item is unsatisfied below this score (config satisfaction.unsatisfiedBelow). */
  readonly unsatisfiedBelow: number;
  /**
   * Every customer with orders or complaints in the year, or sent the reported survey round or the
   * one before it; highest attention score first (then most complaints, then name).
   */
  readonly list: readonly CustomerHistory[];
}
