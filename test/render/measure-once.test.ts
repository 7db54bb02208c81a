import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { describe, expect, it } from 'vitest';
import { PRIMARY_FONT } from '../../src/render/pdf/font-set.js';
import { measuredPassesReused, measureOnce, setMeasureOnce } from '../../src/render/pdf/measure-once.js';
import { renderPdf } from '../../src/render/pdf/pdf-engine.js';
import { keepHeadingsWithNext } from '../../src/reports/report-table.js';

/**
 * A document whose heading lands at the foot of page 1 for some number of lines before it:
 * keepHeadingsWithNext moves it, which makes pdfmake lay the document out a second time.
 * (Built here rather than taken from the sample, whose reports may or may not move a heading.)
 */
function definition(lines: number): TDocumentDefinitions {
  const content: Content[] = [];
  for (let i = 0; i < lines; i++) content.push({ text: `第 ${i + 1} 行：投诉编号 KS-2025-${String(i).padStart(3, '0')} 已结案。` });
  content.push({ text: '二、本月投诉明细', fontSize: 14, bold: true, headlineLevel: 1 });
  for (let i = 0; i < 5; i++) content.push({ text: `明细 ${i + 1}` });
  const stamp = new Date(Date.UTC(2025, 11, 31));
  // Fixed dates: pdfkit stamps the clock otherwise, and the two renderings are compared byte for byte.
  return {
    info: { creationDate: stamp, modDate: stamp },
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 40],
    defaultStyle: { font: PRIMARY_FONT, fontSize: 10 },
    content,
    pageBreakBefore: keepHeadingsWithNext,
  };
}

describe('measure once, then break', () => {
  it('lays a document out again after a moved heading without measuring it again, to the same bytes', async () => {
    measureOnce();
    let moved = 0;
    for (let lines = 40; lines <= 60 && moved === 0; lines++) {
      setMeasureOnce(false);
      const measuredEachPass = await renderPdf(definition(lines));
      setMeasureOnce(true);
      const before = measuredPassesReused();
      const measuredOnce = await renderPdf(definition(lines));
      moved = measuredPassesReused() - before;
      expect(measuredOnce.equals(measuredEachPass), `${lines} lines`).toBe(true);
    }
    // Some line count put the heading at the page's foot, and its second pass reused the measurement.
    expect(moved).toBeGreaterThan(0);
  }, 300_000);
});
