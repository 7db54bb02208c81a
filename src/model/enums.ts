/**
 * Enumerations of the input contract. Each value has its English id (used in summary.json and
 * code), the words the input accepts for it — its Chinese word, its English word (what the input
 * templates offer in each language) and further spellings — and nothing else: how a value is
 * SHOWN is wording, in templates/messages/labels.*.json (text/domain-labels.ts ENUM_LABELS).
 * Matching is case-insensitive and ignores spaces, "-" and "_".
 */
export interface EnumValue<Id extends string = string> {
  readonly id: Id;
  /** The input contract's word for the value in each language (docs/input-format.md). */
  readonly words: { readonly zh: string; readonly en: string };
  readonly aliases?: readonly string[];
}

export const ORDER_SOURCES = [
  { id: 'written', words: { zh: '书面', en: 'Written' }, aliases: ['书面订单'] },
  { id: 'phone', words: { zh: '电话', en: 'Phone' }, aliases: ['电话订单', 'telephone'] },
  { id: 'fax', words: { zh: '传真', en: 'Fax' }, aliases: ['传真订单'] },
  { id: 'email', words: { zh: '邮件', en: 'E-mail' }, aliases: ['电子邮件', 'e-mail', 'mail'] },
  { id: 'tender', words: { zh: '招投标', en: 'Tender' }, aliases: ['招标', '投标'] },
  { id: 'online', words: { zh: '网上', en: 'Online' }, aliases: ['网上订单', '网络'] },
] as const satisfies readonly EnumValue[];
export type OrderSource = (typeof ORDER_SOURCES)[number]['id'];

export const PRODUCT_TYPES = [
  { id: 'standard', words: { zh: '标准', en: 'Standard' }, aliases: ['标准产品', '老产品', '标准品'] },
  { id: 'non_standard', words: { zh: '非标', en: 'Non-standard' }, aliases: ['非标产品', '新产品', '非标准', '非标准产品'] },
] as const satisfies readonly EnumValue[];
export type ProductType = (typeof PRODUCT_TYPES)[number]['id'];

export const COMPLAINT_CHANNELS = [
  { id: 'in_person', words: { zh: '当面', en: 'In person' }, aliases: ['面谈', '现场'] },
  { id: 'phone', words: { zh: '电话', en: 'Phone' }, aliases: ['telephone'] },
  { id: 'fax', words: { zh: '传真', en: 'Fax' } },
  { id: 'email', words: { zh: '邮件', en: 'E-mail' }, aliases: ['电子邮件', 'e-mail', 'mail'] },
] as const satisfies readonly EnumValue[];
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number]['id'];

/** In the order the procedure lists them; summary.json's byCategory keeps this order. */
export const COMPLAINT_CATEGORIES = [
  { id: 'quality', words: { zh: '质量', en: 'Quality' }, aliases: ['质量问题'] },
  { id: 'delivery', words: { zh: '交期', en: 'Delivery' }, aliases: ['交货期', '交货'] },
  { id: 'service', words: { zh: '服务', en: 'Service' }, aliases: ['服务态度'] },
  { id: 'quantity', words: { zh: '数量', en: 'Quantity' } },
  { id: 'specification', words: { zh: '规格', en: 'Specification' }, aliases: ['spec'] },
  { id: 'transport', words: { zh: '运输', en: 'Transport' }, aliases: ['运输损坏'] },
  { id: 'packaging', words: { zh: '包装', en: 'Packaging' } },
  { id: 'weight', words: { zh: '重量', en: 'Weight' } },
  { id: 'other', words: { zh: '其他', en: 'Other' }, aliases: ['其它'] },
] as const satisfies readonly EnumValue[];
export type BuiltInComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number]['id'];
/** One of the nine, or a company category id from the configuration (`vocabulary.categories`). */
export type ComplaintCategory = BuiltInComplaintCategory | (string & {});

export const SEVERITIES = [
  { id: 'normal', words: { zh: '一般', en: 'Normal' }, aliases: ['普通'] },
  { id: 'major', words: { zh: '重大', en: 'Major' }, aliases: ['严重'] },
] as const satisfies readonly EnumValue[];
export type Severity = (typeof SEVERITIES)[number]['id'];

export const RESPONSIBILITIES = [
  { id: 'ours', words: { zh: '本公司', en: 'Ours' }, aliases: ['我司', '公司', 'our company'] },
  { id: 'customer', words: { zh: '客户', en: 'Customer' }, aliases: ['顾客'] },
  { id: 'other', words: { zh: '其他', en: 'Other' }, aliases: ['其它', '第三方'] },
] as const satisfies readonly EnumValue[];
export type Responsibility = (typeof RESPONSIBILITIES)[number]['id'];

/** Status of an action in the actions register. */
export const ACTION_STATUSES = [
  { id: 'not_started', words: { zh: '未开始', en: 'Not started' }, aliases: ['未启动', '待开始', 'open'] },
  { id: 'in_progress', words: { zh: '进行中', en: 'In progress' }, aliases: ['实施中', '执行中', '未完成'] },
  { id: 'done', words: { zh: '已完成', en: 'Done' }, aliases: ['完成', '已关闭', '关闭', 'closed', 'completed'] },
  { id: 'cancelled', words: { zh: '已取消', en: 'Cancelled' }, aliases: ['取消', '作废', 'canceled'] },
] as const satisfies readonly EnumValue[];
export type ActionStatus = (typeof ACTION_STATUSES)[number]['id'];

export const ENUMS = {
  source: ORDER_SOURCES,
  product_type: PRODUCT_TYPES,
  channel: COMPLAINT_CHANNELS,
  category: COMPLAINT_CATEGORIES,
  severity: SEVERITIES,
  responsibility: RESPONSIBILITIES,
  action_status: ACTION_STATUSES,
} as const;
export type EnumName = keyof typeof ENUMS;
