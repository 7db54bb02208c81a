import type { Localized } from '../model/lang.js';
import type { ObjectiveMetric } from '../model/objectives.js';

/** A complete line of the form register. */
export interface FormRegisterEntry {
  /** Form number, e.g. "QR-XS-02". */
  readonly number: string;
  /** Null: the form template's own title is used. */
  readonly title: Localized | null;
  /** 版本/版次, e.g. "A/0". */
  readonly version: string;
  /** 发放号; "" leaves a line to fill in by hand. */
  readonly issueNo: string;
  /** 生效日期 YYYY-MM-DD; null leaves a line to fill in. */
  readonly effectiveDate: string | null;
  /** 保存期限 (《记录控制程序》: typically 3 years). */
  readonly retention: Localized;
}

/** A form's retention when the register does not say. */
export const THREE_YEARS: Localized = { zh: '3年', en: '3 years' };

function entry(number: string, zh: string, en: string): FormRegisterEntry {
  return { number, title: { zh, en }, version: 'A/0', issueNo: '', effectiveDate: null, retention: THREE_YEARS };
}

/**
 * The procedure's controlled forms (相关表单) and the related-practice ones, numbered in the
 * QR-XS (sales) and QR-PZ (quality) series as a typical register would.
 */
export const DEFAULT_FORM_REGISTER: Readonly<Record<string, FormRegisterEntry>> = {
  phone_fax_log: entry('QR-XS-01', '电话传真收发记录表', 'Phone / Fax Log'),
  order_review: entry('QR-XS-02', '合同/订单评审表', 'Contract / Order Review Form'),
  liaison: entry('QR-XS-03', '联络单', 'Liaison Sheet'),
  satisfaction_survey: entry('QR-XS-04', '客户满意度调查表', 'Customer Satisfaction Survey'),
  satisfaction_report: entry('QR-XS-05', '客户满意度分析报告', 'Customer Satisfaction Analysis Report'),
  complaint_record: entry('QR-XS-06', '客户投诉处理记录表', 'Customer Complaint Handling Record'),
  shipping_notice: entry('QR-XS-07', '出货通知单', 'Shipping Notice'),
  customer_list: entry('QR-XS-08', '客户一览表', 'Customer List'),
  capa_report: entry('QR-PZ-01', '纠正和预防措施报告', 'Corrective and Preventive Action Report'),
};

/** Departments named by the procedure. Ids are what config and data refer to. */
export const DEFAULT_DEPARTMENTS: Readonly<Record<string, Localized>> = {
  sales: { zh: '供销部', en: 'Sales Dept.' },
  qa: { zh: '品质部', en: 'Quality Dept.' },
  production: { zh: '生产部', en: 'Production Dept.' },
  finance: { zh: '行政财务部', en: 'Admin & Finance Dept.' },
  operations: { zh: '业务部', en: 'Operations Dept.' },
  purchasing: { zh: '采购部', en: 'Purchasing Dept.' },
  gm: { zh: '总经理', en: 'General Manager' },
};

/** Who receives a 联络单 (5.3.4, 5.3.5): the departments that act on a change or a cancellation, 业务部 first. */
export const DEFAULT_LIAISON_RECEIPT: readonly string[] = ['operations', 'production', 'qa', 'purchasing', 'finance'];

/** Who receives the reports (5.7.2: sales, purchasing and the other departments). */
export const DEFAULT_DISTRIBUTION: readonly string[] = ['sales', 'operations', 'purchasing', 'production', 'qa', 'finance', 'gm'];

/** The source named for a company limit or objective when the config names none. */
export const DEFAULT_SOURCE: Localized = { zh: '公司设定', en: 'company setting' };

/** A satisfaction dimension, complete. */
export interface Dimension {
  readonly id: string;
  readonly label: Localized;
  /** Headers accepted for its score column besides the label. */
  readonly headers: readonly string[];
  readonly weight: number;
  /** Department id answerable for it (5.7.2.3). */
  readonly department: string;
}

/** 5.6.2's four dimensions and rule S3's departments (quality → 品质部, delivery → 生产部, service/price → 供销部). */
export const DEFAULT_DIMENSIONS: readonly Dimension[] = [
  { id: 'quality', label: { zh: '产品质量', en: 'Product quality' }, headers: ['质量', 'Quality'], weight: 1, department: 'qa' },
  { id: 'service', label: { zh: '服务', en: 'Service' }, headers: ['服务质量'], weight: 1, department: 'sales' },
  { id: 'price', label: { zh: '价格', en: 'Price' }, headers: [], weight: 1, department: 'sales' },
  { id: 'delivery', label: { zh: '交期', en: 'Delivery' }, headers: ['交货期'], weight: 1, department: 'production' },
];

/**
 * The quality objectives judged when none are configured; their targets come from `goals` (the
 * survey ones, as rules S1 and S2 use) or USUAL_TARGETS. A company replaces the list with its own.
 */
export const DEFAULT_OBJECTIVES: readonly { readonly metric: ObjectiveMetric }[] = [
  { metric: 'satisfaction_mean' },
  { metric: 'survey_response_rate' },
  { metric: 'review_completeness' },
  { metric: 'complaints_closed_on_time' },
  { metric: 'first_reply_on_time' },
  { metric: 'major_complaints_escalated' },
  { metric: 'capa_verified' },
];

/** Targets of metrics when an objective names none and `goals` has none for it (rates as fractions). */
export const USUAL_TARGETS: Readonly<Partial<Record<ObjectiveMetric, number>>> = {
  review_completeness: 1,
  complaints_closed_on_time: 0.95,
  first_reply_on_time: 0.95,
  major_complaints_escalated: 1,
  capa_verified: 0.9,
};
