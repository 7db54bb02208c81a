import type { Column, Content, DynamicContent } from 'pdfmake/interfaces.js';
import type { Lang } from '../model/lang.js';
import { type MessageKey, messages } from '../text/messages.js';
import { punctuation } from '../text/punctuation.js';
import { textNode, type MissingGlyphs } from '../render/pdf/text-node.js';

/** What the header and footer of a controlled document (受控文件) show. */
export interface ControlledDocument {
  readonly lang: Lang;
  /** Null prints no company line. */
  readonly company: string | null;
  readonly title: string;
  /** Form number, e.g. QR-XS-06. */
  readonly number: string;
  /** 版本/版次, e.g. A/0. */
  readonly version: string;
  /** 发放号; empty leaves a line to write it in. */
  readonly issueNo: string;
  /** Empty leaves a line to write it in. */
  readonly effectiveDate: string;
  /** 保存期限, e.g. 3年. */
  readonly retention: string;
  /** Image name in pdfmake's virtual file system, or null. */
  readonly logo: string | null;
  /** Printable width of the page in points (for the rules under header and footer). */
  readonly contentWidth: number;
  /**
   * What the document is (default "controlled"): a controlled blank form or report carries the
   * 受控 stamp and the 编制/审核/批准 block; a filled "record" shows its form number and version
   * but is evidence, not a controlled document; a "customer" copy (the survey) shows neither,
   * only the form number as an internal tracking mark in the footer.
   */
  readonly kind?: 'controlled' | 'record' | 'customer';
  /** The first page's number in a print pack, printed beside 第 X 页 共 Y 页; absent outside a pack. */
  readonly packFirstPage?: number;
}

/** The keys of templates/messages/controlled-page.<lang>.json. */
type ControlledPageKey = MessageKey<typeof import('../../templates/messages/controlled-page.zh.json', { with: { type: 'json' }})>;

/** The page furniture's words in `lang` (templates/messages/controlled-page.*.json). */
function wordsOf(lang: Lang) {
  const t = messages<ControlledPageKey>('controlled-page', lang);
  return {
    number: t('number'),
    version: t('version'),
    issue: t('issue'),
    effective: t('effective'),
    page: (x: number, y: number) => t('page', { x, y }),
    packPage: (n: number) => t('packPage', { n }),
    tracking: t('tracking'),
    prepared: t('prepared'),
    reviewed: t('reviewed'),
    approved: t('approved'),
    date: t('date'),
    retention: (retention: string) => t('retention', { retention }),
    stamp: t('stamp'),
    /** The colon after a label: "：" / ": ". */
    colon: punctuation(lang).label(''),
  };
}

/** Page margins that leave room for the header and footer; office printers need ≥ 10 mm. */
export const PAGE_MARGINS: [number, number, number, number] = [40, 104, 40, 60];

const BLANK_LINE = '__________';
const SHORT_LINE = '________';
const RED = '#c00000';

/** The style name that marks header and footer nodes (pdfmake passes a node's style to pageBreakBefore). */
export const FURNITURE_STYLE = 'furniture';

/**
 * Marks every node of a header or footer: pdfmake lists them among a page's nodes, at positions of
 * their own, and keepHeadingsWithNext must not take them for body text.
 */
function markFurniture<T>(content: T): T {
  if (Array.isArray(content)) content.forEach(markFurniture);
  else if (content !== null && typeof content === 'object') {
    const node = content as { style?: unknown };
    node.style = node.style === undefined ? FURNITURE_STYLE : [FURNITURE_STYLE, ...(Array.isArray(node.style) ? node.style : [node.style])];
    for (const key of ['stack', 'columns', 'text'] as const) {
      const child = (content as Record<string, unknown>)[key];
      if (child !== null && typeof child === 'object') markFurniture(child);
    }
  }
  return content;
}

/**
 * The header of every page: company (and logo), the title, form number, version, issue number
 * and effective date, with the red 受控 stamp; the footer: prepared / reviewed / approved lines,
 * the retention period and 第 X 页 共 Y 页.
 */
export function controlledFurniture(doc: ControlledDocument, missing: MissingGlyphs): { header: DynamicContent; footer: DynamicContent } {
  const w = wordsOf(doc.lang);
  const small = { fontSize: 8.5 };
  const header: DynamicContent = () => markFurniture(headerContent());
  const headerContent = (): Content => {
    const company: Column[] = [];
    if (doc.logo) company.push({ image: doc.logo, fit: [90, 26], margin: [0, 0, 6, 0], width: 90 });
    company.push(textNode(doc.company ?? '', { fontSize: 11, bold: true, width: '*', margin: [0, 6, 0, 0] }, missing));
    const stampWidth = doc.lang === 'zh' ? 58 : 78;
    const stamp: Column = {
      stack: [
        {
          canvas: [
            { type: 'rect', x: 0, y: 0, w: stampWidth, h: 24, r: 3, lineWidth: 1.6, lineColor: RED },
            { type: 'rect', x: 2.5, y: 2.5, w: stampWidth - 5, h: 19, r: 2, lineWidth: 0.6, lineColor: RED },
          ],
        },
        textNode(
          w.stamp,
          {
            fontSize: doc.lang === 'zh' ? 12 : 8.5,
            bold: true,
            color: RED,
            alignment: 'center',
            relativePosition: { x: 0, y: doc.lang === 'zh' ? -22 : -18.5 },
          },
          missing,
        ),
      ],
      width: stampWidth,
    };
    const field = (label: string, value: string): Content => textNode(`${label}${w.colon}${value || BLANK_LINE}`, small, missing);
    const rule: Content = { canvas: [{ type: 'line', x1: 0, y1: 3, x2: doc.contentWidth, y2: 3, lineWidth: 1.2 }] };
    const title = textNode(doc.title, { fontSize: 17, bold: true, alignment: 'center', margin: [0, 4, 0, 6] }, missing);
    const kind = doc.kind ?? 'controlled';
    // A report not in the form register (no number) is a working document, and a customer's copy
    // is not a controlled document: no stamp, no form fields.
    if (doc.number === '' || kind === 'customer')
      return { margin: [PAGE_MARGINS[0], 22, PAGE_MARGINS[2], 0], stack: [{ columns: company, columnGap: 8 }, title, rule] };
    return {
      margin: [PAGE_MARGINS[0], 22, PAGE_MARGINS[2], 0],
      stack: [
        { columns: kind === 'controlled' ? [...company, stamp] : company, columnGap: 8 },
        title,
        {
          // A filled record names its form and version; issue number and effective date belong to the blank.
          columns:
            kind === 'controlled'
              ? [field(w.number, doc.number), field(w.version, doc.version), field(w.issue, doc.issueNo), field(w.effective, doc.effectiveDate)]
              : [field(w.number, doc.number), field(w.version, doc.version)],
          columnGap: 6,
        },
        rule,
      ],
    };
  };
  const footer: DynamicContent = (currentPage: number, pageCount: number) => markFurniture(footerContent(currentPage, pageCount));
  const footerContent = (currentPage: number, pageCount: number): Content => {
    const kind = doc.kind ?? 'controlled';
    const page =
      doc.packFirstPage === undefined
        ? w.page(currentPage, pageCount)
        : `${w.page(currentPage, pageCount)}　${w.packPage(doc.packFirstPage + currentPage - 1)}`;
    const left =
      kind === 'customer'
        ? doc.number === ''
          ? ''
          : `${w.tracking}${w.colon}${doc.number} ${doc.version}`.trim()
        : doc.retention === ''
          ? ''
          : w.retention(doc.retention);
    const stack: Content[] = [{ canvas: [{ type: 'line', x1: 0, y1: 0, x2: doc.contentWidth, y2: 0, lineWidth: 0.6 }] }];
    if (kind === 'controlled') {
      stack.push({
        columns: [w.prepared, w.reviewed, w.approved].map((role) =>
          textNode(`${role}${w.colon}${BLANK_LINE}  ${w.date}${w.colon}${SHORT_LINE}`, { fontSize: 9 }, missing),
        ),
        columnGap: 8,
        margin: [0, 6, 0, 4],
      });
    }
    stack.push({
      columns: [textNode(left, small, missing), textNode(page, { ...small, alignment: 'right' }, missing)],
      margin: [0, kind === 'controlled' ? 0 : 6, 0, 0],
    });
    return { margin: [PAGE_MARGINS[0], 8, PAGE_MARGINS[2], 0], stack };
  };
  return { header, footer };
}
