import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, beforeAll } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { mergePdfs, pdfPageCount } from '../../src/render/pdf/merge-pdfs.js';
import { FORMS_DIR, loadFormCatalogue, selectForms } from '../../src/forms/form-catalogue.js';
import { blankView, complaintView, orderView, type ViewContext } from '../../src/forms/form-views.js';
import { layoutForm } from '../../src/forms/layout-form.js';
import { renderForm, type FormRenderContext } from '../../src/forms/render-form.js';
import { renderBlankForms } from '../../src/forms/render-forms.js';
import type { FormTemplate } from '../../src/forms/form-template.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { FontSet } from '../../src/render/pdf/font-set.js';
import { renderPdf } from '../../src/render/pdf/pdf-engine.js';
import { officialCalendar } from '../../src/calendar/official-calendar.js';
import { WorkingCalendar } from '../../src/calendar/working-calendar.js';
import { complaintStatus } from '../../src/validate/check-complaints.js';
import { openPdf, pdfPages, pageToPng } from '../helpers/pdf.js';
import { makeComplaint, makeOrder } from '../helpers/records.js';
import { expectGolden } from '../helpers/golden.js';

const { config } = loadConfig(path.join(PACKAGE_ROOT, 'input', 'qmsdoc.config.json'));
const AS_OF = '2025-12-31';
const views: ViewContext = { config, lang: 'zh', asOf: AS_OF, findingsFor: () => [] };
const render: FormRenderContext = { config, lang: 'zh', asOf: AS_OF, logo: null };
const catalogue = selectForms(loadFormCatalogue(), [], Object.keys(config.forms));
const form = (id: string): FormTemplate => catalogue.find((t) => t.id === id)!;
const calendar = new WorkingCalendar(officialCalendar());

/** Every character of the text is one an embedded font can draw (no blank boxes). */
function expectAllGlyphs(text: string): void {
  const fonts = FontSet.get();
  const lacking = [...text].filter((ch) => !/\s/.test(ch) && !fonts.covers(ch.codePointAt(0)!));
  expect(lacking).toEqual([]);
}

describe('blank controlled forms', () => {
  const pdfs = new Map<string, Buffer>();
  beforeAll(async () => {
    await renderBlankForms(catalogue, render, views, (file, bytes) => pdfs.set(file, bytes));
  });

  it('are the seven forms of the procedure, one PDF each named by number and title, plus the print pack', () => {
    expect([...pdfs.keys()]).toEqual([
      'QR-XS-01 电话传真收发记录表.pdf',
      'QR-XS-02 合同_订单评审表.pdf',
      'QR-XS-03 联络单.pdf',
      'QR-XS-04 客户满意度调查表.pdf',
      'QR-XS-06 客户投诉处理记录表.pdf',
      'QR-XS-07 出货通知单.pdf',
      'QR-PZ-01 纠正和预防措施报告.pdf',
      '受控表单打印包.pdf',
    ]);
  });

  it.each([
    ['QR-XS-01 电话传真收发记录表.pdf', '电话传真收发记录表', 'QR-XS-01', 'A/0'],
    ['QR-XS-02 合同_订单评审表.pdf', '合同/订单评审表', 'QR-XS-02', 'B/1'],
    ['QR-XS-03 联络单.pdf', '联络单', 'QR-XS-03', 'A/0'],
    ['QR-XS-04 客户满意度调查表.pdf', '客户满意度调查表', 'QR-XS-04', 'A/0'],
    ['QR-XS-06 客户投诉处理记录表.pdf', '客户投诉处理记录表', 'QR-XS-06', 'A/0'],
    ['QR-XS-07 出货通知单.pdf', '出货通知单', 'QR-XS-07', 'A/0'],
    ['QR-PZ-01 纠正和预防措施报告.pdf', '纠正和预防措施报告', 'QR-PZ-01', 'A/0'],
  ])('%s carries its controlled header and footer on one page', async (file, title, number, version) => {
    const bytes = pdfs.get(file)!;
    const pages = await pdfPages(bytes);
    expect(pages).toHaveLength(1);
    const text = pages[0]!;
    expect(text).toContain('示例精密机械有限公司');
    expect(text).toContain('受控');
    expect(text).toContain(title);
    expect(text).toContain(`表单编号：${number}`);
    expect(text).toContain(`版本/版次：${version}`);
    expect(text).toContain('发放号：__________');
    expect(text).toContain('生效日期：2024-01-01');
    expect(text).toMatch(/编制：_+ +日期：_+/);
    expect(text).toContain('保存期限：3年');
    expect(text).toContain('第 1 页 共 1 页');
    expectAllGlyphs(text);
  });

  it('prints the review questions, the survey dimensions and band definitions even blank', async () => {
    const review = (await pdfPages(pdfs.get('QR-XS-02 合同_订单评审表.pdf')!))[0]!;
    for (const q of ['合同/订单内容是否清晰', '采购能力是否可以满足数量要求', '是否有相关的技术文件']) expect(review).toContain(q);
    const survey = (await pdfPages(pdfs.get('QR-XS-04 客户满意度调查表.pdf')!))[0]!;
    expect(survey).toMatch(/1 +产品质量/);
    expect(survey).toMatch(/4 +交期/);
    expect(survey).toContain('90–100 分 非常满意');
  });

  it('binds them into a print pack: a contents page, then each form with its own page numbering', async () => {
    const bytes = pdfs.get('受控表单打印包.pdf')!;
    const pages = await pdfPages(bytes);
    expect(pages).toHaveLength(8);
    expect(pages[0]).toContain('受控表单打印包');
    expect(pages[0]).toMatch(/1 +QR-XS-01 +电话传真收发记录表 +A\/0 +2024-01-01 +3年 +2/);
    expect(pages[0]).toMatch(/7 +QR-PZ-01 +纠正和预防措施报告 +A\/0 +2024-01-01 +3年 +8/);
    expect(pages[1]).toContain('电话传真收发记录表');
    expect(pages[7]).toContain('纠正和预防措施报告');
    for (const page of pages.slice(1)) expect(page).toContain('第 1 页 共 1 页');
  });

  it('renders page 1 of a blank form as a drawn page, not an empty one', async () => {
    const png = await pageToPng(pdfs.get('QR-XS-06 客户投诉处理记录表.pdf')!, 1, 1);
    expect(inkRatio(png)).toBeGreaterThan(0.02);
  });
});

describe('filled forms', () => {
  const complaint = makeComplaint({ complaintNo: 'KS-2025-042', customer: '宁波海通电器有限公司', description: '内孔尺寸超差，装配困难', handler: '张琎', severity: 'major', escalated: false, closedAt: '2025-04-10' });

  it('put each value of the complaint where it belongs, and the findings in red', async () => {
    const status = complaintStatus(complaint, config, calendar, AS_OF);
    const view = complaintView(status, { ...views, findingsFor: (d, r) => (d === 'complaints' && r === 'KS-2025-042' ? ['重大投诉未上报管理层（“是否上报”为否）'] : []) }).view;
    const { pdf } = await renderForm(form('complaint_record'), view, render);
    const [page] = await pdfPages(pdf);
    expect(page).toMatch(/投诉编号 +KS-2025-042 +受理时间 +2025-03-03 09:00 +受理人 +张琎/);
    expect(page).toMatch(/客户名称 +宁波海通电器有限公司/);
    expect(page).toContain('内孔尺寸超差，装配困难');
    // The label wraps in its narrow cell ("纠正预防措施" / "单号"); the number sits between its lines.
    expect(page).toMatch(/纠正预防措施\nCAPA-1\n.*单号$/m);
    expect(page!.split('CAPA-1')).toHaveLength(2);
    expect(page).toMatch(/受理至结案 27 个工作日（时限 18 个工作日），已超期/);
    expect(page).toContain('内审提示（qmsdoc 核查发现）');
    expect(page).toContain('• 重大投诉未上报管理层（“是否上报”为否）');
    expect(page).toContain('第 1 页 共 1 页');
    expectAllGlyphs(page!);
  });

  it("ticks a company category's own box, and 其他 with the label beside it for a label nobody defined", async () => {
    // The sample configuration defines the company category appearance (外观).
    const cases = [
      [makeComplaint({ complaintNo: 'KS-A', category: 'appearance' }), '外观'],
      [makeComplaint({ complaintNo: 'KS-B', category: 'other', categoryText: '尺寸' }), '其他（尺寸）'],
      [makeComplaint({ complaintNo: 'KS-C', category: 'quality' }), '质量'],
    ] as const;
    for (const [record, label] of cases) {
      const view = complaintView(complaintStatus(record, config, calendar, AS_OF), views).view;
      const { definition } = layoutForm(form('complaint_record'), view, { lang: 'zh', asOf: AS_OF, controlled: { company: null, title: 'T', number: 'N', version: 'V', issueNo: '', effectiveDate: '', retention: '3年', logo: null } });
      // Each option is a tick box followed by its label; the ticked box has a drawn tick (a polyline).
      const ticked: string[] = [];
      JSON.stringify(definition, (_key, value: unknown) => {
        if (Array.isArray(value)) {
          value.forEach((item, i) => {
            const box = (item as { canvas?: { type: string }[] } | null)?.canvas;
            const next = value[i + 1] as { text?: unknown } | undefined;
            if (box?.some((e) => e.type === 'polyline') && typeof next?.text === 'string') ticked.push(next.text);
          });
        }
        return value;
      });
      expect(ticked, record.complaintNo).toContain(label);
      const [page] = await pdfPages((await renderForm(form('complaint_record'), view, render)).pdf);
      expect(page).toContain(label);
      expect(page).not.toContain('未填');
    }
  });

  it("gives the blank complaint record a box for each of the company's own categories, before 其他", async () => {
    const [page] = await pdfPages((await renderForm(form('complaint_record'), blankView('complaint', views), render)).pdf);
    expect(page).toMatch(/投诉类别 .*重量 外观 其他/);
  });

  it('draws a rare character of a name with the full Noto Sans Hans font', async () => {
    expect(FontSet.get().runs('张琎').runs).toEqual([
      { text: '张', font: 'NotoSansSC' },
      { text: '琎', font: 'NotoSansHans' },
    ]);
    const status = complaintStatus(complaint, config, calendar, AS_OF);
    const { pdf, missingGlyphs } = await renderForm(form('complaint_record'), complaintView(status, views).view, render);
    expect(missingGlyphs).toEqual([]);
    const text = pdf.toString('latin1');
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC/);
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansHans/);
  });

  it('ticks the review items from the data and marks missing ones and a missing review date', async () => {
    const order = makeOrder({ orderNo: 'HT-9', itemC: false, itemE: null, reviewDate: null, signoffFinance: null });
    const { pdf } = await renderForm(form('order_review'), orderView(order, views).view, render);
    const [page] = await pdfPages(pdf);
    expect(page).toMatch(/e +能否满足特殊特性要求 +是 +否 +未填/);
    expect(page).toMatch(/评审日期 +未填/);
    expect(page).toMatch(/行政财务部 +未填/);
    const png = await pageToPng(pdf, 1, 1);
    expect(inkRatio(png)).toBeGreaterThan(0.02);
  });

  it('gives the same bytes for the same data and as-of date', async () => {
    const status = complaintStatus(complaint, config, calendar, AS_OF);
    const a = await renderForm(form('complaint_record'), complaintView(status, views).view, render);
    const b = await renderForm(form('complaint_record'), complaintView(status, views).view, render);
    expect(a.pdf.equals(b.pdf)).toBe(true);
  });

  it('binds several records into one PDF, each keeping its own page count and numbering', async () => {
    const layouts = [makeComplaint({ complaintNo: 'A' }), makeComplaint({ complaintNo: 'B' })].map(
      (c) => layoutForm(form('complaint_record'), complaintView(complaintStatus(c, config, calendar, AS_OF), views).view, { lang: 'zh', asOf: AS_OF, controlled: { company: null, title: 'T', number: 'N', version: 'V', issueNo: '', effectiveDate: '', retention: '3年', logo: null } }).definition,
    );
    const combined = mergePdfs(await Promise.all(layouts.map(renderPdf)), { title: '客户投诉处理记录表', author: '示例', date: AS_OF });
    expect(pdfPageCount(combined)).toBe(2);
    const pages = await pdfPages(combined);
    expect(pages.map((p) => /投诉编号 (\S+)/.exec(p)?.[1])).toEqual(['A', 'B']);
    expect(pages.every((p) => p.includes('第 1 页 共 1 页'))).toBe(true);
  });
});

describe('combined PDFs', () => {
  it('keep each part\'s own numbering when a part runs over two pages, and its orientation', async () => {
    const entries = Array.from({ length: 16 }, (_, i) => ({ date: '2025-01-02', direction: '收', channel: '电话', customer: `客户${i}`, summary: '订货', logNo: `DH-${i}`, result: '转订单', recorder: '王强' }));
    const controlled = { company: null, title: 'T', number: 'N', version: 'V', issueNo: '', effectiveDate: '', retention: '3年', logo: null };
    const log = layoutForm(form('phone_fax_log'), { filled: true, year: '2025', entries }, { lang: 'zh', asOf: AS_OF, controlled }).definition;
    const capa = layoutForm(form('capa_report'), blankView('capa', views), { lang: 'zh', asOf: AS_OF, controlled }).definition;
    const pdf = mergePdfs([await renderPdf(log), await renderPdf(capa)], { title: 'pack', author: '', date: AS_OF });
    const pages = await pdfPages(pdf);
    expect(pages.map((p) => /第 \d+ 页 共 \d+ 页/.exec(p)?.[0])).toEqual(['第 1 页 共 2 页', '第 2 页 共 2 页', '第 1 页 共 1 页']);
    expect(pages[1]).toContain('客户15');
    const doc = await openPdf(pdf);
    const sizes = await Promise.all([1, 2, 3].map(async (n) => (await doc.getPage(n)).view));
    expect(sizes.map((v) => (v[2]! > v[3]! ? 'landscape' : 'portrait'))).toEqual(['landscape', 'landscape', 'portrait']);
    const info = (await doc.getMetadata()).info as { Title?: string; CreationDate?: string };
    expect(info).toMatchObject({ Title: 'pack', CreationDate: 'D:20251231000000Z' });
  });

  it('are byte-identical for the same parts', async () => {
    const controlled = { company: null, title: 'T', number: 'N', version: 'V', issueNo: '', effectiveDate: '', retention: '3年', logo: null };
    const part = await renderPdf(layoutForm(form('liaison'), blankView('liaison', views), { lang: 'zh', asOf: AS_OF, controlled }).definition);
    const a = mergePdfs([part, part], { title: '联络单', author: '', date: AS_OF });
    const b = mergePdfs([part, part], { title: '联络单', author: '', date: AS_OF });
    expect(a.equals(b)).toBe(true);
    expect(await pdfPages(a)).toHaveLength(2);
  });
});

describe('the form layout as data', () => {
  it('lays the blank complaint record out as its golden document definition', () => {
    const { definition } = layoutForm(form('complaint_record'), blankView('complaint', views), { lang: 'zh', asOf: AS_OF, controlled: { company: '示例精密机械有限公司', title: '客户投诉处理记录表', number: 'QR-XS-06', version: 'A/0', issueNo: '', effectiveDate: '2024-01-01', retention: '3年', logo: null } });
    expectGolden('complaint-record-blank.definition.json', `${JSON.stringify(definition.content, null, 1)}\n`);
  });

  it('finds the built-in templates in the folder the package ships, one file per form', () => {
    const shipped = (JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { files: string[] }).files;
    expect(shipped).toContain(path.relative(PACKAGE_ROOT, FORMS_DIR).split(path.sep)[0]);
    const files = readdirSync(FORMS_DIR).filter((f) => f.endsWith('.json')).sort();
    expect(files).toEqual(loadFormCatalogue().map((t) => `${t.id}.json`).sort());
  });
});

/** Share of pixels that are not white in a PNG page (decoded by drawing it on a canvas). */
function inkRatio(png: Buffer): number {
  // A blank page compresses to a tiny PNG; drawn forms do not. Decode to be exact.
  const { createCanvas, Image } = require('@napi-rs/canvas') as typeof import('@napi-rs/canvas');
  const image = new Image();
  image.src = png;
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  const data = ctx.getImageData(0, 0, image.width, image.height).data;
  let ink = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i]! < 200 || data[i + 1]! < 200 || data[i + 2]! < 200) ink++;
  return ink / (data.length / 4);
}
