import type { Config } from '../config/config.js';
import { categoryName, complaintCategories } from '../config/categories.js';
import type { Finding, LimitUnit, RuleId, RuleParams } from '../model/finding.js';
import type { Lang, Localized } from '../model/lang.js';
import { ENUM_LABELS, REVIEW_ITEM_SHORT } from '../text/domain-labels.js';
import type { ReviewItem } from '../model/fields.js';
import { type MessageKey, type Messages, messages } from '../text/messages.js';
import { formatRate, formatScore } from './format-number.js';

/** The keys of templates/messages/findings.<lang>.json: one sentence (or its variants) per rule. */
type FindingKey = MessageKey<typeof import('../../templates/messages/findings.zh.json', { with: { type: 'json' }})>;

/** What a message needs besides the finding's params: the run's labels and the finding's limit. */
interface Words {
  readonly lang: Lang;
  readonly t: Messages<FindingKey>;
  department(id: string): string;
  dimension(id: string): string;
  category(id: string): string;
  /** The company setting's source, e.g. 公司设定 or 营销管理制度. */
  readonly source: string;
}

const items = (p: { no: readonly ReviewItem[]; missing: readonly ReviewItem[] }, w: Words) =>
  [
    ...p.no.map((i) => w.t('O2.itemNo', { item: i, name: REVIEW_ITEM_SHORT[i][w.lang] })),
    ...p.missing.map((i) => w.t('O2.itemEmpty', { item: i, name: REVIEW_ITEM_SHORT[i][w.lang] })),
  ].join(w.t('separator.list'));

type RuleMessages = { readonly [R in RuleId]: (p: RuleParams[R], w: Words) => string };

/**
 * Which sentence of templates/messages/findings.<lang>.json each rule says, with which values:
 * what the record shows, then what was required — and for a company limit or objective, its
 * value and where the company set it. The wording is in the message files, not here.
 */
const MESSAGES: RuleMessages = {
  O1: (_p, w) => w.t('O1'),
  O2: (p, w) => (p.gmDecision === null ? w.t('O2.unruled', { items: items(p, w) }) : w.t('O2.ruled', { items: items(p, w), ruling: p.gmDecision })),
  O3: (p, w) => (p.review === null ? w.t('O3.noReview', { signed: p.signed }) : w.t('O3.beforeReview', { signed: p.signed, review: p.review })),
  O4: (p, w) => w.t('O4', { departments: p.departments.map(w.department).join(w.t('separator.list')) }),
  O5: (p, w) => {
    const sales = w.department('sales');
    const problems = [
      ...(p.confirmed ? [] : [p.confirmText ? w.t('O5.notConfirmedSaid', { sales, said: p.confirmText }) : w.t('O5.notConfirmed', { sales })]),
      ...(p.otherSignoff ? [] : [w.t('O5.noOtherSignoff', { sales })]),
    ];
    return w.t('O5.sentence', { problems: problems.join(w.t('separator.clauses')), sales });
  },
  O6: (p, w) => w.t('O6', { dispute: p.dispute, disagreed: p.agreed === false }),
  O7: (p, w) => w.t('O7', { changeDate: p.changeDate }),
  O8: (p, w) => w.t('O8', { changeDate: p.changeDate, reReviewDate: p.reReviewDate }),
  // The source's name in the sentence's language; lower case reads right in English, and Chinese has no case.
  O9: (p, w) =>
    w.t('O9', {
      source: p.source === null ? null : ((ENUM_LABELS.source as Readonly<Record<string, Localized>>)[p.source]?.[w.lang] ?? p.source).toLowerCase(),
    }),
  O10: (p, w) => w.t('O10', { cancelDate: p.cancelDate }),
  C1: (p, w) => w.t('C1', { received: p.received, closed: p.closed, asOf: p.asOf, workingDays: p.workingDays, limit: p.limit, source: w.source }),
  C2: (p, w) => {
    const source = w.source;
    if (p.state === 'notRecorded') return w.t('C2.notRecorded', { received: p.received, limitHours: p.limitHours, source });
    if (p.state === 'waiting') return w.t('C2.waiting', { received: p.received, asOf: p.asOf, limitHours: p.limitHours, source });
    const late = { received: p.received, reply: p.reply ?? '', elapsed: p.elapsed, limitHours: p.limitHours, source };
    return p.unit === 'hours' ? w.t('C2.hours', late) : w.t('C2.days', { ...late, limitDays: p.limitHours / 24 });
  },
  C3: (p, w) => w.t('C3', { saidNo: p.escalated === 'no' }),
  C4: (p, w) => w.t('C4', { from: p.from, to: p.to, workingDays: p.workingDays, limit: p.limit, source: w.source }),
  C5: (p, w) => w.t('C5', { from: p.from, to: p.to, workingDays: p.workingDays, limit: p.limit, source: w.source }),
  C6: (p, w) => w.t('C6', { from: p.from, to: p.to, workingDays: p.workingDays, limit: p.limit, source: w.source }),
  C7: (p, w) => w.t('C7.sentence', { missing: p.missing.map((m) => w.t(`C7.part.${m}`)).join(w.t('separator.list')) }),
  C8: (p, w) => w.t(p.major ? 'C8.major' : 'C8.notMajor'),
  C9: (p, w) => w.t('C9', { capaNo: p.capaNo }),
  C10: (p, w) => {
    const verification =
      p.verifiedAt === null
        ? w.t('C10.verified')
        : p.verifiedAt > p.received
          ? w.t('C10.verifiedAfter', { date: p.verifiedAt })
          : w.t('C10.verifiedOn', { date: p.verifiedAt });
    return w.t('C10.sentence', {
      category: w.category(p.category),
      received: p.received,
      earlier: p.earlier,
      earlierReceived: p.earlierReceived,
      capaNo: p.capaNo,
      verification,
    });
  },
  S1: (p, w) => w.t('S1', { period: p.period, rate: formatRate(p.rate), returned: p.returned, sent: p.sent, goal: formatRate(p.goal), source: w.source }),
  S2: (p, w) => w.t('S2', { period: p.period, mean: formatScore(p.mean), goal: p.goal, source: w.source }),
  S3: (p, w) =>
    w.t('S3', {
      period: p.period,
      dimension: w.dimension(p.dimension),
      mean: formatScore(p.mean),
      threshold: p.threshold,
      department: w.department(p.department),
    }),
  S4: (p, w) =>
    p.auditDate !== null
      ? w.t('S4.beforeAudit', { from: p.from, audit: p.auditDate })
      : p.noSurveyFile
        ? w.t('S4.noSurveyFile', { from: p.from, asOf: p.asOf })
        : w.t('S4.noneReturned', {
            from: p.from,
            asOf: p.asOf,
            last: p.lastReturned === null ? w.t('S4.neverReturned') : w.t('S4.lastReturned', { date: p.lastReturned }),
          }),
  S5: (p, w) =>
    w.t('S5', {
      given: formatScore(p.given),
      dimensionMean: formatScore(p.dimensionMean),
      difference: formatScore(Math.abs(p.given - p.dimensionMean)),
      tolerance: p.tolerance,
    }),
  A1: (p, w) => w.t('A1', { due: p.due, asOf: p.asOf, late: p.workingDays > 0, workingDays: p.workingDays, source: w.source }),
  A2: (p, w) => w.t('A2', { capa: p.capa, doneOn: p.doneOn }),
  A3: (p, w) => w.t('A3.sentence', { due: p.due, asOf: p.asOf, late: p.workingDays > 0, workingDays: p.workingDays, source: w.t(`A3.source.${p.source}`) }),
};

/** Renders findings in a language with the configuration's department, dimension and category names. */
export function findingFormatter(config: Config, lang: Lang): (finding: Finding) => string {
  const base = {
    lang,
    t: messages<FindingKey>('findings', lang),
    department: (id: string) => config.departments[id]?.[lang] ?? id,
    dimension: (id: string) => config.satisfaction.dimensions.find((d) => d.id === id)?.label[lang] ?? id,
    // The nine and the company's own categories (config vocabulary.categories).
    category: (id: string) => categoryName(id, lang, complaintCategories(config)),
  };
  return (finding) => {
    const words: Words = { ...base, source: finding.limit === null ? '' : finding.limit.source[lang] };
    // The table is keyed by rule, so each entry receives its own rule's params.
    const render = MESSAGES[finding.rule] as (p: Finding['params'], w: Words) => string;
    return render(finding.params, words);
  };
}

/** A limit's value with its unit: "18 个工作日", "72 小时", "90.0%", "85 分", or a due date as written ("2025-10-31"). */
export function limitValue(limit: LimitShape, lang: Lang): string {
  if (limit.unit === 'date') return limit.value;
  const t = messages<FindingKey>('findings', lang);
  switch (limit.unit) {
    case 'rate':
      return formatRate(limit.value);
    case 'points':
      return t('limit.points', { value: limit.value });
    case 'hours':
      return t('limit.hours', { value: limit.value });
    default:
      return t('limit.workingDays', { value: limit.value });
  }
}

/** A limit as the reports and workbooks read it from summary.json. */
type LimitShape = { readonly value: number; readonly unit: Exclude<LimitUnit, 'date'> } | { readonly value: string; readonly unit: 'date' };

/** A company limit or objective as printed, with its source: "18 个工作日（公司设定）", "90.0% (company setting)", "2025-10-31（措施跟踪表第 36 行）". */
export function formatLimit(limit: LimitShape & { readonly source: string }, lang: Lang): string {
  return messages<FindingKey>('findings', lang)('limit.withSource', { limit: limitValue(limit, lang), source: limit.source });
}

/** Where an action's own due date is written: its row of the actions register, in both languages (rule A1's limit source). */
export function actionDueSource(row: number | null): Localized {
  const source = (lang: Lang) =>
    row === null ? messages<FindingKey>('findings', lang)('limit.actionRegister') : messages<FindingKey>('findings', lang)('limit.actionRegisterRow', { row });
  return { zh: source('zh'), en: source('en') };
}
