import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ChartJSNodeCanvas } from 'chartjs-node-canvas';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/paths.js';
import {
  deleteVirtualFile,
  drawChart,
  fontkit,
  installedVersion,
  loadPatched,
  PATCHED_VERSIONS,
  type PatchedPackage,
  type VirtualFs,
} from '../../src/render/library-patches.js';
import { FontSet, PRIMARY_FONT } from '../../src/render/pdf/font-set.js';
import { renderPdf } from '../../src/render/pdf/pdf-engine.js';
import { pdfPages } from '../helpers/pdf.js';

/**
 * Canaries of src/render/library-patches.ts: each fails when an installed version or the shape a
 * patch relies on changes, so an update cannot break a patch (or patch a copy not in use) silently.
 */
const require = createRequire(import.meta.url);
const manifest = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
const packages = Object.keys(PATCHED_VERSIONS) as PatchedPackage[];

/** The text of the installed copy's file that holds the patched code. */
function sourceOf(name: PatchedPackage, file: string): string {
  const entry = name === 'chartjs-node-canvas' ? require.resolve(name) : resolved(name);
  let dir = path.dirname(entry);
  while (!dir.endsWith(path.join('node_modules', name))) dir = path.dirname(dir);
  return readFileSync(path.join(dir, file), 'utf8');
}
function resolved(name: 'pdfmake' | 'pdfkit' | 'fontkit'): string {
  const pdfmake = require.resolve('pdfmake');
  if (name === 'pdfmake') return pdfmake;
  const pdfkit = createRequire(pdfmake).resolve('pdfkit');
  return name === 'pdfkit' ? pdfkit : createRequire(pdfkit).resolve('fontkit');
}

describe('patched third-party packages', () => {
  it.each(packages)('%s is installed at the version its patch was written for, pinned exactly in package.json', (name) => {
    expect(installedVersion(name)).toBe(PATCHED_VERSIONS[name]);
    expect(manifest.dependencies[name]).toBe(PATCHED_VERSIONS[name]);
  });

  it('patches the one fontkit that pdfkit uses, and the one pdfkit that pdfmake uses', () => {
    // With pdfkit and fontkit declared at the top level, npm installs one copy of each.
    expect(resolved('pdfkit')).toBe(require.resolve('pdfkit'));
    expect(resolved('fontkit')).toBe(require.resolve('fontkit'));
  });
});

describe('fontkit format registry (parsed fonts reused)', () => {
  it('answers the tagged bytes pdfkit is given with the font parsed once', () => {
    const fonts = FontSet.get();
    const bytes = fonts.files.get('sc-400.ttf')!;
    const first = fontkit().create(bytes);
    expect(fontkit().create(bytes)).toBe(first);
    expect(first.hasGlyphForCodePoint(0x4e2d)).toBe(true);
  });

  it('still calls probe and then the constructor of a registered format, as the patch relies on', () => {
    const source = sourceOf('fontkit', 'dist/main.cjs');
    expect(source).toMatch(/if \(format\.probe\(buffer\)\) \{\s*let font = new format\(new \(0, \S+\)\(buffer\)\);/);
  });
});

describe('pdfkit layoutCached and fontkit TTFGlyph._decode (caches shared across documents)', () => {
  it('keeps pdfkit’s per-document cache shape: layout calls layoutCached, which calls layoutRun', () => {
    const source = sourceOf('pdfkit', 'js/pdfkit.js');
    expect(source).toContain('  layoutCached(text) {\n    if (!this.layoutCache) {\n      return this.layoutRun(text);');
    expect(source).toContain('const run = this.layoutCached(text.slice(last, ++index));');
  });

  it('shapes a word once for all documents of the process', async () => {
    const definition = (text: string) => ({ content: [{ text, font: PRIMARY_FONT }], defaultStyle: { font: PRIMARY_FONT } });
    await renderPdf(definition('预热'));
    const PDFDocument = loadPatched<new (o: object) => { font(src: Buffer): { _font: object } }>('pdfkit');
    const proto = Object.getPrototypeOf(new PDFDocument({ autoFirstPage: false }).font(FontSet.get().files.get('sc-400.ttf')!)._font) as {
      layoutRun(text: string): unknown;
    };
    const original = proto.layoutRun;
    const shaped: string[] = [];
    proto.layoutRun = function counted(this: unknown, text: string) {
      shaped.push(text);
      return original.call(this, text);
    };
    try {
      await renderPdf(definition('纠正措施 canary'));
      const before = shaped.length;
      const pdf = await renderPdf(definition('纠正措施 canary'));
      expect(before).toBeGreaterThan(0);
      expect(shaped.length).toBe(before);
      expect((await pdfPages(pdf))[0]).toBe('纠正措施 canary');
    } finally {
      proto.layoutRun = original;
    }
  });

  it('finds _decode on the TrueType glyph class itself (else the decode cache is silently skipped)', () => {
    const glyph = FontSet.get().sampleGlyph();
    expect(Object.hasOwn(Object.getPrototypeOf(glyph), '_decode')).toBe(true);
    expect(glyph._decode()).toBe(glyph._decode());
  });
});

describe('fontkit TTFFont.getGlyph (one glyph object per glyph and characters)', () => {
  it('still builds a glyph only when its `_glyphs` cache has none, and returns the cached one', () => {
    const source = sourceOf('fontkit', 'dist/main.cjs');
    expect(source).toMatch(/getGlyph\(glyph, characters = \[\]\) \{\s*if \(!this\._glyphs\[glyph\]\) \{/);
    expect(source).toContain('return this._glyphs[glyph] || null;');
  });

  it('gives • and ·, one glyph in Noto Sans SC, each its own characters whichever came first', async () => {
    await renderPdf({ content: [{ text: '预热' }], defaultStyle: { font: PRIMARY_FONT } });
    const font = (FontSet.get().sampleGlyph() as unknown as { _font: { glyphForCodePoint(c: number): { id: number; codePoints: number[] } } })._font;
    const bullet = font.glyphForCodePoint(0x2022);
    const middleDot = font.glyphForCodePoint(0x00b7);
    expect(middleDot.id).toBe(bullet.id);
    expect([bullet.codePoints, middleDot.codePoints]).toEqual([[0x2022], [0x00b7]]);
    expect(font.glyphForCodePoint(0x00b7)).toBe(middleDot);
  });

  it('writes into a PDF the characters of its own text, not of a document rendered before', async () => {
    const definition = (text: string) => ({ content: [{ text }], defaultStyle: { font: PRIMARY_FONT } });
    await renderPdf(definition('• 要点'));
    expect((await pdfPages(await renderPdf(definition('甲·乙'))))[0]).toBe('甲·乙');
  });
});

describe('pdfmake virtual file system storage (images freed)', () => {
  it('keeps its files in `storage` under their name, so deleting one frees it', () => {
    const pdfmake = loadPatched<{ virtualfs: VirtualFs & { existsSync(name: string): boolean; storage: Record<string, unknown> } }>('pdfmake');
    pdfmake.virtualfs.writeFileSync('canary.png', Buffer.from([1]));
    expect(Object.keys(pdfmake.virtualfs.storage)).toContain('canary.png');
    deleteVirtualFile(pdfmake.virtualfs, 'canary.png');
    expect(pdfmake.virtualfs.existsSync('canary.png')).toBe(false);
  });
});

describe('chartjs-node-canvas renderChart (pixels before PNG encoding)', () => {
  it('returns the chart.js chart with its canvas', () => {
    const renderer = new ChartJSNodeCanvas({ width: 40, height: 30 });
    const chart = drawChart<object, { canvas: { width: number; height: number }; destroy(): void }>(renderer, {
      type: 'bar',
      data: { labels: ['a'], datasets: [{ data: [1] }] },
      options: { animation: false, devicePixelRatio: 1 },
    });
    try {
      expect([chart.canvas.width, chart.canvas.height]).toEqual([40, 30]);
    } finally {
      chart.destroy();
    }
  });
});
