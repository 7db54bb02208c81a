import { createCanvas } from '@napi-rs/canvas';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Opens PDF bytes with pdfjs-dist, as a reader would. */
export async function openPdf(bytes: Buffer): Promise<PDFDocumentProxy> {
  return getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
}

/**
 * The text of each page as lines: items within 3 pt of the same baseline form a line, ordered
 * left to right; a space separates items only where the page shows a gap (so a name drawn in
 * two fonts, 张 + 琎, reads as one word).
 */
export async function pdfPages(bytes: Buffer): Promise<string[]> {
  const doc = await openPdf(bytes);
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    const items = content.items
      .flatMap((item) => ('str' in item && item.str.trim() !== '' ? [{ x: item.transform[4] as number, y: item.transform[5] as number, w: item.width, s: item.str }] : []))
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
