import type { Config } from '../config/config.js';
import type { Finding, FindingParam, RuleId } from '../model/finding.js';
import type { Lang } from '../model/lang.js';
import { REVIEW_ITEM_SHORT } from '../model/review-items.js';
import type { ReviewItem } from '../model/fields.js';
import { formatRate, formatScore } from './format-number.js';

type Params = Readonly<Record<string, FindingParam>>;

/** What a message needs besides the finding's params: the run's labels. */
interface Words {
  readonly lang: Lang;
  department(id: string): string;
  dimension(id: string): string;
}

const str = (v: FindingParam | undefined): string => (v === null || v === undefined ? '' : Array.isArray(v) ? v.join(', ') : String(v));
const num = (v: FindingParam | undefined): number => (typeof v === 'number' ? v : Number(v));
const list = (v: FindingParam | undefined): readonly string[] => (Array.isArray(v) ? v : []);

const C7_PARTS: Record<string, { zh: string; en: string }> = {
  handler: { zh: '受理人', en: 'handler' },
  responsible_dept: { zh: '责任部门', en: 'responsible department' },
  result: { zh: '处理结果（纠正措施或客户意见）', en: 'result (corrective action or customer feedback)' },
};

/** One sentence per rule and language, saying precisely what is missing or late. */
const MESSAGES: Readonly<Record<RuleId, Readonly<Record<Lang, (p: Params, w: Words) => string>>>> = {
  O1: {
    zh: () => '非标产品订单没有评审日期：未做合同/订单评审',
    en: () => 'non-standard order without a review date: no contract review done',
  },
  O2: {
    zh: (p) => `评审项目未全部确认：${[...list(p.no).map((i) => `${i} ${REVIEW_ITEM_SHORT[i as ReviewItem].zh}（否）`), ...list(p.missing).map((i) => `${i} ${REVIEW_ITEM_SHORT[i as ReviewItem].zh}（未填）`)].join('、')}`,
    en: (p) => `review items not all confirmed: ${[...list(p.no).map((i) => `${i} ${REVIEW_ITEM_SHORT[i as ReviewItem].en} (no)`), ...list(p.missing).map((i) => `${i} ${REVIEW_ITEM_SHORT[i as ReviewItem].en} (empty)`)].join(', ')}`,
  },
  O3: {
    zh: (p) => (p.review === null ? `已于 ${str(p.signed)} 签订，但没有评审日期` : `签订日期 ${str(p.signed)} 早于评审日期 ${str(p.review)}：先签订后评审`),
    en: (p) => (p.review === null ? `signed on ${str(p.signed)} without a review date` : `signed on ${str(p.signed)}, before the review on ${str(p.review)}`),
  },
  O4: {
    zh: (p, w) => `缺少部门会签：${list(p.departments).map(w.department).join('、')}`,
    en: (p, w) => `department sign-off missing: ${list(p.departments).map(w.department).join(', ')}`,
  },
  O5: {
    zh: (p, w) =>
      [
        ...(p.confirmed ? [] : [p.confirmText ? `${w.department('sales')}负责人未确认（“${str(p.confirmText)}”）` : `${w.department('sales')}负责人未确认`]),
        ...(p.otherSignoff ? [] : [`没有${w.department('sales')}以外的部门签字`]),
      ].join('；'),
    en: (p, w) =>
      [
        ...(p.confirmed ? [] : [p.confirmText ? `not confirmed by the head of ${w.department('sales')} ("${str(p.confirmText)}")` : `not confirmed by the head of ${w.department('sales')}`]),
        ...(p.otherSignoff ? [] : [`no sign-off by a department other than ${w.department('sales')}`]),
      ].join('; '),
  },
  O6: {
    zh: (p) => `有评审异议（“${str(p.dispute)}”），没有总经理裁决记录`,
    en: (p) => `review dispute ("${str(p.dispute)}") without a recorded decision of the general manager`,
  },
  O7: {
    zh: (p) => `${str(p.changeDate)} 变更，没有变更联络单号`,
    en: (p) => `changed on ${str(p.changeDate)} without a liaison sheet number`,
  },
  O8: {
    zh: (p) => (p.reReviewDate === null ? `${str(p.changeDate)} 变更后未再评审` : `再评审日期 ${str(p.reReviewDate)} 早于变更日期 ${str(p.changeDate)}`),
    en: (p) => (p.reReviewDate === null ? `not re-reviewed after the change on ${str(p.changeDate)}` : `re-review on ${str(p.reReviewDate)} is before the change on ${str(p.changeDate)}`),
  },
  O9: {
    zh: (p) => `${p.source === 'fax' ? '传真' : '电话'}订单没有电话传真记录编号`,
    en: (p) => `${p.source === 'fax' ? 'fax' : 'phone'} order without a phone/fax log number`,
  },
  O10: {
    zh: (p) => `${str(p.cancelDate)} 取消，没有取消联络单号`,
    en: (p) => `cancelled on ${str(p.cancelDate)} without a liaison sheet number`,
  },
  C1: {
    zh: (p) =>
      p.closed === null
        ? `受理 ${str(p.received)} 至 ${str(p.asOf)} 已 ${num(p.workingDays)} 个工作日仍未结案，超过 ${num(p.limit)} 个工作日的时限`
        : `受理 ${str(p.received)} 至结案 ${str(p.closed)} 用了 ${num(p.workingDays)} 个工作日，超过 ${num(p.limit)} 个工作日的时限`,
    en: (p) =>
      p.closed === null
        ? `open ${num(p.workingDays)} working days from receipt on ${str(p.received)} to ${str(p.asOf)}, over the limit of ${num(p.limit)}`
        : `${num(p.workingDays)} working days from receipt on ${str(p.received)} to closure on ${str(p.closed)}, over the limit of ${num(p.limit)}`,
  },
  C2: {
    zh: (p) =>
      p.reply === null
        ? `受理 ${str(p.received)} 至 ${str(p.asOf)} 仍未答复客户，已超过 ${num(p.limitHours)} 小时`
        : p.unit === 'hours'
          ? `受理 ${str(p.received)}，首次答复 ${str(p.reply)}，间隔 ${num(p.elapsed)} 小时，超过 ${num(p.limitHours)} 小时`
          : `受理 ${str(p.received)}，首次答复 ${str(p.reply)}，相隔 ${num(p.elapsed)} 天，超过 ${num(p.limitHours) / 24} 天`,
    en: (p) =>
      p.reply === null
        ? `no reply to the customer from receipt on ${str(p.received)} to ${str(p.asOf)}: over ${num(p.limitHours)} hours`
        : p.unit === 'hours'
          ? `received ${str(p.received)}, first reply ${str(p.reply)}: ${num(p.elapsed)} hours, over ${num(p.limitHours)}`
          : `received ${str(p.received)}, first reply ${str(p.reply)}: ${num(p.elapsed)} days apart, over ${num(p.limitHours) / 24}`,
  },
  C3: {
    zh: (p) => `重大投诉未上报管理层（“是否上报”${p.escalated === 'no' ? '为否' : '未填'}）`,
    en: (p) => `major complaint not escalated to management ("escalated" is ${p.escalated === 'no' ? 'no' : 'empty'})`,
  },
  C4: {
    zh: (p) => `受理 ${str(p.from)} 后第 ${num(p.workingDays)} 个工作日（${str(p.to)}）才确定处理部门，时限 ${num(p.limit)} 个工作日`,
    en: (p) => `handling department assigned ${num(p.workingDays)} working days after receipt (${str(p.from)} → ${str(p.to)}), limit ${num(p.limit)}`,
  },
  C5: {
    zh: (p) => `受理 ${str(p.from)} 至查明原因 ${str(p.to)} 用了 ${num(p.workingDays)} 个工作日，时限 ${num(p.limit)} 个工作日`,
    en: (p) => `cause found ${num(p.workingDays)} working days after receipt (${str(p.from)} → ${str(p.to)}), limit ${num(p.limit)}`,
  },
  C6: {
    zh: (p) => `解决 ${str(p.from)} 后 ${num(p.workingDays)} 个工作日（${str(p.to)}）才通知客户，时限 ${num(p.limit)} 个工作日`,
    en: (p) => `customer notified ${num(p.workingDays)} working days after the solution (${str(p.from)} → ${str(p.to)}), limit ${num(p.limit)}`,
  },
  C7: {
    zh: (p) => `已结案，但缺少${list(p.missing).map((m) => C7_PARTS[m]?.zh ?? m).join('、')}`,
    en: (p) => `closed without ${list(p.missing).map((m) => C7_PARTS[m]?.en ?? m).join(', ')}`,
  },
  C8: {
    zh: () => '责任在本公司，没有纠正预防措施单号',
    en: () => 'our responsibility, but no corrective action (CAPA) number',
  },
  C9: {
    zh: () => '责任在本公司且已结案，没有验证人：纠正措施未经验证',
    en: () => 'our responsibility and closed, but no verifier: corrective action not verified',
  },
  S1: {
    zh: (p) => `${str(p.period)} 回收率 ${formatRate(num(p.rate))}（${num(p.returned)}/${num(p.sent)}），低于目标 ${formatRate(num(p.goal))}`,
    en: (p) => `${str(p.period)} response rate ${formatRate(num(p.rate))} (${num(p.returned)}/${num(p.sent)}), below the goal of ${formatRate(num(p.goal))}`,
  },
  S2: {
    zh: (p) => `${str(p.period)} 满意度均分 ${formatScore(num(p.mean))} 分，低于质量目标 ${num(p.goal)} 分`,
    en: (p) => `${str(p.period)} satisfaction mean ${formatScore(num(p.mean))}, below the objective of ${num(p.goal)}`,
  },
  S3: {
    zh: (p, w) => `${str(p.period)}「${w.dimension(str(p.dimension))}」均分 ${formatScore(num(p.mean))} 分，低于 ${num(p.threshold)} 分（不满意项）；责任部门：${w.department(str(p.department))}，应发出纠正预防措施要求`,
    en: (p, w) => `${str(p.period)} "${w.dimension(str(p.dimension))}" mean ${formatScore(num(p.mean))}, below ${num(p.threshold)} (unsatisfied item); responsible: ${w.department(str(p.department))}, to receive a corrective action request`,
  },
  S4: {
    zh: (p) => `${str(p.from)} 之后至 ${str(p.asOf)} 的 12 个月内没有回收的满意度调查（${p.lastReturned === null ? '从未回收' : `最近一次回收 ${str(p.lastReturned)}`}）`,
    en: (p) => `no survey returned in the 12 months after ${str(p.from)} up to ${str(p.asOf)} (${p.lastReturned === null ? 'none ever returned' : `last returned ${str(p.lastReturned)}`})`,
  },
  S5: {
    zh: (p) => `综合得分 ${formatScore(num(p.given))} 与各项平均 ${formatScore(num(p.dimensionMean))} 相差 ${formatScore(Math.abs(num(p.given) - num(p.dimensionMean)))} 分，超过 ${num(p.tolerance)} 分`,
    en: (p) => `overall ${formatScore(num(p.given))} differs from the dimension mean ${formatScore(num(p.dimensionMean))} by ${formatScore(Math.abs(num(p.given) - num(p.dimensionMean)))}, more than ${num(p.tolerance)}`,
  },
  A1: {
    zh: (p) => `措施期限 ${str(p.due)}（期限为公司设定：该措施决定时自身规定的完成期限），至 ${str(p.asOf)} 仍未完成${num(p.workingDays) > 0 ? `，已超过 ${num(p.workingDays)} 个工作日` : ''}`,
    en: (p) => `due ${str(p.due)} (a company limit: the action's own due date, set when it was decided), still not done on ${str(p.asOf)}${num(p.workingDays) > 0 ? `, ${num(p.workingDays)} working days late` : ''}`,
  },
  A2: {
    zh: (p) => `纠正预防措施${p.capa ? ` ${str(p.capa)} ` : ''}的措施${p.doneOn ? `于 ${str(p.doneOn)} ` : ''}已完成，没有验证人：效果未经验证`,
    en: (p) => `action of CAPA${p.capa ? ` ${str(p.capa)}` : ''} done${p.doneOn ? ` on ${str(p.doneOn)}` : ''} without a verifier: effectiveness not verified`,
  },
};

/** Renders findings in a language with the configuration's department and dimension names. */
export function findingFormatter(config: Config, lang: Lang): (finding: Finding) => string {
  const words: Words = {
    lang,
    department: (id) => config.departments[id]?.[lang] ?? id,
    dimension: (id) => config.satisfaction.dimensions.find((d) => d.id === id)?.label[lang] ?? id,
  };
  return (finding) => MESSAGES[finding.rule][lang](finding.params, words);
}
