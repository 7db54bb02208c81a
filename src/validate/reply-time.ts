import { daysFromIso, secondsOf } from '../dates/civil.js';
import type { DateTime, IsoDate } from '../model/dates.js';

/** How long a first reply took, as the 72-hour rule measures it. */
export type ReplyDelay =
  /** Both moments had a time of day. */
  | { readonly unit: 'hours'; readonly value: number }
  /** One of them had only a date: calendar days between the dates. */
  | { readonly unit: 'days'; readonly value: number };

/**
 * The input contract's 72-hour rule: first_reply_at − received_at ≤ 72 h; when either has no time
 * of day, the dates may differ by at most 3 calendar days.
 */
export function replyDelay(received: DateTime, reply: DateTime): ReplyDelay {
  if (received.time !== null && reply.time !== null) {
    return { unit: 'hours', value: (secondsOf(reply) - secondsOf(received)) / 3600 };
  }
  return { unit: 'days', value: daysFromIso(reply.date) - daysFromIso(received.date) };
}

export function withinLimit(delay: ReplyDelay, limitHours: number): boolean {
  return delay.unit === 'hours' ? delay.value <= limitHours : delay.value <= limitHours / 24;
}

/**
 * The time waited for a reply that has not come by the end of the as-of day: the day counts as
 * lived through, so a complaint received at 10:00 three days before has waited 86 hours.
 */
export function waitedUntil(received: DateTime, asOf: IsoDate): ReplyDelay {
  if (received.time === null) return { unit: 'days', value: daysFromIso(asOf) - daysFromIso(received.date) };
  return { unit: 'hours', value: ((daysFromIso(asOf) + 1) * 86400 - secondsOf(received)) / 3600 };
}
