/**
 * Enumerations of the input contract. Each value has its English id (used in summary.json and
 * code), its Chinese and English labels, and further accepted spellings. Matching is
 * case-insensitive and ignores spaces, "-" and "_".
 */
export interface EnumValue<Id extends string = string> {
  readonly id: Id;
  readonly zh: string;
  readonly en: string;
  readonly aliases?: readonly string[];
}

export const ORDER_SOURCES = [
  { id: 'written', zh: '书面', en: 'Written', aliases: ['书面订单'] },
  { id: 'phone', zh: '电话', en: 'Phone', aliases: ['电话订单', 'telephone'] },
  { id: 'fax', zh: '传真', en: 'Fax', aliases: ['传真订单'] },
  { id: 'email', zh: '邮件', en: 'E-mail', aliases: ['电子邮件', 'e-mail', 'mail'] },
  { id: 'tender', zh: '招投标', en: 'Tender', aliases: ['招标', '投标'] },
  { id: 'online', zh: '网上', en: 'Online', aliases: ['网上订单', '网络'] },
] as const satisfies readonly EnumValue[];
export type OrderSource = (typeof ORDER_SOURCES)[number]['id'];

export const PRODUCT_TYPES = [
  { id: 'standard', zh: '标准', en: 'Standard', aliases: ['标准产品', '老产品', '标准品'] },
  { id: 'non_standard', zh: '非标', en: 'Non-standard', aliases: ['非标产品', '新产品', '非标准', '非标准产品'] },
] as const satisfies readonly EnumValue[];
export type ProductType = (typeof PRODUCT_TYPES)[number]['id'];

export const COMPLAINT_CHANNELS = [
  { id: 'in_person', zh: '当面', en: 'In person', aliases: ['面谈', '现场'] },
  { id: 'phone', zh: '电话', en: 'Phone', aliases: ['telephone'] },
  { id: 'fax', zh: '传真', en: 'Fax' },
  { id: 'email', zh: '邮件', en: 'E-mail', aliases: ['电子邮件', 'e-mail', 'mail'] },
] as const satisfies readonly EnumValue[];
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number]['id'];

/** In the order the procedure lists them; summary.json's byCategory keeps this order. */
export const COMPLAINT_CATEGORIES = [
  { id: 'quality', zh: '质量', en: 'Quality', aliases: ['质量问题'] },
  { id: 'delivery', zh: '交期', en: 'Delivery', aliases: ['交货期', '交货'] },
  { id: 'service', zh: '服务', en: 'Service', aliases: ['服务态度'] },
  { id: 'quantity', zh: '数量', en: 'Quantity' },
  { id: 'specification', zh: '规格', en: 'Specification', aliases: ['spec'] },
  { id: 'transport', zh: '运输', en: 'Transport', aliases: ['运输损坏'] },
  { id: 'packaging', zh: '包装', en: 'Packaging' },
  { id: 'weight', zh: '重量', en: 'Weight' },
  { id: 'other', zh: '其他', en: 'Other', aliases: ['其它'] },
] as const satisfies readonly EnumValue[];
export type BuiltInComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number]['id'];
/** One of the nine, or a company category id from the configuration (`vocabulary.categories`). */
export type ComplaintCategory = BuiltInComplaintCategory | (string & {});

export const SEVERITIES = [
  { id: 'normal', zh: '一般', en: 'Normal', aliases: ['普通'] },
  { id: 'major', zh: '重大', en: 'Major', aliases: ['严重'] },
] as const satisfies readonly EnumValue[];
export type Severity = (typeof SEVERITIES)[number]['id'];

export const RESPONSIBILITIES = [
  { id: 'ours', zh: '本公司', en: 'Ours', aliases: ['我司', '公司', 'our company'] },
  { id: 'customer', zh: '客户', en: 'Customer', aliases: ['顾客'] },
  { id: 'other', zh: '其他', en: 'Other', aliases: ['其它', '第三方'] },
] as const satisfies readonly EnumValue[];
export type Responsibility = (typeof RESPONSIBILITIES)[number]['id'];

/** Status of an action in the actions register. */
export const ACTION_STATUSES = [
  { id: 'not_started', zh: '未开始', en: 'Not started', aliases: ['未启动', '待开始', 'open'] },
  { id: 'in_progress', zh: '进行中', en: 'In progress', aliases: ['实施中', '执行中', '未完成'] },
  { id: 'done', zh: '已完成', en: 'Done', aliases: ['完成', '已关闭', '关闭', 'closed', 'completed'] },
  { id: 'cancelled', zh: '已取消', en: 'Cancelled', aliases: ['取消', '作废', 'canceled'] },
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
