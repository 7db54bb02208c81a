/**
 * qmsdoc as a library: the public API, and nothing else is promised (deep imports of dist/ files
 * are internals that may change). docs/library.md describes it; docs/input-contract.md,
 * docs/rules.md and docs/summary-json.md describe the data it reads and writes.
 */
import path from 'node:path';
import { findConfigFile, loadConfig } from './config/load-config.js';
import type { Config } from './config/config.js';
import { checkOutputPlace, openBuildFolder } from './emit/output-folder.js';
import type { WrittenFile } from './emit/output-writer.js';
import type { Lang } from './model/lang.js';
import { packageVersion } from './paths.js';
import { emitBuild, type GlyphReport } from './pipeline/build.js';
import { runCheck, type CheckResult } from './pipeline/check.js';

export { runCheck, checkRecords, type CheckOptions, type CheckResult } from './pipeline/check.js';
export { loadConfig, ConfigError, type LoadedConfig } from './config/load-config.js';
export { InputFolderError } from './ingest/input-files.js';
export { OutputFolderError } from './emit/output-folder.js';
export type { Config } from './config/config.js';
export type { Lang } from './model/lang.js';
export type { Order, Complaint, SurveyResponse, DataRecord } from './model/records.js';
export type { Provenance, CellSource } from './model/provenance.js';
export type { Finding, FindingSeverity, RuleId } from './model/finding.js';
export type { InputError, FileProblem } from './model/input-error.js';
export type { Summary, SummaryFinding, SummaryInputError } from './model/summary.js';
export type { WrittenFile } from './emit/output-writer.js';
export type { GlyphReport } from './pipeline/build.js';

/** What `build` needs; the same choices as `qmsdoc build`. */
export interface BuildInput {
  /** The folder of the spreadsheets (never modified). */
  readonly input: string;
  /** The folder the outputs go to (created when missing). */
  readonly output: string;
  /** "Today" for every decision, YYYY-MM-DD; the core never reads the clock. */
  readonly asOf: string;
  /** Default the configuration's language (zh unless set). */
  readonly lang?: Lang;
  /** A configuration file, or one already loaded; default qmsdoc.config.json in `input`, else the defaults. */
  readonly config?: string | Config;
  /** Per-record filled forms; default true (`--no-filled-forms` is false). */
  readonly filledForms?: boolean;
  /** Months (YYYY-MM) of the monthly complaint packs; default the latest `reports.monthlyPacks`. */
  readonly months?: readonly string[];
  /** The survey period to judge; default the latest. */
  readonly period?: string;
}

/** What `build` produced. */
export interface BuildOutcome {
  /** The check: records, findings and the summary (as in summary.json). */
  readonly check: CheckResult;
  /** Every file written, relative to `output`, with its SHA-256 (as in manifest.json). */
  readonly written: readonly WrittenFile[];
  /** Characters no embedded font could draw, by file (printed as "?"). */
  readonly missingGlyphs: GlyphReport;
}

/**
 * `qmsdoc build` as a function: the check, summary.json, findings.xlsx, the blank and filled
 * controlled forms, the reports and manifest.json, written under `output` as the command does
 * (under its lock, into a staging folder switched in whole when complete). Throws ConfigError
 * for a bad configuration, InputFolderError for an input folder that cannot be read and
 * OutputFolderError for an output folder that cannot be used; bad rows are input errors in the
 * summary, never exceptions.
 */
export async function build(options: BuildInput): Promise<BuildOutcome> {
  const loaded =
    typeof options.config === 'object'
      ? { config: options.config, file: null, sha256: null }
      : loadConfig(findConfigFile(options.config, [options.input]), options.lang ?? 'zh');
  const lang = options.lang ?? loaded.config.language;
  checkOutputPlace(options.output, options.input, false);
  const folder = openBuildFolder(options.output);
  let check: CheckResult;
  let report: Awaited<ReturnType<typeof emitBuild>>;
  try {
    check = runCheck({
      input: options.input,
      config: loaded.config,
      asOf: options.asOf,
      lang,
      ...(options.period !== undefined ? { period: options.period } : {}),
    });
    report = await emitBuild(
      check,
      {
        config: loaded.config,
        lang,
        asOf: options.asOf,
        configSource: { file: manifestConfigPath(loaded.file, options.input), sha256: loaded.sha256 },
        filledForms: options.filledForms ?? true,
        toolVersion: packageVersion(),
        ...(options.months ? { months: options.months } : {}),
      },
      folder.writer,
    );
    folder.commit();
  } catch (error) {
    folder.abort();
    throw error;
  }
  return { check, written: folder.writer.written, missingGlyphs: report.missingGlyphs };
}

/** The configuration file as manifest.json names it: relative to the input folder when it lies there, else as found. */
function manifestConfigPath(file: string | null, input: string): string | null {
  if (file === null) return null;
  const relative = path.relative(input, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : file;
}
