import type { Config } from '../config/config.js';
import type { RuleId } from '../model/finding.js';
import { happened } from './as-of.js';
import { RULE_ORDER, RULES } from './rule-table.js';
import type { RuleResults } from './run-rules.js';

/** How one rule fared: the records (or periods, or dimensions) it applied to and how many had a gap. */
export interface RuleCoverage {
  readonly rule: RuleId;
  /** Records the rule applies to (e.g. O1: non-standard orders; C3: major complaints). */
  readonly checked: number;
  /** Of those, records with a finding of this rule. */
  readonly gaps: number;
}

/**
 * What each rule looked at and what it found, for the audit pack's pass / gap counts. The
 * applicability mirrors the rule conditions in check-orders, check-complaints and
 * check-satisfaction: a rule is checked on a record when it could fire on it.
 */
export function ruleCoverage(rules: RuleResults, config: Config, asOf: string): RuleCoverage[] {
  const checked = Object.fromEntries(RULE_ORDER.map((r) => [r, 0])) as Record<RuleId, number>;
  for (const o of rules.orders) {
    if (o.productType === 'non_standard') for (const r of ['O1', 'O2', 'O3', 'O4'] as const) checked[r]++;
    else checked.O5++;
    if (o.dispute !== null) checked.O6++;
    if (happened(o.changeDate, asOf) !== null) {
      checked.O7++;
      checked.O8++;
    }
    if (o.source === 'phone' || o.source === 'fax') checked.O9++;
    if (happened(o.cancelDate, asOf) !== null) checked.O10++;
  }
  for (const s of rules.complaints) {
    const c = s.complaint;
    checked.C1++;
    checked.C2++;
    if (c.severity === 'major') checked.C3++;
    if (s.milestones.assign) checked.C4++;
    if (s.milestones.cause) checked.C5++;
    if (s.milestones.notify) checked.C6++;
    if (s.closedAt !== null) checked.C7++;
    if (c.responsibility === 'ours') {
      checked.C8++;
      if (s.closedAt !== null) checked.C9++;
    }
  }
  const current = rules.satisfaction.current;
  if (current) {
    if (current.responseRate !== null) checked.S1++;
    if (current.mean !== null) checked.S2++;
    for (const d of config.satisfaction.dimensions) if (current.dimensions[d.id] !== null && current.dimensions[d.id] !== undefined) checked.S3++;
  }
  checked.S4 = 1;
  for (const p of rules.satisfaction.periods) {
    for (const r of p.responses) if (r.returned && r.response.overall !== null && r.dimensionMean !== null) checked.S5++;
  }
  for (const a of rules.actions) {
    // A1 can fire on an open action with a due date; A2 on a CAPA's action that is done.
    if (a.open && a.action.due !== null) checked.A1++;
    if (!a.open && a.status === 'done' && a.sourceKind === 'capa') checked.A2++;
  }
  const gapRecords = new Map<RuleId, Set<string>>();
  for (const f of rules.findings) {
    let set = gapRecords.get(f.rule);
    if (!set) gapRecords.set(f.rule, (set = new Set()));
    set.add(f.record);
  }
  return RULE_ORDER.map((rule) => ({ rule, checked: checked[rule], gaps: gapRecords.get(rule)?.size ?? 0 }));
}

/** The audit groups: each dataset with the procedure clauses it answers to. */
export const AUDIT_GROUPS = [
  { dataset: 'orders', clauses: '5.3' },
  { dataset: 'surveys', clauses: '5.6–5.7' },
  { dataset: 'complaints', clauses: '5.8' },
  { dataset: 'actions', clauses: '5.7.3–5.8.4' },
] as const;

export function rulesOf(dataset: (typeof AUDIT_GROUPS)[number]['dataset']): RuleId[] {
  return RULE_ORDER.filter((r) => RULES[r].dataset === dataset);
}
