import ExcelJS from 'exceljs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { formatDelta, formatRate, formatScore } from '../../src/issues/format-number.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { runCheck } from '../../src/pipeline/check.js';
import { renderSatisfactionReport } from '../../src/reports/render-satisfaction-report.js';
import { expectGolden } from '../helpers/golden.js';
import { tempFolder, testConfig } from '../helpers/fixtures.js';
import { pageToPng, pdfPages } from '../helpers/pdf.js';

const AS_OF = '2025-12-31';
/** A sentence wraps across lines wherever the page is full: compared without white space. */
const squash = (text: string) => text.replace(/\s+/g, '');

async function reportFor(input: string, config = testConfig(), lang: 'zh' | 'en' = 'zh') {
  const { summary, rules } = runCheck({ input, config, asOf: AS_OF, lang });
  const files = await renderSatisfactionReport({ analysis: rules.satisfaction, findings: rules.findings, config, lang, asOf: AS_OF, logo: null });
  return { summary, files: files!, text: files ? (await pdfPages(files.pdf)).join('\n') : '' };
}

describe('the satisfaction analysis report of the bundled sample', () => {
  let sample: Awaited<ReturnType<typeof reportFor>>;
  beforeAll(async () => {
    const { config } = loadConfig(path.join(PACKAGE_ROOT, 'input', 'qmsdoc.config.json'));
    sample = await reportFor(path.join(PACKAGE_ROOT, 'input'), config);
  });

  it('is a controlled document with sections a) to d) and the causes and actions', () => {
    const { text } = sample;
    expect(text).toContain('客户满意度分析报告');
    expect(text).toContain('表单编号：QR-XS-05');
    for (const heading of ['一、调查概况', '二、统计结果', '三、满意度趋势', '四、与竞争对手比较', '五、原因分析与纠正预防措施', '纠正预防措施要求'])
      expect(text).toContain(heading);
  });

  it('prints the figures of summary.json', () => {
    const s = sample.summary.satisfaction;
    const { text } = sample;
    expect(text).toContain(`发出《客户满意度调查表》${s.sent} 份`);
    expect(text).toContain(`回收 ${s.returned} 份，回收率 ${formatRate(s.responseRate)}`);
    expect(text).toContain(`均分 ${formatScore(s.mean)} 分`);
    expect(text).toContain(`中位数 ${formatScore(s.median)} 分，标准差 ${formatScore(s.stdev)} 分`);
    expect(text).toMatch(new RegExp(`交期 ${formatScore(s.dimensions.delivery!)} 不满意 \\d+ 不满意项目 生产部`));
    expect(text).toContain(`与上期（${s.previousPeriod}）相比，均分下降 ${formatScore(Math.abs(s.deltaMean!))} 分`);
    for (const p of s.periods) expect(text).toMatch(new RegExp(`${p.period} ${p.sent} ${p.returned} [\\d.]+% ${formatScore(p.mean)}`));
  });

  it('lists the CAPA requests (S1–S4, as the management review counts them) in the action table with their departments; the S5 data check is not one', () => {
    const requests = sample.summary.findings.filter((f) => ['S1', 'S2', 'S3', 'S4'].includes(f.rule));
    expect(sample.files.model.actions.map((a) => a.rule)).toEqual(requests.map((f) => f.rule));
    expect(sample.files.model.actions).toHaveLength(sample.summary.review.capa.satisfactionRequests);
    expect(sample.files.model.actions.map((a) => a.rule)).not.toContain('S5');
    // The finding's wording wraps in its cell; the department stands beside it.
    expect(sample.text).toMatch(/2025H2 回收率 86\.4%（19\/22），\S* 供销部/);
    expect(sample.text).toMatch(/2025H2「交期」均分 72\.2 分.*生产部/s);
  });

  it("lists the item scores that fell by more than 10 points since each customer's previous answer: those the customer histories and the management review name", () => {
    const histories = sample.summary.customers.list.filter((h) => h.currentSurvey === 'returned' && h.falling.length > 0);
    const falls = histories.flatMap((h) => h.falling.map((item) => ({ h, change: h.trend!.changes.find((c) => c.item === item)! })));
    expect(falls.length).toBeGreaterThan(0);
    expect(squash(sample.text)).toContain(
      squash(`没有客户的综合得分下降超过 10 分；单项得分下降超过 10 分的 ${falls.length} 项。以上共 ${histories.length} 个客户`),
    );
    expect(sample.text).not.toContain('没有客户的得分比上期下降');
    const label = (id: string) => sample.files.model.dimensions.find((d) => d.id === id)!.label;
    const rows = sample.text.split('\n').filter((l) => /^\S+ \S+ \d{4}H\d [\d.]+ [\d.]+ −[\d.]+$/.test(l));
    expect(rows.sort()).toEqual(
      falls
        .map(({ h, change: c }) => `${h.customer} ${label(c.item)} ${h.trend!.from} ${formatScore(c.from)} ${formatScore(c.to)} ${formatDelta(c.delta)}`)
        .sort(),
    );
  });

  it('warns that 19 responses are too few for a firm conclusion', () => {
    expect(sample.text).toContain('本期只有 19 份有效评分，少于 30 份');
  });

  it('states in words whether the change is larger than sampling noise', () => {
    expect(sample.text.replace(/\n/g, '')).toMatch(/经两样本 t 检验（Welch），p = 0\.\d{3}：这一变化在抽样波动范围内/);
  });

  it('draws charts from golden configurations', () => {
    for (const [name, spec] of Object.entries(sample.files.charts)) expectGolden(`satisfaction-chart-${name}.json`, `${JSON.stringify(spec, null, 1)}\n`);
    expect(Object.keys(sample.files.charts).sort()).toEqual(['bands', 'competitors', 'dimensions', 'trend']);
  });

  it('renders a page that is drawn, not blank', async () => {
    const png = await pageToPng(sample.files.pdf, 3, 1);
    expect(png.length).toBeGreaterThan(40_000);
  });

  it('comes with a workbook in which every figure can be checked', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(sample.files.xlsx as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['调查回收明细', '本期统计', '趋势']);
    const responses = wb.getWorksheet('调查回收明细')!;
    // The period's 22 forms and the previous period's 22 it is compared with; 2024H2 is in the trend sheet only.
    expect(responses.rowCount).toBe(1 + 44);
    const periods = responses.getColumn(1).values.slice(2);
    expect([...new Set(periods)].sort()).toEqual(['2025H1', '2025H2']);
    const stats = wb.getWorksheet('本期统计')!;
    const value = (label: string) => (stats.getSheetValues().find((r) => Array.isArray(r) && r[1] === label) as unknown[] | undefined)?.[2];
    expect(value('均分')).toBe(sample.summary.satisfaction.mean);
    expect(value('标准差（样本）')).toBe(sample.summary.satisfaction.stdev);
    expect(value('回收率')).toBe(sample.summary.satisfaction.responseRate);
  });

  it('keeps dates as dates and scores unrounded but shown to one decimal, each sheet ready to print', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(sample.files.xlsx as unknown as ArrayBuffer);
    const responses = wb.getWorksheet('调查回收明细')!;
    const header = responses.getRow(1).values as unknown[];
    const col = (name: string) => header.indexOf(name);
    const row = responses.getRow(2);
    expect(row.getCell(col('发放日期')).value).toBeInstanceOf(Date);
    expect(row.getCell(col('发放日期')).numFmt).toBe('yyyy-mm-dd');
    expect(row.getCell(col('回收日期')).value).toBeInstanceOf(Date);
    expect(row.getCell(col('各项加权平均')).numFmt).toBe('0.0');
    // The sent dates sort as dates: the cell's date is the sheet's date.
    const sent = responses.getColumn(col('发放日期')).values.slice(2) as Date[];
    expect(sent.every((d) => d instanceof Date && /^\d{4}-\d{2}-\d{2}T00:00:00.000Z$/.test(d.toISOString()))).toBe(true);
    const stats = wb.getWorksheet('本期统计')!;
    expect(stats.getRow(1).values).toEqual([undefined, '指标', '数值（2025H2 期）']);
    const cell = (label: string) => {
      let found: ExcelJS.Cell | undefined;
      stats.eachRow((r) => {
        if (r.getCell(1).value === label) found = r.getCell(2);
      });
      return found!;
    };
    expect([cell('均分').value, cell('均分').numFmt]).toEqual([sample.summary.satisfaction.mean, '0.0']);
    expect(cell('回收率').numFmt).toBe('0.0%');
    expect(cell('发放份数').numFmt).toBe('0');
    const trend = wb.getWorksheet('趋势')!;
    expect(trend.getRow(1).values).toEqual([undefined, '期次', '发放份数', '回收份数', '回收率', '均分', '产品质量', '服务', '价格', '交期']);
    expect(trend.getCell('E2').numFmt).toBe('0.0');
    expect(trend.getCell('D2').numFmt).toBe('0.0%');
    for (const sheet of wb.worksheets) {
      expect(sheet.pageSetup, sheet.name).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, printTitlesRow: '1:1' });
      expect(sheet.views[0], sheet.name).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.autoFilter, sheet.name).toBeTruthy();
    }
  });
});

describe('the report on thin data', () => {
  const header = '调查期次,客户名称,发放日期,回收日期,产品质量,服务,价格,交期';

  it('says there is no trend yet with one period, and leaves the competitors out in one sentence', async () => {
    const rows = Array.from({ length: 3 }, (_, i) => `2025H2,客户${i},2025-12-01,2025-12-09,9${i},90,80,70`);
    const { files, text } = await reportFor(tempFolder({ 's.csv': [header, ...rows].join('\n') }));
    expect(text).toContain('本期是第一次调查');
    expect(text).toContain('本期调查表中没有竞争对手的得分，暂不作比较。');
    expect(Object.keys(files.charts)).toEqual(['bands']);
    expect(text).not.toMatch(/t 检验/);
  });

  it('calls a change larger than noise when it is, and names customers who fell by more than 10', async () => {
    const before = Array.from({ length: 30 }, (_, i) => `2025H1,客户${i},2025-06-01,2025-06-09,9${i % 5},90,90,90`);
    const after = Array.from({ length: 30 }, (_, i) => `2025H2,客户${i},2025-12-01,2025-12-09,${i === 0 ? 50 : 70 + (i % 5)},70,70,70`);
    const { text } = await reportFor(tempFolder({ 's.csv': [header, ...before, ...after].join('\n') }), testConfig(), 'zh');
    expect(text.replace(/\n/g, '')).toMatch(/p < 0\.001：这一变化大于抽样波动，可以认为满意度确实下降了。/);
    // The overall score (综合得分) and each item, against the customer's previous answer.
    expect(text).toMatch(/^客户0 产品质量 2025H1 90\.0 50\.0 −40\.0$/m);
    expect(text).toMatch(/^客户0 综合得分 2025H1 90\.0 65\.0 −25\.0$/m);
    expect(text).not.toContain('少于 30 份');
  });

  it('compares each customer with their previous answer, which may be two rounds back, and says when nothing fell', async () => {
    const rounds = [
      // 甲 skips 2025H1: their 2025H2 answer is compared with 2024H2's.
      '2024H2,甲,2024-12-01,2024-12-09,90,90,90,95',
      '2024H2,乙,2024-12-01,2024-12-09,80,80,80,80',
      '2025H1,乙,2025-06-01,2025-06-09,80,80,80,80',
      '2025H2,甲,2025-12-01,2025-12-09,88,90,90,80',
      '2025H2,乙,2025-12-01,2025-12-09,80,80,80,71',
    ];
    const { text } = await reportFor(tempFolder({ 's.csv': [header, ...rounds].join('\n') }));
    expect(squash(text)).toContain(squash('没有客户的综合得分下降超过 10 分；单项得分下降超过 10 分的 1 项。以上共 1 个客户'));
    expect(text).toMatch(/^甲 交期 2024H2 95\.0 80\.0 −15\.0$/m);
    // 乙 fell 9 points in delivery: not more than 10.
    expect(text).not.toMatch(/^乙 /m);

    const steady = rounds.map((r) => (r.startsWith('2025H2,甲') ? r.replace(/,80$/, ',95') : r.replace(/,71$/, ',80')));
    const calm = await reportFor(tempFolder({ 's.csv': [header, ...steady].join('\n') }));
    expect(squash(calm.text)).toContain(squash('与各客户上次回复的调查表比较，没有客户的综合得分或单项得分下降超过 10 分。'));
  });

  it('ends on its last line of text: no blank page when that line just fits above the footer', async () => {
    // These rounds fill page 3 to its foot; the last sentence's bottom margin once made a page 4 of its own.
    const rounds = [
      '2024H2,甲,2024-12-01,2024-12-09,90,90,90,95',
      '2024H2,乙,2024-12-01,2024-12-09,80,80,80,95',
      '2025H1,乙,2025-06-01,2025-06-09,80,80,80,95',
      '2025H2,甲,2025-12-01,2025-12-09,88,90,90,95',
      '2025H2,乙,2025-12-01,2025-12-09,80,80,80,80',
    ];
    const { files } = await reportFor(tempFolder({ 's.csv': [header, ...rounds].join('\n') }));
    const pages = await pdfPages(files.pdf);
    const last = pages[pages.length - 1]!.split('\n');
    expect(last.at(-3)).toBe('本期没有需要发出纠正预防措施要求的项目。');
  });

  it('is written in English with --lang en', async () => {
    const rows = Array.from({ length: 3 }, (_, i) => `2025H2,Customer ${i},2025-12-01,2025-12-09,9${i},90,80,70`);
    const { text } = await reportFor(tempFolder({ 's.csv': [header, ...rows].join('\n') }), testConfig(), 'en');
    expect(text).toContain('Customer Satisfaction Analysis Report');
    expect(text).toContain('a) Overview of the survey');
    expect(text).toContain('This is the first survey round in the data');
  });
});
