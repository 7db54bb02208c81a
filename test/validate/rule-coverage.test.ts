import { describe, expect, it } from 'vitest';
import { officialCalendar } from '../../src/calendar/official-calendar.js';
import { WorkingCalendar } from '../../src/calendar/working-calendar.js';
import { scoreSatisfaction } from '../../src/compute/score-satisfaction.js';
import type { IngestResult } from '../../src/ingest/ingest-result.js';
import { ruleCoverage } from '../../src/validate/rule-coverage.js';
import { runRules } from '../../src/validate/run-rules.js';
import { testConfig } from '../helpers/fixtures.js';
import { makeComplaint, makeOrder } from '../helpers/records.js';

describe('what each rule checked', () => {
  it('counts the records a rule applies to and those with a gap, once per record', () => {
    const config = testConfig();
    const ingest: IngestResult = {
      orders: [
        makeOrder({ orderNo: 'N1', productType: 'non_standard', reviewDate: null }),
        makeOrder({ orderNo: 'N2', productType: 'non_standard', reviewDate: '2025-03-04', source: 'phone', phoneLogNo: null }),
        makeOrder({ orderNo: 'S1', productType: 'standard', salesHeadConfirm: '张伟', signoffFinance: '李娜' }),
      ],
      complaints: [makeComplaint({ complaintNo: 'K1', severity: 'major', escalated: false }), makeComplaint({ complaintNo: 'K2', closedAt: null, responsibility: 'customer', capaNo: null })],
      surveys: [],
      files: [],
      sheets: [],
      errors: [],
      problems: [],
      skippedFiles: [],
    };
    const rules = runRules(ingest, scoreSatisfaction([], config, '2025-12-31'), { config, asOf: '2025-12-31', calendar: new WorkingCalendar(officialCalendar()) });
    const coverage = Object.fromEntries(ruleCoverage(rules, config, '2025-12-31').map((c) => [c.rule, [c.checked, c.gaps]]));
    expect(coverage).toMatchObject({ O1: [2, 1], O5: [1, 0], O9: [1, 1], O6: [0, 0], C1: [2, 1], C3: [1, 1], C7: [1, 0], C8: [1, 0], C9: [1, 0], S1: [0, 0], S4: [1, 1] });
  });
});
