import { createCanvas } from '@napi-rs/canvas';
import { getDocument, OPS, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Opens PDF bytes with pdfjs-dist, as a reader would. */
export async function openPdf(bytes: Buffer): Promise<PDFDocumentProxy> {
  return getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
}

/**
 * The text of each page as lines: items within 3 pt of the same baseline form a line, ordered
 * left to right; a space separates items only where the page shows a gap (so a name drawn in
 * two fonts, 张 + 琎, reads as one word). With `only`, just those pages are read.
 */
export async function pdfPages(bytes: Buffer, only?: ReadonlySet<number>): Promise<string[]> {
  const doc = await openPdf(bytes);
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    // Pages left out (`only` names the 1-based pages to read) are empty strings, in place.
    if (only !== undefined && !only.has(i)) {
      pages.push('');
      continue;
    }
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    const items = content.items
      .flatMap((item) =>
        'str' in item && item.str.trim() !== '' ? [{ x: item.transform[4] as number, y: item.transform[5] as number, w: item.width, s: item.str }] : [],
      )
      .sort((a, b) => b.y - a.y);
    const lines: { y: number; items: typeof items }[] = [];
    for (const item of items) {
      const line = lines.find((l) => Math.abs(l.y - item.y) <= 3);
      if (line) line.items.push(item);
      else lines.push({ y: item.y, items: [item] });
    }
    pages.push(
      lines
        .map((l) => {
          const sorted = l.items.sort((a, b) => a.x - b.x);
          let text = '';
          let end = -Infinity;
          for (const it of sorted) {
            text += (text === '' ? '' : it.x - end > 1 ? ' ' : '') + it.s.trim();
            end = it.x + it.w;
          }
          return text;
        })
        .join('\n'),
    );
  }
  await doc.destroy();
  return pages;
}

/** Renders one page to PNG bytes at `scale` (2 ≈ 144 dpi). */
export async function pageToPng(bytes: Buffer, pageNumber = 1, scale = 2): Promise<Buffer> {
  const doc = await openPdf(bytes);
  const page = await doc.getPage(pageNumber);
  const viewport = page.getViewport({ scale });
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: context as unknown as CanvasRenderingContext2D, viewport }).promise;
  const png = canvas.toBuffer('image/png');
  await doc.destroy();
  return png;
}

/**
 * Where each page draws its images: the bottom and top of each, in PDF points from the foot of
 * the page (as text positions are), from the page's drawing operators.
 */
export async function pdfImageBoxes(bytes: Buffer): Promise<{ bottom: number; top: number }[][]> {
  const doc = await openPdf(bytes);
  const pages: { bottom: number; top: number }[][] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const ops = await page.getOperatorList();
    const boxes: { bottom: number; top: number }[] = [];
    let ctm = [1, 0, 0, 1, 0, 0];
    const stack: number[][] = [];
    for (const [k, fn] of ops.fnArray.entries()) {
      if (fn === OPS.save) stack.push(ctm);
      else if (fn === OPS.restore) ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0];
      else if (fn === OPS.transform) {
        const [a, b, c, d, e, f] = ops.argsArray[k] as number[];
        ctm = [
          ctm[0]! * a! + ctm[2]! * b!,
          ctm[1]! * a! + ctm[3]! * b!,
          ctm[0]! * c! + ctm[2]! * d!,
          ctm[1]! * c! + ctm[3]! * d!,
          ctm[0]! * e! + ctm[2]! * f! + ctm[4]!,
          ctm[1]! * e! + ctm[3]! * f! + ctm[5]!,
        ];
      } else if (fn === OPS.paintImageXObject) boxes.push({ bottom: Math.min(ctm[5]!, ctm[5]! + ctm[3]!), top: Math.max(ctm[5]!, ctm[5]! + ctm[3]!) });
    }
    pages.push(boxes);
  }
  await doc.destroy();
  return pages;
}

/** The y of each text line of each page (PDF points from the foot), in the order of pdfPages' lines. */
export async function pdfLineHeights(bytes: Buffer): Promise<number[][]> {
  const doc = await openPdf(bytes);
  const pages: number[][] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    const ys = content.items.flatMap((item) => ('str' in item && item.str.trim() !== '' ? [item.transform[5] as number] : [])).sort((a, b) => b - a);
    const lines: number[] = [];
    for (const y of ys) if (!lines.some((l) => Math.abs(l - y) <= 3)) lines.push(y);
    pages.push(lines);
  }
  await doc.destroy();
  return pages;
}
