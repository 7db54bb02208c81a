import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, beforeAll } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { mergePdfs, pdfPageCount } from '../../src/render/pdf/merge-pdfs.js';
import { FORMS_DIR, loadFormCatalogue, selectForms } from '../../src/forms/form-catalogue.js';
import {
  blankView,
  capaView,
  complaintView,
  customerListViews,
  liaisonViews,
  orderView,
  phoneFaxLogViews,
  surveyInvitationViews,
  type ViewContext,
} from '../../src/forms/form-views.js';
import type { SatisfactionAnalysis } from '../../src/model/satisfaction.js';
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
const views: ViewContext = { config, lang: 'zh', asOf: AS_OF };
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

  it('are the forms of the register, one PDF each named by number and title, plus the print pack', () => {
    expect([...pdfs.keys()]).toEqual([
      'QR-XS-01 电话传真收发记录表.pdf',
      'QR-XS-02 合同_订单评审表.pdf',
      'QR-XS-03 联络单.pdf',
      'QR-XS-04 客户满意度调查表.pdf',
      'QR-XS-06 客户投诉处理记录表.pdf',
      'QR-XS-07 出货通知单.pdf',
      'QR-XS-08 客户一览表.pdf',
      'QR-PZ-01 纠正和预防措施报告.pdf',
      '受控表单打印包.pdf',
    ]);
  });

  it.each([
    ['QR-XS-01 电话传真收发记录表.pdf', '电话传真收发记录表', 'QR-XS-01', 'A/0', 1],
    ['QR-XS-02 合同_订单评审表.pdf', '合同/订单评审表', 'QR-XS-02', 'B/1', 2],
    ['QR-XS-03 联络单.pdf', '联络单', 'QR-XS-03', 'A/0', 1],
    ['QR-XS-06 客户投诉处理记录表.pdf', '客户投诉处理记录表', 'QR-XS-06', 'A/0', 2],
    ['QR-XS-07 出货通知单.pdf', '出货通知单', 'QR-XS-07', 'A/0', 1],
    ['QR-XS-08 客户一览表.pdf', '客户一览表', 'QR-XS-08', 'A/0', 1],
    ['QR-PZ-01 纠正和预防措施报告.pdf', '纠正和预防措施报告', 'QR-PZ-01', 'A/0', 1],
  ])('%s is a controlled document: stamp, header and approval footer on every page', async (file, title, number, version, pageCount) => {
    const pages = await pdfPages(pdfs.get(file)!);
    expect(pages).toHaveLength(pageCount);
    pages.forEach((text, i) => {
      expect(text).toContain('示例精密机械有限公司');
      expect(text).toContain('受控');
      expect(text).toContain(title);
      expect(text).toContain(`表单编号：${number}`);
      expect(text).toContain(`版本/版次：${version}`);
      expect(text).toContain('发放号：__________');
      expect(text).toMatch(number === 'QR-XS-08' ? /生效日期：_+/ : /生效日期：2024-01-01/);
      expect(text).toMatch(/编制：_+ +日期：_+/);
      expect(text).toContain('保存期限：3年');
      expect(text).toContain(`第 ${i + 1} 页 共 ${pageCount} 页`);
      expectAllGlyphs(text);
    });
  });

  it('gives the customer a survey without control marks: no 受控, no approval block, no retention; the form number as an internal reference', async () => {
    const [text] = await pdfPages(pdfs.get('QR-XS-04 客户满意度调查表.pdf')!);
    expect(text).toContain('客户满意度调查表');
    expect(text).not.toContain('受控');
    expect(text).not.toMatch(/编制：|审核：|批准：/);
    expect(text).not.toContain('保存期限');
    expect(text).not.toContain('发放号');
    expect(text).toContain('内部编号：QR-XS-04 A/0');
  });

  it('prints the company time limits on the blank complaint record, named as company limits with their source', async () => {
    // Read as one line: where the note wraps depends on its length, not on what it says.
    const text = (await pdfPages(pdfs.get('QR-XS-06 客户投诉处理记录表.pdf')!)).join('\n').replace(/\n/g, ' ');
    expect(text).toContain('公司规定的处理时限（非程序条款；来源：公司设定）');
    expect(text).toContain('受理至结案 18 个工作日');
    expect(text).toContain('首次答复客户 72 小时内');
  });

  it('prints no tool name or configuration key on any blank form or the print pack', async () => {
    for (const [file, bytes] of pdfs) {
      const text = (await pdfPages(bytes)).join('\n');
      expect(text, file).not.toMatch(/qmsdoc|config|配置/i);
    }
  });

  it('prints the review questions, the survey dimensions and band definitions even blank', async () => {
    const review = (await pdfPages(pdfs.get('QR-XS-02 合同_订单评审表.pdf')!))[0]!;
    for (const q of ['合同/订单内容是否清晰', '采购能力是否可以满足数量要求', '是否有相关的技术文件']) expect(review).toContain(q);
    const survey = (await pdfPages(pdfs.get('QR-XS-04 客户满意度调查表.pdf')!))[0]!;
    expect(survey).toMatch(/1 +产品质量/);
    expect(survey).toMatch(/4 +交期/);
    expect(survey).toContain('90–100 分 非常满意');
  });

  it('binds them into a print pack: contents of every registered form with its page, pack page numbers, a bookmark per form', async () => {
    const bytes = pdfs.get('受控表单打印包.pdf')!;
    const pages = await pdfPages(bytes);
    expect(pages).toHaveLength(11);
    expect(pages[0]).toContain('受控表单打印包');
    // The date on the contents is the data's as-of date, said as such: nothing here knows the day of printing.
    expect(pages[0]).toContain('数据截至：2025-12-31');
    expect(pages[0]).not.toContain('打印日期');
    expect(pages[0]).toMatch(/1 +QR-XS-01 +电话传真收发记录表 +A\/0 +2024-01-01 +3年 +2/);
    expect(pages[0]).toMatch(/2 +QR-XS-02 +合同\/订单评审表 +B\/1 +2024-01-01 +3年 +3/);
    expect(pages[0]).toMatch(/5 +QR-XS-05 +客户满意度分析报告 .*见报告/);
    expect(pages[0]).toMatch(/8 +QR-XS-08 +客户一览表 +A\/0 +3年 +10/);
    expect(pages[0]).toMatch(/9 +QR-PZ-01 +纠正和预防措施报告 +A\/0 +2024-01-01 +3年 +11/);
    expect(pages[2]).toMatch(/第 1 页 共 2 页\s*打印包第 3 页/);
    expect(pages[3]).toMatch(/第 2 页 共 2 页\s*打印包第 4 页/);
    expect(pages[10]).toContain('纠正和预防措施报告');
    expect(pages[10]).toMatch(/第 1 页 共 1 页\s*打印包第 11 页/);
    const doc = await openPdf(bytes);
    const outline = (await doc.getOutline()) ?? [];
    expect(outline.map((o) => o.title)).toEqual([
      '目录',
      'QR-XS-01 电话传真收发记录表',
      'QR-XS-02 合同/订单评审表',
      'QR-XS-03 联络单',
      'QR-XS-04 客户满意度调查表',
      'QR-XS-06 客户投诉处理记录表',
      'QR-XS-07 出货通知单',
      'QR-XS-08 客户一览表',
      'QR-PZ-01 纠正和预防措施报告',
    ]);
    expect(await doc.getPageIndex((outline[2]!.dest as unknown[])[0] as never)).toBe(2);
  });

  it('renders page 1 of a blank form as a drawn page, not an empty one', async () => {
    const png = await pageToPng(pdfs.get('QR-XS-06 客户投诉处理记录表.pdf')!, 1, 1);
    expect(inkRatio(png)).toBeGreaterThan(0.02);
  });
});

describe('filled forms', () => {
  const complaint = makeComplaint({
    complaintNo: 'KS-2025-042',
    customer: '宁波海通电器有限公司',
    description: '内孔尺寸超差，装配困难',
    handler: '张琎',
    severity: 'major',
    escalated: false,
    closedAt: '2025-04-10',
  });

  it('put each value of the complaint where it belongs, with no audit note and no control stamp', async () => {
    const status = complaintStatus(complaint, config, calendar, AS_OF);
    const { pdf } = await renderForm(form('complaint_record'), complaintView(status, views).view, render);
    const pages = await pdfPages(pdf);
    const text = pages.join('\n');
    expect(pages[0]).toMatch(/投诉编号 +KS-2025-042 +受理时间 +2025-03-03 09:00 +受理人 +张琎/);
    expect(pages[0]).toMatch(/客户名称 +宁波海通电器有限公司/);
    expect(text).toContain('内孔尺寸超差，装配困难');
    expect(pages[1]).toMatch(/纠正预防措施单号 +CAPA-1/);
    expect(text).not.toContain('内审提示');
    expect(text).not.toContain('已超期');
    // A record names its form and version, and is not a controlled document.
    expect(pages[0]).toContain('表单编号：QR-XS-06');
    expect(text).not.toContain('受控');
    expect(text).not.toMatch(/编制：/);
    expect(pages[0]).toContain('第 1 页 共 2 页');
    expectAllGlyphs(text);
  });

  it('prints the new complaint columns in their own fields: order, contact, request, containment, preventive action, return, reply', async () => {
    const full = makeComplaint({
      orderNo: 'HT-2025-007',
      contact: '刘洋',
      contactPhone: '0512-6123456',
      customerRequest: '退货并补发',
      containment: '隔离同批次库存',
      preventiveAction: '修订检验规程',
      returned: true,
      returnQty: 20,
      returnReason: '尺寸不合格',
      inspectionResult: '复检确认不合格',
      disposal: '返工后补发',
      replyMethod: '邮件',
      customerAccepted: true,
      docRevision: '检验规程 B/1',
      verificationResult: '连续 3 批合格',
    });
    const { pdf } = await renderForm(form('complaint_record'), complaintView(complaintStatus(full, config, calendar, AS_OF), views).view, render);
    const text = (await pdfPages(pdf)).join('\n');
    expect(text).toMatch(/联系电话 +0512-6123456 +订单号 +HT-2025-007/);
    expect(text).toMatch(/联系人 +刘洋/);
    expect(text).toMatch(/客户要求\n退货并补发/);
    expect(text).toMatch(/临时措施（围堵）\n隔离同批次库存/);
    expect(text).toMatch(/纠正措施\n加严首检/);
    expect(text).toMatch(/预防措施（防止再发生）\n修订检验规程/);
    expect(text).toMatch(/文件修订 +检验规程 B\/1/);
    expect(text).toMatch(/退货数量 +20 +处置方式 +返工后补发/);
    expect(text).toMatch(/尺寸不合格 +复检确认不合格/);
    expect(text).toMatch(/答复方式 +邮件/);
    expect(text).toMatch(/验证结果\n连续 3 批合格/);
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
      const { definition } = layoutForm(form('complaint_record'), view, {
        lang: 'zh',
        asOf: AS_OF,
        controlled: { company: null, title: 'T', number: 'N', version: 'V', issueNo: '', effectiveDate: '', retention: '3年', logo: null },
      });
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

  it('ticks the review items from the data, leaves what the data lacks blank, and prints no sign date the ledger does not give', async () => {
    const order = makeOrder({ orderNo: 'HT-9', itemC: false, itemE: null, reviewDate: '2025-03-04', signoffFinance: null });
    const { pdf } = await renderForm(form('order_review'), orderView(order, views).view, render);
    const text = (await pdfPages(pdf)).join('\n');
    expect(text).toMatch(/e +能否满足特殊特性要求 +是 +否\n/);
    expect(text).not.toContain('未填');
    expect(text).toMatch(/评审日期 +2025-03-04 +签订日期 +2025-03-05/);
    // Signatures as the ledger has them; the date column stays empty (the ledger has no sign dates).
    expect(text).toMatch(/供销部 +张伟\n/);
    expect(text).toMatch(/行政财务部\n/);
    expect(text).toMatch(/业务部 +王强\n/);
    expect(text.match(/2025-03-04/g)).toHaveLength(1);
    const png = await pageToPng(pdf, 1, 1);
    expect(inkRatio(png)).toBeGreaterThan(0.02);
  });

  it('prints the requirements of 5.3.1.1–5.3.1.2, the QA sign-off and the conclusion from their columns', async () => {
    const order = makeOrder({
      priceTerms: '单价 12.5 元',
      packaging: '木箱',
      transport: '汽运',
      serviceRequirements: '质保 12 个月',
      specialRequirements: '45# 钢调质',
      standards: 'GB/T 1184',
      legalRequirements: 'RoHS',
      signoffQa: '孙丽',
      reviewConclusion: '有条件接单：交期提前',
      phoneLogNo: 'DH-1',
    });
    const view = orderView(order, views).view;
    expect(view['conclusion']).toBe('conditional');
    const text = (await pdfPages((await renderForm(form('order_review'), view, render)).pdf)).join('\n');
    expect(text).toMatch(/价格 +单价 12\.5 元 +包装 +木箱/);
    expect(text).toMatch(/运输 +汽运 +服务 +质保 12 个月/);
    expect(text).toContain('45# 钢调质');
    expect(text).toMatch(/适用标准 +GB\/T 1184 +法律法规要求 +RoHS/);
    expect(text).toMatch(/品质部 +孙丽/);
    expect(text).toMatch(/电话传真记录号 +DH-1/);
  });

  it('derives 接单 only when every item is confirmed and every department signed; a GM ruling is printed as written', () => {
    expect(orderView(makeOrder(), views).view['conclusion']).toBe('accept');
    expect(orderView(makeOrder({ signoffFinance: null }), views).view['conclusion']).toBeNull();
    expect(orderView(makeOrder({ itemB: false }), views).view['conclusion']).toBeNull();
    expect(orderView(makeOrder({ reviewDate: null }), views).view['conclusion']).toBeNull();
    const ruled = orderView(makeOrder({ dispute: '交期提前', gmDecision: '同意，安排加班' }), views).view;
    expect(ruled['conclusion']).toBeNull();
    expect(ruled['conclusionNote']).toBe('总经理裁决：同意，安排加班');
    expect(orderView(makeOrder({ reviewConclusion: '不接单' }), views).view['conclusion']).toBe('reject');
  });

  it('gives the same bytes for the same data and as-of date', async () => {
    const status = complaintStatus(complaint, config, calendar, AS_OF);
    const a = await renderForm(form('complaint_record'), complaintView(status, views).view, render);
    const b = await renderForm(form('complaint_record'), complaintView(status, views).view, render);
    expect(a.pdf.equals(b.pdf)).toBe(true);
  });

  it('binds several records into one PDF, each keeping its own page count and numbering, a bookmark per record', async () => {
    const ids = ['A', 'B'];
    const layouts = ids.map(
      (id) =>
        layoutForm(
          form('capa_report'),
          capaView(complaintStatus(makeComplaint({ complaintNo: `KS-${id}`, capaNo: id }), config, calendar, AS_OF), views)!.view,
          {
            lang: 'zh',
            asOf: AS_OF,
            controlled: { company: null, title: 'T', number: 'N', version: 'V', issueNo: '', effectiveDate: '', retention: '3年', logo: null },
          },
        ).definition,
    );
    const combined = mergePdfs(await Promise.all(layouts.map(renderPdf)), {
      title: '纠正和预防措施报告',
      author: '示例',
      date: AS_OF,
      outline: ids.map((title, document) => ({ title, document })),
    });
    expect(pdfPageCount(combined)).toBe(2);
    const pages = await pdfPages(combined);
    expect(pages.map((p) => /报告编号 (\S+)/.exec(p)?.[1])).toEqual(['A', 'B']);
    expect(pages.every((p) => p.includes('第 1 页 共 1 页'))).toBe(true);
    const doc = await openPdf(combined);
    const outline = (await doc.getOutline()) ?? [];
    expect(outline.map((o) => o.title)).toEqual(['A', 'B']);
    expect(await doc.getPageIndex((outline[1]!.dest as unknown[])[0] as never)).toBe(1);
  });
});

describe('CAPA report (8D)', () => {
  it('prints problem, containment, root cause, the actions with owner, due and status, and the verification ticked from the data', async () => {
    const c = makeComplaint({
      capaNo: 'CAPA-9',
      containment: '隔离库存',
      preventiveAction: '修订作业指导书',
      actionDue: '2025-03-20',
      capaTeam: '品质部、生产部',
      verificationResult: '3 批合格',
      verificationEffective: true,
    });
    const view = capaView(complaintStatus(c, config, calendar, AS_OF), views)!.view;
    const pages = await pdfPages((await renderForm(form('capa_report'), view, render)).pdf);
    expect(pages).toHaveLength(1);
    const text = pages[0]!;
    expect(text).toMatch(/改进小组（D1） +品质部、生产部/);
    expect(text).toMatch(/临时措施 \/ 围堵（D3）\n隔离库存/);
    expect(text).toMatch(/根本原因分析（D4，责任部门填写）\n未首检/);
    expect(text).toMatch(/纠正 +加严首检 +王强 +2025-03-20 +已验证有效/);
    expect(text).toMatch(/预防 +修订作业指导书 +王强 +2025-03-20 +已验证有效/);
    expect(text).toMatch(/验证结果\n3 批合格/);
    expect(text).toMatch(/验证人 +周杰 +验证日期 +2025-03-13/);
    // One approval block: the record's own sign-off, no document-control footer.
    expect(text.match(/批准/g)).toHaveLength(1);
    expect(text).not.toMatch(/发出日期 +\d/);
  });

  it('ticks no conclusion and shows no status when the data gives no verification result', async () => {
    const view = capaView(complaintStatus(makeComplaint({ capaNo: 'CAPA-8' }), config, calendar, AS_OF), views)!.view;
    expect(view['verification']).toBeNull();
    expect((view['actions'] as { status: string }[]).map((a) => a.status)).toEqual(['']);
  });
});

describe('liaison sheets', () => {
  it('print what changed from before to after, the cause and the reply, to the configured departments', async () => {
    const order = makeOrder({
      changeDate: '2025-03-10',
      changeNotice: 'LL-1',
      changeBefore: '数量 100',
      changeAfter: '数量 150',
      changeReason: '客户追加',
      customerReply: '已传真确认',
    });
    const [sheet] = liaisonViews(order, views);
    const text = (await pdfPages((await renderForm(form('liaison'), sheet!.view, render)).pdf)).join('\n');
    expect(text).toMatch(/联络单号 +LL-1/);
    expect(text).toMatch(/数量 100 +数量 150/);
    expect(text).toMatch(/变更\/取消原因\n客户追加/);
    expect(text).toMatch(/回复客户\n已传真确认/);
    expect(text.replace(/\n/g, '')).toContain('接收部门 业务部、生产部、品质部、采购部、行政财务部');
    expect(text).not.toContain('待补');
  });

  it('never makes up a missing cancellation sheet: the blank is marked 待补 with the as-of date and no number or issue date', async () => {
    const order = makeOrder({ orderNo: 'HT-50', cancelDate: '2025-10-27', cancelNotice: null });
    const [sheet] = liaisonViews(order, views);
    expect(sheet!.id).toBe('HT-50-取消-待补');
    // One language per name: the English run's file is all English.
    expect(liaisonViews(makeOrder({ orderNo: 'HT-50', cancelDate: '2025-03-01', cancelNotice: null }), { ...views, lang: 'en' })[0]!.id).toBe(
      'HT-50-cancel-to-be-made',
    );
    const pages = await pdfPages((await renderForm(form('liaison'), sheet!.view, render)).pdf);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('待补记录：截至 2025-12-31，台账中订单 HT-50 的取消（2025-10-27）没有联络单号（程序 5.3.5）');
    expect(pages[0]).toMatch(/联络单号 +发出日期\n/);
  });

  it('take the receipt departments from departments.liaisonReceipt', () => {
    const [sheet] = liaisonViews(makeOrder({ changeDate: '2025-03-10', changeNotice: 'LL-1' }), {
      ...views,
      config: { ...config, departmentLists: { ...config.departmentLists, liaisonReceipt: ['qa', 'gm'] } },
    });
    expect(sheet!.view['receipts']).toEqual([{ dept: '品质部' }, { dept: '总经理' }]);
    expect(sheet!.view['receiptList']).toBe('品质部、总经理');
  });
});

describe('complaint time limits on the record', () => {
  it("name the company's own source for each limit, grouped when the limits are set in different places", () => {
    const sources = {
      ...config.complaints.limitSources,
      closeWorkingDays: { zh: '《营销管理制度》第 6 条', en: 'Sales Management Rules art. 6' },
      firstReplyHours: { zh: '《营销管理制度》第 6 条', en: 'Sales Management Rules art. 6' },
    };
    const own = { ...config, complaints: { ...config.complaints, limitSources: sources } };
    const zh = blankView('complaint', { ...views, config: own })['limitsText'] as string;
    expect(zh).toContain('来源：公司设定（确定处理部门、查明原因、解决、通知客户），《营销管理制度》第 6 条（受理至结案、首次答复）');
    const en = blankView('complaint', { ...views, lang: 'en', config: own })['limitsText'] as string;
    expect(en).toContain(
      'source: company setting (handling department, cause, resolution, customer told), Sales Management Rules art. 6 (receipt to closure, first reply)',
    );
    expect(blankView('complaint', { ...views, lang: 'en' })['limitsText']).toContain('(not clauses of the procedure; source: company setting)');
  });
});

describe('phone / fax log', () => {
  it('lists only the orders logged (with a log number), whatever their source; an order without one is no entry', () => {
    const orders = [
      makeOrder({ orderNo: 'HT-1', orderDate: '2025-01-20', source: 'phone', phoneLogNo: null }),
      makeOrder({ orderNo: 'HT-2', orderDate: '2025-02-26', source: 'fax', phoneLogNo: 'DH-2025-001' }),
      makeOrder({ orderNo: 'HT-3', orderDate: '2025-03-01', source: 'email', phoneLogNo: 'DH-2025-002' }),
      makeOrder({ orderNo: 'HT-4', orderDate: '2025-03-02', source: 'written', phoneLogNo: null }),
    ];
    const [log] = phoneFaxLogViews(orders, views);
    const entries = log!.view['entries'] as { logNo: string; channel: string; result: string }[];
    expect(entries.map((e) => [e.logNo, e.channel, e.result])).toEqual([
      ['DH-2025-001', '传真', '转订单 HT-2'],
      ['DH-2025-002', '邮件', '转订单 HT-3'],
    ]);
    expect(phoneFaxLogViews([orders[0]!], views)).toEqual([]);
  });

  it('lists the entries in date order with contact and phone', () => {
    const orders = [
      makeOrder({ orderNo: 'B', orderDate: '2025-06-25', source: 'phone', contact: '刘洋', contactPhone: '0512-1' }),
      makeOrder({ orderNo: 'A', orderDate: '2025-06-17', source: 'fax' }),
    ];
    const [log] = phoneFaxLogViews(orders, views);
    const entries = log!.view['entries'] as { date: string; contact: string }[];
    expect(entries.map((e) => e.date)).toEqual(['2025-06-17', '2025-06-25']);
    expect(entries[1]!.contact).toBe('刘洋 0512-1');
  });
});

describe('survey forms for the next round', () => {
  it('ask for a reply within a number of days only when the company configures one: the procedure sets none', async () => {
    const survey = form('satisfaction_survey');
    const textOf = async (ctx: ViewContext) => {
      const [one] = surveyInvitationViews(['甲公司'], '2026H1', ctx);
      const { pdf } = await renderForm(survey, one!.view, { ...render, lang: ctx.lang, config: ctx.config });
      return (await pdfPages(pdf)).join('\n');
    };
    // The letter wraps where its length says: read it as one line.
    const read = async (ctx: ViewContext) => (await textOf(ctx)).replace(/\n/g, ctx.lang === 'zh' ? '' : ' ');
    const unset = await read(views);
    expect(unset).toContain('并以传真或电子邮件回复。');
    expect(unset).not.toMatch(/日内|10 日/);
    const withDays = (days: number) => ({ ...views, config: { ...config, satisfaction: { ...config.satisfaction, replyWithinDays: days } } });
    expect(await read(withDays(7))).toMatch(/于收到本表后 ?7 ?日内以传真或电子邮件回复/);
    expect(await read({ ...withDays(1), lang: 'en' })).toContain('by fax or e-mail within 1 day.');
    expect(await read({ ...views, lang: 'en' })).toContain('by fax or e-mail. Thank you!');
  });

  it('date the 发放日期 inside the period they survey when configured, and leave it blank otherwise', () => {
    const [blank] = surveyInvitationViews(['甲公司'], '2026H1', views);
    expect(blank!.view['sentDate']).toBe('');
    const atEnd = { ...views, config: { ...config, satisfaction: { ...config.satisfaction, surveySendDate: 'periodEnd' as const } } };
    expect(surveyInvitationViews(['甲公司'], '2026H1', atEnd)[0]!.view['sentDate']).toBe('2026-06-30');
    expect(
      surveyInvitationViews(['甲公司'], '2026Q3', {
        ...atEnd,
        config: { ...atEnd.config, satisfaction: { ...atEnd.config.satisfaction, surveySendDate: 'periodStart' as const } },
      })[0]!.view['sentDate'],
    ).toBe('2026-07-01');
  });
});

describe('customer list QR-XS-08', () => {
  it('lists every customer of the three datasets with orders, complaints and the latest satisfaction score and band', async () => {
    const orders = [makeOrder({ customer: '甲公司', orderDate: '2025-02-01' }), makeOrder({ orderNo: 'SO-2', customer: '甲公司', orderDate: '2025-05-01' })];
    const complaints = [makeComplaint({ customer: '乙公司' })];
    const satisfaction = {
      periods: [
        { period: '2025H1', responses: [{ response: { customer: '甲公司' }, overall: 80, band: 'satisfied' }] },
        {
          period: '2025H2',
          responses: [
            { response: { customer: '甲公司' }, overall: 92, band: 'very_satisfied' },
            { response: { customer: '丙公司' }, overall: null, band: null },
          ],
        },
      ],
      current: null,
      previous: null,
    } as unknown as SatisfactionAnalysis;
    const [list] = customerListViews(orders, complaints, satisfaction, views);
    const pages = await pdfPages((await renderForm(form('customer_list'), list!.view, render)).pdf);
    expect(pages[0]).toMatch(/1 +丙公司 +0 +0\n/);
    expect(pages[0]).toMatch(/2 +乙公司 +0 +1\n/);
    expect(pages[0]).toMatch(/3 +甲公司 +2025-02-01 +2025-05-01 +2 +0 +92\.0 +非常满意 +2025H2/);
  });
});

describe('English records', () => {
  const en: ViewContext = { ...views, lang: 'en' };
  const renderEn: FormRenderContext = { ...render, lang: 'en' };
  const long = makeComplaint({
    description: 'Bore diameter out of tolerance on 40 pieces; the customer could not assemble the housings and stopped the line for half a shift',
    rootCause: 'The operator skipped the first-piece inspection after a tool change; the work instruction did not require a re-check',
    correctiveAction: 'Re-inspect all stock of the batch, retrain operators, add a tool-change first-piece check to the work instruction',
  });

  it('fit the pages their Chinese twins use', async () => {
    const status = complaintStatus(long, config, calendar, AS_OF);
    const zh = await renderForm(form('complaint_record'), complaintView(status, views).view, render);
    const english = await renderForm(form('complaint_record'), complaintView(status, en).view, renderEn);
    expect(pdfPageCount(english.pdf)).toBe(pdfPageCount(zh.pdf));
  });

  it('break lines between words only: every word of the record reads whole', async () => {
    const status = complaintStatus(long, config, calendar, AS_OF);
    const text = (await pdfPages((await renderForm(form('complaint_record'), complaintView(status, en).view, renderEn)).pdf)).join('\n');
    const words = new Set(
      `${long.description} ${long.rootCause} ${long.correctiveAction} Containment Preventive Responsibility Verification Inspection`
        .split(/[^A-Za-z]+/)
        .filter((w) => w.length > 3),
    );
    const lines = text.split('\n');
    for (const word of words)
      expect(
        lines.some((l) => l.includes(word)),
        word,
      ).toBe(true);
  });
});

describe('combined PDFs', () => {
  it("keep each part's own numbering when a part runs over two pages, and its orientation", async () => {
    const entries = Array.from({ length: 16 }, (_, i) => ({
      date: '2025-01-02',
      direction: '收',
      channel: '电话',
      customer: `客户${i}`,
      summary: '订货',
      logNo: `DH-${i}`,
      result: '转订单',
      recorder: '王强',
    }));
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
    const { definition } = layoutForm(form('complaint_record'), blankView('complaint', views), {
      lang: 'zh',
      asOf: AS_OF,
      controlled: {
        company: '示例精密机械有限公司',
        title: '客户投诉处理记录表',
        number: 'QR-XS-06',
        version: 'A/0',
        issueNo: '',
        effectiveDate: '2024-01-01',
        retention: '3年',
        logo: null,
      },
    });
    expectGolden('complaint-record-blank.definition.json', `${JSON.stringify(definition.content, null, 1)}\n`);
  });

  it('finds the built-in templates in the folder the package ships, one file per form', () => {
    const shipped = (JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { files: string[] }).files;
    expect(shipped).toContain(path.relative(PACKAGE_ROOT, FORMS_DIR).split(path.sep)[0]);
    const files = readdirSync(FORMS_DIR)
      .filter((f) => f.endsWith('.json'))
      .sort();
    expect(files).toEqual(
      loadFormCatalogue()
        .map((t) => `${t.id}.json`)
        .sort(),
    );
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
