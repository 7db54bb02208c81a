import type { Content, DynamicContent, TDocumentDefinitions } from 'pdfmake/interfaces.js';

/** A laid-out document to be bound into a combined PDF, with the page count it rendered to. */
export interface CombinePart {
  readonly definition: TDocumentDefinitions;
  readonly pageCount: number;
}

/**
 * One PDF of several forms: each part keeps its own header and footer, orientation, and its own
 * "第 X 页 共 Y 页" — the combined document dispatches header and footer by page to the part the
 * page belongs to. Parts are known to lay out to `pageCount` pages (they were rendered alone),
 * and start on a new page. An optional front part (a contents page) comes first.
 */
export function combineForms(parts: readonly CombinePart[], front?: CombinePart): TDocumentDefinitions {
  const all = front ? [front, ...parts] : [...parts];
  const first = all[0];
  if (!first) throw new Error('nothing to combine');
  const ranges: { start: number; part: CombinePart }[] = [];
  let page = 1;
  const content: Content[] = [];
  all.forEach((part, i) => {
    ranges.push({ start: page, part });
    page += part.pageCount;
    const body = Array.isArray(part.definition.content) ? [...part.definition.content] : [part.definition.content];
    const orientation = part.definition.pageOrientation ?? 'portrait';
    // The part's first node opens a new page in the part's orientation; an extra empty node
    // would take a line and could push the part onto one more page than it had alone.
    const head = body[0];
    if (i > 0 && head !== undefined) {
      body[0] = (typeof head === 'object' && !Array.isArray(head) ? { ...head, pageBreak: 'before', pageOrientation: orientation } : { stack: [head], pageBreak: 'before', pageOrientation: orientation }) as Content;
    }
    content.push(...body);
  });
  const dispatch = (key: 'header' | 'footer'): DynamicContent => (currentPage, _pageCount, pageSize) => {
    let range = ranges[0]!;
    for (const r of ranges) if (r.start <= currentPage) range = r;
    const fn = range.part.definition[key];
    if (typeof fn !== 'function') return fn ?? null;
    return fn(currentPage - range.start + 1, range.part.pageCount, pageSize);
  };
  // Metadata (with its fixed dates, for identical bytes) comes from the first form, not a contents page.
  const info = parts.find((p) => p.definition.info)?.definition.info ?? first.definition.info;
  return {
    ...first.definition,
    ...(info ? { info } : {}),
    pageOrientation: first.definition.pageOrientation ?? 'portrait',
    content,
    header: dispatch('header'),
    footer: dispatch('footer'),
  };
}

/** The page count pdfkit wrote into a PDF's page tree. */
export function pdfPageCount(pdf: Buffer): number {
  const match = /\/Type \/Pages\s*\/Count (\d+)/.exec(pdf.toString('latin1'));
  if (!match) throw new Error('no page tree in PDF');
  return Number(match[1]);
}
