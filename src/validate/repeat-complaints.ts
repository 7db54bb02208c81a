import { daysFromIso } from '../dates/civil.js';
import type { Complaint } from '../model/records.js';

/** A complaint that repeats an earlier one: same customer and category, or same product and category. */
export interface RepeatComplaint {
  readonly complaint: Complaint;
  /** The latest earlier complaint it repeats. */
  readonly earlier: Complaint;
  /** What the two share besides the category; the customer is preferred when both match. */
  readonly basis: 'customer' | 'product';
  /** Calendar days between the two receipts. */
  readonly days: number;
}

/**
 * The repeat complaints (重复投诉): received within `windowDays` calendar days after an earlier
 * complaint of the same customer and category, or of the same product and category. A repeat is
 * the sign a corrective action did not work, so the monthly meeting flags it for a CAPA.
 * Keyed by complaint number.
 */
export function findRepeats(complaints: readonly Complaint[], windowDays: number): Map<string, RepeatComplaint> {
  const ordered = [...complaints].sort(
    (a, b) =>
      compare(a.receivedAt.date, b.receivedAt.date) || compare(a.receivedAt.time ?? '', b.receivedAt.time ?? '') || compare(a.complaintNo, b.complaintNo),
  );
  const latest = new Map<string, { complaint: Complaint; day: number }>();
  const repeats = new Map<string, RepeatComplaint>();
  for (const complaint of ordered) {
    const day = daysFromIso(complaint.receivedAt.date);
    // Two labels nobody defined (外观, 尺寸) are both "other" but not the same problem.
    const category = complaint.categoryText === null ? complaint.category : `${complaint.category}\u0000${norm(complaint.categoryText)}`;
    const keys: ['customer' | 'product', string][] = [['customer', `c\u0000${norm(complaint.customer)}\u0000${category}`]];
    if (complaint.product !== null) keys.push(['product', `p\u0000${norm(complaint.product)}\u0000${category}`]);
    for (const [basis, key] of keys) {
      const before = latest.get(key);
      if (before && day - before.day <= windowDays && !repeats.has(complaint.complaintNo)) {
        repeats.set(complaint.complaintNo, { complaint, earlier: before.complaint, basis, days: day - before.day });
      }
    }
    for (const [, key] of keys) latest.set(key, { complaint, day });
  }
  return repeats;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Names typed twice the same way match regardless of spaces and letter case. */
function norm(name: string): string {
  return name.replace(/\s+/g, '').toLowerCase();
}
