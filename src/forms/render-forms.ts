import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Lang } from '../model/lang.js';
import { renderPdf } from '../render/pdf/pdf-engine.js';
import { PAGE_MARGINS } from '../render/pdf/controlled-page.js';
import { PRIMARY_FONT } from '../render/pdf/font-set.js';
import { MissingGlyphs, textNode } from '../render/pdf/text-node.js';
import { combineForms, pdfPageCount, type CombinePart } from './combine-forms.js';
import type { FormJob } from './form-jobs.js';
import type { FormTemplate } from './form-template.js';
import type { ViewContext } from './form-views.js';
import { blankView } from './form-views.js';
import { uniqueFileNames, safeFileName } from './file-names.js';
import { layoutForm } from './layout-form.js';
import { controlledFor, type FormRenderContext } from './render-form.js';

/** Receives each finished file (path relative to the output folder); the caller writes it. */
export type EmitFile = (relativePath: string, bytes: Buffer) => void;

/** Characters no font could draw, by the file they were in (printed as "?"). */
export type GlyphReport = { file: string; chars: string[] }[];

interface RenderedPart {
  readonly pdf: Buffer;
  readonly pageCount: number;
  readonly missing: string[];
  /** A fresh layout for binding into a combined PDF (pdfmake annotates the nodes it lays out). */
  readonly layout: () => TDocumentDefinitions;
}

async function renderPart(template: FormTemplate, view: Parameters<typeof layoutForm>[1], ctx: FormRenderContext): Promise<RenderedPart> {
  const layout = () => layoutForm(template, view, { lang: ctx.lang, asOf: ctx.asOf, controlled: controlledFor(template, ctx) });
  const { definition, missingGlyphs } = layout();
  const pdf = await renderPdf(definition);
  return { pdf, pageCount: pdfPageCount(pdf), missing: missingGlyphs, layout: () => layout().definition };
}

/** The parts, laid out afresh, as pieces of one combined document. */
function combineParts(parts: readonly RenderedPart[], front?: CombinePart): TDocumentDefinitions {
  return combineForms(
    parts.map((p) => ({ definition: p.layout(), pageCount: p.pageCount })),
    front,
  );
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
  const parts: RenderedPart[] = [];
  for (const template of templates) {
    const part = await renderPart(template, blankView(template.source, views), ctx);
    const file = `${folder}${blankFormFileName(template, ctx)}`;
    emit(file, part.pdf);
    if (part.missing.length > 0) report.push({ file, chars: part.missing });
    parts.push(part);
  }
  if (parts.length > 0) {
    const front = contentsPage(templates, parts, ctx);
    emit(`${folder}${PACK[ctx.lang].file}`, await renderPdf(combineParts(parts, front)));
  }
  return report;
}

function contentsPage(templates: readonly FormTemplate[], parts: readonly RenderedPart[], ctx: FormRenderContext): CombinePart {
  const t = PACK[ctx.lang];
  const missing = new MissingGlyphs();
  let page = 2;
  const rows = templates.map((template, i) => {
    const c = controlledFor(template, ctx);
    const entry = ctx.config.forms[template.id];
    const row = [String(i + 1), c.number, c.title, c.version, entry?.effectiveDate ?? '', c.retention, String(page)].map((s) => textNode(s, { fontSize: 10 }, missing));
    page += parts[i]!.pageCount;
    return row;
  });
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: PAGE_MARGINS,
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
  return { definition, pageCount: 1 };
}

/**
 * Filled forms: one PDF per record under <form id>/<record id>.pdf (names made safe and unique),
 * and one combined PDF per form, <form id>.pdf. `onProgress` is told after each record.
 */
export async function renderFilledForms(jobs: readonly FormJob[], ctx: FormRenderContext, emit: EmitFile, onProgress?: (done: number, total: number) => void): Promise<GlyphReport> {
  const report: GlyphReport = [];
  const total = jobs.reduce((n, j) => n + j.records.length, 0);
  let done = 0;
  for (const job of jobs) {
    if (job.records.length === 0) continue;
    const names = uniqueFileNames(job.records.map((r) => r.id));
    const parts: RenderedPart[] = [];
    for (const [i, record] of job.records.entries()) {
      const part = await renderPart(job.template, record.view, ctx);
      const file = `forms/${job.template.id}/${names[i]}.pdf`;
      emit(file, part.pdf);
      if (part.missing.length > 0) report.push({ file, chars: part.missing });
      parts.push(part);
      onProgress?.(++done, total);
    }
    emit(`forms/${job.template.id}.pdf`, await renderPdf(combineParts(parts)));
  }
  return report;
}
