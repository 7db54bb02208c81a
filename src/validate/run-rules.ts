import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { Config } from '../config/config.js';
import type { IngestResult } from '../ingest/ingest-result.js';
import type { IsoDate } from '../model/dates.js';
import { DATASETS, type DatasetId } from '../model/fields.js';
import type { Finding } from '../model/finding.js';
import type { Order } from '../model/records.js';
import type { SatisfactionAnalysis } from '../model/satisfaction.js';
import { complaintsInScope, complaintStatus, type ComplaintStatus } from './check-complaints.js';
import { ordersInScope } from './check-orders.js';
import { actionsInScope, actionState, recordNumbers, type ActionState } from './check-actions.js';
import { findRepeats, type RepeatComplaint } from './repeat-complaints.js';
import type { RuleCoverage } from './rule-coverage.js';
import type { InputShape, RuleContext } from './rule-definition.js';
import { RULE_DEFINITIONS, RULE_ORDER } from './rule-table.js';

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
  /** What each rule applied to and found, in rule order (the audit report's pass / gap counts). */
  readonly coverage: readonly RuleCoverage[];
  /** What the input held (datasets present, the phone/fax log column). */
  readonly input: InputShape;
}

export interface RuleOptions {
  readonly config: Config;
  readonly asOf: IsoDate;
  readonly calendar: WorkingCalendar;
}

/** What the input held: a sheet of each dataset, and an orders sheet with a phone/fax log column. */
export function inputShape(ingest: IngestResult): InputShape {
  const datasets = Object.fromEntries(DATASETS.map((d) => [d, ingest.sheets.some((s) => s.dataset === d) || recordsOf(ingest, d) > 0])) as Record<
    DatasetId,
    boolean
  >;
  const phoneLogColumn =
    ingest.sheets.some((s) => s.dataset === 'orders' && s.columns.some((c) => c.field === 'phone_log_no')) || ingest.orders.some((o) => o.phoneLogNo !== null);
  return { datasets, phoneLogColumn };
}

function recordsOf(ingest: IngestResult, dataset: DatasetId): number {
  return dataset === 'orders'
    ? ingest.orders.length
    : dataset === 'complaints'
      ? ingest.complaints.length
      : dataset === 'actions'
        ? (ingest.actions?.length ?? 0)
        : ingest.surveys.length;
}

/**
 * Runs every rule (O1–O10, C1–C10, S1–S5) over the ingested records and the satisfaction
 * statistics computed from them, each from its one definition. Pure: reads no files, no clock.
 */
export function runRules(ingest: IngestResult, satisfaction: SatisfactionAnalysis, options: RuleOptions): RuleResults {
  const { config, asOf, calendar } = options;
  const orders = ordersInScope(ingest.orders, asOf);
  const complaints = complaintsInScope(ingest.complaints, asOf).map((c) => complaintStatus(c, config, calendar, asOf));
  const repeats = findRepeats(
    complaints.map((s) => s.complaint),
    config.complaints.repeatWindowDays,
  );
  const input = inputShape(ingest);
  const numbers = recordNumbers(ingest.complaints);
  const actions = actionsInScope(ingest.actions ?? [], asOf).map((a) => actionState(a, numbers, asOf, calendar));
  const ctx: RuleContext = { config, asOf, orders, complaints, satisfaction, repeats, input, actions };
  const findings: Finding[] = [];
  const coverage: RuleCoverage[] = [];
  for (const rule of RULE_DEFINITIONS) {
    const run = rule.run(ctx);
    // One at a time: spreading a rule's 250,000 findings into push() overflows the stack.
    for (const f of run.findings) findings.push(f);
    coverage.push({ rule: rule.id, notChecked: run.notChecked, checked: run.checked, gaps: new Set(run.findings.map((f) => f.record)).size });
  }
  return { orders, complaints, satisfaction, actions, repeats, findings: sortFindings(findings, ingest), coverage, input };
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
  const order = Array.from(findings.keys()).sort((a, b) => keys[a]! - keys[b]! || a - b);
  return order.map((i) => findings[i]!);
}
