import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { tempFolder } from '../helpers/fixtures.js';
import { pdfImageBoxes, pdfPages } from '../helpers/pdf.js';

/** A 180 × 52 PNG logo: a dark block, as a company's logo file would be. */
function logoPng(): Buffer {
  const canvas = createCanvas(180, 52);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#1f3864';
  ctx.fillRect(0, 0, 180, 52);
  return canvas.toBuffer('image/png');
}

async function blankCapa(config: object): Promise<Buffer> {
  const folder = tempFolder({ 'logo.png': logoPng(), 'qmsdoc.config.json': JSON.stringify(config) });
  const out = tempFolder();
  let stderr = '';
  const code = await main(
    ['forms', '--blank', '--form', 'capa_report', '--output', out, '--config', path.join(folder, 'qmsdoc.config.json'), '--as-of', '2025-12-31'],
    { stdout: () => undefined, stderr: (t) => (stderr += t) },
  );
  expect(stderr).toBe('');
  expect(code).toBe(0);
  const pdf = readdirSync(out).find((f) => f.startsWith('QR-PZ-01'))!;
  return readFileSync(path.join(out, pdf));
}

describe('the company logo (company.logo)', () => {
  it('is drawn at the head of the page beside the company name, and only when configured', async () => {
    const company = { name: { zh: '示例精密机械有限公司', en: 'Example Co.' } };
    const withLogo = await blankCapa({ company: { ...company, logo: 'logo.png' } });
    const without = await blankCapa({ company });
    const [boxes] = await pdfImageBoxes(withLogo);
    expect(boxes).toHaveLength(1);
    // A4 is 841.89 pt high: the logo sits in the header band, 26 pt high at most (fit [90, 26]).
    expect(boxes![0]!.top).toBeGreaterThan(760);
    expect(boxes![0]!.top - boxes![0]!.bottom).toBeLessThanOrEqual(26.01);
    expect((await pdfImageBoxes(without))[0]).toEqual([]);
    expect((await pdfPages(withLogo))[0]).toContain('示例精密机械有限公司');
  });
});
