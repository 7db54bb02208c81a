import type { DatasetId } from '../model/fields.js';
import type { FindingSeverity, RuleId } from '../model/finding.js';

/** What each rule cites and how serious its gap is (docs/rules.md). */
export interface RuleSpec {
  readonly clause: string;
  readonly severity: FindingSeverity;
  readonly dataset: DatasetId;
}

export const RULES: Readonly<Record<RuleId, RuleSpec>> = {
  O1: { clause: '5.3.2.3', severity: 'major', dataset: 'orders' },
  O2: { clause: '5.3.2.4', severity: 'major', dataset: 'orders' },
  O3: { clause: '5.3.2.5', severity: 'major', dataset: 'orders' },
  O4: { clause: '5.3.2.3', severity: 'minor', dataset: 'orders' },
  O5: { clause: '5.3.2.3', severity: 'minor', dataset: 'orders' },
  O6: { clause: '5.3.2.7', severity: 'major', dataset: 'orders' },
  O7: { clause: '5.3.4.1', severity: 'minor', dataset: 'orders' },
  O8: { clause: '5.3.4.3', severity: 'minor', dataset: 'orders' },
  O9: { clause: '5.3.1', severity: 'minor', dataset: 'orders' },
  O10: { clause: '5.3.5.1', severity: 'minor', dataset: 'orders' },
  C1: { clause: '5.8.3', severity: 'major', dataset: 'complaints' },
  C2: { clause: '5.8.2', severity: 'minor', dataset: 'complaints' },
  C3: { clause: '5.8.4.2', severity: 'major', dataset: 'complaints' },
  C4: { clause: '5.8.2', severity: 'observation', dataset: 'complaints' },
  C5: { clause: '5.8.3', severity: 'observation', dataset: 'complaints' },
  C6: { clause: '5.8.3', severity: 'observation', dataset: 'complaints' },
  C7: { clause: '5.8.2', severity: 'minor', dataset: 'complaints' },
  C8: { clause: '5.7.3', severity: 'minor', dataset: 'complaints' },
  C9: { clause: '5.7.4', severity: 'minor', dataset: 'complaints' },
  S1: { clause: '5.6', severity: 'minor', dataset: 'surveys' },
  S2: { clause: '5.7', severity: 'major', dataset: 'surveys' },
  S3: { clause: '5.7.2.3', severity: 'minor', dataset: 'surveys' },
  S4: { clause: '5.6.1', severity: 'major', dataset: 'surveys' },
  S5: { clause: '5.7.6', severity: 'observation', dataset: 'surveys' },
};

/** Rules in their table order, for sorting. */
export const RULE_ORDER: readonly RuleId[] = Object.keys(RULES) as RuleId[];
