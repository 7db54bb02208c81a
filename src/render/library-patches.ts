import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Every place qmsdoc reaches into a third-party library's internals, in one module.
 *
 * Each patch names the reason, the exact version it was written against (PATCHED_VERSIONS, the
 * same versions package.json pins) and is watched by test/render/library-patches.test.ts, which
 * fails when an installed version or a patched shape changes. Updating one of these packages
 * means: read the patched code in the new version, adjust the patch, then the pin and the canary.
 */
export const PATCHED_VERSIONS = {
  /** EmbeddedFont.layoutCached (shared shaped runs). */
  pdfkit: '0.19.1',
  /** The format registry (parsed fonts reused), TTFGlyph._decode (decoded outlines kept), TTFFont.getGlyph (glyphs per characters). */
  fontkit: '2.0.4',
  /** The virtual file system's `storage` (images removed). */
  pdfmake: '0.3.11',
  /** ChartJSNodeCanvas.renderChart, private in the typings (pixels without PNG encoding). */
  'chartjs-node-canvas': '5.0.0',
} as const;

export type PatchedPackage = keyof typeof PATCHED_VERSIONS;

const require = createRequire(import.meta.url);

/**
 * The copies that pdfmake really uses: pdfkit as pdfmake resolves it, fontkit as pdfkit resolves
 * it. Patching a copy resolved from this package instead could patch a different copy, silently.
 */
function resolveChain(name: 'pdfmake' | 'pdfkit' | 'fontkit'): string {
  const pdfmake = require.resolve('pdfmake');
  if (name === 'pdfmake') return pdfmake;
  const pdfkit = createRequire(pdfmake).resolve('pdfkit');
  if (name === 'pdfkit') return pdfkit;
  return createRequire(pdfkit).resolve('fontkit');
}

/** Loads a patched package, pdfmake's own copy for pdfmake, pdfkit and fontkit. */
export function loadPatched<T>(name: PatchedPackage): T {
  return require(name === 'chartjs-node-canvas' ? name : resolveChain(name)) as T;
}

/** The version of the installed copy that loadPatched uses (for the canary test). */
export function installedVersion(name: PatchedPackage): string {
  const entry = name === 'chartjs-node-canvas' ? require.resolve(name) : resolveChain(name);
  const local = createRequire(entry);
  // The package.json of the package owning `entry`: walk up to the folder named after it.
  let dir = path.dirname(entry);
  while (!dir.endsWith(path.join('node_modules', name))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the package.json of ${name}`);
    dir = parent;
  }
  return (local(path.join(dir, 'package.json')) as { version: string }).version;
}

// ---------------------------------------------------------------------------------------------
// fontkit: the format registry

/** The parts of a fontkit font qmsdoc uses. */
export interface FontkitFont {
  readonly characterSet: readonly number[];
  readonly unitsPerEm: number;
  hasGlyphForCodePoint(codePoint: number): boolean;
  layout(text: string): { advanceWidth: number };
  glyphForCodePoint(codePoint: number): GlyphLike;
}
interface Fontkit {
  create(buffer: Uint8Array): FontkitFont;
  registerFormat(format: unknown): void;
}
interface GlyphLike {
  _decode(): unknown;
}

/** fontkit as pdfkit uses it. */
export function fontkit(): Fontkit {
  return loadPatched<Fontkit>('fontkit');
}

/**
 * Bytes handed to pdfkit start with this tag, which no real font format claims, so fontkit's own
 * readers pass them by and the cached-font format below answers with the font parsed once. The
 * second word must point far outside the buffer: fontkit's DFont probe follows it as an offset
 * and would otherwise decode the font bytes as a resource map (and run out of memory).
 */
const CACHE_TAG = Buffer.from([0x51, 0x4d, 0x53, 0x46, 0xff, 0xff, 0xff, 0xf0]);
const parsed = new WeakMap<Uint8Array, FontkitFont>();
let lastProbed: FontkitFont | null = null;
let formatRegistered = false;

/**
 * PATCH (fontkit 2.0.4, format registry): a fontkit "format" that recognises tagged buffers and
 * returns the already parsed font. pdfmake re-reads and re-parses every font for every document
 * (190–280 ms a form with the 8 MB OTF); pdfmake has no option to reuse fonts, and fontkit.create
 * cannot be replaced, so the reuse goes through fontkit's own format registry — relying on
 * fontkit calling `probe(buffer)` and then `new Format(buffer)` at once, as `create` does.
 */
class CachedFontFormat {
  static probe(buffer: Uint8Array): boolean {
    lastProbed = parsed.get(buffer) ?? null;
    return lastProbed !== null;
  }
  constructor() {
    const font = lastProbed;
    lastProbed = null;
    if (font === null) throw new Error('cached font probe did not precede construction');
    // biome-ignore lint/correctness/noConstructorReturn: fontkit's registry constructs formats; returning the parsed font is the point.
    return font as unknown as CachedFontFormat;
  }
}

/**
 * Parses `sfnt` once and returns tagged bytes: fontkit.create (pdfkit's, for every document)
 * answers them with that parsed font. `font` is the parsed font itself.
 */
export function cachedFontBytes(sfnt: Buffer): { readonly bytes: Buffer; readonly font: FontkitFont } {
  const kit = fontkit();
  if (!formatRegistered) {
    kit.registerFormat(CachedFontFormat);
    formatRegistered = true;
  }
  const bytes = Buffer.concat([CACHE_TAG, sfnt]);
  const font = kit.create(sfnt);
  parsed.set(bytes, font);
  return { bytes, font };
}

// ---------------------------------------------------------------------------------------------
// pdfkit: shaped runs; fontkit: decoded glyphs

/** The parts of pdfkit's EmbeddedFont this module touches. */
interface EmbeddedFontLike {
  font: object;
  layoutRun(text: string): unknown;
  layoutCached(text: string): unknown;
}

/** Shaped text runs kept per font across documents; cleared when it grows past this. */
const MAX_SHARED_RUNS = 100_000;

let speedupsApplied = false;

/**
 * PATCH (pdfkit 0.19.1 EmbeddedFont.layoutCached; fontkit 2.0.4 TTFGlyph._decode): two caches
 * pdfkit and fontkit keep per document, made per process, because every form shares the same
 * two fonts:
 * - pdfkit shapes each word with fontkit once per document (EmbeddedFont.layoutCached); shaped
 *   runs depend only on the font and the text, so one cache per font serves all documents.
 *   (pdfkit copies a run before changing it for word spacing.)
 * - fontkit's TrueType subsetter decodes a glyph's outline every time a document includes the
 *   glyph, only to learn whether it is composite; the decoded glyph never changes.
 * Measured on 1,000 one-page forms. `sample` is the tagged bytes of a TrueType font (to reach the
 * classes, which neither package exports); `glyph` a glyph of that font.
 */
export function applyPdfkitSpeedups(sample: Buffer, glyph: GlyphLike): void {
  if (speedupsApplied) return;
  speedupsApplied = true;
  const PDFDocument = loadPatched<new (options: object) => { font(src: Buffer): { _font: EmbeddedFontLike } }>('pdfkit');
  const embedded = new PDFDocument({ autoFirstPage: false }).font(sample)._font;
  const fontProto = Object.getPrototypeOf(embedded) as EmbeddedFontLike;
  const shared = new WeakMap<object, Map<string, unknown>>();
  fontProto.layoutCached = function layoutCached(this: EmbeddedFontLike, text: string): unknown {
    let runs = shared.get(this.font);
    if (!runs || runs.size > MAX_SHARED_RUNS) {
      runs = new Map();
      shared.set(this.font, runs);
    }
    let run = runs.get(text);
    if (run === undefined) {
      run = this.layoutRun(text);
      runs.set(text, run);
    }
    return run;
  };
  const glyphProto = Object.getPrototypeOf(glyph) as GlyphLike;
  if (Object.hasOwn(glyphProto, '_decode')) {
    const decode = glyphProto._decode;
    const decoded = new WeakMap<object, unknown>();
    glyphProto._decode = function cachedDecode(this: GlyphLike): unknown {
      if (!decoded.has(this)) decoded.set(this, decode.call(this));
      return decoded.get(this);
    };
  }
}

// ---------------------------------------------------------------------------------------------
// fontkit: one glyph object per glyph and characters

/** The parts of a fontkit font and glyph the patch below touches. */
interface GlyphCacheFont {
  _glyphs: Record<number, CharacterGlyph | undefined>;
  getGlyph(id: number, characters?: readonly number[]): CharacterGlyph | null;
}
interface CharacterGlyph {
  readonly codePoints: readonly number[];
  readonly _font?: object;
}

/** Font classes whose getGlyph is patched, and the glyphs made for other characters, per font. */
const glyphCachePatched = new WeakSet<object>();
const glyphVariants = new WeakMap<object, Map<string, CharacterGlyph | null>>();

/**
 * PATCH (fontkit 2.0.4 TTFFont.getGlyph and its `_glyphs` cache): makes a PDF's text layer a
 * function of that PDF's own text. fontkit keeps one glyph object per glyph id and font, with
 * the characters of its first request: where two characters share a glyph (• and · in Noto Sans SC) the glyph says whichever came first in the process, and pdfkit
 * writes that character into the document's ToUnicode map. The fonts are parsed once per process,
 * so the bytes of a form depended on the forms rendered before it on the same thread — a record
 * rendered alone (an incremental rebuild) differed from the same record rendered in a batch.
 * Here a request for a glyph with other characters than the cached glyph's gets a glyph object of
 * its own (made once, kept per font), so each document maps its glyphs to its own characters.
 * `glyph` is any glyph of the fonts (the patch goes on their shared class).
 */
export function stableGlyphCodePoints(glyph: object): void {
  const font = (glyph as CharacterGlyph)._font;
  if (font === undefined) return;
  const proto = Object.getPrototypeOf(font) as GlyphCacheFont;
  if (glyphCachePatched.has(proto) || typeof proto.getGlyph !== 'function') return;
  glyphCachePatched.add(proto);
  const getGlyph = proto.getGlyph;
  proto.getGlyph = function getGlyphForCharacters(this: GlyphCacheFont, id: number, characters: readonly number[] = []): CharacterGlyph | null {
    const cached = this._glyphs[id];
    if (cached === undefined || characters.length === 0 || sameCodePoints(cached.codePoints, characters)) return getGlyph.call(this, id, characters);
    let byCharacters = glyphVariants.get(this);
    if (byCharacters === undefined) {
      byCharacters = new Map();
      glyphVariants.set(this, byCharacters);
    }
    const key = `${id}:${characters.join(',')}`;
    let variant = byCharacters.get(key);
    if (variant === undefined) {
      // fontkit builds a glyph only when its cache has none: let it build one, then put the first back.
      delete this._glyphs[id];
      variant = getGlyph.call(this, id, characters);
      this._glyphs[id] = cached;
      byCharacters.set(key, variant);
    }
    return variant;
  };
}

function sameCodePoints(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((c, i) => c === b[i]);
}

// ---------------------------------------------------------------------------------------------
// pdfmake: the virtual file system

/** pdfmake's virtual file system as qmsdoc uses it. */
export interface VirtualFs {
  writeFileSync(name: string, data: Buffer): void;
}

/**
 * PATCH (pdfmake 0.3.11 VirtualFileSystem.storage): pdfmake's virtual file system has no delete;
 * its files live in `storage` under their name. A build registers each report's charts and frees
 * them after the report, so memory does not grow with the number of months.
 */
export function deleteVirtualFile(fs: VirtualFs, name: string): void {
  delete (fs as unknown as { storage: Record<string, unknown> }).storage[name];
}

// ---------------------------------------------------------------------------------------------
// chartjs-node-canvas: the chart before PNG encoding

/**
 * PATCH (chartjs-node-canvas 5.0.0, `renderChart`, private in the typings and public at run
 * time): renderToBufferSync would encode an RGBA PNG; qmsdoc takes the chart's canvas instead and
 * encodes its pixels without alpha (see opaquePng). The caller destroys the chart.
 */
export function drawChart<Config, Chart>(renderer: object, config: Config): Chart {
  return (renderer as { renderChart(config: Config): Chart }).renderChart(config);
}
