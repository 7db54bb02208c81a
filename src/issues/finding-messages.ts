import type { Config } from '../config/config.js';
import { categoryName, complaintCategories } from '../config/categories.js';
import { ENUMS } from '../model/enums.js';
import type { Finding, RuleId, RuleParams } from '../model/finding.js';
import type { Lang } from '../model/lang.js';
import { REVIEW_ITEM_SHORT } from '../model/review-items.js';
import type { ReviewItem } from '../model/fields.js';
import { formatRate, formatScore } from './format-number.js';

/** What a message needs besides the finding's params: the run's labels and the finding's limit. */
interface Words {
  readonly lang: Lang;
  department(id: string): string;
  dimension(id: string): string;
  category(id: string): string;
  /** The company setting's source, e.g. 公司设定 or 营销管理制度. */
  readonly source: string;
}

const C7_PARTS: Record<string, { zh: string; en: string }> = {
  handler: { zh: '受理人', en: 'handler' },
  responsible_dept: { zh: '责任部门', en: 'responsible department' },
  result: { zh: '处理结果（纠正措施或客户意见）', en: 'result (corrective action or customer feedback)' },
};

const itemsZh = (p: { no: readonly ReviewItem[]; missing: readonly ReviewItem[] }) =>
  [...p.no.map((i) => `${i} ${REVIEW_ITEM_SHORT[i].zh}（否）`), ...p.missing.map((i) => `${i} ${REVIEW_ITEM_SHORT[i].zh}（未填）`)].join('、');
const itemsEn = (p: { no: readonly ReviewItem[]; missing: readonly ReviewItem[] }) =>
  [...p.no.map((i) => `${i} ${REVIEW_ITEM_SHORT[i].en} (no)`), ...p.missing.map((i) => `${i} ${REVIEW_ITEM_SHORT[i].en} (empty)`)].join(', ');

type Messages = { readonly [R in RuleId]: Readonly<Record<Lang, (p: RuleParams[R], w: Words) => string>> };

/**
 * One sentence per rule and language: what the record shows, then what was required — and for a
 * company limit or objective, its value and where the company set it.
 */
const MESSAGES: Messages = {
  O1: {
    zh: () => '非标产品订单没有评审日期：未按要求组织合同/订单评审并记录于《合同/订单评审表》',
    en: () => 'non-standard order without a review date: no contract review recorded on the order review form as required',
  },
  O2: {
    zh: (p) =>
      p.gmDecision === null
        ? `评审项目未全部确认：${itemsZh(p)}；六项确认后方可签订`
        : `评审项目未全部确认：${itemsZh(p)}；已有总经理裁决“${p.gmDecision}”（5.3.2.7），请核对裁决是否覆盖未确认项目`,
    en: (p) =>
      p.gmDecision === null
        ? `review items not all confirmed: ${itemsEn(p)}; all six must be confirmed before signing`
        : `review items not all confirmed: ${itemsEn(p)}; the general manager ruled "${p.gmDecision}" (5.3.2.7): check that the ruling covers them`,
  },
  O3: {
    zh: (p) => (p.review === null ? `已于 ${p.signed} 签订，但没有评审日期；应评审后方可签订` : `签订日期 ${p.signed} 早于评审日期 ${p.review}：先签订后评审；应评审后方可签订`),
    en: (p) => (p.review === null ? `signed on ${p.signed} without a review date; signing must follow the review` : `signed on ${p.signed}, before the review on ${p.review}; signing must follow the review`),
  },
  O4: {
    zh: (p, w) => `评审表缺少部门会签：${p.departments.map(w.department).join('、')}`,
    en: (p, w) => `department sign-off missing on the review: ${p.departments.map(w.department).join(', ')}`,
  },
  O5: {
    zh: (p, w) =>
      [
        ...(p.confirmed ? [] : [p.confirmText ? `${w.department('sales')}负责人未确认（“${p.confirmText}”）` : `${w.department('sales')}负责人未确认`]),
        ...(p.otherSignoff ? [] : [`没有${w.department('sales')}以外的部门签字`]),
      ].join('；') + `；标准产品订单应由${w.department('sales')}负责人确认、相关部门负责人会签`,
    en: (p, w) =>
      [
        ...(p.confirmed ? [] : [p.confirmText ? `not confirmed by the head of ${w.department('sales')} ("${p.confirmText}")` : `not confirmed by the head of ${w.department('sales')}`]),
        ...(p.otherSignoff ? [] : [`no sign-off by a department other than ${w.department('sales')}`]),
      ].join('; ') + `; a standard order is confirmed by the head of ${w.department('sales')} and signed by the related department heads`,
  },
  O6: {
    zh: (p) => `评审异议“${p.dispute}”${p.agreed === false ? '未与客户达成一致' : '没有与客户达成一致的记录'}，也没有总经理裁决记录；未解决的异议应由总经理决定并记录`,
    en: (p) => `review dispute "${p.dispute}" ${p.agreed === false ? 'not agreed with the customer' : 'with no record of agreement with the customer'} and no recorded decision of the general manager, who decides an unresolved dispute`,
  },
  O7: {
    zh: (p) => `${p.changeDate} 变更，没有变更联络单号；变更应以《联络单》通知各部门`,
    en: (p) => `changed on ${p.changeDate} without a liaison sheet number; a change is sent to the departments on a liaison sheet`,
  },
  O8: {
    zh: (p) => `${p.reReviewDate === null ? `${p.changeDate} 变更后没有再评审日期` : `再评审日期 ${p.reReviewDate} 早于变更日期 ${p.changeDate}`}；本公司规定此类订单变更后应重新评审`,
    en: (p) => `${p.reReviewDate === null ? `no re-review date after the change on ${p.changeDate}` : `re-review on ${p.reReviewDate} is before the change on ${p.changeDate}`}; the company re-reviews such orders after a change`,
  },
  O9: {
    zh: (p) => `${p.source === null ? '' : `${ENUMS.source.find((s) => s.id === p.source)?.zh ?? p.source}`}订单没有电话传真记录编号：未见登记于《电话传真收发记录表》`,
    en: (p) => `${p.source === null ? 'order' : `${(ENUMS.source.find((s) => s.id === p.source)?.en ?? p.source).toLowerCase()} order`} without a phone/fax log number: not shown as logged in the phone/fax log`,
  },
  O10: {
    zh: (p) => `${p.cancelDate} 取消，没有取消联络单号；取消应以《联络单》通知`,
    en: (p) => `cancelled on ${p.cancelDate} without a liaison sheet number; a cancellation is notified on a liaison sheet`,
  },
  C1: {
    zh: (p, w) =>
      p.closed === null
        ? `受理 ${p.received} 至 ${p.asOf} 已 ${p.workingDays} 个工作日仍未结案，超过公司设定时限 ${p.limit} 个工作日（${w.source}）`
        : `受理 ${p.received} 至结案 ${p.closed} 用了 ${p.workingDays} 个工作日，超过公司设定时限 ${p.limit} 个工作日（${w.source}）`,
    en: (p, w) =>
      p.closed === null
        ? `open ${p.workingDays} working days from receipt on ${p.received} to ${p.asOf}, over the company limit of ${p.limit} (${w.source})`
        : `${p.workingDays} working days from receipt on ${p.received} to closure on ${p.closed}, over the company limit of ${p.limit} (${w.source})`,
  },
  C2: {
    zh: (p, w) =>
      p.state === 'notRecorded'
        ? `首次答复时间未记录：受理 ${p.received}，已结案或已通知客户，但台账没有首次答复时间，无法证明在公司设定时限 ${p.limitHours} 小时（${w.source}）内答复`
        : p.state === 'waiting'
          ? `受理 ${p.received} 至 ${p.asOf} 仍未答复客户，已超过公司设定时限 ${p.limitHours} 小时（${w.source}）`
          : p.unit === 'hours'
            ? `受理 ${p.received}，首次答复 ${p.reply ?? ''}，间隔 ${p.elapsed} 小时，超过公司设定时限 ${p.limitHours} 小时（${w.source}）`
            : `受理 ${p.received}，首次答复 ${p.reply ?? ''}，相隔 ${p.elapsed} 天，超过公司设定时限 ${p.limitHours} 小时（${p.limitHours / 24} 天，${w.source}）`,
    en: (p, w) =>
      p.state === 'notRecorded'
        ? `first reply not recorded: received ${p.received}, closed or customer notified, but no first reply time to show a reply within the company limit of ${p.limitHours} hours (${w.source})`
        : p.state === 'waiting'
          ? `no reply to the customer from receipt on ${p.received} to ${p.asOf}: over the company limit of ${p.limitHours} hours (${w.source})`
          : p.unit === 'hours'
            ? `received ${p.received}, first reply ${p.reply ?? ''}: ${p.elapsed} hours, over the company limit of ${p.limitHours} (${w.source})`
            : `received ${p.received}, first reply ${p.reply ?? ''}: ${p.elapsed} days apart, over the company limit of ${p.limitHours} hours (${p.limitHours / 24} days, ${w.source})`,
  },
  C3: {
    zh: (p) => `重大投诉未上报管理层（“是否上报”${p.escalated === 'no' ? '为否' : '未填'}）；重大投诉应作为专案上报`,
    en: (p) => `major complaint not escalated to management ("escalated" is ${p.escalated === 'no' ? 'no' : 'empty'}); a major complaint goes to management as a special case`,
  },
  C4: {
    zh: (p, w) => `受理 ${p.from} 后第 ${p.workingDays} 个工作日（${p.to}）才确定处理部门，公司设定时限 ${p.limit} 个工作日（${w.source}）`,
    en: (p, w) => `handling department assigned ${p.workingDays} working days after receipt (${p.from} → ${p.to}); company limit ${p.limit} (${w.source})`,
  },
  C5: {
    zh: (p, w) => `受理 ${p.from} 至查明原因 ${p.to} 用了 ${p.workingDays} 个工作日，公司设定时限 ${p.limit} 个工作日（${w.source}）`,
    en: (p, w) => `cause found ${p.workingDays} working days after receipt (${p.from} → ${p.to}); company limit ${p.limit} (${w.source})`,
  },
  C6: {
    zh: (p, w) => `解决 ${p.from} 后 ${p.workingDays} 个工作日（${p.to}）才通知客户，公司设定时限 ${p.limit} 个工作日（${w.source}）`,
    en: (p, w) => `customer notified ${p.workingDays} working days after the solution (${p.from} → ${p.to}); company limit ${p.limit} (${w.source})`,
  },
  C7: {
    zh: (p) => `已结案，但缺少${p.missing.map((m) => C7_PARTS[m]?.zh ?? m).join('、')}；投诉记录应有受理人、责任部门和处理结果`,
    en: (p) => `closed without ${p.missing.map((m) => C7_PARTS[m]?.en ?? m).join(', ')}; the record names who accepted it, the responsible department and the result`,
  },
  C8: {
    zh: (p) =>
      p.major
        ? `重大投诉，责任在本公司，没有纠正预防措施单号；重大投诉应作专案处理并制定纠正措施`
        : '责任在本公司，既没有纠正措施也没有纠正预防措施单号；责任部门应查明原因并制定纠正措施',
    en: (p) =>
      p.major
        ? 'major complaint, our responsibility, without a corrective action (CAPA) number; a major complaint is handled as a special case with its corrective action'
        : 'our responsibility, with neither a corrective action nor a CAPA number; the responsible department sets the corrective action',
  },
  C9: {
    zh: (p) => `责任在本公司且已结案，纠正预防措施 ${p.capaNo} 没有验证人：措施的实施效果未经验证`,
    en: (p) => `our responsibility and closed, but corrective action ${p.capaNo} has no verifier: its effect was not verified`,
  },
  C10: {
    zh: (p, w) =>
      `同一问题再次发生（${w.category(p.category)}）：${p.received} 受理，此前投诉 ${p.earlier}（${p.earlierReceived}）已结案，其纠正预防措施 ${p.capaNo} ${p.verifiedAt === null ? '已验证' : p.verifiedAt > p.received ? `仍于本次投诉之后的 ${p.verifiedAt} 验证关闭` : `于 ${p.verifiedAt} 验证`}；措施可能无效，应重新分析原因`,
    en: (p, w) =>
      `the problem recurred (${w.category(p.category)}): received ${p.received} after complaint ${p.earlier} (${p.earlierReceived}) was closed, its corrective action ${p.capaNo} ${p.verifiedAt === null ? 'verified' : p.verifiedAt > p.received ? `still verified and closed on ${p.verifiedAt}, after this complaint` : `verified on ${p.verifiedAt}`}; the action may not have worked: analyse the cause again`,
  },
  S1: {
    zh: (p, w) => `${p.period} 回收率 ${formatRate(p.rate)}（${p.returned}/${p.sent}），未达到目标 ${formatRate(p.goal)}（${w.source}）`,
    en: (p, w) => `${p.period} response rate ${formatRate(p.rate)} (${p.returned}/${p.sent}), below the objective of ${formatRate(p.goal)} (${w.source})`,
  },
  S2: {
    zh: (p, w) => `${p.period} 满意度均分 ${formatScore(p.mean)} 分，未达到质量目标 ${p.goal} 分（${w.source}）`,
    en: (p, w) => `${p.period} satisfaction mean ${formatScore(p.mean)}, below the quality objective of ${p.goal} (${w.source})`,
  },
  S3: {
    zh: (p, w) => `${p.period}「${w.dimension(p.dimension)}」均分 ${formatScore(p.mean)} 分，低于 ${p.threshold} 分（不满意项）；责任部门：${w.department(p.department)}，应发出纠正预防措施要求`,
    en: (p, w) => `${p.period} "${w.dimension(p.dimension)}" mean ${formatScore(p.mean)}, below ${p.threshold} (unsatisfied item); responsible: ${w.department(p.department)}, to receive a corrective action request`,
  },
  S4: {
    zh: (p) =>
      p.noSurveyFile
        ? `输入中没有满意度调查记录：无法证明 ${p.from} 之后至 ${p.asOf} 的 12 个月内做过满意度调查；应至少每年一次、在内审前调查`
        : `${p.from} 之后至 ${p.asOf} 的 12 个月内没有回收的满意度调查（${p.lastReturned === null ? '从未回收' : `最近一次回收 ${p.lastReturned}`}）；应至少每年一次、在内审前调查`,
    en: (p) =>
      p.noSurveyFile
        ? `the input holds no survey records: nothing shows a survey in the 12 months after ${p.from} up to ${p.asOf}; a survey is due at least yearly, before the internal audit`
        : `no survey returned in the 12 months after ${p.from} up to ${p.asOf} (${p.lastReturned === null ? 'none ever returned' : `last returned ${p.lastReturned}`}); a survey is due at least yearly, before the internal audit`,
  },
  S5: {
    zh: (p) => `综合得分 ${formatScore(p.given)} 与各项平均 ${formatScore(p.dimensionMean)} 相差 ${formatScore(Math.abs(p.given - p.dimensionMean))} 分，超过 ${p.tolerance} 分：请核对调查表`,
    en: (p) => `overall ${formatScore(p.given)} differs from the dimension mean ${formatScore(p.dimensionMean)} by ${formatScore(Math.abs(p.given - p.dimensionMean))}, more than ${p.tolerance}: check the survey form`,
  },
  A1: {
    zh: (p) => `措施期限 ${p.due}（公司设定的时限：该措施决定时自身规定的完成期限），至 ${p.asOf} 仍未完成${p.workingDays > 0 ? `，已超过 ${p.workingDays} 个工作日` : ''}`,
    en: (p) => `due ${p.due} (a company limit: the action's own due date, set when it was decided), still not done on ${p.asOf}${p.workingDays > 0 ? `, ${p.workingDays} working days late` : ''}`,
  },
  A2: {
    zh: (p) => `纠正预防措施${p.capa === null ? '' : ` ${p.capa} `}的措施${p.doneOn === null ? '' : `于 ${p.doneOn} `}已完成，没有验证人：效果未经验证（品质部应验证纠正预防措施）`,
    en: (p) => `action of CAPA${p.capa === null ? '' : ` ${p.capa}`} done${p.doneOn === null ? '' : ` on ${p.doneOn}`} without a verifier: its effect is not verified (QA verifies corrective actions)`,
  },
};

/** Renders findings in a language with the configuration's department, dimension and category names. */
export function findingFormatter(config: Config, lang: Lang): (finding: Finding) => string {
  const base = {
    lang,
    department: (id: string) => config.departments[id]?.[lang] ?? id,
    dimension: (id: string) => config.satisfaction.dimensions.find((d) => d.id === id)?.label[lang] ?? id,
    // The nine and the company's own categories (config vocabulary.categories).
    category: (id: string) => categoryName(id, lang, complaintCategories(config)),
  };
  return (finding) => {
    const words: Words = { ...base, source: finding.limit === null ? '' : finding.limit.source[lang] };
    // The table is keyed by rule, so each entry receives its own rule's params.
    const render = MESSAGES[finding.rule][lang] as (p: Finding['params'], w: Words) => string;
    return render(finding.params, words);
  };
}

/** A limit's value with its unit: "18 个工作日", "72 小时", "90.0%", "85 分". */
export function limitValue(limit: { readonly value: number; readonly unit: string }, lang: Lang): string {
  switch (limit.unit) {
    case 'rate':
      return formatRate(limit.value);
    case 'points':
      return lang === 'zh' ? `${limit.value} 分` : `${limit.value} points`;
    case 'hours':
      return lang === 'zh' ? `${limit.value} 小时` : `${limit.value} hours`;
    default:
      return lang === 'zh' ? `${limit.value} 个工作日` : `${limit.value} working ${limit.value === 1 ? 'day' : 'days'}`;
  }
}

/** A company limit or objective as printed, with its source: "18 个工作日（公司设定）", "90.0% (company setting)". */
export function formatLimit(limit: { readonly value: number; readonly unit: string; readonly source: string }, lang: Lang): string {
  return lang === 'zh' ? `${limitValue(limit, lang)}（${limit.source}）` : `${limitValue(limit, lang)} (${limit.source})`;
}
