import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { ingestFolder } from '../../src/ingest/ingest-folder.js';
import { runCheck } from '../../src/pipeline/check.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { expectGolden } from '../helpers/golden.js';
import { tempFolder, testConfig } from '../helpers/fixtures.js';

const SAMPLE = path.join(PACKAGE_ROOT, 'input');

describe('summary.json of the bundled sample, as of 2025-12-31', () => {
  const { config } = loadConfig(path.join(SAMPLE, 'qmsdoc.config.json'));
  const { summary } = runCheck({ input: SAMPLE, config, asOf: '2025-12-31', lang: 'zh' });

  it('matches its golden file', () => {
    expectGolden('sample-summary.json', `${JSON.stringify(summary, null, 2)}\n`);
  });

  it('adds up: every total splits into its parts', () => {
    const { orders, complaints, satisfaction } = summary;
    expect(orders.standard + orders.nonStandard).toBe(orders.total);
    expect(orders.reviewComplete + orders.reviewIncomplete).toBe(orders.total);
    expect(complaints.open + complaints.closed).toBe(complaints.total);
    expect(Object.values(complaints.byMonth).reduce((a, b) => a + b, 0)).toBe(complaints.total);
    expect(Object.values(complaints.byCategory).reduce((a, b) => a + b, 0)).toBe(complaints.total);
    // The nine of the contract, then the sample company's own category (its configuration).
    expect(Object.keys(complaints.byCategory)).toEqual([
      'quality',
      'delivery',
      'service',
      'quantity',
      'specification',
      'transport',
      'packaging',
      'weight',
      'other',
      'appearance',
    ]);
    expect(Object.keys(complaints.byMonth)).toEqual(Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`));
    expect(complaints.firstReplyWithin72h + complaints.firstReplyLate + complaints.firstReplyMissing).toBe(complaints.total);
    expect(complaints.overdue).toBe(summary.findings.filter((f) => f.rule === 'C1').length);
    expect(complaints.majorNotEscalated).toBe(summary.findings.filter((f) => f.rule === 'C3').length);
    expect(orders.signedBeforeReview).toBe(summary.findings.filter((f) => f.rule === 'O3').length);
    expect(satisfaction.responseRate).toBe(satisfaction.returned / satisfaction.sent);
    expect(satisfaction.deltaMean).toBe(satisfaction.mean! - satisfaction.previousMean!);
    expect(satisfaction.periods.at(-1)).toEqual({
      period: satisfaction.period,
      sent: satisfaction.sent,
      returned: satisfaction.returned,
      mean: satisfaction.mean,
    });
    expect(Object.values(satisfaction.bands).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(satisfaction.returned);
    for (const input of summary.inputs) expect(input.rowsAccepted + input.rowsRejected).toBe(input.rowsRead);
  });

  it("has the sample's planted gaps with their clause, record and row", () => {
    expect(summary.findings).toContainEqual(
      expect.objectContaining({ rule: 'O3', clause: '5.3.2.5', record: 'HT-2025-012', file: '订单评审台账2025.xlsx', sheet: '订单评审台账', row: 14 }),
    );
    expect(summary.findings).toContainEqual(expect.objectContaining({ rule: 'C3', record: 'KS-2025-087', row: 33 }));
    expect(summary.findings).toContainEqual(expect.objectContaining({ rule: 'S3', record: '2025H2 delivery', file: null, row: null }));
  });
});

describe('summary blocks without data', () => {
  it('keeps every block with zero counts when a dataset is absent', () => {
    const input = tempFolder({ 'o.csv': '订单号,客户名称,产品名称,接单日期,产品类别\nA,甲,轴,2025-01-02,标准\n' });
    const { summary } = runCheck({ input, config: testConfig(), asOf: '2025-12-31', lang: 'en' });
    expect(summary.complaints).toEqual({
      total: 0,
      open: 0,
      closed: 0,
      major: 0,
      byMonth: {},
      byCategory: { quality: 0, delivery: 0, service: 0, quantity: 0, specification: 0, transport: 0, packaging: 0, weight: 0, other: 0 },
      overdue: 0,
      firstReplyWithin72h: 0,
      firstReplyLate: 0,
      firstReplyMissing: 0,
      majorNotEscalated: 0,
    });
    expect(summary.satisfaction).toMatchObject({
      period: null,
      sent: 0,
      returned: 0,
      responseRate: null,
      mean: null,
      periods: [],
      dimensions: { quality: null, service: null, price: null, delivery: null },
    });
    expect(summary.findings.map((f) => f.rule)).toEqual(['O5', 'S4']);
  });

  it('counts a dataset whose rows are all bad as read and rejected, with nothing else', () => {
    const input = tempFolder({ 'c.csv': '投诉编号,受理日期,客户名称,投诉类别,投诉内容\nK1,2025-02-30,甲,质量,x\nK2,2025-03-01,乙,质量,\n' });
    const ingest = ingestFolder(input, testConfig());
    expect(ingest.complaints).toEqual([]);
    const { summary } = runCheck({ input, config: testConfig(), asOf: '2025-12-31', lang: 'en' });
    expect(summary.inputs).toEqual([expect.objectContaining({ dataset: 'complaints', rowsRead: 2, rowsAccepted: 0, rowsRejected: 2 })]);
    expect(summary.complaints.total).toBe(0);
    expect(summary.inputErrors.map((e) => [e.row, e.column, e.rejected])).toEqual([
      [2, '受理日期', true],
      [3, '投诉内容', true],
    ]);
  });

  it('warns once, naming the years, when dates fall outside the official holiday data', () => {
    const input = tempFolder({ 'c.csv': '投诉编号,受理日期,客户名称,投诉类别,投诉内容\nK1,2031-02-03,甲,质量,x\n' });
    const { summary } = runCheck({ input, config: testConfig(), asOf: '2031-03-31', lang: 'en' });
    expect(summary.warnings).toEqual([{ code: 'calendar_not_covered', years: [2031], message: expect.stringContaining('does not cover 2031') }]);
  });
});
