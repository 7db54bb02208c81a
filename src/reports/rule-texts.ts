import type { Config } from '../config/config.js';
import { fillText } from '../document/fill-text.js';
import type { RuleId } from '../model/finding.js';
import type { Lang } from '../model/lang.js';
import { RULE_DEFINITIONS } from '../validate/rule-table.js';
import { ruleTextContext } from './audit-readiness-layout.js';
import { loadReportTexts } from './report-texts.js';

/**
 * What each rule requires, one line per rule with the configured limits and objectives filled
 * in: the words of the audit readiness report's table of checks (templates/reports/
 * audit-readiness.<lang>.json, `rule.<id>`), so the report, the README's table and the
 * workbench's finding panel say the same thing for every rule of the rule table.
 */
export function ruleDescriptions(config: Config, lang: Lang): Readonly<Record<RuleId, string>> {
  const words = loadReportTexts('audit-readiness', lang).words;
  const context = ruleTextContext(config);
  return Object.fromEntries(RULE_DEFINITIONS.map((r) => [r.id, fillText(words[`rule.${r.id}`] ?? r.id, lang, context)])) as Record<RuleId, string>;
}
