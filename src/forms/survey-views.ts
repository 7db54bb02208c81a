import { BAND_LABELS } from '../text/domain-labels.js';
import type { Complaint, Order } from '../model/records.js';
import type { SatisfactionAnalysis } from '../model/satisfaction.js';
import { common, type RecordView, type ViewContext } from './view-common.js';
import { formText } from './form-text.js';

/** The survey's fixed parts: its dimensions with what each asks, and the scoring bands (5.7.6). */
export function surveyStatic(ctx: ViewContext): Record<string, unknown> {
  const { bands, dimensions } = ctx.config.satisfaction;
  const t = formText(ctx.lang);
  // What each default dimension asks the customer to judge; a company's own dimension has no hint.
  const hint = (id: string) => {
    const key = `survey.hint.${id}`;
    return t.has(key) ? t(key) : '';
  };
  return {
    dimensions: dimensions.map((d, i) => ({ no: i + 1, id: d.id, label: d.label[ctx.lang], hint: hint(d.id) })),
    // As text, so the template's #if reads it as given; null prints no deadline (the procedure sets none).
    replyWithinDays: ctx.config.satisfaction.replyWithinDays === null ? null : String(ctx.config.satisfaction.replyWithinDays),
    bandText: t('survey.bands', {
      verySatisfied: bands.verySatisfied,
      satisfied: bands.satisfied,
      dissatisfied: bands.dissatisfied,
      verySatisfiedLabel: BAND_LABELS.very_satisfied[ctx.lang],
      satisfiedLabel: BAND_LABELS.satisfied[ctx.lang],
      dissatisfiedLabel: BAND_LABELS.dissatisfied[ctx.lang],
      veryDissatisfiedLabel: BAND_LABELS.very_dissatisfied[ctx.lang],
    }),
  };
}

/** First and last day of a period label (2026H1, 2026Q3, 2026); null for a label of another shape. */
export function periodBounds(period: string): { start: string; end: string } | null {
  const half = /^(\d{4})H([12])$/.exec(period);
  if (half) return half[2] === '1' ? { start: `${half[1]}-01-01`, end: `${half[1]}-06-30` } : { start: `${half[1]}-07-01`, end: `${half[1]}-12-31` };
  const quarter = /^(\d{4})Q([1-4])$/.exec(period);
  if (quarter) {
    const q = Number(quarter[2]);
    const ends = ['03-31', '06-30', '09-30', '12-31'];
    return { start: `${quarter[1]}-${String(q * 3 - 2).padStart(2, '0')}-01`, end: `${quarter[1]}-${ends[q - 1]}` };
  }
  if (/^\d{4}$/.test(period)) return { start: `${period}-01-01`, end: `${period}-12-31` };
  return null;
}

/**
 * Survey forms for the next round (mail merge): one per customer of the current survey, plus
 * customers who ordered in the last twelve months and were not surveyed. The 发放日期 is a day of
 * the surveyed period when configured (satisfaction.surveySendDate), else a line to fill in.
 */
export function surveyInvitationViews(customers: readonly string[], period: string, ctx: ViewContext): RecordView[] {
  const bounds = periodBounds(period);
  const when = ctx.config.satisfaction.surveySendDate;
  const sentDate = bounds === null || when === null ? '' : when === 'periodStart' ? bounds.start : bounds.end;
  return customers.map((customer) => ({
    id: customer,
    view: { ...common(ctx, true), ...surveyStatic(ctx), customer, period, sentDate },
  }));
}

/** The label of the survey round after `period`: 2025H2 → 2026H1, 2025Q4 → 2026Q1, 2025 → 2026. */
export function nextPeriod(period: string): string {
  const half = /^(\d{4})H([12])$/.exec(period);
  if (half) return half[2] === '1' ? `${half[1]}H2` : `${Number(half[1]) + 1}H1`;
  const quarter = /^(\d{4})Q([1-4])$/.exec(period);
  if (quarter) return quarter[2] === '4' ? `${Number(quarter[1]) + 1}Q1` : `${quarter[1]}Q${Number(quarter[2]) + 1}`;
  if (/^\d{4}$/.test(period)) return String(Number(period) + 1);
  return '';
}

interface CustomerRow {
  name: string;
  firstOrder: string;
  lastOrder: string;
  orders: number;
  complaints: number;
  score: string;
  band: string;
  period: string;
}

/**
 * The customer list (客户一览表 QR-XS-08): every customer named in the orders, complaints or surveys,
 * with first and last order, counts, and the latest satisfaction score with its band and period.
 */
export function customerListViews(
  orders: readonly Order[],
  complaints: readonly Complaint[],
  satisfaction: SatisfactionAnalysis,
  ctx: ViewContext,
): RecordView[] {
  const rows = new Map<string, CustomerRow>();
  const row = (name: string): CustomerRow => {
    let r = rows.get(name);
    if (!r) rows.set(name, (r = { name, firstOrder: '', lastOrder: '', orders: 0, complaints: 0, score: '', band: '', period: '' }));
    return r;
  };
  for (const o of orders) {
    const r = row(o.customer);
    r.orders++;
    if (r.firstOrder === '' || o.orderDate < r.firstOrder) r.firstOrder = o.orderDate;
    if (o.orderDate > r.lastOrder) r.lastOrder = o.orderDate;
  }
  for (const c of complaints) row(c.customer).complaints++;
  // Periods are oldest first: a later period's score replaces an earlier one.
  for (const period of satisfaction.periods) {
    for (const s of period.responses) {
      const r = row(s.response.customer);
      if (s.overall === null) continue;
      r.score = s.overall.toFixed(1);
      r.band = s.band === null ? '' : BAND_LABELS[s.band][ctx.lang];
      r.period = period.period;
    }
  }
  if (rows.size === 0) return [];
  const customers = [...rows.values()]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((r) => ({ ...r, orders: String(r.orders), complaints: String(r.complaints) }));
  return [{ id: ctx.asOf, view: { ...common(ctx, true), customers } }];
}
