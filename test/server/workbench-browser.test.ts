import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORDER_FIELDS } from '../../src/model/fields.js';
import type { Summary } from '../../src/model/summary.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { startWorkbench, type RunningWorkbench } from '../../src/server/start-workbench.js';
import { tempFolder } from '../helpers/fixtures.js';
import { SECOND_HALF_COMPLAINTS, smallSample } from '../helpers/small-sample.js';
import { dropDowns, sheetRows } from '../helpers/xlsx-parts.js';

/**
 * End-to-end: the workbench in Debian's Chromium (npm cannot download a browser here). Without
 * Chromium the suite says so in one line; with QMSDOC_REQUIRE_BROWSER=1 (CI) that is a failure.
 */
const CHROMIUM = process.env.QMSDOC_CHROMIUM ?? '/usr/bin/chromium';
const HAVE_BROWSER = existsSync(CHROMIUM);
const REQUIRE_BROWSER = process.env.QMSDOC_REQUIRE_BROWSER === '1';
const SAMPLE = path.join(PACKAGE_ROOT, 'input');
const SAMPLE_FILES = ['订单评审台账2025.xlsx', '客户投诉台账2025上半年.xlsx', '客户满意度调查回收表.csv'];

if (!HAVE_BROWSER && !REQUIRE_BROWSER) {
  console.warn(`workbench browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set QMSDOC_CHROMIUM)`);
}

describe.runIf(!HAVE_BROWSER && REQUIRE_BROWSER)('workbench in a browser (required)', () => {
  it('has Chromium', () => {
    throw new Error(`QMSDOC_REQUIRE_BROWSER=1 but there is no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
  });
});

describe.runIf(HAVE_BROWSER)('workbench in a browser', () => {
  let server: RunningWorkbench;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let root: string;
  const ledgers = tempFolder();
  const threads = process.env.QMSDOC_THREADS;
  let findingsShown = 0;
  const base = () => `http://127.0.0.1:${server.port}`;

  beforeAll(async () => {
    // The workbench renders on worker threads, as a user's does: its pages answer while it builds
    // (the tests' default renders in the calling thread, see test/global-setup.ts).
    process.env.QMSDOC_THREADS = '2';
    root = tempFolder();
    const input = path.join(root, 'input');
    mkdirSync(input);
    copyFileSync(path.join(SAMPLE, 'qmsdoc.config.json'), path.join(input, 'qmsdoc.config.json'));
    // The sample ledgers cut to their first six records: the page's build renders every kind of
    // document in a few seconds instead of the whole sample's.
    await smallSample(ledgers, 6, [SECOND_HALF_COMPLAINTS]);
    server = await startWorkbench({
      input,
      output: path.join(root, 'output'),
      port: 0,
      fallbackPort: false,
      asOf: '2025-12-31',
      lang: 'zh',
      today: () => '2025-12-31',
      now: () => new Date('2025-12-31T08:00:00Z'),
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
    // Generous on a loaded machine: each wait ends as soon as its condition holds.
    context.setDefaultTimeout(120_000);
    page = await context.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (threads === undefined) delete process.env.QMSDOC_THREADS;
    else process.env.QMSDOC_THREADS = threads;
  });

  it('opens from the printed link, with the token gone from the address bar', async () => {
    expect(page.url()).toBe(`${base()}/check`);
    expect(await page.locator('header nav a[aria-current="page"]').textContent()).toBe('检查');
  });

  it('uploads the sample ledgers with the file picker and shows what each was read as', async () => {
    await page.goto(`${base()}/data`);
    await Promise.all([
      page.waitForEvent('load'),
      page.setInputFiles(
        '#file-picker',
        SAMPLE_FILES.map((f) => path.join(ledgers, f)),
      ),
    ]);
    await page.waitForSelector('table.files');
    const files = await page.locator('td.file-name').allTextContents();
    expect(files.sort()).toEqual([...SAMPLE_FILES].sort());
    const ordersRow = page.locator('tr[data-file="订单评审台账2025.xlsx"]').first();
    expect(await ordersRow.locator('td.read-as').textContent()).toBe('合同/订单评审');
  });

  it('lists every finding, filters them, and opens one with its file, sheet and row', async () => {
    await page.goto(`${base()}/check`);
    findingsShown = await page.locator('tr.finding').count();
    expect(findingsShown).toBeGreaterThan(0);
    expect(await page.locator('#findings-count').textContent()).toBe(`共 ${findingsShown} 个`);

    await page.selectOption('select[data-filter="severity"]', 'major');
    const majors = await page.locator('tr.finding[data-severity="major"]').count();
    expect(await page.locator('tr.finding:visible').count()).toBe(majors);
    expect(await page.locator('#findings-count').textContent()).toBe(`${majors} / ${findingsShown}`);
    await page.selectOption('select[data-filter="severity"]', '');

    const row = page.locator('tr.finding[data-dataset="orders"]').first();
    const record = (await row.locator('td.record').textContent()) ?? '';
    await row.click();
    await page.waitForSelector('#panel .panel-file');
    expect(await page.locator('#panel .panel-file').textContent()).toBe('订单评审台账2025.xlsx');
    expect(await page.locator('#panel .panel-sheet').textContent()).toBe('订单评审台账');
    const where = (await row.locator('td.where').textContent()) ?? '';
    expect(where).toContain(`行 ${await page.locator('#panel .panel-row').textContent()}`);
    // The row as read: the order number cell, raw and parsed.
    const orderNoCell = page.locator('#panel table.row-view tr[data-field="order_no"]');
    expect(await orderNoCell.locator('td').nth(1).textContent()).toBe(record);
    expect(await orderNoCell.locator('td').nth(2).textContent()).toBe(record);
    await page.click('#panel .close-panel');
    expect(await page.locator('#panel').isHidden()).toBe(true);
  });

  it('draws the charts with chart.js from the PDF chart definitions', async () => {
    // Drawn once chart.js and the web font's pieces for the charts' characters are loaded.
    await page.waitForFunction(() => {
      const charts = (window as unknown as { Chart?: { getChart(c: HTMLCanvasElement): unknown } }).Chart;
      return charts !== undefined && Array.from(document.querySelectorAll<HTMLCanvasElement>('canvas[data-chart]')).every((c) => charts.getChart(c));
    });
    const specs = JSON.parse((await page.locator('#chart-specs').textContent()) ?? '{}') as Record<string, { data: { labels: string[] } }>;
    // Every character of the charts' titles and labels is in the loaded font: none draws as a box.
    const texts = JSON.stringify(specs);
    expect(await page.evaluate((t) => ['400', '700'].every((w) => document.fonts.check(`${w} 12px 'Noto Sans SC'`, t)), texts)).toBe(true);
    expect(Object.keys(specs).sort()).toEqual(['complaints', 'review', 'satisfaction']);
    const drawn = await page.evaluate(() => {
      const charts = (window as unknown as { Chart: { getChart(c: HTMLCanvasElement): { data: { labels: string[] } } | undefined } }).Chart;
      return Array.from(document.querySelectorAll<HTMLCanvasElement>('canvas[data-chart]')).map((c) => [
        c.dataset.chart,
        charts.getChart(c)?.data.labels.length ?? 0,
      ]);
    });
    expect(Object.fromEntries(drawn)).toEqual(Object.fromEntries(Object.entries(specs).map(([k, s]) => [k, s.data.labels.length])));
  });

  it('builds with live progress, lists the documents, previews a PDF; the findings count equals summary.json', async () => {
    await page.goto(`${base()}/documents`);
    await page.click('#build-button');
    await page.waitForSelector('table.documents', { timeout: 540_000 });
    const summary = JSON.parse(readFileSync(path.join(root, 'output', 'summary.json'), 'utf8')) as Summary;
    expect(summary.findings.length).toBe(findingsShown);
    const pdfRow = page.locator('tr[data-path="reports/audit-readiness-2025-12-31.pdf"]');
    await pdfRow.locator('button.preview').click();
    const src = await page.locator('#pdf-preview').getAttribute('src');
    expect(src).toBe('/output/reports/audit-readiness-2025-12-31.pdf?inline=1');
    const fetched = await page.evaluate(async (url) => {
      const res = await fetch(url);
      const bytes = new Uint8Array(await res.arrayBuffer());
      return { type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), head: String.fromCharCode(...bytes.slice(0, 5)) };
    }, src!);
    expect(fetched).toEqual({ type: 'application/pdf', disposition: expect.stringMatching(/^inline;/) as unknown as string, head: '%PDF-' });
    expect(await page.locator('.manifest tr', { hasText: 'summary.json' }).count()).toBe(1);
  }, 600_000);

  it('changes an objective in the settings and shows the headline change at once', async () => {
    await page.goto(`${base()}/settings`);
    const meanObjective = page.locator('#headline tr[data-metric="satisfaction_mean"]');
    expect(await meanObjective.locator('td').nth(1).textContent()).toBe('≥ 85.0');
    expect(await meanObjective.locator('td').nth(3).textContent()).toBe('未达成');
    await page.fill('[data-path="goals.surveyMean.value"]', '80');
    await page.click('#config-form button[type="submit"]');
    await page.waitForSelector('#config-status.ok');
    expect(await page.locator('#headline [data-figure="mean"] dd').textContent()).toContain('目标 80.0');
    expect(await page.locator('#headline tr[data-metric="satisfaction_mean"] td').nth(3).textContent()).toBe('达成');
    const saved = JSON.parse(readFileSync(path.join(root, 'input', 'qmsdoc.config.json'), 'utf8')) as { goals: { surveyMean: unknown }; company: unknown };
    expect(saved.goals.surveyMean).toBe(80);
    expect(saved.company).toEqual({ name: { zh: '示例精密机械有限公司', en: 'Example Precision Machinery Co., Ltd.' } });
  });

  it('shows a bad value at its field and keeps the file as it was', async () => {
    const before = readFileSync(path.join(root, 'input', 'qmsdoc.config.json'), 'utf8');
    await page.fill('[data-path="goals.responseRate.value"]', '2');
    await page.click('#config-form button[type="submit"]');
    await page.waitForSelector('#config-status.error');
    const error = page.locator('[data-error-for="goals.responseRate"]');
    expect(await error.textContent()).toMatch(/<=\s*1/);
    expect(await page.locator('.has-error [data-path="goals.responseRate.value"]').count()).toBe(1);
    expect(readFileSync(path.join(root, 'input', 'qmsdoc.config.json'), 'utf8')).toBe(before);
  });

  it('downloads a template that reads back with its headers and drop-downs', async () => {
    await page.goto(`${base()}/templates`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[data-template="orders"]')]);
    expect(download.suggestedFilename()).toBe('订单评审台账-模板.xlsx');
    const file = path.join(root, 'orders-template.xlsx');
    await download.saveAs(file);
    const bytes = readFileSync(file);
    expect(sheetRows(bytes, '数据', 1)[0]).toEqual(ORDER_FIELDS.map((f) => f.zh));
    expect(Object.values(dropDowns(bytes))).toContainEqual(['标准', '非标']);
  });

  it('switches to English and fits a narrow window on every page', async () => {
    await page.goto(`${base()}/check`);
    await page.click('header a.lang');
    expect(await page.locator('header nav a[aria-current="page"]').textContent()).toBe('Check');
    await page.setViewportSize({ width: 400, height: 800 });
    for (const p of ['data', 'check', 'documents', 'settings', 'templates']) {
      await page.goto(`${base()}/${p}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, p).toBeLessThanOrEqual(0);
    }
    await page.click('header a.lang');
  });
});
