import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/load-config.js';
import { resolveConfig } from '../../src/config/resolve-config.js';
import { tempFolder } from '../helpers/fixtures.js';

function issuesOf(spec: unknown, lang: 'zh' | 'en' = 'en') {
  const result = resolveConfig(spec, '/base', lang);
  if (result.ok) throw new Error('expected issues');
  return result.issues;
}

describe('configuration', () => {
  it('needs no file: every value has the default the specs name', () => {
    const result = resolveConfig(undefined, '/base');
    if (!result.ok) throw new Error('defaults must be valid');
    const { config } = result;
    expect(config.goals).toEqual({ responseRate: 0.9, surveyMean: 85 });
    expect(config.satisfaction.bands).toEqual({ verySatisfied: 90, satisfied: 75, dissatisfied: 60 });
    expect(config.satisfaction.dimensions.map((d) => [d.id, d.weight, config.departments[d.department]?.zh])).toEqual([
      ['quality', 1, '品质部'],
      ['service', 1, '供销部'],
      ['price', 1, '供销部'],
      ['delivery', 1, '生产部'],
    ]);
    expect(config.complaints.limits).toEqual({
      assignWorkingDays: 1,
      causeWorkingDays: 3,
      resolveWorkingDays: 15,
      notifyWorkingDays: 2,
      closeWorkingDays: 18,
      firstReplyHours: 72,
    });
    expect(config.forms.order_review).toMatchObject({ number: 'QR-XS-02', version: 'A/0', retention: { zh: '3年', en: '3 years' } });
    expect(config.language).toBe('zh');
    expect(config.company.name).toBeNull();
  });

  it('merges given values over the defaults', () => {
    const result = resolveConfig(
      {
        company: { name: '恒信机械' },
        forms: { order_review: { number: 'QR-SA-02', effectiveDate: '2024-03-01' } },
        calendar: { closures: ['2025-08-04', { from: '2025-08-05', to: '2025-08-06', name: '检修' }] },
      },
      '/base',
    );
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.config.company.name).toEqual({ zh: '恒信机械', en: '恒信机械' });
    expect(result.config.forms.order_review).toMatchObject({ number: 'QR-SA-02', version: 'A/0', effectiveDate: '2024-03-01' });
    expect(result.config.forms.complaint_record?.number).toBe('QR-XS-06');
    expect(result.config.calendar.closures).toEqual([
      { from: '2025-08-04', to: '2025-08-04', name: '' },
      { from: '2025-08-05', to: '2025-08-06', name: '检修' },
    ]);
  });

  it('names the source of each company limit and objective (default 公司设定), the procedure and the department lists', () => {
    const defaults = resolveConfig(undefined, '/base');
    if (!defaults.ok) throw new Error('defaults must be valid');
    const d = defaults.config;
    expect(d.complaints.limitSources.closeWorkingDays).toEqual({ zh: '公司设定', en: 'company setting' });
    expect(d.goalSources.responseRate).toEqual({ zh: '公司设定', en: 'company setting' });
    expect(d.procedure).toEqual({ name: { zh: '与顾客有关的过程控制程序', en: 'Control Procedure for Customer-Related Processes' }, number: '', version: '' });
    expect(d.departmentLists.distribution.map((id) => d.departments[id]?.zh)).toContain('业务部');
    expect(d.departmentLists.reviewSignoffs).toEqual(['sales', 'finance', 'operations']);
    expect(d.orders).toEqual({ reReviewAfterChange: 'non_standard', logSources: 'all' });
    expect(d.reports.paretoMinCount).toBe(20);

    const result = resolveConfig(
      {
        complaints: { limits: { closeWorkingDays: { value: 15, source: '营销管理制度' }, firstReplyHours: 48 } },
        goals: { surveyMean: { value: 88, source: { zh: '质量目标', en: 'Quality objectives' } } },
        procedure: { name: '销售与客户服务控制程序', number: 'QP-XS-01', version: 'B/2' },
        departments: { distribution: ['sales', 'qa'], reviewSignoffs: ['sales', 'finance'], quality_lab: '检测中心' },
        orders: { reReviewAfterChange: 'all', logSources: ['phone', 'fax', 'tender'] },
      },
      '/base',
    );
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const c = result.config;
    expect([
      c.complaints.limits.closeWorkingDays,
      c.complaints.limitSources.closeWorkingDays.zh,
      c.complaints.limits.firstReplyHours,
      c.complaints.limitSources.firstReplyHours.zh,
    ]).toEqual([15, '营销管理制度', 48, '公司设定']);
    expect([c.goals.surveyMean, c.goalSources.surveyMean.en]).toEqual([88, 'Quality objectives']);
    expect(c.objectives.find((o) => o.metric === 'satisfaction_mean')).toMatchObject({ target: 88, source: { zh: '质量目标' } });
    expect(c.procedure).toEqual({ name: { zh: '销售与客户服务控制程序', en: '销售与客户服务控制程序' }, number: 'QP-XS-01', version: 'B/2' });
    expect(c.departmentLists).toEqual({
      distribution: ['sales', 'qa'],
      reviewSignoffs: ['sales', 'finance'],
      liaisonReceipt: ['operations', 'production', 'qa', 'purchasing', 'finance'],
    });
    expect(c.departments.quality_lab).toEqual({ zh: '检测中心', en: '检测中心' });
    expect(c.orders).toEqual({ reReviewAfterChange: 'all', logSources: ['phone', 'fax', 'tender'] });
    expect(issuesOf({ departments: { distribution: ['sales', 'nobody'] } }).map((i) => i.path)).toEqual(['departments.distribution.1']);
    expect(issuesOf({ orders: { reReviewAfterChange: 'sometimes' } }).map((i) => i.path)).toEqual(['orders.reReviewAfterChange']);
  });

  it('names an unknown key with its path and the keys allowed there', () => {
    expect(issuesOf({ goals: { responseRat: 0.8 } })).toEqual([{ path: 'goals.responseRat', message: 'unknown key; allowed: responseRate, surveyMean' }]);
    expect(issuesOf({ colour: 'red' })[0]).toEqual({ path: 'colour', message: expect.stringContaining('allowed: company, language, forms') });
  });

  it('names a wrong value with its path and what is allowed, in the chosen language', () => {
    expect(issuesOf({ goals: { responseRate: 90 } })).toEqual([{ path: 'goals.responseRate', message: expect.stringMatching(/<=1/) }]);
    expect(issuesOf({ language: 'fr' })).toEqual([{ path: 'language', message: expect.stringContaining('"zh"|"en"') }]);
    expect(issuesOf({ language: 'fr' }, 'zh')[0]!.message).toMatch(/无效选项/);
    expect(issuesOf({ forms: { order_review: { effectiveDate: '2024-02-30' } } })).toEqual([
      { path: 'forms.order_review.effectiveDate', message: 'not a real calendar date' },
    ]);
  });

  it('checks references between sections and collects every problem', () => {
    const issues = issuesOf({
      satisfaction: { dimensions: [{ id: 'quality', label: '质量', department: 'nobody' }] },
      headers: { orders: { order_number: ['单号'] } },
      forms: { new_form: { version: 'A/0' } },
    });
    expect(issues.map((i) => i.path)).toEqual(['satisfaction.dimensions.0.department', 'forms.new_form.number', 'headers.orders.order_number']);
    expect(issues[0]!.message).toContain('allowed: sales, qa, production');
  });

  it('takes the liaison receipt departments and the survey send date, and checks them', () => {
    const result = resolveConfig({ departments: { liaisonReceipt: ['qa', 'gm'], lab: '实验室' }, satisfaction: { surveySendDate: 'periodEnd' } }, '/base');
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.config.departmentLists.liaisonReceipt).toEqual(['qa', 'gm']);
    expect(result.config.departments['lab']).toEqual({ zh: '实验室', en: '实验室' });
    expect(result.config.satisfaction.surveySendDate).toBe('periodEnd');
    const defaults = resolveConfig(undefined, '/base');
    if (!defaults.ok) throw new Error('defaults');
    expect(defaults.config.departmentLists.liaisonReceipt).toContain('operations');
    expect(defaults.config.satisfaction.surveySendDate).toBeNull();
    expect(issuesOf({ departments: { liaisonReceipt: ['qa', 'nobody'] } }).map((i) => i.path)).toEqual(['departments.liaisonReceipt.1']);
    expect(issuesOf({ departments: { liaisonReceipt: '品质部' } }).map((i) => i.path)).toEqual(['departments.liaisonReceipt']);
  });

  it('sets no survey reply deadline unless the company gives one in whole days', () => {
    const defaults = resolveConfig(undefined, '/base');
    if (!defaults.ok) throw new Error('defaults');
    expect(defaults.config.satisfaction.replyWithinDays).toBeNull();
    const given = resolveConfig({ satisfaction: { replyWithinDays: 10 } }, '/base');
    if (!given.ok) throw new Error(JSON.stringify(given.issues));
    expect(given.config.satisfaction.replyWithinDays).toBe(10);
    expect(issuesOf({ satisfaction: { replyWithinDays: 0 } }).map((i) => i.path)).toEqual(['satisfaction.replyWithinDays']);
    expect(issuesOf({ satisfaction: { replyWithinDays: 2.5 } }).map((i) => i.path)).toEqual(['satisfaction.replyWithinDays']);
  });

  it('reports a file that is not JSON with its line and column', () => {
    const dir = tempFolder({ 'qmsdoc.config.json': '{\n  "language": "zh",\n  "goals": { responseRate: 0.8 }\n}' });
    const file = path.join(dir, 'qmsdoc.config.json');
    expect(() => loadConfig(file, 'en')).toThrow(ConfigError);
    expect(() => loadConfig(file, 'en')).toThrow(/not valid JSON \(line 3, column 14\)/);
  });

  it('fingerprints the file it read', () => {
    const dir = tempFolder();
    const file = path.join(dir, 'c.json');
    writeFileSync(file, '{"language":"en"}');
    const loaded = loadConfig(file);
    expect(loaded.config.language).toBe('en');
    expect(loaded.sha256).toBe(createHash('sha256').update('{"language":"en"}').digest('hex'));
    expect(loaded.file).toBe(file);
  });
});
