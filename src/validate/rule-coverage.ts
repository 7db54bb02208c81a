import type { RuleId } from '../model/finding.js';
import type { NotCheckedReason } from './rule-definition.js';

/** How one rule fared: the records (or periods, or dimensions) it applied to and how many had a gap. */
export interface RuleCoverage {
  readonly rule: RuleId;
  /** Why the rule was not applied in this run (its dataset or a column it reads is absent); null when applied. */
  readonly notChecked: NotCheckedReason | null;
  /** Records the rule applies to (e.g. O1: non-standard orders; C3: major complaints). */
  readonly checked: number;
  /** Of those, records with a finding of this rule. */
  readonly gaps: number;
}

/** The audit groups: each dataset with the procedure clauses it answers to (the actions register: the clauses A1 and A2 cite, 5.7.3, 5.7.4, 5.8.3). */
export const AUDIT_GROUPS = [
  { dataset: 'orders', clauses: '5.3' },
  { dataset: 'surveys', clauses: '5.6–5.7' },
  { dataset: 'complaints', clauses: '5.8' },
  { dataset: 'actions', clauses: '5.7.3–5.8.3' },
] as const;
