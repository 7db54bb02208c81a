/**
 * `check`, the first half of the pipeline: the input folder read, the rules applied, the summary
 * computed — and what is made from that alone (summary.json, findings.xlsx, the headline, what
 * falls due). The CLI, the workbench and the library come here rather than to compute/ or
 * validate/; build.ts goes on from a CheckResult.
 */
import type { Config } from '../config/config.js';
import { officialCalendar } from '../calendar/official-calendar.js';
import { WorkingCalendar } from '../calendar/working-calendar.js';
import { buildSummary, type RunWarning } from '../compute/build-summary.js';
import { dueList, type DueList } from '../compute/due-list.js';
import { headlineOf, type Headline } from '../compute/headline.js';
import { scoreSatisfaction } from '../compute/score-satisfaction.js';
import { ingestFolder } from '../ingest/ingest-folder.js';
import type { IngestResult } from '../ingest/ingest-result.js';
import type { Lang } from '../model/lang.js';
import type { Summary } from '../model/summary.js';
import type { OutputWriter } from '../emit/output-writer.js';
import { writeJson } from '../emit/json-stream.js';
import { runRules, type RuleResults } from '../validate/run-rules.js';

export type { DueItem, DueList } from '../compute/due-list.js';
export type { Headline } from '../compute/headline.js';

export interface CheckOptions {
  /** The input folder. */
  readonly input: string;
  readonly config: Config;
  /** "Today" for every decision, YYYY-MM-DD. */
  readonly asOf: string;
  readonly lang: Lang;
  /** The survey period to judge; default the latest. */
  readonly period?: string;
  readonly recursive?: boolean;
  readonly onFile?: (done: number, total: number, path: string) => void;
}

export interface CheckResult {
  readonly ingest: IngestResult;
  readonly rules: RuleResults;
  readonly summary: Summary;
  readonly calendar: WorkingCalendar;
}

/** ingest → rules → summary. Reads the input folder; writes nothing. */
export function runCheck(options: CheckOptions): CheckResult {
  const ingest = ingestFolder(options.input, options.config, {
    ...(options.recursive !== undefined ? { recursive: options.recursive } : {}),
    ...(options.onFile ? { onFile: options.onFile } : {}),
  });
  return checkRecords(ingest, options);
}

/** rules → summary over records already read (library use, tests, benchmarks). */
export function checkRecords(ingest: IngestResult, options: Omit<CheckOptions, 'input' | 'recursive' | 'onFile'>): CheckResult {
  const { config, asOf, lang } = options;
  const calendar = new WorkingCalendar(officialCalendar(), config.calendar.closures, config.calendar.workdays);
  const satisfaction = scoreSatisfaction(ingest.surveys, config, asOf, options.period);
  const rules = runRules(ingest, satisfaction, { config, asOf, calendar });
  const uncovered = calendar.uncoveredYears();
  const warnings: RunWarning[] = uncovered.length > 0 ? [{ code: 'calendar_not_covered', years: uncovered }] : [];
  const summary = buildSummary(ingest, rules, config, asOf, lang, warnings);
  return { ingest, rules, summary, calendar };
}

/** Writes summary.json (the artefacts of `check`). */
export function emitCheck(result: CheckResult, writer: OutputWriter): void {
  // Streamed: a summary of a million findings would be hundreds of megabytes as one string.
  writeJson(writer, 'summary.json', result.summary);
}

/** The headline figures of a check (printed by `check`, shown by the workbench, first sheet of findings.xlsx). */
export function checkHeadline(result: CheckResult, config: Config): Headline {
  return headlineOf(result.summary, config);
}

/** findings.xlsx: every finding and input error, with the headline figures. */
export async function emitFindingsWorkbook(result: CheckResult, config: Config, lang: Lang, writer: OutputWriter): Promise<void> {
  // Loaded when written: `check --json` and the workbench's checks never need the xlsx writer.
  const { writeFindingsWorkbook } = await import('../render/excel/findings-workbook.js');
  // Streamed to disk as it is made: a million findings are never held as rows (issue 16).
  await writeFindingsWorkbook(writer, 'findings.xlsx', { summary: result.summary, headline: checkHeadline(result, config), config, lang });
}

/** What falls due within `days` working days of `asOf` (and what is overdue), as `qmsdoc due` lists it. */
export function dueSoon(result: CheckResult, config: Config, asOf: string, days: number): DueList {
  return dueList(result.rules, config, result.calendar, asOf, days);
}
