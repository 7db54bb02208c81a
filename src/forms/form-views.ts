import type { Config } from '../config/config.js';
import type { DateTime } from '../model/dates.js';
import { REVIEW_ITEMS } from '../model/fields.js';
import type { Lang } from '../model/lang.js';
import type { Complaint, Order } from '../model/records.js';
import { companyCategories } from '../config/categories.js';
import { REVIEW_ITEM_TEXT } from '../model/review-items.js';
import { BAND_LABELS } from '../model/satisfaction.js';
import type { ComplaintStatus } from '../validate/check-complaints.js';
import { reviewItems } from '../validate/check-orders.js';
import type { FormSource } from './form-template.js';
import type { FormView } from './layout-form.js';

/** What every view builder needs besides its record. */
export interface ViewContext {
  readonly config: Config;
  readonly lang: Lang;
  readonly asOf: string;
  /** Messages of the rules' findings about one record of a dataset. */
  readonly findingsFor: (dataset: 'orders' | 'complaints' | 'surveys', record: string) => readonly string[];
}

/** A filled form's view with the id that names its file. */
export interface RecordView {
  readonly id: string;
  readonly view: FormView;
}

const stamp = (v: DateTime | null): string => (v === null ? '' : v.time === null ? v.date : `${v.date} ${v.time.slice(0, 5)}`);
const orBlank = (v: string | number | null | undefined): string => (v === null || v === undefined ? '' : String(v));

/** Fields every view has: the company, the as-of date, and whether the form is filled. */
function common(ctx: ViewContext, filled: boolean) {
  return { filled, company: ctx.config.company.name?.[ctx.lang] ?? '', asOf: ctx.asOf };
}

/** The view of a blank form: labels and fixed lists only, every value empty. */
export function blankView(source: FormSource, ctx: ViewContext): FormView {
  return { ...common(ctx, false), ...staticParts(source, ctx) };
}

/** Lists a form prints even blank: the six review questions, the survey's dimensions and bands. */
function staticParts(source: FormSource, ctx: ViewContext): Record<string, unknown> {
  if (source === 'order') return { reviewItems: REVIEW_ITEMS.map((id) => ({ id, question: REVIEW_ITEM_TEXT[id][ctx.lang], answer: null })) };
  if (source === 'survey_invitation') return surveyStatic(ctx);
  if (source === 'complaint') return { categoryOptions: categoryOptions(ctx) };
  return {};
}

/** The company's own complaint categories as tick boxes of the complaint form, in the run's language. */
function categoryOptions(ctx: ViewContext): { value: string; label: string }[] {
  return companyCategories(ctx.config).map((c) => ({ value: c.id, label: c[ctx.lang] }));
}

export function complaintView(status: ComplaintStatus, ctx: ViewContext): RecordView {
  const c = status.complaint;
  const limit = ctx.config.complaints.limits.closeWorkingDays;
  const timeliness =
    status.closedAt === null
      ? ctx.lang === 'zh'
        ? `受理至 ${ctx.asOf} 已 ${status.workingDays} 个工作日，未结案（时限 ${limit} 个工作日）`
        : `open ${status.workingDays} working days by ${ctx.asOf} (limit ${limit})`
      : ctx.lang === 'zh'
        ? `受理至结案 ${status.workingDays} 个工作日（时限 ${limit} 个工作日）${status.overdue ? '，已超期' : ''}`
        : `${status.workingDays} working days from receipt to closure (limit ${limit})${status.overdue ? ', overdue' : ''}`;
  return {
    id: c.complaintNo,
    view: {
      ...common(ctx, true),
      ...complaintFields(c, ctx),
      closedAt: orBlank(status.closedAt),
      timeliness,
      findings: ctx.findingsFor('complaints', c.complaintNo),
    },
  };
}

function complaintFields(c: Complaint, ctx: ViewContext) {
  // The form has a box for each of the nine and each company category; a label nobody defined
  // ticks 其他 and is named beside it: 其他（外观）.
  const own = c.categoryText;
  return {
    complaintNo: c.complaintNo,
    received: stamp(c.receivedAt),
    customer: c.customer,
    channel: c.channel,
    category: c.category,
    categoryOptions: categoryOptions(ctx),
    categoryDetail: own === null ? '' : ctx.lang === 'zh' ? `（${own}）` : ` (${own})`,
    product: orBlank(c.product),
    batchNo: orBlank(c.batchNo),
    quantityAffected: orBlank(c.quantityAffected),
    description: c.description,
    severity: c.severity,
    responsibility: c.responsibility,
    responsibleDept: orBlank(c.responsibleDept),
    responsiblePerson: orBlank(c.responsiblePerson),
    handler: orBlank(c.handler),
    assignedAt: orBlank(c.assignedAt),
    causeFoundAt: orBlank(c.causeFoundAt),
    rootCause: orBlank(c.rootCause),
    correctiveAction: orBlank(c.correctiveAction),
    capaNo: orBlank(c.capaNo),
    firstReply: stamp(c.firstReplyAt),
    resolvedAt: orBlank(c.resolvedAt),
    customerNotifiedAt: orBlank(c.customerNotifiedAt),
    customerFeedback: orBlank(c.customerFeedback),
    returned: c.returned,
    returnQty: orBlank(c.returnQty),
    escalated: c.escalated,
    verifiedBy: orBlank(c.verifiedBy),
    verifiedAt: orBlank(c.verifiedAt),
  };
}

/** A CAPA report for each complaint that has a CAPA number. */
export function capaView(status: ComplaintStatus, ctx: ViewContext): RecordView | null {
  const c = status.complaint;
  if (c.capaNo === null) return null;
  return {
    id: c.capaNo,
    view: {
      ...common(ctx, true),
      ...complaintFields(c, ctx),
      capaNo: c.capaNo,
      issued: orBlank(c.causeFoundAt ?? c.receivedAt.date),
      capaSource: 'complaint',
      reference: c.complaintNo,
      problem: ctx.lang === 'zh' ? `客户 ${c.customer} 投诉（${c.complaintNo}）：${c.description}` : `Complaint ${c.complaintNo} from ${c.customer}: ${c.description}`,
      closedAt: orBlank(status.closedAt),
    },
  };
}

/** A contract review form for each non-standard order, items ticked from the data. */
export function orderView(order: Order, ctx: ViewContext): RecordView {
  const items = reviewItems(order);
  const allYes = REVIEW_ITEMS.every((i) => items[i] === true);
  const anyNo = REVIEW_ITEMS.some((i) => items[i] === false);
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
      reviewItems: REVIEW_ITEMS.map((id) => ({ id, question: REVIEW_ITEM_TEXT[id][ctx.lang], answer: items[id] })),
      signoffSales: orBlank(order.signoffSales),
      signoffFinance: orBlank(order.signoffFinance),
      signoffOperations: orBlank(order.signoffOperations),
      dispute: orBlank(order.dispute),
      gmDecision: orBlank(order.gmDecision),
      // The conclusion follows the six items once the review was held: all confirmed → accept;
      // any "no" → declined; without a review date nothing was concluded.
      conclusion: order.reviewDate === null ? null : allYes ? 'accept' : anyNo ? 'reject' : null,
      remarks: orBlank(order.remarks),
      findings: ctx.findingsFor('orders', order.orderNo),
    },
  };
}

/** A liaison sheet (联络单) for each change and each cancellation of an order (5.3.4, 5.3.5). */
export function liaisonViews(order: Order, ctx: ViewContext): RecordView[] {
  const views: RecordView[] = [];
  // The departments that act on a change or cancellation sign for it.
  const receipts = ['production', 'qa', 'purchasing', 'finance'].map((id) => ({ dept: ctx.config.departments[id]?.[ctx.lang] ?? id }));
  const base = { ...common(ctx, true), orderNo: order.orderNo, customer: order.customer, product: order.product, quantity: orBlank(order.quantity), dueDate: orBlank(order.dueDate), receipts };
  if (order.changeDate !== null && order.changeDate <= ctx.asOf) {
    views.push({
      id: order.changeNotice ?? `${order.orderNo}-change`,
      view: {
        ...base,
        kind: 'change',
        noticeNo: orBlank(order.changeNotice),
        date: order.changeDate,
        reReviewDate: orBlank(order.reReviewDate),
        delayConsent: order.delayConsent,
        content:
          ctx.lang === 'zh'
            ? `订单 ${order.orderNo}（${order.product}）于 ${order.changeDate} 变更，请各相关部门按变更后的要求执行，并于再评审后回执确认。`
            : `Order ${order.orderNo} (${order.product}) changed on ${order.changeDate}; departments please act on the changed requirements and confirm after re-review.`,
      },
    });
  }
  if (order.cancelDate !== null && order.cancelDate <= ctx.asOf) {
    views.push({
      id: order.cancelNotice ?? `${order.orderNo}-cancel`,
      view: {
        ...base,
        kind: 'cancel',
        noticeNo: orBlank(order.cancelNotice),
        date: order.cancelDate,
        reReviewDate: '',
        delayConsent: null,
        content:
          ctx.lang === 'zh'
            ? `订单 ${order.orderNo}（${order.product}）于 ${order.cancelDate} 取消，请各相关部门停止相应的生产、采购和发货安排。`
            : `Order ${order.orderNo} (${order.product}) cancelled on ${order.cancelDate}; departments please stop production, purchasing and shipping for it.`,
      },
    });
  }
  return views;
}

/** The phone / fax log (5.3.1): one per year, every phone or fax order an entry. */
export function phoneFaxLogViews(orders: readonly Order[], ctx: ViewContext): RecordView[] {
  const byYear = new Map<string, Order[]>();
  for (const o of orders) {
    if (o.source !== 'phone' && o.source !== 'fax') continue;
    const year = o.orderDate.slice(0, 4);
    byYear.set(year, [...(byYear.get(year) ?? []), o]);
  }
  return [...byYear.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([year, entries]) => ({
      id: year,
      view: {
        ...common(ctx, true),
        year,
        entries: entries.map((o) => ({
          date: o.orderDate,
          direction: ctx.lang === 'zh' ? '收' : 'In',
          channel: o.source === 'fax' ? (ctx.lang === 'zh' ? '传真' : 'Fax') : ctx.lang === 'zh' ? '电话' : 'Phone',
          customer: o.customer,
          summary: ctx.lang === 'zh' ? `订货：${o.product}${o.quantity === null ? '' : ` × ${o.quantity}`}${o.dueDate ? `，交期 ${o.dueDate}` : ''}` : `Order: ${o.product}${o.quantity === null ? '' : ` × ${o.quantity}`}${o.dueDate ? `, due ${o.dueDate}` : ''}`,
          logNo: orBlank(o.phoneLogNo),
          result: ctx.lang === 'zh' ? `转订单 ${o.orderNo}` : `order ${o.orderNo}`,
          recorder: orBlank(o.signoffSales),
        })),
      },
    }));
}

function surveyStatic(ctx: ViewContext): Record<string, unknown> {
  const { bands, dimensions } = ctx.config.satisfaction;
  const zh = ctx.lang === 'zh';
  return {
    dimensions: dimensions.map((d, i) => ({ no: i + 1, id: d.id, label: d.label[ctx.lang], hint: DIMENSION_HINTS[d.id]?.[ctx.lang] ?? '' })),
    bandText: zh
      ? `评分标准（满分 100 分）：${bands.verySatisfied}–100 分 ${BAND_LABELS.very_satisfied.zh}；${bands.satisfied}–${bands.verySatisfied} 分（不含 ${bands.verySatisfied}）${BAND_LABELS.satisfied.zh}；${bands.dissatisfied}–${bands.satisfied} 分（不含 ${bands.satisfied}）${BAND_LABELS.dissatisfied.zh}；${bands.dissatisfied} 分以下 ${BAND_LABELS.very_dissatisfied.zh}。`
      : `Scoring (full marks 100): ${bands.verySatisfied}–100 ${BAND_LABELS.very_satisfied.en}; ${bands.satisfied} to under ${bands.verySatisfied} ${BAND_LABELS.satisfied.en}; ${bands.dissatisfied} to under ${bands.satisfied} ${BAND_LABELS.dissatisfied.en}; under ${bands.dissatisfied} ${BAND_LABELS.very_dissatisfied.en}.`,
  };
}

/** What each default dimension asks the customer to judge. */
const DIMENSION_HINTS: Readonly<Record<string, { zh: string; en: string }>> = {
  quality: { zh: '产品质量稳定性、合格率、外观与包装', en: 'consistency, conformity, appearance and packing' },
  service: { zh: '业务响应速度、服务态度、投诉处理', en: 'responsiveness, attitude, complaint handling' },
  price: { zh: '价格合理性、性价比', en: 'fairness of price, value for money' },
  delivery: { zh: '按时交货、交货数量准确', en: 'on-time delivery, correct quantities' },
};

/**
 * Survey forms for the next round (mail merge): one per customer of the current survey, plus
 * customers who ordered in the last twelve months and were not surveyed.
 */
export function surveyInvitationViews(customers: readonly string[], period: string, ctx: ViewContext): RecordView[] {
  return customers.map((customer) => ({
    id: customer,
    view: { ...common(ctx, true), ...surveyStatic(ctx), customer, period, sentDate: ctx.asOf },
  }));
}

/** The label of the survey round after `period`: 2025H2 → 2026H1, 2025Q4 → 2026Q1, 2025 → 2026. */
export function nextPeriod(period: string): string {
  const half = /^(\d{4})H([12])$/.exec(period);
  if (half) return half[2] === '1' ? `${half[1]}H2` : `${Number(half[1]) + 1}H1`;
  const quarter = /^(\d{4})Q([1-4])$/.exec(period);
  if (quarter) return quarter[2] === '4' ? `${Number(quarter[1]) + 1}Q1` : `${quarter[1]}Q${Number(quarter[2]) + 1}`;
  if (/^\d{4}$/.test(period)) return String(Number(period) + 1);
  return '';
}
