import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { ComplaintMonthModel, ParetoRow } from '../compute/complaint-month.js';
import type { EnumValue } from '../model/enums.js';
import { fillText } from '../forms/fill-text.js';
import { formatRate, formatScore } from '../issues/format-number.js';
import { categoryName, complaintCategoryName } from '../config/categories.js';
import type { Complaint } from '../model/records.js';
import type { Lang } from '../model/lang.js';
import type { ControlledDocument } from '../render/pdf/controlled-page.js';
import { MILESTONES } from '../validate/check-complaints.js';
import { ReportBuilder } from './report-builder.js';
import type { ReportTexts } from './report-texts.js';

export interface ComplaintMonthLayoutInput {
  readonly model: ComplaintMonthModel;
  readonly texts: ReportTexts;
  readonly lang: Lang;
  readonly charts: { readonly history: string | null; readonly pareto: string | null };
  readonly controlled: Omit<ControlledDocument, 'lang' | 'contentWidth'>;
  readonly maxTableRows: number;
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
  return complaintCategoryName({ category: row.category, categoryText: row.labels.length === 0 ? null : row.labels.join(lang === 'zh' ? '、' : ', ') }, lang, categories);
}

/**
 * The monthly complaint meeting pack (5.8.4): the month's count against the months before, the
 * Pareto of categories, customers and departments, every complaint of the month, timeliness of
 * each handling stage, open and overdue complaints, major ones, returns, CAPA and repeats.
 */
export function layoutComplaintMonth(input: ComplaintMonthLayoutInput): { definition: TDocumentDefinitions; missingGlyphs: string[] } {
  const { model: m, texts: t, lang } = input;
  const b = new ReportBuilder(t, lang, input.maxTableRows);
  const w = (key: string) => b.word(key);
  const join = (items: readonly string[]) => items.join(w('and'));
  const cat = (id: string) => categoryLabel(id, lang, m.categories);
  const catOf = (c: Complaint) => complaintCategoryName(c, lang, m.categories);
  const limits = m.limits;
  const yesNo = (v: boolean | null) => (v === true ? w('yes') : v === false ? w('no') : w('empty'));

  b.push(b.text(fillText(t.subtitle, lang, { monthLabel: monthLabel(m.month, lang), asOf: m.asOf }), { alignment: 'center', fontSize: 10, margin: [0, 0, 0, 4] }));

  // 1. Overview
  b.heading('overview');
  if (m.count === 0) b.sentence('none');
  else {
    const change = m.previousCount === null ? 0 : m.count - m.previousCount;
    b.sentence('overview', {
      count: m.count,
      hasPrevious: m.previousCount !== null,
      previousCount: m.previousCount,
      change: change > 0 ? w('up').replace('{n}', String(change)) : change < 0 ? w('down').replace('{n}', String(-change)) : w('same'),
      historyMonths: m.history.length - 1,
      previousAverage: formatScore(m.previousAverage),
      major: m.major.length,
      returns: m.returns.complaints.length,
      asOf: m.asOf,
      closed: m.closed,
      open: m.open,
      overdue: m.overdue,
      closeLimit: limits.closeWorkingDays,
    });
  }
  b.chart(input.charts.history);

  // 2. Pareto
  b.heading('categories');
  if (m.count > 0) {
    b.chart(input.charts.pareto).table(
      'categories',
      m.pareto.map((r) => [paretoLabel(r, lang, m.categories), String(r.count), formatRate(r.share), formatRate(r.cumulative)]),
      { widths: ['*', 70, 80, 80], align: ['left', 'right', 'right', 'right'] },
    );
    const last = m.pareto[m.vitalFew.length - 1];
    b.sentence('vitalFew', { cumulative: formatRate(last?.cumulative ?? null), categories: join(m.vitalFew.map(cat)) });
  } else b.sentence('none');

  // 3. Customers and departments
  if (m.count > 0) {
    b.heading('customers')
      .subheading('byCustomer')
      .table('byCustomer', m.byCustomer.map((c) => [c.customer, String(c.count), String(c.major)]), { widths: ['*', 60, 60], align: ['left', 'right', 'right'] })
      .subheading('byDepartment')
      .table('byDepartment', m.byDepartment.map((d) => [d.department ?? w('unassigned'), String(d.count)]), { widths: ['*', 60], align: ['left', 'right'] });

    // 4. Every complaint of the month
    b.heading('list').table(
      'list',
      m.complaints.map(({ status: s }) => [
        s.complaint.complaintNo,
        s.complaint.receivedAt.date,
        s.complaint.customer,
        catOf(s.complaint),
        s.complaint.severity === 'major' ? w('major') : w('normal'),
        s.closedAt === null ? w('open') : w('closed'),
        `${s.workingDays}/${limits.closeWorkingDays}${s.overdue ? ` ${w('overdue')}` : ''}`,
        s.complaint.capaNo ?? '',
      ]),
      { widths: [62, 58, '*', 56, 30, 38, 54, 64], align: ['left', 'left', 'left', 'left', 'left', 'left', 'right', 'left'], fontSize: 8.5 },
    );
    b.sentence('listNote', { asOf: m.asOf, closeLimit: limits.closeWorkingDays }, { fontSize: 9 });

    // 5. Timeliness
    const limitText: Record<(typeof MILESTONES)[number], string> = {
      assign: `≤ ${limits.assignWorkingDays} ${w('workingDays')}`,
      cause: `≤ ${limits.causeWorkingDays} ${w('workingDays')}`,
      notify: `≤ ${limits.notifyWorkingDays} ${w('workingDays')}`,
      close: `≤ ${limits.closeWorkingDays} ${w('workingDays')}`,
      firstReply: `≤ ${limits.firstReplyHours} ${w('hours')}`,
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
  }

  // 6. Open and overdue (everything received up to the month's end)
  b.heading('open');
  if (m.stillOpen.length === 0) b.sentence('noOpen', { asOf: m.asOf });
  else {
    b.together(() =>
      b.sentence('open', { asOf: m.asOf, count: m.stillOpen.length, overdue: m.stillOpen.filter((s) => s.overdue).length }).table(
        'open',
        m.stillOpen.map((s) => [s.complaint.complaintNo, s.complaint.receivedAt.date, s.complaint.customer, catOf(s.complaint), s.complaint.responsibleDept ?? w('unassigned'), String(s.workingDays), s.overdue ? w('overdue') : '']),
        { widths: [62, 58, '*', 56, 64, 52, 40], align: ['left', 'left', 'left', 'left', 'left', 'right', 'left'], fontSize: 9 },
      ),
    );
  }

  if (m.count > 0) {
    // 7. Major complaints
    b.heading('major');
    if (m.major.length === 0) b.sentence('noMajor');
    else {
      b.table(
        'major',
        m.major.map((s) => [s.complaint.complaintNo, s.complaint.receivedAt.date, s.complaint.customer, catOf(s.complaint), s.complaint.description, yesNo(s.complaint.escalated)]),
        { widths: [62, 58, 110, 56, '*', 44], fontSize: 9 },
      );
      const notEscalated = m.major.filter((s) => s.complaint.escalated !== true).length;
      if (notEscalated > 0) b.warning('majorNotEscalated', { count: notEscalated });
    }

    // 8. Returns
    b.heading('returns');
    if (m.returns.complaints.length === 0) b.sentence('noReturns');
    else {
      b.together(() =>
        b.sentence('returns', { count: m.returns.complaints.length, quantity: m.returns.quantity }).table(
          'returns',
          m.returns.complaints.map((c) => [c.complaintNo, c.customer, c.product ?? '', c.returnQty === null ? '' : String(c.returnQty)]),
          { widths: [70, '*', 120, 70], align: ['left', 'left', 'left', 'right'] },
        ),
      );
    }

    // 9. CAPA
    b.heading('capa');
    if (m.capa.required === 0) b.sentence('noCapa');
    else {
      b.sentence('capa', { required: m.capa.required, raised: m.capa.raised, verified: m.capa.verified, missing: m.capa.missing.length, missingList: join(m.capa.missing.map((c) => c.complaintNo)) });
    }

    // 10. Repeats
    b.heading('repeats');
    if (m.repeats.length === 0) b.sentence('noRepeats', { window: m.repeatWindowDays });
    else {
      b.together(() =>
        b.sentence('repeats', { count: m.repeats.length, window: m.repeatWindowDays }).table(
        'repeats',
        m.repeats.map((r) => [
          r.complaint.complaintNo,
          r.complaint.receivedAt.date,
          r.complaint.customer,
          catOf(r.complaint),
          w(r.basis).replace('{product}', r.complaint.product ?? ''),
          r.earlier.complaintNo,
          String(r.days),
          r.complaint.capaNo ?? '',
        ]),
        { widths: [60, 54, '*', 56, 74, 60, 34, 66], align: ['left', 'left', 'left', 'left', 'left', 'left', 'right', 'left'], fontSize: 8.5 },
      ),
      );
    }
  }
  return b.document(input.controlled, m.asOf, m.month);
}
