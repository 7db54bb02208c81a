import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/pipeline/check.js';
import { renderManagementReview } from '../../src/reports/render-management-review.js';
import { tempFolder, testConfig } from '../helpers/fixtures.js';
import { pdfPages } from '../helpers/pdf.js';

const COMPLAINTS = ['投诉编号,受理日期,客户名称,投诉类别,投诉内容,结案日期', 'K1,2025-03-03,宁波海通,质量,孔径偏大,2025-03-10'].join('\n');

describe("the quality objectives' names quote the configured limits", () => {
  it('names a 15-working-day close limit and a 48-hour first reply, never the default 18 and 72', async () => {
    const config = testConfig({ complaints: { limits: { closeWorkingDays: 15, firstReplyHours: 48 } } });
    const { summary } = runCheck({ input: tempFolder({ 'complaints.csv': `${COMPLAINTS}\n` }), config, asOf: '2025-12-31', lang: 'zh' });
    const labels = summary.review.objectives.map((o) => o.label);
    expect(labels).toContain('客户投诉按时结案率（≤ 15 个工作日）');
    expect(labels).toContain('48 小时内首次答复率');
    const report = await renderManagementReview({ summary, config, lang: 'zh', logo: null });
    const text = (await pdfPages(report.pdf)).join('\n');
    expect(text).toContain('客户投诉按时结案率（≤ 15 个工作日）');
    expect(text).toContain('48 小时内首次答复率');
    expect(text).not.toMatch(/18 个工作日|72 小时/);
  }, 60_000);

  it('says so in English, with the singular for a one-day limit', () => {
    const config = testConfig({ complaints: { limits: { closeWorkingDays: 1, firstReplyHours: 24 } } });
    const { summary } = runCheck({ input: tempFolder({ 'complaints.csv': `${COMPLAINTS}\n` }), config, asOf: '2025-12-31', lang: 'en' });
    const labels = summary.review.objectives.map((o) => o.label);
    expect(labels).toContain('Complaints closed on time (≤ 1 working day)');
    expect(labels).toContain('First reply within 24 hours');
  });

  it('keeps a label the company configured as written', () => {
    const config = testConfig({
      complaints: { limits: { closeWorkingDays: 15 } },
      objectives: [{ metric: 'complaints_closed_on_time', target: 0.9, label: { zh: '投诉结案及时率', en: 'On-time closure' } }],
    });
    expect(config.objectives.map((o) => o.label.zh)).toEqual(['投诉结案及时率']);
  });
});
