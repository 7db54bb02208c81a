import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { cachedFontBytes, type FontkitFont } from '../library-patches.js';
import { woffToSfnt } from './woff-to-sfnt.js';

const require = createRequire(import.meta.url);

/** Font family names as pdfmake knows them. */
export const PRIMARY_FONT = 'NotoSansSC';
export const FALLBACK_FONT = 'NotoSansHans';

/** The folder of an installed package whose "exports" hide its files from require.resolve. */
function packageDir(name: string): string {
  let dir = path.dirname(require.resolve(name));
  while (!dir.endsWith(path.join('node_modules', ...name.split('/')))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot locate the package ${name}`);
    dir = parent;
  }
  return dir;
}

/** Texts whose shaped widths FontSet keeps (about 100 bytes each). */
const MAX_CACHED_TEXTS = 50_000;

/** One text run and the font family that has all its glyphs. */
export interface FontRun {
  readonly text: string;
  readonly font: string;
}

/**
 * The Chinese fonts of every PDF, loaded and parsed once per process: Noto Sans SC (TrueType
 * outlines, the commonly used hanzi; fast to subset) first, the full Noto Sans Hans OTF for any
 * character it lacks (rare characters in names). A character neither has is reported, never
 * printed as a blank box.
 */
export class FontSet {
  /** pdfmake virtual file name → bytes. */
  readonly files: ReadonlyMap<string, Buffer>;
  private readonly primary: FontkitFont;
  private readonly primaryBold: FontkitFont;
  private readonly fallback: FontkitFont;
  private readonly primaryCodes: ReadonlySet<number>;

  private constructor() {
    const sc = path.join(packageDir('@fontsource/noto-sans-sc'), 'files');
    const hans = path.join(packageDir('@embedpdf/fonts-sc'), 'fonts');
    const primaryRegular = woffToSfnt(readFileSync(path.join(sc, 'noto-sans-sc-chinese-simplified-400-normal.woff')));
    const primaryBold = woffToSfnt(readFileSync(path.join(sc, 'noto-sans-sc-chinese-simplified-700-normal.woff')));
    const fallbackRegular = readFileSync(path.join(hans, 'NotoSansHans-Regular.otf'));
    const fallbackBold = readFileSync(path.join(hans, 'NotoSansHans-Bold.otf'));
    const sc400 = cachedFontBytes(primaryRegular);
    const sc700 = cachedFontBytes(primaryBold);
    const hans400 = cachedFontBytes(fallbackRegular);
    const hans700 = cachedFontBytes(fallbackBold);
    this.files = new Map<string, Buffer>([
      ['sc-400.ttf', sc400.bytes],
      ['sc-700.ttf', sc700.bytes],
      ['hans-400.otf', hans400.bytes],
      ['hans-700.otf', hans700.bytes],
    ]);
    this.primary = sc400.font;
    this.primaryBold = sc700.font;
    this.fallback = hans400.font;
    this.primaryCodes = new Set(this.primary.characterSet);
  }

  private static instance: FontSet | null = null;

  /** The full Noto Sans Hans OTF on disk (charts register it with the canvas; OTF is fine there). */
  static fallbackFontFile(bold = false): string {
    return path.join(packageDir('@embedpdf/fonts-sc'), 'fonts', bold ? 'NotoSansHans-Bold.otf' : 'NotoSansHans-Regular.otf');
  }

  /** The process-wide font set (fonts are read and parsed on first use only). */
  static get(): FontSet {
    FontSet.instance ??= new FontSet();
    return FontSet.instance;
  }

  /** A glyph of the primary (TrueType) font, for patching fontkit's glyph class. */
  sampleGlyph(): { _decode(): unknown } {
    return this.primary.glyphForCodePoint(0x4e2d);
  }

  /** pdfmake's font table. */
  pdfmakeFonts(): Record<string, { normal: string; bold: string; italics: string; bolditalics: string }> {
    return {
      [PRIMARY_FONT]: { normal: 'sc-400.ttf', bold: 'sc-700.ttf', italics: 'sc-400.ttf', bolditalics: 'sc-700.ttf' },
      [FALLBACK_FONT]: { normal: 'hans-400.otf', bold: 'hans-700.otf', italics: 'hans-400.otf', bolditalics: 'hans-700.otf' },
    };
  }

  /** Width of a text in points at `size`, as pdfkit will set it (for packing tick boxes into lines). */
  measure(text: string, size: number, bold = false): number {
    let width = 0;
    // Computed as without the cache, run by run in the same order: the same widths to the last bit.
    for (const run of this.advances(text, bold)) width += (run.advanceWidth * size) / run.unitsPerEm;
    return width;
  }

  /** Advance widths (font units) of a text's runs, by text and weight. */
  private readonly advanceCache = new Map<string, readonly { readonly advanceWidth: number; readonly unitsPerEm: number }[]>();

  /**
   * The runs' advance widths of a text. Shaping one character with fontkit costs as much as a
   * long word (its feature tables are set up on every call), and fitting a text to its box
   * measures each of its characters at up to twenty sizes: the shaping is done once per text.
   */
  private advances(text: string, bold: boolean): readonly { readonly advanceWidth: number; readonly unitsPerEm: number }[] {
    const key = `${bold ? 'b' : 'r'}${text}`;
    let runs = this.advanceCache.get(key);
    if (runs === undefined) {
      runs = this.runs(text).runs.map((run) => {
        const font = run.font === PRIMARY_FONT ? (bold ? this.primaryBold : this.primary) : this.fallback;
        return { advanceWidth: font.layout(run.text).advanceWidth, unitsPerEm: font.unitsPerEm };
      });
      // Bounded: the texts measured are mostly single characters and words, but a large run has many.
      if (this.advanceCache.size >= MAX_CACHED_TEXTS) this.advanceCache.clear();
      this.advanceCache.set(key, runs);
    }
    return runs;
  }

  /** Whether some embedded font can draw the character. */
  covers(codePoint: number): boolean {
    return this.primaryCodes.has(codePoint) || this.fallback.hasGlyphForCodePoint(codePoint);
  }

  /**
   * Splits text into runs of one font each: the primary font wherever it has the glyph. Spaces
   * and line breaks stay with the run they are in. Characters no font has are replaced by "?"
   * and returned in `missing`, so the caller can report them.
   */
  runs(text: string): { runs: FontRun[]; missing: string[] } {
    const runs: FontRun[] = [];
    const missing: string[] = [];
    let current = '';
    let currentFont = PRIMARY_FONT;
    for (const ch of text) {
      const code = ch.codePointAt(0)!;
      let font: string;
      let out = ch;
      if (code < 0x80 || this.primaryCodes.has(code) || code === 0x0a) font = currentFont === FALLBACK_FONT && code === 0x20 ? FALLBACK_FONT : PRIMARY_FONT;
      else if (this.fallback.hasGlyphForCodePoint(code)) font = FALLBACK_FONT;
      else {
        missing.push(ch);
        out = '?';
        font = PRIMARY_FONT;
      }
      if (font !== currentFont && current !== '') {
        runs.push({ text: current, font: currentFont });
        current = '';
      }
      currentFont = font;
      current += out;
    }
    if (current !== '' || runs.length === 0) runs.push({ text: current, font: currentFont });
    return { runs, missing };
  }
}
