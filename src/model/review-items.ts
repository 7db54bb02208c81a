import type { ReviewItem } from './fields.js';

/** The six confirmations of clause 5.3.2.4, worded as the procedure and the review form ask them. */
export const REVIEW_ITEM_TEXT: Readonly<Record<ReviewItem, { readonly zh: string; readonly en: string }>> = {
  a: { zh: '合同/订单内容是否清晰', en: 'Is the contract / order content clear?' },
  b: { zh: '产品名称/编号、包装方法是否明确', en: 'Are product name / code and packing specified?' },
  c: { zh: '采购能力是否可以满足数量要求', en: 'Can purchasing capacity meet the quantity?' },
  d: { zh: '能否按规定交付日期和方式交付', en: 'Can the delivery date and method be met?' },
  e: { zh: '能否满足特殊特性要求', en: 'Can special characteristics be met?' },
  f: { zh: '是否有相关的技术文件', en: 'Do the technical documents exist?' },
};

/** Short names, as the ledger headers say them. */
export const REVIEW_ITEM_SHORT: Readonly<Record<ReviewItem, { readonly zh: string; readonly en: string }>> = {
  a: { zh: '内容清晰', en: 'content clear' },
  b: { zh: '品名包装明确', en: 'product and packing specified' },
  c: { zh: '采购能力满足', en: 'purchasing capacity' },
  d: { zh: '交期可满足', en: 'delivery can be met' },
  e: { zh: '特殊要求可满足', en: 'special characteristics' },
  f: { zh: '技术文件齐全', en: 'technical documents' },
};
