import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Summary } from '../../src/model/summary.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { renderManagementReview } from '../../src/reports/render-management-review.js';
import { testConfig } from '../helpers/fixtures.js';
import { pdfPages } from '../helpers/pdf.js';

describe('the management review names the first recurrences, counts them all', () => {
  it('with 41 recurrences it counts 41 and names the first 20, then …', async () => {
    const sample = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'test', 'golden', 'sample-summary.json'), 'utf8')) as Summary;
    const c10 = sample.findings.filter((f) => f.rule === 'C10');
    expect(c10.length).toBe(11);
    // The sample's 11 and 30 more of the same kind (a large ledger has tens of thousands).
    const more = Array.from({ length: 30 }, (_, i) => ({ ...c10[0]!, record: `KS-R${String(i).padStart(3, '0')}` }));
    const summary: Summary = { ...sample, findings: [...sample.findings, ...more] };
    const report = await renderManagementReview({ summary, config: testConfig(), lang: 'zh', logo: null });
    const text = (await pdfPages(report.pdf)).join('\n').replace(/\s+/g, '');
    expect(text).toContain('有41件投诉在同类问题的纠正预防措施验证关闭后再次发生');
    const named = [...c10.map((f) => f.record), ...more.map((f) => f.record)];
    expect(text).toContain(`${named.slice(0, 20).join('、')}、…`.replace(/\s+/g, ''));
    expect(text).not.toContain(named[20]!);
    expect(text).not.toContain('KS-R029');
  }, 60_000);
});
