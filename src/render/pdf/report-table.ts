import type { Content, ContentTable, Node, NodeQueries, TableCell } from 'pdfmake/interfaces.js';
import { textNode, type MissingGlyphs } from './text-node.js';

const HEADER_FILL = '#eef1f5';
/** Tables of up to this many rows are kept on one page rather than split with a repeated header. */
const KEEP_TOGETHER_ROWS = 10;

/**
 * A plain report table: shaded header repeated on every page, thin rules, numbers aligned right;
 * a short table is never split.
 * `align` gives each column's alignment (default left).
 */
export function reportTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  options: { widths?: readonly (number | '*' | 'auto')[]; align?: readonly ('left' | 'center' | 'right')[]; fontSize?: number; missing?: MissingGlyphs } = {},
): Content {
  const fontSize = options.fontSize ?? 9.5;
  const header: TableCell[] = headers.map((h) => ({ ...textNode(h, { bold: true, fontSize, alignment: 'center' }, options.missing), fillColor: HEADER_FILL }));
  const body: TableCell[][] = [header, ...rows.map((row) => row.map((cell, i) => textNode(cell, { fontSize, alignment: options.align?.[i] ?? 'left' }, options.missing)))];
  const table: ContentTable = {
    table: { headerRows: 1, dontBreakRows: true, widths: (options.widths ?? headers.map(() => '*')) as never, body },
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

/**
 * pdfmake's pageBreakBefore hook that keeps headings with what follows them: a node marked with a
 * headlineLevel moves to the next page when nothing but headings would follow it on this one.
 */
export function keepHeadingsWithNext(node: Node, queries: NodeQueries): boolean {
  return node.headlineLevel !== undefined && queries.getFollowingNodesOnPage().every((n) => n.headlineLevel !== undefined);
}
