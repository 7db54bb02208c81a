import type { Config } from '../config/config.js';
import type { IsoDate } from '../model/dates.js';
import type { DatasetId } from '../model/fields.js';
import type { Finding, FindingBasis, FindingLimit, FindingOf, FindingSeverity, RuleId, RuleParams } from '../model/finding.js';
import type { Provenance } from '../model/provenance.js';
import type { Order } from '../model/records.js';
import type { SatisfactionAnalysis } from '../model/satisfaction.js';
import type { ActionState } from './check-actions.js';
import type { ComplaintStatus } from './check-complaints.js';
import type { RepeatComplaint } from './repeat-complaints.js';

/** Everything a rule may look at: the records in scope on the as-of date and what the input held. */
export interface RuleContext {
  readonly config: Config;
  readonly asOf: IsoDate;
  /** Orders received on or before the as-of date. */
  readonly orders: readonly Order[];
  /** Complaints received on or before the as-of date, with their state on it. */
  readonly complaints: readonly ComplaintStatus[];
  readonly satisfaction: SatisfactionAnalysis;
  /** Complaints repeating an earlier one, by complaint number. */
  readonly repeats: ReadonlyMap<string, RepeatComplaint>;
  /** What the input held: a sheet of each dataset, and an orders column for the phone/fax log number. */
  readonly input: InputShape;
  /** The actions register on the as-of date: actions decided by then. */
  readonly actions: readonly ActionState[];
}

export interface InputShape {
  readonly datasets: Readonly<Record<DatasetId, boolean>>;
  readonly phoneLogColumn: boolean;
}

/** Why a rule could not be applied in a run: its dataset is absent, or a column it reads is. */
export type NotCheckedReason = 'no_data' | 'no_column';

/** What a check found on one subject; a rule whose severity or clause varies says so here. */
export interface Outcome<R extends RuleId> {
  readonly params: RuleParams[R];
  readonly severity?: FindingSeverity;
  readonly clause?: string;
  /** A limit of this finding's own (an action's due date), instead of the rule's configured one. */
  readonly limit?: FindingLimit;
}

/** The record (or period, or dimension) a rule looks at, and where it is. */
export interface Subject<S> {
  readonly subject: S;
  readonly record: string;
  readonly provenance: Provenance | null;
}

/**
 * One rule, defined once: what it applies to, its check, its clause, basis and severity, and the
 * company setting it is measured against. The rules, the coverage counts of the audit report and
 * the README's table of checks all read this definition.
 */
export interface RuleDefinition<R extends RuleId, S> {
  readonly id: R;
  readonly dataset: DatasetId;
  /** The procedure clause the finding cites; null for basis data and objective. */
  readonly clause: string | null;
  readonly basis: FindingBasis;
  readonly severity: FindingSeverity;
  /** The company limit or objective (basis company_limit / objective), from the config. */
  readonly limit?: (config: Config) => FindingLimit;
  /**
   * Instead of `limit`: the key of a limit each record carries itself (an action's own due date,
   * `actions.due`); each finding's outcome names it, with the record's row as its source.
   */
  readonly recordLimit?: string;
  /** Why the rule cannot be applied in this run at all; default: its dataset is absent. */
  readonly notChecked?: (ctx: RuleContext) => NotCheckedReason | null;
  /** The subjects the rule applies to: each counts as checked in the audit report. */
  readonly appliesTo: (ctx: RuleContext) => Iterable<Subject<S>>;
  /** Null: the subject passes. */
  readonly check: (subject: S, ctx: RuleContext) => Outcome<R> | null;
}

/** The part of a rule every consumer reads without running it. */
export interface RuleMeta {
  readonly id: RuleId;
  readonly dataset: DatasetId;
  readonly clause: string | null;
  readonly basis: FindingBasis;
  readonly severity: FindingSeverity;
  readonly limit: ((config: Config) => FindingLimit) | null;
  /** The key of a limit each record carries itself (see RuleDefinition.recordLimit); null otherwise. */
  readonly recordLimit: string | null;
}

/** What a rule did in a run. */
export interface RuleRun {
  /** Null when the rule was applied. */
  readonly notChecked: NotCheckedReason | null;
  /** Subjects it applied to. */
  readonly checked: number;
  readonly findings: readonly Finding[];
}

/** A rule with its subject type sealed in, so rules of every kind sit in one table. */
export interface DefinedRule extends RuleMeta {
  run(ctx: RuleContext): RuleRun;
}

export function defineRule<R extends RuleId, S>(definition: RuleDefinition<R, S>): DefinedRule {
  const { id, dataset, clause, basis, severity } = definition;
  const limitOf = definition.limit ?? null;
  return {
    id,
    dataset,
    clause,
    basis,
    severity,
    limit: limitOf,
    recordLimit: definition.recordLimit ?? null,
    run(ctx) {
      const reason = definition.notChecked ? definition.notChecked(ctx) : ctx.input.datasets[dataset] ? null : 'no_data';
      if (reason !== null) return { notChecked: reason, checked: 0, findings: [] };
      const limit = limitOf ? limitOf(ctx.config) : null;
      const findings: Finding[] = [];
      let checked = 0;
      for (const { subject, record, provenance } of definition.appliesTo(ctx)) {
        checked++;
        const outcome = definition.check(subject, ctx);
        if (outcome === null) continue;
        const finding: FindingOf<R> = {
          rule: id,
          clause: outcome.clause ?? clause,
          basis,
          severity: outcome.severity ?? severity,
          limit: outcome.limit ?? limit,
          dataset,
          record,
          location: provenance ? { file: provenance.file, sheet: provenance.sheet, row: provenance.row } : null,
          params: outcome.params,
        };
        findings.push(finding as Finding);
      }
      return { notChecked: null, checked, findings };
    },
  };
}

/**
 * Runs a set of rules on part of a context (tests and tools): absent records are empty, and every
 * dataset counts as present unless `input` says otherwise.
 */
export function runRuleSet(rules: readonly DefinedRule[], ctx: Pick<RuleContext, 'config' | 'asOf'> & Partial<RuleContext>): Finding[] {
  const full: RuleContext = {
    orders: [],
    complaints: [],
    satisfaction: { periods: [], current: null, previous: null },
    repeats: new Map(),
    input: { datasets: { orders: true, complaints: true, surveys: true, actions: true }, phoneLogColumn: true },
    actions: [],
    ...ctx,
  };
  return rules.flatMap((rule) => rule.run(full).findings);
}

/** Subjects from records with provenance. */
export function* subjectsOf<T extends { readonly provenance: Provenance }>(
  records: Iterable<T>,
  idOf: (r: T) => string,
  applies: (r: T) => boolean = () => true,
): Iterable<Subject<T>> {
  for (const r of records) if (applies(r)) yield { subject: r, record: idOf(r), provenance: r.provenance };
}
