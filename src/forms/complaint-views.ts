import { companyCategories } from '../config/categories.js';
import type { Complaint } from '../model/records.js';
import type { ComplaintStatus } from '../validate/check-complaints.js';
import { common, orBlank, stamp, type RecordView, type ViewContext } from './view-common.js';

/**
 * The company's own time limits for handling a complaint, named as such with where they are
 * set: the procedure sets none (its 5.8 has no time limit), the company does, in the
 * configuration's complaints.limits.
 */
export function complaintLimitsText(ctx: ViewContext): string {
  const l = ctx.config.complaints.limits;
  return ctx.lang === 'zh'
    ? `公司规定的处理时限（公司设定，非程序条款；来源：qmsdoc 配置 complaints.limits）：确定处理部门 ${l.assignWorkingDays}、查明原因 ${l.causeWorkingDays}、解决 ${l.resolveWorkingDays}、方案批准后通知客户 ${l.notifyWorkingDays}、受理至结案 ${l.closeWorkingDays} 个工作日；首次答复客户 ${l.firstReplyHours} 小时内。`
    : `Company time limits (set by the company, not clauses of the procedure; source: qmsdoc configuration complaints.limits): handling department within ${l.assignWorkingDays}, cause within ${l.causeWorkingDays}, resolved within ${l.resolveWorkingDays}, customer told within ${l.notifyWorkingDays} after approval, receipt to closure within ${l.closeWorkingDays} working days; first reply within ${l.firstReplyHours} hours.`;
}

/** The company's own complaint categories as tick boxes of the complaint form, in the run's language. */
export function categoryOptions(ctx: ViewContext): { value: string; label: string }[] {
  return companyCategories(ctx.config).map((c) => ({ value: c.id, label: c[ctx.lang] }));
}

/** A complaint record (QR-XS-06) filled from the ledger row: what the data holds, nothing more. */
export function complaintView(status: ComplaintStatus, ctx: ViewContext): RecordView {
  const c = status.complaint;
  return {
    id: c.complaintNo,
    view: { ...common(ctx, true), ...complaintFields(c, ctx), closedAt: orBlank(status.closedAt), limitsText: complaintLimitsText(ctx) },
  };
}

function complaintFields(c: Complaint, ctx: ViewContext) {
  // The form has a box for each of the nine and each company category; a label nobody defined
  // ticks 其他 and is named beside it: 其他（外观）.
  const own = c.categoryText;
  return {
    categoryOptions: categoryOptions(ctx),
    categoryDetail: own === null ? '' : ctx.lang === 'zh' ? `（${own}）` : ` (${own})`,
    complaintNo: c.complaintNo,
    received: stamp(c.receivedAt),
    customer: c.customer,
    channel: c.channel,
    category: c.category,
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
    preventiveAction: orBlank(c.preventiveAction),
    containment: orBlank(c.containment),
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
    orderNo: orBlank(c.orderNo),
    contact: orBlank(c.contact),
    contactPhone: orBlank(c.contactPhone),
    customerRequest: orBlank(c.customerRequest),
    returnReason: orBlank(c.returnReason),
    inspectionResult: orBlank(c.inspectionResult),
    disposal: orBlank(c.disposal),
    replyMethod: orBlank(c.replyMethod),
    customerAccepted: c.customerAccepted,
    docRevision: orBlank(c.docRevision),
    verificationResult: orBlank(c.verificationResult),
    verification: c.verificationEffective === null ? null : c.verificationEffective ? 'effective' : 'ineffective',
    capaTeam: orBlank(c.capaTeam),
    actionDue: orBlank(c.actionDue),
  };
}

/**
 * A CAPA report (QR-PZ-01, 8D style) for each complaint that has a CAPA number: the problem,
 * containment, root cause, the actions as a table, and the verification — each from its column.
 */
export function capaView(status: ComplaintStatus, ctx: ViewContext): RecordView | null {
  const c = status.complaint;
  if (c.capaNo === null) return null;
  const zh = ctx.lang === 'zh';
  // An action's status is printed only where the data settles it: verified effective or not.
  const actionStatus = c.verificationEffective === true ? (zh ? '已验证有效' : 'verified effective') : c.verificationEffective === false ? (zh ? '验证无效' : 'not effective') : '';
  const actions = [
    { type: zh ? '纠正' : 'Corrective', action: c.correctiveAction },
    { type: zh ? '预防' : 'Preventive', action: c.preventiveAction },
  ]
    .filter((a): a is { type: string; action: string } => a.action !== null)
    .map((a) => ({ ...a, owner: orBlank(c.responsiblePerson), due: orBlank(c.actionDue), status: actionStatus }));
  return {
    id: c.capaNo,
    view: {
      ...common(ctx, true),
      ...complaintFields(c, ctx),
      capaNo: c.capaNo,
      capaSource: 'complaint',
      reference: c.complaintNo,
      problem: zh ? `客户 ${c.customer} 投诉（${c.complaintNo}，受理 ${c.receivedAt.date}）：${c.description}` : `Complaint ${c.complaintNo} from ${c.customer} (received ${c.receivedAt.date}): ${c.description}`,
      actions,
      closedAt: orBlank(status.closedAt),
    },
  };
}
