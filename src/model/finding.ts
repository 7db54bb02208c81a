import type { DatasetId } from './fields.js';

export type FindingSeverity = 'major' | 'minor' | 'observation';

/** Order of severities, worst first. */
export const FINDING_SEVERITIES: readonly FindingSeverity[] = ['major', 'minor', 'observation'];

export type OrderRule = 'O1' | 'O2' | 'O3' | 'O4' | 'O5' | 'O6' | 'O7' | 'O8' | 'O9' | 'O10';
export type ComplaintRule = 'C1' | 'C2' | 'C3' | 'C4' | 'C5' | 'C6' | 'C7' | 'C8' | 'C9';
export type SurveyRule = 'S1' | 'S2' | 'S3' | 'S4' | 'S5';
/** Rules of the actions register: A1 overdue open action, A2 CAPA action done without verification. */
export type ActionRule = 'A1' | 'A2';
export type RuleId = OrderRule | ComplaintRule | SurveyRule | ActionRule;

export type FindingParam = string | number | boolean | null | readonly string[];

/** A gap against the procedure: which rule, which clause, which record and where it is. */
export interface Finding {
  readonly rule: RuleId;
  /** Procedure clause, e.g. "5.3.2.5". */
  readonly clause: string;
  readonly severity: FindingSeverity;
  readonly dataset: DatasetId;
  /** Record id (order no, complaint no, "customer period"), or the period for period-level findings. */
  readonly record: string;
  /** Where the record is; null for findings about a whole period or the whole dataset. */
  readonly location: { readonly file: string; readonly sheet: string | null; readonly row: number } | null;
  /** What the message table needs: dates, counts, limits, item lists. */
  readonly params: Readonly<Record<string, FindingParam>>;
}
