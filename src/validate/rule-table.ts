import type { RuleId } from '../model/finding.js';
import { ACTION_RULES } from './check-actions.js';
import { COMPLAINT_RULES } from './check-complaints.js';
import { ORDER_RULES } from './check-orders.js';
import { SURVEY_RULES } from './check-satisfaction.js';
import type { DefinedRule } from './rule-definition.js';

/** Every rule, defined once, in table order (docs/rules.md: version 2 plus C10, and A1–A3 of the actions register). */
export const RULE_DEFINITIONS: readonly DefinedRule[] = [...ORDER_RULES, ...COMPLAINT_RULES, ...SURVEY_RULES, ...ACTION_RULES];

/** Each rule's definition by id: clause, basis, severity, dataset, limit. */
export const RULES: Readonly<Record<RuleId, DefinedRule>> = Object.fromEntries(RULE_DEFINITIONS.map((r) => [r.id, r])) as Record<RuleId, DefinedRule>;

/** Rules in their table order, for sorting. */
export const RULE_ORDER: readonly RuleId[] = RULE_DEFINITIONS.map((r) => r.id);
