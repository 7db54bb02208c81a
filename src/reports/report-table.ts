import type { Content, ContentTable, Node, NodeQueries, TableCell } from 'pdfmake/interfaces.js';
import { FURNITURE_STYLE } from '../document/controlled-page.js';
import { fitFontSize } from '../render/pdf/fit-text.js';
import { textNode, type MissingGlyphs } from '../render/pdf/text-node.js';

const HEADER_FILL = '#eef1f5';
/** Marks header cells: a heading is not kept with a table's header row alone (keepHeadingsWithNext). */
const HEADER_STYLE = 'tableHeader';
/** Tables of up to this many rows are kept on one page rather than split with a repeated header. */
export const KEEP_TOGETHER_ROWS = 14;

/**
 * A plain report table: shaded header repeated on every page, thin rules, numbers aligned right;
 * a short table is never split.
 * `align` gives each column's alignment (default left).
 */
export function reportTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  options: {
    widths?: readonly (number | '*' | 'auto')[];
    align?: readonly ('left' | 'center' | 'right')[];
    fontSize?: number;
    missing?: MissingGlyphs;
    contentWidth?: number;
  } = {},
): Content {
  const fontSize = options.fontSize ?? 9.5;
  const widths = options.widths ?? headers.map(() => '*' as const);
  // A cell's text shrinks (down to 7 pt) rather than have a word cut across lines ("Catego/ry").
  const inner = innerWidths(widths, options.contentWidth ?? PORTRAIT_CONTENT_WIDTH);
  const size = (text: string, i: number, bold = false) =>
    inner[i] === undefined ? fontSize : fitFontSize(text, inner[i]! - 1, fontSize, { bold, minSize: Math.min(fontSize, 7) });
  const header: TableCell[] = headers.map((h, i) => ({
    ...textNode(h, { bold: true, fontSize: size(h, i, true), alignment: 'center' }, options.missing),
    fillColor: HEADER_FILL,
    style: HEADER_STYLE,
  }));
  const body: TableCell[][] = [
    header,
    ...rows.map((row) => row.map((cell, i) => textNode(cell, { fontSize: size(cell, i), alignment: options.align?.[i] ?? 'left' }, options.missing))),
  ];
  const table: ContentTable = {
    table: { headerRows: 1, keepWithHeaderRows: 1, dontBreakRows: true, widths: widths as never, body },
    layout: {
      hLineWidth: () => 0.6,
      vLineWidth: () => 0.6,
      hLineColor: () => '#000000',
      vLineColor: () => '#000000',
      paddingLeft: () => 4,
      paddingRight: () => 4,
      paddingTop: () => 2.5,
      paddingBottom: () => 2.5,
    },
    margin: [0, 2, 0, 6],
  };
  return rows.length <= KEEP_TOGETHER_ROWS ? { stack: [table], unbreakable: true } : table;
}

/** Printable width of an A4 portrait page between the standard margins. */
const PORTRAIT_CONTENT_WIDTH = 595.28 - 80;
const CELL_PADDING = 8;

/**
 * The text width inside each column: fixed widths less padding; "*" columns share what is left;
 * "auto" columns size to their content, so they are not fitted (undefined).
 */
function innerWidths(widths: readonly (number | '*' | 'auto')[], contentWidth: number): (number | undefined)[] {
  const fixed = widths.reduce<number>((sum, w) => sum + (typeof w === 'number' ? w + CELL_PADDING : 0), 0);
  const stars = widths.filter((w) => w === '*').length;
  const autos = widths.some((w) => w === 'auto');
  const share = stars > 0 && !autos ? (contentWidth - fixed) / stars - CELL_PADDING : undefined;
  return widths.map((w) => (typeof w === 'number' ? w : w === '*' ? share : undefined));
}

/**
 * headlineLevel of the first node of a lead-in (headings and sentences) to a long table, and of the
 * others: the lead-in goes to the next page unless the table's first rows fit under it.
 */
export const LEAD_IN_FIRST = 7;
export const LEAD_IN_REST = 8;
/** Room a long table needs under its lead-in on the same page: the header and a three-line row, in points. */
const TABLE_START = 70;

/**
 * pdfmake's pageBreakBefore hook that keeps headings with what follows them: a node marked with a
 * headlineLevel moves to the next page when nothing but headings would be drawn below it on this
 * one. Containers (stacks, tables) do not count: an unbreakable one pushed to the next page still
 * lists the page it was first tried on; their texts and images say where they really are. The
 * page header and footer, and table header rows, are among the "following" nodes at positions of
 * their own: they are marked by style and passed over. A long table's lead-in (LEAD_IN_FIRST) also
 * moves when the room left under it is less than TABLE_START: pdfmake moves a table's header with
 * its first row as one block whose positions are again those first tried.
 */
export function keepHeadingsWithNext(node: Node, queries: NodeQueries): boolean {
  if (node.headlineLevel === undefined) return false;
  const top = node.startPosition?.top ?? 0;
  const following = queries.getFollowingNodesOnPage();
  if (node.headlineLevel === LEAD_IN_FIRST) {
    let last = node.startPosition?.verticalRatio ?? 0;
    for (const n of following) {
      if (n.headlineLevel !== LEAD_IN_REST) break;
      last = Math.max(last, n.startPosition?.verticalRatio ?? 0);
    }
    // The last line of the lead-in is itself about 20 points high.
    if ((1 - last) * (node.startPosition?.pageInnerHeight ?? 0) < TABLE_START + 20) return true;
  }
  return following.every(
    (n) =>
      n.headlineLevel !== undefined ||
      hasStyle(n, FURNITURE_STYLE) ||
      hasStyle(n, HEADER_STYLE) ||
      (n.text === undefined && n.image === undefined && n.canvas === undefined) ||
      (n.startPosition?.top ?? 0) <= top,
  );
}

function hasStyle(node: Node, name: string): boolean {
  const style: unknown = node.style;
  return style === name || (Array.isArray(style) && style.includes(name));
}
