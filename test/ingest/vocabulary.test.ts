import { describe, expect, it } from 'vitest';
import { complaintMonth } from '../../src/compute/complaint-month.js';
import { resolveConfig } from '../../src/config/resolve-config.js';
import { ingestFolder } from '../../src/ingest/ingest-folder.js';
import { unmappedLabels } from '../../src/ingest/unmapped-labels.js';
import { runCheck } from '../../src/pipeline/check.js';
import { tempFolder, testConfig } from '../helpers/fixtures.js';

const HEAD = '投诉编号,受理日期,客户名称,投诉类别,投诉内容';
const complaints = (...rows: string[]) => ({ 'c.csv': [HEAD, ...rows].join('\n') + '\n' });

describe("the company's own words: complaint categories", () => {
  it('keeps a complaint whose category nobody defined, counts it as other in the total, its month and byCategory, and warns once', () => {
    const input = tempFolder(complaints('K1,2025-03-03,甲,质量,x', 'K2,2025-03-10,乙,外观,划伤', 'K3,2025-04-01,丙,外观,掉漆'));
    const { summary, ingest } = runCheck({ input, config: testConfig(), asOf: '2025-12-31', lang: 'zh' });
    expect(summary.complaints.total).toBe(3);
    expect(summary.complaints.byMonth).toEqual({ '2025-03': 2, '2025-04': 1 });
    expect(summary.complaints.byCategory).toMatchObject({ quality: 1, other: 2 });
    expect(summary.inputs).toEqual([expect.objectContaining({ rowsRead: 3, rowsAccepted: 3, rowsRejected: 0 })]);
    expect(ingest.complaints.map((c) => [c.complaintNo, c.category, c.categoryText])).toEqual([
      ['K1', 'quality', null],
      ['K2', 'other', '外观'],
      ['K3', 'other', '外观'],
    ]);
    expect(summary.inputErrors).toEqual([
      expect.objectContaining({ file: 'c.csv', sheet: null, row: 3, column: '投诉类别', value: '外观', level: 'warning', rejected: false }),
      expect.objectContaining({ file: 'c.csv', sheet: null, row: 4, column: '投诉类别', value: '外观', level: 'warning', rejected: false }),
    ]);
    expect(summary.inputErrors[0]!.message).toContain('vocabulary.category["外观"]');
    expect(summary.inputErrors[0]!.message).toContain('其他（外观）');
  });

  it('does not claim a row rejected for another reason was counted as other', () => {
    const { summary } = runCheck({ input: tempFolder(complaints('K1,2025-02-30,甲,外观,x')), config: testConfig(), asOf: '2025-12-31', lang: 'zh' });
    expect(summary.complaints.total).toBe(0);
    expect(summary.inputErrors.map((e) => [e.column, e.level, e.rejected])).toEqual([['受理日期', 'error', true]]);
  });

  it('counts a label the configuration maps under the mapped category, without a warning', () => {
    const input = tempFolder(complaints('K1,2025-03-03,甲,态度差,x', 'K2,2025-03-04,乙, 尺寸不符 ,y'));
    const config = testConfig({ vocabulary: { category: { 态度差: 'service', 尺寸不符: 'specification' } } });
    const { summary } = runCheck({ input, config, asOf: '2025-12-31', lang: 'zh' });
    expect(summary.complaints.byCategory).toMatchObject({ service: 1, specification: 1, other: 0 });
    expect(summary.inputErrors).toEqual([]);
  });

  it("counts the company's own categories beside the nine, zeros included, and ranks them in the Pareto", () => {
    const input = tempFolder(complaints('K1,2025-03-03,甲,外观,x', 'K2,2025-03-04,乙,外观不良,y', 'K3,2025-03-05,丙,Appearance,z', 'K4,2025-03-06,丁,质量,w'));
    // reports.paretoMinCount 1: four complaints are enough here for the Pareto to name its vital few.
    const config = testConfig({
      reports: { paretoMinCount: 1 },
      vocabulary: {
        categories: [
          { id: 'appearance', label: { zh: '外观', en: 'Appearance' }, aliases: ['外观不良'] },
          { id: 'attitude', label: { zh: '态度', en: 'Attitude' } },
        ],
      },
    });
    const result = runCheck({ input, config, asOf: '2025-12-31', lang: 'zh' });
    expect(result.summary.inputErrors).toEqual([]);
    expect(result.summary.complaints.byCategory).toEqual({
      quality: 1,
      delivery: 0,
      service: 0,
      quantity: 0,
      specification: 0,
      transport: 0,
      packaging: 0,
      weight: 0,
      other: 0,
      appearance: 3,
      attitude: 0,
    });
    const march = complaintMonth(result.rules, '2025-03', config, '2025-12-31', { calendar: result.calendar });
    expect(march.pareto.map((r) => [r.category, r.count])).toEqual([
      ['appearance', 3],
      ['quality', 1],
    ]);
    expect(march.vitalFew).toEqual(['appearance', 'quality']);
  });

  it('rejects a product type nobody defined, saying which configuration key maps it; mapped, the row counts', () => {
    const csv = { 'o.csv': '订单号,客户名称,产品名称,接单日期,产品类别\nHT-1,甲,轴,2025-03-03,定制\nHT-2,乙,轴,2025-03-03,标准\n' };
    const rejected = ingestFolder(tempFolder(csv), testConfig());
    expect(rejected.orders.map((o) => o.orderNo)).toEqual(['HT-2']);
    const { summary } = runCheck({ input: tempFolder(csv), config: testConfig(), asOf: '2025-12-31', lang: 'zh' });
    expect(summary.inputErrors).toEqual([expect.objectContaining({ row: 2, column: '产品类别', value: '定制', level: 'error', rejected: true })]);
    expect(summary.inputErrors[0]!.message).toContain('vocabulary.product_type["定制"]');
    const mapped = ingestFolder(tempFolder(csv), testConfig({ vocabulary: { product_type: { 定制: 'non_standard' } } }));
    expect(mapped.orders.map((o) => [o.orderNo, o.productType])).toEqual([
      ['HT-1', 'non_standard'],
      ['HT-2', 'standard'],
    ]);
    expect(mapped.errors).toEqual([]);
  });

  it('lists the unmapped labels with their counts, most frequent first, for the check hint', () => {
    const input = tempFolder({
      ...complaints('K1,2025-03-03,甲,尺寸,x', 'K2,2025-03-04,乙,外观,y', 'K3,2025-03-05,丙,外观,z', 'K4,2025-03-06,丁,外观,w', 'K5,2025-03-07,戊,尺寸,v'),
      'o.csv': '订单号,客户名称,产品名称,接单日期,产品类别\nHT-1,甲,轴,2025-03-03,定制\n',
    });
    const { errors } = ingestFolder(input, testConfig());
    expect(unmappedLabels(errors).map((u) => [u.enum, u.label, u.count, u.kept, u.key])).toEqual([
      ['category', '外观', 3, true, 'vocabulary.category["外观"]'],
      ['category', '尺寸', 2, true, 'vocabulary.category["尺寸"]'],
      ['product_type', '定制', 1, false, 'vocabulary.product_type["定制"]'],
    ]);
  });
});

describe('the vocabulary configuration', () => {
  const issues = (spec: unknown) => {
    const result = resolveConfig(spec, process.cwd(), 'en');
    return result.ok ? [] : result.issues;
  };
  it('refuses a label mapped to an id its enumeration does not have', () => {
    expect(issues({ vocabulary: { channel: { 微信: 'wechat' } } })).toEqual([
      { path: 'vocabulary.channel.微信', message: 'unknown value "wechat"; allowed: in_person, phone, fax, email' },
    ]);
  });
  it('accepts a label mapped to a company category, and refuses a company category that reuses a built-in id or name', () => {
    expect(issues({ vocabulary: { category: { 划伤: 'appearance' }, categories: [{ id: 'appearance', label: { zh: '外观', en: 'Appearance' } }] } })).toEqual(
      [],
    );
    expect(issues({ vocabulary: { categories: [{ id: 'quality', label: '质量2' }] } })).toEqual([
      expect.objectContaining({ path: 'vocabulary.categories.0.id' }),
    ]);
    expect(issues({ vocabulary: { categories: [{ id: 'looks', label: { zh: '包装', en: 'Looks' } }] } })).toEqual([
      { path: 'vocabulary.categories.0', message: '"包装" already names the category "packaging"' },
    ]);
  });
  it('names an unknown key under vocabulary with the keys allowed', () => {
    expect(issues({ vocabulary: { categroy: {} } })).toEqual([
      expect.objectContaining({
        path: 'vocabulary.categroy',
        message: expect.stringContaining('source, product_type, channel, category, severity, responsibility, action_status, categories'),
      }),
    ]);
  });
});
