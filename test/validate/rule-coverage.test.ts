import { describe, expect, it } from 'vitest';
import { officialCalendar } from '../../src/calendar/official-calendar.js';
import { WorkingCalendar } from '../../src/calendar/working-calendar.js';
import { scoreSatisfaction } from '../../src/compute/score-satisfaction.js';
import type { IngestResult } from '../../src/ingest/ingest-result.js';
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
      complaints: [
        makeComplaint({ complaintNo: 'K1', severity: 'major', escalated: false }),
        makeComplaint({ complaintNo: 'K2', closedAt: null, responsibility: 'customer', capaNo: null }),
      ],
      surveys: [],
      files: [],
      sheets: [],
      errors: [],
      problems: [],
      skippedFiles: [],
    };
    const rules = runRules(ingest, scoreSatisfaction([], config, '2025-12-31'), {
      config,
      asOf: '2025-12-31',
      calendar: new WorkingCalendar(officialCalendar()),
    });
    const coverage = Object.fromEntries(rules.coverage.map((c) => [c.rule, [c.checked, c.gaps]]));
    // O9 applies to every order source by default; the surveys dataset is absent: its rules are not checked, except S4.
    expect(coverage).toMatchObject({
      O1: [2, 1],
      O5: [1, 0],
      O9: [3, 1],
      O6: [0, 0],
      C1: [2, 1],
      C3: [1, 1],
      C7: [1, 0],
      C8: [1, 0],
      C9: [1, 0],
      S1: [0, 0],
      S4: [1, 1],
    });
    expect(rules.coverage.filter((c) => c.notChecked !== null).map((c) => [c.rule, c.notChecked])).toEqual([
      ['S1', 'no_data'],
      ['S2', 'no_data'],
      ['S3', 'no_data'],
      ['S5', 'no_data'],
      // No actions register in the input.
      ['A1', 'no_data'],
      ['A2', 'no_data'],
      ['A3', 'no_data'],
    ]);
    // The counts come from the same run as the findings: gaps are the records with a finding of the rule.
    for (const c of rules.coverage) expect(c.gaps).toBe(new Set(rules.findings.filter((f) => f.rule === c.rule).map((f) => f.record)).size);
  });

  it('reports O9 as not checked when no orders sheet has a phone/fax log column', () => {
    const config = testConfig();
    const sheet = {
      file: 'o.xlsx',
      sheet: 'S',
      hidden: false,
      dataset: 'orders' as const,
      skipped: null,
      headerRow: 1,
      columns: [{ letter: 'A', header: '订单号', field: 'order_no' }],
      ignoredColumns: [],
      rowsRead: 1,
      rowsAccepted: 1,
      rowsRejected: 0,
      totalsRows: 0,
    };
    const ingest: IngestResult = {
      orders: [makeOrder({ phoneLogNo: null })],
      complaints: [],
      surveys: [],
      files: [],
      sheets: [sheet],
      errors: [],
      problems: [],
      skippedFiles: [],
    };
    const rules = runRules(ingest, scoreSatisfaction([], config, '2025-12-31'), {
      config,
      asOf: '2025-12-31',
      calendar: new WorkingCalendar(officialCalendar()),
    });
    expect(rules.coverage.find((c) => c.rule === 'O9')).toEqual({ rule: 'O9', notChecked: 'no_column', checked: 0, gaps: 0 });
    expect(rules.findings.map((f) => f.rule)).not.toContain('O9');
  });
});
