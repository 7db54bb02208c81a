import { daysFromIso } from '../dates/civil.js';
import type { Complaint } from '../model/records.js';

/** A complaint that repeats an earlier one. */
export interface RepeatComplaint {
  readonly complaint: Complaint;
  /** The latest earlier complaint it repeats. */
  readonly earlier: Complaint;
  /** What the two share: the customer and category, or the root cause text. The customer is preferred when both match. */
  readonly basis: 'customer' | 'rootCause';
  /** Calendar days between the two receipts. */
  readonly days: number;
  /** Every earlier complaint it repeats within the window, latest first (`earlier` is the first), with what they share. */
  readonly matches: readonly { readonly complaint: Complaint; readonly sameCategory: boolean }[];
}

/**
 * The repeat complaints (重复投诉): received within `windowDays` calendar days after an earlier
 * complaint of the same customer with the same category — "other" excluded, as it says nothing
 * about the problem — or with the same root cause text, when one is given. The customer is part
 * of both keys: a root cause worded alike across customers ("作业未按作业指导书执行") is a
 * pattern for the management review, not the same problem coming back. A repeat is the sign a
 * corrective action did not work, so the monthly meeting flags it. Keyed by complaint number.
 */
export function findRepeats(complaints: readonly Complaint[], windowDays: number): Map<string, RepeatComplaint> {
  const ordered = [...complaints].sort(
    (a, b) =>
      compare(a.receivedAt.date, b.receivedAt.date) || compare(a.receivedAt.time ?? '', b.receivedAt.time ?? '') || compare(a.complaintNo, b.complaintNo),
  );
  /** Key → earlier complaints with their day, oldest first; entries older than the window are dropped. */
  const earlierByKey = new Map<string, { complaint: Complaint; day: number }[]>();
  const repeats = new Map<string, RepeatComplaint>();
  for (const complaint of ordered) {
    const day = daysFromIso(complaint.receivedAt.date);
    const keys: ['customer' | 'rootCause', string][] = [];
    // A bare "other" says nothing about the problem; a label nobody defined (其他（外观）) does, and
    // two such labels (外观, 尺寸) are not the same problem.
    const category = complaint.categoryText === null ? complaint.category : `${complaint.category}\u0000${norm(complaint.categoryText)}`;
    if (category !== 'other') keys.push(['customer', `c\u0000${norm(complaint.customer)}\u0000${category}`]);
    if (complaint.rootCause !== null && norm(complaint.rootCause) !== '')
      keys.push(['rootCause', `r\u0000${norm(complaint.customer)}\u0000${norm(complaint.rootCause)}`]);
    const matches = new Map<Complaint, { day: number; basis: 'customer' | 'rootCause'; sameCategory: boolean }>();
    for (const [basis, key] of keys) {
      const list = earlierByKey.get(key);
      if (!list) continue;
      while (list.length > 0 && day - list[0]!.day > windowDays) list.shift();
      for (const e of list) {
        const known = matches.get(e.complaint);
        if (!known) matches.set(e.complaint, { day: e.day, basis, sameCategory: basis === 'customer' });
        else if (basis === 'customer') matches.set(e.complaint, { ...known, basis, sameCategory: true });
      }
    }
    if (matches.size > 0) {
      const latestFirst = [...matches.entries()].reverse().sort((a, b) => b[1].day - a[1].day);
      const [earlier, first] = latestFirst[0]!;
      repeats.set(complaint.complaintNo, {
        complaint,
        earlier,
        basis: first.basis,
        days: day - first.day,
        matches: latestFirst.map(([c, m]) => ({ complaint: c, sameCategory: m.sameCategory })),
      });
    }
    for (const [, key] of keys) {
      let list = earlierByKey.get(key);
      if (!list) earlierByKey.set(key, (list = []));
      list.push({ complaint, day });
    }
  }
  return repeats;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Names and causes typed twice the same way match regardless of spaces and letter case. */
function norm(text: string): string {
  return text.replace(/\s+/g, '').toLowerCase();
}
