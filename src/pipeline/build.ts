/**
 * `build`, the second half of the pipeline: from a CheckResult (check.ts) to every document —
 * the forms, the reports and packs, manifest.json — through one worker pool and the build cache.
 */
import type { Config } from '../config/config.js';
import type { Lang } from '../model/lang.js';
import type { OutputWriter } from '../emit/output-writer.js';
import { writeJson } from '../emit/json-stream.js';
import type { GlyphReport } from '../forms/render-forms.js';
import type { RenderTask } from '../forms/render-task.js';
import { packMonths } from '../compute/complaint-month.js';
import type { ComplaintMonthPdf } from '../reports/render-complaint-month.js';
import { createWorkerPool, runOnPool, type WorkerPool } from '../workers/worker-pool.js';
import { BUILD_STATE_PATH, BuildCache, digestOf, sha256, type UnitFileMade } from '../incremental/build-state.js';
import { writeStreamed } from '../emit/streamed-file.js';
import type { FormReuse } from '../forms/render-forms.js';
import { complaintMonth, type ComplaintMonthModel } from '../compute/complaint-month.js';
import type { DueList } from '../compute/due-list.js';
import { summaryForDocuments } from '../incremental/document-inputs.js';
import { DEFAULT_DUE_DAYS, dueSoon, emitCheck, emitFindingsWorkbook, type CheckResult } from './check.js';

export type { GlyphReport } from '../forms/render-forms.js';
export { BuildCache } from '../incremental/build-state.js';

/**
 * The months of the complaint meeting packs: the latest `reports.monthlyPacks` months with
 * complaints up to `asOf` ('latest'), every such month ('all'), or the months given.
 */
export function complaintPackMonths(result: CheckResult, config: Config, asOf: string, which: 'latest' | 'all' | readonly string[]): readonly string[] {
  if (which === 'latest') return packMonths(result.rules, config.reports.monthlyPacks, asOf);
  return which === 'all' ? packMonths(result.rules, 0, asOf) : which;
}

/** What `build` needs beyond `check`. */
export interface BuildOptions {
  readonly config: Config;
  readonly lang: Lang;
  readonly asOf: string;
  /** The configuration file used (for manifest.json). */
  readonly configSource: { readonly file: string | null; readonly sha256: string | null };
  /** Per-record filled forms; off for large runs (--no-filled-forms). */
  readonly filledForms: boolean;
  readonly toolVersion: string;
  /** Months (YYYY-MM) of the complaint meeting packs; default packMonths (the data's latest months). */
  readonly months?: readonly string[];
  /**
   * The process's render worker pool; default one made for this build (QMSDOC_THREADS workers,
   * none for 1) and closed after it. A pool given is the caller's to close.
   */
  readonly pool?: WorkerPool | undefined;
  /** The meeting day of the latest pack (--meeting-date): it shows the state on that day. */
  readonly meetingDate?: string;
  readonly onProgress?: (stage: string, done: number, total: number) => void;
  /**
   * What the last build into the same folder was made from (BuildCache.open): documents whose
   * inputs are unchanged are carried over instead of rendered. Default: render everything.
   */
  readonly cache?: BuildCache;
}

/** What a build produced besides its files. */
export interface BuildReport {
  /** Characters no font could draw, by file. */
  readonly missingGlyphs: GlyphReport;
  /** Units of output (documents, or files made together) carried over unchanged and rendered. */
  readonly carried: number;
  readonly rendered: number;
  /** Files of the last build into this folder that this one did not make (left in place). */
  readonly stale: readonly string[];
}

/**
 * Everything of `build` after the check: summary.json and findings.xlsx, the blank form pack,
 * the filled forms, the reports and packs, and manifest.json listing every file written with
 * its SHA-256.
 */
export async function emitBuild(result: CheckResult, options: BuildOptions, writer: OutputWriter): Promise<BuildReport> {
  const { config, lang, asOf } = options;
  emitCheck(result, writer);
  const logo = await registerLogo(config);
  const cache = options.cache ?? BuildCache.none();
  const { toolFingerprint } = await import('../incremental/tool-fingerprint.js');
  cache.setEnvironment(toolFingerprint(), options.toolVersion, lang, asOf, config, logo === null ? null : sha256(logo.bytes));
  const reportOptions: ReportOptions = { config, lang, asOf, logo: logo?.name ?? null, logoBytes: logo?.bytes ?? null };
  // The documents made from the summary are rendered from, and keyed on, the summary without
  // the input files' hashes (hashed piece by piece, never one string).
  const forDocuments: CheckResult = { ...result, summary: summaryForDocuments(result.summary) };
  const summaryKey = cache.key('summary', forDocuments.summary);
  // One pool for the whole build. The monthly packs are the longest documents: they go to the
  // workers first, and this thread writes everything else meanwhile; the filled forms queue
  // behind them on the same workers.
  const pool = 'pool' in options ? options.pool : createWorkerPool();
  try {
    const packs = await startComplaintPacks(
      result,
      { ...reportOptions, ...(options.months ? { months: options.months } : {}), ...(options.meetingDate ? { meetingDate: options.meetingDate } : {}) },
      writer,
      (done, total) => options.onProgress?.('reports', done, total),
      pool,
      cache,
    );
    const missingGlyphs = await emitFindingsAndForms(forDocuments, options, logo, writer, pool, cache, summaryKey);
    const analysis = result.rules.satisfaction;
    const surveyFindings = result.rules.findings.filter((f) => f.dataset === 'surveys');
    missingGlyphs.push(
      ...(await unit(cache, writer, 'reports/satisfaction', cache.key('satisfaction', analysis, surveyFindings, result.summary.customers), (w) =>
        emitSatisfactionReport(result, reportOptions, w),
      )),
    );
    missingGlyphs.push(
      ...(await unit(cache, writer, 'reports/management-review', cache.key('management-review', summaryKey), (w) =>
        emitManagementReview(forDocuments, reportOptions, w),
      )),
    );
    missingGlyphs.push(
      ...(await unit(cache, writer, 'reports/audit-readiness', cache.key('audit-readiness', summaryKey), (w) =>
        emitAuditReadiness(forDocuments, reportOptions, w),
      )),
    );
    // The due list is made from the rules' records, not the summary: keyed on the list it prints.
    const due = dueSoon(result, config, asOf, DEFAULT_DUE_DAYS);
    missingGlyphs.push(
      ...(await unit(cache, writer, 'reports/due', cache.key('due', due), (w) => emitDueList(result, reportOptions, w, DEFAULT_DUE_DAYS, due))),
    );
    missingGlyphs.push(
      ...(await unit(cache, writer, 'reports/customers', cache.key('customers', result.summary.customers), (w) =>
        emitCustomerHistories(result, reportOptions, w),
      )),
    );
    missingGlyphs.push(...(await packs.done));
    await emitManifest(result, options, writer);
    const stale = cache.stale(writer.written);
    writer.write(BUILD_STATE_PATH, cache.serialise());
    return { missingGlyphs, carried: cache.carried.length, rendered: cache.rendered.length, stale };
  } finally {
    if (!('pool' in options)) await pool?.close();
  }
}

/** A carried-over file: listed as written where it already is (see OutputWriter.carry). */
function carryFile(writer: OutputWriter, cache: BuildCache, path: string, bytes: Buffer): void {
  if (writer.carry && cache.source !== null) writer.carry(path, bytes, cache.source);
  else writer.write(path, bytes);
}

/**
 * One unit of output through the cache: carried over from the last build (its files written
 * again as they were) when its key is unchanged, else made by `make`, which writes its files
 * through the writer it is given (what it writes there are the unit's files).
 */
async function unit(
  cache: BuildCache,
  writer: OutputWriter,
  name: string,
  key: string,
  make: (writer: OutputWriter) => Promise<GlyphReport>,
): Promise<GlyphReport> {
  const carried = cache.take(name, key);
  if (carried) {
    for (const f of carried.files) carryFile(writer, cache, f.path, f.bytes);
    return carried.missingGlyphs;
  }
  const files: UnitFileMade[] = [];
  const recording: OutputWriter = {
    get written() {
      return writer.written;
    },
    write(path, data) {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      files.push({ path, bytes });
      return writer.write(path, bytes);
    },
    // A file streamed to disk (findings.xlsx) is recorded by its hash: its bytes are never held.
    async writeStream(path, produce) {
      const file = await writeStreamed(writer, path, produce);
      files.push({ path, sha256: file.sha256 });
      return file;
    },
  };
  const glyphs = await make(recording);
  cache.put(name, key, files, glyphs);
  return glyphs;
}

/** findings.xlsx, the blank form pack and (unless left out) the filled forms. */
async function emitFindingsAndForms(
  result: CheckResult,
  options: BuildOptions,
  logo: { name: string; bytes: Buffer } | null,
  writer: OutputWriter,
  pool: WorkerPool | undefined,
  cache: BuildCache,
  summaryKey: string,
): Promise<GlyphReport> {
  const { config, lang, asOf } = options;
  await unit(cache, writer, 'findings.xlsx', cache.key('findings.xlsx', summaryKey), async (w) => {
    await emitFindingsWorkbook(result, config, lang, w);
    return [];
  });

  const { loadFormCatalogue, selectForms } = await import('../forms/form-catalogue.js');
  const { renderBlankForms, renderFilledForms } = await import('../forms/render-forms.js');
  const { filledFormJobs } = await import('../forms/form-jobs.js');
  const templates = selectForms(loadFormCatalogue(), [], Object.keys(config.forms));
  // Records print what the data holds; the findings about them are in findings.xlsx and the audit report.
  const views = { config, lang, asOf };
  const renderContext = { config, lang, asOf, logo: logo?.name ?? null, logoBytes: logo?.bytes ?? null };
  // The blank forms depend on the templates, configuration, language and date only: the environment.
  const missingGlyphs: GlyphReport = [
    ...(await unit(
      cache,
      writer,
      'forms/blank',
      cache.key(
        'blank-forms',
        templates.map((t) => t.id),
      ),
      (w) => renderBlankForms(templates, renderContext, views, (path, bytes) => void w.write(path, bytes), 'forms/blank/'),
    )),
  ];
  if (options.filledForms) {
    const jobs = filledFormJobs(templates, result.rules, views);
    const carried = new Set<string>();
    const emit = (path: string, bytes: Buffer) => void (carried.has(path) ? carryFile(writer, cache, path, bytes) : writer.write(path, bytes));
    const onPool = async (task: RenderTask) => {
      const r = await runOnPool(pool, { kind: 'forms', task });
      if (r.kind !== 'forms') throw new Error(`a forms job came back as ${r.kind}`);
      return r.files;
    };
    missingGlyphs.push(
      ...(await renderFilledForms(
        jobs,
        renderContext,
        emit,
        (done, total) => options.onProgress?.('forms', done, total),
        pool ? onPool : undefined,
        formReuse(cache, carried),
      )),
    );
  }
  return missingGlyphs;
}

/**
 * The filled forms through the cache: a record's form is keyed by its template and view, a
 * combined form by its records' bytes. The paths carried over are added to `carried`.
 */
function formReuse(cache: BuildCache, carried: Set<string>): FormReuse {
  return {
    take: (file, template, view) => {
      const unit = cache.take(file, cache.key('form', digestOf(template), view));
      const bytes = unit?.files[0]?.bytes;
      if (bytes === undefined) return null;
      carried.add(file);
      return { bytes, missing: unit!.missingGlyphs[0]?.chars ?? [] };
    },
    put: (file, template, view, bytes, missing) =>
      cache.put(file, cache.key('form', digestOf(template), view), [{ path: file, bytes }], missing.length > 0 ? [{ file, chars: [...missing] }] : []),
    combined: (file, parts, make) => {
      const key = cache.key(
        'combined-form',
        file,
        parts.map((p) => sha256(p)),
      );
      const kept = cache.take(file, key)?.files[0]?.bytes;
      if (kept !== undefined) {
        carried.add(file);
        return kept;
      }
      const bytes = make();
      cache.put(file, key, [{ path: file, bytes }]);
      return bytes;
    },
  };
}

/** manifest.json: every file written so far with its SHA-256, the inputs, the configuration used. */
async function emitManifest(result: CheckResult, options: BuildOptions, writer: OutputWriter): Promise<void> {
  const { buildManifest } = await import('../emit/manifest.js');
  const manifest = buildManifest({
    tool: { name: 'qmsdoc', version: options.toolVersion },
    asOf: options.asOf,
    config: { ...options.configSource, values: configForManifest(options.config) },
    inputs: result.ingest.files,
    outputs: writer.written,
  });
  writeJson(writer, 'manifest.json', manifest);
}

/** Reads the configured logo into the PDF engine once: its image name and bytes, or null. */
export async function registerLogo(config: Config): Promise<{ name: string; bytes: Buffer } | null> {
  if (config.company.logo === null) return null;
  const { readFileSync } = await import('node:fs');
  const { registerImage } = await import('../render/pdf/pdf-engine.js');
  const bytes = readFileSync(config.company.logo);
  registerImage('company-logo', bytes);
  return { name: 'company-logo', bytes };
}

/**
 * The satisfaction analysis report of the checked period (reports/satisfaction-<period>.pdf) and
 * its workbook; nothing without survey data.
 */
export async function emitSatisfactionReport(result: CheckResult, options: ReportOptions, writer: OutputWriter): Promise<GlyphReport> {
  const { renderSatisfactionReport, satisfactionFileBase } = await import('../reports/render-satisfaction-report.js');
  const report = await renderSatisfactionReport({
    analysis: result.rules.satisfaction,
    findings: result.rules.findings,
    customers: result.summary.customers,
    ...options,
  });
  if (!report) return [];
  const base = `reports/${satisfactionFileBase(report.period)}`;
  writer.write(`${base}.pdf`, report.pdf);
  writer.write(`${base}.xlsx`, report.xlsx);
  return glyphReport(`${base}.pdf`, report.missingGlyphs);
}

/** Options every report takes. */
export interface ReportOptions {
  readonly config: Config;
  readonly lang: Lang;
  readonly asOf: string;
  /** The logo's image name in the PDF engine (registerLogo), or null. */
  readonly logo: string | null;
  /** The logo's bytes, for reports rendered on worker threads (null without a logo). */
  readonly logoBytes: Uint8Array | null;
}

function glyphReport(file: string, chars: readonly string[]): GlyphReport {
  return chars.length > 0 ? [{ file, chars: [...chars] }] : [];
}

/** What the monthly packs take besides the report options. */
export type PackOptions = ReportOptions & {
  readonly months?: readonly string[];
  /** The meeting day of the latest pack written: it shows the state on that day instead of the month's end. */
  readonly meetingDate?: string;
};

/**
 * The monthly complaint meeting packs (reports/complaints-YYYY-MM.pdf): the months given, or
 * every month with complaints up to the as-of date, the latest `reports.monthlyPacks` of them.
 */
export async function emitComplaintPacks(
  result: CheckResult,
  options: PackOptions,
  writer: OutputWriter,
  onProgress?: (done: number, total: number) => void,
  pool?: WorkerPool,
): Promise<GlyphReport> {
  return (await startComplaintPacks(result, options, writer, onProgress, pool)).done;
}

/**
 * Computes each pack's model and charts here and hands the layout and rendering to `pool`'s
 * worker threads (or does it here without a pool); resolves once every pack is handed over, with
 * `done`, which settles when every pack is written — so the caller can go on meanwhile.
 */
export async function startComplaintPacks(
  result: CheckResult,
  options: PackOptions,
  writer: OutputWriter,
  onProgress?: (done: number, total: number) => void,
  pool?: WorkerPool,
  cache: BuildCache = BuildCache.none(),
): Promise<{ readonly done: Promise<GlyphReport> }> {
  const { prepareComplaintMonth, renderComplaintMonthTask } = await import('../reports/render-complaint-month.js');
  const months = options.months ?? packMonths(result.rules, options.config.reports.monthlyPacks, options.asOf);
  const logo = options.logo !== null && options.logoBytes ? { name: options.logo, bytes: options.logoBytes } : null;
  const glyphs: GlyphReport = [];
  let written = 0;
  const keys = new Map<string, string>();
  const write = (pack: ComplaintMonthPdf) => {
    const file = `reports/complaints-${pack.month}.pdf`;
    const bytes = Buffer.from(pack.pdf.buffer, pack.pdf.byteOffset, pack.pdf.byteLength);
    writer.write(file, bytes);
    const packGlyphs = glyphReport(file, pack.missingGlyphs);
    glyphs.push(...packGlyphs);
    const key = keys.get(pack.month);
    if (key !== undefined) cache.put(file, key, [{ path: file, bytes }], packGlyphs);
    onProgress?.(++written, months.length);
  };
  const latest = months[months.length - 1];
  const options_ = (month: string) => ({ calendar: result.calendar, meetingDate: month === latest ? options.meetingDate : undefined });
  const models = new Map<string, ComplaintMonthModel>();
  const prepare = (month: string) => {
    const model = models.get(month);
    return prepareComplaintMonth({
      rules: result.rules,
      month,
      config: options.config,
      lang: options.lang,
      asOf: options.asOf,
      logo,
      ...options_(month),
      ...(model ? { model } : {}),
    });
  };
  const finish = () => glyphs.sort((a, b) => (a.file < b.file ? -1 : 1));
  // A pack is a function of its month's model (and the environment): unchanged months are carried over.
  const toRender: string[] = [];
  const cost = new Map<string, number>();
  for (const month of months) {
    if (!cache.active && pool === undefined) {
      toRender.push(month);
      continue;
    }
    const model = complaintMonth(result.rules, month, options.config, options.asOf, options_(month));
    models.set(month, model);
    cost.set(month, packCost(model));
    if (!cache.active) {
      toRender.push(month);
      continue;
    }
    const file = `reports/complaints-${month}.pdf`;
    const key = cache.key('complaint-month', model);
    const carried = cache.take(file, key);
    if (carried === null) {
      keys.set(month, key);
      toRender.push(month);
      continue;
    }
    for (const f of carried.files) carryFile(writer, cache, f.path, f.bytes);
    glyphs.push(...carried.missingGlyphs);
    onProgress?.(++written, months.length);
  }
  // Largest first: the pool is not left waiting on one long pack at the end.
  toRender.sort((a, b) => (cost.get(b) ?? 0) - (cost.get(a) ?? 0) || (a < b ? -1 : 1));
  // A worker loads the modules, fonts and chart fonts anew (about 2 s of CPU): a rebuild with a
  // pack or two to render does them here, where they are loaded already.
  if (pool === undefined || toRender.length < MIN_PACKS_FOR_WORKERS) {
    for (const month of toRender) write(await renderComplaintMonthTask(prepare(month)));
    return { done: Promise.resolve(finish()) };
  }
  const pending = toRender.map(async (month) => {
    // A pack whose worker ran out of memory (its heap is bounded) is rendered here instead.
    const r = await runOnPool(pool, { kind: 'complaint-month', task: prepare(month) });
    if (r.kind === 'complaint-month') write(r.pack);
  });
  const done = Promise.all(pending).then(finish);
  // Awaited by the caller later; a failure meanwhile must not count as unhandled.
  done.catch(() => undefined);
  return { done };
}

/** Below this many packs to render, starting a worker costs more than it saves (see startComplaintPacks). */
const MIN_PACKS_FOR_WORKERS = 3;

/** A pack's rendering cost, roughly: the rows its tables print. */
function packCost(model: ComplaintMonthModel): number {
  const tables = [model.complaints, model.openRows, model.major, model.returns, model.capaRows, model.repeats];
  return tables.reduce((n, table) => n + table.rows.length, 0);
}

/** The management review input report of the as-of year (reports/management-review-<year>.pdf). */
export async function emitManagementReview(result: CheckResult, options: ReportOptions, writer: OutputWriter): Promise<GlyphReport> {
  const { renderManagementReview } = await import('../reports/render-management-review.js');
  const report = await renderManagementReview({ summary: result.summary, config: options.config, lang: options.lang, logo: options.logo });
  const file = `reports/management-review-${report.year}.pdf`;
  writer.write(file, report.pdf);
  return glyphReport(file, report.missingGlyphs);
}

/** What falls due within the default window (reports/due-<as-of>.pdf), as `qmsdoc due` prints it. */
export async function emitDueList(
  result: CheckResult,
  options: ReportOptions,
  writer: OutputWriter,
  days = DEFAULT_DUE_DAYS,
  computed?: DueList,
): Promise<GlyphReport> {
  const { dueList } = await import('../compute/due-list.js');
  const { renderDue } = await import('../reports/render-due.js');
  const list = computed ?? dueList(result.rules, options.config, result.calendar, options.asOf, days);
  const report = await renderDue({ list, config: options.config, lang: options.lang, logo: options.logo });
  const file = `reports/due-${options.asOf}.pdf`;
  writer.write(file, report.pdf);
  return glyphReport(file, report.missingGlyphs);
}

/** The customer histories of the as-of year (reports/customers-<year>.pdf), from summary.json's `customers`. */
export async function emitCustomerHistories(result: CheckResult, options: ReportOptions, writer: OutputWriter): Promise<GlyphReport> {
  const { renderCustomerHistories, customerHistoriesFile } = await import('../reports/render-customer-histories.js');
  const { satisfactionFileBase } = await import('../reports/render-satisfaction-report.js');
  const period = result.summary.customers.period;
  const report = await renderCustomerHistories({
    customers: result.summary.customers,
    config: options.config,
    lang: options.lang,
    logo: options.logo,
    workbookName: period === null ? null : `${satisfactionFileBase(period)}.xlsx`,
  });
  const file = customerHistoriesFile(result.summary.customers.year);
  writer.write(file, report.pdf);
  return glyphReport(file, report.missingGlyphs);
}

/** The internal-audit readiness report (reports/audit-readiness-<as-of>.pdf). */
export async function emitAuditReadiness(result: CheckResult, options: ReportOptions, writer: OutputWriter): Promise<GlyphReport> {
  const { renderAuditReadiness } = await import('../reports/render-audit-readiness.js');
  const report = await renderAuditReadiness({ summary: result.summary, config: options.config, lang: options.lang, logo: options.logo });
  const file = `reports/audit-readiness-${options.asOf}.pdf`;
  writer.write(file, report.pdf);
  return glyphReport(file, report.missingGlyphs);
}

/** The configuration as used, for manifest.json: the logo by file name, so the manifest does not depend on the machine. */
function configForManifest(config: Config): Config {
  return config.company.logo === null ? config : { ...config, company: { ...config.company, logo: config.company.logo.split(/[\\/]/).pop() ?? '' } };
}
