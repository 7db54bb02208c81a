import type { TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { punctuation } from '../text/punctuation.js';
import type { Config } from '../config/config.js';
import { bandLabel } from '../compute/satisfaction-report.js';
import { fillText } from '../document/fill-text.js';
import { formatRate, formatScore } from '../issues/format-number.js';
import type { Lang } from '../model/lang.js';
import { METRIC_KIND, type ObjectiveMetric } from '../model/objectives.js';
import { bandOf } from '../compute/score-satisfaction.js';
import type { Summary } from '../model/summary.js';
import type { ControlledDocument } from '../document/controlled-page.js';
import { monthLabel } from './complaint-month-layout.js';
import { categoryName, complaintCategories } from '../config/categories.js';
import { improvementOpportunities, NAMED_CUSTOMERS, type Opportunity } from './improvement-opportunities.js';
import { ReportBuilder } from './report-builder.js';
import { departmentNames } from './department-names.js';
import { ownerName } from './meeting-pack-parts.js';

/** Recurrences named in the management review's sentence; the count covers them all. */
const RECURRENCES_NAMED = 20;
import type { ReportTexts } from './report-texts.js';
import { fillPlaceholders } from '../text/template-engine.js';

export interface ManagementReviewLayoutInput {
  readonly summary: Summary;
  readonly config: Config;
  readonly texts: ReportTexts;
  readonly lang: Lang;
  readonly charts: { readonly satisfaction: string | null; readonly complaints: string | null; readonly review: string | null };
  readonly controlled: Omit<ControlledDocument, 'lang' | 'contentWidth'>;
}

/** An objective's figure as printed: rates in %, scores with one decimal, counts per month with one decimal. */
export function formatObjectiveValue(metric: ObjectiveMetric | string, value: number | null): string {
  const kind = METRIC_KIND[metric as ObjectiveMetric];
  return kind?.unit === 'rate' ? formatRate(value) : formatScore(value);
}

/**
 * The management review input report (ISO 9001 9.3.2): quality objectives met or missed,
 * customer satisfaction and its trend, complaint indicators and their trend, contract-review
 * compliance by month, corrective actions, and the missed objectives for the review to decide on.
 * Every figure is summary.json's `review`, `satisfaction` and `orders` blocks, formatted.
 */
export function layoutManagementReview(input: ManagementReviewLayoutInput): { definition: TDocumentDefinitions; missingGlyphs: string[] } {
  const { summary, config, texts: t, lang } = input;
  const r = summary.review;
  const sat = summary.satisfaction;
  const b = new ReportBuilder(t, lang, config.reports.maxTableRows, true);
  const w = (key: string) => b.word(key);
  const join = (items: readonly string[]) => items.join(w('and'));
  const months = Object.keys(r.complaints.byMonth);

  b.push(
    b.text(fillText(t.subtitle, lang, { year: r.year, from: r.from, to: r.to, asOf: summary.asOf }), {
      alignment: 'center',
      fontSize: 10.5,
      margin: [0, 0, 0, 4],
    }),
  );
  b.contents('contents');

  // The cover's key figures, for the reader who reads one page.
  const met = r.objectives.filter((o) => o.met === true);
  const missed = r.objectives.filter((o) => o.met === false);
  const unjudged = r.objectives.filter((o) => o.met === null);
  const of = (a: number, c: number) => fillPlaceholders(w('kfOf'), { a, b: c });
  b.together(() =>
    b.subheading('keyFigures').table(
      'keyFigures',
      [
        [w('kfObjectives'), of(met.length, r.objectives.length), ''],
        [w('kfSatisfaction'), formatScore(sat.mean), sat.period ?? ''],
        [w('kfComplaints'), String(r.complaints.total), fillPlaceholders(w('kfComplaintsNote'), { open: r.complaints.open, overdue: r.complaints.overdue })],
        [w('kfReview'), formatRate(r.orders.completenessRate), of(r.orders.reviewComplete, r.orders.total)],
        [w('kfCapa'), of(r.capa.verified, r.capa.raised), ''],
      ],
      { widths: ['*', 90, 140], align: ['left', 'right', 'left'] },
    ),
  );

  // 9.3.2 a) The previous review's actions, b) changes.
  const prev = summary.actions.previousReview;
  const departmentName = departmentNames(config.departments, lang);
  b.heading('previousActions', { pageBreak: true });
  if (prev.items.length === 0)
    b.sentence(summary.actions.total === 0 ? 'noRegister' : 'noPreviousActions', { source: `management_review:${prev.year}`, year: prev.year });
  else {
    // As the monthly packs say it (actionStatusText): "已完成（逾期完成）", "进行中，超期 61 个工作日".
    const statusOf = (a: (typeof prev.items)[number]) => {
      const status = a.status === null ? w('notDone') : w(`status.${a.status}`);
      if (a.overdue) return `${status}${punctuation(lang).clauseSeparator}${fillPlaceholders(w('overdueDays'), { n: a.workingDaysOverdue ?? 0 })}`;
      return a.doneLate ? punctuation(lang).aside(status, w('doneLate')) : status;
    };
    b.together(() =>
      b
        .sentence('previousActions', {
          year: prev.year,
          source: `management_review:${prev.year}`,
          total: prev.items.length,
          done: prev.items.filter((a) => a.status === 'done').length,
          doneLate: prev.items.filter((a) => a.doneLate).length,
          cancelled: prev.items.filter((a) => a.status === 'cancelled').length,
          open: prev.items.filter((a) => a.status !== 'done' && a.status !== 'cancelled').length,
          overdue: prev.items.filter((a) => a.overdue).length,
          asOf: summary.asOf,
        })
        .table(
          'previousActions',
          prev.items.map((a) => [
            a.actionNo,
            a.action,
            ownerName(a.owner, a.department, lang, departmentName),
            a.due ?? '',
            statusOf(a),
            a.doneOn ?? '',
            a.verifiedBy ?? '',
          ]),
          { widths: [58, '*', 80, 54, 80, 54, 40], fontSize: 8.5 },
        ),
    );
  }
  b.heading('changes')
    .sentence('changes')
    .push(b.text('_'.repeat(80), { margin: [0, 8, 0, 2] }), b.text('_'.repeat(80), { margin: [0, 8, 0, 8] }));

  // 1. Objectives
  const result = (v: boolean | null) => (v === true ? w('met') : v === false ? w('missed') : w('noData'));
  b.heading('objectives')
    .sentence('objectives', {
      total: r.objectives.length,
      met: met.length,
      missed: missed.length,
      unjudged: unjudged.length,
      // What the audit readiness report counts as 目标未达成: the objective findings (S1, S2), so the two reports say what each counts.
      auditMissed: summary.findings.filter((f) => f.basis === 'objective').length,
    })
    .table(
      'objectives',
      r.objectives.map((o) => [
        o.label,
        `${o.direction === 'atLeast' ? w('atLeast') : w('atMost')} ${formatObjectiveValue(o.metric, o.target)}\n${o.source}`,
        formatObjectiveValue(o.metric, o.actual),
        result(o.met),
      ]),
      { widths: ['*', 80, 80, 60], align: ['left', 'right', 'right', 'center'] },
    );

  // 2. Satisfaction
  b.heading('satisfaction');
  if (sat.period === null) b.sentence('noSatisfaction');
  else {
    const delta = sat.deltaMean === null ? null : Math.round(sat.deltaMean * 10) / 10;
    const goal = config.goals.surveyMean;
    b.sentence('satisfaction', {
      period: sat.period,
      sent: sat.sent,
      returned: sat.returned,
      responseRate: formatRate(sat.responseRate),
      mean: formatScore(sat.mean),
      band: sat.mean === null ? '—' : bandLabel(bandOf(sat.mean, config.satisfaction.bands), lang),
      meanMet: sat.mean !== null && sat.mean >= goal,
      goal,
      hasPrevious: sat.previousPeriod !== null && delta !== null,
      previousPeriod: sat.previousPeriod,
      delta:
        delta === null
          ? ''
          : delta > 0
            ? fillPlaceholders(w('up'), { n: formatScore(delta) })
            : delta < 0
              ? fillPlaceholders(w('down'), { n: formatScore(-delta) })
              : w('same'),
      reportNo: config.forms.satisfaction_report?.number ?? '',
    })
      .chart(input.charts.satisfaction)
      .together(() =>
        b.subheading('satisfactionTrend').table(
          'satisfactionTrend',
          sat.periods.map((p) => [p.period, String(p.sent), String(p.returned), formatScore(p.mean)]),
          { widths: ['*', 70, 70, 70], align: ['left', 'right', 'right', 'right'] },
        ),
      );
  }

  // 3. Complaints
  const c = r.complaints;
  const limits = config.complaints.limits;
  const rate = (x: { onTime: number; late: number }) => formatRate(x.onTime + x.late === 0 ? null : x.onTime / (x.onTime + x.late));
  const categories = Object.entries(c.byCategory)
    .filter(([, n]) => n > 0)
    .sort((a, b2) => b2[1] - a[1]);
  b.heading('complaints')
    .sentence('complaints', {
      total: c.total,
      perMonth: formatScore(months.length === 0 ? null : c.total / months.length),
      closed: c.closed,
      open: c.open,
      overdue: c.overdue,
      closeLimit: limits.closeWorkingDays,
      major: c.major,
      majorEscalated: c.majorEscalated,
      returned: c.returned,
      returnQuantity: c.returnQuantity,
      repeats: c.repeats,
    })
    .chart(input.charts.complaints)
    .subheading('complaintKpis')
    .table(
      'complaintKpis',
      [
        [w('total'), String(c.total), `${w('perMonth')} ${formatScore(months.length === 0 ? null : c.total / months.length)}`],
        [w('closed'), String(c.closed), ''],
        [w('open'), String(c.open), ''],
        [fillPlaceholders(w('overdue'), { n: limits.closeWorkingDays }), String(c.overdue), ''],
        [w('major'), `${c.major} / ${c.majorEscalated}`, ''],
        [w('assignOnTime'), rate(c.onTime.assign), `${c.onTime.assign.onTime} / ${c.onTime.assign.onTime + c.onTime.assign.late}`],
        [w('causeOnTime'), rate(c.onTime.cause), `${c.onTime.cause.onTime} / ${c.onTime.cause.onTime + c.onTime.cause.late}`],
        [w('notifyOnTime'), rate(c.onTime.notify), `${c.onTime.notify.onTime} / ${c.onTime.notify.onTime + c.onTime.notify.late}`],
        [w('closedOnTime'), rate(c.onTime.close), `${c.onTime.close.onTime} / ${c.onTime.close.onTime + c.onTime.close.late}`],
        [
          fillPlaceholders(w('firstReply'), { n: limits.firstReplyHours }),
          rate(c.onTime.firstReply),
          `${c.onTime.firstReply.onTime} / ${c.onTime.firstReply.onTime + c.onTime.firstReply.late}`,
        ],
        [w('returns'), `${c.returned} / ${c.returnQuantity}`, ''],
        [w('repeats'), String(c.repeats), ''],
      ],
      { widths: ['*', 90, 120], align: ['left', 'right', 'left'] },
    );
  if (categories.length > 0) {
    b.together(() =>
      b
        .subheading('complaintCategories')
        .table(
          'complaintCategories',
          categories.map(([id, n]) => [categoryName(id, lang, complaintCategories(config)), String(n), formatRate(n / c.total)]),
          { widths: ['*', 70, 70], align: ['left', 'right', 'right'] },
        )
        .sentence('topCategories', { categories: join(categories.slice(0, 3).map(([id]) => categoryName(id, lang, complaintCategories(config)))) }),
    );
  }

  // 4. Contract review
  const o = r.orders;
  const reviewTarget = config.objectives.find((x) => x.metric === 'review_completeness')?.target ?? 1;
  b.heading('review');
  if (o.total === 0) b.sentence('noOrders');
  else {
    b.sentence('review', {
      total: o.total,
      complete: o.reviewComplete,
      incomplete: o.reviewIncomplete,
      rate: formatRate(o.completenessRate),
      target: formatRate(reviewTarget),
    })
      .chart(input.charts.review)
      .subheading('reviewByMonth')
      .table(
        'reviewByMonth',
        Object.entries(o.byMonth).map(([month, m]) => [
          monthLabel(month, lang),
          String(m.total),
          String(m.reviewComplete),
          formatRate(m.total === 0 ? null : m.reviewComplete / m.total),
        ]),
        { widths: ['*', 70, 70, 70], align: ['left', 'right', 'right', 'right'] },
      );
  }

  // 5. CAPA
  const k = r.capa;
  b.heading('capa')
    .sentence('capa', { ...k })
    .table(
      'capa',
      [
        [w('capaRequired'), String(k.required)],
        [w('capaRaised'), String(k.raised)],
        [w('capaVerified'), String(k.verified)],
        [w('capaOpen'), String(k.open)],
        [w('capaMissing'), String(k.missing)],
        [w('capaSurvey'), String(k.satisfactionRequests)],
      ],
      { widths: ['*', 90], align: ['left', 'right'] },
    );

  const recurrences = summary.findings.filter((f) => f.rule === 'C10');
  // The count is every recurrence; the sentence names the first few (96,592 ids at 100k complaints
  // made one paragraph that took minutes and hundreds of MB to lay out). findings.xlsx lists all.
  const named = recurrences.slice(0, RECURRENCES_NAMED).map((f) => f.record);
  const list = recurrences.length > named.length ? join([...named, '…']) : join(named);
  b.sentence(recurrences.length === 0 ? 'noRecurrence' : 'recurrence', { count: recurrences.length, list });
  if (summary.actions.total > 0) b.sentence('actionsRegister', { ...summary.actions, done: summary.actions.byStatus.done ?? 0 });

  // 9.3.2 c 6) Audit results: the readiness findings by clause and basis.
  b.heading('audit');
  const bases = ['procedure', 'company_limit', 'objective', 'data'] as const;
  const byClause = new Map<string, Record<string, number>>();
  for (const f of summary.findings) {
    const key = f.clause ?? '—';
    const row = byClause.get(key) ?? Object.fromEntries(bases.map((x) => [x, 0]));
    row[f.basis] = (row[f.basis] ?? 0) + 1;
    byClause.set(key, row);
  }
  if (byClause.size === 0) b.sentence('noAuditFindings', { asOf: summary.asOf });
  else {
    const clauses = [...byClause.keys()].sort((x, y) => x.localeCompare(y, 'en', { numeric: true }));
    const countOf = (cl: string, x: string) => byClause.get(cl)?.[x] ?? 0;
    b.sentence('audit', { total: summary.findings.length, asOf: summary.asOf }).table(
      'audit',
      [
        ...clauses.map((cl) => [cl, ...bases.map((x) => String(countOf(cl, x))), String(bases.reduce((n, x) => n + countOf(cl, x), 0))]),
        [w('totalRow'), ...bases.map((x) => String(summary.findings.filter((f) => f.basis === x).length)), String(summary.findings.length)],
      ],
      { widths: ['*', 60, 60, 60, 60, 50], align: ['left', 'right', 'right', 'right', 'right', 'right'], fontSize: 9 },
    );
  }

  // 9.3.2 f) Improvement opportunities, each with the figure that supports it, ranked by the records they concern.
  b.heading('improvement');
  const opportunities = improvementOpportunities(summary);
  if (opportunities.length === 0) b.sentence('noOpportunities');
  else {
    const dimLabel = (id: string) => (id === 'overall' ? w('overall') : (config.satisfaction.dimensions.find((d) => d.id === id)?.label[lang] ?? id));
    const named = <T>(items: readonly T[], show: (x: T) => string) =>
      items.slice(0, NAMED_CUSTOMERS).map(show).join(w('listSep')) +
      (items.length > NAMED_CUSTOMERS ? w('andMore').replace('{n}', String(items.length - NAMED_CUSTOMERS)) : '');
    const say = (o: Opportunity): [string, string] => {
      switch (o.kind) {
        case 'category':
          return [
            b.say('oppCategory', {
              category: categoryName(o.category, lang, complaintCategories(config)),
              count: o.count,
              share: formatRate(o.count / o.total),
            }),
            w('affectedComplaints'),
          ];
        case 'dimension':
          return [
            b.say('oppDimension', {
              dimension: dimLabel(o.dimension),
              mean: formatScore(o.mean),
              period: o.period,
              mean2: formatScore(o.overall),
              below: o.below,
              threshold: config.satisfaction.unsatisfiedBelow,
            }),
            w('affectedCustomers'),
          ];
        case 'repeats':
          return [
            b.say('oppRepeats', {
              count: o.count,
              total: o.total,
              window: config.complaints.repeatWindowDays,
              customers: named(o.customers, (x) => `${x.customer} ${x.repeats}`),
            }),
            w('affectedComplaints'),
          ];
        case 'falling':
          return [
            b.say('oppFalling', {
              count: o.customers.length,
              threshold: summary.customers.fallThreshold,
              customers: named(o.customers, (x) =>
                punctuation(lang).aside(`${x.customer} ${dimLabel(x.item)} ${formatScore(x.from)} → ${formatScore(x.to)}`, x.period),
              ),
            }),
            w('affectedCustomers'),
          ];
        case 'recurrence':
          return [b.say('oppRecurrence', { count: o.count }), w('affectedComplaints')];
        case 'actions':
          return [b.say('oppActions', { count: o.count, open: o.open }), w('affectedActions')];
      }
    };
    b.sentence('improvement').table(
      'improvement',
      opportunities.map((o, i) => {
        const [text, unit] = say(o);
        return [String(i + 1), text, unit.replace('{n}', String(o.affected))];
      }),
      { widths: [20, '*', 70], align: ['right', 'left', 'right'], fontSize: 9 },
    );
  }

  // 9.3.3 Outputs: the missed objectives to decide on, and the decisions table to fill in.
  b.heading('decisions');
  if (missed.length === 0) b.sentence('noDecisions');
  else {
    b.sentence('decisionsIntro');
    b.push({
      ol: missed.map((x) =>
        b.text(
          b.say('decision', {
            label: x.label,
            actual: formatObjectiveValue(x.metric, x.actual),
            target: `${x.direction === 'atLeast' ? w('atLeast') : w('atMost')} ${formatObjectiveValue(x.metric, x.target)}`,
          }),
        ),
      ),
      margin: [12, 0, 0, 6],
      lineHeight: 1.4,
    });
  }
  if (unjudged.length > 0) b.sentence('unjudged', { labels: join(unjudged.map((x) => x.label)) });
  const headers = t.tables.outputs ?? [];
  const blank = (): TableCell => ({ text: '', margin: [2, 8, 2, 8] });
  // The lead sentence and the table to fill in stay on one page (the table is short).
  b.push({
    unbreakable: true,
    stack: [
      b.text(b.say('outputs', { source: `management_review:${r.year}` }), { margin: [0, 6, 0, 4], lineHeight: 1.3 }),
      {
        table: {
          headerRows: 1,
          widths: [24, '*', 64, 64, 56, 90],
          body: [
            headers.map(
              (h): TableCell => ({ ...(b.text(h, { bold: true, fontSize: 9.5, alignment: 'center' }) as object), fillColor: '#eef1f5' }) as TableCell,
            ),
            ...Array.from({ length: 8 }, (_, i): TableCell[] => [
              { text: String(i + 1), alignment: 'right', margin: [2, 8, 2, 8] },
              blank(),
              blank(),
              blank(),
              blank(),
              blank(),
            ]),
          ],
        },
        layout: { hLineWidth: () => 0.6, vLineWidth: () => 0.6, hLineColor: () => '#000000', vLineColor: () => '#000000' },
        margin: [0, 4, 0, 8],
      },
    ],
  });
  return b.document(input.controlled, summary.asOf, r.year);
}
