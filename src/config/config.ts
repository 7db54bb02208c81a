import type { DatasetId } from '../model/fields.js';
import type { Lang, Localized } from '../model/lang.js';
import type { Objective } from '../model/objectives.js';
import type { DepartmentList, Dimension, FormRegisterEntry } from './defaults.js';

/** A company closure: days off from `from` to `to` inclusive. */
export interface Closure {
  readonly from: string;
  readonly to: string;
  readonly name: string;
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
  /** Form id → complete register entry. */
  readonly forms: Readonly<Record<string, FormRegisterEntry>>;
  /** Department id → name. */
  readonly departments: Readonly<Record<string, Localized>>;
  /** Named lists of department ids from `departments` (e.g. liaisonReceipt), defaults filled in. */
  readonly departmentLists: Readonly<Record<DepartmentList, readonly string[]>>;
  readonly satisfaction: {
    readonly bands: { readonly verySatisfied: number; readonly satisfied: number; readonly dissatisfied: number };
    readonly dimensions: readonly Dimension[];
    readonly overallTolerance: number;
    readonly unsatisfiedBelow: number;
    /** 发放日期 on pre-filled survey forms: first or last day of the surveyed period, or blank. */
    readonly surveySendDate: 'periodStart' | 'periodEnd' | null;
  };
  readonly goals: { readonly responseRate: number; readonly surveyMean: number };
  readonly complaints: {
    readonly limits: {
      readonly assignWorkingDays: number;
      readonly causeWorkingDays: number;
      readonly resolveWorkingDays: number;
      readonly notifyWorkingDays: number;
      readonly closeWorkingDays: number;
      readonly firstReplyHours: number;
    };
    /** Same customer and category, or product and category, within this many calendar days: a repeat. */
    readonly repeatWindowDays: number;
  };
  /** Quality objectives, each with its target. */
  readonly objectives: readonly Objective[];
  readonly reports: {
    /** Longest table a PDF report prints. */
    readonly maxTableRows: number;
    /** Monthly complaint packs written by build: the last N months up to the as-of date; 0 = all. */
    readonly monthlyPacks: number;
  };
  readonly calendar: { readonly closures: readonly Closure[]; readonly workdays: readonly string[] };
  /** Extra header aliases: dataset → field id → headers. */
  readonly headers: Readonly<Record<DatasetId, Readonly<Record<string, readonly string[]>>>>;
}

export type { Dimension, FormRegisterEntry };
