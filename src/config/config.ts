import type { EnumName } from '../model/enums.js';
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
  /** Form id → complete register entry. */
  readonly forms: Readonly<Record<string, FormRegisterEntry>>;
  /** Department id → name. */
  readonly departments: Readonly<Record<string, Localized>>;
  readonly satisfaction: {
    readonly bands: { readonly verySatisfied: number; readonly satisfied: number; readonly dissatisfied: number };
    readonly dimensions: readonly Dimension[];
    readonly overallTolerance: number;
    readonly unsatisfiedBelow: number;
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
  /** The company's own words (input contract v2, "The company's own words"). */
  readonly vocabulary: {
    /** Enumeration → company label → id (ids checked against the enumeration). */
    readonly labels: Readonly<Record<EnumName, Readonly<Record<string, string>>>>;
    /** The company's own complaint categories, after the nine in every list. */
    readonly categories: readonly CompanyCategory[];
  };
  /** Extra header aliases: dataset → field id → headers. */
  readonly headers: Readonly<Record<DatasetId, Readonly<Record<string, readonly string[]>>>>;
}

export type { Dimension, FormRegisterEntry };
