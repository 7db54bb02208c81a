import type { Lang } from '../model/lang.js';

/**
 * What each rule requires, in the words of the procedure's clause (docs/rules.md), for
 * the finding panel. Limits come from the configuration and are shown with the finding.
 */
const REQUIREMENTS: Readonly<Record<string, readonly [string, string]>> = {
  O1: ['非标产品订单须在签订前进行合同/订单评审', 'a non-standard order is reviewed before it is signed'],
  O2: ['评审须确认 a–f 各项', 'the review confirms items a–f'],
  O3: ['先评审，后签订', 'the review comes before the signature'],
  O4: ['非标订单须有各相关部门会签', 'a non-standard order carries every department sign-off'],
  O5: ['标准产品订单须有供销部负责人确认及另一部门签字', "a standard order carries the sales head's confirmation and a second sign-off"],
  O6: ['评审异议须有总经理裁决', "a review dispute is decided by the general manager"],
  O7: ['订单变更须有联络单', 'an order change has a liaison sheet'],
  O8: ['订单变更须再评审', 'an order change is reviewed again'],
  O9: ['电话/传真订单须记录在电话传真收发记录表', 'a phone/fax order is logged on the phone/fax log'],
  O10: ['订单取消须有联络单', 'a cancellation has a liaison sheet'],
  C1: ['投诉须在时限内结案', 'a complaint is closed within its limit'],
  C2: ['须在时限内首次答复客户', 'the customer gets a first reply within the limit'],
  C3: ['重大投诉须上报管理层', 'a major complaint is escalated to management'],
  C4: ['须在时限内确定责任部门', 'the responsible department is assigned within the limit'],
  C5: ['须在时限内查明原因', 'the cause is found within the limit'],
  C6: ['须在时限内通知客户处理结果', 'the customer is told the result within the limit'],
  C7: ['结案须有受理人、责任部门和处理结果', 'a closed complaint names its handler, department and result'],
  C8: ['本公司责任的投诉须有纠正预防措施', 'a complaint that is our fault has a corrective action'],
  C9: ['结案须经验证', 'a closed complaint is verified'],
  C10: ['纠正措施应有效：已验证的措施之后同一问题不应再发生', 'a corrective action works: the problem does not recur after it is verified'],
  S1: ['满意度调查回收率须达到目标', 'the survey response rate reaches its goal'],
  S2: ['满意度均值须达到目标', 'the satisfaction mean reaches its goal'],
  S3: ['不满意项须由责任部门采取措施', 'an unsatisfied item goes to its department for action'],
  S4: ['每 12 个月至少进行一次满意度调查', 'a survey is returned at least every 12 months'],
  S5: ['综合得分应与各项得分一致', 'the overall score agrees with the item scores'],
};

export function ruleRequirement(rule: string, lang: Lang): string {
  return REQUIREMENTS[rule]?.[lang === 'zh' ? 0 : 1] ?? '';
}
