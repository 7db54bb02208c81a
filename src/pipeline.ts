import type { Config } from './config/config.js';
import { officialCalendar } from './calendar/official-calendar.js';
import { WorkingCalendar } from './calendar/working-calendar.js';
import { buildSummary, type RunWarning } from './compute/build-summary.js';
import { scoreSatisfaction } from './compute/score-satisfaction.js';
import { ingestFolder } from './ingest/ingest-folder.js';
import type { IngestResult } from './ingest/ingest-result.js';
import type { Lang } from './model/lang.js';
import type { Summary } from './model/summary.js';
import type { OutputWriter } from './emit/output-writer.js';
import { runRules, type RuleResults } from './validate/run-rules.js';

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
  writer.write('summary.json', `${JSON.stringify(result.summary, null, 2)}\n`);
}
