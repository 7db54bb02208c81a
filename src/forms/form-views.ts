import { REVIEW_ITEMS } from '../model/fields.js';
import type { Order } from '../model/records.js';
import { ENUM_LABELS, REVIEW_ITEM_TEXT } from '../text/domain-labels.js';
import { reviewItems } from '../validate/check-orders.js';
import { categoryOptions, complaintLimitsText } from './complaint-views.js';
import type { FormSource } from './form-template.js';
import type { FormView } from './layout-form.js';
import { surveyStatic } from './survey-views.js';
import { common, departmentName, orBlank, type RecordView, type ViewContext } from './view-common.js';
import { formText } from './form-text.js';

export type { RecordView, ViewContext } from './view-common.js';
export { capaView, complaintView } from './complaint-views.js';
export { customerListViews, nextPeriod, surveyInvitationViews } from './survey-views.js';

/** The view of a blank form: labels and fixed lists only, every value empty. */
export function blankView(source: FormSource, ctx: ViewContext): FormView {
  return { ...common(ctx, false), ...staticParts(source, ctx) };
}

/** What a form prints even blank: the six review questions, the survey's scale, the company's time limits. */
function staticParts(source: FormSource, ctx: ViewContext): Record<string, unknown> {
  if (source === 'order') {
    return {
      reviewItems: REVIEW_ITEMS.map((id) => ({ id, question: REVIEW_ITEM_TEXT[id][ctx.lang], answer: null })),
      signoffs: SIGNOFF_DEPARTMENTS.map((id) => ({ dept: departmentName(ctx, id), name: '' })),
    };
  }
  if (source === 'liaison') return receiptParts(ctx);
  if (source === 'survey_invitation') return surveyStatic(ctx);
  if (source === 'complaint') return { limitsText: complaintLimitsText(ctx), categoryOptions: categoryOptions(ctx) };
  return {};
}

/** The departments that review a non-standard order (5.3.2.2–5.3.2.3), in the form's order. */
const SIGNOFF_DEPARTMENTS = ['sales', 'qa', 'finance', 'operations'] as const;

function signoffOf(order: Order, dept: (typeof SIGNOFF_DEPARTMENTS)[number]): string | null {
  return { sales: order.signoffSales, qa: order.signoffQa, finance: order.signoffFinance, operations: order.signoffOperations }[dept];
}

/** The departments a 联络单 goes to (config departments.liaisonReceipt), as rows and as one line. */
function receiptParts(ctx: ViewContext): { receipts: { dept: string }[]; receiptList: string } {
  const names = ctx.config.departmentLists.liaisonReceipt.map((id) => departmentName(ctx, id));
  return { receipts: names.map((dept) => ({ dept })), receiptList: names.join(formText(ctx.lang)('separator.list')) };
}

/** 评审结论 of the order review form. */
type Conclusion = 'accept' | 'conditional' | 'reject';

/**
 * The review's conclusion: the 评审结论 column when it says one of the three; otherwise only what
 * the data decides without doubt — every item confirmed and every department signed is 接单.
 * Anything else is left for the reviewer to tick.
 */
export function reviewConclusion(order: Order): Conclusion | null {
  const written = order.reviewConclusion?.replace(/\s/g, '') ?? '';
  if (written !== '') {
    if (/不接|拒|reject|declin/i.test(written)) return 'reject';
    if (/有条件|conditional/i.test(written)) return 'conditional';
    if (/接单|接受|同意|accept/i.test(written)) return 'accept';
    return null;
  }
  if (order.reviewDate === null) return null;
  const items = reviewItems(order);
  const allYes = REVIEW_ITEMS.every((i) => items[i] === true);
  const signed = [order.signoffSales, order.signoffFinance, order.signoffOperations].every((s) => s !== null && s.trim() !== '');
  return allYes && signed && order.gmDecision === null ? 'accept' : null;
}

/** A contract review form for each non-standard order, items ticked from the data. */
export function orderView(order: Order, ctx: ViewContext): RecordView {
  const items = reviewItems(order);
  const conclusion = reviewConclusion(order);
  // A written conclusion the three boxes cannot show, or the GM's ruling, is printed as written.
  const t = formText(ctx.lang);
  const conclusionNote = [
    conclusion === null && order.reviewConclusion !== null ? order.reviewConclusion : null,
    order.gmDecision === null ? null : t('gmRuling', { ruling: order.gmDecision }),
  ]
    .filter((s): s is string => s !== null)
    .join(t('separator.clauses'));
  return {
    id: order.orderNo,
    view: {
      ...common(ctx, true),
      orderNo: order.orderNo,
      customer: order.customer,
      product: order.product,
      productCode: orBlank(order.productCode),
      quantity: orBlank(order.quantity),
      orderDate: order.orderDate,
      source: order.source,
      productType: order.productType,
      dueDate: orBlank(order.dueDate),
      signedDate: orBlank(order.signedDate),
      reviewDate: orBlank(order.reviewDate),
      phoneLogNo: orBlank(order.phoneLogNo),
      contact: orBlank(order.contact),
      contactPhone: orBlank(order.contactPhone),
      priceTerms: orBlank(order.priceTerms),
      packaging: orBlank(order.packaging),
      transport: orBlank(order.transport),
      serviceRequirements: orBlank(order.serviceRequirements),
      specialRequirements: orBlank(order.specialRequirements),
      standards: orBlank(order.standards),
      legalRequirements: orBlank(order.legalRequirements),
      reviewItems: REVIEW_ITEMS.map((id) => ({ id, question: REVIEW_ITEM_TEXT[id][ctx.lang], answer: items[id] })),
      signoffs: SIGNOFF_DEPARTMENTS.map((id) => ({ dept: departmentName(ctx, id), name: orBlank(signoffOf(order, id)) })),
      dispute: orBlank(order.dispute),
      gmDecision: orBlank(order.gmDecision),
      conclusion,
      conclusionNote,
      remarks: orBlank(order.remarks),
    },
  };
}

/**
 * A liaison sheet (联络单) for each change and each cancellation of an order (5.3.4, 5.3.5), filled
 * from what the ledger holds. A change or cancellation without a 联络单号 has no sheet on record:
 * its form is printed blank of the sheet's own facts, marked 待补 with the as-of date, never as
 * if the sheet existed.
 */
export function liaisonViews(order: Order, ctx: ViewContext): RecordView[] {
  const views: RecordView[] = [];
  const base = {
    ...common(ctx, true),
    orderNo: order.orderNo,
    customer: order.customer,
    product: order.product,
    quantity: orBlank(order.quantity),
    dueDate: orBlank(order.dueDate),
    ...receiptParts(ctx),
  };
  // The name of a 待补 blank's file, in the run's language only: HT-2025-050-取消-待补 / HT-2025-050-cancel-to-be-made.
  const pendingFile = (cancel: boolean) => formText(ctx.lang)('pendingFile', { orderNo: order.orderNo, cancel });
  if (order.changeDate !== null && order.changeDate <= ctx.asOf) {
    const pending = order.changeNotice === null;
    views.push({
      id: pending ? pendingFile(false) : order.changeNotice!,
      view: {
        ...base,
        kind: 'change',
        noticeNo: orBlank(order.changeNotice),
        eventDate: order.changeDate,
        reReviewDate: orBlank(order.reReviewDate),
        delayConsent: order.delayConsent,
        before: orBlank(order.changeBefore),
        after: orBlank(order.changeAfter),
        reason: orBlank(order.changeReason),
        customerReply: orBlank(order.customerReply),
        ...(pending ? pendingMark(ctx, order.orderNo, 'change', order.changeDate) : {}),
      },
    });
  }
  if (order.cancelDate !== null && order.cancelDate <= ctx.asOf) {
    const pending = order.cancelNotice === null;
    views.push({
      id: pending ? pendingFile(true) : order.cancelNotice!,
      view: {
        ...base,
        kind: 'cancel',
        noticeNo: orBlank(order.cancelNotice),
        eventDate: order.cancelDate,
        reReviewDate: '',
        delayConsent: null,
        before: '',
        after: '',
        reason: orBlank(order.cancelReason),
        customerReply: orBlank(order.customerReply),
        ...(pending ? pendingMark(ctx, order.orderNo, 'cancel', order.cancelDate) : {}),
      },
    });
  }
  return views;
}

/** The 待补 mark of a form printed for a record the data shows missing: a watermark and one line saying why. */
function pendingMark(ctx: ViewContext, orderNo: string, kind: 'change' | 'cancel', date: string): Record<string, unknown> {
  const t = formText(ctx.lang);
  const clause = kind === 'change' ? '5.3.4' : '5.3.5';
  return {
    watermark: t('pending.watermark'),
    pendingNote: t('pending.note', { asOf: ctx.asOf, orderNo, what: t(`pending.${kind}`), date, clause }),
  };
}

/**
 * The phone / fax log (5.3.1): one per year, an entry for every order the ledger holds as logged —
 * one with a log number (记录编号), whatever its source, since 5.3.1 has tenders, written and
 * phone orders all logged there. An order without a log number is not in the log and is not
 * printed as if it were: those the procedure requires logged are rule O9's findings, so the log's
 * entries and O9's findings together account for every order O9 checks (docs/forms.md).
 */
export function phoneFaxLogViews(orders: readonly Order[], ctx: ViewContext): RecordView[] {
  const byYear = new Map<string, Order[]>();
  for (const o of orders) {
    if (o.phoneLogNo === null) continue;
    const year = o.orderDate.slice(0, 4);
    byYear.set(year, [...(byYear.get(year) ?? []), o]);
  }
  const t = formText(ctx.lang);
  return [...byYear.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([year, entries]) => ({
      id: year,
      view: {
        ...common(ctx, true),
        year,
        entries: [...entries]
          .sort((a, b) => (a.orderDate < b.orderDate ? -1 : a.orderDate > b.orderDate ? 1 : a.orderNo < b.orderNo ? -1 : a.orderNo > b.orderNo ? 1 : 0))
          .map((o) => ({
            date: o.orderDate,
            direction: t('phoneLog.in'),
            channel: o.source === null ? '' : ENUM_LABELS.source[o.source][ctx.lang],
            customer: o.customer,
            contact: [o.contact, o.contactPhone].filter((s) => s !== null).join(' '),
            // As text, so a quantity of 0 still prints (the template's #if treats the number 0 as absent).
            summary: t('phoneLog.summary', { product: o.product, quantity: o.quantity === null ? null : String(o.quantity), due: o.dueDate }),
            logNo: orBlank(o.phoneLogNo),
            result: t('phoneLog.result', { orderNo: o.orderNo }),
          })),
      },
    }));
}
