import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Lang } from '../model/lang.js';
import { renderPdf } from '../render/pdf/pdf-engine.js';
import { PAGE_MARGINS } from '../render/pdf/controlled-page.js';
import { PRIMARY_FONT } from '../render/pdf/font-set.js';
import { MissingGlyphs, textNode } from '../render/pdf/text-node.js';
import { mergePdfs, pdfPageCount } from '../render/pdf/merge-pdfs.js';
import type { FormJob } from './form-jobs.js';
import type { FormTemplate } from './form-template.js';
import type { ViewContext } from './form-views.js';
import { blankView } from './form-views.js';
import { uniqueFileNames, safeFileName } from './file-names.js';
import { layoutForm } from './layout-form.js';
import { runRenderTask, type RenderedFile, type RenderTask, type RunRenderTask } from './render-task.js';
import { controlledFor, type FormRenderContext } from './render-form.js';

/** Receives each finished file (path relative to the output folder); the caller writes it. */
export type EmitFile = (relativePath: string, bytes: Buffer) => void;

/** Characters no font could draw, by the file they were in (printed as "?"). */
export type GlyphReport = { file: string; chars: string[] }[];

type FormView = Parameters<typeof layoutForm>[1];

/** Lays a form out (pdfmake annotates the nodes it lays out, so each render needs a fresh layout). */
function layout(template: FormTemplate, view: FormView, ctx: FormRenderContext) {
  return layoutForm(template, view, { lang: ctx.lang, asOf: ctx.asOf, controlled: controlledFor(template, ctx) });
}

/** The file name of a blank form: its number and title, e.g. "QR-XS-06 客户投诉处理记录表.pdf". */
export function blankFormFileName(template: FormTemplate, ctx: FormRenderContext): string {
  const c = controlledFor(template, ctx);
  return `${safeFileName(`${c.number} ${c.title}`.trim())}.pdf`;
}

const PACK = {
  zh: { title: '受控表单打印包', file: '受控表单打印包.pdf', columns: ['序号', '表单编号', '表单名称', '版本/版次', '生效日期', '保存期限', '页码'], date: '打印日期' },
  en: { title: 'Controlled forms print pack', file: 'Controlled forms print pack.pdf', columns: ['No.', 'Form No.', 'Title', 'Version', 'Effective', 'Retention', 'Page'], date: 'Printed' },
} as const satisfies Record<Lang, unknown>;

/**
 * Blank controlled forms: one PDF per form, and one print pack of them all behind a contents page
 * that lists number, title, version, effective date, retention and page.
 */
export async function renderBlankForms(templates: readonly FormTemplate[], ctx: FormRenderContext, views: ViewContext, emit: EmitFile, folder = ''): Promise<GlyphReport> {
  const report: GlyphReport = [];
  const pdfs: Buffer[] = [];
  for (const template of templates) {
    const { definition, missingGlyphs } = layout(template, blankView(template.source, views), ctx);
    const pdf = await renderPdf(definition);
    const file = `${folder}${blankFormFileName(template, ctx)}`;
    emit(file, pdf);
    if (missingGlyphs.length > 0) report.push({ file, chars: missingGlyphs });
    pdfs.push(pdf);
  }
  if (pdfs.length > 0) {
    const contents = await renderPdf(contentsPage(templates, pdfs.map(pdfPageCount), ctx));
    emit(`${folder}${PACK[ctx.lang].file}`, mergePdfs([contents, ...pdfs], { title: PACK[ctx.lang].title, author: ctx.config.company.name?.[ctx.lang] ?? '', date: ctx.asOf }));
  }
  return report;
}

function contentsPage(templates: readonly FormTemplate[], pageCounts: readonly number[], ctx: FormRenderContext): TDocumentDefinitions {
  const t = PACK[ctx.lang];
  const missing = new MissingGlyphs();
  let page = 2;
  const rows = templates.map((template, i) => {
    const c = controlledFor(template, ctx);
    const entry = ctx.config.forms[template.id];
    const row = [String(i + 1), c.number, c.title, c.version, entry?.effectiveDate ?? '', c.retention, String(page)].map((s) => textNode(s, { fontSize: 10 }, missing));
    page += pageCounts[i]!;
    return row;
  });
  const stamp = new Date(`${ctx.asOf}T00:00:00Z`);
  return {
    pageSize: 'A4',
    pageMargins: PAGE_MARGINS,
    info: { title: t.title, creator: 'qmsdoc', producer: 'qmsdoc', creationDate: stamp, modDate: stamp },
    defaultStyle: { font: PRIMARY_FONT, fontSize: 10 },
    header: () => ({
      margin: [PAGE_MARGINS[0], 36, PAGE_MARGINS[2], 0],
      stack: [textNode(ctx.config.company.name?.[ctx.lang] ?? '', { fontSize: 11, bold: true }, missing), textNode(t.title, { fontSize: 18, bold: true, alignment: 'center', margin: [0, 8, 0, 0] }, missing)],
    }),
    footer: () => ({ margin: [PAGE_MARGINS[0], 20, PAGE_MARGINS[2], 0], ...textNode(`${t.date}：${ctx.asOf}`, { fontSize: 8.5 }, missing) }),
    content: [
      {
        table: {
          headerRows: 1,
          widths: [28, 62, '*', 52, 62, 52, 32],
          body: [t.columns.map((h) => ({ ...textNode(h, { bold: true, fontSize: 9.5, alignment: 'center' as const }, missing), fillColor: '#eef1f5' })), ...rows],
        },
      },
    ],
  };
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
): Promise<GlyphReport> {
  const logo = ctx.logo !== null && ctx.logoBytes ? { name: ctx.logo, bytes: ctx.logoBytes } : null;
  const base = { config: ctx.config, lang: ctx.lang, asOf: ctx.asOf, logo };
  const tasks: RenderTask[] = [];
  const fileLists: { job: FormJob; files: string[] }[] = [];
  for (const job of jobs) {
    if (job.records.length === 0) continue;
    const files = uniqueFileNames(job.records.map((r) => r.id)).map((n) => `forms/${job.template.id}/${n}.pdf`);
    fileLists.push({ job, files });
    const views = job.records.map((r) => r.view);
    for (let i = 0; i < views.length; i += CHUNK) {
      tasks.push({ ...base, template: job.template, views: views.slice(i, i + CHUNK), files: files.slice(i, i + CHUNK) });
    }
  }
  const total = tasks.reduce((n, t) => n + t.views.length, 0);
  const rendered = new Map<string, Buffer>();
  const report: GlyphReport = [];
  const take = (files: readonly RenderedFile[]) => {
    for (const f of files) {
      const bytes = Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength);
      emit(f.path, bytes);
      rendered.set(f.path, bytes);
      if (f.missing.length > 0) report.push({ file: f.path, chars: [...f.missing] });
      onProgress?.(rendered.size, total);
    }
  };
  if (total < MIN_RECORDS_FOR_WORKERS || runTask === runRenderTask) for (const task of tasks) take(await runRenderTask(task));
  else await Promise.all(tasks.map(async (task) => take(await runTask(task))));
  for (const { job, files } of fileLists) {
    const title = controlledFor(job.template, ctx).title;
    emit(`forms/${job.template.id}.pdf`, mergePdfs(files.map((f) => rendered.get(f)!), { title, author: ctx.config.company.name?.[ctx.lang] ?? '', date: ctx.asOf }));
  }
  return report.sort((a, b) => (a.file < b.file ? -1 : 1));
}
