import type { EnumName, OrderSource } from '../model/enums.js';
import type { DatasetId } from '../model/fields.js';
import type { Lang, Localized } from '../model/lang.js';
import type { Objective } from '../model/objectives.js';
import type { Dimension, FormRegisterEntry } from './defaults.js';

/** A company closure: days off from `from` to `to` inclusive. */
export interface Closure {
  readonly from: string;
  readonly to: string;
  readonly name: string;
}

/** A complaint category of the company's own (config `vocabulary.categories`). */
export interface CompanyCategory {
  readonly id: string;
  readonly label: Localized;
  /** Further labels accepted in the ledger besides the two names. */
  readonly aliases: readonly string[];
}

/** The fully defaulted configuration every stage reads. */
export interface Config {
  readonly company: {
    /** Null: no company line is printed. */
    readonly name: Localized | null;
    /** Absolute path of the logo image, or null. */
    readonly logo: string | null;
  };
  readonly language: Lang;
  /** This year's internal audit day (the year's survey is due before it, 5.6.1); null when not set. */
  readonly internalAuditDate: string | null;
  /** Form id → complete register entry. */
  readonly forms: Readonly<Record<string, FormRegisterEntry>>;
  /** Department id → name. */
  readonly departments: Readonly<Record<string, Localized>>;
  /** Department lists (ids of `departments`). */
  readonly departmentLists: {
    /** Who receives the reports (5.7.2); 业务部 included by default. */
    readonly distribution: readonly string[];
    /** Who signs a non-standard order's review (5.3.2.3; rule O4). */
    readonly reviewSignoffs: readonly SignoffDepartment[];
    /** Who receives a 联络单 (5.3.4, 5.3.5). */
    readonly liaisonReceipt: readonly string[];
  };
  /** The company's procedure, heading the audit readiness report. */
  readonly procedure: { readonly name: Localized; readonly number: string; readonly version: string };
  readonly orders: {
    /** Which changed orders must be re-reviewed (5.3.4.3 "必要时"; rule O8). */
    readonly reReviewAfterChange: 'non_standard' | 'all' | 'none';
    /** Sources whose orders must be in the phone/fax log (5.3.1; rule O9); "all" includes orders without a source. */
    readonly logSources: 'all' | readonly OrderSource[];
  };
  readonly satisfaction: {
    readonly bands: { readonly verySatisfied: number; readonly satisfied: number; readonly dissatisfied: number };
    readonly dimensions: readonly Dimension[];
    readonly overallTolerance: number;
    readonly unsatisfiedBelow: number;
    /** 发放日期 on pre-filled survey forms: first or last day of the surveyed period, or blank. */
    readonly surveySendDate: 'periodStart' | 'periodEnd' | null;
    /** 收到本表后 N 日内 on the survey form; null (default): the procedure sets none, the form names none. */
    readonly replyWithinDays: number | null;
  };
  readonly goals: { readonly responseRate: number; readonly surveyMean: number };
  /** Where each goal is written (default 公司设定). */
  readonly goalSources: { readonly responseRate: Localized; readonly surveyMean: Localized };
  readonly complaints: {
    readonly limits: {
      readonly assignWorkingDays: number;
      readonly causeWorkingDays: number;
      readonly resolveWorkingDays: number;
      readonly notifyWorkingDays: number;
      readonly closeWorkingDays: number;
      readonly firstReplyHours: number;
    };
    /** Where each time limit is written (default 公司设定). */
    readonly limitSources: Readonly<Record<ComplaintLimitName, Localized>>;
    /** Same customer and category (not "other") within this many calendar days of an earlier complaint: a repeat. */
    readonly repeatWindowDays: number;
  };
  /** Quality objectives, each with its target. */
  readonly objectives: readonly Objective[];
  readonly reports: {
    /** Longest table a PDF report prints. */
    readonly maxTableRows: number;
    /** Monthly complaint packs written by build: the last N months up to the as-of date; 0 = all. */
    readonly monthlyPacks: number;
    /** A Pareto names its "vital few" only for a month with at least this many complaints. */
    readonly paretoMinCount: number;
  };
  readonly calendar: { readonly closures: readonly Closure[]; readonly workdays: readonly string[] };
  /** The company's own words (input contract v2, "The company's own words"). */
  readonly vocabulary: {
    /** Enumeration → company label → id (ids checked against the enumeration). */
    readonly labels: Readonly<Record<EnumName, Readonly<Record<string, string>>>>;
    /** The company's own complaint categories, after the nine in every list. */
    readonly categories: readonly CompanyCategory[];
  };
  /** Bounds on input files: megabytes one workbook may inflate to. */
  readonly limits: { readonly inflatedMegabytes: number };
  /** Extra header aliases: dataset → field id → headers. */
  readonly headers: Readonly<Record<DatasetId, Readonly<Record<string, readonly string[]>>>>;
}

export type { Dimension, FormRegisterEntry };

export type ComplaintLimitName = 'assignWorkingDays' | 'causeWorkingDays' | 'resolveWorkingDays' | 'notifyWorkingDays' | 'closeWorkingDays' | 'firstReplyHours';
export type SignoffDepartment = 'sales' | 'finance' | 'operations';
