import type { ComplaintLimitName } from '../config/config.js';
import type { Complaint } from '../model/records.js';
import { punctuation } from '../text/punctuation.js';
import type { ComplaintStatus } from '../validate/check-complaints.js';
import { common, orBlank, stamp, type RecordView, type ViewContext } from './view-common.js';
import { formText } from './form-text.js';

/**
 * The company's own time limits for handling a complaint, named as such with where they are
 * written: the procedure sets none (its 5.8 has no time limit), the company does. The source is
 * the company's own text for each limit (config complaints.limits.*.source, default 公司设定) —
 * never the tool or a config key, which mean nothing to an auditor reading a record.
 */
export function complaintLimitsText(ctx: ViewContext): string {
  const l = ctx.config.complaints.limits;
  return formText(ctx.lang)('complaintLimits', {
    assign: l.assignWorkingDays,
    cause: l.causeWorkingDays,
    resolve: l.resolveWorkingDays,
    notify: l.notifyWorkingDays,
    close: l.closeWorkingDays,
    firstReply: l.firstReplyHours,
    source: limitSourcesText(ctx),
  });
}

const LIMIT_ORDER: readonly ComplaintLimitName[] = [
  'assignWorkingDays',
  'causeWorkingDays',
  'resolveWorkingDays',
  'notifyWorkingDays',
  'closeWorkingDays',
  'firstReplyHours',
];

/**
 * One source when every limit has the same ("公司设定"); otherwise each source with the limits it
 * sets beside it: "营销管理制度（受理至结案），公司设定（确定处理部门、…）".
 */
function limitSourcesText(ctx: ViewContext): string {
  const t = formText(ctx.lang);
  const p = punctuation(ctx.lang);
  const groups = new Map<string, string[]>();
  for (const name of LIMIT_ORDER) {
    const source = ctx.config.complaints.limitSources[name][ctx.lang];
    groups.set(source, [...(groups.get(source) ?? []), t(`complaintLimitName.${name}`)]);
  }
  if (groups.size === 1) return [...groups.keys()][0]!;
  return [...groups].map(([source, names]) => p.aside(source, names.join(p.listSeparator))).join(p.clauseSeparator);
}

/** The company's own complaint categories as tick boxes of the complaint form, in the run's language. */
export function categoryOptions(ctx: ViewContext): { value: string; label: string }[] {
  return ctx.config.vocabulary.categories.map((c) => ({ value: c.id, label: c.label[ctx.lang] }));
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
    categoryDetail: own === null ? '' : formText(ctx.lang)('categoryDetail', { label: own }),
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
  const t = formText(ctx.lang);
  // An action's status is printed only where the data settles it: verified effective or not.
  const actionStatus = c.verificationEffective === true ? t('capa.verifiedEffective') : c.verificationEffective === false ? t('capa.notEffective') : '';
  const actions = [
    { type: t('capa.corrective'), action: c.correctiveAction },
    { type: t('capa.preventive'), action: c.preventiveAction },
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
      problem: t('capa.problem', { customer: c.customer, complaintNo: c.complaintNo, received: c.receivedAt.date, description: c.description }),
      actions,
      closedAt: orBlank(status.closedAt),
    },
  };
}
