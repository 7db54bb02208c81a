import { describe, expect, it } from 'vitest';
import { ruleDescriptions } from '../../src/reports/rule-texts.js';
import { RULE_DEFINITIONS } from '../../src/validate/rule-table.js';
import { testConfig } from '../helpers/fixtures.js';

describe('one line per rule (audit report, README table, workbench panel)', () => {
  it('has a text for every rule of the rule table in both languages, none falling back to the id', () => {
    const config = testConfig();
    for (const lang of ['zh', 'en'] as const) {
      const texts = ruleDescriptions(config, lang);
      expect(Object.keys(texts)).toEqual(RULE_DEFINITIONS.map((r) => r.id));
      expect(RULE_DEFINITIONS.filter((r) => texts[r.id] === r.id || texts[r.id].includes('{{'))).toEqual([]);
    }
  });

  it('names the configured limit, not a fixed one', () => {
    const config = testConfig({ complaints: { limits: { closeWorkingDays: 17 } } });
    expect(ruleDescriptions(config, 'zh').C1).toBe('受理至结案不超过 17 个工作日');
    expect(ruleDescriptions(config, 'en').C1).toBe('Closed within 17 working days of receipt');
  });
});
