import type { Lang } from '../model/lang.js';

/**
 * Field labels of the settings form by configuration path ("*" = any key or index). A path not
 * listed shows its own key, so a setting added to the schema appears without a change here.
 */
const LABELS: Readonly<Record<string, readonly [string, string]>> = {
  company: ['公司', 'Company'],
  'company.name': ['公司名称', 'Company name'],
  'company.logo': ['标志图片（PNG/JPEG，相对于配置文件）', 'Logo (PNG/JPEG, relative to the config file)'],
  language: ['语言', 'Language'],
  internalAuditDate: ['本年度内审日期（满意度调查应在此前完成）', 'This year\'s internal audit date (the survey is due before it)'],
  forms: ['表单登记（受控表单）', 'Form register (controlled forms)'],
  'forms.*.number': ['表单编号', 'Form number'],
  'forms.*.title': ['标题', 'Title'],
  'forms.*.version': ['版本/版次', 'Version'],
  'forms.*.issueNo': ['发放号', 'Issue no.'],
  'forms.*.effectiveDate': ['生效日期', 'Effective date'],
  'forms.*.retention': ['保存期限', 'Retention'],
  departments: ['部门', 'Departments'],
  satisfaction: ['客户满意度', 'Customer satisfaction'],
  'satisfaction.bands': ['满意度等级下限', 'Band lower bounds'],
  'satisfaction.bands.verySatisfied': ['非常满意 ≥', 'Very satisfied ≥'],
  'satisfaction.bands.satisfied': ['满意 ≥', 'Satisfied ≥'],
  'satisfaction.bands.dissatisfied': ['不满意 ≥', 'Dissatisfied ≥'],
  'satisfaction.dimensions': ['调查项目', 'Survey dimensions'],
  'satisfaction.dimensions.*.id': ['编号', 'Id'],
  'satisfaction.dimensions.*.label': ['名称', 'Label'],
  'satisfaction.dimensions.*.headers': ['其他表头（每行一个）', 'Other headers (one a line)'],
  'satisfaction.dimensions.*.weight': ['权重', 'Weight'],
  'satisfaction.dimensions.*.department': ['责任部门编号', 'Department id'],
  'satisfaction.overallTolerance': ['综合得分允许偏差（分）', 'Overall score tolerance (points)'],
  'satisfaction.unsatisfiedBelow': ['不满意项：低于（分）', 'Unsatisfied item below (points)'],
  goals: ['目标', 'Goals'],
  'goals.responseRate': ['调查回收率目标（0–1）', 'Survey response rate goal (0–1)'],
  'goals.surveyMean': ['满意度均值目标（分）', 'Satisfaction mean goal (points)'],
  complaints: ['客户投诉', 'Complaints'],
  'complaints.limits': ['处理时限', 'Time limits'],
  'complaints.limits.assignWorkingDays': ['确定责任部门（工作日）', 'Assign (working days)'],
  'complaints.limits.causeWorkingDays': ['查明原因（工作日）', 'Find the cause (working days)'],
  'complaints.limits.resolveWorkingDays': ['解决（工作日）', 'Resolve (working days)'],
  'complaints.limits.notifyWorkingDays': ['通知客户（工作日）', 'Notify the customer (working days)'],
  'complaints.limits.closeWorkingDays': ['结案（工作日）', 'Close (working days)'],
  'complaints.limits.firstReplyHours': ['首次答复（小时）', 'First reply (hours)'],
  'complaints.repeatWindowDays': ['重复投诉时间窗（天）', 'Repeat window (days)'],
  objectives: ['质量目标', 'Quality objectives'],
  'objectives.*.metric': ['指标', 'Metric'],
  'objectives.*.target': ['目标值（比率写小数，如 0.95）', 'Target (rates as fractions, e.g. 0.95)'],
  'objectives.*.label': ['名称', 'Label'],
  reports: ['报告', 'Reports'],
  'reports.maxTableRows': ['报告表格最多行数', 'Longest report table (rows)'],
  'reports.monthlyPacks': ['投诉月报个数（0 = 每月）', 'Monthly packs (0 = every month)'],
  calendar: ['工作日历', 'Working calendar'],
  'calendar.closures': ['公司停工日', 'Company closures'],
  'calendar.closures.*.from': ['从', 'From'],
  'calendar.closures.*.to': ['到', 'To'],
  'calendar.closures.*.name': ['原因', 'Name'],
  'calendar.workdays': ['额外工作日（每行一个日期）', 'Extra working days (one date a line)'],
  headers: ['表头别名', 'Header aliases'],
  'headers.orders': ['订单', 'Orders'],
  'headers.complaints': ['投诉', 'Complaints'],
  'headers.surveys': ['满意度', 'Surveys'],
  source: ['来源（规定它的文件）', 'Source (the document that sets it)'],
  value: ['数值', 'Value'],
  'departments.distribution': ['分发部门（每行一个编号）', 'Distribution (one department id a line)'],
  'departments.reviewSignoffs': ['评审会签部门', 'Review sign-offs'],
  procedure: ['程序文件', 'Procedure'],
  'procedure.name': ['名称', 'Name'],
  'procedure.number': ['编号', 'Number'],
  'procedure.version': ['版本', 'Version'],
  orders: ['订单', 'Orders'],
  'orders.reReviewAfterChange': ['变更后再评审', 'Re-review after a change'],
  'orders.logSources': ['须登记电话传真记录的订单来源', 'Order sources to log'],
  'reports.paretoMinCount': ['排列图最少件数', 'Pareto minimum count'],
};

export function fieldLabel(path: string, lang: Lang): string {
  const parts = path.split('.');
  const exact = LABELS[path];
  const pattern =
    exact ??
    Object.entries(LABELS).find(([key]) => {
      const k = key.split('.');
      return k.length === parts.length && k.every((p, i) => p === '*' || p === parts[i]);
    })?.[1] ??
    LABELS[parts[parts.length - 1] ?? ''];
  return pattern ? pattern[lang === 'zh' ? 0 : 1] : (parts[parts.length - 1] ?? path);
}
