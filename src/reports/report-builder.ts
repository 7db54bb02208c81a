import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { fillTextStrict } from '../document/fill-text.js';
import type { Lang } from '../model/lang.js';
import { controlledFurniture, PAGE_MARGINS, type ControlledDocument } from '../document/controlled-page.js';
import { PRIMARY_FONT } from '../render/pdf/font-set.js';
import { KEEP_TOGETHER_ROWS, keepHeadingsWithNext, LEAD_IN_FIRST, LEAD_IN_REST, reportTable } from './report-table.js';
import { MissingGlyphs, textNode, type TextStyle } from '../render/pdf/text-node.js';
import { measureOnce } from '../render/pdf/measure-once.js';
import { missingText, type ReportTexts } from './report-texts.js';

/** A heading placed inside an unbreakable block: no headline level and no page break of its own. */
function withoutHeadline(node: Content): Content {
  const { headlineLevel: _level, pageBreak: _break, ...rest } = node as { headlineLevel?: number; pageBreak?: string };
  return rest as Content;
}

export const CONTENT_WIDTH = 595.28 - PAGE_MARGINS[0] - PAGE_MARGINS[2];
export const WARN = '#c00000';

type Align = 'left' | 'center' | 'right';

export interface TableSpec {
  readonly widths?: readonly (number | '*' | 'auto')[];
  readonly align?: readonly Align[];
  readonly fontSize?: number;
  /** Where the rows a long table leaves out can be read (a workbook's name). */
  readonly fullListIn?: string;
  /** How many rows there are when the rows given are already cut (a pack's model holds only the rows it prints). */
  readonly total?: number;
}

/**
 * Builds a report's pdfmake content from its texts file: headings kept with what follows,
 * sentences filled from a computed view, tables with the texts' headers — cut at the configured
 * length with a line saying how many rows were left out and where they are — and charts.
 */
export class ReportBuilder {
  readonly content: Content[] = [];
  readonly missing = new MissingGlyphs();
  /** Table rows printed so far (see together). */
  private tableRows = 0;
  /**
   * Headings, and the sentences right after them, not yet placed: they go on the page of what
   * follows them. A short block takes them into one unbreakable stack; before a long table they
   * are marked as a lead-in that keepHeadingsWithNext moves with the table's first rows.
   * (pdfmake's pageBreakBefore alone cannot do it: an unbreakable block moved to the next page
   * still reports the positions it was first tried at.)
   */
  private pending: Content[] = [];

  constructor(
    readonly texts: ReportTexts,
    readonly lang: Lang,
    private readonly maxRows: number,
    /** Headings are listed in a contents table (see contents()). */
    private readonly withContents = false,
  ) {}

  /**
   * A sentence of the texts file, every placeholder filled from `context`. A key the file lacks,
   * or a placeholder the context lacks, is an error (a TemplateFileError naming the key): a
   * controlled document never prints "[key]" or a blank where a figure belongs.
   */
  say(key: string, context: object = {}): string {
    const source = this.texts.sentences[key];
    if (source === undefined) throw missingText(this.lang, `sentences.${key}`);
    try {
      return fillTextStrict(source, context);
    } catch (error) {
      throw missingText(this.lang, `sentences.${key}`, (error as Error).message.split('\n')[0]);
    }
  }

  /** A single word of the texts file; a missing one is an error. */
  word(key: string): string {
    const word = this.texts.words[key];
    if (word === undefined) throw missingText(this.lang, `words.${key}`);
    return word;
  }

  /** A heading of the texts file; a missing one is an error. */
  private headingText(key: string): string {
    const heading = this.texts.headings[key];
    if (heading === undefined) throw missingText(this.lang, `headings.${key}`);
    return heading;
  }

  text(text: string, style: TextStyle = {}): Content {
    return textNode(text, style, this.missing);
  }

  /** A section heading; listed in the contents when the document has one. */
  heading(key: string, options: { pageBreak?: boolean } = {}): this {
    this.closeSection();
    this.pending.push({
      ...textNode(this.headingText(key), { bold: true, fontSize: 13, margin: [0, 10, 0, 4] }, this.missing),
      headlineLevel: 1,
      ...(this.withContents ? { tocItem: true } : {}),
      ...(options.pageBreak ? { pageBreak: 'before' as const } : {}),
    });
    return this;
  }

  subheading(key: string): this {
    this.closeSection();
    this.pending.push({ ...textNode(this.headingText(key), { bold: true, fontSize: 11, margin: [0, 6, 0, 3] }, this.missing), headlineLevel: 2 });
    return this;
  }

  para(text: string, style: TextStyle = {}): this {
    const node = textNode(text, { margin: [0, 2, 0, 6], lineHeight: 1.3, ...style }, this.missing);
    if (this.pending.length > 0) this.pending.push(node);
    else this.content.push(node);
    return this;
  }

  /** Places `node` after the pending headings: with them on one page when it is short. */
  private place(node: Content, short: boolean): void {
    const pending = this.pending;
    this.pending = [];
    if (pending.length === 0) this.content.push(node);
    // Inside an unbreakable block headings must not ask for breaks of their own: their positions
    // are where the block was first tried, so they would break the page twice.
    else if (short) {
      // A page break asked for by the first heading is the block's (pdfmake drops a nested one).
      const pageBreak = (pending[0] as { pageBreak?: string }).pageBreak;
      const members = pending.map((p) => withoutHeadline(p));
      this.content.push({ stack: [...members, node], unbreakable: true, ...(pageBreak ? { pageBreak: 'before' as const } : {}) });
    } else this.content.push(...pending.map((p, i) => ({ ...(p as object), headlineLevel: i === 0 ? LEAD_IN_FIRST : LEAD_IN_REST }) as Content), node);
  }

  sentence(key: string, context: object = {}, style: TextStyle = {}): this {
    return this.para(this.say(key, context), style);
  }

  warning(key: string, context: object = {}): this {
    return this.sentence(key, context, { color: WARN, bold: true });
  }

  /** A table with the headers `tables[key]` (or the headers given); long ones are cut with a note. */
  table(headers: string | readonly string[], rows: readonly (readonly string[])[], spec: TableSpec = {}): this {
    const head = typeof headers === 'string' ? this.texts.tables[headers] : headers;
    if (head === undefined) throw missingText(this.lang, `tables.${String(headers)}`);
    const shown = rows.length > this.maxRows ? rows.slice(0, this.maxRows) : rows;
    this.tableRows += shown.length;
    const table = reportTable(head, shown, {
      ...(spec.widths ? { widths: spec.widths } : {}),
      ...(spec.align ? { align: spec.align } : {}),
      ...(spec.fontSize ? { fontSize: spec.fontSize } : {}),
      missing: this.missing,
    });
    this.place(table, shown.length <= KEEP_TOGETHER_ROWS);
    const total = Math.max(rows.length, spec.total ?? 0);
    if (shown.length < total) this.sentence('truncated', { shown: shown.length, total, where: spec.fullListIn ?? '' }, { italics: true, fontSize: 9 });
    return this;
  }

  /** The contents: every heading with its page number. */
  contents(titleKey: string): this {
    this.place(
      {
        toc: {
          title: textNode(this.headingText(titleKey), { bold: true, fontSize: 13, margin: [0, 10, 0, 8] }, this.missing),
          textMargin: [0, 3, 0, 3],
          textStyle: { fontSize: 11 },
        },
      } as Content,
      false,
    );
    return this;
  }

  /** A chart image across the page; nothing when the chart was left out. */
  chart(name: string | null): this {
    if (name !== null) this.place({ image: name, width: CONTENT_WIDTH, margin: [0, 4, 0, 6] }, true);
    return this;
  }

  /** What `build` adds is kept on one page (a lead sentence with its table) when its tables are short. */
  together(build: () => void): this {
    const start = this.content.length;
    const rowsBefore = this.tableRows;
    const pending = this.pending;
    this.pending = [];
    build();
    this.flush();
    const added = this.content.splice(start);
    const short = this.tableRows - rowsBefore <= KEEP_TOGETHER_ROWS;
    this.pending = pending;
    this.place(short ? { stack: added, unbreakable: true } : { stack: added }, short);
    return this;
  }

  /**
   * A label over what it labels (a group's name over its list): one unbreakable block when `short`,
   * else the label goes on the page of the body's first lines, as a heading does.
   */
  labelled(label: Content, body: Content, short: boolean): this {
    if (short) this.place({ stack: [label, body], unbreakable: true }, true);
    else {
      this.closeSection();
      this.pending.push({ ...(label as object), headlineLevel: 2 } as Content);
      this.place(body, false);
    }
    return this;
  }

  push(...content: Content[]): this {
    for (const node of content) this.place(node, true);
    return this;
  }

  /** A section of headings and sentences only ends where the next heading starts. */
  private closeSection(): void {
    if (this.pending.some((p) => (p as { headlineLevel?: number }).headlineLevel === undefined)) this.flush();
  }

  /** Places headings still waiting for content (a section ending in a heading). */
  private flush(): void {
    this.content.push(...this.pending);
    this.pending = [];
  }

  /** The document: the content under the controlled header and footer, dated by the as-of date. */
  document(
    controlled: Omit<ControlledDocument, 'lang' | 'contentWidth'>,
    asOf: string,
    subject: string,
  ): { definition: TDocumentDefinitions; missingGlyphs: string[] } {
    this.flush();
    // The last block's bottom margin is space before nothing: where the text just fits above the
    // footer, pdfmake would carry that margin alone onto a blank last page.
    const last = this.content[this.content.length - 1] as { margin?: [number, number, number, number] } | undefined;
    if (last && Array.isArray(last.margin) && last.margin.length === 4) last.margin = [last.margin[0], last.margin[1], last.margin[2], 0];
    // Each heading keepHeadingsWithNext moves costs pdfmake a layout pass: measured once, a pass only places.
    measureOnce();
    const { header, footer } = controlledFurniture({ ...controlled, lang: this.lang, contentWidth: CONTENT_WIDTH }, this.missing);
    const stamp = new Date(`${asOf}T00:00:00Z`);
    return {
      definition: {
        pageSize: 'A4',
        pageMargins: controlled.number === '' ? [PAGE_MARGINS[0], 84, PAGE_MARGINS[2], PAGE_MARGINS[3]] : PAGE_MARGINS,
        header,
        footer,
        content: this.content,
        pageBreakBefore: keepHeadingsWithNext,
        defaultStyle: { font: PRIMARY_FONT, fontSize: 10, lineHeight: 1.2 },
        info: {
          title: `${controlled.title} ${subject}`.trim(),
          author: controlled.company ?? '',
          subject: controlled.number || controlled.title,
          creator: 'qmsdoc',
          producer: 'qmsdoc',
          creationDate: stamp,
          modDate: stamp,
        },
      },
      missingGlyphs: [...this.missing.chars].sort(),
    };
  }
}
