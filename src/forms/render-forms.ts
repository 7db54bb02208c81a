import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { formText } from './form-text.js';
import type { Lang } from '../model/lang.js';
import { renderPdf } from '../render/pdf/pdf-engine.js';
import { PAGE_MARGINS } from '../document/controlled-page.js';
import { PRIMARY_FONT } from '../render/pdf/font-set.js';
import { fitFontSize } from '../render/pdf/fit-text.js';
import { MissingGlyphs, textNode } from '../render/pdf/text-node.js';
import { punctuation } from '../text/punctuation.js';
import { mergePdfs, pdfPageCount } from '../render/pdf/merge-pdfs.js';
import type { FormJob } from './form-jobs.js';
import type { FormTemplate } from './form-template.js';
import type { ViewContext } from './form-views.js';
import { blankView } from './form-views.js';
import { uniqueFileNames, safeFileName } from '../document/file-names.js';
import { layoutForm } from './layout-form.js';
import { runRenderTask, type RenderedFile, type RenderTask, type RunRenderTask } from './render-task.js';
import { controlledDocument } from '../document/controlled-document.js';
import { controlledFor, type FormRenderContext } from './render-form.js';

/** Receives each finished file (path relative to the output folder); the caller writes it. */
export type EmitFile = (relativePath: string, bytes: Buffer) => void;

/** Characters no font could draw, by the file they were in (printed as "?"). */
export type GlyphReport = { file: string; chars: string[] }[];

type FormView = Parameters<typeof layoutForm>[1];

/** Lays a form out (pdfmake annotates the nodes it lays out, so each render needs a fresh layout). */
function layout(template: FormTemplate, view: FormView, ctx: FormRenderContext, packFirstPage?: number) {
  const controlled = controlledFor(template, ctx);
  return layoutForm(template, view, {
    lang: ctx.lang,
    asOf: ctx.asOf,
    controlled: packFirstPage === undefined ? controlled : { ...controlled, packFirstPage },
  });
}

/** The file name of a blank form: its number and title, e.g. "QR-XS-06 客户投诉处理记录表.pdf". */
export function blankFormFileName(template: FormTemplate, ctx: FormRenderContext): string {
  const c = controlledFor(template, ctx);
  // "Phone / Fax Log" reads as "Phone-Fax Log", not "Phone _ Fax Log".
  return `${safeFileName(`${c.number} ${c.title.replace(/\s+\/\s+/g, '-')}`.trim())}.pdf`;
}

/** The print pack's words in `lang` (forms.*.json `printPack`). */
function packWords(lang: Lang) {
  const t = formText(lang);
  return {
    title: t('printPack.title'),
    file: t('printPack.file'),
    contents: t('printPack.contents'),
    columns: (['no', 'number', 'title', 'version', 'effective', 'retention', 'page'] as const).map((c) => t(`printPack.columns.${c}`)),
    // The data's as-of date, not the day it is printed (the tool never reads the clock).
    date: t('printPack.date'),
    report: t('printPack.report'),
    notInPack: t('printPack.notInPack'),
  };
}

/** Columns of the contents page: no., number, title, version, effective, retention, page. */
const CONTENTS_WIDTHS = [28, 62, '*', 52, 62, 52, 52] as const;

/** Register ids that are reports rather than forms to print blank. */
const REPORT_IDS = new Set(['satisfaction_report']);

/**
 * Blank controlled forms: one PDF per form, and one print pack of them all behind a contents page
 * that lists every form of the register with number, title, version, effective date, retention
 * and its page in the pack. In the pack each form's footer adds the pack's page number to its own
 * 第 X 页 共 Y 页, and the PDF outline has a bookmark per form.
 */
export async function renderBlankForms(
  templates: readonly FormTemplate[],
  ctx: FormRenderContext,
  views: ViewContext,
  emit: EmitFile,
  folder = '',
): Promise<GlyphReport> {
  const report: GlyphReport = [];
  const pageCounts: number[] = [];
  for (const template of templates) {
    const { definition, missingGlyphs } = layout(template, blankView(template.source, views), ctx);
    const pdf = await renderPdf(definition);
    const file = `${folder}${blankFormFileName(template, ctx)}`;
    emit(file, pdf);
    if (missingGlyphs.length > 0) report.push({ file, chars: missingGlyphs });
    pageCounts.push(pdfPageCount(pdf));
  }
  if (templates.length === 0) return report;
  // The contents may take more than one page when the register is long: lay it out until its length settles.
  let contentsPages = 1;
  let contents = await renderPdf(contentsPage(templates, pageCounts, contentsPages, ctx));
  while (pdfPageCount(contents) !== contentsPages) {
    contentsPages = pdfPageCount(contents);
    contents = await renderPdf(contentsPage(templates, pageCounts, contentsPages, ctx));
  }
  const packed: Buffer[] = [];
  let page = contentsPages + 1;
  for (const [i, template] of templates.entries()) {
    packed.push(await renderPdf(layout(template, blankView(template.source, views), ctx, page).definition));
    page += pageCounts[i]!;
  }
  const t = packWords(ctx.lang);
  const outline = [{ title: t.contents, document: 0 }, ...templates.map((template, i) => ({ title: outlineTitle(template, ctx), document: i + 1 }))];
  emit(`${folder}${t.file}`, mergePdfs([contents, ...packed], { title: t.title, author: ctx.config.company.name?.[ctx.lang] ?? '', date: ctx.asOf, outline }));
  return report;
}

/** A form's bookmark: its number and title. */
function outlineTitle(template: FormTemplate, ctx: FormRenderContext): string {
  const c = controlledFor(template, ctx);
  return `${c.number} ${c.title}`.trim();
}

function contentsPage(templates: readonly FormTemplate[], pageCounts: readonly number[], contentsPages: number, ctx: FormRenderContext): TDocumentDefinitions {
  const t = packWords(ctx.lang);
  const missing = new MissingGlyphs();
  const firstPage = new Map<string, number>();
  let page = contentsPages + 1;
  templates.forEach((template, i) => {
    firstPage.set(template.id, page);
    page += pageCounts[i]!;
  });
  // Every form of the register, then any template the register does not know.
  const ids = [...Object.keys(ctx.config.forms), ...templates.map((x) => x.id).filter((id) => !(id in ctx.config.forms))];
  const rows = ids.map((id, i) => {
    const template = templates.find((x) => x.id === id);
    const entry = ctx.config.forms[id];
    const c = template ? controlledFor(template, ctx) : controlledDocument(id, entry?.title?.[ctx.lang] ?? id, ctx);
    const where = firstPage.get(id);
    const pageText = where !== undefined ? String(where) : REPORT_IDS.has(id) ? t.report : t.notInPack;
    return [String(i + 1), c.number, c.title, c.version, entry?.effectiveDate ?? '', c.retention, pageText].map((s, k) =>
      textNode(s, { fontSize: CONTENTS_WIDTHS[k] === '*' ? 10 : fitFontSize(s, (CONTENTS_WIDTHS[k] as number) - 1, 10, { maxLines: 1 }) }, missing),
    );
  });
  const stamp = new Date(`${ctx.asOf}T00:00:00Z`);
  return {
    pageSize: 'A4',
    pageMargins: PAGE_MARGINS,
    info: { title: t.title, creator: 'qmsdoc', producer: 'qmsdoc', creationDate: stamp, modDate: stamp },
    defaultStyle: { font: PRIMARY_FONT, fontSize: 10 },
    header: () => ({
      margin: [PAGE_MARGINS[0], 36, PAGE_MARGINS[2], 0],
      stack: [
        textNode(ctx.config.company.name?.[ctx.lang] ?? '', { fontSize: 11, bold: true }, missing),
        textNode(t.title, { fontSize: 18, bold: true, alignment: 'center', margin: [0, 8, 0, 0] }, missing),
      ],
    }),
    footer: (current: number) => ({
      margin: [PAGE_MARGINS[0], 20, PAGE_MARGINS[2], 0],
      columns: [
        textNode(`${punctuation(ctx.lang).label(t.date)}${ctx.asOf}`, { fontSize: 8.5 }, missing),
        textNode(String(current), { fontSize: 8.5, alignment: 'right' }, missing),
      ],
    }),
    content: [
      {
        table: {
          headerRows: 1,
          widths: [...CONTENTS_WIDTHS],
          body: [
            t.columns.map((h, k) => ({
              ...textNode(
                h,
                {
                  bold: true,
                  fontSize: CONTENTS_WIDTHS[k] === '*' ? 9.5 : fitFontSize(h, (CONTENTS_WIDTHS[k] as number) - 1, 9.5, { bold: true, maxLines: 1 }),
                  alignment: 'center' as const,
                },
                missing,
              ),
              fillColor: '#eef1f5',
            })),
            ...rows,
          ],
        },
      },
    ],
  };
}

/**
 * Lets an incremental build skip records whose form it already has (see BuildCache): take() gives
 * the bytes of an unchanged record's PDF, put() hears of each one rendered, and combined() makes
 * or carries over a form's combined PDF from its records' bytes.
 */
export interface FormReuse {
  take(file: string, template: FormTemplate, view: FormView): { bytes: Buffer; missing: readonly string[] } | null;
  put(file: string, template: FormTemplate, view: FormView, bytes: Buffer, missing: readonly string[]): void;
  combined(file: string, parts: readonly Buffer[], make: () => Buffer): Buffer;
}

/** Records per task handed to a worker: enough to amortise a message, few enough to balance. */
const CHUNK = 25;
/** Below this many records, starting workers (each loads the fonts) costs more than it saves. */
const MIN_RECORDS_FOR_WORKERS = 60;

/**
 * Filled forms: one PDF per record under <form id>/<record id>.pdf (names made safe and unique),
 * rendered by `runTask` (the caller's worker pool) when there are many, else in this thread, and
 * one combined PDF per form, <form id>.pdf, bound from the records' PDFs in record order.
 * `onProgress` is told as records are done.
 */
export async function renderFilledForms(
  jobs: readonly FormJob[],
  ctx: FormRenderContext & { readonly logoBytes?: Uint8Array | null },
  emit: EmitFile,
  onProgress?: (done: number, total: number) => void,
  runTask: RunRenderTask = runRenderTask,
  reuse?: FormReuse,
): Promise<GlyphReport> {
  const logo = ctx.logo !== null && ctx.logoBytes ? { name: ctx.logo, bytes: ctx.logoBytes } : null;
  const base = { config: ctx.config, lang: ctx.lang, asOf: ctx.asOf, logo };
  const tasks: RenderTask[] = [];
  const fileLists: { job: FormJob; files: string[] }[] = [];
  const rendered = new Map<string, Buffer>();
  const report: GlyphReport = [];
  const viewOf = new Map<string, { template: FormTemplate; view: FormView }>();
  for (const job of jobs) {
    if (job.records.length === 0) continue;
    const allFiles = uniqueFileNames(job.records.map((r) => r.id)).map((n) => `forms/${job.template.id}/${n}.pdf`);
    fileLists.push({ job, files: allFiles });
    const views: FormView[] = [];
    const files: string[] = [];
    for (const [i, record] of job.records.entries()) {
      const file = allFiles[i]!;
      const kept = reuse?.take(file, job.template, record.view);
      if (kept) {
        emit(file, kept.bytes);
        rendered.set(file, kept.bytes);
        if (kept.missing.length > 0) report.push({ file, chars: [...kept.missing] });
        continue;
      }
      views.push(record.view);
      files.push(file);
      viewOf.set(file, { template: job.template, view: record.view });
    }
    for (let i = 0; i < views.length; i += CHUNK) {
      tasks.push({ ...base, template: job.template, views: views.slice(i, i + CHUNK), files: files.slice(i, i + CHUNK) });
    }
  }
  const total = tasks.reduce((n, t) => n + t.views.length, 0);
  let done = 0;
  const take = (files: readonly RenderedFile[]) => {
    for (const f of files) {
      const bytes = Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength);
      emit(f.path, bytes);
      rendered.set(f.path, bytes);
      if (f.missing.length > 0) report.push({ file: f.path, chars: [...f.missing] });
      const source = viewOf.get(f.path);
      if (source) reuse?.put(f.path, source.template, source.view, bytes, f.missing);
      onProgress?.(++done, total);
    }
  };
  if (total < MIN_RECORDS_FOR_WORKERS || runTask === runRenderTask) for (const task of tasks) take(await runRenderTask(task));
  else await Promise.all(tasks.map(async (task) => take(await runTask(task))));
  for (const { job, files } of fileLists) {
    const title = controlledFor(job.template, ctx).title;
    const parts = files.map((f) => rendered.get(f)!);
    const file = `forms/${job.template.id}.pdf`;
    // One bookmark per record, named by its id, so a 118-record file can be navigated.
    const outline = job.records.map((r, i) => ({ title: r.id, document: i }));
    const make = () => mergePdfs(parts, { title, author: ctx.config.company.name?.[ctx.lang] ?? '', date: ctx.asOf, outline });
    emit(file, reuse ? reuse.combined(file, parts, make) : make());
  }
  return report.sort((a, b) => (a.file < b.file ? -1 : 1));
}
