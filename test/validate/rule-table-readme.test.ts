import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { RULE_DEFINITIONS } from '../../src/validate/rule-table.js';
import { ruleTableMarkdown } from '../../scripts/rule-table.js';

describe("the README's table of checks", () => {
  it('is the table generated from the one definition of each rule (regenerate with npx tsx scripts/rule-table.ts)', () => {
    const readme = readFileSync(path.join(PACKAGE_ROOT, 'README.md'), 'utf8');
    const table = /<!-- rule-table:start -->\n([\s\S]*?)\n<!-- rule-table:end -->/.exec(readme)?.[1];
    expect(table).toBe(ruleTableMarkdown());
  });

  it("gives every rule a clause unless its basis is data or objective, and a limit (configured, or the record's own) exactly for company limits and objectives", () => {
    for (const r of RULE_DEFINITIONS) {
      expect(r.clause === null, r.id).toBe(r.basis === 'data' || r.basis === 'objective');
      // A company limit is the configuration's, or one each record carries (an action's own due date).
      expect(r.limit !== null || r.recordLimit !== null, r.id).toBe(r.basis === 'company_limit' || r.basis === 'objective');
      expect(r.severity === 'target', r.id).toBe(r.basis === 'objective');
    }
  });
});
