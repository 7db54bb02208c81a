import type { CanvasElement, Column, Content, ContentTable, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Lang } from '../model/lang.js';
import { controlledFurniture, PAGE_MARGINS, type ControlledDocument } from '../render/pdf/controlled-page.js';
import { FontSet, PRIMARY_FONT } from '../render/pdf/font-set.js';
import { MissingGlyphs, textNode } from '../render/pdf/text-node.js';
import { fillText } from './fill-text.js';
import type { FormTemplate, TemplateCell, TemplateSection, TemplateText } from './form-template.js';
import { valueAt } from './view-path.js';

/** A record's data as a form sees it: formatted texts, enum ids, booleans, lists. */
export type FormView = Readonly<Record<string, unknown>> & {
  /** True on a form filled from data: empty required tick boxes are then marked. */
  readonly filled: boolean;
  /** Messages of the rules' findings about the record, for a "findings" section. */
  readonly findings?: readonly string[];
};

export interface FormLayoutOptions {
  readonly lang: Lang;
  /** Header and footer furniture (title, number, version … already resolved). */
  readonly controlled: Omit<ControlledDocument, 'lang' | 'contentWidth'>;
  /** The as-of date; PDF metadata dates are fixed to it so output is byte-identical. */
  readonly asOf: string;
}

const A4 = { width: 595.28, height: 841.89 };
const LABEL_FILL = '#eef1f5';
const RED = '#c00000';
const LINE = '#000000';
/** Writing space for a handwritten value: 7 mm. */
const MIN_ROW_HEIGHT = 20;

const MISSING = { zh: '未填', en: 'missing' } as const;

/**
 * Lays a form template out for one view (a record, or the empty view of a blank form) as a
 * pdfmake document: controlled header and footer on every page, grids with shaded labels,
 * tick boxes drawn as vectors, writing areas, repeating tables whose header repeats on each page.
 */
export function layoutForm(template: FormTemplate, view: FormView, options: FormLayoutOptions): { definition: TDocumentDefinitions; missingGlyphs: string[] } {
  const { lang } = options;
  const landscape = template.orientation === 'landscape';
  const pageWidth = landscape ? A4.height : A4.width;
  const contentWidth = pageWidth - PAGE_MARGINS[0] - PAGE_MARGINS[2];
  const missing = new MissingGlyphs();
  const context = new LayoutContext(lang, view, missing, contentWidth);
  const content: Content[] = template.sections.flatMap((section) => context.section(section));
  const { header, footer } = controlledFurniture({ ...options.controlled, lang, contentWidth }, missing);
  const stamp = new Date(`${options.asOf}T00:00:00Z`);
  return {
    definition: {
      pageSize: 'A4',
      pageOrientation: template.orientation,
      pageMargins: PAGE_MARGINS,
      header,
      footer,
      content,
      defaultStyle: { font: PRIMARY_FONT, fontSize: 10, lineHeight: 1.15 },
      info: {
        title: `${options.controlled.number} ${options.controlled.title}`,
        author: options.controlled.company ?? '',
        subject: options.controlled.title,
        creator: 'qmsdoc',
        producer: 'qmsdoc',
        creationDate: stamp,
        modDate: stamp,
      },
    },
    missingGlyphs: [...missing.chars].sort(),
  };
}

class LayoutContext {
  constructor(
    private readonly lang: Lang,
    private readonly view: FormView,
    private readonly missing: MissingGlyphs,
    private readonly contentWidth: number,
  ) {}

  private fill(text: TemplateText, context: unknown = this.view): string {
    return fillText(text, this.lang, context);
  }

  private text(text: string, style: Parameters<typeof textNode>[1] = {}) {
    return textNode(text, style, this.missing);
  }

  section(section: TemplateSection): Content[] {
    switch (section.type) {
      case 'grid':
        return [...this.title(section.title), this.grid(section)];
      case 'table':
        return [...this.title(section.title), this.table(section)];
      case 'paragraph':
        return [this.text(this.fill(section.text), { fontSize: section.size === 'note' ? 8.5 : 10, margin: [0, 4, 0, 4], color: section.size === 'note' ? '#333333' : LINE })];
      case 'signatures':
        return [this.signatures(section.items)];
      case 'findings':
        return this.findings(section.title);
    }
  }

  private title(title: TemplateText | undefined): Content[] {
    return title === undefined ? [] : [this.text(this.fill(title), { bold: true, fontSize: 10.5, margin: [0, 5, 0, 3] })];
  }

  /** A grid of cells with spans; pdfmake wants placeholders where a span covers a position. */
  private grid(section: Extract<TemplateSection, { type: 'grid' }>): ContentTable {
    const columns = section.widths.length;
    const widths = resolveWidths(section.widths, this.contentWidth);
    const covered = new Set<string>();
    const body: TableCell[][] = [];
    const heights: number[] = [];
    section.rows.forEach((row, r) => {
      const cells: TableCell[] = [];
      let c = 0;
      const skipCovered = () => {
        while (c < columns && covered.has(`${r},${c}`)) {
          cells.push({});
          c++;
        }
      };
      for (const cell of row.cells) {
        skipCovered();
        if (c >= columns) break;
        const span = Math.min(cell.span, columns - c);
        for (let dr = 0; dr < cell.rowSpan; dr++) for (let dc = 0; dc < span; dc++) if (dr > 0 || dc > 0) covered.add(`${r + dr},${c + dc}`);
        const inner = spanWidth(widths, c, span);
        cells.push({ ...(this.cell(cell, inner) as object), ...(span > 1 ? { colSpan: span } : {}), ...(cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}) } as TableCell);
        for (let k = 1; k < span; k++) cells.push({});
        c += span;
      }
      skipCovered();
      while (cells.length < columns) cells.push({});
      body.push(cells);
      heights.push(row.height ?? MIN_ROW_HEIGHT);
    });
    return {
      table: { widths, body, heights, dontBreakRows: true },
      layout: gridLines(),
      margin: [0, 0, 0, 4],
    };
  }

  private cell(cell: TemplateCell, width: number): TableCell {
    if ('label' in cell) return { ...this.text(this.fill(cell.label), { fontSize: 9.5, margin: [0, 2, 0, 0] }), fillColor: LABEL_FILL };
    if ('value' in cell) {
      const value = this.fill(cell.value);
      if (value === '' && cell.required && this.view.filled) return this.text(MISSING[this.lang], { color: RED, bold: true, margin: [0, 2, 0, 0] });
      return this.text(value, { alignment: cell.align, bold: cell.bold, margin: [0, 2, 0, 0] });
    }
    if ('area' in cell) {
      const stack: Content[] = [];
      if (cell.caption !== undefined) stack.push(this.text(this.fill(cell.caption), { fontSize: 9, bold: true, margin: [0, 0, 0, 2] }));
      stack.push(this.text(this.fill(cell.area)));
      return { stack };
    }
    if ('checks' in cell) return this.checks(cell.checks, this.view, width);
    return {};
  }

  /**
   * Tick boxes: ☑ for the value, ☐ for the others, packed into as many lines as the cell's width
   * needs (labels are measured with the embedded font); "missing" in red when required and empty.
   */
  private checks(spec: Extract<TemplateCell, { checks: unknown }>['checks'], context: unknown, width: number): Content {
    const value = valueAt(context, spec.field);
    const fonts = FontSet.get();
    const items: { columns: Column[]; width: number }[] = this.optionsOf(spec).map((option) => {
      // A company's own label is printed as it is, never read as a template.
      const label = 'own' in option ? option.label : this.fill(option.label);
      const labelWidth = Math.min(fonts.measure(label, 10) + 3.5, Math.max(20, width - BOX_WIDTH));
      return {
        width: BOX_WIDTH + labelWidth + OPTION_GAP,
        columns: [
          { canvas: tickBox(value === option.value), width: BOX_WIDTH, margin: [0, 3.2, 0, 0] },
          { ...this.text(label), width: labelWidth, margin: [2, 1, 0, 0] },
        ],
      };
    });
    if (spec.required && this.view.filled && (value === null || value === undefined || value === '')) {
      const word = MISSING[this.lang];
      items.push({ width: fonts.measure(word, 10, true) + 2, columns: [{ ...this.text(word, { color: RED, bold: true }), width: fonts.measure(word, 10, true) + 2, margin: [0, 1, 0, 0] }] });
    }
    const lines: Column[][] = [[]];
    let used = 0;
    for (const item of items) {
      if (used > 0 && used + item.width - OPTION_GAP > width) {
        lines.push([]);
        used = 0;
      }
      const line = lines[lines.length - 1]!;
      if (used > 0) line.push({ text: '', width: OPTION_GAP });
      line.push(...item.columns);
      used += item.width;
    }
    return { stack: lines.map((columns) => ({ columns, columnGap: 0 })) };
  }

  /** The template's options with the view's further ones (`more`) in their place. */
  private optionsOf(spec: Extract<TemplateCell, { checks: unknown }>['checks']): ({ value: string | boolean; label: TemplateText } | { value: string; label: string; own: true })[] {
    const extra = spec.more === undefined ? null : valueAt(this.view, spec.more.from);
    if (!Array.isArray(extra) || extra.length === 0) return spec.options;
    const own = extra.flatMap((e: unknown) => {
      const { value, label } = (e ?? {}) as { value?: unknown; label?: unknown };
      return typeof value === 'string' && typeof label === 'string' ? [{ value, label, own: true as const }] : [];
    });
    const at = spec.options.findIndex((o) => o.value === spec.more?.before);
    return at < 0 ? [...spec.options, ...own] : [...spec.options.slice(0, at), ...own, ...spec.options.slice(at)];
  }

  /** A repeating table: header row repeated on every page; blank rows for writing by hand. */
  private table(section: Extract<TemplateSection, { type: 'table' }>): ContentTable {
    const widths = resolveWidths(section.columns.map((c) => c.width), this.contentWidth);
    const list = valueAt(this.view, section.items);
    const items = Array.isArray(list) ? list : [];
    const header: TableCell[] = section.columns.map((col) => ({ ...this.text(this.fill(col.header), { bold: true, fontSize: 9.5, alignment: 'center' }), fillColor: LABEL_FILL }));
    const body: TableCell[][] = [header];
    items.forEach((item, i) => {
      const context = { ...(item as object), no: i + 1, view: this.view };
      body.push(
        section.columns.map((col, k) => {
          if (col.checks) return this.checks(col.checks, context, widths[k]!) as TableCell;
          return this.text(col.value === undefined ? '' : this.fill(col.value, context), { alignment: col.align, fontSize: 9.5 });
        }),
      );
    });
    // Fixed lists (the six review questions) print as they are; an empty list gets writing rows.
    const blank = items.length === 0 ? section.blankRows : section.extraRows;
    for (let i = 0; i < blank; i++) {
      body.push(
        section.columns.map((col, k) => (col.checks ? (this.checks({ ...col.checks, required: false }, {}, widths[k]!) as TableCell) : { text: '' })),
      );
    }
    return {
      table: { headerRows: 1, dontBreakRows: true, widths, body, heights: body.map((_, row) => (row === 0 ? 20 : section.rowHeight)) },
      layout: gridLines(),
      margin: [0, 0, 0, 4],
    };
  }

  private signatures(items: readonly { label: TemplateText; name?: TemplateText | undefined; date?: TemplateText | undefined }[]): Content {
    const dateWord = this.lang === 'zh' ? '日期' : 'Date';
    return {
      columns: items.map((item) => {
        const name = item.name === undefined ? '' : this.fill(item.name);
        const date = item.date === undefined ? '' : this.fill(item.date);
        return {
          stack: [
            this.text(`${this.fill(item.label)}：${name || '______________'}`, { margin: [0, 0, 0, 6] }),
            this.text(`${dateWord}：${date || '______________'}`),
          ],
        };
      }),
      columnGap: 10,
      margin: [0, 12, 0, 4],
    };
  }

  /** The rules' findings about this record in a red-ruled box; nothing on a blank form. */
  private findings(title: TemplateText): Content[] {
    const findings = this.view.findings ?? [];
    if (findings.length === 0) return [];
    return [
      {
        table: {
          widths: ['*'],
          body: [[{ stack: [this.text(this.fill(title), { bold: true, color: RED, margin: [0, 0, 0, 3] }), ...findings.map((f) => this.text(`• ${f}`, { color: RED, fontSize: 9 }))] }]],
        },
        layout: { hLineColor: () => RED, vLineColor: () => RED, hLineWidth: () => 1, vLineWidth: () => 1, paddingLeft: () => 6, paddingRight: () => 6, paddingTop: () => 4, paddingBottom: () => 4 },
        margin: [0, 6, 0, 0],
        unbreakable: true,
      },
    ];
  }
}

/** Cell padding (left + right) and rule width of the grid layout below. */
const PADDING = 4;
const RULE = 0.7;
const BOX_WIDTH = 11;
const OPTION_GAP = 8;

/**
 * Column widths in points: fixed ones as given, the rest ("*", "auto") sharing what is left of
 * the printable width after paddings and rules. Fixed numbers let tick boxes be packed to fit.
 */
export function resolveWidths(widths: readonly (number | '*' | 'auto')[], contentWidth: number): number[] {
  const fixed = widths.reduce<number>((sum, w) => sum + (typeof w === 'number' ? w : 0), 0);
  const flexible = widths.filter((w) => typeof w !== 'number').length;
  const free = contentWidth - fixed - widths.length * 2 * PADDING - (widths.length + 1) * RULE;
  const share = flexible > 0 ? Math.max(20, free / flexible) : 0;
  return widths.map((w) => (typeof w === 'number' ? w : Math.floor(share * 100) / 100));
}

/** The inner width of a cell spanning `span` columns from `start`. */
function spanWidth(widths: readonly number[], start: number, span: number): number {
  let width = 0;
  for (let k = start; k < start + span; k++) width += widths[k] ?? 0;
  return width + (span - 1) * (2 * PADDING + RULE);
}

/** Thin full grid, the look of a printed form. */
function gridLines(): ContentTable['layout'] {
  return {
    hLineWidth: () => RULE,
    vLineWidth: () => RULE,
    hLineColor: () => LINE,
    vLineColor: () => LINE,
    paddingLeft: () => PADDING,
    paddingRight: () => PADDING,
    paddingTop: () => 3,
    paddingBottom: () => 3,
  };
}

/** A 8.5 pt square, with a tick drawn as two strokes when checked. */
function tickBox(checked: boolean): CanvasElement[] {
  const box: CanvasElement = { type: 'rect', x: 0, y: 0, w: 8.5, h: 8.5, lineWidth: 0.8, lineColor: LINE };
  if (!checked) return [box];
  return [box, { type: 'polyline', lineWidth: 1.4, lineColor: LINE, points: [{ x: 1.6, y: 4.4 }, { x: 3.6, y: 6.8 }, { x: 7.4, y: 1.6 }] }];
}
