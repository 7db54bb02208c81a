import type { DatasetId } from '../model/fields.js';
import type { FindingSeverity } from '../model/finding.js';
import type { Localized } from '../model/lang.js';

/** Severities as an ISO 9001 auditor writes them in Chinese. */
export const SEVERITY_LABELS: Readonly<Record<FindingSeverity, Localized>> = {
  major: { zh: '严重不符合', en: 'Major' },
  minor: { zh: '一般不符合', en: 'Minor' },
  observation: { zh: '观察项', en: 'Observation' },
  target: { zh: '目标未达成', en: 'Objective missed' },
};

/** The bases of a finding, as the audit report groups them. */
export const BASIS_LABELS: Readonly<Record<'procedure' | 'company_limit' | 'objective' | 'data', Localized>> = {
  procedure: { zh: '不符合（程序要求）', en: 'Nonconformity (procedure)' },
  company_limit: { zh: '未达到公司设定时限', en: 'Company time limit not met' },
  objective: { zh: '目标未达成', en: 'Objective missed' },
  data: { zh: '数据核对', en: 'Data check' },
};

export const DATASET_LABELS: Readonly<Record<DatasetId, Localized>> = {
  orders: { zh: '合同/订单评审', en: 'Contract review' },
  complaints: { zh: '客户投诉', en: 'Customer complaints' },
  surveys: { zh: '客户满意度', en: 'Customer satisfaction' },
  actions: { zh: '措施跟踪', en: 'Actions register' },
};
