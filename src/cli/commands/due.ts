import { CliError } from '../../issues/cli-error.js';
import type { Lang } from '../../model/lang.js';
import { DEFAULT_DUE_DAYS, dueSoon, type DueItem, type DueNotChecked } from '../../pipeline/check.js';
import type { CliIo } from '../main.js';
import { parseOptions } from '../options.js';
import { CHECK_OPTIONS, prepareRun } from '../run-check-command.js';
import { formatTable } from '../text-table.js';

export const usage = {
  zh: 'qmsdoc due --input 文件夹 [--days 工作日数] [--as-of YYYY-MM-DD] [--json] [--config 文件] [--lang zh|en]',
  en: 'qmsdoc due --input DIR [--days N] [--as-of YYYY-MM-DD] [--json] [--config FILE] [--lang zh|en]',
};


const STAGE_WORDS: Readonly<Record<string, Readonly<Record<Lang, string>>>> = {
  assign: { zh: '确定受理部门', en: 'assign department' },
  cause: { zh: '查明原因', en: 'find the cause' },
  resolve: { zh: '解决', en: 'resolve' },
  notify: { zh: '通知客户', en: 'notify customer' },
  close: { zh: '结案', en: 'close' },
};

function whatOf(item: DueItem, lang: Lang, qa: string): { kind: string; what: string; owner: string } {
  switch (item.kind) {
    case 'complaint_stage':
      return { kind: lang === 'zh' ? `投诉：${STAGE_WORDS[item.stage ?? '']?.zh ?? ''}` : `complaint: ${STAGE_WORDS[item.stage ?? '']?.en ?? ''}`, what: item.what, owner: item.owner ?? '' };
    case 'action':
      return { kind: lang === 'zh' ? '措施' : 'action', what: item.what, owner: item.owner ?? '' };
    case 'capa_verification':
      return { kind: lang === 'zh' ? '纠正预防措施验证' : 'CAPA verification', what: lang === 'zh' ? `投诉 ${item.what} 已结案，待验证` : `complaint ${item.what} closed, to verify`, owner: qa };
    case 'survey_before_audit':
      return { kind: lang === 'zh' ? '满意度调查' : 'satisfaction survey', what: lang === 'zh' ? `${item.ref} 年度满意度调查应在内审（${item.what}）前完成（5.6.1）` : `the ${item.ref} satisfaction survey is due before the internal audit (${item.what}, 5.6.1)`, owner: '' };
  }
}

/** Why a kind of deadline is not in the list, in the run's language. */
export function notCheckedText(n: DueNotChecked, lang: Lang): string {
  switch (n.reason) {
    case 'no_reply_deadline_in_data':
      return lang === 'zh' ? '联络单回复：未检查——输入数据没有联络单的回复期限或回复日期，程序也没有规定回复时限（5.3.4–5.3.5）' : 'liaison sheet replies: not checked — the input holds no reply deadline or reply date for a liaison sheet, and the procedure sets no time limit (5.3.4–5.3.5)';
    case 'no_audit_date':
      return lang === 'zh' ? '内审前的年度满意度调查：未检查——配置中没有设定本年度内审日期（internalAuditDate）' : 'the year\'s survey before the internal audit: not checked — the configuration sets no internal audit date (internalAuditDate)';
    case 'audit_date_other_year':
      return lang === 'zh' ? `内审前的年度满意度调查：未检查——配置的内审日期 ${n.auditDate} 不是本年度的（internalAuditDate）` : `the year's survey before the internal audit: not checked — the configured internal audit date ${n.auditDate} is not of this year (internalAuditDate)`;
  }
}

/**
 * `qmsdoc due`: the coming deadlines within --days working days (default 10) of the as-of date,
 * overdue ones first — complaint stages by the company limits, open actions by their own due
 * dates, CAPA verifications, the year's survey before the internal audit — and what it could
 * not check. Exit 0; --json for scripts.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const values = parseOptions(argv, { ...CHECK_OPTIONS, days: { type: 'string' }, json: { type: 'boolean' } });
  const daysText = typeof values.days === 'string' ? values.days : String(DEFAULT_DUE_DAYS);
  if (!/^\d{1,3}$/.test(daysText)) throw new CliError(`--days must be a whole number of working days, not "${daysText}"`);
  const { lang, asOf, loaded, result } = prepareRun(values);
  const list = dueSoon(result, loaded.config, asOf, Number(daysText));
  if (values.json === true) {
    io.stdout(`${JSON.stringify(list, null, 2)}\n`);
    return 0;
  }
  const qa = loaded.config.departments.qa?.[lang] ?? 'QA';
  const overdue = list.items.filter((i) => i.overdue).length;
  const head =
    lang === 'zh'
      ? `截至 ${asOf}，${list.days} 个工作日内（至 ${list.until}）到期 ${list.items.length - overdue} 项，已超期 ${overdue} 项：`
      : `As of ${asOf}: ${list.items.length - overdue} due within ${list.days} working days (to ${list.until}), ${overdue} overdue:`;
  const rows = list.items.map((i) => {
    const w = whatOf(i, lang, qa);
    const when = i.overdue ? (lang === 'zh' ? `${i.due} 已超期` : `${i.due} overdue`) : i.due;
    return [when, w.kind, i.ref, w.owner, w.what];
  });
  const columns = lang === 'zh' ? ['期限', '事项', '编号', '责任', '内容'] : ['Due', 'What', 'No.', 'Owner', 'Detail'];
  const notes = list.notChecked.map((n) => `${lang === 'zh' ? '注：' : 'Note: '}${notCheckedText(n, lang)}\n`).join('');
  io.stdout(`${head}\n${rows.length === 0 ? '' : `${formatTable(columns.map((title, i) => ({ title, ...(i === 4 ? {} : { max: 24 }) })), rows)}\n`}${notes}`);
  return 0;
}
