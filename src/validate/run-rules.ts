import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { Config } from '../config/config.js';
import type { IngestResult } from '../ingest/ingest-result.js';
import type { IsoDate } from '../model/dates.js';
import { DATASETS } from '../model/fields.js';
import type { Finding } from '../model/finding.js';
import type { Order } from '../model/records.js';
import type { SatisfactionAnalysis } from '../model/satisfaction.js';
import { checkComplaints, complaintsInScope, complaintStatus, type ComplaintStatus } from './check-complaints.js';
import { checkOrderReview, ordersInScope } from './check-orders.js';
import { checkSatisfaction } from './check-satisfaction.js';
import { actionsInScope, actionState, checkActions, recordNumbers, type ActionState } from './check-actions.js';
import { RULE_ORDER } from './rule-table.js';
import { findRepeats, type RepeatComplaint } from './repeat-complaints.js';

/** Everything the rules decided, for the summary, the findings workbook and the reports. */
export interface RuleResults {
  /** Orders received on or before the as-of date. */
  readonly orders: readonly Order[];
  /** Complaints received on or before the as-of date, with their state on that date. */
  readonly complaints: readonly ComplaintStatus[];
  readonly satisfaction: SatisfactionAnalysis;
  /** The actions register on the as-of date (actions decided by then). */
  readonly actions: readonly ActionState[];
  /** Complaints repeating an earlier one, by complaint number. */
  readonly repeats: ReadonlyMap<string, RepeatComplaint>;
  /** All findings: by dataset, then file, sheet and row, then rule. */
  readonly findings: readonly Finding[];
}

export interface RuleOptions {
  readonly config: Config;
  readonly asOf: IsoDate;
  readonly calendar: WorkingCalendar;
}

/**
 * Runs every rule (O1–O10, C1–C9, S1–S5) over the ingested records and the satisfaction
 * statistics computed from them. Pure: reads no files, no clock.
 */
export function runRules(ingest: IngestResult, satisfaction: SatisfactionAnalysis, options: RuleOptions): RuleResults {
  const { config, asOf, calendar } = options;
  const orders = ordersInScope(ingest.orders, asOf);
  const complaints = complaintsInScope(ingest.complaints, asOf).map((c) => complaintStatus(c, config, calendar, asOf));
  const numbers = recordNumbers(ingest.complaints);
  const actions = actionsInScope(ingest.actions ?? [], asOf).map((a) => actionState(a, numbers, asOf, calendar));
  const findings = [...checkOrderReview(orders, asOf), ...checkComplaints(complaints, config, asOf), ...checkSatisfaction(satisfaction, config, asOf), ...checkActions(actions, asOf)];
  const repeats = findRepeats(complaints.map((s) => s.complaint), config.complaints.repeatWindowDays);
  return { orders, complaints, satisfaction, actions, repeats, findings: sortFindings(findings, ingest) };
}

/**
 * Sorts by dataset, then file, sheet and row (findings about a whole period first), then rule.
 * One numeric key per finding keeps this fast for a few hundred thousand findings.
 */
function sortFindings(findings: Finding[], ingest: IngestResult): Finding[] {
  const sheetRank = new Map(ingest.sheets.map((s, i) => [`${s.file}\u0000${s.sheet ?? ''}`, i + 1]));
  const keys = new Float64Array(findings.length);
  findings.forEach((f, i) => {
    const sheet = f.location === null ? 0 : (sheetRank.get(`${f.location.file}\u0000${f.location.sheet ?? ''}`) ?? 0);
    const row = f.location?.row ?? 0;
    // dataset (2 bits) · sheet in reading order (20 bits) · row (21 bits) · rule (5 bits): 48 bits, exact in a double.
    keys[i] = ((DATASETS.indexOf(f.dataset) * 2 ** 20 + sheet) * 2 ** 21 + row) * 2 ** 5 + RULE_ORDER.indexOf(f.rule);
  });
  // The rules emit findings record by record in reading order, so this is usually sorted already.
  let sorted = true;
  for (let i = 1; i < keys.length && sorted; i++) sorted = keys[i - 1]! <= keys[i]!;
  if (sorted) return findings;
  const order = Array.from(findings.keys()).sort((a, b) => keys[a]! - keys[b]! || a - b);
  return order.map((i) => findings[i]!);
}
