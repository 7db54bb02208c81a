import { describe, expect, it } from 'vitest';
import { bandOf, scoreSatisfaction } from '../../src/compute/score-satisfaction.js';
import { findingFormatter } from '../../src/issues/finding-messages.js';
import type { SurveyResponse } from '../../src/model/records.js';
import { checkSatisfaction } from '../../src/validate/check-satisfaction.js';
import { testConfig } from '../helpers/fixtures.js';
import { makeSurvey } from '../helpers/records.js';

const config = testConfig();
const AS_OF = '2025-12-31';
const dims = (quality: number, service: number, price: number, delivery: number) => ({ quality, service, price, delivery });

describe('bands', () => {
  it.each([
    [100, 'very_satisfied'],
    [90, 'very_satisfied'],
    [89.9, 'satisfied'],
    [75, 'satisfied'],
    [74.9, 'dissatisfied'],
    [60, 'dissatisfied'],
    [59.9, 'very_dissatisfied'],
    [0, 'very_dissatisfied'],
  ])('%d is %s (lower bound inclusive)', (score, band) => {
    expect(bandOf(score, config.satisfaction.bands)).toBe(band);
  });

  it('bands the unrounded mean: dimensions averaging 89.75 are "satisfied", not rounded up to 90', () => {
    const analysis = scoreSatisfaction([makeSurvey({ scores: dims(90, 90, 90, 89) })], config, AS_OF);
    expect(analysis.current!.responses[0]).toMatchObject({ overall: 89.75, band: 'satisfied' });
  });
});

describe('period statistics', () => {
  const period: SurveyResponse[] = [
    makeSurvey({ customer: 'A', scores: dims(80, 80, 80, 80) }),
    makeSurvey({ customer: 'B', scores: dims(90, 90, 90, 90), overall: 95 }),
    makeSurvey({ customer: 'C', scores: { quality: 70, price: 60 } }),
    makeSurvey({ customer: 'D', scores: {}, returnedDate: null, returned: false }),
    makeSurvey({ customer: 'E', scores: {}, returnedDate: '2025-12-12', returned: true }),
  ];

  it('counts sent and returned, and takes the overall cell before the dimension mean', () => {
    const p = scoreSatisfaction(period, config, AS_OF).current!;
    expect(p).toMatchObject({ period: '2025H2', sent: 5, returned: 4, responseRate: 0.8 });
    // A 80, B 95 (given), C (70+60)/2 = 65; E returned without scores has no overall.
    expect(p.scores).toEqual([80, 95, 65]);
    expect(p.mean).toBeCloseTo(80, 12);
    expect(p.median).toBe(80);
    expect(p.stdev).toBeCloseTo(15, 12); // sample: sqrt(((0)² + 15² + 15²) / 2)
    expect(p.bands).toEqual({ very_satisfied: 1, satisfied: 1, dissatisfied: 1, very_dissatisfied: 0 });
  });

  it('averages each dimension over the responses that give it, never counting a gap as 0', () => {
    const p = scoreSatisfaction(period, config, AS_OF).current!;
    expect(p.dimensions).toEqual({ quality: 80, service: 85, price: (80 + 90 + 60) / 3, delivery: 85 });
    expect(p.dimensionCounts).toEqual({ quality: 3, service: 2, price: 3, delivery: 2 });
  });

  it('weights dimensions as configured', () => {
    const weighted = testConfig({
      satisfaction: {
        dimensions: [
          { id: 'quality', label: '质量', department: 'qa', weight: 3 },
          { id: 'delivery', label: '交期', department: 'production', weight: 1 },
        ],
      },
    });
    const [r] = scoreSatisfaction([makeSurvey({ scores: { quality: 90, delivery: 70 } })], weighted, AS_OF).current!.responses;
    expect(r!.overall).toBe(85);
  });

  it('orders periods by their first sent date, picks current and previous, and follows --period', () => {
    const surveys = [
      makeSurvey({ period: '2025H2', sentDate: '2025-12-01' }),
      makeSurvey({ period: '2024H2', sentDate: '2024-12-01', customer: 'B' }),
      makeSurvey({ period: '2025H1', sentDate: '2025-06-01', customer: 'C' }),
    ];
    const a = scoreSatisfaction(surveys, config, AS_OF);
    expect(a.periods.map((p) => p.period)).toEqual(['2024H2', '2025H1', '2025H2']);
    expect([a.current?.period, a.previous?.period]).toEqual(['2025H2', '2025H1']);
    const asked = scoreSatisfaction(surveys, config, AS_OF, '2025H1');
    expect([asked.current?.period, asked.previous?.period]).toEqual(['2025H1', '2024H2']);
  });

  it('falls back to the natural order of labels without sent dates', () => {
    const surveys = ['2025Q10', '2025Q2', '2025Q1'].map((period, i) => makeSurvey({ period, sentDate: null, customer: `C${i}` }));
    expect(scoreSatisfaction(surveys, config, AS_OF).periods.map((p) => p.period)).toEqual(['2025Q1', '2025Q2', '2025Q10']);
  });

  it('leaves out surveys sent after the as-of date and treats later returns as not yet returned', () => {
    const surveys = [makeSurvey({ sentDate: '2025-12-01', returnedDate: '2025-12-20' }), makeSurvey({ customer: 'B', sentDate: '2026-01-05' })];
    const p = scoreSatisfaction(surveys, config, '2025-12-15').current!;
    expect([p.sent, p.returned, p.mean]).toEqual([1, 0, null]);
  });

  it('compares each named competitor with our score over the same responses', () => {
    const surveys = [
      makeSurvey({ customer: 'A', scores: dims(80, 80, 80, 80), competitor: '同行A', competitorScore: 85 }),
      makeSurvey({ customer: 'B', scores: dims(90, 90, 90, 90), competitor: '同行A', competitorScore: 75 }),
      makeSurvey({ customer: 'C', scores: dims(70, 70, 70, 70), competitor: '同行B', competitorScore: 72 }),
    ];
    expect(scoreSatisfaction(surveys, config, AS_OF).current!.competitors).toEqual([
      { competitor: '同行A', responses: 2, competitorMean: 80, ourMean: 85 },
      { competitor: '同行B', responses: 1, competitorMean: 72, ourMean: 70 },
    ]);
  });
});

describe('satisfaction rules S1–S5', () => {
  const zh = findingFormatter(config, 'zh');
  const rules = (surveys: SurveyResponse[], asOf = AS_OF) => checkSatisfaction(scoreSatisfaction(surveys, config, asOf), config, asOf);
  const ten = (scores: Record<string, number>, returnedCount = 10) =>
    Array.from({ length: 10 }, (_, i) =>
      makeSurvey({
        customer: `C${i}`,
        scores: i < returnedCount ? scores : {},
        returned: i < returnedCount,
        returnedDate: i < returnedCount ? '2025-12-10' : null,
      }),
    );

  it('finds nothing when 9 of 10 returned with a mean of 90', () => {
    expect(rules(ten(dims(90, 90, 90, 90), 9))).toEqual([]);
  });

  it('S1: a response rate below the 90 % objective: 目标未达成, no clause', () => {
    const [f] = rules(ten(dims(90, 90, 90, 90), 8));
    expect(f).toMatchObject({
      rule: 'S1',
      clause: null,
      basis: 'objective',
      severity: 'target',
      limit: { key: 'objectives.surveyResponseRate', value: 0.9, unit: 'rate', source: { zh: '公司设定' } },
      record: '2025H2',
      location: null,
      params: { rate: 0.8, goal: 0.9 },
    });
    expect(zh(f!)).toBe('2025H2 回收率 80.0%（8/10），未达到目标 90.0%（公司设定）');
  });

  it('S2: a mean below the objective of 85 (84.9 is below, 85 is not)', () => {
    expect(rules(ten(dims(85, 85, 85, 85))).map((f) => f.rule)).toEqual([]);
    const f = rules(ten(dims(84.9, 84.9, 84.9, 84.9))).find((x) => x.rule === 'S2');
    expect(f).toMatchObject({ severity: 'target', clause: null, basis: 'objective', limit: { key: 'objectives.satisfactionMean', value: 85, unit: 'points' } });
    expect(zh(f!)).toBe('2025H2 满意度均分 84.9 分，未达到质量目标 85 分（公司设定）');
  });

  it('S3: each dimension below 75 goes to its responsible department', () => {
    const findings = rules(ten(dims(95, 95, 74.9, 95))).filter((f) => f.rule === 'S3');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ record: '2025H2 price', params: { dimension: 'price', department: 'sales', threshold: 75 } });
    expect(zh(findings[0]!)).toBe('2025H2「价格」均分 74.9 分，低于 75 分（不满意项目）；责任部门：供销部，应发出纠正预防措施要求');
    expect(rules(ten(dims(95, 95, 75, 95))).filter((f) => f.rule === 'S3')).toEqual([]);
  });

  it('S4: no survey returned in the twelve months before the as-of date', () => {
    const old = [makeSurvey({ sentDate: '2024-11-20', returnedDate: '2024-12-15', period: '2024H2' })];
    expect(rules(old, '2025-12-14').map((f) => f.rule)).not.toContain('S4');
    const [f] = rules(old, '2025-12-15').filter((x) => x.rule === 'S4');
    expect(f).toMatchObject({ severity: 'major', clause: '5.6.1', params: { from: '2024-12-15', asOf: '2025-12-15', lastReturned: '2024-12-15' } });
    expect(rules([]).map((x) => x.rule)).toEqual(['S4']);
  });

  it("S4 with internalAuditDate: the year's survey not returned before an audit already held", () => {
    const withAudit = testConfig({ internalAuditDate: '2025-06-30' });
    const run = (surveys: SurveyResponse[], asOf: string) =>
      checkSatisfaction(scoreSatisfaction(surveys, withAudit, asOf), withAudit, asOf).filter((f) => f.rule === 'S4');
    // Returned in December: inside the twelve months, but after the June audit.
    const late = [makeSurvey({ sentDate: '2025-11-20', returnedDate: '2025-12-10', period: '2025H2' })];
    const found = run(late, '2025-12-31');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      record: '2025-06-30',
      severity: 'major',
      clause: '5.6.1',
      basis: 'procedure',
      params: { auditDate: '2025-06-30', from: '2025-01-01' },
    });
    expect(zh(found[0]!)).toBe('内审日期 2025-06-30（配置 internalAuditDate）之前，2025-01-01 起没有回收的满意度调查；程序要求在内审前进行满意度调查');
    // Returned before the audit: no gap.
    expect(run([makeSurvey({ sentDate: '2025-05-20', returnedDate: '2025-06-10', period: '2025H1' }), ...late], '2025-12-31')).toEqual([]);
    // The audit still ahead of the as-of date is a due item (qmsdoc due), not a finding.
    expect(run(late, '2025-06-29').filter((f) => f.params.auditDate !== null)).toEqual([]);
    expect(run(late, '2025-06-30').filter((f) => f.params.auditDate !== null)).toHaveLength(1);
  });

  it('S4 without any survey file says the input holds no survey records', () => {
    const [f] = checkSatisfaction(scoreSatisfaction([], config, AS_OF), config, AS_OF, false);
    expect(f).toMatchObject({ rule: 'S4', severity: 'major', clause: '5.6.1', params: { noSurveyFile: true } });
    expect(zh(f!)).toContain('输入中没有满意度调查记录');
  });

  it('S5: a given overall more than 1 point from the dimension mean', () => {
    const near = rules([...ten(dims(90, 90, 90, 90)).slice(1), makeSurvey({ customer: 'X', scores: dims(90, 90, 90, 90), overall: 91 })]);
    expect(near.map((f) => f.rule)).toEqual([]);
    const far = rules([...ten(dims(90, 90, 90, 90)).slice(1), makeSurvey({ customer: 'X', scores: dims(90, 90, 90, 90), overall: 91.5 })]);
    expect(far).toEqual([
      expect.objectContaining({
        rule: 'S5',
        clause: null,
        basis: 'data',
        severity: 'observation',
        record: 'X 2025H2',
        params: { period: '2025H2', given: 91.5, dimensionMean: 90, tolerance: 1 },
      }),
    ]);
  });
});
