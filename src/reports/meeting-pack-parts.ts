import type { Content, TableCell } from 'pdfmake/interfaces.js';
import type { Lang } from '../model/lang.js';
import type { ActionState } from '../validate/check-actions.js';
import { actionSourceText } from '../ingest/values/parse-action-source.js';
import type { ReportBuilder } from './report-builder.js';
import { fillPlaceholders } from '../text/template-engine.js';
import { punctuation } from '../text/punctuation.js';

/** Leaves a department name as written (where no configured names are given). */
const asWritten = (name: string) => name;

/** "李娜（供销部）", "李娜", "供销部", "" — the department in the report's language (departmentNames). */
export function ownerName(owner: string | null, department: string | null, lang: Lang, departmentName: (name: string) => string = asWritten): string {
  const dept = department === null ? null : departmentName(department);
  if (owner !== null && dept !== null) return punctuation(lang).aside(owner, dept);
  return owner ?? dept ?? '';
}

export function ownerText(a: ActionState, lang: Lang, departmentName: (name: string) => string = asWritten): string {
  return ownerName(a.action.owner, a.action.department, lang, departmentName);
}

/** The status of an action on the pack's date, with "overdue N working days" or "done late". */
export function actionStatusText(a: ActionState, b: ReportBuilder): string {
  const status = a.status === null ? (a.open && a.action.doneOn !== null ? b.word('notDone') : b.word('noStatus')) : b.word(a.status);
  const p = punctuation(b.lang);
  if (a.overdue) {
    const days = a.workingDaysOverdue ?? 0;
    return `${status}${p.clauseSeparator}${days > 0 ? fillPlaceholders(b.word('overdueDays'), { n: days }) : b.word('pastDue')}`;
  }
  if (a.doneLate) return p.aside(status, b.word('doneLate'));
  return status;
}

/** `departmentName` gives the register's department in the pack's language (departmentNames(config.departments, lang)). */
export function actionRows(actions: readonly ActionState[], b: ReportBuilder, departmentName: (name: string) => string = asWritten): string[][] {
  return actions.map((a) => [
    a.action.actionNo,
    a.action.action,
    ownerText(a, b.lang, departmentName),
    a.action.due ?? '',
    actionStatusText(a, b),
    a.open ? '' : (a.action.doneOn ?? ''),
    a.open ? '' : (a.action.verifiedBy ?? ''),
  ]);
}

export function carriedRows(actions: readonly ActionState[], b: ReportBuilder, departmentName: (name: string) => string = asWritten): string[][] {
  return actions.map((a) => [
    a.action.actionNo,
    actionSourceText(a.action.source),
    a.action.action,
    ownerText(a, b.lang, departmentName),
    a.action.due ?? '',
    actionStatusText(a, b),
  ]);
}

/**
 * The meeting record to fill in by hand (last page): date, place, chair, minutes taker,
 * attendees, then the decisions table (action / owner / department / due) with empty rows, and
 * the chair's signature. Nothing is pre-filled: a record holds only what the meeting wrote.
 */
export function meetingRecordPage(b: ReportBuilder, decisionRows: number): Content[] {
  const w = (key: string) => b.word(key);
  const cell = (text: string, bold = false): TableCell => ({ ...(b.text(text, { bold, fontSize: 10 }) as object), margin: [2, 6, 2, 6] }) as TableCell;
  const blank = (): TableCell => ({ text: '', margin: [2, 6, 2, 6] });
  const layout = { hLineWidth: () => 0.6, vLineWidth: () => 0.6, hLineColor: () => '#000000', vLineColor: () => '#000000' };
  const fields: Content = {
    table: {
      widths: [70, '*', 70, '*'],
      body: [
        [cell(w('date'), true), blank(), cell(w('place'), true), blank()],
        [cell(w('chair'), true), blank(), cell(w('recorder'), true), blank()],
        [cell(w('attendees'), true), { text: '', colSpan: 3, margin: [2, 30, 2, 30] }, {}, {}],
      ],
    },
    layout,
    margin: [0, 4, 0, 10],
  };
  const headers = b.texts.tables.decisions ?? [];
  const decisions: Content = {
    table: {
      headerRows: 1,
      widths: [30, '*', 70, 80, 70],
      body: [
        headers.map((h) => ({ ...(b.text(h, { bold: true, fontSize: 10, alignment: 'center' }) as object), fillColor: '#eef1f5' }) as TableCell),
        ...Array.from(
          { length: decisionRows },
          (_, i) => [{ text: String(i + 1), alignment: 'right' as const, margin: [2, 7, 2, 7] }, blank(), blank(), blank(), blank()] as TableCell[],
        ),
      ],
    },
    layout,
    margin: [0, 4, 0, 14],
  };
  const signature = b.text(`${punctuation(b.lang).label(w('signature'))}______________________`, { alignment: 'right', margin: [0, 10, 0, 0] });
  return [fields, decisions, signature];
}
