import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { punctuation } from '../text/punctuation.js';
import type { ComplaintMonthModel, ParetoRow } from '../compute/complaint-month.js';
import type { EnumValue } from '../model/enums.js';
import { fillText } from '../document/fill-text.js';
import { formatRate, formatScore } from '../issues/format-number.js';
import { categoryName, complaintCategoryName } from '../config/categories.js';
import type { Lang } from '../model/lang.js';
import type { ControlledDocument } from '../document/controlled-page.js';
import { MILESTONES } from '../validate/check-complaints.js';
import { ReportBuilder } from './report-builder.js';
import { actionRows, carriedRows, meetingRecordPage } from './meeting-pack-parts.js';
import type { ReportTexts } from './report-texts.js';
import { fillPlaceholders } from '../text/template-engine.js';

export interface ComplaintMonthLayoutInput {
  readonly model: ComplaintMonthModel;
  readonly texts: ReportTexts;
  readonly lang: Lang;
  readonly charts: { readonly history: string | null; readonly pareto: string | null };
  readonly controlled: Omit<ControlledDocument, 'lang' | 'contentWidth'>;
  readonly maxTableRows: number;
  /** A department as the data writes it, in the pack's language (departmentNames(config.departments, lang)). */
  readonly departmentName: (name: string) => string;
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2025年3月" / "March 2025". */
export function monthLabel(month: string, lang: Lang): string {
  const m = Number(month.slice(5, 7));
  return lang === 'zh' ? `${month.slice(0, 4)}年${m}月` : `${MONTHS_EN[m - 1]} ${month.slice(0, 4)}`;
}

/** A category's name in `lang` among the run's categories (the nine and the company's own). */
export const categoryLabel = categoryName;

/** A Pareto row's name: "other" lists the labels nobody defined that it holds — 其他（外观、尺寸）. */
export function paretoLabel(row: Pick<ParetoRow, 'category' | 'labels'>, lang: Lang, categories: readonly EnumValue[]): string {
  return complaintCategoryName(
    { category: row.category, categoryText: row.labels.length === 0 ? null : row.labels.join(punctuation(lang).listSeparator) },
    lang,
    categories,
  );
}

/** Empty decision rows on the meeting record page. */
const DECISION_ROWS = 8;

/**
 * The monthly complaint meeting pack (5.8.4), in the order the meeting runs: page 1 the agenda
 * and the headline; the last meeting's actions and their status; the month's complaints with
 * description and who is responsible; the open ones with the due date of their next stage;
 * Pareto, customers and departments, timeliness, major complaints, returns, CAPA status and
 * repeats; the last page the meeting record to fill in.
 */
export function layoutComplaintMonth(input: ComplaintMonthLayoutInput): { definition: TDocumentDefinitions; missingGlyphs: string[] } {
  const { model: m, texts: t, lang, departmentName: dept } = input;
  const b = new ReportBuilder(t, lang, input.maxTableRows);
  const w = (key: string) => b.word(key);
  const join = (items: readonly string[]) => items.join(w('and'));
  const cat = (id: string) => categoryLabel(id, lang, m.categories);
  const catOf = (c: { readonly category: string; readonly categoryText: string | null }) => complaintCategoryName(c, lang, m.categories);
  const limits = m.limits;
  const yesNo = (v: boolean | null) => (v === true ? w('yes') : v === false ? w('no') : w('empty'));
  const previousMeeting = monthLabel(m.previousMeetingMonth, lang);
  const previousSource = `meeting:${m.previousMeetingMonth}`;

  // Page 1: agenda and headline.
  b.push(
    b.text(fillText(t.subtitle, lang, { monthLabel: monthLabel(m.month, lang), asOf: m.asOf }), { alignment: 'center', fontSize: 10, margin: [0, 0, 0, 4] }),
  );
  b.sentence(
    m.asOf < m.generatedAsOf ? 'asOfPast' : 'asOfSame',
    { asOf: m.asOf, generatedAsOf: m.generatedAsOf, meeting: m.meetingDate !== null },
    { fontSize: 9, italics: true },
  );
  b.heading('agenda');
  for (const i of [1, 2, 3, 4, 5, 6]) b.sentence(`agenda${i}`, { previousMeeting }, { margin: [8, 1, 0, 1] });
  b.heading('headline');
  const change = m.previousCount === null ? 0 : m.count - m.previousCount;
  // The month against the months before: the headline and the overview say it the same way.
  const comparison = {
    count: m.count,
    hasPrevious: m.previousCount !== null,
    previousCount: m.previousCount,
    change: change > 0 ? fillPlaceholders(w('up'), { n: change }) : change < 0 ? fillPlaceholders(w('down'), { n: -change }) : w('same'),
    historyMonths: m.history.length - 1,
    previousAverage: formatScore(m.previousAverage),
  };
  b.sentence('headlineCount', comparison);
  b.sentence('headlineOpen', {
    asOf: m.asOf,
    open: m.openRows.total,
    overdue: m.openOverdue,
    closeLimit: limits.closeWorkingDays,
    stageOverdue: m.stageOverdue,
  });
  const notEscalated = m.major.notEscalated;
  b.sentence('headlineMajor', { major: m.major.total, notEscalated });
  const last = m.lastMeetingActions;
  if (last.length === 0) b.sentence('headlineNoActions', { previousMeeting });
  else {
    b.sentence('headlineActions', {
      total: last.length,
      done: last.filter((a) => a.status === 'done').length,
      cancelled: last.filter((a) => a.status === 'cancelled').length,
      open: last.filter((a) => a.open).length,
      overdue: last.filter((a) => a.overdue).length,
    });
  }
  b.chart(input.charts.history);

  // 1. The last meeting's actions, then earlier ones still open.
  b.heading('actions', { pageBreak: true });
  if (!m.hasRegister) b.sentence('noRegister');
  else if (last.length === 0) b.sentence('noActions', { source: previousSource });
  else {
    b.together(() =>
      b.sentence('actions', { previousMeeting, source: previousSource, total: last.length, asOf: m.asOf }).table('actions', actionRows(last, b, dept), {
        widths: [58, '*', 80, 54, 78, 54, 40],
        fontSize: 8.5,
      }),
    );
  }
  if (m.carriedActions.length > 0) {
    b.subheading('carried').together(() =>
      b
        .sentence('carried', { count: m.carriedActions.length, asOf: m.asOf })
        .table('carried', carriedRows(m.carriedActions, b, dept), { widths: [58, 74, '*', 80, 54, 90], fontSize: 8.5 }),
    );
  }

  // 2. The month at a glance.
  b.heading('overview');
  if (m.count === 0) b.sentence('none');
  else {
    b.sentence('overview', {
      ...comparison,
      major: m.major.total,
      returns: m.returns.total,
      asOf: m.asOf,
      closed: m.closed,
      open: m.open,
      overdue: m.overdue,
      closeLimit: limits.closeWorkingDays,
    });
  }

  // 3. Every complaint of the month, with what it was about and who is responsible.
  if (m.count > 0) {
    b.heading('list').table(
      'list',
      m.complaints.rows.map((c) => [
        c.complaintNo,
        c.received,
        c.customer,
        `${catOf(c)}${c.major ? `\n${w('major')}` : ''}`,
        c.description,
        [c.responsibleDept === null ? null : dept(c.responsibleDept), c.responsiblePerson].filter((x) => x !== null).join('\n') || w('unassigned'),
        c.closed ? w('closed') : w('open'),
        `${c.workingDays}/${limits.closeWorkingDays}${c.overdue ? `\n${w('overdue')}` : ''}`,
      ]),
      {
        widths: [56, 50, 72, 56, '*', 56, 34, 38],
        align: ['left', 'left', 'left', 'left', 'left', 'left', 'left', 'right'],
        fontSize: 8,
        total: m.complaints.total,
      },
    );
    b.sentence('listNote', { asOf: m.asOf, closeLimit: limits.closeWorkingDays }, { fontSize: 9 });
  }

  // 4. Open complaints: next stage, owner, due date.
  b.heading('open');
  if (m.openRows.total === 0) b.sentence('noOpen', { asOf: m.asOf });
  else {
    b.together(() =>
      b.sentence('open', { asOf: m.asOf, count: m.openRows.total, overdue: m.openOverdue }).table(
        'open',
        m.openRows.rows.map((s) => [
          s.complaintNo,
          s.received,
          s.customer,
          s.next.owner ?? w('unassigned'),
          w(`stage_${s.next.stage}`),
          `${s.next.due}${s.next.overdue ? `\n${w('stagePastDue')}` : ''}`,
          String(s.workingDays),
          s.overdue ? w('overdue') : '',
        ]),
        {
          widths: [58, 54, '*', 58, 60, 58, 44, 34],
          align: ['left', 'left', 'left', 'left', 'left', 'left', 'right', 'left'],
          fontSize: 8.5,
          total: m.openRows.total,
        },
      ),
    );
    b.sentence(
      'openNote',
      {
        assign: limits.assignWorkingDays,
        cause: limits.causeWorkingDays,
        resolve: limits.resolveWorkingDays,
        notify: limits.notifyWorkingDays,
        close: limits.closeWorkingDays,
      },
      { fontSize: 9 },
    );
  }

  if (m.count > 0) {
    // 5. Pareto.
    b.heading('categories')
      .chart(input.charts.pareto)
      .table(
        'categories',
        m.pareto.map((r) => [paretoLabel(r, lang, m.categories), String(r.count), formatRate(r.share), formatRate(r.cumulative)]),
        { widths: ['*', 70, 80, 80], align: ['left', 'right', 'right', 'right'] },
      );
    const lastVital = m.pareto[m.vitalFew.length - 1];
    if (m.vitalFew.length > 0) b.sentence('vitalFew', { cumulative: formatRate(lastVital?.cumulative ?? null), categories: join(m.vitalFew.map(cat)) });
    else b.sentence('tooFewForPareto', { count: m.count, min: m.paretoMinCount });
    if (m.tied) b.sentence('paretoTies');

    // 6. Customers and departments.
    b.heading('customers')
      .subheading('byCustomer')
      .table(
        'byCustomer',
        m.byCustomer.rows.map((c) => [c.customer, String(c.count), String(c.major)]),
        { widths: ['*', 60, 60], align: ['left', 'right', 'right'], total: m.byCustomer.total },
      )
      .subheading('byDepartment')
      .table(
        'byDepartment',
        m.byDepartment.rows.map((d) => [d.department === null ? w('unassigned') : dept(d.department), String(d.count)]),
        { widths: ['*', 60], align: ['left', 'right'], total: m.byDepartment.total },
      );

    // 7. Timeliness.
    const limitText: Record<(typeof MILESTONES)[number], string> = {
      assign: fillPlaceholders(w('workingDaysLimit'), { n: limits.assignWorkingDays }),
      cause: fillPlaceholders(w('workingDaysLimit'), { n: limits.causeWorkingDays }),
      notify: fillPlaceholders(w('workingDaysLimit'), { n: limits.notifyWorkingDays }),
      close: fillPlaceholders(w('workingDaysLimit'), { n: limits.closeWorkingDays }),
      firstReply: fillPlaceholders(w('hoursLimit'), { n: limits.firstReplyHours }),
    };
    b.heading('timeliness')
      .table(
        'timeliness',
        MILESTONES.map((id) => {
          const x = m.milestones[id];
          return [w(id), limitText[id], String(x.onTime), String(x.late), formatRate(x.rate)];
        }),
        { widths: ['*', 90, 50, 50, 70], align: ['left', 'left', 'right', 'right', 'right'] },
      )
      .sentence('timeliness', {}, { fontSize: 9 });

    // 8. Major complaints.
    b.heading('major');
    if (m.major.total === 0) b.sentence('noMajor');
    else {
      b.table(
        'major',
        m.major.rows.map((c) => [c.complaintNo, c.received, c.customer, catOf(c), c.description, yesNo(c.escalated)]),
        { widths: [62, 58, 110, 56, '*', 44], fontSize: 9, total: m.major.total },
      );
      if (notEscalated > 0) b.warning('majorNotEscalated', { count: notEscalated });
    }

    // 9. Returns.
    b.heading('returns');
    if (m.returns.total === 0) b.sentence('noReturns');
    else {
      b.together(() =>
        b.sentence('returns', { count: m.returns.total, quantity: m.returns.quantity }).table(
          'returns',
          m.returns.rows.map((c) => [c.complaintNo, c.customer, c.product ?? '', c.returnQty === null ? '' : String(c.returnQty)]),
          { widths: [70, '*', 120, 70], align: ['left', 'left', 'left', 'right'], total: m.returns.total },
        ),
      );
    }

    // 10. CAPA status.
    b.heading('capa');
    if (m.capa.required === 0) b.sentence('noCapa');
    else {
      b.sentence('capa', {
        required: m.capa.required,
        raised: m.capa.raised,
        verified: m.capa.verified,
        missing: m.capa.missing.length,
        missingList: join(m.capa.missing),
      });
      if (m.capaRows.total > 0) {
        b.together(() =>
          b.sentence('capaList').table(
            'capa',
            m.capaRows.rows.map((r) => [
              r.complaintNo,
              r.capaNo,
              r.responsibleDept === null ? '' : dept(r.responsibleDept),
              r.closed ? w('closed') : w('open'),
              r.closed ? (r.verifiedBy ?? '') : '',
              r.actions.length === 0
                ? w('noActionsInRegister')
                : r.actions.map((a) => `${a.actionNo} ${a.status === null ? w('notDone') : w(a.status)}`).join('\n'),
            ]),
            { widths: [62, 70, 64, 44, 50, '*'], fontSize: 8.5, total: m.capaRows.total },
          ),
        );
      }
    }

    // 11. Repeats.
    b.heading('repeats');
    if (m.repeats.total === 0) b.sentence('noRepeats', { window: m.repeatWindowDays });
    else {
      b.together(() =>
        b.sentence('repeats', { count: m.repeats.total, window: m.repeatWindowDays }).table(
          'repeats',
          m.repeats.rows.map((r) => [
            r.complaintNo,
            r.received,
            r.customer,
            cat(r.category),
            fillPlaceholders(w(r.basis), { product: r.product ?? '' }),
            r.earlierNo,
            String(r.days),
            r.capaNo ?? '',
          ]),
          {
            widths: [60, 54, '*', 30, 74, 60, 34, 66],
            align: ['left', 'left', 'left', 'left', 'left', 'left', 'right', 'left'],
            fontSize: 8.5,
            total: m.repeats.total,
          },
        ),
      );
    }
  }

  // Last page: the meeting record, on one page.
  const [fields, decisions, signature] = meetingRecordPage(b, DECISION_ROWS);
  b.heading('record', { pageBreak: true }).push({
    stack: [
      b.text(b.say('recordIntro', { monthLabel: monthLabel(m.month, lang), source: `meeting:${m.month}` }), { margin: [0, 2, 0, 6], lineHeight: 1.3 }),
      fields!,
      b.text(t.headings.decisions ?? 'decisions', { bold: true, fontSize: 11, margin: [0, 6, 0, 3] }),
      decisions!,
      signature!,
    ],
    unbreakable: true,
  });
  return b.document(input.controlled, m.asOf, m.month);
}
