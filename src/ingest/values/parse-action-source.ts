import type { ActionSource } from '../../model/records.js';
import { fold } from '../../text/fold.js';
import { failure, type ParseFailure } from './parse-result.js';

const MEETING = /^(meeting|月度会议|投诉会议|检讨会议|会议|月会)\s*[:：]?\s*(.*)$/i;
const REVIEW = /^(management[_\s-]?review|管理评审|管评)\s*[:：]?\s*(.*)$/i;
const AUDIT = /^(audit|internal[_\s-]?audit|内审|内部审核|审核)\s*(?:[:：]\s*(.*))?$/i;

/** "2025-11", "2025/11", "2025.11", "2025年11月", "202511" → "2025-11"; null otherwise. */
function monthOf(text: string): string | null {
  const m = /^(\d{4})\s*(?:[-/.年]\s*(\d{1,2})\s*月?|(\d{2}))$/.exec(text.trim());
  if (!m) return null;
  const month = Number(m[2] ?? m[3]);
  return month >= 1 && month <= 12 ? `${m[1]}-${String(month).padStart(2, '0')}` : null;
}

/**
 * Reads the source column of the actions register into its canonical text:
 * "meeting:YYYY-MM", "management_review:YYYY", "audit" / "audit:<ref>", or a record number as
 * written (a complaint or CAPA number). A meeting without a readable month or a review without
 * a year is an error: the pack could not tell which meeting decided it.
 */
export function parseActionSource(text: string): string | ParseFailure {
  const value = fold(text);
  const meeting = MEETING.exec(value);
  if (meeting) {
    const month = monthOf(meeting[2] ?? '');
    return month === null ? failure('bad_action_source', { expected: 'meeting:YYYY-MM' }) : `meeting:${month}`;
  }
  const review = REVIEW.exec(value);
  if (review) {
    const year = /^(\d{4})\s*年?(度)?$/.exec((review[2] ?? '').trim());
    return year === null ? failure('bad_action_source', { expected: 'management_review:YYYY' }) : `management_review:${year[1]}`;
  }
  const audit = AUDIT.exec(value);
  if (audit) return audit[2] ? `audit:${audit[2].trim()}` : 'audit';
  return value;
}

/** The structured source of a canonical source text (as parseActionSource gives it). */
export function actionSourceOf(canonical: string): ActionSource {
  if (canonical.startsWith('meeting:')) return { kind: 'meeting', month: canonical.slice(8) };
  if (canonical.startsWith('management_review:')) return { kind: 'management_review', year: canonical.slice(18) };
  if (canonical === 'audit') return { kind: 'audit', ref: null };
  if (canonical.startsWith('audit:')) return { kind: 'audit', ref: canonical.slice(6) };
  return { kind: 'record', ref: canonical };
}

/** The canonical text of a source, as the register would write it. */
export function actionSourceText(source: ActionSource): string {
  switch (source.kind) {
    case 'meeting':
      return `meeting:${source.month}`;
    case 'management_review':
      return `management_review:${source.year}`;
    case 'audit':
      return source.ref === null ? 'audit' : `audit:${source.ref}`;
    case 'record':
      return source.ref;
  }
}
