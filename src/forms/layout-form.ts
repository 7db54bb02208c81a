import type { CanvasElement, Column, Content, ContentTable, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Lang } from '../model/lang.js';
import { controlledFurniture, PAGE_MARGINS, type ControlledDocument } from '../document/controlled-page.js';
import { FontSet, PRIMARY_FONT } from '../render/pdf/font-set.js';
import { fitFontSize } from '../render/pdf/fit-text.js';
import { MissingGlyphs, textNode } from '../render/pdf/text-node.js';
import { fillText } from '../document/fill-text.js';
import type { FormTemplate, TemplateCell, TemplateSection, TemplateText } from './form-template.js';
import { valueAt } from './view-path.js';
import { formText } from './form-text.js';

/** A record's data as a form sees it: formatted texts, enum ids, booleans, lists. */
export type FormView = Readonly<Record<string, unknown>> & {
  /** True on a form filled from data: empty required tick boxes are then marked. */
  readonly filled: boolean;
  /** Printed across every page (待补 on the blank of a record the data shows missing). */
  readonly watermark?: string;
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
/** Writing space for a handwritten value: at least 8 mm (22.7 pt). */
export const MIN_ROW_HEIGHT = 23;
/** Body text size of values and areas; long text shrinks down to MIN_TEXT_SIZE to fit its box. */
const TEXT_SIZE = 10;
const MIN_TEXT_SIZE = 7.5;

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
  // A blank internal form is a controlled document; filled, it is a record; a customer's copy is neither.
  const kind = template.audience === 'customer' ? 'customer' : view.filled ? 'record' : 'controlled';
  const { header, footer } = controlledFurniture({ ...options.controlled, kind, lang, contentWidth }, missing);
  const stamp = new Date(`${options.asOf}T00:00:00Z`);
  return {
    definition: {
      pageSize: 'A4',
      pageOrientation: template.orientation,
      pageMargins: PAGE_MARGINS,
      header,
      footer,
      content,
      ...(view.watermark ? { watermark: { text: view.watermark, font: PRIMARY_FONT, color: '#c00000', opacity: 0.18, bold: true, fontSize: 120 } } : {}),
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
      // A title stays with its grid, and with a short table: never alone at the foot of a page.
      // A title stays with its grid: grids are kept whole on a page.
      case 'grid':
        return this.breakBefore(section.pageBreakBefore, [{ stack: [...this.title(section.title), this.grid(section)], unbreakable: true }]);
      case 'table': {
        const table = this.table(section);
        const keep = table.table.body.length <= KEEP_TOGETHER_ROWS;
        return this.breakBefore(
          section.pageBreakBefore,
          keep ? [{ stack: [...this.title(section.title), table], unbreakable: true }] : [...this.title(section.title), table],
        );
      }
      case 'paragraph':
        return this.paragraph(section.text, section.size);
      case 'signatures':
        return [this.signatures(section.items)];
    }
  }

  private breakBefore(pageBreak: boolean, content: Content[]): Content[] {
    if (!pageBreak || content.length === 0) return content;
    return [{ stack: content, pageBreak: 'before' } as Content];
  }

  private title(title: TemplateText | undefined): Content[] {
    return title === undefined ? [] : [{ ...this.text(this.fill(title), { bold: true, fontSize: 10.5, margin: [0, 5, 0, 3] }) }];
  }

  /** A paragraph, left out when its text fills to nothing; a "notice" is boxed. */
  private paragraph(text: TemplateText, size: 'note' | 'body' | 'notice'): Content[] {
    const filled = this.fill(text).trim();
    if (filled === '') return [];
    if (size === 'notice') {
      return [
        {
          table: { widths: ['*'], body: [[this.text(filled, { fontSize: 9.5, bold: true, color: RED })]] },
          layout: {
            hLineColor: () => RED,
            vLineColor: () => RED,
            hLineWidth: () => 1,
            vLineWidth: () => 1,
            paddingLeft: () => 6,
            paddingRight: () => 6,
            paddingTop: () => 4,
            paddingBottom: () => 4,
          },
          margin: [0, 0, 0, 6],
        },
      ];
    }
    const fontSize = size === 'note' ? 8.5 : TEXT_SIZE;
    return [
      this.text(filled, {
        fontSize: fitFontSize(filled, this.contentWidth, fontSize, { minSize: fontSize - 1 }),
        margin: [0, 4, 0, 4],
        color: size === 'note' ? '#333333' : LINE,
      }),
    ];
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
        cells.push({
          ...(this.cell(cell, inner, row.height ?? MIN_ROW_HEIGHT) as object),
          ...(span > 1 ? { colSpan: span } : {}),
          ...(cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
        } as TableCell);
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

  private cell(cell: TemplateCell, width: number, height: number): TableCell {
    if ('label' in cell) {
      const label = this.fill(cell.label);
      return {
        ...this.text(label, { fontSize: fitFontSize(label, width - SLACK, 9.5, { minSize: 7, maxLines: linesIn(height, 9.5) }), margin: [0, 2, 0, 0] }),
        fillColor: LABEL_FILL,
      };
    }
    if ('value' in cell) {
      const value = this.fill(cell.value);
      return this.text(value, {
        alignment: cell.align,
        bold: cell.bold,
        fontSize: fitFontSize(value, width - SLACK, TEXT_SIZE, { bold: cell.bold, minSize: MIN_TEXT_SIZE, maxLines: linesIn(height, TEXT_SIZE) }),
        margin: [0, 2, 0, 0],
      });
    }
    if ('area' in cell) {
      const stack: Content[] = [];
      const caption = cell.caption === undefined ? '' : this.fill(cell.caption);
      if (caption !== '')
        stack.push(this.text(caption, { fontSize: fitFontSize(caption, width - SLACK, 9, { bold: true, minSize: 7 }), bold: true, margin: [0, 0, 0, 2] }));
      // Text shrinks to stay inside the writing box, so a filled record keeps its pages.
      const area = this.fill(cell.area);
      const room = cell.height - 6 - (caption === '' ? 0 : 13);
      const size = fitFontSize(area, width - SLACK, TEXT_SIZE, { minSize: MIN_TEXT_SIZE, maxLines: Math.max(1, Math.floor(room / (TEXT_SIZE * 1.2))) });
      const lines = Math.max(1, Math.floor(room / (size * 1.2)));
      stack.push(this.text(area, { fontSize: fitFontSize(area, width - SLACK, size, { minSize: MIN_TEXT_SIZE, maxLines: lines }) }));
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
      const labelWidth = Math.min(fonts.measure(label, TEXT_SIZE) + 3.5, Math.max(20, width - BOX_WIDTH));
      return {
        width: BOX_WIDTH + labelWidth + OPTION_GAP,
        columns: [
          { canvas: tickBox(value === option.value), width: BOX_WIDTH, margin: [0, 3.2, 0, 0] },
          { ...this.text(label), width: labelWidth, margin: [2, 1, 0, 0] },
        ],
      };
    });
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
  private optionsOf(
    spec: Extract<TemplateCell, { checks: unknown }>['checks'],
  ): ({ value: string | boolean; label: TemplateText } | { value: string; label: string; own: true })[] {
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
    const widths = resolveWidths(
      section.columns.map((c) => c.width),
      this.contentWidth,
    );
    const list = valueAt(this.view, section.items);
    const items = Array.isArray(list) ? list : [];
    const header: TableCell[] = section.columns.map((col, k) => {
      const text = this.fill(col.header);
      return {
        ...this.text(text, { bold: true, fontSize: fitFontSize(text, widths[k]! - SLACK, 9.5, { bold: true, minSize: 7 }), alignment: 'center' }),
        fillColor: LABEL_FILL,
      };
    });
    const body: TableCell[][] = [header];
    items.forEach((item, i) => {
      const context = { ...(item as object), no: i + 1, view: this.view };
      body.push(
        section.columns.map((col, k) => {
          if (col.checks) return this.checks(col.checks, context, widths[k]!) as TableCell;
          const text = col.value === undefined ? '' : this.fill(col.value, context);
          return this.text(text, {
            alignment: col.align,
            fontSize: fitFontSize(text, widths[k]! - SLACK, 9.5, { minSize: MIN_TEXT_SIZE, maxLines: linesIn(section.rowHeight, 9.5) }),
          });
        }),
      );
    });
    // Fixed lists (the six review questions) print as they are; an empty list gets writing rows.
    const blank = items.length === 0 ? section.blankRows : section.extraRows;
    for (let i = 0; i < blank; i++) {
      body.push(section.columns.map((col, k) => (col.checks ? (this.checks({ ...col.checks, required: false }, {}, widths[k]!) as TableCell) : { text: '' })));
    }
    return {
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths,
        body,
        heights: body.map((_, row) => (row === 0 ? 20 : Math.max(MIN_ROW_HEIGHT, section.rowHeight))),
      },
      layout: gridLines(),
      margin: [0, 0, 0, 4],
    };
  }

  private signatures(items: readonly { label: TemplateText; name?: TemplateText | undefined; date?: TemplateText | undefined }[]): Content {
    const dateWord = formText(this.lang)('signature.date');
    const colon = formText(this.lang)('signature.colon');
    return {
      columns: items.map((item) => {
        const name = item.name === undefined ? '' : this.fill(item.name);
        const date = item.date === undefined ? '' : this.fill(item.date);
        return {
          stack: [
            this.text(`${this.fill(item.label)}${colon}${name || '______________'}`, { margin: [0, 0, 0, 6] }),
            this.text(`${dateWord}${colon}${date || '______________'}`),
          ],
        };
      }),
      columnGap: 10,
      margin: [0, 8, 0, 0],
      unbreakable: true,
    };
  }
}

/** Lines of text at `size` that a row of `height` holds without growing (cell padding 3 + 3, margin 2). */
function linesIn(height: number, size: number): number {
  return Math.max(1, Math.floor((height - 8) / (size * 1.2)));
}

/** Cell padding (left + right) and rule width of the grid layout below. */
const PADDING = 4;
const RULE = 0.7;
const BOX_WIDTH = 11;
/** A table of up to this many rows (header included) is kept on one page with its title. */
const KEEP_TOGETHER_ROWS = 15;
/** Measured widths and the engine's differ by rounding; keep this much in hand. */
const SLACK = 1;
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
  return [
    box,
    {
      type: 'polyline',
      lineWidth: 1.4,
      lineColor: LINE,
      points: [
        { x: 1.6, y: 4.4 },
        { x: 3.6, y: 6.8 },
        { x: 7.4, y: 1.6 },
      ],
    },
  ];
}
