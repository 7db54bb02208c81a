import type { IsoDate } from './dates.js';
import type { SurveyResponse } from './records.js';

/** Satisfaction bands of clause 5.7.6, best first. */
export const BANDS = ['very_satisfied', 'satisfied', 'dissatisfied', 'very_dissatisfied'] as const;
export type Band = (typeof BANDS)[number];

/** One survey response with its computed score. */
export interface ScoredResponse {
  readonly response: SurveyResponse;
  /** Returned by the as-of date. */
  readonly returned: boolean;
  /** The sheet's overall when given, else the weighted mean of the dimensions given; null without scores. */
  readonly overall: number | null;
  /** The weighted mean of the dimensions given (for the S5 comparison); null without dimensions. */
  readonly dimensionMean: number | null;
  readonly band: Band | null;
}

/** A competitor's mean in a period, against ours over the same responses. */
export interface CompetitorComparison {
  readonly competitor: string;
  readonly responses: number;
  readonly competitorMean: number;
  readonly ourMean: number;
}

/** The statistics of one survey period. */
export interface PeriodStats {
  readonly period: string;
  /** Earliest sent date, when any response has one. */
  readonly firstSent: IsoDate | null;
  readonly lastReturned: IsoDate | null;
  readonly sent: number;
  readonly returned: number;
  /** returned / sent; null when nothing was sent. */
  readonly responseRate: number | null;
  /** The overall scores of the returned responses that have one. */
  readonly scores: readonly number[];
  readonly mean: number | null;
  readonly median: number | null;
  /** Sample standard deviation; null below 2 scores. */
  readonly stdev: number | null;
  readonly min: number | null;
  readonly max: number | null;
  readonly bands: Readonly<Record<Band, number>>;
  /** Dimension id → mean over the returned responses that give it. */
  readonly dimensions: Readonly<Record<string, number | null>>;
  readonly dimensionCounts: Readonly<Record<string, number>>;
  readonly competitors: readonly CompetitorComparison[];
  readonly responses: readonly ScoredResponse[];
}

/** Every period in order, oldest first, with the current and previous one picked out. */
export interface SatisfactionAnalysis {
  readonly periods: readonly PeriodStats[];
  readonly current: PeriodStats | null;
  readonly previous: PeriodStats | null;
}
