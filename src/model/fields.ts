import type { EnumName } from './enums.js';

/** How a cell is read. See the "Values" table of the input contract. */
export type FieldKind =
  | 'text'
  /** Date; a time of day in the cell is accepted and dropped. */
  | 'date'
  /** Date with an optional time of day (complaint receipt and first reply). */
  | 'datetime'
  /** Number > 0. */
  | 'positive'
  /** Number ≥ 0. */
  | 'nonNegative'
  /** Score 0–100; "85分" and "85%" are 85 points. */
  | 'score'
  | 'yesno'
  | 'enum'
  /** Survey period label: trimmed, full-width folded, upper-cased. */
  | 'period'
  /** Where an action comes from: "meeting:2025-11", "management_review:2025", "audit[:ref]" or a record number. */
  | 'actionSource';

export type DatasetId = 'orders' | 'complaints' | 'surveys' | 'actions';
export const DATASETS: readonly DatasetId[] = ['orders', 'complaints', 'surveys', 'actions'];

/** One column of a dataset as the input contract defines it. */
export interface FieldSpec<Id extends string = string> {
  /** The contract's id, e.g. "order_no". */
  readonly id: Id;
  /** Chinese header; the first header the forms and messages use. */
  readonly zh: string;
  /** Further Chinese headers accepted. */
  readonly aliases: readonly string[];
  /** English header. */
  readonly en: string;
  readonly required: boolean;
  readonly kind: FieldKind;
  /** Set when kind is "enum". */
  readonly enum?: EnumName;
  /** A survey dimension score, stored under SurveyResponse.scores[id]. */
  readonly dimension?: boolean;
}

function field<Id extends string>(
  id: Id,
  zh: string,
  aliases: readonly string[],
  en: string,
  kind: FieldKind,
  options: { required?: boolean; enum?: EnumName } = {},
): FieldSpec<Id> {
  return {
    id,
    zh,
    aliases,
    en,
    kind,
    required: options.required ?? false,
    ...(options.enum ? { enum: options.enum } : {}),
  };
}

/** Review items a–f of clause 5.3.2.4, in order. */
export const REVIEW_ITEMS = ['a', 'b', 'c', 'd', 'e', 'f'] as const;
export type ReviewItem = (typeof REVIEW_ITEMS)[number];

const REVIEW_ITEM_HEADERS: Record<ReviewItem, string> = {
  a: '内容清晰',
  b: '品名包装明确',
  c: '采购能力满足',
  d: '交期可满足',
  e: '特殊要求可满足',
  f: '技术文件齐全',
};

export const ORDER_FIELDS = [
  field('order_no', '订单号', ['合同号', '订单编号', '合同编号'], 'Order No', 'text', { required: true }),
  field('customer', '客户名称', ['客户', '顾客名称'], 'Customer', 'text', { required: true }),
  field('product', '产品名称', ['品名'], 'Product', 'text', { required: true }),
  field('product_code', '产品编号', ['料号', '编号'], 'Product Code', 'text'),
  field('quantity', '数量', ['订单数量'], 'Quantity', 'positive'),
  field('order_date', '接单日期', ['下单日期', '订单日期'], 'Order Date', 'date', { required: true }),
  field('source', '订单来源', ['来源', '订单方式'], 'Source', 'enum', { enum: 'source' }),
  field('product_type', '产品类别', ['产品类型', '标准/非标'], 'Product Type', 'enum', {
    required: true,
    enum: 'product_type',
  }),
  field('due_date', '交货期', ['交货日期', '交期'], 'Due Date', 'date'),
  field('signed_date', '签订日期', ['合同签订日期'], 'Signed Date', 'date'),
  field('review_date', '评审日期', [], 'Review Date', 'date'),
  ...REVIEW_ITEMS.map((item) => field(`item_${item}` as const, REVIEW_ITEM_HEADERS[item], [`评审项${item}`], `Review Item ${item.toUpperCase()}`, 'yesno')),
  field('signoff_sales', '供销部签字', [], 'Sales Sign-off', 'text'),
  field('signoff_finance', '行政财务部签字', [], 'Finance Sign-off', 'text'),
  field('signoff_operations', '业务部签字', [], 'Operations Sign-off', 'text'),
  field('sales_head_confirm', '供销部负责人确认', [], 'Sales Head Confirmed', 'text'),
  field('dispute', '评审异议', [], 'Review Dispute', 'text'),
  field('dispute_agreed', '协商结果', ['已与客户达成一致'], 'Dispute Agreed', 'yesno'),
  field('gm_decision', '总经理裁决', [], 'GM Decision', 'text'),
  field('change_date', '变更日期', [], 'Change Date', 'date'),
  field('change_notice', '变更联络单号', [], 'Change Notice No', 'text'),
  field('re_review_date', '再评审日期', [], 'Re-review Date', 'date'),
  field('delay_consent', '延期客户书面确认', [], 'Delay Customer Consent', 'yesno'),
  field('cancel_date', '取消日期', [], 'Cancel Date', 'date'),
  field('cancel_notice', '取消联络单号', [], 'Cancel Notice No', 'text'),
  field('phone_log_no', '电话传真记录编号', [], 'Phone/Fax Log No', 'text'),
  field('remarks', '备注', [], 'Remarks', 'text'),
  // Optional columns that fill the forms (issue 11): the requirements 5.3.1.1–5.3.1.2 names, the
  // QA sign-off of 5.3.2.2, the conclusion, the log entry's contact, and a change's content.
  field('price_terms', '价格要求', ['单价', '价格条款'], 'Price Terms', 'text'),
  field('packaging', '包装要求', ['包装方式'], 'Packaging', 'text'),
  field('transport', '运输要求', ['运输方式'], 'Transport', 'text'),
  field('service_requirements', '服务要求', [], 'Service Requirements', 'text'),
  field('special_requirements', '特殊要求', ['特殊规格', '材料要求'], 'Special Requirements', 'text'),
  field('standards', '执行标准', ['适用标准', '产品标准'], 'Standards', 'text'),
  field('legal_requirements', '法律法规要求', ['法规要求'], 'Legal Requirements', 'text'),
  field('signoff_qa', '品质部签字', [], 'QA Sign-off', 'text'),
  field('review_conclusion', '评审结论', [], 'Review Conclusion', 'text'),
  field('contact', '联系人', ['客户联系人'], 'Contact', 'text'),
  field('contact_phone', '联系电话', ['电话'], 'Phone', 'text'),
  field('change_before', '变更前', ['变更前内容'], 'Before Change', 'text'),
  field('change_after', '变更后', ['变更后内容'], 'After Change', 'text'),
  field('change_reason', '变更原因', [], 'Change Reason', 'text'),
  field('cancel_reason', '取消原因', [], 'Cancel Reason', 'text'),
  field('customer_reply', '回复客户', ['答复客户内容'], 'Reply to Customer', 'text'),
];

/** The orders columns' ids, derived from the table: a misspelt id does not compile. */
export type OrderFieldId = (typeof ORDER_FIELDS)[number]['id'];

export const COMPLAINT_FIELDS = [
  field('complaint_no', '投诉编号', ['编号', '客诉编号'], 'Complaint No', 'text', { required: true }),
  field('received_at', '受理日期', ['投诉日期', '受理时间'], 'Received', 'datetime', { required: true }),
  field('customer', '客户名称', ['客户'], 'Customer', 'text', { required: true }),
  field('channel', '投诉方式', ['提出方式'], 'Channel', 'enum', { enum: 'channel' }),
  field('category', '投诉类别', ['问题类别', '类别'], 'Category', 'enum', { required: true, enum: 'category' }),
  field('product', '产品名称', [], 'Product', 'text'),
  field('batch_no', '批号', [], 'Batch No', 'text'),
  field('quantity_affected', '涉及数量', [], 'Quantity Affected', 'nonNegative'),
  field('description', '投诉内容', ['问题描述'], 'Description', 'text', { required: true }),
  field('severity', '严重程度', [], 'Severity', 'enum', { enum: 'severity' }),
  field('responsibility', '责任判定', [], 'Responsibility', 'enum', { enum: 'responsibility' }),
  field('responsible_dept', '责任部门', [], 'Responsible Dept', 'text'),
  field('responsible_person', '责任人', [], 'Responsible Person', 'text'),
  field('handler', '受理人', [], 'Handler', 'text'),
  field('assigned_at', '受理部门确定日期', [], 'Assigned', 'date'),
  field('cause_found_at', '原因查明日期', [], 'Cause Found', 'date'),
  field('root_cause', '原因分析', [], 'Root Cause', 'text'),
  field('corrective_action', '纠正措施', [], 'Corrective Action', 'text'),
  field('capa_no', '纠正预防措施单号', [], 'CAPA No', 'text'),
  field('first_reply_at', '首次答复时间', ['答复客户时间'], 'First Reply', 'datetime'),
  field('resolved_at', '解决日期', [], 'Resolved', 'date'),
  field('customer_notified_at', '通知客户日期', [], 'Customer Notified', 'date'),
  field('closed_at', '结案日期', [], 'Closed', 'date'),
  field('customer_feedback', '客户意见', ['客户反馈'], 'Customer Feedback', 'text'),
  field('returned', '是否退货', ['退货'], 'Return', 'yesno'),
  field('return_qty', '退货数量', [], 'Return Qty', 'nonNegative'),
  field('escalated', '是否上报', ['上报管理层'], 'Escalated', 'yesno'),
  field('verified_by', '验证人', [], 'Verified By', 'text'),
  field('verified_at', '验证日期', [], 'Verified', 'date'),
  // Optional columns that fill the complaint record and the CAPA report (issue 11; 5.8.3, 5.9).
  field('order_no', '关联订单号', ['相关订单号', '投诉订单号'], 'Related Order No', 'text'),
  field('contact', '联系人', ['客户联系人'], 'Contact', 'text'),
  field('contact_phone', '联系电话', ['电话'], 'Phone', 'text'),
  field('customer_request', '客户要求', ['客户诉求'], 'Customer Request', 'text'),
  field('containment', '临时措施', ['围堵措施', '应急措施'], 'Containment', 'text'),
  field('preventive_action', '预防措施', [], 'Preventive Action', 'text'),
  field('action_due', '措施完成期限', ['要求完成日期'], 'Action Due', 'date'),
  field('capa_team', '改进小组', ['小组成员'], 'CAPA Team', 'text'),
  field('return_reason', '退货原因', [], 'Return Reason', 'text'),
  field('inspection_result', '退货检验结果', ['检验结果'], 'Inspection Result', 'text'),
  field('disposal', '处置方式', ['退货处置'], 'Disposal', 'text'),
  field('reply_method', '答复方式', [], 'Reply Method', 'text'),
  field('customer_accepted', '客户接受', ['客户是否接受'], 'Customer Accepted', 'yesno'),
  field('doc_revision', '文件修订', ['相关文件修订'], 'Document Revision', 'text'),
  field('verification_result', '验证结果', [], 'Verification Result', 'text'),
  field('verification_effective', '验证结论', ['措施有效'], 'Verification Effective', 'yesno'),
];

/**
 * The actions register (措施跟踪表): what a meeting, a management review, an audit, a complaint or
 * a CAPA decided, who does it by when, and whether it was done and verified.
 */
export const ACTION_FIELDS: readonly FieldSpec[] = [
  field('action_no', '措施编号', ['措施号', '措施单号', '行动项编号'], 'Action No', 'text', { required: true }),
  field('source', '来源', ['措施来源', '提出来源'], 'Source', 'actionSource', { required: true }),
  field('action', '措施内容', ['措施', '改进措施', '行动项', '决议事项'], 'Action', 'text', { required: true }),
  field('owner', '责任人', ['负责人', '执行人'], 'Owner', 'text'),
  field('department', '责任部门', ['部门', '执行部门'], 'Department', 'text'),
  field('decided_on', '提出日期', ['决定日期', '决议日期', '下达日期'], 'Decided On', 'date'),
  field('due', '完成期限', ['计划完成日期', '期限', '要求完成日期'], 'Due', 'date'),
  field('status', '状态', ['完成状态', '进度'], 'Status', 'enum', { enum: 'action_status' }),
  field('done_on', '完成日期', ['实际完成日期', '关闭日期'], 'Done On', 'date'),
  field('verified_by', '验证人', ['效果验证人'], 'Verified By', 'text'),
  field('result', '验证结果', ['完成情况', '效果', '结果'], 'Result', 'text'),
];
/** The complaints columns' ids, derived from the table. */
export type ComplaintFieldId = (typeof COMPLAINT_FIELDS)[number]['id'];

/** A satisfaction dimension as configured: its score column's headers. */
export interface DimensionHeaders {
  readonly id: string;
  readonly zh: string;
  readonly aliases: readonly string[];
  readonly en: string;
}

/** The survey columns, with one score column per configured dimension after "returned_date". */
export function surveyFields(dimensions: readonly DimensionHeaders[]): readonly FieldSpec[] {
  return [
    field('period', '调查期次', ['期次', '调查期间'], 'Period', 'period', { required: true }),
    field('customer', '客户名称', ['客户'], 'Customer', 'text', { required: true }),
    field('sent_date', '发放日期', [], 'Sent', 'date'),
    field('returned_date', '回收日期', [], 'Returned', 'date'),
    ...dimensions.map((d) => ({ ...field(d.id, d.zh, d.aliases, d.en, 'score'), dimension: true })),
    field('overall', '综合得分', ['总分', '综合满意度'], 'Overall', 'score'),
    field('competitor', '竞争对手', [], 'Competitor', 'text'),
    field('competitor_score', '竞争对手得分', [], 'Competitor Score', 'score'),
    field('comments', '意见和建议', ['意见', '建议'], 'Comments', 'text'),
    field('respondent', '填表人', [], 'Respondent', 'text'),
  ];
}

/** The field whose value identifies a record; surveys are identified by (customer, period). */
export const ID_FIELDS: Readonly<Record<DatasetId, readonly string[]>> = {
  orders: ['order_no'],
  complaints: ['complaint_no'],
  surveys: ['customer', 'period'],
  actions: ['action_no'],
};
