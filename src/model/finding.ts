import type { IsoDate } from './dates.js';
import type { DatasetId, ReviewItem } from './fields.js';
import type { Localized } from './lang.js';

/**
 * `major` and `minor` are nonconformities, `observation` a note, `target` a missed objective
 * (目标未达成; not a nonconformity). Rules version 2.
 */
export type FindingSeverity = 'major' | 'minor' | 'observation' | 'target';

/** Order of severities, worst first. */
export const FINDING_SEVERITIES: readonly FindingSeverity[] = ['major', 'minor', 'observation', 'target'];

/**
 * On what a finding stands (rules.md): the procedure's own requirement; a company time limit
 * (the requirement is the procedure's, the number the company's); a quality objective; or a
 * consistency check of the records themselves.
 */
export type FindingBasis = 'procedure' | 'company_limit' | 'objective' | 'data';
export const FINDING_BASES: readonly FindingBasis[] = ['procedure', 'company_limit', 'objective', 'data'];

/** Units of a company limit or objective; `date`: a due date set on the record itself (the actions register's). */
export type LimitUnit = 'workingDays' | 'hours' | 'rate' | 'points' | 'date';

/**
 * The company's own setting a finding is measured against, named with its source document: a
 * number of working days, hours, a rate or points from the configuration, or a due date the
 * company wrote on the record (an action's own due date in the actions register, rule A1).
 */
export type FindingLimit = NumberLimit | DateLimit;

interface LimitBase {
  /** Stable id of the setting, e.g. "complaints.limits.close" (rules.md), or "actions.due" (the register's column). */
  readonly key: string;
  /** Where the company wrote it (config `…source`; default 公司设定; for a due date, the register's row). */
  readonly source: Localized;
}

export interface NumberLimit extends LimitBase {
  readonly value: number;
  readonly unit: Exclude<LimitUnit, 'date'>;
}

export interface DateLimit extends LimitBase {
  readonly value: IsoDate;
  readonly unit: 'date';
}

export type OrderRule = 'O1' | 'O2' | 'O3' | 'O4' | 'O5' | 'O6' | 'O7' | 'O8' | 'O9' | 'O10';
export type ComplaintRule = 'C1' | 'C2' | 'C3' | 'C4' | 'C5' | 'C6' | 'C7' | 'C8' | 'C9' | 'C10';
export type SurveyRule = 'S1' | 'S2' | 'S3' | 'S4' | 'S5';
/**
 * Rules of the actions register: A1 an open action of a complaint or CAPA past its own due date,
 * A2 a CAPA action done without verification, A3 any other open action past its own due date.
 */
export type ActionRule = 'A1' | 'A2' | 'A3';
export type RuleId = OrderRule | ComplaintRule | SurveyRule | ActionRule;

/** What each rule's message needs, rule by rule: the dates, counts, limits and lists it names. */
export interface RuleParams {
  O1: Record<string, never>;
  /** `gmDecision` given: the GM ruled (5.3.2.7); the finding is an observation naming the ruling. */
  O2: { readonly missing: readonly ReviewItem[]; readonly no: readonly ReviewItem[]; readonly gmDecision: string | null };
  O3: { readonly signed: IsoDate; readonly review: IsoDate | null };
  /** Department ids whose sign-off is missing. */
  O4: { readonly departments: readonly string[] };
  O5: { readonly confirmed: boolean; readonly otherSignoff: boolean; readonly confirmText: string | null };
  O6: { readonly dispute: string; readonly agreed: boolean | null };
  O7: { readonly changeDate: IsoDate };
  O8: { readonly changeDate: IsoDate; readonly reReviewDate: IsoDate | null };
  O9: { readonly source: string | null };
  O10: { readonly cancelDate: IsoDate };
  C1: { readonly received: IsoDate; readonly closed: IsoDate | null; readonly asOf: IsoDate; readonly workingDays: number; readonly limit: number };
  /**
   * `reply` null: no first reply recorded; `state` says whether it is merely unrecorded (closed or
   * customer notified) or the customer is really still waiting.
   */
  C2: {
    readonly received: string;
    readonly reply: string | null;
    readonly asOf: IsoDate;
    readonly unit: 'hours' | 'days';
    readonly elapsed: number;
    readonly limitHours: number;
    readonly state: 'late' | 'notRecorded' | 'waiting';
  };
  C3: { readonly escalated: 'no' | 'empty' };
  C4: { readonly from: IsoDate; readonly to: IsoDate; readonly workingDays: number; readonly limit: number };
  C5: { readonly from: IsoDate; readonly to: IsoDate; readonly workingDays: number; readonly limit: number };
  C6: { readonly from: IsoDate; readonly to: IsoDate; readonly workingDays: number; readonly limit: number };
  C7: { readonly missing: readonly ('handler' | 'responsible_dept' | 'result')[] };
  /** `major`: a major complaint of ours without a CAPA number (5.8.4.2). */
  C8: { readonly major: boolean; readonly correctiveAction: boolean };
  C9: { readonly capaNo: string };
  /** A recurrence received after the earlier complaint's CAPA was verified. */
  C10: {
    readonly earlier: string;
    readonly earlierReceived: IsoDate;
    readonly capaNo: string;
    readonly verifiedAt: IsoDate | null;
    readonly received: IsoDate;
    readonly category: string;
  };
  S1: { readonly period: string; readonly sent: number; readonly returned: number; readonly rate: number; readonly goal: number };
  S2: { readonly period: string; readonly mean: number; readonly goal: number };
  S3: { readonly period: string; readonly dimension: string; readonly mean: number; readonly threshold: number; readonly department: string };
  /** `noSurveyFile`: the input holds no survey records at all. */
  S4: {
    readonly from: IsoDate;
    readonly asOf: IsoDate;
    readonly lastReturned: IsoDate | null;
    readonly noSurveyFile: boolean;
    /** Set for the second check: no survey of this date's year returned before the internal audit on it (config internalAuditDate). */
    readonly auditDate: IsoDate | null;
  };
  S5: { readonly period: string; readonly given: number; readonly dimensionMean: number; readonly tolerance: number };
  /** `workingDays` past the action's own due date on the as-of date; `source` the kind of source. */
  A1: { readonly due: IsoDate; readonly asOf: IsoDate; readonly workingDays: number; readonly status: string | null; readonly source: string };
  A2: { readonly doneOn: IsoDate | null; readonly capa: string | null };
  /** As A1, for an action of a meeting, a management review, an audit or another source. */
  A3: {
    readonly due: IsoDate;
    readonly asOf: IsoDate;
    readonly workingDays: number;
    readonly status: string | null;
    readonly source: 'meeting' | 'management_review' | 'audit' | 'other';
  };
}

/** Where a finding's record is; null for findings about a whole period or the whole dataset. */
export type FindingLocation = { readonly file: string; readonly sheet: string | null; readonly row: number } | null;

/** A finding of one rule: which rule, on what basis, which record and where it is. */
export interface FindingOf<R extends RuleId> {
  readonly rule: R;
  /** Procedure clause, e.g. "5.3.2.5"; null for basis data and objective. */
  readonly clause: string | null;
  readonly basis: FindingBasis;
  readonly severity: FindingSeverity;
  /** The company limit or objective, for basis company_limit and objective; else null. */
  readonly limit: FindingLimit | null;
  readonly dataset: DatasetId;
  /** Record id (order no, complaint no, "customer period"), or the period for period-level findings. */
  readonly record: string;
  readonly location: FindingLocation;
  readonly params: Readonly<RuleParams[R]>;
}

/** A finding of any rule; narrowing on `rule` types its params. */
export type Finding = { [R in RuleId]: FindingOf<R> }[RuleId];
